package org.huimin.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksAsFactsSay() {
        assertThat(Masking.idNumber("110101199003079913")).isEqualTo("110101********9913");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
    }

    @Test
    void shortOrMissingValuesNeverLeak() {
        assertThat(Masking.idNumber("12345")).isEqualTo("*****");
        assertThat(Masking.phone("12345")).isEqualTo("*****");
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.name("")).isEmpty();
    }
}
