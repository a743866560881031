package org.huimin.identity;

import java.util.Set;
import java.util.UUID;

/** Family proxies (代办) for other modules: may this resident act for that one, and with what permissions? */
public interface Proxies {

    /** True when {@code agent} holds an ACTIVE proxy for {@code principal} that includes {@code permission}. */
    boolean mayActFor(UUID agent, UUID principal, ProxyPermission permission);

    /**
     * Binds a proxy that staff have verified in person (at a window): ACTIVE at once. Returns the binding's id;
     * fails with 409 when the pair is already bound and 422 when the agent has reached the limit.
     */
    UUID bindVerified(UUID agent, UUID principal, Relation relation, Set<ProxyPermission> permissions);

    /** The permissions of the ACTIVE proxy, empty when there is none. */
    Set<ProxyPermission> permissions(UUID agent, UUID principal);
}
