package org.huimin.directory.fhir;

import java.util.Locale;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Maps directory records to FHIR R4 resources. Code systems are Huimin's own, published under {@value #BASE}. */
@Component
public class DirectoryFhirTranslator {

    static final String BASE = "https://fhir.huimin.org/CodeSystem/";
    static final String ORG_TYPE = BASE + "organization-type";
    static final String HOSPITAL_LEVEL = BASE + "hospital-level";
    static final String DEPARTMENT = BASE + "department-code";
    static final String PRACTITIONER_KIND = BASE + "practitioner-kind";
    static final String LICENCE = "https://fhir.huimin.org/sid/licence/";

    private final String usccSystem;

    public DirectoryFhirTranslator(@Value("${huimin.fhir.uscc-system}") String usccSystem) {
        this.usccSystem = usccSystem;
    }

    String usccSystem() {
        return usccSystem;
    }

    public Organization toFhir(org.huimin.directory.Organization o) {
        Organization r = new Organization();
        r.setId(o.id().toString());
        r.setActive(o.active());
        r.setName(o.name());
        if (o.uscc() != null) {
            r.addIdentifier(new Identifier().setSystem(usccSystem).setValue(o.uscc()));
        }
        CodeableConcept type = new CodeableConcept();
        type.addCoding().setSystem(ORG_TYPE).setCode(o.type().name())
                .setDisplay(o.type().name().toLowerCase(Locale.ROOT));
        if (o.level() != null) {
            String code = o.level() + (o.grade() == null ? "" : o.grade());
            type.addCoding().setSystem(HOSPITAL_LEVEL).setCode(code);
        }
        r.addType(type);
        if (o.phone() != null) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(o.phone());
        }
        if (o.address() != null) {
            r.addAddress(address(o));
        }
        return r;
    }

    public Location toFhirLocation(org.huimin.directory.Organization o) {
        Location r = new Location();
        r.setId(o.id().toString());
        r.setStatus(o.active() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
        r.setName(o.name());
        r.setMode(Location.LocationMode.INSTANCE);
        if (o.address() != null) {
            r.setAddress(address(o));
        }
        if (o.latitude() != null && o.longitude() != null) {
            r.setPosition(new Location.LocationPositionComponent().setLatitude(o.latitude())
                    .setLongitude(o.longitude()));
        }
        r.setManagingOrganization(new Reference("Organization/" + o.id()).setDisplay(o.name()));
        return r;
    }

    public Practitioner toFhir(org.huimin.directory.Practitioner p) {
        Practitioner r = new Practitioner();
        r.setId(p.id().toString());
        r.setActive(p.active());
        r.addIdentifier(new Identifier().setSystem(LICENCE + p.kind().name().toLowerCase(Locale.ROOT))
                .setValue(p.licenceNumber()));
        HumanName name = r.addName().setText(p.name());
        if (p.name().codePointCount(0, p.name().length()) >= 2) {
            int first = p.name().offsetByCodePoints(0, 1);
            name.setFamily(p.name().substring(0, first)).addGiven(p.name().substring(first));
        }
        r.setGender(switch (p.sex()) {
            case "MALE" -> AdministrativeGender.MALE;
            case "FEMALE" -> AdministrativeGender.FEMALE;
            default -> AdministrativeGender.UNKNOWN;
        });
        CodeableConcept qualification = new CodeableConcept();
        qualification.addCoding().setSystem(PRACTITIONER_KIND).setCode(p.kind().name()).setDisplay(p.title());
        r.addQualification().setCode(qualification);
        return r;
    }

    public PractitionerRole toFhir(org.huimin.directory.Practitioner p, org.huimin.directory.Practitioner.Role role) {
        PractitionerRole r = new PractitionerRole();
        r.setId(role.id().toString());
        r.setActive(p.active());
        r.setPractitioner(new Reference("Practitioner/" + p.id()).setDisplay(p.name()));
        r.setOrganization(new Reference("Organization/" + role.organizationId()).setDisplay(role.organizationName()));
        r.addLocation(new Reference("Location/" + role.organizationId()));
        r.addCode().addCoding().setSystem(PRACTITIONER_KIND).setCode(p.kind().name()).setDisplay(p.title());
        if (role.departmentCode() != null) {
            r.addSpecialty().addCoding().setSystem(DEPARTMENT).setCode(role.departmentCode())
                    .setDisplay(role.departmentName());
        }
        return r;
    }

    private static Address address(org.huimin.directory.Organization o) {
        Address a = new Address().setText(o.address()).setCountry("CN");
        if (o.divisionCode() != null) {
            a.setDistrict(o.divisionCode());
        }
        return a;
    }
}
