package org.huimin.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * API responses leave the server in one piece: one {@code write} to the socket per response instead of two or three.
 * <p>
 * Why: a JSON body written as a stream has no length when its headers go out, so Tomcat sends it chunked, and the
 * message converter's flush sends the headers and body in one write and the closing chunk in another. A body larger
 * than Tomcat's 8 KB socket buffer (a department's day of slots is about 21 KB) goes out in 8 KB writes. Each write
 * is a system call and, on the receiving side, a wake-up; at release time, when 2,000 residents book and list slots
 * within a second, the server's profile had a sixth of its CPU time in {@code write}. So
 * <ul>
 * <li>JSON bodies of controller responses (problems included) are serialised into memory first and sent with a
 * {@code Content-Length}: headers and body in one write, and no closing chunk. They are small (a page of a list, a
 * day of slots); streamed responses (server-sent events) are left as they are;</li>
 * <li>Tomcat's socket buffer holds 32 KB, so a day's slots leaves in one write.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SizedJsonResponses {

    /** Tomcat's socket write buffer: larger than the largest common API response. */
    static final int SOCKET_WRITE_BUFFER = 32 * 1024;

    /** After Spring Boot's own JSON converter (order 0), which this one replaces. */
    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer sizedJsonConverter(JsonMapper json) {
        return builder -> builder.withJsonConverter(new SizedJsonConverter(json));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize",
                Integer.toString(SOCKET_WRITE_BUFFER)));
    }

    /** Spring's Jackson converter that writes a controller's body with its length. */
    static final class SizedJsonConverter extends JacksonJsonHttpMessageConverter {

        SizedJsonConverter(JsonMapper json) {
            super(json);
        }

        @Override
        protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output,
                Map<String, Object> hints) throws IOException, HttpMessageNotWritableException {
            if (!(output instanceof ServletServerHttpResponse)) { // a server-sent event: a stream that stays open
                super.writeInternal(value, type, output, hints);
                return;
            }
            Buffered buffered = new Buffered(output.getHeaders());
            super.writeInternal(value, type, buffered, hints);
            output.getHeaders().setContentLength(buffered.body.size());
            buffered.body.writeTo(output.getBody());
        }
    }

    /** An output message that keeps its body in memory; its headers are the real response's. */
    private static final class Buffered implements HttpOutputMessage {

        private final HttpHeaders headers;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);

        Buffered(HttpHeaders headers) {
            this.headers = headers;
        }

        @Override
        public OutputStream getBody() {
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
