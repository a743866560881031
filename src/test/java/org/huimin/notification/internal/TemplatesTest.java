package org.huimin.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Templates templates = new Templates();

    @Test
    void rendersInChineseAndEnglish() {
        var zh = templates.render("one-time-code", Map.of("code", "123456", "minutes", "5"), Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.title()).isEqualTo("验证码");
        assertThat(zh.body()).contains("123456").contains("5 分钟");
        var en = templates.render("one-time-code", Map.of("code", "123456", "minutes", "5"), Locale.ENGLISH);
        assertThat(en.body()).startsWith("Your Huimin verification code is 123456");
    }

    @Test
    void leavesUnknownPlaceholdersAndQuotesReplacementsLiterally() {
        assertThat(Templates.fill("{a} {b}", Map.of("a", "$1\\x"))).isEqualTo("$1\\x {b}");
    }

    @Test
    void refusesUnknownTemplates() {
        assertThatThrownBy(() -> templates.render("nope", Map.of(), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backsOffExponentiallyUpToAnHour() {
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        assertThat(Outbox.nextAttempt(now, Duration.ofSeconds(30), 1)).isEqualTo(now.plusSeconds(30));
        assertThat(Outbox.nextAttempt(now, Duration.ofSeconds(30), 3)).isEqualTo(now.plusSeconds(120));
        assertThat(Outbox.nextAttempt(now, Duration.ofSeconds(30), 20)).isEqualTo(now.plusSeconds(3600));
    }
}
