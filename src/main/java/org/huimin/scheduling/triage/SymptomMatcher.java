package org.huimin.scheduling.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huimin.scheduling.triage.Knowledge.Term;

/**
 * Finds the knowledge base's phrasings in free text: a longest-match scan over a character trie of all synonyms
 * (leftmost, longest first), where a phrase may be padded inside with filler words (头<u>有点</u>痛 matches 头痛),
 * then negation per mention (没有发烧), body temperatures (39.5度, 三十九度) and an age written in the text (3岁).
 * Spans index the caller's original text. Immutable and thread-safe.
 */
final class SymptomMatcher {

    /** Filler words skipped inside one phrase, at most this many times. */
    private static final int MAX_FILLERS = 2;
    private static final String CLAUSE_ENDS = "，,。；;！!？?\n\r：:（）()【】[]…|";

    private static final Pattern ARABIC_TEMPERATURE = Pattern.compile(
            "(?<![\\d.])(3[5-9]|4[0-3])(?:\\.(\\d))?\\s*(?:摄氏度|度|℃|°c|°)");
    private static final Pattern ARABIC_TEMPERATURE_AFTER_WORD = Pattern.compile(
            "(?:体温|烧到|烧至|高烧|发烧|发热)\\s*(?:是|有|达|到|达到|最高)?\\s*(3[5-9]|4[0-3])(?:\\.(\\d))?(?![\\d])");
    private static final Pattern CHINESE_TEMPERATURE = Pattern.compile(
            "(三十[五六七八九]|四十[一二三]?)(?:点([零一二三四五六七八九]))?度([一二三四五六七八九半])?");
    private static final Pattern AGE_YEARS = Pattern.compile("(?<![\\d.])(\\d{1,3})\\s*(?:周岁|岁)");
    private static final Pattern AGE_YEARS_CHINESE = Pattern.compile("([一二两三四五六七八九十百零]{1,5})(?:周岁|岁)");
    private static final Pattern AGE_MONTHS = Pattern.compile(
            "(?:\\d{1,2}|[一二两三四五六七八九十]{1,3}|半)\\s*个?月(?:大|的宝宝|的孩子|的婴儿|的小孩)|半岁|出生\\d{1,2}天");

    /** A phrase found in the text; {@code end} is exclusive. */
    record Mention(Term term, int start, int end, boolean negated) {
    }

    /** What a scan found: mentions in text order, the highest temperature and an age written in the text. */
    record Scan(List<Mention> mentions, Double temperature, int[] temperatureSpan, Integer age) {
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        Term term;
        boolean word;
    }

    private final Node phrases = new Node();
    private final Node fillers = new Node();
    private final Knowledge.Negation negation;
    private final List<String> strippable;
    private final Term fever;
    private final Term highFever;

    SymptomMatcher(Knowledge knowledge) {
        for (Term term : knowledge.terms()) {
            add(term.name().zh(), term);
            term.synonyms().forEach(s -> add(s, term));
        }
        for (String filler : knowledge.fillers()) {
            Node node = fillers;
            for (char c : normalise(filler).toCharArray()) {
                node = node.next.computeIfAbsent(c, k -> new Node());
            }
            node.word = true;
        }
        negation = knowledge.negation();
        List<String> strip = new ArrayList<>(negation.bridges());
        strip.addAll(knowledge.fillers());
        strip.sort(Comparator.comparingInt(String::length).reversed());
        strippable = List.copyOf(strip);
        fever = knowledge.term("fever");
        highFever = knowledge.term("high-fever");
    }

    private void add(String phrase, Term term) {
        String p = normalise(phrase).strip();
        if (p.isEmpty()) {
            return;
        }
        Node node = phrases;
        for (char c : p.toCharArray()) {
            node = node.next.computeIfAbsent(c, k -> new Node());
        }
        if (node.term == null) { // the first term that claims a phrase keeps it
            node.term = term;
        }
    }

    /**
     * Full-width ASCII to half-width, the ideographic space to a space, ASCII letters to lower case: one character for
     * one, so that spans stay valid in the original text.
     */
    static String normalise(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '\uFF01' && c[i] <= '\uFF5E') {
                c[i] = (char) (c[i] - 0xFEE0);
            } else if (c[i] == '\u3000') {
                c[i] = ' ';
            }
            if (c[i] >= 'A' && c[i] <= 'Z') {
                c[i] = (char) (c[i] + 32);
            }
        }
        return new String(c);
    }

    Scan scan(String original) {
        String text = normalise(original == null ? "" : original);
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int[] best = {-1};
            Term[] term = {null};
            longest(text, phrases, i, 0, 0, best, term);
            if (term[0] != null) {
                found.add(new Mention(term[0], i, best[0], false));
                i = best[0];
            } else {
                i++;
            }
        }
        Double temperature = null;
        int[] span = null;
        for (int[] t : temperatures(text)) {
            double value = t[0] / 10.0;
            if (temperature == null || value > temperature) {
                temperature = value;
                span = new int[] {t[1], t[2]};
            }
        }
        if (temperature != null) {
            Term implied = temperature >= 39.0 ? highFever : temperature >= 37.3 ? fever : null;
            int[] s = span;
            if (implied != null && found.stream().noneMatch(m -> m.start() < s[1] && s[0] < m.end())) {
                found.add(new Mention(implied, s[0], s[1], false));
                found.sort(Comparator.comparingInt(Mention::start));
            }
        }
        int[] clauseStarts = new int[text.length() + 1];
        for (int p = 1; p <= text.length(); p++) {
            clauseStarts[p] = clauseEnd(text, p - 1) ? p : clauseStarts[p - 1];
        }
        List<Mention> mentions = new ArrayList<>(found.size());
        Boolean[] negated = new Boolean[found.size()];
        for (int k = 0; k < found.size(); k++) {
            Mention m = found.get(k);
            mentions.add(new Mention(m.term(), m.start(), m.end(), negated(text, clauseStarts, found, k, negated)));
        }
        return new Scan(List.copyOf(mentions), temperature, span, age(text));
    }

    /** Depth-first longest match from {@code pos}; a phrase may skip filler words inside it, never at either end. */
    private void longest(String text, Node node, int pos, int depth, int skipped, int[] best, Term[] term) {
        if (pos >= text.length()) {
            return;
        }
        Node child = node.next.get(text.charAt(pos));
        if (child != null) {
            if (child.term != null && pos + 1 > best[0]) {
                best[0] = pos + 1;
                term[0] = child.term;
            }
            longest(text, child, pos + 1, depth + 1, skipped, best, term);
        }
        if (depth == 0 || skipped >= MAX_FILLERS) {
            return;
        }
        if (text.charAt(pos) == ' ') {
            longest(text, node, pos + 1, depth, skipped + 1, best, term);
            return;
        }
        Node f = fillers;
        for (int p = pos; p < text.length(); p++) {
            f = f.next.get(text.charAt(p));
            if (f == null) {
                break;
            }
            if (f.word) {
                longest(text, node, p + 1, depth, skipped + 1, best, term);
            }
        }
    }

    private boolean negated(String text, int[] clauseStarts, List<Mention> mentions, int k, Boolean[] memo) {
        if (memo[k] != null) {
            return memo[k];
        }
        Mention m = mentions.get(k);
        int clauseStart = clauseStarts[m.start()];
        boolean hasPrevious = k > 0 && mentions.get(k - 1).end() > clauseStart
                && mentions.get(k - 1).end() <= m.start();
        int gapStart = hasPrevious ? mentions.get(k - 1).end() : clauseStart;
        String gap = text.substring(gapStart, m.start());
        int cut = -1;
        for (String b : negation.scopeBreaks()) {
            int at = gap.lastIndexOf(b);
            if (at >= 0 && at + b.length() > cut) {
                cut = at + b.length();
            }
        }
        if (cut >= 0) {
            gap = gap.substring(cut);
            hasPrevious = false;
        }
        String g = stripTrailing(gap, strippable);
        boolean result;
        if (negation.questions().stream().anyMatch(g::endsWith)) {
            result = false;
        } else if (negation.cues().stream().anyMatch(g::endsWith)) {
            result = true;
        } else if (hasPrevious && stripTrailing(g, negation.connectors()).isBlank()) {
            result = negated(text, clauseStarts, mentions, k - 1, memo);
        } else {
            result = false;
        }
        memo[k] = result;
        return result;
    }

    private static String stripTrailing(String s, List<String> suffixes) {
        String g = s.stripTrailing();
        boolean changed = true;
        while (changed && !g.isEmpty()) {
            changed = false;
            for (String suffix : suffixes) {
                if (!suffix.isEmpty() && g.endsWith(suffix)) {
                    g = g.substring(0, g.length() - suffix.length()).stripTrailing();
                    changed = true;
                    break;
                }
            }
        }
        return g;
    }

    private static boolean clauseEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '.') { // a decimal point is not the end of a sentence
            return !(i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1)));
        }
        return CLAUSE_ENDS.indexOf(c) >= 0;
    }

    /** Temperatures in tenths of a degree with their spans: {tenths, start, end}. */
    private static List<int[]> temperatures(String text) {
        List<int[]> out = new ArrayList<>();
        for (Pattern p : List.of(ARABIC_TEMPERATURE, ARABIC_TEMPERATURE_AFTER_WORD)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int tenths = Integer.parseInt(m.group(1)) * 10 + (m.group(2) == null ? 0 : m.group(2).charAt(0) - '0');
                out.add(new int[] {tenths, m.start(1), m.end()});
            }
        }
        Matcher m = CHINESE_TEMPERATURE.matcher(text);
        while (m.find()) {
            Integer whole = chineseNumber(m.group(1));
            String fraction = m.group(2) != null ? m.group(2) : m.group(3);
            int tenths = whole == null ? 0 : whole * 10;
            if (fraction != null) {
                tenths += "半".equals(fraction) ? 5 : "零一二三四五六七八九".indexOf(fraction);
            }
            if (tenths > 0) {
                out.add(new int[] {tenths, m.start(), m.end()});
            }
        }
        return out;
    }

    private static Integer age(String text) {
        Integer years = null;
        int at = Integer.MAX_VALUE;
        Matcher m = AGE_YEARS.matcher(text);
        if (m.find()) {
            years = Integer.parseInt(m.group(1));
            at = m.start();
        }
        m = AGE_YEARS_CHINESE.matcher(text);
        if (m.find() && m.start() < at) {
            Integer value = chineseNumber(m.group(1));
            if (value != null) {
                years = value;
                at = m.start();
            }
        }
        m = AGE_MONTHS.matcher(text);
        if (m.find() && m.start() < at) {
            years = 0;
        }
        return years != null && years <= 130 ? years : null;
    }

    /** A Chinese numeral below a thousand (三十九, 十三, 两, 一百零五), or {@code null}. */
    static Integer chineseNumber(String s) {
        String digits = "零一二三四五六七八九";
        int total = 0;
        int current = 0;
        boolean any = false;
        for (char c : s.toCharArray()) {
            int d = c == '两' ? 2 : digits.indexOf(c);
            if (d >= 0) {
                current = d;
                any = true;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
                any = true;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
                any = true;
            } else {
                return null;
            }
        }
        return any ? total + current : null;
    }
}
