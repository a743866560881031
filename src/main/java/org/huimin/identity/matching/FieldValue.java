package org.huimin.identity.matching;

/**
 * A field value prepared once per record for comparison: the normalised text and, for names, the pinyin forms, so
 * that comparing two records allocates nothing.
 */
final class FieldValue {

    /** The normalised text, never empty. */
    final String text;
    /** Pinyin without separators ({@link ComparatorKind#PINYIN_NAME} only, else {@literal null}). */
    final String pinyin;
    /** One reading per character when the text is all Han characters, else {@literal null}. */
    final String[] syllables;
    /** {@link #syllables} folded by the common fuzzy-pinyin confusions (zh/z, ing/in, n/l …). */
    final String[] fuzzy;

    FieldValue(String text) {
        this(text, null, null, null);
    }

    FieldValue(String text, String pinyin, String[] syllables, String[] fuzzy) {
        this.text = text;
        this.pinyin = pinyin;
        this.syllables = syllables;
        this.fuzzy = fuzzy;
    }
}
