package org.huimin.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class FirewallCharactersTest {

    @Property(tries = 3000)
    void headerNamesAndParametersFollowTheFirewallsOwnRule(@ForAll("texts") String s) {
        assertThat(FirewallCharacters.ASSIGNED_NOT_CONTROL.test(s)).as(s)
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(s))
                .isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(s));
    }

    @Property(tries = 3000)
    void headerValuesFollowTheFirewallsOwnRule(@ForAll("texts") String s) {
        assertThat(FirewallCharacters.HEADER_VALUE.test(s)).as(s)
                .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s));
    }

    @Provide
    Arbitrary<String> texts() {
        // printable ASCII, Chinese, the tab and other controls, unassigned code points, lone and paired surrogates
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\u4e00', '\u9fa5')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u007f', '\u00a0')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('\u0378', '\u0379', '\u2028', '\u2029', '\ufffe', '\uffff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\ud800', '\udfff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars()));
        return chars.list().ofMaxSize(12).map(list -> {
            StringBuilder b = new StringBuilder();
            list.forEach(b::append);
            return b.toString();
        });
    }

    @Test
    void theConfiguredFirewallStillRejectsControlCharacters() {
        StrictHttpFirewall firewall = FirewallCharacters.firewall();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/slots");
        request.addHeader("X-Note", "bad\u0007value");
        request.addHeader("X-Tab", "a\tb");
        request.setParameter("department", "03");
        request.setParameter("note", "any\u0007value"); // parameter values: anything, as by default
        var checked = firewall.getFirewalledRequest(request);
        assertThat(checked.getHeader("X-Tab")).isEqualTo("a\tb");
        assertThat(checked.getParameter("department")).isEqualTo("03");
        assertThat(checked.getParameter("note")).isEqualTo("any\u0007value");
        assertThatThrownBy(() -> checked.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }
}
