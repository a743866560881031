package org.huimin.directory;

import java.util.List;
import java.util.UUID;

/** A licensed doctor, nurse or pharmacist and the organisations where they practise. */
public record Practitioner(UUID id, String name, PractitionerKind kind, String sex, String title,
        String licenceNumber, List<String> specialties, List<Role> roles, boolean active) {

    /** Where a practitioner practises: organisation and department (执业地点). */
    public record Role(UUID id, UUID organizationId, String organizationName, String departmentCode,
            String departmentName, boolean primarySite) {
    }
}
