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

    @Test
    void pooledInstancesStayCorrectUnderConcurrencyAndAfterAFailure() throws Exception {
        PersonalDataCipher c = cipher("");
        String sealed = c.encrypt("13812345678");
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.charAt(sealed.length() - 3) == 'A' ? 'B'
                : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> c.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThat(c.decrypt(sealed)).as("the next decryption after a failed one").isEqualTo("13812345678");

        String index = c.blindIndex("110101199003079913");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 8; t++) {
                int n = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String plain = "居民" + n + "-" + i;
                        if (!plain.equals(c.decrypt(c.encrypt(plain)))
                                || !index.equals(c.blindIndex("110101199003079913"))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
