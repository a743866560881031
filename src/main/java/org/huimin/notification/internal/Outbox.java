package org.huimin.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.huimin.notification.Channel;
import org.huimin.notification.Notifications;
import org.huimin.notification.Notify;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox: one row per message and channel. An SMS is delivered later by {@link Delivery} (the gateway may fail and
 * is retried); an in-app message is delivered by its own commit — the inbox is where it is read — so it is written as
 * sent and pushed to the account's open browsers once the sender's transaction has committed.
 */
@Service
class Outbox implements Notifications {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Templates templates;
    private final PersonalDataCipher cipher;
    private final Clock clock = Clock.systemUTC();

    private final InboxStreams streams;

    Outbox(JdbcClient jdbc, JdbcTemplate template, Templates templates, PersonalDataCipher cipher,
            InboxStreams streams) {
        this.jdbc = jdbc;
        this.template = template;
        this.streams = streams;
        this.templates = templates;
        this.cipher = cipher;
    }

    @Override
    @Transactional
    public List<UUID> send(Notify request) {
        List<Object[]> rows = new ArrayList<>();
        List<UUID> ids = rows(request, rows);
        for (Object[] row : rows) {
            jdbc.sql(INSERT).params(row).update();
        }
        return ids;
    }

    @Override
    @Transactional
    public List<UUID> sendAll(List<Notify> requests) {
        List<Object[]> rows = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Notify request : requests) {
            ids.addAll(rows(request, rows));
        }
        if (!rows.isEmpty()) {
            template.batchUpdate(INSERT, rows);
        }
        return ids;
    }

    private static final String INSERT = """
            insert into notification_message (id, account_id, channel, phone_enc, template, locale, title, body,
                status, attempts, next_attempt_at, created_at, delivered_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Renders {@code request} and adds one row of {@link #INSERT} per usable channel to {@code rows}; an in-app message
     * is pushed to the account's open browsers once the caller's transaction has committed. Returns the messages' ids.
     */
    private List<UUID> rows(Notify request, List<Object[]> rows) {
        Templates.Rendered text = templates.render(request.template(), request.params(), request.locale());
        List<UUID> ids = new ArrayList<>();
        for (Channel channel : request.channels()) {
            if (channel == Channel.IN_APP && request.accountId() == null
                    || channel == Channel.SMS && (request.phone() == null || request.phone().isBlank())) {
                continue;
            }
            UUID id = UUID.randomUUID();
            Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
            boolean inApp = channel == Channel.IN_APP;
            rows.add(new Object[] {id, request.accountId(), channel.name(),
                    channel == Channel.SMS ? cipher.encrypt(request.phone()) : null, request.template(),
                    request.locale().toLanguageTag(), text.title(), text.body(), inApp ? "SENT" : "PENDING",
                    inApp ? 1 : 0, now, now, inApp ? now : null});
            if (inApp) {
                InboxItem item = new InboxItem(id, text.title(), text.body(), at, null);
                afterCommit(() -> streams.push(request.accountId(), item));
            }
            ids.add(id);
        }
        return ids;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** Backoff before attempt {@code attempts + 1}: base × 2^(attempts − 1), at most one hour. */
    static Instant nextAttempt(Instant now, Duration base, int attempts) {
        long factor = 1L << Math.min(Math.max(0, attempts - 1), 10);
        Duration wait = base.multipliedBy(factor);
        return now.plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
    }
}
