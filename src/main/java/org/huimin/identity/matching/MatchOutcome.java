package org.huimin.identity.matching;

/** The decision for a pair of records. */
public enum MatchOutcome {
    /** The score reached the match threshold (or a decisive field agreed): the same person. */
    MATCH,
    /** The score lies between the two thresholds: a clerk should review the pair. */
    POSSIBLE_MATCH,
    /** The score is below the possible-match threshold. */
    NO_MATCH
}
