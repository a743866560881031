package org.huimin.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;

import org.huimin.shared.privacy.PersonalDataCipher;
import org.huimin.shared.privacy.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTest {

    @TempDir
    Path dir;

    private PersonalDataCipher cipher(String key) {
        return new PersonalDataCipher(new Secrets(dir.toString()), key, "");
    }

    @Test
    void roundTripsWithAFreshIvEachTime() {
        PersonalDataCipher c = cipher("");
        String a = c.encrypt("110101199003079913");
        String b = c.encrypt("110101199003079913");
        assertThat(a).isNotEqualTo(b).doesNotContain("19900307");
        assertThat(c.decrypt(a)).isEqualTo("110101199003079913");
        assertThat(c.blindIndex("13812345678")).isEqualTo(c.blindIndex("13812345678")).hasSize(64);
    }

    @Test
    void generatedKeysPersistAcrossRestarts() {
        String sealed = cipher("").encrypt("13812345678");
        assertThat(cipher("").decrypt(sealed)).isEqualTo("13812345678");
    }

    @Test
    void detectsTamperingAndWrongKeys() {
        PersonalDataCipher c = cipher("");
        String sealed = c.encrypt("13812345678");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> c.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> cipher(otherKey).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
