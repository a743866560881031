package org.huimin.identity.matching;

/**
 * Evaluates {@link MatchRules#chineseResidents()} on records from {@link ChineseRecordGenerator}: prints
 * {@code cn_precision}, {@code cn_recall}, {@code cn_f1} and {@code cn_records_per_s}, pairwise without transitive
 * closure (see {@link LinkageEvaluation}).
 *
 * <pre>java ... org.huimin.identity.matching.ChineseEvaluation [originals=10000] [seed=20260101]</pre>
 */
public final class ChineseEvaluation {

    /** The default number of distinct persons. */
    static final int ORIGINALS = 10_000;
    /** The default seed. */
    static final long SEED = 20260101L;
    /** Timed runs after the warm-up; the best counts. */
    static final int RUNS = 5;

    private ChineseEvaluation() {
    }

    /** Generates {@code originals} persons with duplicates from {@code seed} and scores the default rules on them. */
    public static LinkageEvaluation.Metrics evaluate(int originals, long seed) {
        ChineseRecordGenerator.Generated data = new ChineseRecordGenerator(seed).generate(originals);
        return LinkageEvaluation.evaluate(new MatchEngine(MatchRules.chineseResidents()), data.records(),
                data.entityOf(), RUNS);
    }

    public static void main(String[] args) {
        int originals = args.length > 0 ? Integer.parseInt(args[0]) : ORIGINALS;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        System.out.print(evaluate(originals, seed).lines("cn"));
    }
}
