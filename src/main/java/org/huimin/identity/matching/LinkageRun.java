package org.huimin.identity.matching;

import java.util.List;

/**
 * The result of deduplicating a list of records: every pair at or above the possible-match threshold, best first.
 * Pairs are not closed transitively: if A–B and B–C match, A–C appears only if it was compared and matched itself.
 *
 * @param records how many records went in
 * @param comparisons how many distinct pairs were compared (each pair once, however many blocking keys it shares)
 * @param pairs the pairs found, best score first
 */
public record LinkageRun(int records, long comparisons, List<MatchedPair> pairs) {

    public LinkageRun {
        pairs = List.copyOf(pairs);
    }

    /** The pairs whose outcome is {@link MatchOutcome#MATCH}. */
    public List<MatchedPair> matches() {
        return pairs.stream().filter(p -> p.outcome() == MatchOutcome.MATCH).toList();
    }

    /** The pairs whose outcome is {@link MatchOutcome#POSSIBLE_MATCH}, for clerical review. */
    public List<MatchedPair> possibleMatches() {
        return pairs.stream().filter(p -> p.outcome() == MatchOutcome.POSSIBLE_MATCH).toList();
    }
}
