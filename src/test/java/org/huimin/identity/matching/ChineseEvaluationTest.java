package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The default Chinese resident rules on 10,000 generated persons with duplicates ({@link ChineseRecordGenerator},
 * fixed seed). Prints the metric lines; speed is printed, never asserted.
 */
class ChineseEvaluationTest {

    @Test
    void findsTheChineseDuplicates() {
        LinkageEvaluation.Metrics metrics = ChineseEvaluation.evaluate(ChineseEvaluation.ORIGINALS,
                ChineseEvaluation.SEED);
        System.out.print(metrics.lines("cn"));
        assertThat(metrics.f1()).isGreaterThanOrEqualTo(0.98);
    }
}
