package org.huimin.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header and the bearer-token scheme, so Swagger UI can call secured endpoints. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI huiminOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Huimin (惠民) API").version("v1")
                        .description("Regional Internet + Healthcare platform. Log in with POST /api/v1/auth/login "
                                + "and send the token as 'Authorization: Bearer …'. Errors are RFC 9457 "
                                + "application/problem+json in zh-CN (default) or English (Accept-Language).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
