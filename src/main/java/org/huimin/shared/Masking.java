package org.huimin.shared;

/** Display masks for personal identifiers (FACTS.md §1): never show them whole where they are not needed. */
public final class Masking {

    private Masking() {
    }

    /** {@code 110101199003079913} → {@code 110101********9913}: keeps the first 6 and the last 4 characters. */
    public static String idNumber(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= 10) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String phone(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() < 7) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** {@code 张三丰} → {@code 张**}: keeps the first character (the family name in most Chinese names). */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int first = value.offsetByCodePoints(0, 1);
        return value.substring(0, first) + "*".repeat(value.codePointCount(first, value.length()));
    }
}
