package org.huimin.identity.internal;

import org.huimin.identity.code.HealthCodeProperties;
import org.huimin.shared.security.PublicEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthCodeProperties.class)
class IdentityConfiguration {

    /** Registration, confirmation and resend ({@code /**} matches the path itself too). */
    @Bean
    PublicEndpoint registerEndpoint() {
        return new PublicEndpoint(HttpMethod.POST, "/api/v1/residents/register/**");
    }

    @Bean
    PublicEndpoint trustListEndpoint() {
        return new PublicEndpoint(HttpMethod.GET, "/api/v1/health-codes/trust-list");
    }

    /** Registration and code requests per client address ({@code huimin.identity.registration.per-minute}). */
    @Bean
    RegistrationRateLimiter registrationRateLimiter(
            @Value("${huimin.identity.registration.per-minute:20}") int perMinute) {
        return new RegistrationRateLimiter(perMinute);
    }
}
