package org.huimin.scheduling.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.scheduling.triage.Knowledge.RedFlagRule;
import org.huimin.scheduling.triage.Knowledge.Specialty;
import org.huimin.scheduling.triage.TriageEngine.Assessment;
import org.huimin.scheduling.triage.TriageEngine.Complaint;
import org.huimin.scheduling.triage.TriageEngine.Finding;
import org.huimin.scheduling.triage.TriageEngine.Recommendation;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ProblemException.FieldProblem;
import org.huimin.shared.Sex;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("isAuthenticated()")
@Tag(name = "Smart triage (智能导医)", description = "Symptoms in plain words → departments to visit, and red flags "
        + "that need 120 or the emergency department. Guidance, not diagnosis.")
class TriageController {

    /** The longest complaint accepted, in characters. */
    static final int MAX_TEXT = 500;

    private final Triage triage;
    private final MessageSource messages;

    TriageController(Triage triage, MessageSource messages) {
        this.triage = triage;
        this.messages = messages;
    }

    /** A complaint: free text, optional age in whole years (0–130) and sex ({@code M} or {@code F}). */
    record TriageRequest(String text, Integer age, String sex) {
    }

    /** A term found in the text: a SYMPTOM, or CONTEXT about the patient (孩子, 宝宝); {@code end} is exclusive. */
    record SymptomView(String code, String kind, String name, String text, int start, int end) {
    }

    record SpecialtyView(String code, String name) {
    }

    record ReasonView(String kind, String code, String name, double weight) {
    }

    /** {@code name} is the standard department name (诊疗科目) as the directory has it; {@code displayName} is localised. */
    record DepartmentView(String code, String name, String displayName, double score, List<SpecialtyView> specialties,
            List<ReasonView> reasons) {
    }

    record RedFlagView(String code, String name, String advice, String hotline) {
    }

    record TriageResponse(boolean redFlag, String advice, List<RedFlagView> redFlags,
            List<DepartmentView> departments, List<SymptomView> matchedSymptoms, List<SymptomView> negatedSymptoms,
            Integer age, String ageSource, Double temperature, String disclaimer, String knowledgeVersion) {
    }

    @PostMapping("/api/v1/triage")
    @Operation(summary = "Suggest departments for symptoms described in Chinese; flag emergencies",
            description = "Free text (at most 500 characters) with optional age and sex. Answers the departments best "
                    + "first with their reasons, the symptoms recognised (with their spans) and those negated, and "
                    + "red flags with advice to call 120 or go to the emergency department. Advice and names follow "
                    + "Accept-Language (zh-CN or en). The text is neither stored nor logged.")
    TriageResponse triage(@RequestBody TriageRequest body) {
        List<FieldProblem> errors = new ArrayList<>();
        if (body.text() == null || body.text().isBlank()) {
            errors.add(new FieldProblem("text", "validation.required"));
        } else if (body.text().length() > MAX_TEXT) {
            errors.add(new FieldProblem("text", "validation.too-long"));
        }
        if (body.age() != null && (body.age() < 0 || body.age() > 130)) {
            errors.add(new FieldProblem("age", "validation.range"));
        }
        Sex sex = null;
        if (body.sex() != null) {
            switch (body.sex().strip().toUpperCase(Locale.ROOT)) {
                case "M" -> sex = Sex.MALE;
                case "F" -> sex = Sex.FEMALE;
                default -> errors.add(new FieldProblem("sex", "validation.enum"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors, Map.of());
        }
        Assessment a = triage.assess(new Complaint(body.text(), body.age(), sex));
        return view(a, LocaleContextHolder.getLocale());
    }

    private TriageResponse view(Assessment a, Locale locale) {
        Knowledge k = triage.knowledge();
        List<DepartmentView> departments = a.departments().stream().map(d -> new DepartmentView(d.code(),
                d.name().zh(), d.name().in(locale), d.score(),
                d.specialties().stream().map(s -> new SpecialtyView(s.code(), s.name().in(locale))).toList(),
                d.reasons().stream().map(r -> new ReasonView(r.kind().name(), r.code(),
                        r.name() == null ? message("triage.reason.fallback", locale) : r.name().in(locale),
                        r.weight())).toList()))
                .toList();
        List<RedFlagView> redFlags = a.redFlags().stream().map(r -> new RedFlagView(r.code(), r.name().in(locale),
                r.advice() == null ? message("triage.advice.emergency", locale) : r.advice().in(locale), r.hotline()))
                .toList();
        return new TriageResponse(a.redFlag(), advice(a, locale), redFlags, departments, symptoms(a.findings(), locale),
                symptoms(a.negated(), locale), a.age(), a.ageSource() == null ? null : a.ageSource().name(),
                a.temperature(), message("triage.disclaimer", locale), k.version());
    }

    private String advice(Assessment a, Locale locale) {
        if (a.redFlag()) {
            RedFlagRule first = a.redFlags().get(0);
            String general = message("triage.advice.emergency", locale);
            return first.advice() == null ? general : general + " " + first.advice().in(locale);
        }
        Recommendation top = a.departments().get(0);
        String where = top.name().in(locale);
        if (!top.specialties().isEmpty()) {
            Specialty s = top.specialties().get(0);
            where = message("triage.department-specialty", locale, where, s.name().in(locale));
        }
        if (a.findings().stream().noneMatch(f -> f.term().kind() == Knowledge.Kind.SYMPTOM)) {
            return message("triage.advice.unrecognised", locale, where);
        }
        if (top.code().equals(triage.knowledge().emergencyDepartment())) {
            return message("triage.advice.urgent", locale, where);
        }
        return message("triage.advice.visit", locale, where);
    }

    private static List<SymptomView> symptoms(List<Finding> findings, Locale locale) {
        return findings.stream().map(f -> new SymptomView(f.term().code(), f.term().kind().name(),
                f.term().name().in(locale), f.text(),
                f.start(), f.end())).toList();
    }

    private String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
