package org.huimin.audit.internal;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The audit chain's hash: paid once per audited access and once per entry when verifying. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChainHashBenchmark {

    private final Instant at = Instant.parse("2026-11-24T08:00:00.123456Z");

    @Benchmark
    public String auditEntryHash() {
        return ChainHash.of(ChainHash.GENESIS, 42, at, "doctor", "CLINICIAN", null, "org-1", "TREATMENT", "READ",
                "Patient", "5b4c2c5e-1d9e-4f3a-9f6e-2d8a0f1c7b3e", "SUCCESS", "127.0.0.1", null);
    }
}
