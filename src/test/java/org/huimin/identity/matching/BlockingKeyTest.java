package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BlockingKeyTest {

    @Test
    void parsesAndPrintsTheSpecSyntax() {
        BlockingKey key = BlockingKey.parse("pinyin-initials(name) + year(birthDate)");
        assertThat(key.parts()).containsExactly(
                new BlockingKey.Part(BlockingKey.Transform.PINYIN_INITIALS, "name", 0),
                new BlockingKey.Part(BlockingKey.Transform.YEAR, "birthDate", 0));
        assertThat(key.spec()).isEqualTo("pinyin-initials(name)+year(birthDate)");
        for (String spec : List.of("birthDate", "soundex(surname)+postcode", "first3(address_1)", "last4(phone)",
                "digits(phone)", "pinyin(name)+first2(address)")) {
            assertThat(BlockingKey.parse(spec).spec()).isEqualTo(spec);
        }
        assertThat(BlockingKey.parse("SOUNDEX(surname)").spec()).isEqualTo("soundex(surname)");
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> BlockingKey.parse("metaphone(surname)")).hasMessageContaining("metaphone");
        assertThatThrownBy(() -> BlockingKey.parse("first(surname)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockingKey.parse("year3(birthDate)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockingKey.parse("name+")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockingKey.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transformsTheNormalisedValue() {
        MatchEngine engine = new MatchEngine(MatchRules.chineseResidents().withBlockingKeys(List.of(
                BlockingKey.parse("pinyin-initials(name)+year(birthDate)"), BlockingKey.parse("birthDate"),
                BlockingKey.parse("last4(phone)"), BlockingKey.parse("soundex(latin)"))));
        PersonRecord r = PersonRecord.resident("1").name("张三丰").birthDate("1990/5/3").phone("+86 138 1234 5678")
                .set("latin", "Robert").build();
        assertThat(engine.blockingKeys(r)).containsExactly("0:zsf|1990", "1:19900503", "2:5678", "3:r163");
        PersonRecord sparse = PersonRecord.resident("2").name("张三丰").build();
        assertThat(engine.blockingKeys(sparse)).isEmpty();
    }

    @Test
    void soundexFollowsTheAmericanRules() {
        assertThat(Soundex.encode("Robert")).isEqualTo("r163");
        assertThat(Soundex.encode("Rupert")).isEqualTo("r163");
        assertThat(Soundex.encode("Ashcraft")).isEqualTo("a261");
        assertThat(Soundex.encode("Tymczak")).isEqualTo("t522");
        assertThat(Soundex.encode("Pfister")).isEqualTo("p236");
        assertThat(Soundex.encode("Lee")).isEqualTo("l000");
        assertThat(Soundex.encode("张三")).isNull();
    }

    @Test
    void comparesEachPairOnceHoweverManyKeysItShares() {
        MatchRules rules = MatchRules.chineseResidents();
        PersonRecord a = PersonRecord.resident("a").name("张伟").birthDate("1990-05-03").phone("13812345678")
                .address("中安街道红旗路1号").build();
        PersonRecord b = PersonRecord.resident("b").name("张伟").birthDate("1990-05-03").phone("13812345678")
                .address("中安街道红旗路1号").build();
        PersonRecord c = PersonRecord.of("c", Map.of("name", "李娜", "birthDate", "1990-05-03"));
        LinkageRun run = new MatchEngine(rules).deduplicate(List.of(a, b, c));
        // a-b share four keys, a-c and b-c one (the birth date): three distinct pairs
        assertThat(run.comparisons()).isEqualTo(3);
        assertThat(run.pairs()).singleElement().satisfies(p -> {
            assertThat(p.left().id()).isEqualTo("a");
            assertThat(p.right().id()).isEqualTo("b");
            assertThat(p.outcome()).isEqualTo(MatchOutcome.MATCH);
        });
    }

    @Test
    void aPairInAnOversizedBlockIsStillComparedThroughAnotherKey() {
        MatchRules rules = new MatchRules(MatchRules.chineseResidents().fields(),
                List.of(BlockingKey.parse("year(birthDate)"), BlockingKey.parse("phone")), 15, 8, 2);
        PersonRecord a = PersonRecord.resident("a").name("张伟").birthDate("1990-05-03").phone("13812345678").build();
        PersonRecord b = PersonRecord.resident("b").name("张伟").birthDate("1990-05-03").phone("13812345678").build();
        PersonRecord c = PersonRecord.resident("c").name("李娜").birthDate("1990-07-01").build();
        LinkageRun run = new MatchEngine(rules).deduplicate(List.of(a, b, c));
        // the 1990 block has three records (> 2) and is skipped; a-b meet again under the phone key
        assertThat(run.comparisons()).isEqualTo(1);
        assertThat(run.matches()).hasSize(1);
    }
}
