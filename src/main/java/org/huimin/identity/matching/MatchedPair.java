package org.huimin.identity.matching;

/**
 * A pair found by {@link MatchEngine#deduplicate}: a {@link MatchOutcome#MATCH} or a
 * {@link MatchOutcome#POSSIBLE_MATCH}. Call {@link MatchEngine#compare} on the two records for the per-field detail.
 *
 * @param left the record that comes first in the input list
 * @param right the record that comes later in the input list
 * @param score the match score
 * @param outcome {@code MATCH} or {@code POSSIBLE_MATCH}
 */
public record MatchedPair(PersonRecord left, PersonRecord right, double score, MatchOutcome outcome) {
}
