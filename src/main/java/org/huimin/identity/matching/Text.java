package org.huimin.identity.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalisation of raw field values; every method returns {@literal null} for a value that is missing after it. */
final class Text {

    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d+");
    // province, prefecture and county prefixes of a Chinese address: 云南省曲靖市富源县… (社区, 小区 are no districts)
    private static final Pattern ADDRESS_PREFIX = Pattern.compile(
            "^(?:[^省]{2,6}省)?(?:[^市州]{2,6}(?:市|自治州|州))?(?:[^县区]{1,5}(?:县|(?<![社小园街])区))?");
    private static final String[] ADDRESS_DROPPED = {"街道办事处", "办事处", "街道", "村民委员会", "村委会",
        "居民委员会", "居委会", "社区", "镇", "乡", "村"};
    private static final String[] ADDRESS_SEPARATORS = {"单元", "号", "组", "栋", "幢", "楼", "室", "#"};

    private Text() {
    }

    /** NFKC (full-width → ASCII), lower case, trimmed, inner whitespace collapsed to one space. */
    static String basic(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #basic} keeping only letters and digits (no spaces, hyphens or dots). */
    static String compact(String raw) {
        String s = basic(raw);
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** The ASCII digits of a value (after NFKC, so full-width digits count). */
    static String digits(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** Digits without the country code 86 of Chinese numbers ({@code +86 138…}, {@code 0086 138…}). */
    static String phone(String raw) {
        String d = digits(raw);
        if (d == null) {
            return null;
        }
        if (d.startsWith("0086") && d.length() > 12) {
            return d.substring(4);
        }
        if (d.startsWith("86") && d.length() == 13) {
            return d.substring(2);
        }
        return d;
    }

    /**
     * A date as {@code yyyyMMdd}: accepts {@code 1990-05-03}, {@code 1990/5/3}, {@code 1990年5月3日},
     * {@code 19900503}, a trailing time, and day-first {@code 3/5/1990}. Anything else keeps its digits as they are, so
     * that it still compares equal to the same malformed value.
     */
    static String date(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = DIGIT_GROUPS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC));
        String[] groups = new String[3];
        int n = 0;
        StringBuilder all = new StringBuilder(8);
        while (m.find()) {
            if (n < 3) {
                groups[n] = m.group();
            }
            n++;
            all.append(m.group());
        }
        if (n == 0) {
            return null;
        }
        if (n >= 3) {
            String y;
            String mo;
            String d;
            if (groups[0].length() == 4) {
                y = groups[0];
                mo = groups[1];
                d = groups[2];
            } else if (groups[2].length() == 4) {
                y = groups[2];
                mo = groups[1];
                d = groups[0];
            } else {
                return all.toString();
            }
            if (mo.length() <= 2 && d.length() <= 2) {
                return y + (mo.length() == 1 ? "0" : "") + mo + (d.length() == 1 ? "0" : "") + d;
            }
        }
        return all.toString();
    }

    /** {@code m} or {@code f}; unknown, unstated and other values count as missing. */
    static String sex(String raw) {
        String s = basic(raw);
        if (s == null) {
            return null;
        }
        switch (s) {
            case "m", "male", "man", "男", "男性", "1":
                return "m";
            case "f", "female", "woman", "女", "女性", "2":
                return "f";
            default:
                return null;
        }
    }

    /**
     * A Chinese address reduced to what survives abbreviation: no province/prefecture/county prefix, no
     * 街道/镇/乡/村/社区 words, and 号/组/栋/单元/室 turned into {@code -} ({@code 3栋2单元501室} → {@code 3-2-501}).
     * Latin text is lower-cased with spaces and punctuation removed.
     */
    static String address(String raw) {
        String s = basic(raw);
        if (s == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '#') {
                kept.append(c);
            } else if (c == '-' || c == '—' || c == '－' || c == '/') {
                kept.append('-');
            }
        }
        String t = kept.toString();
        Matcher prefix = ADDRESS_PREFIX.matcher(t);
        if (prefix.find() && prefix.end() < t.length()) {
            t = t.substring(prefix.end());
        }
        for (String word : ADDRESS_DROPPED) {
            t = t.replace(word, "");
        }
        for (String separator : ADDRESS_SEPARATORS) {
            t = t.replace(separator, "-");
        }
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-' && (out.length() == 0 || out.charAt(out.length() - 1) == '-')) {
                continue;
            }
            out.append(c);
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * A name in lower case without punctuation (间隔号 · included); spaces are kept only between two Latin letters
     * ({@code Zhang San} stays two words, {@code 张 三} becomes {@code 张三}).
     */
    static String name(String raw) {
        String s = basic(raw);
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else if (out.length() > 0 && isAsciiLetter(out.charAt(out.length() - 1))) {
                int j = i + 1;
                while (j < s.length() && !Character.isLetterOrDigit(s.charAt(j))) {
                    j++;
                }
                if (j < s.length() && isAsciiLetter(s.charAt(j))) {
                    out.append(' ');
                    i = j - 1;
                }
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
