package org.huimin.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for integration tests that talk to the running application over loopback. */
public final class Api {

    public static final String DEMO_PASSWORD = "Huimin@2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    /** A response: status, content type and the body (parsed when it is JSON). */
    public record Response(int status, String contentType, String raw, JsonNode json) {
        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, null);
    }

    /** GET with {@code Accept: text/plain} (Prometheus, plain pages). */
    public String text(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String body, String token) {
        return send("POST", path, body, token, null);
    }

    public Response send(String method, String path, String body, String token, String language) {
        return send(method, path, body, token, language, java.util.Map.of());
    }

    /** A POST with extra headers, such as {@code Idempotency-Key}. */
    public Response post(String path, String body, String token, java.util.Map<String, String> headers) {
        return send("POST", path, body, token, null, headers);
    }

    public Response send(String method, String path, String body, String token, String language,
            java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/fhir+json;q=0.9, application/problem+json;q=0.8")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse(null);
            JsonNode json = null;
            if (type != null && type.contains("json") && !r.body().isEmpty()) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), type, r.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in and returns the bearer token; fails the test when login fails. */
    public String login(String username, String password) {
        Response r = post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
                null);
        if (r.status() != 200) {
            throw new AssertionError("login " + username + " failed: " + r.status() + " " + r.raw());
        }
        return r.json().get("accessToken").asString();
    }

    public String login(String username) {
        return login(username, DEMO_PASSWORD);
    }

    public static JsonMapper json() {
        return JSON;
    }
}
