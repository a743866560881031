package org.huimin.notification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.huimin.shared.Masking;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads and marks a person's in-app inbox, and the development SMS inbox. */
@Component
public class Inbox {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final boolean devSmsActive;

    Inbox(JdbcClient jdbc, PersonalDataCipher cipher, org.huimin.notification.SmsGateway sms) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.devSmsActive = sms instanceof DevSmsGateway;
    }

    /** True while the development SMS adapter is the active gateway (no real operator configured). */
    public boolean devSmsActive() {
        return devSmsActive;
    }

    /** A page of the inbox (newest first) and the number of unread messages. */
    public record Page(List<InboxItem> items, long total, long unread) {
    }

    @Transactional(readOnly = true)
    public Page list(UUID accountId, PageRequest page) {
        List<InboxItem> items = jdbc.sql("""
                select id, title, body, created_at, read_at from notification_message
                where account_id = :account and channel = 'IN_APP' and status = 'SENT'
                order by created_at desc limit :limit offset :offset""")
                .param("account", accountId).param("limit", page.size()).param("offset", page.offset())
                .query(Inbox::item)
                .list();
        return jdbc.sql("""
                select count(*), coalesce(sum(case when read_at is null then 1 else 0 end), 0)
                from notification_message where account_id = :account and channel = 'IN_APP' and status = 'SENT'""")
                .param("account", accountId)
                .query((rs, n) -> new Page(items, rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Messages delivered after the one with id {@code lastSeen} (oldest first, at most 50): what a browser that
     * reconnects with {@code Last-Event-ID} has missed. Empty when {@code lastSeen} is unknown or not this account's.
     */
    @Transactional(readOnly = true)
    public List<InboxItem> since(UUID accountId, UUID lastSeen) {
        if (lastSeen == null) {
            return List.of();
        }
        return jdbc.sql("""
                select m.id, m.title, m.body, m.created_at, m.read_at from notification_message m
                join notification_message last on last.id = :last and last.account_id = :account
                where m.account_id = :account and m.channel = 'IN_APP' and m.status = 'SENT'
                  and m.created_at > last.created_at
                order by m.created_at limit 50""")
                .param("account", accountId).param("last", lastSeen)
                .query(Inbox::item)
                .list();
    }

    private static InboxItem item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new InboxItem(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("body"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
    }

    /** Marks one message read; false when it is not this account's. */
    @Transactional
    public boolean markRead(UUID accountId, UUID id) {
        int n = jdbc.sql("update notification_message set read_at = coalesce(read_at, :now) "
                + "where id = :id and account_id = :account and channel = 'IN_APP'")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("id", id).param("account", accountId).update();
        return n == 1;
    }

    @Transactional
    public int markAllRead(UUID accountId) {
        return jdbc.sql("update notification_message set read_at = :now "
                + "where account_id = :account and channel = 'IN_APP' and read_at is null")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).param("account", accountId).update();
    }

    /** One message recorded by the development SMS adapter. */
    public record DevSms(UUID id, String phoneMasked, String text, Instant createdAt) {
    }

    /** The development SMS inbox, newest first; {@code phone} narrows it to one number. */
    @Transactional(readOnly = true)
    public PageResult<DevSms> devSms(String phone, PageRequest page) {
        String where = phone == null || phone.isBlank() ? "" : " where phone_idx = :idx";
        var query = jdbc.sql("select id, phone_enc, text, created_at from notification_dev_sms" + where
                + " order by created_at desc limit :limit offset :offset")
                .param("limit", page.size()).param("offset", page.offset());
        var count = jdbc.sql("select count(*) from notification_dev_sms" + where);
        if (!where.isEmpty()) {
            query = query.param("idx", cipher.blindIndex(phone.strip()));
            count = count.param("idx", cipher.blindIndex(phone.strip()));
        }
        List<DevSms> items = query.query((rs, n) -> new DevSms(rs.getObject("id", UUID.class),
                Masking.phone(cipher.decrypt(rs.getString("phone_enc"))), rs.getString("text"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant())).list();
        return new PageResult<>(items, count.query(Long.class).single(), page.page(), page.size());
    }
}
