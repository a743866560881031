package org.huimin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;

import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    @Test
    void refusesLessThanSixMonths() {
        assertThatThrownBy(() -> AuditRetention.validate(Period.ofDays(90))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("legal minimum");
        assertThat(AuditRetention.validate(Period.ofMonths(6))).isEqualTo(Period.ofMonths(6));
        assertThat(AuditRetention.validate(Period.ofYears(3))).isEqualTo(Period.ofYears(3));
    }
}
