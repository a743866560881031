package org.huimin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.huimin.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** API responses carry their length (one write to the socket), and Tomcat's socket buffer holds a day of slots. */
class SizedJsonResponsesTest extends HttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    WebServerApplicationContext context;

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept", "application/json, application/problem+json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertSized(HttpResponse<byte[]> r) {
        assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().length);
        assertThat(r.body().length).isPositive();
    }

    @Test
    void aJsonBodyIsSentWithItsLength() throws Exception {
        HttpResponse<byte[]> login = send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"resident\",\"password\":\""
                        + org.huimin.support.Api.DEMO_PASSWORD + "\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertSized(login);
    }

    @Test
    void aProblemIsSentWithItsLength() throws Exception {
        String token = api.login("resident");
        HttpResponse<byte[]> missing = send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/appointments/"
                + UUID.randomUUID())).header("Authorization", "Bearer " + token).GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertSized(missing);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"status\":404");
    }

    @Test
    void tomcatWritesUpTo32KbAtOnce() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        assertThat(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize"))
                .hasToString(Integer.toString(SizedJsonResponses.SOCKET_WRITE_BUFFER));
    }
}
