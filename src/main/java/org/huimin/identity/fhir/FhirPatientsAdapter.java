package org.huimin.identity.fhir;

import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.r4.model.Patient;
import org.huimin.identity.FhirPatients;
import org.huimin.identity.internal.PatientIndex;
import org.springframework.stereotype.Component;

@Component
class FhirPatientsAdapter implements FhirPatients {

    private final PatientIndex index;
    private final PatientTranslator translator;

    FhirPatientsAdapter(PatientIndex index, PatientTranslator translator) {
        this.index = index;
        this.translator = translator;
    }

    @Override
    public Optional<Patient> patient(UUID residentId) {
        return index.find(residentId).map(translator::toFhir);
    }
}
