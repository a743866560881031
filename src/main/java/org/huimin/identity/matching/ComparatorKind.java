package org.huimin.identity.matching;

/**
 * How one field is normalised and compared. Each kind maps a pair of present values to a similarity in [0, 1] that
 * the field's {@link FieldRule} turns into a weight; a missing value on either side contributes nothing.
 */
public enum ComparatorKind {

    /** Equal after trimming, NFKC and lower-casing, else 0. */
    EXACT {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.basic(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return a.text.equals(b.text) ? 1.0 : 0.0;
        }
    },

    /** An identifier such as an ID number: exact after dropping spaces, hyphens and case. */
    IDENTIFIER {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.compact(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return a.text.equals(b.text) ? 1.0 : 0.0;
        }
    },

    /** Jaro-Winkler similarity (Apache Commons Text) of the trimmed, lower-cased text. */
    JARO_WINKLER {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.basic(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return Similarity.jaroWinkler(a.text, b.text);
        }
    },

    /**
     * A personal name in Chinese characters or pinyin: same characters 1, same pinyin (homophones such as 丽/力, or
     * 张伟 against {@code Zhang Wei}) 0.95, otherwise a per-character score that credits homophones and fuzzy-pinyin
     * confusions (jin/jing, zh/z, n/l) over the longer name's length, or Jaro-Winkler on the pinyin for Latin text.
     */
    PINYIN_NAME {
        @Override
        FieldValue prepare(String raw) {
            String text = Text.name(raw);
            if (text == null) {
                return null;
            }
            String pinyin = Pinyin.spell(text);
            String[] syllables = new String[text.length()];
            String[] fuzzy = new String[text.length()];
            for (int i = 0; i < text.length(); i++) {
                String reading = Pinyin.of(text.charAt(i));
                if (reading.isEmpty()) {
                    syllables = null;
                    fuzzy = null;
                    break;
                }
                syllables[i] = reading;
                fuzzy[i] = fuzzyPinyin(reading);
            }
            return new FieldValue(text, pinyin.isEmpty() ? text : pinyin, syllables, fuzzy);
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return Similarity.name(a, b);
        }
    },

    /**
     * A date compared as {@code yyyyMMdd}: equal 1, day and month swapped 0.9, one wrong digit or two adjacent digits
     * transposed 0.8, else 0.
     */
    DATE {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.date(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return Similarity.date(a.text, b.text);
        }
    },

    /**
     * A number compared on its digits: equal 1, one substitution or transposition 0.8, one digit inserted or
     * dropped 0.7, two edits 0.5 (5 digits or more), else 0.
     */
    NUMERIC {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.digits(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return Similarity.digits(a.text, b.text);
        }
    },

    /** A phone number: {@link #NUMERIC} after dropping the country code 86. */
    PHONE {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.phone(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return Similarity.digits(a.text, b.text);
        }
    },

    /**
     * A Chinese (or any) address: Jaro-Winkler after reducing both sides to what survives abbreviation (no
     * province/prefecture/county prefix, no 街道/镇/乡/村/社区, 号/组/栋/单元/室 as separators).
     */
    ADDRESS {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.address(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return Similarity.jaroWinkler(a.text, b.text);
        }
    },

    /** Sex ({@code M}/{@code F}, 男/女, 1/2): equal or not; unknown values count as missing. */
    SEX {
        @Override
        FieldValue prepare(String raw) {
            return wrap(Text.sex(raw));
        }

        @Override
        double similarity(FieldValue a, FieldValue b) {
            return a.text.equals(b.text) ? 1.0 : 0.0;
        }
    };

    /** Normalises a raw value once per record; {@literal null} when missing after normalisation. */
    abstract FieldValue prepare(String raw);

    /** The similarity of two prepared values in [0, 1]. */
    abstract double similarity(FieldValue a, FieldValue b);

    /** The normalised text of a raw value as this kind sees it, or {@literal null} when missing. */
    String normalise(String raw) {
        FieldValue value = prepare(raw);
        return value == null ? null : value.text;
    }

    private static FieldValue wrap(String text) {
        return text == null ? null : new FieldValue(text);
    }

    /** Folds the confusions of southern Mandarin: zh/ch/sh → z/c/s, initial n → l, -ang/-eng/-ing → -an/-en/-in. */
    static String fuzzyPinyin(String syllable) {
        String s = syllable;
        if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
            s = s.charAt(0) + s.substring(2);
        } else if (s.startsWith("n") && s.length() > 1) {
            s = "l" + s.substring(1);
        }
        if (s.endsWith("ng") && s.length() > 3 && "aei".indexOf(s.charAt(s.length() - 3)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
