package org.huimin.identity.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A blocking key: records are only compared with records that share at least one key value. A key is one or more
 * parts joined by {@code +}, each a {@link Transform} of a field, written like
 * {@code pinyin-initials(name)+year(birthDate)}, {@code soundex(surname)+postcode}, {@code first3(address_1)},
 * {@code last4(phone)} or just a field name (its normalised value). A record for which any part is empty has no
 * value for that key.
 *
 * <p>Parts see the field's value as normalised by the field's comparator when the field has a {@link FieldRule}
 * (so {@code birthDate} blocks {@code 1990-5-3} with {@code 19900503}, {@code phone} ignores {@code +86}), else
 * trimmed and lower-cased.
 *
 * @param parts the parts, at least one
 */
public record BlockingKey(List<Part> parts) {

    private static final Pattern PART = Pattern.compile("([a-z-]+?)(\\d*)\\(\\s*([^()\\s]+)\\s*\\)|([^()+\\s]+)",
            Pattern.CASE_INSENSITIVE);

    public BlockingKey {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a blocking key needs at least one part");
        }
        parts = List.copyOf(parts);
    }

    /**
     * Parses a key such as {@code pinyin-initials(name)+year(birthDate)}.
     *
     * @throws IllegalArgumentException when the text is not a valid key
     */
    public static BlockingKey parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("blank blocking key");
        }
        List<Part> parts = new ArrayList<>();
        for (String piece : spec.split("\\+", -1)) {
            Matcher m = PART.matcher(piece.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid blocking key part '" + piece.strip() + "' in " + spec);
            }
            if (m.group(4) != null) {
                parts.add(new Part(Transform.EXACT, m.group(4), 0));
                continue;
            }
            Transform transform = Transform.byName(m.group(1), spec);
            int length = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
            if ((transform == Transform.FIRST || transform == Transform.LAST) != (length > 0)) {
                throw new IllegalArgumentException("first/last need a length (first3(x)) and nothing else does: "
                        + spec);
            }
            parts.add(new Part(transform, m.group(3), length));
        }
        return new BlockingKey(parts);
    }

    /** The key in the syntax {@link #parse} reads. */
    public String spec() {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (out.length() > 0) {
                out.append('+');
            }
            out.append(part.spec());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return spec();
    }

    /**
     * One part of a key.
     *
     * @param transform what to take of the value
     * @param field the field name
     * @param length the length for {@link Transform#FIRST} and {@link Transform#LAST}, else 0
     */
    public record Part(Transform transform, String field, int length) {

        public Part {
            Objects.requireNonNull(transform, "transform");
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("field must not be blank");
            }
        }

        String spec() {
            if (transform == Transform.EXACT) {
                return field;
            }
            return transform.label + (length > 0 ? Integer.toString(length) : "") + "(" + field + ")";
        }

        /** The part's value of a normalised field value, or {@literal null} when empty. */
        String apply(String value) {
            if (value == null) {
                return null;
            }
            String out = transform.apply(value, length);
            return out == null || out.isEmpty() ? null : out;
        }
    }

    /** What a key part takes of a field value. */
    public enum Transform {
        /** The normalised value. */
        EXACT("exact"),
        /** The first N characters ({@code first3(surname)}). */
        FIRST("first"),
        /** The last N characters ({@code last4(phone)}). */
        LAST("last"),
        /** American Soundex of the Latin letters ({@code s530}). */
        SOUNDEX("soundex"),
        /** Toneless pinyin of Chinese characters, Latin letters kept ({@code 张伟} → {@code zhangwei}). */
        PINYIN("pinyin"),
        /** First letter of each syllable or word ({@code 张伟} → {@code zw}). */
        PINYIN_INITIALS("pinyin-initials"),
        /** The year of a date. */
        YEAR("year"),
        /** Digits only. */
        DIGITS("digits");

        private final String label;

        Transform(String label) {
            this.label = label;
        }

        static Transform byName(String name, String spec) {
            String n = name.toLowerCase(Locale.ROOT);
            for (Transform t : values()) {
                if (t.label.equals(n) || t.name().equalsIgnoreCase(n.replace('-', '_'))) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown blocking transform '" + name + "' in " + spec);
        }

        String apply(String v, int length) {
            switch (this) {
                case EXACT:
                    return v;
                case FIRST:
                    return v.codePointCount(0, v.length()) <= length
                            ? v : v.substring(0, v.offsetByCodePoints(0, length));
                case LAST:
                    return v.length() <= length ? v : v.substring(v.length() - length);
                case SOUNDEX:
                    return Soundex.encode(v);
                case PINYIN:
                    return Pinyin.spell(v);
                case PINYIN_INITIALS:
                    return Pinyin.initials(v);
                case YEAR: {
                    String d = Text.date(v);
                    return d != null && d.length() >= 4 ? d.substring(0, 4) : null;
                }
                case DIGITS:
                    return Text.digits(v);
                default:
                    throw new IllegalStateException(name());
            }
        }
    }
}
