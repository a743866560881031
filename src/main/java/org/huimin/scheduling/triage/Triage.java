package org.huimin.scheduling.triage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.directory.Department;
import org.huimin.directory.Directory;
import org.huimin.scheduling.triage.Knowledge.Addition;
import org.huimin.scheduling.triage.Knowledge.Term;
import org.huimin.scheduling.triage.TriageEngine.Assessment;
import org.huimin.scheduling.triage.TriageEngine.Complaint;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ProblemException.FieldProblem;
import org.huimin.shared.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Smart triage (智能导医) as a service: one {@link TriageEngine} over the bundled knowledge base, the directory's
 * standard department names and the terms administrators added. Adding or removing a term is audited and rebuilds
 * the engine at once on this node; other nodes notice within {@code huimin.scheduling.triage.refresh}.
 */
@Service
public class Triage {

    /** Limits of an added term, checked before anything is written. */
    static final int MAX_SYNONYMS = 50;
    static final int MAX_PHRASE = 20;
    static final double MAX_WEIGHT = 5.0;
    private static final String PUNCTUATION = "，,。；;！!？?\n\r：:（）()【】[]…|";
    private static final Logger log = LoggerFactory.getLogger(Triage.class);

    private final TriageTerms terms;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final Knowledge bundled = Knowledge.bundled();
    private volatile TriageEngine engine;
    private volatile String stamp;

    Triage(TriageTerms terms, Directory directory, AuditLog audit, Clock clock) {
        this.terms = terms;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public Assessment assess(Complaint complaint) {
        return engine().assess(complaint);
    }

    /** The knowledge in use: bundled, with the directory's department names and the added terms. */
    public Knowledge knowledge() {
        return engine().knowledge();
    }

    private TriageEngine engine() {
        TriageEngine e = engine;
        if (e == null) {
            synchronized (this) {
                if (engine == null) {
                    reload();
                }
                e = engine;
            }
        }
        return e;
    }

    /** Rebuilds the engine from the bundled data, the directory and the table. */
    public synchronized void reload() {
        String current = terms.stamp();
        Map<String, String> names = new LinkedHashMap<>();
        for (Department d : directory.departmentCodes()) {
            names.put(d.code(), d.name());
        }
        Knowledge base = bundled.withDepartmentNames(names);
        engine = new TriageEngine(base.with(terms.all()));
        stamp = current;
    }

    /** Picks up terms another node added or removed. */
    @Scheduled(fixedDelayString = "${huimin.scheduling.triage.refresh:PT60S}",
            initialDelayString = "${huimin.scheduling.triage.refresh:PT60S}")
    void refreshIfChanged() {
        try {
            if (engine != null && !terms.stamp().equals(stamp)) {
                reload();
            }
        } catch (RuntimeException e) {
            log.warn("triage knowledge refresh failed: {}", e.toString());
        }
    }

    /** Where a knowledge entry comes from. */
    public enum Source { BUNDLED, ADDED }

    /** One line of the knowledge base as administrators see it: a bundled term or an added row. */
    public record Entry(Source source, UUID id, String code, String kind, Text name, List<String> synonyms,
            Map<String, Double> departments, String specialty, boolean redFlag, Text advice, String createdBy,
            java.time.Instant createdAt) {
    }

    /** Bundled terms then added rows, filtered by {@code q} (code, name or phrasing) and {@code source}. */
    public PageResult<Entry> entries(String q, Source source, PageRequest page) {
        List<Entry> all = new ArrayList<>();
        if (source == null || source == Source.BUNDLED) {
            for (Term t : bundled.terms()) {
                all.add(new Entry(Source.BUNDLED, null, t.code(), t.kind().name(), t.name(), t.synonyms(),
                        t.departments(), t.specialty(), false, null, null, null));
            }
        }
        if (source == null || source == Source.ADDED) {
            for (Addition a : terms.all()) {
                all.add(new Entry(Source.ADDED, a.id(), a.code(), Knowledge.Kind.SYMPTOM.name(), a.name(),
                        a.synonyms(), a.departments(), null, a.redFlag(), a.advice(), a.createdBy(), a.createdAt()));
            }
        }
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<Entry> matching = needle.isEmpty() ? all : all.stream().filter(e -> matches(e, needle)).toList();
        int from = (int) Math.min(matching.size(), page.offset());
        int to = Math.min(matching.size(), from + page.size());
        return new PageResult<>(List.copyOf(matching.subList(from, to)), matching.size(), page.page(), page.size());
    }

    private static boolean matches(Entry e, String needle) {
        return e.code().toLowerCase(Locale.ROOT).contains(needle) || e.name().zh().contains(needle)
                || e.name().en() != null && e.name().en().toLowerCase(Locale.ROOT).contains(needle)
                || e.synonyms().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
    }

    /**
     * A term to add: {@code term} names an existing term (its code or Chinese name) to extend, or a new term (its
     * Chinese name); {@code departments} may be empty only when extending.
     */
    public record NewTerm(String term, String nameEn, List<String> synonyms, Map<String, Double> departments,
            boolean redFlag, String advice, String adviceEn) {
    }

    /** Validates, stores and audits an added term, then rebuilds the engine. */
    public Entry add(NewTerm body) {
        Knowledge current = knowledge();
        List<FieldProblem> errors = new ArrayList<>();
        String name = body.term() == null ? "" : body.term().strip();
        if (name.isEmpty()) {
            errors.add(new FieldProblem("term", "validation.required"));
        } else if (name.length() > 32) {
            errors.add(new FieldProblem("term", "validation.too-long"));
        }
        if (body.nameEn() != null && body.nameEn().strip().length() > 128) {
            errors.add(new FieldProblem("nameEn", "validation.too-long"));
        }
        Term existing = name.isEmpty() ? null : current.terms().stream()
                .filter(t -> t.code().equals(name) || t.name().zh().equals(name)).findFirst().orElse(null);
        List<String> synonyms = new ArrayList<>();
        List<String> given = body.synonyms() == null ? List.of() : body.synonyms();
        if (given.isEmpty()) {
            errors.add(new FieldProblem("synonyms", "validation.required"));
        } else if (given.size() > MAX_SYNONYMS) {
            errors.add(new FieldProblem("synonyms", "validation.too-long"));
        } else {
            for (int i = 0; i < given.size(); i++) {
                String s = given.get(i) == null ? "" : given.get(i).strip();
                if (s.isEmpty() || s.length() > MAX_PHRASE || s.chars().anyMatch(c -> PUNCTUATION.indexOf(c) >= 0)) {
                    errors.add(new FieldProblem("synonyms[" + i + "]", "triage.synonym"));
                } else if (!synonyms.contains(s)) {
                    synonyms.add(s);
                }
            }
        }
        Map<String, Double> departments = new LinkedHashMap<>();
        Map<String, Double> weights = body.departments() == null ? Map.of() : body.departments();
        if (weights.isEmpty() && existing == null) {
            errors.add(new FieldProblem("departments", "validation.required"));
        }
        weights.forEach((code, w) -> {
            if (!current.departments().containsKey(code)) {
                errors.add(new FieldProblem("departments." + code, "triage.department"));
            } else if (w == null || !Double.isFinite(w) || w <= 0 || w > MAX_WEIGHT) {
                errors.add(new FieldProblem("departments." + code, "triage.weight"));
            } else {
                departments.put(code, w);
            }
        });
        Text advice = null;
        if (body.redFlag()) {
            if (body.advice() == null || body.advice().isBlank()) {
                errors.add(new FieldProblem("advice", "validation.required"));
            } else if (body.advice().strip().length() > 500) {
                errors.add(new FieldProblem("advice", "validation.too-long"));
            } else if (body.adviceEn() != null && body.adviceEn().strip().length() > 500) {
                errors.add(new FieldProblem("adviceEn", "validation.too-long"));
            } else {
                advice = new Text(body.advice().strip(), body.adviceEn() == null ? null : body.adviceEn().strip());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors, Map.of());
        }
        UUID id = UUID.randomUUID();
        String code = existing != null ? existing.code() : "added-" + id.toString().substring(0, 8);
        Text termName = existing != null ? existing.name()
                : new Text(name, body.nameEn() == null || body.nameEn().isBlank() ? null : body.nameEn().strip());
        Addition addition = new Addition(id, code, termName, synonyms, departments, body.redFlag(), advice,
                CurrentActor.get().username(), clock.instant());
        terms.add(addition);
        audit.record(AuditEvent.byCurrentActor("TRIAGE_TERM_ADD", "TriageTerm", id.toString(), Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION").withDetail(code + " " + String.join("/", synonyms)));
        reload();
        return new Entry(Source.ADDED, id, code, Knowledge.Kind.SYMPTOM.name(), termName, synonyms, departments, null,
                body.redFlag(), advice, addition.createdBy(), addition.createdAt());
    }

    /** Removes an added term (bundled terms are part of the release and cannot be removed here). */
    public void remove(UUID id) {
        Addition a = terms.find(id).orElseThrow(() -> ProblemException.notFound("triage term", id));
        terms.remove(id);
        audit.record(AuditEvent.byCurrentActor("TRIAGE_TERM_DELETE", "TriageTerm", id.toString(), Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION").withDetail(a.code() + " " + String.join("/", a.synonyms())));
        reload();
    }
}
