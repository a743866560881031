package org.huimin.identity.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Probabilistic record linkage (Fellegi–Sunter) of person records under {@link MatchRules}: compares two records,
 * ranks candidates for a probe, and deduplicates a list with blocking. Plain Java, immutable and thread-safe; build
 * one per rule set and reuse it.
 *
 * <p>Each record's values are normalised once (pinyin included) before it is compared with anything; comparing two
 * prepared records allocates nothing in the engine itself (Commons Text's Jaro-Winkler allocates a few small arrays
 * per call). {@link #deduplicate} runs on the calling thread.
 */
public final class MatchEngine {

    private static final Comparator<MatchedPair> BEST_FIRST = Comparator.comparingDouble(MatchedPair::score)
            .reversed();

    private final MatchRules rules;
    private final String[] names;
    private final ComparatorKind[] kinds;
    private final double[] agreement;
    private final double[] disagreement;
    private final double[] threshold;
    private final int[] decisive;
    private final BlockingKey[] keys;
    private final int[][] keyFieldIndex;

    /**
     * An engine for the given rules.
     *
     * @param rules must not be {@literal null}
     */
    public MatchEngine(MatchRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        int n = rules.fields().size();
        names = new String[n];
        kinds = new ComparatorKind[n];
        agreement = new double[n];
        disagreement = new double[n];
        threshold = new double[n];
        List<Integer> decisiveFields = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            FieldRule rule = rules.fields().get(i);
            names[i] = rule.field();
            kinds[i] = rule.comparator();
            agreement[i] = rule.agreementWeight();
            disagreement[i] = rule.disagreementWeight();
            threshold[i] = rule.partialThreshold();
            if (rule.decisive()) {
                decisiveFields.add(i);
            }
            index.put(rule.field(), i);
        }
        decisive = decisiveFields.stream().mapToInt(Integer::intValue).toArray();
        keys = rules.blockingKeys().toArray(new BlockingKey[0]);
        keyFieldIndex = new int[keys.length][];
        for (int k = 0; k < keys.length; k++) {
            List<BlockingKey.Part> parts = keys[k].parts();
            keyFieldIndex[k] = new int[parts.size()];
            for (int p = 0; p < parts.size(); p++) {
                keyFieldIndex[k][p] = index.getOrDefault(parts.get(p).field(), -1);
            }
        }
    }

    /** The rules this engine applies. */
    public MatchRules rules() {
        return rules;
    }

    /**
     * Compares two records field by field.
     *
     * @param left must not be {@literal null}
     * @param right must not be {@literal null}
     * @return the score, the outcome and each field's contribution
     */
    public MatchResult compare(PersonRecord left, PersonRecord right) {
        return compare(prepare(left), prepare(right));
    }

    /**
     * Compares a probe with candidates (for example the residents a database query found by blocking key, see
     * {@link #blockingKeys}) and returns those scoring at least the possible-match threshold, best first.
     *
     * @param probe the incoming record, must not be {@literal null}
     * @param candidates the records to compare it with, must not be {@literal null}
     * @return the {@code MATCH} and {@code POSSIBLE_MATCH} candidates, highest score first
     */
    public List<Candidate> match(PersonRecord probe, Collection<PersonRecord> candidates) {
        Prepared p = prepare(probe);
        List<Candidate> found = new ArrayList<>();
        for (PersonRecord candidate : candidates) {
            Prepared c = prepare(candidate);
            double score = score(p, c);
            if (score >= rules.possibleThreshold() || decisiveAgreement(p, c)) {
                found.add(new Candidate(candidate, compare(p, c)));
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return found;
    }

    /**
     * Finds the duplicates in a list: compares every pair of records that share a value of at least one blocking
     * key (each pair once, however many keys it shares; blocks larger than {@link MatchRules#maxBlockSize()} are
     * skipped) and keeps the pairs at or above the possible-match threshold. No transitive closure is taken.
     *
     * @param records the records, must not be {@literal null}
     * @return the pairs found, best first, and the number of comparisons made
     */
    public LinkageRun deduplicate(List<PersonRecord> records) {
        int n = records.size();
        Prepared[] prepared = new Prepared[n];
        for (int i = 0; i < n; i++) {
            prepared[i] = prepare(records.get(i));
        }
        List<Set<String>> skipped = new ArrayList<>(keys.length);
        List<MatchedPair> pairs = new ArrayList<>();
        long comparisons = 0;
        int max = rules.maxBlockSize() == 0 ? Integer.MAX_VALUE : rules.maxBlockSize();
        for (int k = 0; k < keys.length; k++) {
            Map<String, IntList> blocks = new HashMap<>(Math.max(16, n * 2));
            for (int i = 0; i < n; i++) {
                String key = prepared[i].keys[k];
                if (key != null) {
                    blocks.computeIfAbsent(key, x -> new IntList()).add(i);
                }
            }
            Set<String> tooLarge = new HashSet<>();
            skipped.add(tooLarge);
            for (Map.Entry<String, IntList> block : blocks.entrySet()) {
                IntList members = block.getValue();
                if (members.size > max) {
                    tooLarge.add(block.getKey());
                    continue;
                }
                for (int x = 0; x < members.size; x++) {
                    Prepared a = prepared[members.values[x]];
                    for (int y = x + 1; y < members.size; y++) {
                        Prepared b = prepared[members.values[y]];
                        if (comparedBefore(a, b, k, skipped)) {
                            continue;
                        }
                        comparisons++;
                        double score = score(a, b);
                        MatchOutcome outcome = outcome(a, b, score);
                        if (outcome != MatchOutcome.NO_MATCH) {
                            pairs.add(new MatchedPair(records.get(members.values[x]), records.get(members.values[y]),
                                    score, outcome));
                        }
                    }
                }
            }
        }
        pairs.sort(BEST_FIRST);
        return new LinkageRun(n, comparisons, pairs);
    }

    /**
     * The blocking key values of a record, one per key that has a value, each prefixed with the key's position in
     * the rules ({@code 0:zw|1990}, {@code 2:13812345678}). Store them with a resident to find candidates for
     * {@link #match} by equality; they change when the rules' blocking keys change.
     */
    public List<String> blockingKeys(PersonRecord record) {
        Prepared p = prepare(record);
        List<String> out = new ArrayList<>(keys.length);
        for (int k = 0; k < keys.length; k++) {
            if (p.keys[k] != null) {
                out.add(k + ":" + p.keys[k]);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A record with its values normalised and its blocking key values computed. */
    static final class Prepared {
        final PersonRecord record;
        final FieldValue[] values;
        final String[] keys;

        Prepared(PersonRecord record, FieldValue[] values, String[] keys) {
            this.record = record;
            this.values = values;
            this.keys = keys;
        }
    }

    Prepared prepare(PersonRecord record) {
        Objects.requireNonNull(record, "record");
        FieldValue[] values = new FieldValue[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = kinds[i].prepare(record.get(names[i]));
        }
        String[] keyValues = new String[keys.length];
        for (int k = 0; k < keys.length; k++) {
            keyValues[k] = keyValue(record, values, k);
        }
        return new Prepared(record, values, keyValues);
    }

    private String keyValue(PersonRecord record, FieldValue[] values, int k) {
        List<BlockingKey.Part> parts = keys[k].parts();
        StringBuilder out = null;
        for (int p = 0; p < parts.size(); p++) {
            BlockingKey.Part part = parts.get(p);
            int field = keyFieldIndex[k][p];
            String normalised;
            if (field >= 0) {
                normalised = values[field] == null ? null : values[field].text;
            } else {
                normalised = Text.basic(record.get(part.field()));
            }
            String value = part.apply(normalised);
            if (value == null) {
                return null;
            }
            if (out == null) {
                out = new StringBuilder(value);
            } else {
                out.append('|').append(value);
            }
        }
        return out == null ? null : out.toString();
    }

    /** Whether the pair shares an earlier key's value whose block was compared, so it was compared then. */
    private boolean comparedBefore(Prepared a, Prepared b, int k, List<Set<String>> skipped) {
        for (int e = 0; e < k; e++) {
            String key = a.keys[e];
            if (key != null && key.equals(b.keys[e]) && !skipped.get(e).contains(key)) {
                return true;
            }
        }
        return false;
    }

    double score(Prepared a, Prepared b) {
        double score = 0;
        for (int i = 0; i < kinds.length; i++) {
            FieldValue x = a.values[i];
            FieldValue y = b.values[i];
            if (x != null && y != null) {
                score += weight(i, kinds[i].similarity(x, y));
            }
        }
        return score;
    }

    private double weight(int field, double similarity) {
        if (similarity >= 1.0) {
            return agreement[field];
        }
        double t = threshold[field];
        if (similarity <= t) {
            return disagreement[field];
        }
        return disagreement[field] + (agreement[field] - disagreement[field]) * (similarity - t) / (1.0 - t);
    }

    /** 1 when a decisive field agrees, -1 when one disagrees (and none agrees), 0 when none is on both sides. */
    private int decisive(Prepared a, Prepared b) {
        int verdict = 0;
        for (int i : decisive) {
            FieldValue x = a.values[i];
            FieldValue y = b.values[i];
            if (x != null && y != null) {
                if (kinds[i].similarity(x, y) >= 1.0) {
                    return 1;
                }
                verdict = -1;
            }
        }
        return verdict;
    }

    private boolean decisiveAgreement(Prepared a, Prepared b) {
        return decisive.length > 0 && decisive(a, b) > 0;
    }

    private MatchOutcome outcome(Prepared a, Prepared b, double score) {
        int verdict = decisive.length == 0 ? 0 : decisive(a, b);
        if (verdict > 0 || (verdict == 0 && score >= rules.matchThreshold())) {
            return MatchOutcome.MATCH;
        }
        return score >= rules.possibleThreshold() ? MatchOutcome.POSSIBLE_MATCH : MatchOutcome.NO_MATCH;
    }

    private MatchResult compare(Prepared a, Prepared b) {
        List<FieldComparison> fields = new ArrayList<>(kinds.length);
        double score = 0;
        for (int i = 0; i < kinds.length; i++) {
            FieldValue x = a.values[i];
            FieldValue y = b.values[i];
            String left = a.record.get(names[i]);
            String right = b.record.get(names[i]);
            if (x == null || y == null) {
                fields.add(new FieldComparison(names[i], left, right, null, 0.0));
                continue;
            }
            double similarity = kinds[i].similarity(x, y);
            double w = weight(i, similarity);
            score += w;
            fields.add(new FieldComparison(names[i], left, right, similarity, w));
        }
        return new MatchResult(a.record.id(), b.record.id(), score, outcome(a, b, score), fields);
    }

    /** A growable int array: block members without boxing. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
