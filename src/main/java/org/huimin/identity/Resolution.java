package org.huimin.identity;

import java.util.UUID;

/**
 * How an incoming person was resolved. {@code IDENTIFIED}: by ID number or document; {@code MATCH}: by demographics
 * above the match threshold; {@code POSSIBLE_MATCH}: a new UNVERIFIED resident was indexed and a review opened;
 * {@code NO_MATCH}: a new UNVERIFIED resident was indexed.
 */
public record Resolution(Outcome outcome, UUID residentId, UUID reviewId, double score) {

    public enum Outcome { IDENTIFIED, MATCH, POSSIBLE_MATCH, NO_MATCH }
}
