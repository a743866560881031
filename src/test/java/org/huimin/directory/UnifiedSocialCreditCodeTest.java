package org.huimin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsPublishedCodes() {
        // codes printed on public business licences
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("91110000802100433B")).isTrue();
    }

    @Test
    void refusesWrongLengthAlphabetOrCheck() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100I000100Y43")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Property
    void generatedCodesValidateAndSingleChangesDoNot(@ForAll("bodies") String body,
            @ForAll("alphabet") char replacement, @ForAll("positions") int position) {
        String code = body + UnifiedSocialCreditCode.checkCharacter(body);
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        String changed = code.substring(0, position) + replacement + code.substring(position + 1);
        assertThat(UnifiedSocialCreditCode.isValid(changed)).isEqualTo(changed.equals(code));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().withChars(UnifiedSocialCreditCode.ALPHABET.toCharArray()).ofLength(17);
    }

    @Provide
    Arbitrary<Character> alphabet() {
        return Arbitraries.of(UnifiedSocialCreditCode.ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 17);
    }
}
