package org.huimin.identity;

import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Patient;

/**
 * The master index as FHIR Patient resources for other modules' FHIR operations (such as {@code Patient/$everything}
 * of the records module). The caller decides and audits who may read; this port does neither.
 */
public interface FhirPatients {

    /** The Patient for the entry that answers for {@code residentId}, empty when there is none. */
    Optional<Patient> patient(UUID residentId);
}
