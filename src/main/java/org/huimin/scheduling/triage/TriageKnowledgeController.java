package org.huimin.scheduling.triage;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.scheduling.triage.Triage.Entry;
import org.huimin.scheduling.triage.Triage.NewTerm;
import org.huimin.scheduling.triage.Triage.Source;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/triage/knowledge")
@PreAuthorize(TriageKnowledgeController.EDITORS)
@Tag(name = "Smart triage knowledge base", description = "List the symptom terms; add phrasings, terms and red flags "
        + "at run time (audited, effective at once); remove added terms")
class TriageKnowledgeController {

    /** Roles that keep the triage knowledge base. */
    static final String EDITORS = "hasAnyRole('PLATFORM_ADMIN','SCHEDULER')";

    private final Triage triage;

    TriageKnowledgeController(Triage triage) {
        this.triage = triage;
    }

    /** A knowledge entry in the caller's language; {@code id} only on added rows, which alone can be removed. */
    record EntryView(String source, UUID id, String code, String kind, String name, String nameZh, String nameEn,
            List<String> synonyms, Map<String, Double> departments, String specialty, boolean redFlag, String advice,
            String createdBy, java.time.Instant createdAt) {
        static EntryView of(Entry e, Locale locale) {
            return new EntryView(e.source().name(), e.id(), e.code(), e.kind(), e.name().in(locale), e.name().zh(),
                    e.name().en(), e.synonyms(), e.departments(), e.specialty(), e.redFlag(),
                    e.advice() == null ? null : e.advice().in(locale), e.createdBy(), e.createdAt());
        }
    }

    @GetMapping
    @Operation(summary = "Knowledge-base terms: bundled, then added; q filters by code, name or phrasing")
    PageResult<EntryView> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Source source, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Locale locale = LocaleContextHolder.getLocale();
        return triage.entries(q, source, PageRequest.of(page, size)).map(e -> EntryView.of(e, locale));
    }

    /** See {@link NewTerm}: {@code term} is an existing term's code or Chinese name, or a new term's name. */
    record NewTermBody(String term, String nameEn, List<String> synonyms, Map<String, Double> departments,
            Boolean redFlag, String advice, String adviceEn) {
    }

    @PostMapping
    @Operation(summary = "Add phrasings to a term, or a new term with department weights (optionally a red flag)",
            description = "`term` naming an existing term (code such as `diarrhea`, or Chinese name such as 腹泻) adds "
                    + "its `synonyms` and any `departments` weights to it; any other `term` is a new symptom term "
                    + "and needs `departments` (standard department code → weight in (0, 5]). `redFlag` true makes "
                    + "the term alone a red flag and needs `advice`. Audited; the engine uses it at once.")
    ResponseEntity<EntryView> add(@RequestBody NewTermBody body) {
        Entry e = triage.add(new NewTerm(body.term(), body.nameEn(), body.synonyms(), body.departments(),
                Boolean.TRUE.equals(body.redFlag()), body.advice(), body.adviceEn()));
        return ResponseEntity.created(URI.create("/api/v1/triage/knowledge/" + e.id()))
                .body(EntryView.of(e, LocaleContextHolder.getLocale()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an added term (bundled terms change only with a release)")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        triage.remove(id);
        return ResponseEntity.noContent().build();
    }
}
