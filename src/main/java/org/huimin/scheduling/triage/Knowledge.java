package org.huimin.scheduling.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.huimin.shared.Sex;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The triage knowledge base (导医知识库): symptom terms with their colloquial phrasings and department weights,
 * red-flag rules, age and sex adjustments, and the words that negate or pad a phrase. It is data: the bundled
 * {@value #BUNDLED} plus terms that administrators add at run time ({@link #with(List)}). Immutable; a change builds
 * a new value and a new {@link TriageEngine}.
 */
public record Knowledge(String version, String emergencyDepartment, Map<String, Text> departments,
        Map<String, Specialty> specialties, List<String> fillers, Negation negation, List<Term> terms,
        List<RedFlagRule> redFlags, List<Adjustment> adjustments, List<Fallback> fallback) {

    public static final String BUNDLED = "scheduling/triage/knowledge.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Knowledge {
        departments = Map.copyOf(departments);
        specialties = Map.copyOf(specialties);
        fillers = List.copyOf(fillers);
        terms = List.copyOf(terms);
        redFlags = List.copyOf(redFlags);
        adjustments = List.copyOf(adjustments);
        fallback = List.copyOf(fallback);
        check(emergencyDepartment, departments, specialties, terms, redFlags, adjustments, fallback);
    }

    /** What a term is: a symptom that weighs towards departments, or context (who the patient is). */
    public enum Kind { SYMPTOM, CONTEXT }

    /**
     * A canonical symptom term with its phrasings. {@code departments} maps a standard department code to a weight
     * (1.0 for the usual first choice); {@code specialty} names the sub-specialty (e.g. cardiology) that the term
     * points to within its department; {@code impliesAge} is the age a CONTEXT term suggests when no age is given.
     */
    public record Term(String code, Kind kind, Text name, List<String> synonyms, Map<String, Double> departments,
            String specialty, Integer impliesAge) {
        public Term {
            synonyms = List.copyOf(synonyms);
            departments = Map.copyOf(departments);
        }
    }

    /** A sub-specialty within a standard department, shown next to it (内科 · 心血管内科). */
    public record Specialty(String code, String department, Text name) {
    }

    /**
     * A combination of findings that needs emergency care: each group in {@code when} needs at least one of its
     * terms present. Age limits need a known age; a sex limit only excludes the other sex. {@code departments}
     * maps department codes recommended after the emergency department to an optional specialty.
     */
    public record RedFlagRule(String code, Text name, Text advice, List<Set<String>> when, Integer minAge,
            Integer maxAge, Sex sex, Map<String, String> departments, String hotline) {
        public RedFlagRule {
            when = when.stream().map(Set::copyOf).toList();
            departments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(departments));
        }

        boolean applies(Integer age, Sex patientSex) {
            if ((minAge != null || maxAge != null) && age == null) {
                return false;
            }
            if (minAge != null && age < minAge || maxAge != null && age > maxAge) {
                return false;
            }
            return sex == null || patientSex == null || patientSex == Sex.UNKNOWN || patientSex == sex;
        }

        boolean firesOn(Set<String> present) {
            return !when.isEmpty() && when.stream().allMatch(group -> group.stream().anyMatch(present::contains));
        }
    }

    /**
     * An age or sex rule applied after the symptom weights: {@code shift} moves all but {@code keep} of the
     * {@code from} departments' scores to {@code to}; {@code boost} adds to a department when any symptom was found;
     * {@code multiply} scales (0 removes). Applies only when the age (or sex) is known and within the limits.
     */
    public record Adjustment(String code, Text name, Integer minAge, Integer maxAge, Sex sex, Shift shift,
            Map<String, Double> boost, Map<String, Double> multiply) {
        public Adjustment {
            boost = Map.copyOf(boost);
            multiply = Map.copyOf(multiply);
        }

        boolean applies(Integer age, Sex patientSex) {
            if ((minAge != null || maxAge != null) && age == null) {
                return false;
            }
            if (minAge != null && age < minAge || maxAge != null && age > maxAge) {
                return false;
            }
            return sex == null || sex == patientSex;
        }
    }

    public record Shift(List<String> from, String to, double keep) {
        public Shift {
            from = List.copyOf(from);
        }
    }

    /** The department suggested when no symptom is recognised; the first that applies wins. */
    public record Fallback(Integer maxAge, String department) {
    }

    /**
     * Negation: a term is negated when the text between the start of its clause (or the previous term) and the term
     * ends, after dropping {@code bridges} and fillers, with a {@code cue} (没有发烧, 无明显胸痛, 不咳嗽) — unless it
     * ends with a {@code question} (有没有发烧). A negation carries over terms joined by {@code connectors}
     * (没有发烧、咳嗽) and stops at punctuation or a {@code scopeBreak} (不发烧但是咳嗽).
     */
    public record Negation(List<String> cues, List<String> bridges, List<String> questions, List<String> scopeBreaks,
            List<String> connectors) {
        public Negation {
            cues = List.copyOf(cues);
            bridges = List.copyOf(bridges);
            questions = List.copyOf(questions);
            scopeBreaks = List.copyOf(scopeBreaks);
            connectors = List.copyOf(connectors);
        }
    }

    /**
     * A term added by an administrator (a row of {@code scheduling_triage_term}). When {@code code} names an existing
     * term its synonyms are added to it and its department weights added or replaced; otherwise it is a new symptom
     * term. {@code redFlag} makes the term on its own a red flag with {@code advice}.
     */
    public record Addition(UUID id, String code, Text name, List<String> synonyms, Map<String, Double> departments,
            boolean redFlag, Text advice, String createdBy, Instant createdAt) {
        public Addition {
            synonyms = List.copyOf(synonyms);
            departments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(departments));
        }
    }

    /** The bundled knowledge base. */
    public static Knowledge bundled() {
        try (InputStream in = Knowledge.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("missing " + BUNDLED);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Term term(String code) {
        return terms.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
    }

    /**
     * This knowledge with the directory's standard department names (code → Chinese name): they replace the bundled
     * Chinese names and add the codes the bundled data does not use, so that administrators can weigh terms to them.
     */
    public Knowledge withDepartmentNames(Map<String, String> names) {
        Map<String, Text> merged = new LinkedHashMap<>(departments);
        names.forEach((code, zh) -> merged.put(code,
                new Text(zh, departments.containsKey(code) ? departments.get(code).en() : null)));
        return new Knowledge(version, emergencyDepartment, merged, specialties, fillers, negation, terms, redFlags,
                adjustments, fallback);
    }

    /** This knowledge with administrators' additions merged in order. */
    public Knowledge with(List<Addition> additions) {
        Map<String, Term> byCode = new LinkedHashMap<>();
        terms.forEach(t -> byCode.put(t.code(), t));
        List<RedFlagRule> rules = new ArrayList<>(redFlags);
        for (Addition a : additions) {
            Term existing = byCode.get(a.code());
            Map<String, Double> known = new LinkedHashMap<>(a.departments());
            known.keySet().retainAll(departments.keySet()); // a code the directory no longer has is ignored
            Term merged;
            if (existing == null) {
                merged = new Term(a.code(), Kind.SYMPTOM, a.name(), a.synonyms(), known, null, null);
            } else {
                Set<String> synonyms = new LinkedHashSet<>(existing.synonyms());
                synonyms.addAll(a.synonyms());
                Map<String, Double> weights = new LinkedHashMap<>(existing.departments());
                weights.putAll(known);
                merged = new Term(existing.code(), existing.kind(), existing.name(), List.copyOf(synonyms), weights,
                        existing.specialty(), existing.impliesAge());
            }
            byCode.put(merged.code(), merged);
            if (a.redFlag()) {
                rules.add(new RedFlagRule("added-" + a.id(), merged.name(), a.advice(), List.of(Set.of(merged.code())),
                        null, null, null, Map.of(), null));
            }
        }
        return new Knowledge(version, emergencyDepartment, departments, specialties, fillers, negation,
                List.copyOf(byCode.values()), rules, adjustments, fallback);
    }

    /** Reads a knowledge base in the bundled JSON format (documented in docs/scheduling-triage.md). */
    public static Knowledge read(InputStream in) {
        JsonNode root = JSON.readTree(in);
        Map<String, Text> departments = new LinkedHashMap<>();
        root.path("departments").properties().forEach(e -> departments.put(e.getKey(), text(e.getValue())));
        Map<String, Specialty> specialties = new LinkedHashMap<>();
        root.path("specialties").properties().forEach(e -> specialties.put(e.getKey(),
                new Specialty(e.getKey(), e.getValue().path("department").asString(), text(e.getValue()))));
        JsonNode neg = root.path("negation");
        Negation negation = new Negation(strings(neg.path("cues")), strings(neg.path("bridges")),
                strings(neg.path("questions")), strings(neg.path("scopeBreaks")), strings(neg.path("connectors")));
        List<Term> terms = new ArrayList<>();
        for (JsonNode t : root.path("terms").values()) {
            Kind kind = "context".equalsIgnoreCase(t.path("kind").asString("symptom")) ? Kind.CONTEXT : Kind.SYMPTOM;
            terms.add(new Term(t.path("code").asString(), kind, text(t.path("name")), strings(t.path("synonyms")),
                    weights(t.path("departments")), optionalString(t.path("specialty")),
                    t.path("impliesAge").isNumber() ? t.path("impliesAge").asInt() : null));
        }
        List<RedFlagRule> rules = new ArrayList<>();
        for (JsonNode r : root.path("redFlags").values()) {
            List<Set<String>> when = new ArrayList<>();
            r.path("when").values().forEach(g -> when.add(new LinkedHashSet<>(strings(g))));
            Map<String, String> depts = new LinkedHashMap<>();
            r.path("departments").properties().forEach(e -> depts.put(e.getKey(), optionalString(e.getValue())));
            rules.add(new RedFlagRule(r.path("code").asString(), text(r.path("name")), text(r.path("advice")), when,
                    optionalInt(r.path("minAge")), optionalInt(r.path("maxAge")), sex(r.path("sex")), depts,
                    optionalString(r.path("hotline"))));
        }
        List<Adjustment> adjustments = new ArrayList<>();
        for (JsonNode a : root.path("adjustments").values()) {
            JsonNode s = a.path("shift");
            Shift shift = s.isObject() ? new Shift(strings(s.path("from")), s.path("to").asString(),
                    s.path("keep").asDouble(0)) : null;
            adjustments.add(new Adjustment(a.path("code").asString(), text(a.path("name")),
                    optionalInt(a.path("minAge")), optionalInt(a.path("maxAge")), sex(a.path("sex")), shift,
                    weights(a.path("boost")), weights(a.path("multiply"))));
        }
        List<Fallback> fallback = new ArrayList<>();
        root.path("fallback").values().forEach(f -> fallback.add(new Fallback(optionalInt(f.path("maxAge")),
                f.path("department").asString())));
        return new Knowledge(root.path("version").asString(""), root.path("emergencyDepartment").asString("20"),
                departments, specialties, strings(root.path("fillers")), negation, terms, rules, adjustments,
                fallback);
    }

    private static void check(String emergency, Map<String, Text> departments, Map<String, Specialty> specialties,
            List<Term> terms, List<RedFlagRule> rules, List<Adjustment> adjustments, List<Fallback> fallback) {
        List<String> problems = new ArrayList<>();
        if (!departments.containsKey(emergency)) {
            problems.add("emergency department " + emergency + " is not a department");
        }
        specialties.forEach((code, s) -> {
            if (!departments.containsKey(s.department())) {
                problems.add("specialty " + code + ": unknown department " + s.department());
            }
        });
        Set<String> codes = new LinkedHashSet<>();
        for (Term t : terms) {
            if (t.code() == null || t.code().isBlank() || !codes.add(t.code())) {
                problems.add("term code missing or repeated: " + t.code());
            }
            t.departments().forEach((code, w) -> {
                if (!departments.containsKey(code)) {
                    problems.add("term " + t.code() + ": unknown department " + code);
                }
                if (w == null || !Double.isFinite(w) || w < 0) {
                    problems.add("term " + t.code() + ": bad weight " + w);
                }
            });
            if (t.specialty() != null && !specialties.containsKey(t.specialty())) {
                problems.add("term " + t.code() + ": unknown specialty " + t.specialty());
            }
        }
        for (RedFlagRule r : rules) {
            r.when().forEach(group -> group.stream().filter(c -> !codes.contains(c))
                    .forEach(c -> problems.add("red flag " + r.code() + ": unknown term " + c)));
            r.departments().forEach((code, specialty) -> {
                if (!departments.containsKey(code)) {
                    problems.add("red flag " + r.code() + ": unknown department " + code);
                }
                if (specialty != null && !specialties.containsKey(specialty)) {
                    problems.add("red flag " + r.code() + ": unknown specialty " + specialty);
                }
            });
        }
        for (Adjustment a : adjustments) {
            Set<String> used = new LinkedHashSet<>(a.boost().keySet());
            used.addAll(a.multiply().keySet());
            if (a.shift() != null) {
                used.addAll(a.shift().from());
                used.add(a.shift().to());
            }
            used.stream().filter(c -> !departments.containsKey(c))
                    .forEach(c -> problems.add("adjustment " + a.code() + ": unknown department " + c));
        }
        fallback.stream().filter(f -> !departments.containsKey(f.department()))
                .forEach(f -> problems.add("fallback: unknown department " + f.department()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid triage knowledge: " + String.join("; ", problems));
        }
    }

    private static Text text(JsonNode node) {
        return new Text(node.path("zh").asString(null), node.path("en").asString(null));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.asString()));
        return out;
    }

    private static Map<String, Double> weights(JsonNode object) {
        Map<String, Double> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    private static String optionalString(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }

    private static Integer optionalInt(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static Sex sex(JsonNode node) {
        return switch (node.asString("")) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            default -> null;
        };
    }
}
