package org.huimin.directory.fhir;

import java.util.UUID;

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
import org.hl7.fhir.r4.model.Organization;
import org.huimin.directory.Directory;
import org.huimin.shared.fhir.PagedBundle;
import org.huimin.directory.OrganizationType;
import org.springframework.stereotype.Component;

/** FHIR Organization read and search (name, identifier, type, address) over the directory. */
@Component
class OrganizationResourceProvider implements IResourceProvider {

    private final Directory directory;
    private final DirectoryFhirTranslator translator;

    OrganizationResourceProvider(Directory directory, DirectoryFhirTranslator translator) {
        this.directory = directory;
        this.translator = translator;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        return directory.organization(parse(id)).map(translator::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Organization.SP_NAME) StringParam name,
            @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Organization.SP_TYPE) TokenParam type,
            @OptionalParam(name = Organization.SP_ADDRESS) StringParam address) {
        if (!DirectoryFhirSearch.systemMatches(identifier, translator.usccSystem())
                || !DirectoryFhirSearch.systemMatches(type, DirectoryFhirTranslator.ORG_TYPE)) {
            return DirectoryFhirSearch.EMPTY;
        }
        DirectoryFhirSearch.Text text = DirectoryFhirSearch.Text.of(name);
        String uscc = DirectoryFhirSearch.tokenCode(identifier);
        OrganizationType orgType = DirectoryFhirSearch.enumCode(OrganizationType.class,
                DirectoryFhirSearch.tokenCode(type));
        Directory.OrganizationQuery query = new Directory.OrganizationQuery(text.contains(), orgType, null, null, uscc,
                text.prefix() != null ? text.prefix() : text.exact(), address == null ? null : address.getValue());
        return new PagedBundle<>(page -> directory.organizations(query, page), translator::toFhir,
                o -> text.exact() == null || o.name().equals(text.exact()));
    }

    static UUID parse(IdType id) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
    }
}
