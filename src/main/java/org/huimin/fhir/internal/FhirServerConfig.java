package org.huimin.fhir.internal;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;

import org.huimin.fhir.PlainProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts HAPI's RestfulServer at {@code /fhir/r4} with every module's resource providers and plain providers. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfig {

    /**
     * The server's own context parses strictly: an unknown element, an invalid code of a required binding (such as
     * {@code Observation.status}) or a malformed date rejects the request instead of being dropped with a warning,
     * so bad data from an institution never reaches the record half-read.
     */
    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        context.setParserErrorHandler(new StrictErrorHandler());
        return context;
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
            List<PlainProvider> plainProviders, org.springframework.context.MessageSource messages) {
        RestfulServer server = new RestfulServer(context);
        server.setServerName("Huimin FHIR R4");
        server.setImplementationDescription("Huimin regional health platform");
        server.setResourceProviders(providers);
        server.setPlainProviders(List.copyOf(plainProviders));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setDefaultPrettyPrint(false);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(500);
        paging.setDefaultPageSize(20);
        // Patient/$everything of a lifelong record is read in pages of up to 1,000 entries
        paging.setMaximumPageSize(1000);
        server.setPagingProvider(paging);
        server.registerInterceptor(new ProblemTranslator(messages));
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/r4/*");
        registration.setName("fhirR4");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
