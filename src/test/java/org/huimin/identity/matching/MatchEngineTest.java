package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MatchEngineTest {

    /** Two fields worth 10 bits each when they agree, -5 when they disagree; MATCH from 15, POSSIBLE from 5. */
    private static final MatchRules SIMPLE = new MatchRules(List.of(
            new FieldRule("a", ComparatorKind.EXACT, 0.96875, 0.96875 / 1024, 1.0, false),
            new FieldRule("b", ComparatorKind.JARO_WINKLER, 0.96875, 0.96875 / 1024, 0.5, false)),
            List.of(), 15, 5, 0);

    private final MatchEngine chinese = new MatchEngine(MatchRules.chineseResidents());

    private static PersonRecord simple(String id, String a, String b) {
        return PersonRecord.resident(id).set("a", a).set("b", b).build();
    }

    @Test
    void weightsFollowFellegiSunter() {
        FieldRule rule = SIMPLE.fields().get(0);
        assertThat(rule.agreementWeight()).isCloseTo(10, within(1e-9));
        assertThat(rule.disagreementWeight()).isCloseTo(Math.log((1 - 0.96875) / (1 - 0.96875 / 1024)) / Math.log(2),
                within(1e-9));
        assertThat(rule.disagreementWeight()).isCloseTo(-5, within(0.01));
    }

    @Test
    void thresholdsGiveTheOutcome() {
        MatchEngine engine = new MatchEngine(SIMPLE);
        assertThat(engine.compare(simple("1", "x", "abc"), simple("2", "x", "abc")).outcome())
                .isEqualTo(MatchOutcome.MATCH); // 20
        assertThat(engine.compare(simple("1", "x", "abc"), simple("2", "x", null)).outcome())
                .isEqualTo(MatchOutcome.POSSIBLE_MATCH); // 10: a missing value counts 0
        assertThat(engine.compare(simple("1", "x", "abc"), simple("2", "x", "xyz")).outcome())
                .isEqualTo(MatchOutcome.POSSIBLE_MATCH); // 5
        assertThat(engine.compare(simple("1", "x", "abc"), simple("2", "y", "xyz")).outcome())
                .isEqualTo(MatchOutcome.NO_MATCH); // -10
    }

    @Test
    void partialAgreementInterpolatesBetweenTheWeights() {
        MatchEngine engine = new MatchEngine(SIMPLE);
        MatchResult result = engine.compare(simple("1", null, "MARTHA"), simple("2", null, "MARHTA"));
        FieldComparison b = result.fields().get(1);
        FieldRule rule = SIMPLE.fields().get(1);
        double expected = rule.disagreementWeight()
                + (rule.agreementWeight() - rule.disagreementWeight()) * (b.similarity() - 0.5) / 0.5;
        assertThat(b.weight()).isCloseTo(expected, within(1e-9));
        assertThat(result.score()).isCloseTo(expected, within(1e-9));
        assertThat(result.fields().get(0).compared()).isFalse();
    }

    @Test
    void reportsEveryFieldForTheReviewScreen() {
        PersonRecord left = PersonRecord.resident("r1").name("张丽").birthDate("1990-05-03").sex("女")
                .phone("13812345678").address("富源县中安街道红旗路12号").build();
        PersonRecord right = PersonRecord.resident("r2").name("张力").birthDate("1990-03-05").sex("F")
                .address("中安红旗路12号").build();
        MatchResult result = chinese.compare(left, right);
        assertThat(result.leftId()).isEqualTo("r1");
        assertThat(result.fields()).extracting(FieldComparison::field)
                .containsExactly("idNumber", "name", "birthDate", "sex", "phone", "address");
        assertThat(result.fields().get(1).left()).isEqualTo("张丽");
        assertThat(result.fields().get(1).right()).isEqualTo("张力");
        assertThat(result.fields().get(1).similarity()).isEqualTo(Similarity.HOMOPHONE);
        assertThat(result.fields().get(4).compared()).isFalse();
        assertThat(result.score()).isCloseTo(result.fields().stream().mapToDouble(FieldComparison::weight).sum(),
                within(1e-9));
        assertThat(result.outcome()).isEqualTo(MatchOutcome.MATCH);
        assertThat(result.fields().get(1).toString()).doesNotContain("张");
    }

    @Test
    void anEqualIdNumberIsDecisiveAndADifferentOneWeighsHeavily() {
        PersonRecord a = PersonRecord.resident("a").name("张伟").idNumber("11010519491231002X").build();
        PersonRecord renamed = PersonRecord.resident("b").name("张大伟").birthDate("1949-12-31")
                .idNumber("11010519491231002x").build();
        assertThat(chinese.compare(a, renamed).outcome()).isEqualTo(MatchOutcome.MATCH);

        PersonRecord twin1 = PersonRecord.resident("t1").name("李明").birthDate("2001-02-03").sex("男")
                .phone("13812345678").address("大河镇海田村委会4组17号").idNumber("530325200102030011").build();
        PersonRecord twin2 = PersonRecord.resident("t2").name("李鸣").birthDate("2001-02-03").sex("男")
                .phone("13812345678").address("大河镇海田村委会4组17号").idNumber("530325200102030038").build();
        MatchResult twins = chinese.compare(twin1, twin2);
        assertThat(twins.fields().get(0).weight()).isLessThan(-13);
        assertThat(twins.outcome()).isNotEqualTo(MatchOutcome.MATCH);
    }

    @Test
    void matchRanksCandidatesAndLeavesOutNonMatches() {
        PersonRecord probe = PersonRecord.resident("p").name("王建国").birthDate("1965-08-01").sex("男")
                .phone("13987654321").build();
        PersonRecord same = PersonRecord.resident("1").name("王建国").birthDate("1965-08-01").sex("男")
                .phone("13987654321").build();
        PersonRecord homophone = PersonRecord.resident("2").name("王健国").birthDate("1965-08-01").sex("男").build();
        PersonRecord other = PersonRecord.resident("3").name("李娜").birthDate("1988-01-01").sex("女").build();
        List<Candidate> found = chinese.match(probe, List.of(other, homophone, same));
        assertThat(found).extracting(c -> c.record().id()).containsExactly("1", "2");
        assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
        assertThat(found).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(MatchOutcome.MATCH));
    }

    @Test
    void rulesRejectNonsense() {
        assertThatThrownBy(() -> FieldRule.of("x", ComparatorKind.EXACT, 0.5, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SIMPLE.withThresholds(5, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchRules(List.of(SIMPLE.fields().get(0), SIMPLE.fields().get(0)), List.of(),
                1, 0, 0)).hasMessageContaining("two rules");
    }

    @Test
    void recordsKeepOnlyPresentValuesAndHideThemFromLogs() {
        PersonRecord r = PersonRecord.resident("x").name("张伟").phone(" ").idNumber(null).build();
        assertThat(r.fields()).containsOnlyKeys("name");
        assertThat(r.toString()).doesNotContain("张伟");
    }
}
