package org.huimin.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.huimin.notification.SmsGateway;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox rows. A row is claimed by a conditional update (PENDING → SENDING), so two nodes never deliver
 * the same message; failures are retried with exponential backoff up to {@code huimin.notification.max-attempts}.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final JdbcClient jdbc;
    private final SmsGateway sms;
    private final InboxStreams streams;
    private final PersonalDataCipher cipher;
    private final int maxAttempts;
    private final Duration backoff;
    private final Clock clock = Clock.systemUTC();

    Delivery(JdbcClient jdbc, SmsGateway sms, InboxStreams streams, PersonalDataCipher cipher,
            @Value("${huimin.notification.max-attempts:5}") int maxAttempts,
            @Value("${huimin.notification.retry-backoff:PT30S}") Duration backoff) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.streams = streams;
        this.cipher = cipher;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Scheduled(fixedDelayString = "${huimin.notification.poll-interval:PT0.5S}")
    void deliverDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                select id, account_id, channel, phone_enc, title, body, attempts, created_at from notification_message
                where status = 'PENDING' and next_attempt_at <= :now order by next_attempt_at limit 100""")
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getString("channel"), rs.getString("phone_enc"), rs.getString("title"), rs.getString("body"),
                        rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        for (Due d : due) {
            if (jdbc.sql("update notification_message set status = 'SENDING' where id = :id and status = 'PENDING'")
                    .param("id", d.id()).update() == 1) {
                deliver(d);
            }
        }
    }

    private void deliver(Due d) {
        try {
            if ("SMS".equals(d.channel())) {
                sms.send(cipher.decrypt(d.phoneEnc()), d.body());
            }
            jdbc.sql("update notification_message set status = 'SENT', attempts = attempts + 1, delivered_at = :now, "
                    + "last_error = null where id = :id")
                    .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", d.id())
                    .update();
            if ("IN_APP".equals(d.channel())) {
                streams.push(d.accountId(), new InboxItem(d.id(), d.title(), d.body(), d.createdAt(), null));
            }
        } catch (RuntimeException e) {
            int attempts = d.attempts() + 1;
            boolean giveUp = attempts >= maxAttempts;
            log.warn("Delivery of notification {} over {} failed (attempt {}/{}): {}", d.id(), d.channel(), attempts,
                    maxAttempts, e.toString());
            jdbc.sql("update notification_message set status = :status, attempts = :attempts, next_attempt_at = :next, "
                    + "last_error = :error where id = :id")
                    .param("status", giveUp ? "FAILED" : "PENDING").param("attempts", attempts)
                    .param("next", OffsetDateTime.ofInstant(Outbox.nextAttempt(clock.instant(), backoff, attempts),
                            ZoneOffset.UTC))
                    .param("error", String.valueOf(e.getMessage()).substring(0,
                            Math.min(500, String.valueOf(e.getMessage()).length())))
                    .param("id", d.id()).update();
        }
    }

    private record Due(UUID id, UUID accountId, String channel, String phoneEnc, String title, String body,
            int attempts, Instant createdAt) {
    }
}
