package org.huimin.identity.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of a {@link MatchEngine}: the compared fields with their weights, the blocking keys, and the two
 * score thresholds. A pair scoring at least {@code matchThreshold} is a {@link MatchOutcome#MATCH}, at least
 * {@code possibleThreshold} a {@link MatchOutcome#POSSIBLE_MATCH}, else {@link MatchOutcome#NO_MATCH}. Scores are
 * sums of field weights in bits ({@link FieldRule}).
 *
 * @param fields the compared fields, at least one, names unique
 * @param blockingKeys the blocking keys for {@link MatchEngine#deduplicate}; may be empty only for engines used
 *        with {@link MatchEngine#compare} and {@link MatchEngine#match}
 * @param matchThreshold the score from which a pair is a match
 * @param possibleThreshold the score from which a pair is a possible match, at most {@code matchThreshold}
 * @param maxBlockSize blocks with more records are skipped by {@link MatchEngine#deduplicate} (a key value shared
 *        by that many records does not discriminate, and its pairs are quadratic); 0 for no limit
 */
public record MatchRules(List<FieldRule> fields, List<BlockingKey> blockingKeys, double matchThreshold,
        double possibleThreshold, int maxBlockSize) {

    /** The default {@code maxBlockSize}. */
    public static final int DEFAULT_MAX_BLOCK_SIZE = 1000;

    public MatchRules {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        blockingKeys = List.copyOf(Objects.requireNonNull(blockingKeys, "blockingKeys"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("at least one field rule is needed");
        }
        Set<String> names = new HashSet<>();
        for (FieldRule rule : fields) {
            if (!names.add(rule.field())) {
                throw new IllegalArgumentException("field " + rule.field() + " has two rules");
            }
        }
        if (!(possibleThreshold <= matchThreshold)) {
            throw new IllegalArgumentException("possibleThreshold must not exceed matchThreshold");
        }
        if (maxBlockSize < 0) {
            throw new IllegalArgumentException("maxBlockSize must not be negative");
        }
    }

    /** These rules with other thresholds. */
    public MatchRules withThresholds(double match, double possible) {
        return new MatchRules(fields, blockingKeys, match, possible, maxBlockSize);
    }

    /** These rules with other blocking keys. */
    public MatchRules withBlockingKeys(List<BlockingKey> keys) {
        return new MatchRules(fields, keys, matchThreshold, possibleThreshold, maxBlockSize);
    }

    /**
     * The rules for Chinese residents, used by the application unless configured otherwise (field names as in
     * {@link PersonRecord}):
     * <ul>
     * <li>{@code idNumber}, identifier, m 0.9999, u 10⁻⁶, decisive: equal makes a match, different rules one out;
     * <li>{@code name}, pinyin-name (characters or pinyin, homophones), m 0.97, u 0.002, partial from 0.6;
     * <li>{@code birthDate}, date (swapped day/month, one wrong digit), m 0.99, u 0.0005, partial from 0.6;
     * <li>{@code sex}, m 0.99, u 0.5; {@code phone}, m 0.85, u 0.001, partial from 0.7; {@code address} (Chinese
     * abbreviations), m 0.9, u 0.01, partial from 0.8.
     * </ul>
     * A pair is a match from 15 bits and needs review from 8. Name, birth date and sex agreeing (20.8 bits) make a
     * match unless phone and address both disagree (14.8: review); a wholly different name or birth date takes the
     * ID number to overcome. Blocking: pinyin initials of the name with the birth year, the birth date, the phone,
     * the ID number, and the name's pinyin with the address's first two characters (its township).
     */
    public static MatchRules chineseResidents() {
        return new MatchRules(List.of(
                FieldRule.of(PersonRecord.ID_NUMBER, ComparatorKind.IDENTIFIER, 0.9999, 0.000001).asDecisive(),
                FieldRule.of(PersonRecord.NAME, ComparatorKind.PINYIN_NAME, 0.97, 0.002).withPartialThreshold(0.6),
                FieldRule.of(PersonRecord.BIRTH_DATE, ComparatorKind.DATE, 0.99, 0.0005).withPartialThreshold(0.6),
                FieldRule.of(PersonRecord.SEX, ComparatorKind.SEX, 0.99, 0.5),
                FieldRule.of(PersonRecord.PHONE, ComparatorKind.PHONE, 0.85, 0.001).withPartialThreshold(0.7),
                FieldRule.of(PersonRecord.ADDRESS, ComparatorKind.ADDRESS, 0.9, 0.01).withPartialThreshold(0.8)),
                List.of(
                        BlockingKey.parse("pinyin-initials(name)+year(birthDate)"),
                        BlockingKey.parse("birthDate"),
                        BlockingKey.parse("phone"),
                        BlockingKey.parse("idNumber"),
                        BlockingKey.parse("pinyin(name)+first2(address)")),
                15.0, 8.0, DEFAULT_MAX_BLOCK_SIZE);
    }

    /**
     * Rules for the FEBRL synthetic data sets (Christen's Freely Extensible Biomedical Record Linkage): fields
     * {@code given_name}, {@code surname}, {@code street_number}, {@code address_1}, {@code address_2},
     * {@code suburb}, {@code postcode}, {@code state}, {@code date_of_birth}, {@code soc_sec_id}. Used to measure
     * the engine against published ground truth; see {@code docs/identity-matching.md}.
     */
    public static MatchRules febrl() {
        return new MatchRules(List.of(
                FieldRule.of("given_name", ComparatorKind.JARO_WINKLER, 0.9, 0.01).withPartialThreshold(0.8),
                FieldRule.of("surname", ComparatorKind.JARO_WINKLER, 0.9, 0.005).withPartialThreshold(0.8),
                FieldRule.of("street_number", ComparatorKind.NUMERIC, 0.85, 0.02),
                FieldRule.of("address_1", ComparatorKind.JARO_WINKLER, 0.85, 0.001).withPartialThreshold(0.8),
                FieldRule.of("address_2", ComparatorKind.JARO_WINKLER, 0.7, 0.001).withPartialThreshold(0.8),
                FieldRule.of("suburb", ComparatorKind.JARO_WINKLER, 0.85, 0.002).withPartialThreshold(0.8),
                FieldRule.of("postcode", ComparatorKind.NUMERIC, 0.85, 0.002),
                FieldRule.of("state", ComparatorKind.EXACT, 0.9, 0.3),
                FieldRule.of("date_of_birth", ComparatorKind.DATE, 0.85, 0.001),
                FieldRule.of("soc_sec_id", ComparatorKind.NUMERIC, 0.85, 0.0005)),
                List.of(
                        BlockingKey.parse("date_of_birth"),
                        BlockingKey.parse("soc_sec_id"),
                        BlockingKey.parse("postcode"),
                        BlockingKey.parse("soundex(surname)+first1(given_name)"),
                        BlockingKey.parse("soundex(given_name)+first1(surname)")),
                15.0, 8.0, DEFAULT_MAX_BLOCK_SIZE);
    }
}
