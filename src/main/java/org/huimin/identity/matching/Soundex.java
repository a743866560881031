package org.huimin.identity.matching;

/** American Soundex (a letter and three digits) of the ASCII letters of a value; {@literal null} without any. */
final class Soundex {

    //                                     abcdefghijklmnopqrstuvwxyz
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {
    }

    static String encode(String value) {
        char[] out = new char[4];
        int n = 0;
        char last = 0;
        for (int i = 0; i < value.length() && n < 4; i++) {
            char c = Character.toLowerCase(value.charAt(i));
            if (c < 'a' || c > 'z') {
                continue;
            }
            char code = CODES.charAt(c - 'a');
            if (n == 0) {
                out[n++] = c;
                last = code;
            } else if (code != '0' && code != last) {
                out[n++] = code;
                last = code;
            } else if (c != 'h' && c != 'w') {
                last = code; // a vowel separates equal codes; h and w do not
            }
        }
        if (n == 0) {
            return null;
        }
        while (n < 4) {
            out[n++] = '0';
        }
        return new String(out);
    }
}
