package org.huimin.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.huimin.support.Api;
import org.huimin.support.HttpTest;
import org.huimin.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Denials and the live inbox: foreign tokens, disabled accounts, and SSE push with replay after reconnect. */
class SecurityDenialsTest extends HttpTest {


    private static String token(String issuer, byte[] key, String... roles) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(key, "HmacSHA256")))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), JwtClaimsSet.builder()
                        .issuer(issuer).subject("mallory").issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(600)).claim("roles", List.of(roles)).build()))
                .getTokenValue();
    }

    @Test
    void tokensFromUnknownIssuersOrKeysAreRefused() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Response foreignIssuer = api.get("/api/v1/audit/verify", token("https://evil.example", key, "AUDITOR"));
        assertThat(foreignIssuer.status()).isEqualTo(401);
        assertThat(foreignIssuer.isProblem()).isTrue();
        Response wrongKey = api.get("/api/v1/audit/verify", token("huimin", key, "AUDITOR"));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        String admin = api.login("admin");
        String id = api.get("/api/v1/admin/accounts?q=cdc", admin).json().get("items").get(0).get("id").asString();
        assertThat(api.post("/api/v1/admin/accounts/" + id + "/disable", null, admin).status()).isEqualTo(204);
        Response refused = api.post("/api/v1/auth/login", "{\"username\":\"cdc\",\"password\":\"Huimin@2026\"}", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/account-disabled");
        assertThat(api.post("/api/v1/admin/accounts/" + id + "/enable", null, admin).status()).isEqualTo(204);
        assertThat(api.login("cdc")).isNotBlank();
    }

    @Test
    void inboxMessagesArePushedLiveAndReplayedAfterAReconnect() throws Exception {
        String token = api.login("pharmacy");
        String admin = api.login("admin");
        String id = api.get("/api/v1/admin/accounts?q=pharmacy", admin).json().get("items").get(0).get("id").asString();

        Stream live = readEvents(token, null, 1);
        live.connected().get(20, TimeUnit.SECONDS);
        lockOut("pharmacy");
        String firstId = live.ids().get(20, TimeUnit.SECONDS).get(0);

        api.post("/api/v1/admin/accounts/" + id + "/unlock", null, admin);
        lockOut("pharmacy");
        // the second message was sent while no stream was open: a reconnect with Last-Event-ID replays it
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                api.get("/api/v1/notifications", token).json().get("total").asLong() == 2);
        List<String> replayed = readEvents(token, firstId, 1).ids().get(20, TimeUnit.SECONDS);
        assertThat(replayed).hasSize(1).doesNotContain(firstId);
    }

    private void lockOut(String username) {
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"wrong-" + i + "\"}", null);
        }
    }

    @Test
    void parallelGuessesLockTheAccountExactlyOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            results.add(pool.submit(() -> api.post("/api/v1/auth/login",
                    "{\"username\":\"familydoctor\",\"password\":\"guess-" + n + "\"}", null).status()));
        }
        List<Integer> codes = new ArrayList<>();
        for (var f : results) {
            codes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(codes).containsOnly(401, 423);
        assertThat(codes.stream().filter(c -> c == 401).count()).isEqualTo(4);
        Response lockouts = api.get("/api/v1/audit/entries?actor=familydoctor&action=LOCKOUT", api.login("auditor"));
        assertThat(lockouts.json().get("total").asLong()).isEqualTo(1);
    }

    /** An open event stream: {@code connected} completes on the server's first comment, {@code ids} after
     * {@code count} 'notification' events. */
    private record Stream(CompletableFuture<Void> connected, CompletableFuture<List<String>> ids) {
    }

    private Stream readEvents(String token, String lastEventId, int count) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<Void> connected = new CompletableFuture<>();
        CompletableFuture<List<String>> ids = HttpClient.newHttpClient()
                .sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(response -> {
                    List<String> found = new ArrayList<>();
                    try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        String id = null;
                        String event = null;
                        // an event is dispatched at the blank line that ends it (fields may come in any order)
                        while (found.size() < count && (line = reader.readLine()) != null) {
                            if (line.startsWith(":")) {
                                connected.complete(null);
                            } else if (line.startsWith("id:")) {
                                id = line.substring(3).strip();
                            } else if (line.startsWith("event:")) {
                                event = line.substring(6).strip();
                            } else if (line.isEmpty()) {
                                if ("notification".equals(event)) {
                                    found.add(id);
                                }
                                event = null;
                            }
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return found;
                });
        return new Stream(connected, ids);
    }
}
