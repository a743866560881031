package org.huimin.identity.fhir;

import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.huimin.identity.internal.PatientIndex;
import org.springframework.stereotype.Component;

/** FHIR RelatedPerson: a resident's confirmed family proxies (代办人). */
@Component
class RelatedPersonResourceProvider implements IResourceProvider {

    private final PatientIndex index;
    private final PatientTranslator translator;
    private final PatientAccess access;

    RelatedPersonResourceProvider(PatientIndex index, PatientTranslator translator, PatientAccess access) {
        this.index = index;
        this.translator = translator;
        this.access = access;
    }

    @Override
    public Class<RelatedPerson> getResourceType() {
        return RelatedPerson.class;
    }

    @Read
    public RelatedPerson read(@IdParam IdType id) {
        PatientIndex.Related r = index.relatedById(PatientResourceProvider.parse(id))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        access.requireRead("RELATED_PERSON_READ", "RelatedPerson", r.patientId());
        return translator.toFhir(r);
    }

    @Search
    public List<RelatedPerson> search(@RequiredParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient) {
        UUID id;
        try {
            id = UUID.fromString(patient.getIdPart());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        access.requireRead("RELATED_PERSON_SEARCH", "RelatedPerson", id);
        return index.related(id).stream().map(translator::toFhir).toList();
    }
}
