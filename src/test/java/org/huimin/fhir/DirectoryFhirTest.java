package org.huimin.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import ca.uhn.fhir.context.FhirContext;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.huimin.support.Api;
import org.huimin.support.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FHIR R4 endpoint over the directory, parsed with HAPI as a FHIR client would. */
class DirectoryFhirTest extends HttpTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    String token;

    @BeforeEach
    void setUp() {
        token = api.login("doctor");
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T fhir(Class<T> type, String path) {
        Api.Response r = api.get("/fhir/r4/" + path, token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return FHIR.newJsonParser().parseResource(type, r.raw());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void capabilityStatementIsPublicAndR4() {
        Api.Response r = api.get("/fhir/r4/metadata", null);
        CapabilityStatement cs = FHIR.newJsonParser().parseResource(CapabilityStatement.class, r.raw());
        assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(cs.getRestFirstRep().getResource()).extracting(c -> c.getType())
                .contains("Organization", "Practitioner", "PractitionerRole", "Location");
        assertThat(api.get("/fhir/r4/Organization", null).status()).isEqualTo(401);
    }

    @Test
    void organizationsSearchByNamePrefixIdentifierTypeAndAddress() {
        Bundle byName = fhir(Bundle.class, "Organization?name=" + enc("惠民县人民"));
        assertThat(byName.getTotal()).isEqualTo(1);
        Organization hospital = (Organization) byName.getEntryFirstRep().getResource();
        assertThat(hospital.getName()).isEqualTo("惠民县人民医院");
        String uscc = hospital.getIdentifierFirstRep().getValue();
        assertThat(hospital.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.huimin.org/sid/uscc");

        Bundle byIdentifier = fhir(Bundle.class, "Organization?identifier=" + enc("https://fhir.huimin.org/sid/uscc|" + uscc));
        assertThat(byIdentifier.getTotal()).isEqualTo(1);
        assertThat(fhir(Bundle.class, "Organization?identifier=" + enc("urn:other|" + uscc)).getTotal()).isZero();

        Bundle clinics = fhir(Bundle.class, "Organization?type=VILLAGE_CLINIC&_count=4");
        assertThat(clinics.getTotal()).isEqualTo(6);
        assertThat(clinics.getEntry()).hasSize(4);
        assertThat(clinics.getLink("next")).isNotNull();

        assertThat(fhir(Bundle.class, "Organization?address=" + enc("营上镇")).getTotal()).isPositive();
        assertThat(fhir(Bundle.class, "Organization?name:contains=" + enc("卫生室")).getTotal()).isEqualTo(6);
        assertThat(fhir(Bundle.class, "Organization?name=" + enc("卫生室")).getTotal()).isZero();

        Organization read = fhir(Organization.class, "Organization/" + hospital.getIdPart());
        assertThat(read.getName()).isEqualTo("惠民县人民医院");
        assertThat(api.get("/fhir/r4/Organization/00000000-0000-0000-0000-000000000000", token).status()).isEqualTo(404);

        Location location = fhir(Location.class, "Location/" + hospital.getIdPart());
        assertThat(location.getPosition().getLatitude()).isNotNull();
        assertThat(location.getManagingOrganization().getReference()).isEqualTo("Organization/" + hospital.getIdPart());
    }

    @Test
    void practitionersAndTheirRoles() {
        Bundle nurses = fhir(Bundle.class, "Practitioner?_count=200");
        assertThat(nurses.getTotal()).isGreaterThanOrEqualTo(60);
        Practitioner first = (Practitioner) nurses.getEntryFirstRep().getResource();
        String licence = first.getIdentifierFirstRep().getValue();
        Bundle byLicence = fhir(Bundle.class, "Practitioner?identifier=" + enc(licence));
        assertThat(byLicence.getTotal()).isEqualTo(1);
        Bundle byName = fhir(Bundle.class, "Practitioner?name=" + enc(first.getNameFirstRep().getText()));
        assertThat(byName.getEntry()).extracting(e -> e.getResource().getIdPart()).contains(first.getIdPart());

        Bundle roles = fhir(Bundle.class, "PractitionerRole?practitioner=Practitioner/" + first.getIdPart());
        assertThat(roles.getEntry()).isNotEmpty();
        PractitionerRole role = (PractitionerRole) roles.getEntryFirstRep().getResource();
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + first.getIdPart());
        PractitionerRole read = fhir(PractitionerRole.class, "PractitionerRole/" + role.getIdPart());
        assertThat(read.getOrganization().getReference()).isEqualTo(role.getOrganization().getReference());
        Bundle atOrg = fhir(Bundle.class, "PractitionerRole?organization=" + role.getOrganization().getReference());
        assertThat(atOrg.getEntry()).extracting(e -> e.getResource().getIdPart()).contains(role.getIdPart());
    }
}
