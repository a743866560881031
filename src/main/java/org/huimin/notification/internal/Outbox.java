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

/** The outbox: one row per message and channel, delivered later by {@link Delivery}. */
@Service
class Outbox implements Notifications {

    private final JdbcClient jdbc;
    private final Templates templates;
    private final PersonalDataCipher cipher;
    private final Clock clock = Clock.systemUTC();

    Outbox(JdbcClient jdbc, Templates templates, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
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
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            jdbc.sql("""
                    insert into notification_message (id, account_id, channel, phone_enc, template, locale, title, body,
                        status, attempts, next_attempt_at, created_at)
                    values (:id, :account, :channel, :phone, :template, :locale, :title, :body, 'PENDING', 0, :now, :now)""")
                    .param("id", id).param("account", request.accountId()).param("channel", channel.name())
                    .param("phone", channel == Channel.SMS ? cipher.encrypt(request.phone()) : null)
                    .param("template", request.template()).param("locale", request.locale().toLanguageTag())
                    .param("title", text.title()).param("body", text.body()).param("now", now)
                    .update();
            ids.add(id);
        }
        return ids;
    }

    /** Backoff before attempt {@code attempts + 1}: base × 2^(attempts − 1), at most one hour. */
    static Instant nextAttempt(Instant now, Duration base, int attempts) {
        long factor = 1L << Math.min(Math.max(0, attempts - 1), 10);
        Duration wait = base.multipliedBy(factor);
        return now.plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
    }
}
