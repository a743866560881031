package org.huimin.shared.security;

/** The platform's roles; a Spring Security authority is {@code ROLE_<name>}. */
public enum Role {
    RESIDENT, FAMILY_DOCTOR, CLINICIAN, PHARMACIST, NURSE, SCHEDULER, PHARMACY, CDC, INSURANCE, CLERK, DISPATCHER,
    PLATFORM_ADMIN, AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
