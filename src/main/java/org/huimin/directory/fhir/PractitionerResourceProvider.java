package org.huimin.directory.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.huimin.directory.Directory;
import org.huimin.shared.fhir.PagedBundle;
import org.huimin.directory.PractitionerKind;
import org.springframework.stereotype.Component;

/** FHIR Practitioner read and search (name, identifier = licence number). */
@Component
class PractitionerResourceProvider implements IResourceProvider {

    private final Directory directory;
    private final DirectoryFhirTranslator translator;

    PractitionerResourceProvider(Directory directory, DirectoryFhirTranslator translator) {
        this.directory = directory;
        this.translator = translator;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id) {
        return directory.practitioner(OrganizationResourceProvider.parse(id)).map(translator::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Practitioner.SP_NAME) StringParam name,
            @OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier) {
        DirectoryFhirSearch.Text text = DirectoryFhirSearch.Text.of(name);
        PractitionerKind kind = null;
        String licence = null;
        if (identifier != null) {
            licence = identifier.getValue();
            String system = identifier.getSystem();
            if (system != null && !system.isEmpty()) {
                if (!system.startsWith(DirectoryFhirTranslator.LICENCE)) {
                    return DirectoryFhirSearch.EMPTY;
                } else {
                    kind = DirectoryFhirSearch.enumCode(PractitionerKind.class,
                            system.substring(DirectoryFhirTranslator.LICENCE.length()));
                }
            }
        }
        Directory.PractitionerQuery query = new Directory.PractitionerQuery(text.contains(), kind, null, null, licence,
                text.prefix() != null ? text.prefix() : text.exact());
        return new PagedBundle<>(page -> directory.practitioners(query, page), translator::toFhir,
                p -> text.exact() == null || p.name().equals(text.exact()));
    }
}
