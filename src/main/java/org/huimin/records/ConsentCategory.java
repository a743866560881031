package org.huimin.records;

import java.util.Set;

/**
 * Sensitivity categories that a consent shares. {@code GENERAL} is everything not classified as sensitive; the others
 * are shared only when a consent names them.
 */
public enum ConsentCategory {
    GENERAL, MENTAL_HEALTH, REPRODUCTIVE_HEALTH, HIV;

    /** What a consent without categories shares: everything except the sensitive categories. */
    public static final Set<ConsentCategory> DEFAULT = Set.of(GENERAL);
}
