package org.huimin.account.internal;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The characters Spring Security's {@link StrictHttpFirewall} allows in header names and values and in parameter
 * names, checked by a loop over the code points instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for header values also the tab). Parameter values keep the
 * firewall's default (anything). The firewall asks for every header and parameter the application reads, so the
 * matcher it allocated each time was a visible share of a busy server's work; the rules are the same
 * (property-tested against the firewall's own predicates).
 */
final class FirewallCharacters {

    /** Assigned and not a control character: header and parameter names. */
    static final Predicate<String> ASSIGNED_NOT_CONTROL = s -> allowed(s, false);

    /** The same, and the horizontal tab: header values. */
    static final Predicate<String> HEADER_VALUE = s -> allowed(s, true);

    private FirewallCharacters() {
    }

    /** The strict firewall with these predicates in place of its regular expressions. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(ASSIGNED_NOT_CONTROL);
        firewall.setAllowedHeaderValues(HEADER_VALUE);
        firewall.setAllowedParameterNames(ASSIGNED_NOT_CONTROL);
        return firewall;
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            // printable ASCII, the common case, needs no lookup
            if (cp < 0x20 || cp >= 0x7f) {
                int type = Character.getType(cp);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && cp == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
