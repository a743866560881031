package org.huimin.identity.internal;

import java.util.List;

/** Scores two person records on demographics (name, pinyin, birth date, sex, phone, address, ID number). */
interface DemographicMatcher {

    Scored compare(ResidentRow a, ResidentRow b);

    /** The decision on a pair: by the thresholds, or by a decisive field (an equal ID number is a match). */
    enum Outcome { MATCH, POSSIBLE_MATCH, NO_MATCH }

    /** A total score, the outcome and what each field contributed, for the review screen. */
    record Scored(double score, Outcome outcome, List<FieldScore> fields) {
    }

    /** One field's comparison: values, weight contributed and {@code AGREE|PARTIAL|DISAGREE|MISSING}. */
    record FieldScore(String field, String left, String right, double weight, String agreement) {
    }
}
