package org.huimin.account.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.shared.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP security chain: stateless bearer tokens, public directory and static pages, everything else under
 * {@code /api} and {@code /fhir} authenticated, method security for roles. Tokens are accepted from the platform's
 * own issuer and, when {@code huimin.security.oidc.issuer-uri} is set, from a region's OIDC provider whose roles
 * claim ({@code huimin.security.oidc.roles-claim}) maps to platform roles. Refusals are RFC 9457 problems, and
 * every permission denial is audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Scripts only from Huimin itself; inline styles are allowed because Vant and Element Plus set them; images may
     * be data URIs (QR codes, icons); no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with {id} prefixes so that hashes can move to argon2 without a flag day
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LockoutPolicy lockoutPolicy(@Value("${huimin.security.lockout.max-failures:5}") int maxFailures,
            @Value("${huimin.security.lockout.window:PT15M}") Duration window,
            @Value("${huimin.security.lockout.duration:PT15M}") Duration duration) {
        return new LockoutPolicy(maxFailures, window, duration);
    }

    /**
     * No observation around each security filter, authentication and authorisation: the property
     * {@code management.observations.enable.spring.security=false} only silences them, while the filter chain is still
     * wrapped (and the wrappers built) on every request. HTTP request metrics stay.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, its character rules checked without regular expressions (see {@link FirewallCharacters}). */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer firewall() {
        return web -> web.httpFirewall(FirewallCharacters.firewall());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenService tokens, ProblemWriter problems,
            AuditLog audit, java.util.List<org.huimin.shared.security.PublicEndpoint> publicEndpoints,
            @Value("${huimin.security.oidc.issuer-uri:}") String oidcIssuer,
            @Value("${huimin.security.oidc.roles-claim:roles}") String oidcRolesClaim) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.unauthorized");
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            audit.record(AuditEvent.byCurrentActor("PERMISSION_DENIED", "Endpoint",
                    request.getMethod() + " " + request.getRequestURI(), Outcome.DENIED));
            problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                            .requestMatchers(HttpMethod.GET, "/api/v1/directory/**").permitAll();
                    publicEndpoints.forEach(p -> auth.requestMatchers(p.method(), p.pattern()).permitAll());
                    auth.requestMatchers("/api/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/fhir/r4/metadata").permitAll()
                        .requestMatchers("/fhir/**").authenticated()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole("PLATFORM_ADMIN")
                        .anyRequest().permitAll();
                })
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new AuthorizationHeaderTokens())
                        .authenticationManagerResolver(issuers(tokens, oidcIssuer, oidcRolesClaim))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    private static AuthenticationManagerResolver<HttpServletRequest> issuers(TokenService tokens, String oidcIssuer,
            String rolesClaim) {
        Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(tokens.decoder());
        provider.setJwtAuthenticationConverter(rolesConverter("roles"));
        AuthenticationManager local = tokens.cached(provider::authenticate);
        if (oidcIssuer == null || oidcIssuer.isBlank()) {
            // only our own tokens: no need to parse each one first to find its issuer
            return request -> local;
        }
        managers.put(TokenService.ISSUER, local);
        return new JwtIssuerAuthenticationManagerResolver(issuer -> {
            if (TokenService.ISSUER.equals(issuer)) {
                return managers.get(issuer);
            }
            if (oidcIssuer != null && !oidcIssuer.isBlank() && oidcIssuer.equals(issuer)) {
                return managers.computeIfAbsent(issuer, i -> {
                    JwtAuthenticationProvider external = new JwtAuthenticationProvider(JwtDecoders.fromIssuerLocation(i));
                    external.setJwtAuthenticationConverter(rolesConverter(rolesClaim));
                    return external::authenticate;
                });
            }
            return null;
        });
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesConverter(String claim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Object value = jwt.getClaims().get(claim);
            Collection<?> roles = value instanceof Collection<?> c ? c
                    : value == null ? List.of() : List.of(value.toString().split("[ ,]"));
            return roles.stream().map(Object::toString).filter(r -> !r.isBlank())
                    .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.strip()))
                    .toList();
        });
        return converter;
    }

    /** Writes problem details from filters, where MVC's exception handling does not reach. */
    @org.springframework.stereotype.Component
    static class ProblemWriter {

        private final Problems problems;
        private final JsonMapper json;
        private final LocaleResolver locales;

        ProblemWriter(Problems problems, JsonMapper json, LocaleResolver locales) {
            this.problems = problems;
            this.json = json;
            this.locales = locales;
        }

        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                String messageCode) throws IOException {
            ProblemDetail problem = problems.build(status, type, messageCode, null, locales.resolveLocale(request));
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Problems.asMap(problem));
        }
    }
}
