package org.huimin.bench;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of hot code and prints one line per metric ({@code metric: value unit}).
 * {@code mvn -Pjmh -Dskip.npm test-compile exec:exec} runs them all, {@code -Djmh.include=HealthCode} a subset
 * (a regular expression over benchmark names); not part of the test suite.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(System.getProperty("jmh.include", "org\\.huimin\\..*Benchmark"))
                .forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(2))
                .measurementIterations(3).measurementTime(TimeValue.seconds(2))
                .shouldFailOnError(true)
                .build()).run();
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            var score = r.getPrimaryResult();
            scores.put(name, score.getScore());
            System.out.printf("%s: %.0f %s (± %.0f)%n", name, score.getScore(), score.getScoreUnit(),
                    score.getScoreError());
        }
        if (scores.containsKey("tokenVerify") && scores.containsKey("rawEd25519Verify")) {
            System.out.printf("token_verify_vs_raw_ed25519: %.2f ratio%n",
                    scores.get("tokenVerify") / scores.get("rawEd25519Verify"));
        }
    }
}
