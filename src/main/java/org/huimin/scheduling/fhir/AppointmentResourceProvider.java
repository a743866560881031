package org.huimin.scheduling.fhir;

import java.time.Instant;
import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.huimin.scheduling.internal.SchedulingRecords;
import org.springframework.stereotype.Component;

/** FHIR Appointment: a resident's bookings, for the resident, their proxy or staff (every read audited). */
@Component
class AppointmentResourceProvider implements IResourceProvider {

    private final SchedulingRecords records;
    private final SchedulingFhirTranslator translator;

    AppointmentResourceProvider(SchedulingRecords records, SchedulingFhirTranslator translator) {
        this.records = records;
        this.translator = translator;
    }

    @Override
    public Class<Appointment> getResourceType() {
        return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id) {
        return records.appointment(ScheduleResourceProvider.uuid(id.getIdPart())).map(translator::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Appointment> search(@RequiredParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Appointment.SP_DATE) DateRangeParam date) {
        Instant from = date != null && date.getLowerBoundAsInstant() != null
                ? date.getLowerBoundAsInstant().toInstant() : Instant.EPOCH;
        Instant to = date != null && date.getUpperBoundAsInstant() != null
                ? date.getUpperBoundAsInstant().toInstant() : Instant.parse("9999-12-31T00:00:00Z");
        return records.appointmentsOf(ScheduleResourceProvider.uuid(patient.getIdPart()), from, to).stream()
                .map(translator::toFhir).toList();
    }
}
