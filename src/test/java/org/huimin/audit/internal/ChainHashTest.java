package org.huimin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChainHashTest {

    private final Instant at = Instant.parse("2026-11-24T08:00:00.123456789Z");

    @Test
    void isStableAndSensitiveToEveryField() {
        String h = ChainHash.of(ChainHash.GENESIS, 1, at, "doctor", "CLINICIAN", null, "READ");
        assertThat(h).hasSize(64).isEqualTo(ChainHash.of(ChainHash.GENESIS, 1, at, "doctor", "CLINICIAN", null, "READ"));
        assertThat(ChainHash.of(ChainHash.GENESIS, 2, at, "doctor", "CLINICIAN", null, "READ")).isNotEqualTo(h);
        assertThat(ChainHash.of(h, 1, at, "doctor", "CLINICIAN", null, "READ")).isNotEqualTo(h);
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, at, "doctor", "CLINICIAN", "", "READ")).isNotEqualTo(h);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, at, "ab", "c"))
                .isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, at, "a", "bc"));
    }

    @Test
    void ignoresPrecisionTheDatabasesDropButNotMore() {
        Instant sameMicro = Instant.parse("2026-11-24T08:00:00.123456000Z");
        Instant otherMicro = Instant.parse("2026-11-24T08:00:00.123457000Z");
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, at, "x")).isEqualTo(ChainHash.of(ChainHash.GENESIS, 1, sameMicro, "x"));
        assertThat(ChainHash.of(ChainHash.GENESIS, 1, at, "x")).isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, otherMicro, "x"));
    }
}
