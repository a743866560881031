package org.huimin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.IncomingPerson;
import org.huimin.identity.Resolution;
import org.huimin.identity.ResidentStatus;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The master index's resolution and stewardship: identifiers first, then probabilistic matching; a review queue for
 * uncertain pairs; merges that keep history and can be undone. Every decision is audited.
 */
@Service
public class Empi {

    /** Candidates compared per incoming record: blocking keeps it small; this bounds a pathological block. */
    private static final int MAX_CANDIDATES = 500;
    /** Reviews opened per incoming record: the best few uncertain candidates. */
    private static final int MAX_REVIEWS = 3;

    private final ResidentRecords records;
    private final Documents documents;
    private final DemographicMatcher matcher;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Empi(ResidentRecords records, Documents documents, DemographicMatcher matcher, JdbcClient jdbc, AuditLog audit,
            Clock clock) {
        this.records = records;
        this.documents = documents;
        this.matcher = matcher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Resolution resolve(IncomingPerson p) {
        Instant now = clock.instant();
        Optional<ResidentIdNumber> id = Optional.ofNullable(p.idNumber()).flatMap(ResidentIdNumber::parse);
        if (id.isPresent()) {
            Optional<UUID> known = records.idByIdNumber(id.get().value());
            if (known.isPresent()) {
                UUID effective = records.effective(known.get()).map(ResidentRow::id).orElse(known.get());
                attach(effective, p, now);
                return recorded(p, new Resolution(Resolution.Outcome.IDENTIFIED, effective, null, 1.0));
            }
        }
        for (IncomingPerson.Document d : p.documents()) {
            Optional<UUID> owner = documents.owner(d);
            if (owner.isPresent()) {
                UUID effective = records.effective(owner.get()).map(ResidentRow::id).orElse(owner.get());
                attach(effective, p, now);
                return recorded(p, new Resolution(Resolution.Outcome.IDENTIFIED, effective, null, 1.0));
            }
        }
        ResidentRow probe = new ResidentRow(UUID.randomUUID(), id.map(ResidentIdNumber::value).orElse(null),
                p.name().strip(), id.map(ResidentIdNumber::sex).orElse(p.sex()),
                id.map(ResidentIdNumber::birthDate).orElse(p.birthDate()), ResidentRecords.blankToNull(p.phone()),
                id.map(ResidentIdNumber::addressCode).orElse(null), p.address(),
                id.isPresent() ? ResidentStatus.ACTIVE : ResidentStatus.UNVERIFIED, null, null, null, null, 0, null);
        List<Ranked> ranked = rank(probe);
        if (id.isEmpty() && !ranked.isEmpty() && ranked.get(0).outcome() == DemographicMatcher.Outcome.MATCH) {
            Ranked best = ranked.get(0);
            attach(best.row().id(), p, now);
            return recorded(p, new Resolution(Resolution.Outcome.MATCH, best.row().id(), null, best.score()));
        }
        records.insert(new ResidentRecords.Insert(probe.id(), probe.idNumber(), probe.name(), probe.sex(),
                probe.birthDate(), probe.phone(), probe.divisionCode(), probe.address(), probe.status()), now);
        attach(probe.id(), p, now);
        UUID firstReview = null;
        double best = ranked.isEmpty() ? 0 : ranked.get(0).score();
        int opened = 0;
        for (Ranked r : ranked) {
            if (r.outcome() == DemographicMatcher.Outcome.NO_MATCH || opened == MAX_REVIEWS) {
                break;
            }
            UUID review = openReview(r.row().id(), probe.id(), r.score(), now);
            firstReview = firstReview == null ? review : firstReview;
            opened++;
        }
        Resolution.Outcome outcome = firstReview != null ? Resolution.Outcome.POSSIBLE_MATCH
                : Resolution.Outcome.NO_MATCH;
        return recorded(p, new Resolution(outcome, probe.id(), firstReview, best));
    }

    private record Ranked(ResidentRow row, double score, DemographicMatcher.Outcome outcome) {
    }

    private List<Ranked> rank(ResidentRow probe) {
        List<Ranked> out = new ArrayList<>();
        for (ResidentRow c : records.blockingCandidates(probe.birthDate(), probe.phone(), probe.name(),
                MAX_CANDIDATES)) {
            if (c.idNumber() != null && probe.idNumber() != null) {
                continue; // two real-name entries with different ID numbers are different people
            }
            DemographicMatcher.Scored scored = matcher.compare(probe, c);
            out.add(new Ranked(c, scored.score(), scored.outcome()));
        }
        out.sort(Comparator.comparingDouble(Ranked::score).reversed());
        return out;
    }

    private void attach(UUID residentId, IncomingPerson p, Instant now) {
        for (IncomingPerson.Document d : p.documents()) {
            documents.attach(residentId, d, now);
        }
    }

    private Resolution recorded(IncomingPerson p, Resolution r) {
        audit.record(AuditEvent.byCurrentActor("EMPI_RESOLVE", "Patient", r.residentId().toString(), Outcome.SUCCESS)
                .withPurpose("IDENTITY").withDetail(r.outcome() + " score=" + String.format("%.2f", r.score())
                        + (p.source() == null ? "" : " source=" + p.source())));
        return r;
    }

    private UUID openReview(UUID existing, UUID incoming, double score, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity_match_review (id, left_id, right_id, pair_key, score, status, created_at)
                values (:id, :l, :r, :k, :s, 'OPEN', :now)""")
                .param("id", id).param("l", existing).param("r", incoming).param("k", pairKey(existing, incoming))
                .param("s", score).param("now", ResidentRecords.utc(now)).update();
        return id;
    }

    static String pairKey(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? a + ":" + b : b + ":" + a;
    }

    // ---- review queue ----

    /** A resident as the review screen shows them: identifiers masked. */
    public record Side(UUID residentId, String name, String sex, java.time.LocalDate birthDate, String idNumberMasked,
            String phoneMasked, String address, ResidentStatus status, List<Documents.Masked> documents) {
    }

    public record Review(UUID reviewId, double score, String status, Instant createdAt, Side left, Side right,
            List<DemographicMatcher.FieldScore> fields, String decision, String reason, String decidedBy,
            Instant decidedAt) {
    }

    @Transactional
    public PageResult<Review> reviews(String status, PageRequest page) {
        String s = "DECIDED".equalsIgnoreCase(status) ? "DECIDED" : "OPEN";
        String order = s.equals("OPEN") ? "score desc, created_at" : "decided_at desc";
        List<Map<String, Object>> rows = jdbc.sql("select * from identity_match_review where status = :s order by "
                + order + " limit :limit offset :offset").param("s", s).param("limit", page.size())
                .param("offset", page.offset()).query().listOfRows();
        long total = jdbc.sql("select count(*) from identity_match_review where status = :s").param("s", s)
                .query(Long.class).single();
        List<UUID> ids = new ArrayList<>();
        rows.forEach(r -> ids.addAll(List.of((UUID) r.get("left_id"), (UUID) r.get("right_id"))));
        Map<UUID, ResidentRow> residents = new java.util.HashMap<>();
        records.byIds(ids).forEach(row -> residents.put(row.id(), row));
        List<Review> items = rows.stream().map(r -> review(r, residents)).toList();
        audit.record(AuditEvent.byCurrentActor("EMPI_REVIEW_LIST", "Patient", null, Outcome.SUCCESS)
                .withPurpose("IDENTITY").withDetail(items.size() + " reviews"));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private Review review(Map<String, Object> r, Map<UUID, ResidentRow> residents) {
        ResidentRow left = residents.get((UUID) r.get("left_id"));
        ResidentRow right = residents.get((UUID) r.get("right_id"));
        return new Review((UUID) r.get("id"), ((Number) r.get("score")).doubleValue(), (String) r.get("status"),
                ResidentRecords.instant(r.get("created_at")), side(left), side(right), matcher.compare(left, right).fields(),
                (String) r.get("decision"), (String) r.get("reason"), (String) r.get("decided_by"),
                ResidentRecords.instant(r.get("decided_at")));
    }

    private Side side(ResidentRow r) {
        return new Side(r.id(), r.name(), r.sex().name(), r.birthDate(), r.idNumberMasked(), r.phoneMasked(),
                r.address(), r.status(), documents.of(r.id()));
    }

    public enum Decision { MERGE, KEEP_APART }

    @Transactional
    public void decide(UUID reviewId, Decision decision, UUID survivorId, String reason) {
        Map<String, Object> r = jdbc.sql("select * from identity_match_review where id = :id for update")
                .param("id", reviewId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("review", reviewId));
        if (!"OPEN".equals(r.get("status"))) {
            throw new ProblemException(HttpStatus.CONFLICT, "review-decided", "problem.review-decided");
        }
        UUID left = (UUID) r.get("left_id");
        UUID right = (UUID) r.get("right_id");
        Instant now = clock.instant();
        String actor = CurrentActor.get().username();
        if (decision == Decision.MERGE) {
            if (survivorId == null || !(survivorId.equals(left) || survivorId.equals(right))) {
                throw ProblemException.invalid("survivorId", "empi.survivor");
            }
            UUID merged = survivorId.equals(left) ? right : left;
            merge(survivorId, merged, reviewId, reason, now, actor);
        }
        jdbc.sql("""
                update identity_match_review set status = 'DECIDED', decision = :d, reason = :reason,
                    decided_by = :by, decided_at = :now where id = :id""")
                .param("d", decision.name()).param("reason", reason).param("by", actor)
                .param("now", ResidentRecords.utc(now)).param("id", reviewId).update();
        audit.record(AuditEvent.byCurrentActor("EMPI_" + decision.name(), "Patient", left + "," + right,
                Outcome.SUCCESS).withPurpose("IDENTITY").withDetail(reason));
    }

    private void merge(UUID survivorId, UUID mergedId, UUID reviewId, String reason, Instant now, String actor) {
        // lock in a stable order so that two staff merging crossing pairs cannot deadlock
        List<UUID> order = new ArrayList<>(List.of(survivorId, mergedId));
        order.sort(Comparator.naturalOrder());
        order.forEach(records::lock);
        ResidentRow survivor = records.byId(survivorId).orElseThrow();
        ResidentRow merged = records.byId(mergedId).orElseThrow();
        if (survivor.status() == ResidentStatus.MERGED || merged.status() == ResidentStatus.MERGED) {
            throw new ProblemException(HttpStatus.CONFLICT, "already-merged", "problem.already-merged");
        }
        if (merged.idNumber() != null && survivor.idNumber() != null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "merge-conflict", "problem.merge-two-ids");
        }
        if (merged.idNumber() != null) {
            throw ProblemException.invalid("survivorId", "empi.survivor-with-id");
        }
        records.setStatus(mergedId, ResidentStatus.MERGED, survivorId, now);
        jdbc.sql("""
                insert into identity_merge (id, survivor_id, merged_id, review_id, reason, merged_by, merged_at)
                values (:id, :s, :m, :r, :reason, :by, :now)""")
                .param("id", UUID.randomUUID()).param("s", survivorId).param("m", mergedId).param("r", reviewId)
                .param("reason", reason).param("by", actor).param("now", ResidentRecords.utc(now)).update();
    }

    public record Merge(UUID mergeId, Ref survivor, Ref merged, Instant mergedAt, String mergedBy, String reason,
            Instant undoneAt, String undoneBy, String undoReason) {
    }

    public record Ref(UUID residentId, String name) {
    }

    @Transactional(readOnly = true)
    public PageResult<Merge> merges(PageRequest page) {
        List<Merge> items = jdbc.sql("""
                select m.*, s.name as s_name, d.name as d_name from identity_merge m
                join identity_resident s on s.id = m.survivor_id join identity_resident d on d.id = m.merged_id
                order by m.merged_at desc limit :limit offset :offset""")
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Merge(rs.getObject("id", UUID.class),
                        new Ref(rs.getObject("survivor_id", UUID.class), rs.getString("s_name")),
                        new Ref(rs.getObject("merged_id", UUID.class), rs.getString("d_name")),
                        ResidentRecords.instant(rs, "merged_at"), rs.getString("merged_by"), rs.getString("reason"),
                        ResidentRecords.instant(rs, "undone_at"), rs.getString("undone_by"),
                        rs.getString("undo_reason")))
                .list();
        long total = jdbc.sql("select count(*) from identity_merge").query(Long.class).single();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Transactional
    public void undo(UUID mergeId, String reason) {
        Map<String, Object> m = jdbc.sql("select * from identity_merge where id = :id for update")
                .param("id", mergeId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("merge", mergeId));
        if (m.get("undone_at") != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "merge-undone", "problem.merge-undone");
        }
        UUID mergedId = (UUID) m.get("merged_id");
        ResidentRow merged = records.lock(mergedId).orElseThrow();
        Instant now = clock.instant();
        records.setStatus(mergedId, merged.idNumber() == null ? ResidentStatus.UNVERIFIED : ResidentStatus.ACTIVE,
                null, now);
        String actor = CurrentActor.get().username();
        jdbc.sql("update identity_merge set undone_at = :now, undone_by = :by, undo_reason = :r where id = :id")
                .param("now", ResidentRecords.utc(now)).param("by", actor).param("r", reason).param("id", mergeId)
                .update();
        audit.record(AuditEvent.byCurrentActor("EMPI_UNMERGE", "Patient", m.get("survivor_id") + "," + mergedId,
                Outcome.SUCCESS).withPurpose("IDENTITY").withDetail(reason));
    }
}
