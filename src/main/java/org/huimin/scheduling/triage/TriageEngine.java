package org.huimin.scheduling.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huimin.scheduling.triage.Knowledge.Adjustment;
import org.huimin.scheduling.triage.Knowledge.Fallback;
import org.huimin.scheduling.triage.Knowledge.Kind;
import org.huimin.scheduling.triage.Knowledge.RedFlagRule;
import org.huimin.scheduling.triage.Knowledge.Specialty;
import org.huimin.scheduling.triage.Knowledge.Term;
import org.huimin.scheduling.triage.SymptomMatcher.Mention;
import org.huimin.shared.Sex;

/**
 * Smart triage (智能导医): from a free-text complaint in Chinese, with an optional age and sex, to ranked departments
 * with reasons, and red flags that call for 120 or the emergency department. Plain Java over a {@link Knowledge}
 * value; immutable and thread-safe, so one instance serves every request until the knowledge changes.
 *
 * <p>Scoring: each symptom found (and not negated) adds its department weights; red-flag rules add their
 * departments; age and sex adjustments then shift and scale the scores (children to paediatrics, no gynaecology for
 * men); a red flag puts the emergency department first. Scores are shares of the total, so they sum to at most 1.
 */
public final class TriageEngine {

    /** At most this many departments are recommended. */
    public static final int MAX_DEPARTMENTS = 5;
    private static final double MIN_SHARE = 0.03;

    private final Knowledge knowledge;
    private final SymptomMatcher matcher;

    public TriageEngine(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.matcher = new SymptomMatcher(knowledge);
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    /** A complaint: free text, age in whole years and sex, each of the latter two may be {@code null}. */
    public record Complaint(String text, Integer age, Sex sex) {
    }

    /** Where the age used came from. */
    public enum AgeSource { GIVEN, TEXT, CONTEXT }

    /** A term found in the text, with its span {@code [start, end)} and the words used. */
    public record Finding(Term term, int start, int end, String text) {
    }

    public enum ReasonKind { SYMPTOM, RED_FLAG, ADJUSTMENT, FALLBACK }

    /** Why a department is recommended: a symptom, a red flag, an adjustment or the fallback, with its weight. */
    public record Reason(ReasonKind kind, String code, Text name, double weight) {
    }

    public record Recommendation(String code, Text name, double score, List<Specialty> specialties,
            List<Reason> reasons) {
    }

    /**
     * The outcome: symptoms found and negated, departments best first (never empty), red flags fired, adjustments
     * that changed a score, the age used (and where it came from) and the highest temperature mentioned.
     */
    public record Assessment(List<Finding> findings, List<Finding> negated, List<Recommendation> departments,
            List<RedFlagRule> redFlags, List<Adjustment> adjustments, Integer age, AgeSource ageSource,
            Double temperature) {

        public boolean redFlag() {
            return !redFlags.isEmpty();
        }
    }

    public Assessment assess(Complaint complaint) {
        String text = complaint.text() == null ? "" : complaint.text();
        SymptomMatcher.Scan scan = matcher.scan(text);
        List<Finding> findings = new ArrayList<>();
        List<Finding> negated = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (Mention m : scan.mentions()) {
            if (!m.negated() && present.add(m.term().code())) {
                findings.add(new Finding(m.term(), m.start(), m.end(), text.substring(m.start(), m.end())));
            }
        }
        Set<String> negatedCodes = new LinkedHashSet<>();
        for (Mention m : scan.mentions()) {
            if (m.negated() && !present.contains(m.term().code()) && negatedCodes.add(m.term().code())) {
                negated.add(new Finding(m.term(), m.start(), m.end(), text.substring(m.start(), m.end())));
            }
        }

        Integer age = complaint.age();
        AgeSource ageSource = age == null ? null : AgeSource.GIVEN;
        if (age == null && scan.age() != null) {
            age = scan.age();
            ageSource = AgeSource.TEXT;
        }
        if (age == null) {
            age = findings.stream().map(f -> f.term().impliesAge()).filter(a -> a != null).min(Integer::compare)
                    .orElse(null);
            ageSource = age == null ? null : AgeSource.CONTEXT;
        }
        Sex sex = complaint.sex();

        Scores scores = new Scores();
        for (Finding f : findings) {
            Term t = f.term();
            if (t.kind() != Kind.SYMPTOM) {
                continue;
            }
            t.departments().forEach((code, w) -> scores.add(code, w,
                    new Reason(ReasonKind.SYMPTOM, t.code(), t.name(), w)));
            Specialty s = t.specialty() == null ? null : knowledge.specialties().get(t.specialty());
            if (s != null && t.departments().containsKey(s.department())) {
                scores.specialty(s.department(), t.specialty(), t.departments().get(s.department()));
            }
        }
        boolean anySymptom = !scores.raw.isEmpty();

        Integer effectiveAge = age;
        List<RedFlagRule> fired = knowledge.redFlags().stream()
                .filter(r -> r.applies(effectiveAge, sex) && r.firesOn(present)).toList();
        for (RedFlagRule r : fired) {
            r.departments().forEach((code, specialty) -> {
                scores.add(code, 1.0, new Reason(ReasonKind.RED_FLAG, r.code(), r.name(), 1.0));
                if (specialty != null) {
                    scores.specialty(code, specialty, 2.0);
                }
            });
        }

        List<Adjustment> applied = new ArrayList<>();
        for (Adjustment a : knowledge.adjustments()) {
            if (a.applies(age, sex) && (anySymptom || !fired.isEmpty()) && scores.adjust(a)) {
                applied.add(a);
            }
        }

        if (!fired.isEmpty()) {
            String emergency = knowledge.emergencyDepartment();
            double others = scores.raw.entrySet().stream().filter(e -> !e.getKey().equals(emergency))
                    .mapToDouble(Map.Entry::getValue).max().orElse(0);
            double needed = others + 1.0 - scores.raw.getOrDefault(emergency, 0.0);
            for (RedFlagRule r : fired) {
                double w = r == fired.get(0) ? Math.max(0, needed) : 0;
                if (w > 0) {
                    scores.add(emergency, w, new Reason(ReasonKind.RED_FLAG, r.code(), r.name(), w));
                } else {
                    scores.reason(emergency, new Reason(ReasonKind.RED_FLAG, r.code(), r.name(), 0));
                }
            }
        }
        if (scores.raw.isEmpty()) {
            String code = knowledge.fallback().stream()
                    .filter(f -> f.maxAge() == null || effectiveAge != null && effectiveAge <= f.maxAge())
                    .map(Fallback::department).findFirst().orElse(knowledge.emergencyDepartment());
            scores.add(code, 1.0, new Reason(ReasonKind.FALLBACK, "fallback", null, 1.0));
        }
        return new Assessment(List.copyOf(findings), List.copyOf(negated), scores.ranked(), fired, List.copyOf(applied),
                age, ageSource, scan.temperature());
    }

    /** Department scores with their reasons and sub-specialties, in the order they were first touched. */
    private final class Scores {
        final Map<String, Double> raw = new LinkedHashMap<>();
        final Map<String, Map<String, Reason>> reasons = new LinkedHashMap<>();
        final Map<String, Map<String, Double>> specialties = new LinkedHashMap<>();

        void add(String code, double weight, Reason reason) {
            if (!knowledge.departments().containsKey(code) || !(weight > 0) || !Double.isFinite(weight)) {
                return;
            }
            raw.merge(code, weight, Double::sum);
            reason(code, reason);
        }

        void reason(String code, Reason reason) {
            reasons.computeIfAbsent(code, k -> new LinkedHashMap<>()).merge(reason.kind() + ":" + reason.code(),
                    reason, (x, y) -> new Reason(x.kind(), x.code(), x.name(), x.weight() + y.weight()));
        }

        void specialty(String department, String specialty, double weight) {
            specialties.computeIfAbsent(department, k -> new LinkedHashMap<>()).merge(specialty, weight, Double::sum);
        }

        /** Applies an adjustment; true when it changed a score. */
        boolean adjust(Adjustment a) {
            boolean changed = false;
            Reason because = new Reason(ReasonKind.ADJUSTMENT, a.code(), a.name(), 0);
            if (a.shift() != null && knowledge.departments().containsKey(a.shift().to())) {
                double keep = Math.max(0, Math.min(1, a.shift().keep()));
                String to = a.shift().to();
                for (String from : a.shift().from()) {
                    Double value = raw.get(from);
                    if (value == null || value <= 0 || from.equals(to)) {
                        continue;
                    }
                    double moved = value * (1 - keep);
                    raw.put(from, value * keep);
                    raw.merge(to, moved, Double::sum);
                    for (Reason r : reasons.getOrDefault(from, Map.of()).values()) {
                        if (r.kind() == ReasonKind.SYMPTOM || r.kind() == ReasonKind.RED_FLAG) {
                            reason(to, new Reason(r.kind(), r.code(), r.name(), r.weight() * (1 - keep)));
                        }
                    }
                    changed = true;
                }
                if (changed) {
                    reason(to, because);
                }
            }
            for (Map.Entry<String, Double> b : a.boost().entrySet()) {
                if (b.getValue() > 0 && knowledge.departments().containsKey(b.getKey())) {
                    add(b.getKey(), b.getValue(), new Reason(ReasonKind.ADJUSTMENT, a.code(), a.name(), b.getValue()));
                    changed = true;
                }
            }
            for (Map.Entry<String, Double> m : a.multiply().entrySet()) {
                Double value = raw.get(m.getKey());
                if (value == null || m.getValue() == 1.0) {
                    continue;
                }
                double factor = Double.isFinite(m.getValue()) ? Math.max(0, m.getValue()) : 1.0;
                if (factor == 0) {
                    raw.remove(m.getKey());
                    reasons.remove(m.getKey());
                    specialties.remove(m.getKey());
                } else {
                    raw.put(m.getKey(), value * factor);
                    reason(m.getKey(), because);
                }
                changed = true;
            }
            return changed;
        }

        List<Recommendation> ranked() {
            double total = raw.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).sum();
            List<Recommendation> out = new ArrayList<>();
            raw.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_DEPARTMENTS)
                    .forEach(e -> {
                        double share = e.getValue() / total;
                        if (out.isEmpty() || share >= MIN_SHARE) {
                            out.add(new Recommendation(e.getKey(), knowledge.departments().get(e.getKey()),
                                    Math.round(share * 1000) / 1000.0, specialtiesOf(e.getKey()),
                                    reasonsOf(e.getKey())));
                        }
                    });
            return List.copyOf(out);
        }

        private List<Specialty> specialtiesOf(String department) {
            return specialties.getOrDefault(department, Map.of()).entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> knowledge.specialties().get(e.getKey()))
                    .filter(s -> s != null && s.department().equals(department))
                    .limit(2).toList();
        }

        private List<Reason> reasonsOf(String department) {
            return reasons.getOrDefault(department, Map.of()).values().stream()
                    .sorted(Comparator.comparing((Reason r) -> r.kind() == ReasonKind.ADJUSTMENT)
                            .thenComparing(Comparator.comparingDouble(Reason::weight).reversed()))
                    .map(r -> new Reason(r.kind(), r.code(), r.name(), Math.round(r.weight() * 100) / 100.0))
                    .toList();
        }
    }
}
