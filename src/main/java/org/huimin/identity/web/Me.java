package org.huimin.identity.web;

import java.util.UUID;

import org.huimin.shared.ProblemException;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;

/** The resident the current token is bound to. */
final class Me {

    /** Roles that may scan and verify a health code at a terminal or window. */
    static final String STAFF = "hasAnyRole('NURSE','CLERK','CLINICIAN','FAMILY_DOCTOR','PHARMACIST','SCHEDULER',"
            + "'PHARMACY','CDC','INSURANCE','DISPATCHER','PLATFORM_ADMIN')";
    /** Roles that register residents at a window. */
    static final String REGISTRARS = "hasAnyRole('CLERK','NURSE','PLATFORM_ADMIN')";
    /** Roles that look residents up at a desk to book, check in or register them (a scheduler books at a window too). */
    static final String DESK = "hasAnyRole('CLERK','NURSE','SCHEDULER','PLATFORM_ADMIN')";
    /** Roles that steward the master index: resolve records without ID numbers, review, merge and unmerge. */
    static final String STEWARDS = "hasAnyRole('CLERK','PLATFORM_ADMIN')";

    private Me() {
    }

    static UUID residentId() {
        UUID id = CurrentActor.get().residentId();
        if (id == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "no-resident", "problem.no-resident");
        }
        return id;
    }
}
