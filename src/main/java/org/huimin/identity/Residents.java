package org.huimin.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.shared.ResidentIdNumber;

/** The resident master index (居民主索引, EMPI). */
public interface Residents {

    /** Enters real-name residents in one transaction; fails with 409 if an ID number is already indexed. */
    List<UUID> register(List<NewResident> residents);

    /** The entry itself, MERGED or not; see {@link #effectiveId(UUID)}. */
    Optional<ResidentSummary> find(UUID id);

    Optional<UUID> findByIdNumber(ResidentIdNumber idNumber);

    /**
     * The resident (the entry that answers) holding an identifier: the configured CIN system is the ID number, any
     * other system an identifier an institution sent over FHIR; empty when nobody holds it.
     */
    Optional<UUID> findByIdentifier(String system, String value);

    /** The entry that answers for {@code id}: itself, or the survivor it was merged into. */
    Optional<UUID> effectiveId(UUID id);

    /**
     * Resolves a person record to one resident: ID number, then documents, then probabilistic matching. Unknown
     * people are indexed as UNVERIFIED; uncertain matches open a review for staff. Documents are attached.
     */
    Resolution resolve(IncomingPerson person);

    long count();
}
