package org.huimin.identity.matching;

import java.util.Objects;

/**
 * How one field contributes to a match score, Fellegi–Sunter style. {@code m} is the probability that the field
 * agrees when the two records are the same person, {@code u} that it agrees by chance when they are not. Agreement
 * adds {@code log2(m/u)}, disagreement adds {@code log2((1-m)/(1-u))} (a negative number), a missing value on either
 * side adds 0. A similarity {@code s} between {@code partialThreshold} and 1 is a partial agreement: the weight is
 * interpolated linearly between the disagreement weight (at the threshold) and the agreement weight (at 1); at or
 * below the threshold it is a disagreement. A threshold of 1 means all-or-nothing.
 *
 * <p>A {@code decisive} field (the resident ID number) makes two records a {@link MatchOutcome#MATCH} whenever it
 * agrees exactly, whatever the score; when it is present on both sides and differs, the pair is at most a
 * {@link MatchOutcome#POSSIBLE_MATCH} (twins share everything else), whatever the score.
 *
 * @param field the field name in {@link PersonRecord}, must not be blank
 * @param comparator how the field is normalised and compared, must not be {@literal null}
 * @param m agreement probability among true matches, in (0, 1)
 * @param u agreement probability among non-matches, in (0, 1) and below {@code m}
 * @param partialThreshold similarity at and below which the field counts as disagreeing, in [0, 1]
 * @param decisive whether exact agreement alone decides a match and disagreement rules it out
 */
public record FieldRule(String field, ComparatorKind comparator, double m, double u, double partialThreshold,
        boolean decisive) {

    public FieldRule {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("field must not be blank");
        }
        Objects.requireNonNull(comparator, "comparator");
        if (!(m > 0 && m < 1) || !(u > 0 && u < 1) || u >= m) {
            throw new IllegalArgumentException("field " + field + ": need 0 < u < m < 1, got m=" + m + ", u=" + u);
        }
        if (!(partialThreshold >= 0 && partialThreshold <= 1)) {
            throw new IllegalArgumentException("field " + field + ": partialThreshold must be in [0, 1]");
        }
    }

    /** A rule with the comparator's default partial-agreement threshold, not decisive. */
    public static FieldRule of(String field, ComparatorKind comparator, double m, double u) {
        return new FieldRule(field, comparator, m, u, defaultPartialThreshold(comparator), false);
    }

    /** This rule with another partial-agreement threshold. */
    public FieldRule withPartialThreshold(double threshold) {
        return new FieldRule(field, comparator, m, u, threshold, decisive);
    }

    /** This rule, decisive on exact agreement. */
    public FieldRule asDecisive() {
        return new FieldRule(field, comparator, m, u, partialThreshold, true);
    }

    /** {@code log2(m/u)}, added when the field agrees. */
    public double agreementWeight() {
        return log2(m / u);
    }

    /** {@code log2((1-m)/(1-u))}, added when the field disagrees (negative). */
    public double disagreementWeight() {
        return log2((1 - m) / (1 - u));
    }

    /** The default threshold: 1 (all-or-nothing) for exact kinds, lower for the fuzzy ones. */
    public static double defaultPartialThreshold(ComparatorKind comparator) {
        switch (comparator) {
            case JARO_WINKLER:
            case ADDRESS:
                return 0.8;
            case PINYIN_NAME:
                return 0.6;
            case DATE:
                return 0.7;
            case NUMERIC:
            case PHONE:
                return 0.6;
            default:
                return 1.0;
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
