package org.huimin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    @Test
    void acceptsTheSyntheticExamplesOfFacts() {
        assertThat(ResidentIdNumber.parse("110101199003079913")).get().satisfies(id -> {
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
            assertThat(id.sex()).isEqualTo(Sex.MALE);
        });
        assertThat(ResidentIdNumber.parse("31011520000229994X")).get().satisfies(id -> {
            assertThat(id.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        });
        assertThat(ResidentIdNumber.parse("330106198808088874")).isPresent();
        assertThat(ResidentIdNumber.parse("11010519491231002X")).isPresent();
    }

    @Test
    void normalisesLowercaseXAndConvertsFifteenDigits() {
        assertThat(ResidentIdNumber.parse(" 31011520000229994x ")).get().extracting(ResidentIdNumber::value)
                .isEqualTo("31011520000229994X");
        assertThat(ResidentIdNumber.parse("110105491231002")).get().extracting(ResidentIdNumber::value)
                .isEqualTo("11010519491231002X");
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(ResidentIdNumber.check("")).isEqualTo(ResidentIdNumber.Defect.EMPTY);
        assertThat(ResidentIdNumber.check("1101011990030799")).isEqualTo(ResidentIdNumber.Defect.LENGTH);
        assertThat(ResidentIdNumber.check("11010119900307991A")).isEqualTo(ResidentIdNumber.Defect.CHARACTERS);
        assertThat(ResidentIdNumber.check("110101199002309913")).isEqualTo(ResidentIdNumber.Defect.DATE);
        assertThat(ResidentIdNumber.check("110101199003079914")).isEqualTo(ResidentIdNumber.Defect.CHECK_CHARACTER);
        String future = "110101" + LocalDate.now().plusYears(1).toString().replace("-", "") + "001";
        assertThat(ResidentIdNumber.check(future + ResidentIdNumber.checkCharacter(future)))
                .isEqualTo(ResidentIdNumber.Defect.FUTURE_DATE);
        assertThatThrownBy(() -> new ResidentIdNumber("110101199003079914")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masksForDisplay() {
        assertThat(new ResidentIdNumber("110101199003079913").masked()).isEqualTo("110101********9913");
        assertThat(new ResidentIdNumber("110101199003079913").toString()).doesNotContain("19900307");
    }

    @Test
    void acceptsForeignPermanentResidentCards() {
        String body = "93310619880808887";
        ResidentIdNumber id = new ResidentIdNumber(body + ResidentIdNumber.checkCharacter(body));
        assertThat(id.foreignPermanentResident()).isTrue();
    }

    @Property
    void everyGeneratedNumberIsValidAndKeepsItsParts(@ForAll("validNumbers") String number) {
        ResidentIdNumber id = ResidentIdNumber.parse(number).orElseThrow();
        assertThat(id.value()).isEqualTo(number);
        assertThat(id.birthDate().toString().replace("-", "")).isEqualTo(number.substring(6, 14));
        assertThat(id.sex()).isEqualTo((number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    @Property
    void anySingleDigitChangeIsCaught(@ForAll("validNumbers") String number,
            @ForAll("positions") int position, @ForAll("digits") char digit) {
        char original = number.charAt(position);
        String changed = number.substring(0, position) + digit + number.substring(position + 1);
        if (digit != original) {
            // MOD 11-2 detects every single-character substitution; a changed date may also fail as DATE
            assertThat(ResidentIdNumber.parse(changed)).isEmpty();
        }
    }

    @Property
    void neverThrowsOnArbitraryText(@ForAll String text) {
        ResidentIdNumber.check(text);
        ResidentIdNumber.parse(text);
    }

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<String> area = Arbitraries.integers().between(110000, 659999).map(String::valueOf);
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 45000)
                .map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        Arbitrary<String> seq = Arbitraries.integers().between(0, 999).map(i -> String.format("%03d", i));
        return Combinators.combine(area, birth, seq).as((a, b, s) -> {
            String body = a + b.toString().replace("-", "") + s;
            return body + ResidentIdNumber.checkCharacter(body);
        });
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 16);
    }

    @Provide
    Arbitrary<Character> digits() {
        return Arbitraries.chars().range('0', '9');
    }
}
