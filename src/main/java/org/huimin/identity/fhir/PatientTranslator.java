package org.huimin.identity.fhir;

import java.util.Date;
import java.util.Locale;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.huimin.identity.ResidentStatus;
import org.huimin.identity.internal.PatientIndex;
import org.huimin.shared.Sex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Master-index entries and proxies as FHIR R4 Patient and RelatedPerson. */
@Component
class PatientTranslator {

    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private final String cinSystem;
    private final String documentSystemBase;

    PatientTranslator(@Value("${huimin.fhir.cin-system}") String cinSystem,
            @Value("${huimin.fhir.document-system-base:https://fhir.huimin.org/sid/}") String documentSystemBase) {
        this.cinSystem = cinSystem;
        this.documentSystemBase = documentSystemBase;
    }

    String cinSystem() {
        return cinSystem;
    }

    /** The identifier system of a supplementary document, e.g. {@code .../sid/mrn/<issuer>}. */
    String documentSystem(String type, String issuer) {
        String base = documentSystemBase + type.toLowerCase(Locale.ROOT).replace('_', '-');
        return issuer == null || issuer.isBlank() ? base : base + "/" + issuer;
    }

    Patient toFhir(PatientIndex.Patient p) {
        Patient f = new Patient();
        f.setId(p.id().toString());
        if (p.idNumber() != null) {
            f.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(cinSystem).setValue(p.idNumber())
                    .setType(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(IDENTIFIER_TYPE, "NI",
                            "National unique individual identifier")).setText("居民身份证"));
        }
        for (PatientIndex.Document d : p.documents()) {
            if (d.type().equals("EXTERNAL")) {
                f.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(d.issuer()).setValue(d.value());
                continue;
            }
            String code = switch (d.type()) {
                case "PASSPORT" -> "PPN";
                case "MRN" -> "MR";
                case "INSURANCE_NUMBER" -> "SB";
                case "BIRTH_CERTIFICATE" -> "BCT";
                default -> "PPN";
            };
            f.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY)
                    .setSystem(documentSystem(d.type(), d.issuer())).setValue(d.value())
                    .setType(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(IDENTIFIER_TYPE, code,
                            null)).setText(d.type()));
        }
        f.setActive(p.status() != ResidentStatus.MERGED);
        f.addName(name(p.name()));
        f.setGender(gender(p.sex()));
        f.setBirthDate(Date.from(p.birthDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        if (p.phone() != null) {
            f.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                    .setValue(p.phone());
        }
        if (p.address() != null || p.divisionCode() != null) {
            Address a = f.addAddress().setUse(Address.AddressUse.HOME).setText(p.address()).setCountry("CN");
            if (p.divisionCode() != null) {
                a.setDistrict(p.divisionCode());
            }
        }
        if (p.mergedInto() != null) {
            f.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference("Patient/" + p.mergedInto()));
        }
        for (java.util.UUID old : p.replaces()) {
            f.addLink().setType(Patient.LinkType.REPLACES).setOther(new Reference("Patient/" + old));
        }
        f.getMeta().addTag("https://fhir.huimin.org/CodeSystem/resident-status", p.status().name(), null);
        return f;
    }

    /** A Chinese name: the family name is the first character (two for the common compound surnames). */
    static HumanName name(String full) {
        HumanName n = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(full);
        if (full.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && full.codePointCount(0, full.length()) >= 2) {
            int familyLength = COMPOUND.stream().anyMatch(full::startsWith) && full.length() >= 3 ? 2 : 1;
            n.setFamily(full.substring(0, familyLength)).addGiven(full.substring(familyLength));
        }
        return n;
    }

    private static final java.util.List<String> COMPOUND = java.util.List.of("欧阳", "司马", "上官", "诸葛", "东方",
            "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木");

    static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    RelatedPerson toFhir(PatientIndex.Related r) {
        RelatedPerson f = new RelatedPerson();
        f.setId(r.proxyId().toString());
        f.setActive(true);
        f.setPatient(new Reference("Patient/" + r.patientId()));
        // the relation is stored from the proxy's side ("my PARENT"); FHIR states the proxy's role to the patient
        String code;
        String display;
        switch (r.relation()) {
            case PARENT -> { code = "CHILD"; display = "child"; }
            case CHILD -> { code = "PRN"; display = "parent"; }
            case SPOUSE -> { code = "SPS"; display = "spouse"; }
            default -> { code = "FAMMEMB"; display = "family member"; }
        }
        f.addRelationship().addCoding().setSystem(ROLE_CODE).setCode(code).setDisplay(display);
        f.addName(name(r.agentName()));
        f.setGender(gender(r.agentSex()));
        if (r.agentPhone() != null) {
            f.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(r.agentPhone());
        }
        if (r.since() != null) {
            f.setPeriod(new Period().setStart(Date.from(r.since())));
        }
        f.addIdentifier().setSystem("https://fhir.huimin.org/sid/resident").setValue(r.agentId().toString());
        return f;
    }
}
