package org.huimin.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginServiceTest {

    @Test
    void mistypedIdentifiersAreMaskedBeforeTheyReachTheAuditLog() {
        assertThat(LoginService.loggable("13812345678")).isEqualTo("138****5678");
        assertThat(LoginService.loggable("110101199003079913")).isEqualTo("110101********9913");
        assertThat(LoginService.loggable("doctor")).isEqualTo("doctor");
    }
}
