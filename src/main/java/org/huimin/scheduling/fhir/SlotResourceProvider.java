package org.huimin.scheduling.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Slot;
import org.huimin.scheduling.internal.SchedulingRecords;
import org.springframework.stereotype.Component;

/** FHIR Slot: a time slot of a session; FREE while places are left. */
@Component
class SlotResourceProvider implements IResourceProvider {

    private final SchedulingRecords records;
    private final SchedulingFhirTranslator translator;

    SlotResourceProvider(SchedulingRecords records, SchedulingFhirTranslator translator) {
        this.records = records;
        this.translator = translator;
    }

    @Override
    public Class<Slot> getResourceType() {
        return Slot.class;
    }

    @Read
    public Slot read(@IdParam IdType id) {
        return records.slot(ScheduleResourceProvider.uuid(id.getIdPart())).map(translator::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Slot> search(@RequiredParam(name = Slot.SP_SCHEDULE) ReferenceParam schedule) {
        return records.slotsOfSession(ScheduleResourceProvider.uuid(schedule.getIdPart())).stream()
                .map(translator::toFhir).toList();
    }
}
