package org.huimin.identity.matching;

/**
 * One field's contribution to a {@link MatchResult}, for the review screen that shows both records side by side.
 *
 * @param field the field name
 * @param left the left record's raw value, {@literal null} when missing
 * @param right the right record's raw value, {@literal null} when missing
 * @param similarity the comparator's similarity in [0, 1], {@literal null} when either value is missing
 * @param weight the weight added to the score (positive for agreement, negative for disagreement, 0 when missing)
 */
public record FieldComparison(String field, String left, String right, Double similarity, double weight) {

    /** Whether both values were present and compared. */
    public boolean compared() {
        return similarity != null;
    }

    /** Without the values: they are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "FieldComparison[" + field + ", similarity=" + similarity + ", weight=" + weight + "]";
    }
}
