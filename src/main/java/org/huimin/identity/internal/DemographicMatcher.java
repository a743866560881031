package org.huimin.identity.internal;

import java.util.List;

/** Scores two person records on demographics (name, pinyin, birth date, sex, phone, address, ID number). */
interface DemographicMatcher {

    Scored compare(ResidentRow a, ResidentRow b);

    double matchThreshold();

    double possibleThreshold();

    /** A total score with what each field contributed, for the review screen. */
    record Scored(double score, List<FieldScore> fields) {
    }

    /** One field's comparison: values, weight contributed and {@code AGREE|PARTIAL|DISAGREE|MISSING}. */
    record FieldScore(String field, String left, String right, double weight, String agreement) {
    }
}
