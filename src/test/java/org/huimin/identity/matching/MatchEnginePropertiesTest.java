package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link MatchEngine#compare} over generated records: symmetry, and that an identifiable record (one
 * with a name and a birth date, or an ID number) matches itself. A record with less, say only a sex, cannot match
 * anything, itself included: that is the point of weights.
 */
class MatchEnginePropertiesTest {

    private static final MatchEngine CHINESE = new MatchEngine(MatchRules.chineseResidents());
    private static final MatchEngine FEBRL = new MatchEngine(MatchRules.febrl());

    @Property
    void compareIsSymmetric(@ForAll("residents") PersonRecord a, @ForAll("residents") PersonRecord b) {
        MatchResult ab = CHINESE.compare(a, b);
        MatchResult ba = CHINESE.compare(b, a);
        assertThat(ba.score()).isEqualTo(ab.score());
        assertThat(ba.outcome()).isEqualTo(ab.outcome());
        for (int i = 0; i < ab.fields().size(); i++) {
            assertThat(ba.fields().get(i).similarity()).isEqualTo(ab.fields().get(i).similarity());
        }
    }

    @Property
    void febrlCompareIsSymmetric(@ForAll("febrlRecords") PersonRecord a, @ForAll("febrlRecords") PersonRecord b) {
        assertThat(FEBRL.compare(b, a).score()).isEqualTo(FEBRL.compare(a, b).score());
    }

    @Property
    void anIdentifiableRecordMatchesItself(@ForAll("residents") PersonRecord a) {
        MatchResult self = CHINESE.compare(a, a);
        assertThat(self.outcome()).isEqualTo(MatchOutcome.MATCH);
        assertThat(self.fields()).allSatisfy(f -> assertThat(f.weight()).isGreaterThanOrEqualTo(0));
        PersonRecord copy = PersonRecord.of("copy-of-" + a.id(), a.fields());
        assertThat(CHINESE.compare(a, copy).outcome()).isEqualTo(MatchOutcome.MATCH);
    }

    @Property
    void similaritiesStayBetweenZeroAndOne(@ForAll("residents") PersonRecord a, @ForAll("residents") PersonRecord b) {
        assertThat(CHINESE.compare(a, b).fields()).allSatisfy(f -> {
            if (f.compared()) {
                assertThat(f.similarity()).isBetween(0.0, 1.0);
            }
        });
    }

    @Provide
    Arbitrary<PersonRecord> residents() {
        Arbitrary<String> surname = Arbitraries.of("王", "李", "张", "刘", "陈", "欧阳", "吕", "单");
        Arbitrary<String> given = Arbitraries.of("伟", "丽", "力", "立", "明", "名", "华", "花", "军", "君", "静", "晶",
                "娜", "金", "京").list().ofMinSize(1).ofMaxSize(2).map(l -> String.join("", l));
        Arbitrary<String> name = Arbitraries.oneOf(
                Combinators.combine(surname, given).as((s, g) -> s + g),
                Combinators.combine(surname, given).as((s, g) -> Pinyin.spell(s) + " " + Pinyin.spell(g)),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> birth = Arbitraries.integers().between(0, 365 * 90).flatMap(days -> {
            LocalDate d = LocalDate.of(1935, 1, 1).plusDays(days);
            return Arbitraries.of(d.toString(), d.toString().replace("-", ""),
                    d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth(),
                    d.getYear() + "-" + d.getDayOfMonth() + "-" + d.getMonthValue());
        });
        Arbitrary<String> sex = Arbitraries.of("男", "女", "M", "F", "未知").injectNull(0.2);
        Arbitrary<String> phone = Arbitraries.strings().numeric().ofLength(9).map(s -> "13" + s).injectNull(0.3);
        Arbitrary<String> address = Arbitraries.of("富源县中安街道红旗路12号", "中安红旗路12号", "大河镇海田村委会4组17号",
                "大河海田村4组17", "营上镇沙营村委会9组3号", "3栋2单元501室").injectNull(0.3);
        Arbitrary<String> idNumber = Arbitraries.of("530325199001010012", "53032519900101001x", "530325200512310024")
                .injectNull(0.6);
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(6), name, birth, sex, phone, address,
                idNumber).as((id, n, b, s, p, a, i) -> PersonRecord.resident(id).name(n).birthDate(b).sex(s).phone(p)
                        .address(a).idNumber(i).build());
    }

    @Provide
    Arbitrary<PersonRecord> febrlRecords() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'f').ofMinLength(0).ofMaxLength(7);
        Arbitrary<String> number = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(7);
        return Combinators.combine(word, word, number, word, number, number).as((g, s, st, a1, pc, ssn) ->
                PersonRecord.of("f", Map.of("given_name", g, "surname", s, "street_number", st,
                        "address_1", a1, "postcode", pc, "soc_sec_id", ssn, "date_of_birth", pc + st)));
    }
}
