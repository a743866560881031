package org.huimin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a due chaining run goes: after a quiet spell, but never later than the longest delay after the first line. */
class ChainerWaitTest {

    static final long MS = 1_000_000L;
    static final long QUIET = 50 * MS;
    static final long MAX = 1_000 * MS;

    @Test
    void aLoneLineIsChainedAfterTheQuietSpell() {
        assertThat(AuditChainer.waitBeforeRun(0, 0, 0, QUIET, MAX)).isEqualTo(QUIET);
        assertThat(AuditChainer.waitBeforeRun(50 * MS, 0, 0, QUIET, MAX)).isZero();
    }

    @Test
    void eachNewLineMovesTheRunToAQuietSpellAfterIt() {
        // a line at 0, another at 40 ms: at 50 ms the run waits until 90 ms
        assertThat(AuditChainer.waitBeforeRun(50 * MS, 0, 40 * MS, QUIET, MAX)).isEqualTo(40 * MS);
        assertThat(AuditChainer.waitBeforeRun(90 * MS, 0, 40 * MS, QUIET, MAX)).isZero();
    }

    @Test
    void aStreamWithoutQuietIsChainedAtTheLongestDelay() {
        // lines every 10 ms since 0: at 980 ms, the last one at 975, the run waits only until 1 s
        assertThat(AuditChainer.waitBeforeRun(980 * MS, 0, 975 * MS, QUIET, MAX)).isEqualTo(20 * MS);
        assertThat(AuditChainer.waitBeforeRun(1_000 * MS, 0, 995 * MS, QUIET, MAX)).isZero();
        // a run woken late (a busy executor) goes at once
        assertThat(AuditChainer.waitBeforeRun(1_300 * MS, 0, 1_290 * MS, QUIET, MAX)).isZero();
    }

    @Test
    void worksAcrossTheSignOfNanoTime() {
        long start = Long.MAX_VALUE - 10 * MS; // System.nanoTime() may be anywhere, even about to wrap
        long wait = AuditChainer.waitBeforeRun(start + 20 * MS, start, start + 15 * MS, QUIET, MAX);
        assertThat(wait).isEqualTo(45 * MS);
    }
}
