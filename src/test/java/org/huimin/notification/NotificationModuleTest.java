package org.huimin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.huimin.audit.AuditLog;
import org.huimin.notification.internal.Inbox;
import org.huimin.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification module on its own: outbox, delivery with retries, inbox, and transactional sending. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class NotificationModuleTest {

    @Autowired
    Notifications notifications;
    @Autowired
    Inbox inbox;
    @Autowired
    FlakySms sms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @MockitoBean
    AuditLog audit;

    @TestConfiguration
    static class Config {
        @Bean
        @org.springframework.context.annotation.Primary
        FlakySms flakySms() {
            return new FlakySms();
        }
    }

    /** An SMS gateway that fails its first two attempts for every text containing "flaky", and records the rest. */
    static class FlakySms implements SmsGateway {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public void send(String phone, String text) {
            if (text.contains("flaky") && failures.getAndIncrement() < 2) {
                throw new IllegalStateException("operator timeout");
            }
            sent.add(phone + ":" + text);
        }
    }

    @Test
    void deliversToTheInboxAndBySmsRetryingFailures() {
        UUID account = UUID.randomUUID();
        List<UUID> ids = notifications.send(new Notify(account, "13800000001", "account-locked",
                Map.of("username", "flaky", "attempts", "5", "until", "2026-11-24 12:00"),
                Set.of(Channel.IN_APP, Channel.SMS), Locale.ENGLISH));
        assertThat(ids).hasSize(2);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(inbox.list(account, new PageRequest(0, 10)).items()).hasSize(1);
            assertThat(sms.sent).anyMatch(s -> s.startsWith("13800000001:") && s.contains("flaky"));
        });
        assertThat(sms.failures.get()).isGreaterThanOrEqualTo(2);
        Inbox.Page page = inbox.list(account, new PageRequest(0, 10));
        assertThat(page.unread()).isEqualTo(1);
        assertThat(page.items().get(0).title()).isEqualTo("Account locked");
        assertThat(inbox.markRead(account, page.items().get(0).id())).isTrue();
        assertThat(inbox.markRead(UUID.randomUUID(), page.items().get(0).id())).isFalse();
        assertThat(inbox.list(account, new PageRequest(0, 10)).unread()).isZero();
    }

    @Test
    void nothingIsSentWhenTheCallersTransactionRollsBack() {
        UUID account = UUID.randomUUID();
        try {
            tx.executeWithoutResult(status -> {
                notifications.send(new Notify(account, null, "welcome", Map.of("name", "王芳"),
                        Set.of(Channel.IN_APP), Locale.SIMPLIFIED_CHINESE));
                throw new IllegalStateException("caller fails after queueing");
            });
        } catch (IllegalStateException expected) {
            // the caller's work failed
        }
        assertThat(jdbc.sql("select count(*) from notification_message where account_id = :a").param("a", account)
                .query(Long.class).single()).isZero();
    }

    @Test
    void sendsSeveralInOneBatchWithinTheCallersTransaction() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<Notify> requests = List.of(
                new Notify(first, null, "welcome", Map.of("name", "王芳"), Set.of(Channel.IN_APP), null),
                new Notify(second, "13800000002", "welcome", Map.of("name", "李雷"), Set.of(Channel.IN_APP,
                        Channel.SMS), Locale.ENGLISH),
                new Notify(null, null, "welcome", Map.of("name", "nobody"), Set.of(Channel.IN_APP), null));
        List<UUID> ids = tx.execute(status -> notifications.sendAll(requests));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates(); // two in-app messages and one SMS; no address, no row
        assertThat(inbox.list(first, new PageRequest(0, 10)).items()).singleElement()
                .satisfies(item -> assertThat(item.body()).contains("王芳"));
        assertThat(inbox.list(second, new PageRequest(0, 10)).items()).hasSize(1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(sms.sent).anyMatch(s -> s.startsWith("13800000002:") && s.contains("李雷")));
        // and nothing at all when the caller rolls back
        UUID third = UUID.randomUUID();
        try {
            tx.executeWithoutResult(status -> {
                notifications.sendAll(List.of(new Notify(third, null, "welcome", Map.of("name", "x"),
                        Set.of(Channel.IN_APP), null)));
                throw new IllegalStateException("caller fails after queueing");
            });
        } catch (IllegalStateException expected) {
            // the caller's work failed
        }
        assertThat(jdbc.sql("select count(*) from notification_message where account_id = :a").param("a", third)
                .query(Long.class).single()).isZero();
    }

    @Test
    void skipsChannelsWithoutAnAddress() {
        assertThat(notifications.send(new Notify(null, null, "welcome", Map.of("name", "x"), Set.of(Channel.IN_APP,
                Channel.SMS), null))).isEmpty();
    }
}
