package org.huimin.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.huimin.identity.ResidentStatus;
import org.huimin.shared.PageRequest;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.Sex;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Master-index rows on JDBC; identifiers are encrypted on the way in and decrypted on the way out. */
@Repository
class ResidentRecords {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final PersonalDataCipher cipher;

    ResidentRecords(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
    }

    /** A new row; {@code idNumber} may be null for an UNVERIFIED resident. */
    record Insert(UUID id, String idNumber, String name, Sex sex, LocalDate birthDate, String phone,
            String divisionCode, String address, ResidentStatus status) {
    }

    void insert(Insert r, Instant now) {
        insertAll(List.of(r), now);
    }

    /** Inserts in one JDBC batch (the demo county's residents, a hospital feed). */
    void insertAll(List<Insert> rows, Instant now) {
        OffsetDateTime at = utc(now);
        template.batchUpdate("""
                insert into identity_resident (id, id_number_enc, id_number_idx, name, sex, birth_date, phone_enc,
                    phone_idx, division_code, address, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.stream().map(r -> {
            String phone = blankToNull(r.phone());
            return new Object[] {r.id(), cipher.encrypt(r.idNumber()),
                    r.idNumber() == null ? null : cipher.blindIndex(r.idNumber()), r.name().strip(), r.sex().name(),
                    r.birthDate(), cipher.encrypt(phone), cipher.blindIndex(phone), r.divisionCode(), r.address(),
                    r.status().name(), at, at};
        }).toList());
    }

    Optional<ResidentRow> byId(UUID id) {
        return jdbc.sql("select * from identity_resident where id = :id").param("id", id).query(this::map)
                .optional();
    }

    Optional<ResidentRow> lock(UUID id) {
        return jdbc.sql("select * from identity_resident where id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    List<ResidentRow> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from identity_resident where id in (:ids)").param("ids", ids).query(this::map)
                .list();
    }

    Optional<UUID> idByIdNumber(String idNumber) {
        return jdbc.sql("select id from identity_resident where id_number_idx = :idx")
                .param("idx", cipher.blindIndex(idNumber)).query(UUID.class).optional();
    }

    List<UUID> idsByPhone(String phone) {
        return jdbc.sql("select id from identity_resident where phone_idx = :idx and status <> 'MERGED'")
                .param("idx", cipher.blindIndex(phone)).query(UUID.class).list();
    }

    /** Follows merges to the entry that answers for {@code id} (bounded: merge chains are short). */
    Optional<ResidentRow> effective(UUID id) {
        Optional<ResidentRow> row = byId(id);
        for (int hops = 0; hops < 8 && row.isPresent() && row.get().mergedInto() != null; hops++) {
            row = byId(row.get().mergedInto());
        }
        return row;
    }

    /**
     * Staff search: an ID number or a phone number is looked up exactly through the blind index; anything else is a
     * name prefix. Merged entries are left out.
     */
    List<ResidentRow> search(String q, PageRequest page) {
        Where w = where(q);
        return jdbc.sql("select * from identity_resident where " + w.sql + " order by name, birth_date, id"
                + " limit :limit offset :offset").params(w.params).param("limit", page.size())
                .param("offset", page.offset()).query(this::map).list();
    }

    long count(String q) {
        Where w = where(q);
        return jdbc.sql("select count(*) from identity_resident where " + w.sql).params(w.params)
                .query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(String q) {
        String s = q == null ? "" : q.strip();
        if (s.isEmpty()) {
            return new Where("status <> 'MERGED'", Map.of());
        }
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(s);
        if (id.isPresent()) {
            return new Where("id_number_idx = :idx", Map.of("idx", cipher.blindIndex(id.get().value())));
        }
        if (s.matches("1\\d{10}")) {
            return new Where("phone_idx = :idx and status <> 'MERGED'", Map.of("idx", cipher.blindIndex(s)));
        }
        String like = likePrefix(s.toLowerCase(Locale.ROOT));
        return new Where("lower(name) like :q escape '\\' and status <> 'MERGED'", Map.of("q", like));
    }

    /** Candidates for probabilistic matching: same birth date, or same phone, or same name. */
    List<ResidentRow> blockingCandidates(LocalDate birthDate, String phone, String name, int limit) {
        String phoneIdx = cipher.blindIndex(blankToNull(phone));
        String sql = "select * from identity_resident where status <> 'MERGED' and (birth_date = :birth"
                + (phoneIdx == null ? "" : " or phone_idx = :phoneIdx") + " or name = :name)"
                + " order by created_at limit :limit";
        var spec = jdbc.sql(sql).param("birth", birthDate).param("name", name == null ? "" : name.strip())
                .param("limit", limit);
        if (phoneIdx != null) {
            spec = spec.param("phoneIdx", phoneIdx);
        }
        return spec.query(this::map).list();
    }

    /** FHIR Patient search: name prefix, exact birth date, sex; merged entries included (they carry a link). */
    List<ResidentRow> fhirSearch(String namePrefix, LocalDate birthDate, Sex sex, PageRequest page) {
        Where w = fhirWhere(namePrefix, birthDate, sex);
        return jdbc.sql("select * from identity_resident where " + w.sql + " order by name, birth_date, id"
                + " limit :limit offset :offset").params(w.params).param("limit", page.size())
                .param("offset", page.offset()).query(this::map).list();
    }

    long fhirCount(String namePrefix, LocalDate birthDate, Sex sex) {
        Where w = fhirWhere(namePrefix, birthDate, sex);
        return jdbc.sql("select count(*) from identity_resident where " + w.sql).params(w.params).query(Long.class)
                .single();
    }

    private static Where fhirWhere(String namePrefix, LocalDate birthDate, Sex sex) {
        StringBuilder sql = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (namePrefix != null && !namePrefix.isBlank()) {
            sql.append(" and name like :name escape '\\'");
            params.put("name", likePrefix(namePrefix.strip()));
        }
        if (birthDate != null) {
            sql.append(" and birth_date = :birth");
            params.put("birth", birthDate);
        }
        if (sex != null) {
            sql.append(" and sex = :sex");
            params.put("sex", sex.name());
        }
        return new Where(sql.toString(), params);
    }

    /** A LIKE pattern that takes {@code s} literally, followed by anything. */
    static String likePrefix(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    List<UUID> mergedInto(UUID survivor) {
        return jdbc.sql("select id from identity_resident where merged_into = :s").param("s", survivor)
                .query(UUID.class).list();
    }

    /**
     * Everything a verification needs after the signature checked out, in one round trip: the key's current status
     * and public key (own or trusted), how often the token was accepted, the resident and the masked code links.
     */
    record ScanContext(String ownKeyStatus, String ownKey, String trustedKey, long uses, ResidentRow resident,
            List<String> links) {
    }

    ScanContext scanContext(String kid, String tokenId, UUID residentId) {
        return scanContext("", kid, tokenId, residentId, Map.of());
    }

    /** The scan line the PostgreSQL fast path writes as ACCEPTED while it reads the scan context. */
    record ScanLine(UUID id, String codeType, String scene, UUID organizationId, String terminalId, String actor,
            Instant at) {
    }

    /**
     * PostgreSQL only: reads the scan context and, in the same statement, writes {@code line} as an ACCEPTED scan
     * (committed asynchronously, as an access-log line may be). The caller corrects the line when it refuses the code.
     * The replay count does not include the line written here: a data-modifying CTE is not visible to the query.
     */
    ScanContext scanContextWritingScan(String kid, String tokenId, UUID residentId, ScanLine line) {
        return scanContext("""
                with cfg as (select set_config('synchronous_commit', 'off', true) as off),
                ins as (
                    insert into identity_code_scan (id, resident_id, token_id, code_type, scene, organization_id,
                        terminal_id, actor, outcome, scanned_at)
                    select :sid, (select id from identity_resident where id = :rid), :tid, :type, :scene, :org,
                        :terminal, :actor, 'ACCEPTED', :at from cfg
                    returning id)
                """, kid, tokenId, residentId, scanLine(line));
    }

    private static Map<String, Object> scanLine(ScanLine line) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("sid", line.id());
        params.put("type", line.codeType());
        params.put("scene", line.scene());
        params.put("org", line.organizationId());
        params.put("terminal", line.terminalId());
        params.put("actor", line.actor());
        params.put("at", utc(line.at()));
        return params;
    }

    private ScanContext scanContext(String with, String kid, String tokenId, UUID residentId,
            Map<String, Object> params) {
        return jdbc.sql(with + """
                select k.status as key_status, k.public_key as own_key, t.public_key as trusted_key,
                    (select count(*) from identity_code_scan s where s.token_id = :tid and s.outcome = 'ACCEPTED')
                        as uses,
                    (select string_agg(l.kind || ':' || l.reference_masked, ',' order by l.kind)
                        from identity_code_link l where l.resident_id = r.id) as links,
                    r.*
                from (select 1 as one) x
                left join identity_signing_key k on k.kid = :kid
                left join identity_trusted_key t on t.kid = :kid
                left join identity_resident r on r.id = :rid""")
                .params(params).param("kid", kid).param("tid", tokenId).param("rid", residentId)
                .query((rs, n) -> {
                    String links = rs.getString("links");
                    return new ScanContext(rs.getString("key_status"), rs.getString("own_key"),
                            rs.getString("trusted_key"), rs.getLong("uses"),
                            rs.getObject("id", UUID.class) == null ? null : map(rs, n),
                            links == null ? List.of() : List.of(links.split(",")));
                })
                .single();
    }

    void setStatus(UUID id, ResidentStatus status, UUID mergedInto, Instant now) {
        jdbc.sql("update identity_resident set status = :s, merged_into = :m, updated_at = :now where id = :id")
                .param("s", status.name()).param("m", mergedInto).param("now", utc(now)).param("id", id).update();
    }

    void setStaticCode(UUID id, String codeId, String pinHash, Instant now) {
        jdbc.sql("""
                update identity_resident set static_code_id = :c, static_pin_hash = :p, static_code_issued_at = :now,
                    pin_failures = 0, pin_locked_until = null, updated_at = :now where id = :id""")
                .param("c", codeId).param("p", pinHash).param("now", utc(now)).param("id", id).update();
    }

    void setPinFailures(UUID id, int failures, Instant lockedUntil) {
        jdbc.sql("update identity_resident set pin_failures = :f, pin_locked_until = :u where id = :id")
                .param("f", failures).param("u", lockedUntil == null ? null : utc(lockedUntil)).param("id", id)
                .update();
    }

    long count() {
        return jdbc.sql("select count(*) from identity_resident").query(Long.class).single();
    }

    private ResidentRow map(ResultSet rs, int n) throws SQLException {
        return new ResidentRow(rs.getObject("id", UUID.class), cipher.decrypt(rs.getString("id_number_enc")),
                rs.getString("name"), Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
                cipher.decrypt(rs.getString("phone_enc")), rs.getString("division_code"), rs.getString("address"),
                ResidentStatus.valueOf(rs.getString("status")), rs.getObject("merged_into", UUID.class),
                rs.getString("static_code_id"), rs.getString("static_pin_hash"),
                instant(rs, "static_code_issued_at"), rs.getInt("pin_failures"), instant(rs, "pin_locked_until"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A timestamp from {@code listOfRows()}: H2 gives OffsetDateTime, PostgreSQL java.sql.Timestamp. */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
