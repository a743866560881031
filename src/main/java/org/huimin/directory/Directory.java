package org.huimin.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;

/** The directory's API: lookups (public data) and changes (administrators, demo data). */
public interface Directory {

    /** Organisation filters; each may be {@code null}. {@code text} matches name or address. */
    record OrganizationQuery(String text, OrganizationType type, String level, String divisionCode, String uscc,
            String namePrefix, String address) {
        public static OrganizationQuery text(String text) {
            return new OrganizationQuery(text, null, null, null, null, null, null);
        }
    }

    /** Practitioner filters; each may be {@code null}. */
    record PractitionerQuery(String text, PractitionerKind kind, UUID organizationId, String departmentCode,
            String licenceNumber, String namePrefix) {
    }

    PageResult<Organization> organizations(OrganizationQuery query, PageRequest page);

    Optional<Organization> organization(UUID id);

    List<Department> departments(UUID organizationId);

    PageResult<Practitioner> practitioners(PractitionerQuery query, PageRequest page);

    Optional<Practitioner> practitioner(UUID id);

    /** The standard department codes (诊疗科目) with their Chinese names. */
    List<Department> departmentCodes();

    UUID addOrganization(NewOrganization organization);

    void updateOrganization(UUID id, NewOrganization organization);

    void addDepartment(UUID organizationId, String code, String name);

    UUID addPractitioner(NewPractitioner practitioner);
}
