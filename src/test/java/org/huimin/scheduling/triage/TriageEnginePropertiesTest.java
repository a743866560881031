package org.huimin.scheduling.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.huimin.scheduling.triage.TriageEngine.Assessment;
import org.huimin.scheduling.triage.TriageEngine.Complaint;
import org.huimin.scheduling.triage.TriageEngine.Finding;
import org.huimin.scheduling.triage.TriageEngine.Recommendation;
import org.huimin.shared.Sex;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Whatever the text, age and sex, triage answers: no exception, finite sorted scores, at least one department. */
class TriageEnginePropertiesTest {

    private static final Knowledge KNOWLEDGE = Knowledge.bundled();
    private static final TriageEngine engine = new TriageEngine(KNOWLEDGE);
    private static final List<String> phrases = phrases(KNOWLEDGE);

    private static List<String> phrases(Knowledge k) {
        List<String> all = new ArrayList<>();
        k.terms().forEach(t -> all.addAll(t.synonyms()));
        all.addAll(k.fillers());
        all.addAll(k.negation().cues());
        all.addAll(List.of("，", "。", "、", "但是", "39.5度", "三十九度", "3岁", "没有", " ", "有没有"));
        return List.copyOf(all);
    }

    @Property(tries = 500)
    void arbitraryTextNeverThrows(@ForAll @StringLength(max = 600) String text,
            @ForAll("ages") Integer age, @ForAll("sexes") Sex sex) {
        check(text, engine.assess(new Complaint(text, age, sex)));
    }

    /** Text made of the knowledge base's own phrases, fillers and negations, so that many rules meet. */
    @Property(tries = 500)
    void textMadeOfKnownPhrasesNeverThrows(@ForAll("phraseTexts") String text, @ForAll("ages") Integer age,
            @ForAll("sexes") Sex sex) {
        check(text, engine.assess(new Complaint(text, age, sex)));
    }

    @Property(tries = 200)
    void chineseCharactersNeverThrow(@ForAll("chinese") String text, @ForAll @IntRange(max = 130) int age) {
        check(text, engine.assess(new Complaint(text, age, Sex.FEMALE)));
    }

    private static void check(String text, Assessment a) {
        assertThat(a.departments()).isNotEmpty().hasSizeLessThanOrEqualTo(TriageEngine.MAX_DEPARTMENTS);
        List<Double> scores = a.departments().stream().map(Recommendation::score).toList();
        assertThat(scores).allSatisfy(s -> assertThat(Double.isFinite(s) && s > 0 && s <= 1).isTrue());
        assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(scores.stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(1.01);
        assertThat(a.departments().stream().map(Recommendation::code).distinct().count())
                .isEqualTo(a.departments().size());
        for (Finding f : a.findings()) {
            assertThat(f.start()).isBetween(0, f.end() - 1);
            assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text());
        }
        if (a.redFlag()) {
            assertThat(a.departments().get(0).code()).isEqualTo(engine.knowledge().emergencyDepartment());
        }
    }

    @Provide
    Arbitrary<Integer> ages() {
        return Arbitraries.integers().between(0, 130).injectNull(0.3);
    }

    @Provide
    Arbitrary<Sex> sexes() {
        return Arbitraries.of(Sex.MALE, Sex.FEMALE, Sex.UNKNOWN).injectNull(0.3);
    }

    @Provide
    Arbitrary<String> phraseTexts() {
        return Arbitraries.of(phrases).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> chinese() {
        return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withChars("，。、 0123456789.度岁")
                .ofMaxLength(200);
    }
}
