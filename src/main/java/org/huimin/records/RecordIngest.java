package org.huimin.records;

import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;

/**
 * Ingestion for trusted callers inside the platform (demo data now; adapters of institutions' HL7 v2 feeds later):
 * the same checks and all-or-nothing transaction as {@code POST /fhir/r4}, on behalf of the institution given.
 */
public interface RecordIngest {

    /** Ingests a transaction or batch bundle as sent by {@code sourceOrganization}; returns the response bundle. */
    Bundle ingest(Bundle bundle, UUID sourceOrganization);
}
