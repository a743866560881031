package org.huimin.scheduling.triage;

import java.util.Locale;

/**
 * A short text in Simplified Chinese and English, as the knowledge base carries it. {@code zh} must not be blank;
 * a missing {@code en} falls back to {@code zh}.
 */
public record Text(String zh, String en) {

    public Text {
        if (zh == null || zh.isBlank()) {
            throw new IllegalArgumentException("zh must not be blank");
        }
        en = en == null || en.isBlank() ? null : en;
    }

    public static Text of(String zh) {
        return new Text(zh, null);
    }

    /** The text in {@code locale}: English for any English locale, Chinese otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null ? en : zh;
    }
}
