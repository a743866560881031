package org.huimin.account.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which access tokens were revoked (logout), asked on every authenticated request.
 * <p>
 * The database table is the truth. On PostgreSQL every node also keeps the unexpired revocations in memory, kept
 * current by {@code LISTEN}/{@code NOTIFY} on a connection of its own: a revocation anywhere is sent to every node when
 * it commits, so a request needs no database round trip. A node trusts its memory only while that connection is
 * alive and was heard from within {@code huimin.security.revocation.max-silence}; otherwise (starting, reconnecting,
 * another database) it asks the database, so a missed notification can never let a revoked token through.
 */
@Component
class RevokedTokens implements SmartLifecycle {

    static final String CHANNEL = "huimin_token_revoked";
    private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final boolean push;
    private final Duration maxSilence;
    private final Map<String, Instant> known = new ConcurrentHashMap<>();
    /** Whether the listening connection is up, and when (System.nanoTime) it last answered. */
    private volatile boolean listening;
    private volatile long heardAt;
    private volatile boolean running;
    private volatile Thread listener;

    RevokedTokens(Accounts accounts, JdbcClient jdbc, DataSource dataSource, Clock clock,
            @Value("${huimin.security.revocation.push:true}") boolean push,
            @Value("${huimin.security.revocation.max-silence:PT10S}") Duration maxSilence) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.push = push && org.huimin.shared.Databases.isPostgres(dataSource);
        this.maxSilence = maxSilence;
    }

    /** Revokes a token until it expires; every node learns of it when the caller's transaction commits. */
    void revoke(String jti, Instant expiresAt) {
        accounts.revoke(jti, expiresAt);
        known.put(jti, expiresAt);
        if (push) {
            // delivered to the listeners only if and when this transaction commits
            jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL)
                    .param("payload", jti + " " + expiresAt.getEpochSecond()).query((rs, n) -> n).list();
        }
    }

    boolean revoked(String jti) {
        if (known.containsKey(jti)) {
            return true;
        }
        return !listening() && accounts.revoked(jti);
    }

    /** True while this node may answer from memory: its listening connection answered recently. */
    boolean listening() {
        return listening && System.nanoTime() - heardAt < maxSilence.toNanos();
    }

    @Override
    public void start() {
        running = true;
        if (!push) {
            return;
        }
        listener = new Thread(this::listen, "token-revocation-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private boolean current() {
        return running && Thread.currentThread() == listener;
    }

    private void listen() {
        long backoff = 500;
        while (current()) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                statement.execute("listen " + CHANNEL);
                // listening first, then loading: a revocation committed in between is seen once or twice, never missed
                loadAll(statement);
                heard();
                backoff = 500;
                while (current()) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            remember(n.getParameter());
                        }
                    }
                    statement.execute("select 1"); // proves the connection, and so its notifications, alive
                    heard();
                    Instant now = clock.instant();
                    known.values().removeIf(expires -> expires.isBefore(now));
                }
            } catch (SQLException | RuntimeException e) {
                if (current()) {
                    log.warn("Token revocation listener lost its connection; asking the database until it is back: {}",
                            e.getMessage());
                }
            } finally {
                if (Thread.currentThread() == listener) {
                    listening = false;
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, 30_000);
        }
    }

    private void heard() {
        heardAt = System.nanoTime();
        listening = true;
    }

    private void remember(String payload) {
        int space = payload.indexOf(' ');
        try {
            known.put(space < 0 ? payload : payload.substring(0, space),
                    space < 0 ? Instant.MAX : Instant.ofEpochSecond(Long.parseLong(payload.substring(space + 1))));
        } catch (NumberFormatException e) {
            known.put(payload.substring(0, space), Instant.MAX);
        }
    }

    private void loadAll(Statement statement) throws SQLException {
        try (var rs = statement.executeQuery("select jti, expires_at from account_revoked_token")) {
            while (rs.next()) {
                OffsetDateTime expires = rs.getObject(2, OffsetDateTime.class);
                known.put(rs.getString(1), expires == null ? Instant.MAX : expires.toInstant());
            }
        }
    }
}
