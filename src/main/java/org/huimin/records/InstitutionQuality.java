package org.huimin.records;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Quality-control standing of institutions for mutual recognition of results (互认): only results of an institution
 * that PASSED the region's quality control (and whose standing has not lapsed) carry the "recognised" mark.
 */
public interface InstitutionQuality {

    enum Status { PASSED, SUSPENDED, FAILED }

    /** Sets the institution's standing; {@code validUntil} null means until changed. */
    void record(UUID organizationId, Status status, LocalDate validUntil, String note);
}
