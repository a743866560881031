package org.huimin.identity.matching;

import java.util.concurrent.atomic.AtomicReferenceArray;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless lower-case Hanyu Pinyin of Chinese characters through pinyin4j, cached per character. A polyphone gets
 * its first reading (单 → dan, 曾 → ceng): consistent on both sides of a comparison, which is all matching needs;
 * {@code ü} is written {@code v}. Characters without a reading (Latin letters, digits, punctuation) have none and
 * pass through at the call sites.
 */
final class Pinyin {

    private static final char FIRST = '\u3007'; // 〇, then the CJK blocks up to the end of the BMP ideographs
    private static final char LAST = '\u9FFF';
    private static final String NONE = "";
    private static final AtomicReferenceArray<String> CACHE = new AtomicReferenceArray<>(LAST - FIRST + 1);
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /** Whether the character is a CJK ideograph with a pinyin reading. */
    static boolean isHan(char c) {
        return c >= FIRST && c <= LAST && !of(c).isEmpty();
    }

    /** The first toneless reading of a character, or the empty string when it has none. */
    static String of(char c) {
        if (c < FIRST || c > LAST) {
            return NONE;
        }
        int i = c - FIRST;
        String cached = CACHE.get(i);
        if (cached == null) {
            cached = lookUp(c);
            CACHE.set(i, cached); // benign race: every thread computes the same immutable value
        }
        return cached;
    }

    private static String lookUp(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? NONE : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The pinyin of a text without separators: Han characters become their reading, ASCII letters and digits are
     * kept lower-cased, everything else (spaces, punctuation) is dropped. {@code 张 San} → {@code zhangsan}.
     */
    static String spell(String text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String reading = of(c);
            if (!reading.isEmpty()) {
                out.append(reading);
            } else if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /**
     * The initials of a text: the first letter of each Han character's reading and of each run of ASCII letters or
     * digits. {@code 张三丰} → {@code zsf}, {@code Zhang San} → {@code zs}.
     */
    static String initials(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String reading = of(c);
            if (!reading.isEmpty()) {
                out.append(reading.charAt(0));
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    out.append(Character.toLowerCase(c));
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return out.toString();
    }
}
