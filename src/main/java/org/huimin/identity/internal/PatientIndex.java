package org.huimin.identity.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.huimin.identity.Relation;
import org.huimin.identity.ResidentStatus;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.Sex;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The master index as FHIR sees it: full identifiers for interoperability (callers audit every read), merge links
 * and proxies. Used by the Patient and RelatedPerson providers only.
 */
@Service
public class PatientIndex {

    private final ResidentRecords records;
    private final DemographicMatcher matcher;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    PatientIndex(ResidentRecords records, DemographicMatcher matcher, JdbcClient jdbc, PersonalDataCipher cipher) {
        this.records = records;
        this.matcher = matcher;
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A resident with identifiers in full; {@code replaces} lists the entries merged into this one. */
    public record Patient(UUID id, String idNumber, String name, Sex sex, LocalDate birthDate, String phone,
            String address, String divisionCode, ResidentStatus status, UUID mergedInto, List<UUID> replaces,
            List<Document> documents) {
    }

    public record Document(String type, String issuer, String value) {
    }

    @Transactional(readOnly = true)
    public Optional<Patient> find(UUID id) {
        return records.byId(id).map(this::patient);
    }

    @Transactional(readOnly = true)
    public Optional<Patient> byIdNumber(String raw) {
        return ResidentIdNumber.parse(raw).flatMap(n -> records.idByIdNumber(n.value())).flatMap(records::byId)
                .map(this::patient);
    }

    /**
     * The resident holding an identifier: the CIN system is the ID number; any other system is an institution's
     * identifier sent over FHIR ({@link org.huimin.identity.DocumentType#EXTERNAL}, issuer = system).
     */
    @Transactional(readOnly = true)
    public Optional<Patient> byIdentifier(String system, String value, String cinSystem) {
        if (system == null || system.isBlank() || system.equals(cinSystem)) {
            Optional<Patient> byId = byIdNumber(value);
            if (byId.isPresent() || system != null && !system.isBlank()) {
                return byId;
            }
        }
        String sql = system == null || system.isBlank()
                ? "select resident_id from identity_document where type = 'EXTERNAL' and value_idx = :v"
                : "select resident_id from identity_document where type = 'EXTERNAL' and issuer = :i and value_idx = :v";
        var spec = jdbc.sql(sql).param("v", cipher.blindIndex(value.strip()));
        if (system != null && !system.isBlank()) {
            spec = spec.param("i", system.strip());
        }
        return spec.query(UUID.class).list().stream().findFirst().flatMap(records::effective).map(this::patient);
    }

    @Transactional(readOnly = true)
    public PageResult<Patient> search(String namePrefix, LocalDate birthDate, Sex sex, PageRequest page) {
        return new PageResult<>(records.fhirSearch(namePrefix, birthDate, sex, page).stream().map(this::patient)
                .toList(), records.fhirCount(namePrefix, birthDate, sex), page.page(), page.size());
    }

    private Patient patient(ResidentRow r) {
        List<Document> docs = jdbc.sql("""
                select type, issuer, value_enc from identity_document where resident_id = :r order by type, issuer""")
                .param("r", r.id())
                .query((rs, n) -> new Document(rs.getString(1), rs.getString(2), cipher.decrypt(rs.getString(3))))
                .list();
        return new Patient(r.id(), r.idNumber(), r.name(), r.sex(), r.birthDate(), r.phone(), r.address(),
                r.divisionCode(), r.status(), r.mergedInto(), records.mergedInto(r.id()), docs);
    }

    /** A scored candidate of {@code $match}: the grade follows the matcher's thresholds. */
    public record Scored(Patient patient, double score, String grade) {
    }

    /** FHIR {@code $match}: candidates for the given demographics, best first, with a certainty grade. */
    @Transactional(readOnly = true)
    public List<Scored> match(String idNumber, String name, Sex sex, LocalDate birthDate, String phone,
            String address, int count) {
        Optional<ResidentIdNumber> id = Optional.ofNullable(idNumber).flatMap(ResidentIdNumber::parse);
        if (id.isPresent()) {
            Optional<Patient> exact = byIdNumber(id.get().value());
            if (exact.isPresent()) {
                return List.of(new Scored(exact.get(), 1.0, "certain"));
            }
        }
        LocalDate birth = id.map(ResidentIdNumber::birthDate).orElse(birthDate);
        ResidentRow probe = new ResidentRow(UUID.randomUUID(), id.map(ResidentIdNumber::value).orElse(null),
                name == null ? "" : name.strip(), id.map(ResidentIdNumber::sex).orElse(sex == null ? Sex.UNKNOWN : sex),
                birth, phone, null, address, ResidentStatus.UNVERIFIED, null, null, null, null, 0, null);
        return records.blockingCandidates(birth, phone, probe.name(), 500).stream()
                .map(c -> Map.entry(c, matcher.compare(probe, c)))
                .filter(e -> e.getValue().outcome() != DemographicMatcher.Outcome.NO_MATCH)
                .sorted(java.util.Comparator.comparingDouble(
                        (Map.Entry<ResidentRow, DemographicMatcher.Scored> e) -> e.getValue().score()).reversed())
                .limit(count)
                .map(e -> new Scored(patient(e.getKey()), e.getValue().score(),
                        e.getValue().outcome() == DemographicMatcher.Outcome.MATCH ? "probable" : "possible"))
                .toList();
    }

    /** A proxy as FHIR RelatedPerson: the agent related to the principal (the patient). */
    public record Related(UUID proxyId, UUID patientId, UUID agentId, String agentName, Sex agentSex,
            String agentPhone, Relation relation, java.time.Instant since) {
    }

    @Transactional(readOnly = true)
    public List<Related> related(UUID patientId) {
        return jdbc.sql("""
                select p.id, p.principal_id, p.agent_id, p.relation, p.confirmed_at, r.name, r.sex, r.phone_enc
                from identity_proxy p join identity_resident r on r.id = p.agent_id
                where p.principal_id = :p and p.status = 'ACTIVE' order by p.created_at""")
                .param("p", patientId).query(this::mapRelated).list();
    }

    @Transactional(readOnly = true)
    public Optional<Related> relatedById(UUID proxyId) {
        return jdbc.sql("""
                select p.id, p.principal_id, p.agent_id, p.relation, p.confirmed_at, r.name, r.sex, r.phone_enc
                from identity_proxy p join identity_resident r on r.id = p.agent_id
                where p.id = :id and p.status = 'ACTIVE'""")
                .param("id", proxyId).query(this::mapRelated).optional();
    }

    private Related mapRelated(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Related(rs.getObject("id", UUID.class), rs.getObject("principal_id", UUID.class),
                rs.getObject("agent_id", UUID.class), rs.getString("name"), Sex.valueOf(rs.getString("sex")),
                cipher.decrypt(rs.getString("phone_enc")), Relation.valueOf(rs.getString("relation")),
                ResidentRecords.instant(rs, "confirmed_at"));
    }
}
