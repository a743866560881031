package org.huimin.notification.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.huimin.notification.SmsGateway;
import org.huimin.shared.Masking;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default SMS adapter: writes a log line (phone masked) and records the message in the development inbox, where
 * demo users and tests read one-time codes. Replaced by a region's real gateway bean.
 */
class DevSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(DevSmsGateway.class);
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    DevSmsGateway(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void send(String phone, String text) {
        jdbc.sql("insert into notification_dev_sms (id, phone_enc, phone_idx, text, created_at) "
                + "values (:id, :enc, :idx, :text, :now)")
                .param("id", UUID.randomUUID()).param("enc", cipher.encrypt(phone)).param("idx", cipher.blindIndex(phone))
                .param("text", text).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        log.info("[dev SMS] to {}: {} characters", Masking.phone(phone), text.length());
    }
}
