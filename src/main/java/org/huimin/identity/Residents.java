package org.huimin.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.shared.ResidentIdNumber;

/** The resident master index (居民主索引). */
public interface Residents {

    /** Enters residents in one transaction; fails with 409 if an ID number is already indexed. */
    List<UUID> register(List<NewResident> residents);

    Optional<ResidentSummary> find(UUID id);

    Optional<UUID> findByIdNumber(ResidentIdNumber idNumber);

    long count();
}
