package org.huimin.scheduling.fhir;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;
import org.huimin.scheduling.internal.SchedulingRecords;
import org.springframework.stereotype.Component;

/** FHIR Schedule: one clinic session (出诊) of a practitioner or clinic service. */
@Component
class ScheduleResourceProvider implements IResourceProvider {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final SchedulingRecords records;
    private final SchedulingFhirTranslator translator;

    ScheduleResourceProvider(SchedulingRecords records, SchedulingFhirTranslator translator) {
        this.records = records;
        this.translator = translator;
    }

    @Override
    public Class<Schedule> getResourceType() {
        return Schedule.class;
    }

    @Read
    public Schedule read(@IdParam IdType id) {
        return records.session(uuid(id.getIdPart())).map(translator::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** By actor (Practitioner/id or Organization/id) and date (default: the next 7 days); at most 500. */
    @Search
    public List<Schedule> search(@OptionalParam(name = Schedule.SP_ACTOR) ReferenceParam actor,
            @OptionalParam(name = Schedule.SP_DATE) DateRangeParam date) {
        UUID practitioner = null;
        UUID organization = null;
        if (actor != null) {
            UUID id = uuid(actor.getIdPart());
            if ("Organization".equals(actor.getResourceType())) {
                organization = id;
            } else {
                practitioner = id;
            }
        }
        LocalDate from = date != null && date.getLowerBoundAsInstant() != null
                ? date.getLowerBoundAsInstant().toInstant().atZone(ZONE).toLocalDate() : LocalDate.now(ZONE);
        LocalDate to = date != null && date.getUpperBoundAsInstant() != null
                ? date.getUpperBoundAsInstant().toInstant().atZone(ZONE).toLocalDate() : from.plusDays(7);
        return records.sessions(practitioner, organization, from, to).stream().map(translator::toFhir).toList();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFoundException("No resource with id " + id);
        }
    }
}
