package org.huimin.records.fhir;

import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.huimin.fhir.PlainProvider;
import org.huimin.identity.FhirPatients;
import org.huimin.identity.Residents;
import org.huimin.records.internal.RecordReader;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/{id}/$everything}: the Patient and every stored resource about them that the caller may read, oldest
 * first, in pages ({@code _count}, at most 1,000) with {@code next} links.
 */
@Component
class EverythingProvider implements PlainProvider {

    private final RecordReader reader;
    private final FhirPatients patients;
    private final Residents residents;

    EverythingProvider(RecordReader reader, FhirPatients patients, Residents residents) {
        this.reader = reader;
        this.patients = patients;
        this.residents = residents;
    }

    @Operation(name = "$everything", type = Patient.class, idempotent = true)
    public IBundleProvider everything(@IdParam IdType id, @OperationParam(name = "_count") IntegerType count) {
        UUID resident;
        try {
            resident = residents.effectiveId(UUID.fromString(id.getIdPart()))
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
        RecordReader.Results results = reader.search(resident, null,
                new RecordReader.Criteria(null, null, null, null, null, false), "EVERYTHING");
        Patient patient = patients.patient(resident).orElseThrow(() -> new ResourceNotFoundException(id));
        Integer size = count == null || count.getValue() == null ? null : Math.max(1, count.getValue());
        return new ResultsBundle(results, patient, size);
    }
}
