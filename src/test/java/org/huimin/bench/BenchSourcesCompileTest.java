package org.huimin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load harnesses under {@code bench/} run as single source files ({@code java bench/X.java}) on the Java the
 * README names, 17: nothing else compiles them, so an API of a later Java (say {@code Thread.ofPlatform()}) would
 * only show when somebody runs a benchmark. This compiles each one for release 17.
 */
class BenchSourcesCompileTest {

    @Test
    void everyLoadHarnessCompilesForJava17(@TempDir Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("bench"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).extracting(p -> p.getFileName().toString()).contains("BookingFlashCrowd.java",
                "LoadHarness.java");
        for (Path source : sources) {
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            int status = javac.run(null, messages, messages, "--release", "17", "-proc:none", "-d",
                    classes.resolve(source.getFileName().toString()).toString(), source.toString());
            assertThat(status).as("javac --release 17 %s%n%s", source, messages.toString(StandardCharsets.UTF_8))
                    .isZero();
        }
    }
}
