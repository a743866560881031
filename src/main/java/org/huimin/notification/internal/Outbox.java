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
    private final Templates templates;
    private final PersonalDataCipher cipher;
    private final Clock clock = Clock.systemUTC();

    private final InboxStreams streams;

    Outbox(JdbcClient jdbc, Templates templates, PersonalDataCipher cipher, InboxStreams streams) {
        this.jdbc = jdbc;
        this.streams = streams;
        this.templates = templates;
        this.cipher = cipher;
    }

    @Override
    @Transactional
    public List<UUID> send(Notify request) {
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
            jdbc.sql("""
                    insert into notification_message (id, account_id, channel, phone_enc, template, locale, title, body,
                        status, attempts, next_attempt_at, created_at, delivered_at)
                    values (:id, :account, :channel, :phone, :template, :locale, :title, :body, :status, :attempts,
                        :now, :now, :delivered)""")
                    .param("id", id).param("account", request.accountId()).param("channel", channel.name())
                    .param("phone", channel == Channel.SMS ? cipher.encrypt(request.phone()) : null)
                    .param("template", request.template()).param("locale", request.locale().toLanguageTag())
                    .param("title", text.title()).param("body", text.body()).param("now", now)
                    .param("status", inApp ? "SENT" : "PENDING").param("attempts", inApp ? 1 : 0)
                    .param("delivered", inApp ? now : null)
                    .update();
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
