package org.huimin.identity.matching;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** The similarity functions behind {@link ComparatorKind}; every one returns a value in [0, 1], 1 for equal. */
final class Similarity {

    /** Same reading, different characters (丽/力): nearly an agreement. */
    static final double HOMOPHONE = 0.95;
    /** Score of one character position whose characters are homophones. */
    static final double HOMOPHONE_CHARACTER = 0.9;
    /** Score of one character position whose readings differ only by a fuzzy-pinyin confusion (jin/jing, zh/z). */
    static final double FUZZY_CHARACTER = 0.75;
    /** Names with Latin letters fall back to Jaro-Winkler on their pinyin, scaled by this. */
    static final double PINYIN_FALLBACK = 0.85;
    /** Dates whose day and month are swapped. */
    static final double DATE_SWAPPED = 0.9;
    /** Dates or numbers one substituted digit or one adjacent transposition apart. */
    static final double ONE_EDIT = 0.8;
    /** Numbers one inserted or deleted digit apart. */
    static final double ONE_INDEL = 0.7;
    /** Numbers two edits apart. */
    static final double TWO_EDITS = 0.5;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[3 * 33]);

    private Similarity() {
    }

    /**
     * Jaro-Winkler similarity (commons-text; prefix scale 0.1, boost above 0.7), with the arguments in a canonical
     * order: commons-text's greedy matching can differ by a hair when two strings of equal length swap places, and a
     * comparison must not depend on which record is on the left.
     */
    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        return a.compareTo(b) < 0 ? JARO_WINKLER.apply(a, b) : JARO_WINKLER.apply(b, a);
    }

    /**
     * Chinese-aware name similarity: 1 for the same characters, {@link #HOMOPHONE} for the same pinyin (丽 for 力,
     * or 张伟 against {@code zhang wei}). Otherwise, for names in Han characters, the characters are aligned in order
     * (position by position for names of equal length, else as a common subsequence) and each aligned pair scores 1
     * (same character), {@link #HOMOPHONE_CHARACTER} (same reading) or {@link #FUZZY_CHARACTER} (readings equal up
     * to fuzzy pinyin); the sum is divided by the longer name's length, so 王建国/王建图 scores 2/3 and 黄蓉/黄芳晶
     * 1/3. Names with Latin letters fall back to Jaro-Winkler on the pinyin, scaled by {@link #PINYIN_FALLBACK}.
     */
    static double name(FieldValue a, FieldValue b) {
        if (a.text.equals(b.text)) {
            return 1.0;
        }
        if (a.pinyin.equals(b.pinyin)) {
            return HOMOPHONE;
        }
        if (a.syllables == null || b.syllables == null) {
            return PINYIN_FALLBACK * jaroWinkler(a.pinyin, b.pinyin);
        }
        int la = a.syllables.length;
        int lb = b.syllables.length;
        double sum = 0;
        if (la == lb) {
            for (int i = 0; i < la; i++) {
                sum += character(a, i, b, i);
            }
        } else {
            // greedy in-order alignment of the shorter name into the longer one (names are a few characters long)
            FieldValue s = la < lb ? a : b;
            FieldValue l = la < lb ? b : a;
            int from = 0;
            for (int i = 0; i < s.syllables.length && from < l.syllables.length; i++) {
                for (int j = from; j < l.syllables.length; j++) {
                    double c = character(s, i, l, j);
                    if (c > 0) {
                        sum += c;
                        from = j + 1;
                        break;
                    }
                }
            }
        }
        return sum / Math.max(la, lb);
    }

    private static double character(FieldValue a, int i, FieldValue b, int j) {
        if (a.text.charAt(i) == b.text.charAt(j)) {
            return 1.0;
        }
        if (a.syllables[i].equals(b.syllables[j])) {
            return HOMOPHONE_CHARACTER;
        }
        return a.fuzzy[i].equals(b.fuzzy[j]) ? FUZZY_CHARACTER : 0.0;
    }

    /**
     * Dates as {@code yyyyMMdd}: 1 when equal, {@link #DATE_SWAPPED} when day and month are swapped,
     * {@link #ONE_EDIT} for one wrong digit or two adjacent digits transposed, else 0.
     */
    static double date(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() != 8 || b.length() != 8) {
            return 0.0;
        }
        if (a.regionMatches(0, b, 0, 4) && a.regionMatches(4, b, 6, 2) && a.regionMatches(6, b, 4, 2)) {
            return DATE_SWAPPED;
        }
        return sameLengthOneEdit(a, b) ? ONE_EDIT : 0.0;
    }

    /**
     * Digit strings: 1 when equal, {@link #ONE_EDIT} for one substitution or adjacent transposition,
     * {@link #ONE_INDEL} for one insertion or deletion, {@link #TWO_EDITS} for two edits (numbers of 5 or more
     * digits only), else 0.
     */
    static double digits(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == lb && sameLengthOneEdit(a, b)) {
            return ONE_EDIT;
        }
        if (Math.abs(la - lb) > 2) {
            return 0.0;
        }
        int d = editDistance(a, b, 2);
        if (d == 1) {
            return ONE_INDEL;
        }
        if (d == 2 && Math.min(la, lb) >= 5) {
            return TWO_EDITS;
        }
        return 0.0;
    }

    /** Whether two strings of equal length differ in exactly one position or by one adjacent transposition. */
    static boolean sameLengthOneEdit(String a, String b) {
        int n = a.length();
        if (n != b.length()) {
            return false;
        }
        int first = -1;
        int diffs = 0;
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (++diffs > 2) {
                    return false;
                }
                if (first < 0) {
                    first = i;
                } else if (i != first + 1) {
                    return false;
                }
            }
        }
        if (diffs == 1) {
            return true;
        }
        return diffs == 2 && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first);
    }

    /**
     * Optimal string alignment distance (Levenshtein plus adjacent transpositions), or {@code limit + 1} when it
     * exceeds {@code limit}. Uses a per-thread scratch buffer for short strings, so it does not allocate.
     */
    static int editDistance(String a, String b, int limit) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > limit) {
            return limit + 1;
        }
        int width = lb + 1;
        int[] rows = width * 3 <= 99 ? SCRATCH.get() : new int[width * 3];
        int prev2 = 0;
        int prev = width;
        int cur = 2 * width;
        for (int j = 0; j <= lb; j++) {
            rows[prev + j] = j;
        }
        for (int i = 1; i <= la; i++) {
            rows[cur] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1), rows[prev + j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, rows[prev2 + j - 2] + 1);
                }
                rows[cur + j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(rows[prev + lb], limit + 1);
    }
}
