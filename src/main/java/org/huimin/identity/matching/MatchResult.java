package org.huimin.identity.matching;

import java.util.List;

/**
 * The comparison of two records: the total score (the sum of the field weights, in bits), the outcome and every
 * field's contribution in rule order.
 *
 * @param leftId the left record's id
 * @param rightId the right record's id
 * @param score the sum of the field weights
 * @param outcome the decision by the thresholds (or by a decisive field)
 * @param fields the per-field contributions, in the order of the rules
 */
public record MatchResult(String leftId, String rightId, double score, MatchOutcome outcome,
        List<FieldComparison> fields) {

    public MatchResult {
        fields = List.copyOf(fields);
    }
}
