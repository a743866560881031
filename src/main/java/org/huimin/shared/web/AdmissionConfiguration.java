package org.huimin.shared.web;

import java.net.URI;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the {@link AdmissionGate} on {@code /api/*} and {@code /fhir/*}: after the HTTP metrics filter (so request
 * timings include the wait) and before Spring Security (so a waiting request has done no work yet).
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    /** Between the observation filter (highest precedence + 1) and Spring Security (-100). */
    static final int ORDER = -150;

    @Bean
    FilterRegistrationBean<AdmissionGate> admissionGate(AdmissionProperties properties,
            ObjectProvider<DataSource> dataSource, Problems problems, JsonMapper json, LocaleResolver locales,
            ObjectProvider<MeterRegistry> meters) {
        int concurrency = properties.concurrency() > 0 ? properties.concurrency()
                : defaultConcurrency(poolSize(dataSource.getIfAvailable()), Runtime.getRuntime().availableProcessors());
        AdmissionGate gate = new AdmissionGate(concurrency, properties.maxWait(), (request, response, seconds) -> {
            ProblemDetail problem = problems.build(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "problem.overloaded",
                    new Object[] {seconds}, locales.resolveLocale(request));
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Problems.asMap(problem));
        });
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("huimin.admission.running", gate, AdmissionGate::running)
                    .description("API requests running inside the admission gate").register(registry);
            Gauge.builder("huimin.admission.waiting", gate, AdmissionGate::waiting)
                    .description("API requests waiting at the admission gate").register(registry);
            FunctionCounter.builder("huimin.admission.refused", gate, AdmissionGate::refused)
                    .description("API requests refused after waiting too long at the admission gate")
                    .register(registry);
        }
        FilterRegistrationBean<AdmissionGate> registration = new FilterRegistrationBean<>(gate);
        registration.addUrlPatterns("/api/*", "/fhir/*");
        registration.setOrder(ORDER);
        registration.setName("admissionGate");
        registration.setEnabled(properties.enabled());
        return registration;
    }

    /**
     * The database pool's size, and at most twice the processors: the requests inside the gate are the ones using the
     * CPU (a booking waiting for its batch steps out), and more of them than that only share the cores, with the batch
     * worker that every booking waits for (the flash crowd's figures with four and with ten: docs/scheduling.md,
     * Performance).
     */
    static int defaultConcurrency(int poolSize, int processors) {
        return Math.max(1, Math.min(poolSize, 2 * processors));
    }

    private static int poolSize(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            return Math.max(1, hikari.getMaximumPoolSize());
        }
        return 10; // Hikari's default
    }
}
