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
import org.hl7.fhir.r4.model.Location;
import org.huimin.directory.Directory;
import org.huimin.shared.fhir.PagedBundle;
import org.huimin.directory.OrganizationType;
import org.springframework.stereotype.Component;

/** FHIR Location: each organisation's site with its coordinates; read and search (name, address, type). */
@Component
class LocationResourceProvider implements IResourceProvider {

    private final Directory directory;
    private final DirectoryFhirTranslator translator;

    LocationResourceProvider(Directory directory, DirectoryFhirTranslator translator) {
        this.directory = directory;
        this.translator = translator;
    }

    @Override
    public Class<Location> getResourceType() {
        return Location.class;
    }

    @Read
    public Location read(@IdParam IdType id) {
        return directory.organization(OrganizationResourceProvider.parse(id)).map(translator::toFhirLocation)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Location.SP_NAME) StringParam name,
            @OptionalParam(name = Location.SP_ADDRESS) StringParam address,
            @OptionalParam(name = Location.SP_TYPE) TokenParam type) {
        if (!DirectoryFhirSearch.systemMatches(type, DirectoryFhirTranslator.ORG_TYPE)) {
            return DirectoryFhirSearch.EMPTY;
        }
        DirectoryFhirSearch.Text text = DirectoryFhirSearch.Text.of(name);
        OrganizationType orgType = DirectoryFhirSearch.enumCode(OrganizationType.class,
                DirectoryFhirSearch.tokenCode(type));
        Directory.OrganizationQuery query = new Directory.OrganizationQuery(text.contains(), orgType, null, null, null,
                text.prefix() != null ? text.prefix() : text.exact(), address == null ? null : address.getValue());
        return new PagedBundle<>(page -> directory.organizations(query, page), translator::toFhirLocation,
                o -> text.exact() == null || o.name().equals(text.exact()));
    }
}
