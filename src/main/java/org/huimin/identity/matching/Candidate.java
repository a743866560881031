package org.huimin.identity.matching;

/**
 * A candidate record found for a probe by {@link MatchEngine#match}, with the comparison that ranked it.
 *
 * @param record the candidate record
 * @param result the comparison of the probe (left) with the candidate (right)
 */
public record Candidate(PersonRecord record, MatchResult result) {

    /** The score of the comparison. */
    public double score() {
        return result.score();
    }

    /** The outcome of the comparison. */
    public MatchOutcome outcome() {
        return result.outcome();
    }
}
