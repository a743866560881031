package org.huimin.shared.security;

/**
 * The platform's roles; a Spring Security authority is {@code ROLE_<name>}. {@code INSTITUTION_SYSTEM} is the
 * account of an institution's HIS/LIS/PACS that sends records over FHIR; it is bound to that institution.
 */
public enum Role {
    RESIDENT, FAMILY_DOCTOR, CLINICIAN, PHARMACIST, NURSE, SCHEDULER, PHARMACY, CDC, INSURANCE, CLERK, DISPATCHER,
    PLATFORM_ADMIN, AUDITOR, INSTITUTION_SYSTEM;

    public String authority() {
        return "ROLE_" + name();
    }
}
