package org.huimin.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.huimin.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Logout on one node refuses the token on every node. On PostgreSQL nodes answer from memory kept current by
 * LISTEN/NOTIFY; a node whose listener is down asks the database.
 */
class TokenRevocationTest extends HttpTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RevokedTokens revocations;

    private boolean postgres() {
        return jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).equals("PostgreSQL");
    }

    private static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return org.huimin.support.Api.json().readTree(payload).get("jti").asString();
    }

    /** What another node's logout writes: the row and, on PostgreSQL, the notification, in one transaction. */
    private void revokeElsewhere(String jti, boolean notify) {
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS);
        transactions.executeWithoutResult(tx -> {
            jdbc.update("insert into account_revoked_token (jti, expires_at) values (?, ?)", jti,
                    OffsetDateTime.ofInstant(expires, ZoneOffset.UTC));
            if (notify && postgres()) {
                jdbc.queryForList("select pg_notify(?, ?)", RevokedTokens.CHANNEL,
                        jti + " " + expires.getEpochSecond());
            }
        });
    }

    private int meWithin(String token, int expected, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        int status;
        do {
            status = api.get("/api/v1/me", token).status();
            if (status == expected) {
                return status;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return status;
    }

    @Test
    void onPostgresqlNodesAnswerFromMemoryAndOnH2FromTheDatabase() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!revocations.listening() && postgres() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(revocations.listening()).isEqualTo(postgres());
    }

    @Test
    void aTokenRevokedOnAnotherNodeIsRefusedHere() throws InterruptedException {
        String token = api.login("insurance");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        revokeElsewhere(jti(token), true);
        assertThat(meWithin(token, 401, 3000)).isEqualTo(401);
        assertThat(api.login("insurance")).isNotEqualTo(token);
    }

    @Test
    void aNodeThatIsNotListeningAsksTheDatabase() {
        String token = api.login("insurance");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        revocations.stop();
        try {
            assertThat(revocations.listening()).isFalse();
            revokeElsewhere(jti(token), false); // the notification was lost: only the table knows
            assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        } finally {
            revocations.start();
        }
    }
}
