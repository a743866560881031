package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.huimin.shared.ResidentIdNumber;
import org.junit.jupiter.api.Test;

class ChineseRecordGeneratorTest {

    private final ChineseRecordGenerator.Generated data = new ChineseRecordGenerator(42).generate(500);

    @Test
    void isReproducibleFromTheSeed() {
        ChineseRecordGenerator.Generated again = new ChineseRecordGenerator(42).generate(500);
        assertThat(again.records()).isEqualTo(data.records());
        assertThat(new ChineseRecordGenerator(43).generate(500).records()).isNotEqualTo(data.records());
    }

    @Test
    void generatesTheRequestedPersonsWithDuplicates() {
        assertThat(data.entityOf().values().stream().distinct().count()).isEqualTo(500);
        assertThat(data.records().size()).isBetween(700, 1100);
        assertThat(data.records()).allSatisfy(r -> assertThat(data.entityOf()).containsKey(r.id()));
    }

    @Test
    void originalsLookReal() {
        assertThat(data.records().stream().filter(r -> r.id().endsWith("-org"))).allSatisfy(r -> {
            assertThat(r.get(PersonRecord.NAME)).matches("\\p{IsHan}{2,4}");
            assertThat(r.get(PersonRecord.PHONE)).matches("1[3-9]\\d{9}");
            assertThat(r.get(PersonRecord.ADDRESS)).containsAnyOf("街道", "镇", "乡").contains("号");
            if (r.get(PersonRecord.ID_NUMBER) != null) {
                assertThat(ResidentIdNumber.parse(r.get(PersonRecord.ID_NUMBER))).get()
                        .satisfies(id -> assertThat(id.birthDate().toString()).isEqualTo(r.get("birthDate")));
            }
        });
    }

    @Test
    void homophonesShareTheirPinyin() {
        assertThat(ChineseRecordGenerator.HOMOPHONES).isNotEmpty();
        for (Map.Entry<Character, String> e : ChineseRecordGenerator.HOMOPHONES.entrySet()) {
            for (char other : e.getValue().toCharArray()) {
                assertThat(Pinyin.of(other)).as("%s/%s", e.getKey(), other).isEqualTo(Pinyin.of(e.getKey()));
            }
        }
        assertThat(ChineseRecordGenerator.HOMOPHONES.get('丽')).contains("力");
    }
}
