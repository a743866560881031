package org.huimin.records.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.huimin.directory.Directory;
import org.huimin.directory.Organization;
import org.huimin.directory.Practitioner;
import org.springframework.stereotype.Component;

/** Institution and practitioner names for consents, the access log and the timeline, kept for a minute. */
@Component
class Names {

    private final LoadingCache<UUID, Optional<Organization>> organizations;
    private final LoadingCache<UUID, Optional<Practitioner>> practitioners;

    Names(Directory directory) {
        this.organizations = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(20_000)
                .build(directory::organization);
        this.practitioners = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(50_000)
                .build(directory::practitioner);
    }

    Optional<Organization> organization(UUID id) {
        return id == null ? Optional.empty() : organizations.get(id);
    }

    Optional<Practitioner> practitioner(UUID id) {
        return id == null ? Optional.empty() : practitioners.get(id);
    }

    String organizationName(UUID id) {
        return organization(id).map(Organization::name).orElse(null);
    }

    String practitionerName(UUID id) {
        return practitioner(id).map(Practitioner::name).orElse(null);
    }
}
