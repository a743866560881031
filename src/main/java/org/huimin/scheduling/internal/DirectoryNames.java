package org.huimin.scheduling.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.huimin.directory.Department;
import org.huimin.directory.Directory;
import org.huimin.directory.Organization;
import org.huimin.directory.Practitioner;
import org.springframework.stereotype.Component;

/**
 * The directory as slot listings and notices show it: institutions, practitioners and department names, kept for a
 * minute. A listing of a department's day names a dozen practitioners; asking the directory each time cost more
 * round trips than the slots themselves (the 8 a.m. crowd lists before it books). Names, titles, levels and positions
 * change rarely, and a minute's delay in showing a change is harmless: nothing here decides a booking.
 */
@Component
class DirectoryNames {

    private static final Duration KEEP = Duration.ofMinutes(1);

    private final LoadingCache<UUID, Optional<Organization>> organizations;
    private final LoadingCache<UUID, Optional<Practitioner>> practitioners;
    private final LoadingCache<Boolean, Map<String, String>> departments;

    DirectoryNames(Directory directory) {
        this.organizations = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(20_000)
                .build(directory::organization);
        this.practitioners = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(100_000)
                .build(directory::practitioner);
        this.departments = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(1)
                .build(any -> departmentNames(directory.departmentCodes()));
    }

    Optional<Organization> organization(UUID id) {
        return organizations.get(id);
    }

    Optional<Practitioner> practitioner(UUID id) {
        return practitioners.get(id);
    }

    /** Standard department code → Chinese name. */
    Map<String, String> departments() {
        return departments.get(Boolean.TRUE);
    }

    String department(String code) {
        return departments().getOrDefault(code, code);
    }

    private static Map<String, String> departmentNames(List<Department> codes) {
        return codes.stream().collect(Collectors.toUnmodifiableMap(Department::code, Department::name,
                (a, b) -> a));
    }
}
