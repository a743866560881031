package org.huimin.identity.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a {@link MatchEngine#deduplicate} run against ground truth, pairwise and without transitive closure: the
 * predicted positives are exactly the pairs with outcome {@link MatchOutcome#MATCH}, the true positives those among
 * them whose records belong to the same entity, and the actual positives every pair of records of the same entity.
 * Speed is records per second over the whole run (normalisation, pinyin, blocking, comparison; not reading the
 * file or generating the data), single-threaded, the best of several runs after a warm-up, measured with
 * {@link System#nanoTime()}.
 */
public final class LinkageEvaluation {

    private LinkageEvaluation() {
    }

    /**
     * The figures of one evaluation.
     *
     * @param records records deduplicated
     * @param truePairs pairs of records of the same entity
     * @param predictedPairs pairs the engine called MATCH
     * @param truePositives predicted pairs that are true
     * @param possiblePairs pairs the engine called POSSIBLE_MATCH (not counted as positives)
     * @param comparisons pairs compared after blocking
     * @param recordsPerSecond best throughput of the timed runs
     */
    public record Metrics(int records, long truePairs, long predictedPairs, long truePositives, long possiblePairs,
            long comparisons, double recordsPerSecond) {

        public double precision() {
            return predictedPairs == 0 ? 0 : (double) truePositives / predictedPairs;
        }

        public double recall() {
            return truePairs == 0 ? 0 : (double) truePositives / truePairs;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Pairs compared, as a fraction of all pairs: how much blocking saved. */
        public double reductionRatio() {
            return 1.0 - comparisons / (records * (records - 1) / 2.0);
        }

        /** The metric lines, {@code metric: value unit}. */
        public String lines(String prefix) {
            return String.format(Locale.ROOT, "%1$s_precision: %2$.4f%n%1$s_recall: %3$.4f%n%1$s_f1: %4$.4f%n"
                    + "%1$s_records_per_s: %5$.0f records/s%n%1$s_records: %10$d records%n"
                    + "%1$s_comparisons: %6$d pairs%n%1$s_true_pairs: %7$d pairs%n"
                    + "%1$s_predicted_pairs: %8$d pairs%n%1$s_possible_pairs: %9$d pairs%n",
                    prefix, precision(), recall(), f1(), recordsPerSecond, comparisons, truePairs, predictedPairs,
                    possiblePairs, records);
        }
    }

    /** Untimed warm-up before the timed runs, so that the JIT has compiled the hot code. */
    static final long WARM_UP_NANOS = 1_000_000_000L;

    /**
     * Deduplicates the records repeatedly for about a second to warm up, then {@code runs} timed times (at least
     * once), and scores the last run.
     *
     * @param entityOf the true entity of each record by record id
     */
    static Metrics evaluate(MatchEngine engine, List<PersonRecord> records, Map<String, String> entityOf, int runs) {
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < 3 || System.nanoTime() < warmUpEnd; i++) {
            engine.deduplicate(records);
        }
        long best = Long.MAX_VALUE;
        LinkageRun run = null;
        for (int i = 0; i < Math.max(1, runs); i++) {
            long start = System.nanoTime();
            run = engine.deduplicate(records);
            best = Math.min(best, System.nanoTime() - start);
        }
        Map<String, Integer> sizes = new HashMap<>();
        for (PersonRecord r : records) {
            sizes.merge(entityOf.get(r.id()), 1, Integer::sum);
        }
        long truePairs = 0;
        for (int size : sizes.values()) {
            truePairs += (long) size * (size - 1) / 2;
        }
        long predicted = 0;
        long truePositives = 0;
        long possible = 0;
        for (MatchedPair pair : run.pairs()) {
            if (pair.outcome() == MatchOutcome.MATCH) {
                predicted++;
                if (entityOf.get(pair.left().id()).equals(entityOf.get(pair.right().id()))) {
                    truePositives++;
                }
            } else {
                possible++;
            }
        }
        return new Metrics(records.size(), truePairs, predicted, truePositives, possible, run.comparisons(),
                records.size() / (best / 1e9));
    }
}
