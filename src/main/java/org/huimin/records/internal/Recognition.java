package org.huimin.records.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.records.ConsentCategory;
import org.huimin.records.InstitutionQuality;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mutual recognition of results (检查检验结果互认): a result is recognised when its item is in the region's active
 * catalogue, it is no older than the item's window, and the institution that produced it had PASSED quality control
 * (standing not lapsed). When a clinician views or orders an item, the recognised results are shown; ordering again
 * anyway needs a reason (FACTS.md §10), which is recorded and audited.
 */
@Service
public class Recognition implements InstitutionQuality {

    public enum Kind { LAB, IMAGING }

    public enum ReorderReason { CONDITION_CHANGED, RESULT_INCONSISTENT, EMERGENCY, CRITICAL_DECISION,
        PATIENT_REQUEST, OTHER }

    public record Item(UUID id, String codeSystem, String code, String nameZh, String nameEn, Kind kind,
            int validityDays, boolean active, Instant updatedAt) {
    }

    public record NewItem(String codeSystem, String code, String nameZh, String nameEn, Kind kind,
            Integer validityDays, Boolean active) {
    }

    public record Quality(UUID organizationId, String organizationName, Status status, LocalDate validUntil,
            String note, Instant updatedAt) {
    }

    public record RecognisedResult(UUID resourceId, String resourceType, String code, String itemName, Kind kind,
            Instant date, String value, String unit, String flag, UUID organizationId, String organizationName,
            Instant usableUntil) {
    }

    public record ReorderView(UUID id, String code, ReorderReason reason, String note, Instant createdAt) {
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RecordAccess access;
    private final Names names;
    private final AuditLog audit;
    private final org.huimin.identity.Residents residents;

    Recognition(JdbcClient jdbc, Clock clock, RecordAccess access, Names names, AuditLog audit,
            org.huimin.identity.Residents residents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.names = names;
        this.audit = audit;
        this.residents = residents;
    }

    // catalogue

    @Transactional(readOnly = true)
    public List<Item> items(boolean activeOnly) {
        return jdbc.sql(ITEM + (activeOnly ? " where active = true" : "") + " order by kind, code")
                .query(Recognition::item).list();
    }

    @Transactional
    public Item addItem(NewItem n) {
        requireAdmin();
        validate(n, true);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into rec_recognition_item (id, code_system, code, name_zh, name_en, kind, validity_days,
                        active, updated_by, updated_at) values (:id, :s, :c, :zh, :en, :k, :d, :a, :by, :now)""")
                    .param("id", id).param("s", n.codeSystem().strip()).param("c", n.code().strip())
                    .param("zh", n.nameZh().strip()).param("en", n.nameEn()).param("k", n.kind().name())
                    .param("d", n.validityDays()).param("a", n.active() == null || n.active())
                    .param("by", CurrentActor.get().username()).param("now", ResourceStore.utc(clock.instant()))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "recognition-item-exists", "records.item-exists",
                    n.codeSystem() + "|" + n.code());
        }
        audit.record(AuditEvent.byCurrentActor("RECOGNITION_ITEM_ADD", "RecognitionItem", id.toString(),
                Outcome.SUCCESS).withDetail(n.codeSystem() + "|" + n.code() + " " + n.validityDays() + "d"));
        return item(id).orElseThrow();
    }

    @Transactional
    public Item updateItem(UUID id, NewItem n) {
        requireAdmin();
        Item current = item(id).orElseThrow(() -> ProblemException.notFound("recognition item", id));
        validate(n, false);
        jdbc.sql("""
                update rec_recognition_item set name_zh = :zh, name_en = :en, kind = :k, validity_days = :d,
                    active = :a, updated_by = :by, updated_at = :now where id = :id""")
                .param("zh", n.nameZh() == null ? current.nameZh() : n.nameZh().strip())
                .param("en", n.nameEn() == null ? current.nameEn() : n.nameEn())
                .param("k", (n.kind() == null ? current.kind() : n.kind()).name())
                .param("d", n.validityDays() == null ? current.validityDays() : n.validityDays())
                .param("a", n.active() == null ? current.active() : n.active())
                .param("by", CurrentActor.get().username()).param("now", ResourceStore.utc(clock.instant()))
                .param("id", id).update();
        audit.record(AuditEvent.byCurrentActor("RECOGNITION_ITEM_UPDATE", "RecognitionItem", id.toString(),
                Outcome.SUCCESS).withDetail("validity=" + n.validityDays() + " active=" + n.active()));
        return item(id).orElseThrow();
    }

    private Optional<Item> item(UUID id) {
        return jdbc.sql(ITEM + " where id = :id").param("id", id).query(Recognition::item).optional();
    }

    private static void validate(NewItem n, boolean creating) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (n == null) {
            throw ProblemException.invalid("code", "validation.required");
        }
        if (creating) {
            if (n.codeSystem() == null || n.codeSystem().isBlank()) {
                problems.add(new ProblemException.FieldProblem("codeSystem", "validation.required"));
            }
            if (n.code() == null || n.code().isBlank()) {
                problems.add(new ProblemException.FieldProblem("code", "validation.required"));
            }
            if (n.nameZh() == null || n.nameZh().isBlank()) {
                problems.add(new ProblemException.FieldProblem("nameZh", "validation.required"));
            }
            if (n.kind() == null) {
                problems.add(new ProblemException.FieldProblem("kind", "validation.required"));
            }
            if (n.validityDays() == null) {
                problems.add(new ProblemException.FieldProblem("validityDays", "validation.required"));
            }
        }
        if (n.validityDays() != null && (n.validityDays() < 1 || n.validityDays() > 3650)) {
            problems.add(new ProblemException.FieldProblem("validityDays", "validation.range"));
        }
        if (n.nameZh() != null && n.nameZh().length() > 100) {
            problems.add(new ProblemException.FieldProblem("nameZh", "validation.too-long"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    // institutions' quality control

    @Override
    @Transactional
    public void record(UUID organizationId, Status status, LocalDate validUntil, String note) {
        Instant now = clock.instant();
        String by = CurrentActor.get().username();
        int updated = jdbc.sql("""
                update rec_institution_quality set status = :s, valid_until = :until, note = :note, updated_by = :by,
                    updated_at = :now where organization_id = :o""")
                .param("s", status.name()).param("until", validUntil).param("note", note).param("by", by)
                .param("now", ResourceStore.utc(now)).param("o", organizationId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into rec_institution_quality (organization_id, status, valid_until, note, updated_by,
                        updated_at) values (:o, :s, :until, :note, :by, :now)""")
                    .param("o", organizationId).param("s", status.name()).param("until", validUntil)
                    .param("note", note).param("by", by).param("now", ResourceStore.utc(now)).update();
        }
        audit.record(AuditEvent.byCurrentActor("QUALITY_STATUS", "Organization", organizationId.toString(),
                Outcome.SUCCESS).withDetail(status + (validUntil == null ? "" : " until " + validUntil)));
    }

    @Transactional
    public Quality setQuality(UUID organizationId, Status status, LocalDate validUntil, String note) {
        requireAdmin();
        if (status == null) {
            throw ProblemException.invalid("status", "validation.required");
        }
        if (names.organization(organizationId).isEmpty()) {
            throw ProblemException.notFound("organization", organizationId);
        }
        if (note != null && note.length() > 500) {
            throw ProblemException.invalid("note", "validation.too-long");
        }
        record(organizationId, status, validUntil, note);
        return qualities().stream().filter(q -> q.organizationId().equals(organizationId)).findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Quality> qualities() {
        return jdbc.sql("""
                select organization_id, status, valid_until, note, updated_at from rec_institution_quality""")
                .query((rs, n) -> {
                    UUID o = rs.getObject(1, UUID.class);
                    java.sql.Date until = rs.getDate(3);
                    return new Quality(o, names.organizationName(o), Status.valueOf(rs.getString(2)),
                            until == null ? null : until.toLocalDate(), rs.getString(4),
                            ResourceStore.instant(rs.getTimestamp(5)));
                }).list().stream().sorted(java.util.Comparator.comparing(q -> String.valueOf(q.organizationName())))
                .toList();
    }

    // results

    /**
     * The resident's recognised results, newest first per item: of the items given ({@code codes} as
     * {@code system|code} or a bare code), or of all catalogue items when none are given.
     */
    public List<RecognisedResult> recognised(UUID residentId, List<String> codes) {
        UUID resident = residents.effectiveId(residentId)
                .orElseThrow(() -> ProblemException.notFound("resident", residentId));
        RecordAccess.Decision d = access.require(resident, "RECOGNITION", null);
        List<RecognisedResult> out = query(resident, d, codes);
        access.read(d, "RECOGNITION", null, out.size());
        return out;
    }

    /** The ids of the resident's results that carry the recognised mark now (for the timeline). */
    java.util.Set<UUID> recognisedIds(UUID resident, RecordAccess.Decision d) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        query(resident, d, null).forEach(r -> ids.add(r.resourceId()));
        return ids;
    }

    private List<RecognisedResult> query(UUID resident, RecordAccess.Decision d, List<String> codes) {
        Map<String, Item> catalogue = new HashMap<>();
        for (Item i : items(true)) {
            catalogue.put(i.codeSystem() + "|" + i.code(), i);
        }
        Map<UUID, Quality> passed = new HashMap<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        for (Quality q : qualities()) {
            if (q.status() == Status.PASSED && (q.validUntil() == null || !q.validUntil().isBefore(today))) {
                passed.put(q.organizationId(), q);
            }
        }
        if (catalogue.isEmpty() || passed.isEmpty()) {
            return List.of();
        }
        int longest = catalogue.values().stream().mapToInt(Item::validityDays).max().orElse(0);
        Instant now = clock.instant();
        StringBuilder sql = new StringBuilder("""
                select id, resource_type, main_code, codes, effective_at, value_text, unit, flag, source_org,
                    category from rec_resource
                where resident_id = :r and resource_type in ('Observation', 'DiagnosticReport')
                  and effective_at >= :since and main_code is not null""");
        Map<String, Object> params = new HashMap<>();
        params.put("r", resident);
        params.put("since", ResourceStore.utc(now.minus(Duration.ofDays(longest))));
        if (d.sourceOrg() != null) {
            sql.append(" and source_org = :org");
            params.put("org", d.sourceOrg());
        }
        sql.append(" order by effective_at desc");
        Map<String, RecognisedResult> newest = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            UUID org = rs.getObject(9, UUID.class);
            String category = rs.getString(10);
            if (!passed.containsKey(org) || !d.allows(ConsentCategory.valueOf(category))) {
                return;
            }
            String mainCode = rs.getString(3);
            String tokens = rs.getString(4);
            Item item = null;
            for (Map.Entry<String, Item> c : catalogue.entrySet()) {
                if (c.getValue().code().equals(mainCode) && tokens != null && tokens.contains(" " + c.getKey() + " ")) {
                    item = c.getValue();
                    break;
                }
            }
            if (item == null || !wanted(item, codes)) {
                return;
            }
            Instant at = ResourceStore.instant(rs.getTimestamp(5));
            Instant until = at.plus(Duration.ofDays(item.validityDays()));
            if (!until.isAfter(now)) {
                return;
            }
            newest.putIfAbsent(item.codeSystem() + "|" + item.code(), new RecognisedResult(rs.getObject(1, UUID.class),
                    rs.getString(2), item.code(), item.nameZh(), item.kind(), at, rs.getString(6), rs.getString(7),
                    rs.getString(8), org, names.organizationName(org), until));
        });
        return new ArrayList<>(newest.values());
    }

    private static boolean wanted(Item item, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return true;
        }
        for (String c : codes) {
            if (c.equals(item.code()) || c.equals(item.codeSystem() + "|" + item.code())) {
                return true;
            }
        }
        return false;
    }

    /** A clinician orders an item again although a recognised result exists: the reason is kept and audited. */
    @Transactional
    public ReorderView reorder(UUID residentId, String code, ReorderReason reason, String note) {
        Actor actor = CurrentActor.get();
        if (!RecordAccess.clinician(actor)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (code == null || code.isBlank()) {
            problems.add(new ProblemException.FieldProblem("code", "validation.required"));
        }
        if (reason == null) {
            problems.add(new ProblemException.FieldProblem("reason", "validation.required"));
        }
        if (reason == ReorderReason.OTHER && (note == null || note.isBlank())) {
            problems.add(new ProblemException.FieldProblem("note", "validation.required"));
        }
        if (note != null && note.length() > 500) {
            problems.add(new ProblemException.FieldProblem("note", "validation.too-long"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        List<RecognisedResult> found = recognised(residentId, List.of(code.strip()));
        Item item = items(true).stream().filter(i -> wanted(i, List.of(code.strip()))).findFirst()
                .orElseThrow(() -> ProblemException.invalid("code", "records.not-recognised-item"));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into rec_reorder (id, resident_id, code_system, code, reason, note, actor, organization_id,
                    recognised_resource, created_at) values (:id, :r, :s, :c, :reason, :note, :actor, :o, :res, :now)""")
                .param("id", id).param("r", residents.effectiveId(residentId).orElse(residentId))
                .param("s", item.codeSystem()).param("c", item.code()).param("reason", reason.name())
                .param("note", note == null ? null : note.strip()).param("actor", actor.username())
                .param("o", actor.organizationId())
                .param("res", found.isEmpty() ? null : found.get(0).resourceId())
                .param("now", ResourceStore.utc(now)).update();
        audit.record(AuditEvent.byCurrentActor("RECOGNITION_REORDER", "Patient", residentId.toString(),
                Outcome.SUCCESS).withPurpose("TREATMENT").withDetail(item.code() + " " + reason
                        + (found.isEmpty() ? " (no recognised result)" : " recognised=" + found.get(0).resourceId())));
        return new ReorderView(id, item.code(), reason, note, now);
    }

    private static void requireAdmin() {
        if (!CurrentActor.get().has(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
    }

    private static final String ITEM = """
            select id, code_system, code, name_zh, name_en, kind, validity_days, active, updated_at
            from rec_recognition_item""";

    private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Kind.valueOf(rs.getString(6)), rs.getInt(7), rs.getBoolean(8),
                ResourceStore.instant(rs.getTimestamp(9)));
    }
}
