package org.huimin.scheduling.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.huimin.scheduling.triage.Knowledge.Addition;
import org.huimin.scheduling.triage.TriageEngine.AgeSource;
import org.huimin.scheduling.triage.TriageEngine.Assessment;
import org.huimin.scheduling.triage.TriageEngine.Complaint;
import org.huimin.scheduling.triage.TriageEngine.Finding;
import org.huimin.scheduling.triage.TriageEngine.Reason;
import org.huimin.scheduling.triage.TriageEngine.ReasonKind;
import org.huimin.scheduling.triage.TriageEngine.Recommendation;
import org.huimin.shared.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The triage engine on the bundled knowledge base, without Spring. */
class TriageEngineTest {

    private static final TriageEngine ENGINE = new TriageEngine(Knowledge.bundled());

    private static Assessment assess(String text, Integer age, Sex sex) {
        return ENGINE.assess(new Complaint(text, age, sex));
    }

    private static Sex sex(String s) {
        return s == null ? null : "M".equals(s) ? Sex.MALE : Sex.FEMALE;
    }

    private static List<String> codes(Assessment a) {
        return a.departments().stream().map(Recommendation::code).toList();
    }

    private static List<String> found(Assessment a) {
        return a.findings().stream().map(f -> f.term().code()).toList();
    }

    private static List<String> negated(Assessment a) {
        return a.negated().stream().map(f -> f.term().code()).toList();
    }

    /** Phrasing | age | sex | first department code | red flag. */
    @ParameterizedTest(name = "{0} (age {1}, sex {2}) → {3}, red flag {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            胸口痛，出冷汗，左手臂发麻            | 58 | M | 20 | true
            孩子咳嗽流鼻涕两天                    | 4  | - | 07 | false
            孩子咳嗽流鼻涕两天                    | -  | - | 07 | false
            拉肚子三天了                          | 35 | - | 03 | false
            发烧两天，嗓子疼                      | 30 | - | 03 | false
            嗓子疼，声音哑了                      | 30 | - | 11 | false
            今天早上起来嗓子有点疼                | 26 | F | 11 | false
            喘不上气                              | 60 | - | 20 | true
            心口疼                                | 50 | - | 03 | false
            头晕，头有点痛                        | 45 | - | 03 | false
            肚子疼，拉稀                          | 28 | - | 03 | false
            右下腹痛                              | 22 | - | 04 | false
            尿频尿急，小便疼                      | 40 | F | 04 | false
            月经不调                              | 25 | F | 05 | false
            来月经肚子疼得厉害                    | 18 | F | 05 | false
            牙疼得厉害                            | 30 | - | 12 | false
            眼睛红，眼屎多                        | 30 | - | 10 | false
            身上起疙瘩，很痒                      | 30 | - | 13 | false
            腰疼好几天了                          | 50 | - | 04 | false
            膝盖疼，上下楼梯更明显                | 65 | - | 04 | false
            心里很焦虑，坐立不安                  | 35 | - | 15 | false
            不想活了                              | 29 | - | 20 | true
            不发烧，就是咳嗽                      | 30 | - | 03 | false
            没有胸痛，出冷汗                      | 52 | M | 03 | false
            无呕吐，肚子胀                        | 40 | - | 03 | false
            我没发烧也没咳嗽，就是牙龈肿痛        | 33 | - | 12 | false
            突然嘴歪，说话不清                    | 70 | - | 20 | true
            右边手脚没力气                        | 66 | - | 20 | true
            我爸好像中风了                        | 72 | M | 20 | true
            中风后遗症，想做康复训练              | 68 | - | 21 | false
            大口吐血                              | 50 | - | 20 | true
            宝宝高烧39.5度                        | 1  | - | 20 | true
            宝宝发高烧                            | -  | - | 20 | true
            我三岁的孩子高烧40度                  | -  | - | 07 | false
            高烧39度                              | 30 | - | 03 | false
            孩子抽搐，口吐白沫                    | 5  | - | 20 | true
            晕倒叫不醒                            | 70 | - | 20 | true
            吃了海鲜过敏，喉咙发紧                | 30 | - | 20 | true
            全身起风团，嘴唇肿了，喘不上气        | 30 | - | 20 | true
            流鼻血                                | 10 | - | 11 | false
            孩子发烧了                            | 3  | - | 07 | false
            小孩出疹子，发烧                      | 2  | - | 07 | false
            小腹痛                                | 30 | F | 05 | false
            小腹痛                                | 30 | M | 04 | false
            皮肤发黄，眼睛也发黄                  | 45 | - | 03 | false
            咳血                                  | 50 | - | 03 | false
            被狗咬了                              | 30 | - | 20 | false
            脚崴了，肿了一大块                    | 20 | - | 04 | false
            血压高，头晕                          | 65 | - | 03 | false
            血糖高，老是口渴                      | 55 | - | 03 | false
            喝了农药                              | 45 | - | 20 | true
            怀孕两个月，下身出血                  | 28 | F | 20 | true
            脸上长痘痘                            | 16 | - | 13 | false
            耳朵嗡嗡响                            | 55 | - | 11 | false
            口腔溃疡反复发作                      | 30 | - | 12 | false
            想吃中药调理身体                      | 40 | - | 50 | false
            肚子有点不舒服                        | 40 | - | 03 | false
            胸闷气短，出冷汗                      | 62 | M | 20 | true
            老人家记性越来越差                    | 80 | - | 03 | false
            拉肚子                                | 5  | - | 07 | false
            眼睛疼                                | 5  | - | 10 | false
            牙疼                                  | 6  | - | 12 | false
            头痛欲裂                              | 40 | - | 20 | true
            鼻塞流鼻涕                            | 30 | - | 11 | false
            痔疮出血                              | 45 | - | 04 | false
            乳房有硬块                            | 40 | F | 04 | false
            白带异常，下身痒                      | 32 | F | 05 | false
            小便疼，尿频                          | 50 | M | 04 | false
            浑身没劲，没胃口                      | 60 | - | 03 | false
            喘不过气                              | 6  | - | 20 | true
            心情不好，高兴不起来                  | 10 | - | 07 | false
            ＣＯＶＩＤ？　嗓子疼　发烧３８．５度    | 30 | - | 03 | false
            """)
    void ranksDepartmentsForPhrasings(String text, Integer age, String sex, String first, boolean redFlag) {
        Assessment a = assess(text, age, sex(sex));
        assertThat(a.departments()).as("departments of %s", text).isNotEmpty();
        assertThat(a.departments().get(0).code()).as("first department of %s: %s", text, a.departments())
                .isEqualTo(first);
        assertThat(a.redFlag()).as("red flag of %s: %s", text, a.redFlags()).isEqualTo(redFlag);
    }

    @Test
    void theChestPainExampleIsASuspectedHeartAttackWithCardiologyNext() {
        Assessment a = assess("胸口痛，出冷汗，左手臂发麻", 58, Sex.MALE);
        assertThat(a.redFlags()).extracting(Knowledge.RedFlagRule::code).containsExactly("acs");
        assertThat(found(a)).containsExactly("chest-pain", "sweating", "arm-numbness");
        Finding chest = a.findings().get(0);
        assertThat(chest.text()).isEqualTo("胸口痛");
        assertThat(chest.start()).isZero();
        assertThat(chest.end()).isEqualTo(3);
        assertThat(codes(a)).startsWith("20", "03");
        Recommendation internal = a.departments().get(1);
        assertThat(internal.specialties()).extracting(Knowledge.Specialty::code).startsWith("cardiology");
        assertThat(internal.reasons()).extracting(Reason::code).contains("chest-pain", "acs");
        assertThat(a.departments().get(0).reasons()).extracting(Reason::kind).contains(ReasonKind.RED_FLAG);
    }

    @Test
    void negationsAreNotCounted() {
        Assessment a = assess("没有发烧、咳嗽，就是头痛", 40, null);
        assertThat(found(a)).containsExactly("headache");
        assertThat(negated(a)).containsExactly("fever", "cough");

        assertThat(found(assess("不发烧", 30, null))).isEmpty();
        assertThat(negated(assess("不发烧", 30, null))).containsExactly("fever");
        assertThat(negated(assess("没有胸痛", 30, null))).containsExactly("chest-pain");
        assertThat(negated(assess("无呕吐", 30, null))).containsExactly("vomiting");
        assertThat(negated(assess("无明显胸痛", 30, null))).containsExactly("chest-pain");
        assertThat(negated(assess("从来没有出现过头晕", 30, null))).containsExactly("dizziness");
        assertThat(negated(assess("不怎么咳嗽", 30, null))).containsExactly("cough");
        assertThat(negated(assess("已经不发烧了", 30, null))).containsExactly("fever");
        // a negation ends at punctuation or "but", and does not cross to the words before it
        assertThat(found(assess("不发烧，但是咳嗽", 30, null))).containsExactly("cough");
        assertThat(found(assess("不发烧但咳嗽", 30, null))).containsExactly("cough");
        assertThat(found(assess("咳嗽，不发烧", 30, null))).containsExactly("cough");
        assertThat(found(assess("头痛不发烧", 30, null))).containsExactly("headache");
        // negation-like words that are not negations
        assertThat(found(assess("不停地咳嗽", 30, null))).containsExactly("cough");
        assertThat(found(assess("有没有可能是发烧", 30, null))).containsExactly("fever");
        assertThat(found(assess("吃不下饭，睡不着", 30, null))).containsExactly("appetite-loss", "insomnia");
        assertThat(found(assess("喘不上气", 30, null))).containsExactly("dyspnea");
        // present once anywhere beats negated elsewhere
        assertThat(found(assess("昨天不发烧，今天发烧了", 30, null))).containsExactly("fever");
    }

    @Test
    void negatedRedFlagsDoNotFire() {
        assertThat(assess("没有胸痛，出冷汗", 52, Sex.MALE).redFlag()).isFalse();
        assertThat(assess("不想死，就是心情不好", 30, null).redFlag()).isFalse();
        assertThat(assess("无抽搐，无昏迷", 3, null).redFlag()).isFalse();
        assertThat(assess("没有喘不上气", 50, null).redFlag()).isFalse();
    }

    @Test
    void colloquialPhrasingsMapToCanonicalTerms() {
        Map<String, String> phrasings = Map.ofEntries(
                Map.entry("拉肚子", "diarrhea"), Map.entry("发烧", "fever"), Map.entry("体温高", "fever"),
                Map.entry("嗓子疼", "sore-throat"), Map.entry("喘不上气", "dyspnea"), Map.entry("心口疼", "chest-pain"),
                Map.entry("胸口疼", "chest-pain"), Map.entry("头昏", "dizziness"), Map.entry("肚子疼", "abdominal-pain"),
                Map.entry("胃疼", "epigastric-pain"), Map.entry("尿频尿急", "urinary-frequency"),
                Map.entry("大姨妈推迟", "irregular-menses"), Map.entry("牙疼", "toothache"),
                Map.entry("眼睛红", "red-eye"), Map.entry("起疙瘩", "rash"), Map.entry("痒", "itch"),
                Map.entry("腰疼", "low-back-pain"), Map.entry("关节疼", "joint-pain"), Map.entry("睡不着", "insomnia"),
                Map.entry("焦虑", "anxiety"), Map.entry("头好痛", "headache"), Map.entry("肚子特别疼", "abdominal-pain"),
                Map.entry("胸口一直痛", "chest-pain"), Map.entry("嗓子 疼", "sore-throat"),
                Map.entry("抽筋", "cramp"), Map.entry("抽风", "convulsion"), Map.entry("口角歪斜", "facial-droop"));
        phrasings.forEach((text, code) -> assertThat(found(assess(text, 30, null))).as(text).containsExactly(code));
        // a leg cramp is not a seizure, and dizziness is not fainting
        assertThat(assess("腿抽筋", 60, null).redFlag()).isFalse();
        assertThat(assess("头晕", 60, null).redFlag()).isFalse();
    }

    @Test
    void childrenGoToPaediatricsAndAdultsDoNot() {
        Assessment child = assess("咳嗽", 4, null);
        assertThat(codes(child).get(0)).isEqualTo("07");
        assertThat(child.adjustments()).extracting(Knowledge.Adjustment::code).containsExactly("child");
        assertThat(child.departments().get(0).reasons()).extracting(Reason::code).contains("cough", "child");
        Assessment adult = assess("咳嗽", 40, null);
        assertThat(codes(adult).get(0)).isEqualTo("03");
        assertThat(codes(adult)).doesNotContain("07");
        // 13 is an adult, 14 is not a child any more
        assertThat(codes(assess("咳嗽", 13, null)).get(0)).isEqualTo("07");
        assertThat(codes(assess("咳嗽", 14, null)).get(0)).isEqualTo("03");
        // the child's paediatric score outweighs the adult departments it came from
        Recommendation paediatrics = child.departments().get(0);
        assertThat(paediatrics.score()).isGreaterThan(0.5);
    }

    @Test
    void menNeverGetGynaecologyAndWomenWithGynaecologicalSymptomsDo() {
        for (String text : List.of("月经不调", "小腹痛", "下腹疼，白带多", "怀孕了肚子疼", "乳房疼")) {
            assertThat(codes(assess(text, 30, Sex.MALE))).as(text).doesNotContain("05", "06").isNotEmpty();
        }
        assertThat(codes(assess("小腹痛", 30, Sex.FEMALE)).get(0)).isEqualTo("05");
        assertThat(codes(assess("小腹痛", 30, null))).contains("05");
        Assessment woman = assess("小腹痛", 30, Sex.FEMALE);
        assertThat(woman.adjustments()).extracting(Knowledge.Adjustment::code).containsExactly("female");
    }

    @Test
    void theInfantHighFeverRuleNeedsAnAgeUnderThree() {
        assertThat(assess("高烧", 2, null).redFlags()).extracting(Knowledge.RedFlagRule::code)
                .containsExactly("infant-high-fever");
        assertThat(assess("高烧", 3, null).redFlag()).isFalse();
        assertThat(assess("高烧", null, null).redFlag()).isFalse();
        assertThat(assess("发烧39.2度", 1, null).redFlag()).isTrue();
        assertThat(assess("发烧38.5度", 1, null).redFlag()).isFalse();
        assertThat(assess("体温三十九度五", 1, null).temperature()).isEqualTo(39.5);
        Assessment infant = assess("宝宝高烧39.5度", 1, null);
        assertThat(infant.temperature()).isEqualTo(39.5);
        assertThat(codes(infant)).startsWith("20", "07");
    }

    @Test
    void theAgeComesFromTheRequestThenTheTextThenTheContext() {
        Assessment given = assess("我三岁的孩子咳嗽", 40, null);
        assertThat(given.age()).isEqualTo(40);
        assertThat(given.ageSource()).isEqualTo(AgeSource.GIVEN);
        Assessment text = assess("我三岁的孩子咳嗽", null, null);
        assertThat(text.age()).isEqualTo(3);
        assertThat(text.ageSource()).isEqualTo(AgeSource.TEXT);
        assertThat(assess("宝宝8个月大，拉肚子", null, null).age()).isZero();
        Assessment context = assess("孩子咳嗽", null, null);
        assertThat(context.ageSource()).isEqualTo(AgeSource.CONTEXT);
        assertThat(codes(context).get(0)).isEqualTo("07");
        assertThat(assess("咳嗽", null, null).age()).isNull();
    }

    @Test
    void nothingRecognisedFallsBackToGeneralPracticeOrPaediatrics() {
        Assessment adult = assess("我想问问怎么挂号", 40, null);
        assertThat(adult.findings()).isEmpty();
        assertThat(codes(adult)).containsExactly("02");
        assertThat(adult.departments().get(0).reasons()).extracting(Reason::kind).containsExactly(ReasonKind.FALLBACK);
        assertThat(codes(assess("", 5, null))).containsExactly("07");
        assertThat(codes(assess(null, null, null))).containsExactly("02");
    }

    @Test
    void scoresAreSharesSortedBestFirst() {
        Assessment a = assess("发烧咳嗽，嗓子疼，流鼻涕，头痛，浑身酸痛", 35, Sex.FEMALE);
        List<Double> scores = a.departments().stream().map(Recommendation::score).toList();
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(scores.stream().mapToDouble(Double::doubleValue).sum()).isLessThanOrEqualTo(1.0001);
        assertThat(a.departments()).hasSizeLessThanOrEqualTo(TriageEngine.MAX_DEPARTMENTS);
    }

    @Test
    void redFlagAdviceAndNamesAreInBothLanguages() {
        Knowledge.RedFlagRule suicide = assess("我不想活了", 30, null).redFlags().get(0);
        assertThat(suicide.hotline()).isEqualTo("12356");
        assertThat(suicide.advice().in(Locale.SIMPLIFIED_CHINESE)).contains("12356");
        assertThat(suicide.advice().in(Locale.ENGLISH)).contains("12356").contains("hotline");
        for (Knowledge.RedFlagRule rule : Knowledge.bundled().redFlags()) {
            assertThat(rule.advice().en()).as(rule.code()).isNotBlank();
            assertThat(rule.name().en()).as(rule.code()).isNotBlank();
        }
    }

    @Test
    void additionsExtendTermsAndAddRedFlags() {
        Knowledge base = Knowledge.bundled();
        assertThat(new TriageEngine(base).assess(new Complaint("老跑茅房", 40, null)).findings()).isEmpty();
        Knowledge extended = base.with(List.of(
                new Addition(UUID.randomUUID(), "diarrhea", Text.of("腹泻"), List.of("老跑茅房"), Map.of(), false, null,
                        "admin", Instant.now()),
                new Addition(UUID.randomUUID(), "heat-stroke", new Text("中暑", "Heat stroke"), List.of("中暑", "热射病"),
                        Map.of("20", 1.0, "03", 0.5), true, new Text("立即拨打120并降温", "Call 120 and cool down"),
                        "admin", Instant.now())));
        TriageEngine engine = new TriageEngine(extended);
        Assessment diarrhea = engine.assess(new Complaint("老跑茅房", 40, null));
        assertThat(found(diarrhea)).containsExactly("diarrhea");
        assertThat(diarrhea.departments().get(0).code()).isEqualTo("03");
        Assessment heat = engine.assess(new Complaint("好像中暑了", 40, null));
        assertThat(heat.redFlag()).isTrue();
        assertThat(heat.redFlags().get(0).advice().in(Locale.ENGLISH)).isEqualTo("Call 120 and cool down");
        assertThat(extended.term("diarrhea").synonyms()).contains("拉肚子", "老跑茅房");
    }

    @Test
    void badKnowledgeIsRefusedWhenLoaded() {
        String json = """
                {"departments": {"03": {"zh": "内科"}, "20": {"zh": "急诊"}},
                 "terms": [{"code": "x", "name": {"zh": "某症"}, "synonyms": ["某"], "departments": {"99": 1.0}}],
                 "redFlags": [{"code": "r", "name": {"zh": "r"}, "advice": {"zh": "a"}, "when": [["nope"]]}]}""";
        assertThatThrownBy(() -> Knowledge.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown department 99").hasMessageContaining("unknown term nope");
    }

    @Test
    void theBundledKnowledgeIsConsistentAndLarge() {
        Knowledge k = Knowledge.bundled();
        assertThat(k.terms()).hasSizeGreaterThan(80);
        assertThat(k.terms().stream().mapToInt(t -> t.synonyms().size()).sum()).isGreaterThan(600);
        assertThat(k.redFlags()).extracting(Knowledge.RedFlagRule::code).contains("acs", "stroke", "heavy-bleeding",
                "severe-dyspnea", "infant-high-fever", "convulsion", "unconscious", "anaphylaxis", "suicide-risk");
        assertThat(k.departments()).containsKeys("02", "03", "04", "05", "07", "10", "11", "12", "13", "16", "20",
                "21", "50");
    }

    @Test
    void chineseNumerals() {
        assertThat(SymptomMatcher.chineseNumber("三十九")).isEqualTo(39);
        assertThat(SymptomMatcher.chineseNumber("十三")).isEqualTo(13);
        assertThat(SymptomMatcher.chineseNumber("两")).isEqualTo(2);
        assertThat(SymptomMatcher.chineseNumber("一百零五")).isEqualTo(105);
        assertThat(SymptomMatcher.chineseNumber("abc")).isNull();
    }
}
