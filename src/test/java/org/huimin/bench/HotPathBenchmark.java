package org.huimin.bench;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.huimin.shared.privacy.Secrets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Code that runs on every request that touches a resident: ID number checks and identifier encryption. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HotPathBenchmark {

    private PersonalDataCipher cipher;
    private String sealed;

    @Setup
    public void setUp() throws Exception {
        cipher = new PersonalDataCipher(new Secrets(Files.createTempDirectory("jmh").toString()), "", "");
        sealed = cipher.encrypt("110101199003079913");
    }

    @Benchmark
    public Object idNumberParse() {
        return ResidentIdNumber.parse("110101199003079913");
    }

    @Benchmark
    public String encryptIdentifier() {
        return cipher.encrypt("110101199003079913");
    }

    @Benchmark
    public String decryptIdentifier() {
        return cipher.decrypt(sealed);
    }

    @Benchmark
    public String blindIndex() {
        return cipher.blindIndex("110101199003079913");
    }
}
