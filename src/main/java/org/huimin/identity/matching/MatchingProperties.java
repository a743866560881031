package org.huimin.identity.matching;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Matching rules from configuration ({@code huimin.identity.matching.*}). Everything is optional: with nothing set,
 * {@link #toRules()} gives {@link MatchRules#chineseResidents()}. A non-empty {@code fields} list replaces the
 * preset's fields, a non-empty {@code blocking-keys} list its keys, and each threshold set overrides the preset's.
 *
 * <pre>
 * huimin:
 *   identity:
 *     matching:
 *       match-threshold: 15
 *       possible-threshold: 8
 *       blocking-keys:
 *         - pinyin-initials(name)+year(birthDate)
 *         - phone
 *       fields:
 *         - { name: idNumber, comparator: identifier, m: 0.9999, u: 0.000001, decisive: true }
 *         - { name: name, comparator: pinyin-name, m: 0.97, u: 0.002, partial-threshold: 0.6 }
 * </pre>
 */
@ConfigurationProperties(prefix = "huimin.identity.matching")
public class MatchingProperties {

    /** The built-in rule sets a configuration starts from. */
    public enum Preset {
        /** {@link MatchRules#chineseResidents()}. */
        CHINESE_RESIDENTS,
        /** {@link MatchRules#febrl()}. */
        FEBRL
    }

    /** The rule set to start from. */
    private Preset preset = Preset.CHINESE_RESIDENTS;
    /** The compared fields; when empty, the preset's. */
    private List<Field> fields = new ArrayList<>();
    /** Blocking keys such as {@code pinyin-initials(name)+year(birthDate)}; when empty, the preset's. */
    private List<String> blockingKeys = new ArrayList<>();
    /** Score from which a pair is a MATCH; when unset, the preset's. */
    private Double matchThreshold;
    /** Score from which a pair is a POSSIBLE_MATCH; when unset, the preset's. */
    private Double possibleThreshold;
    /** Larger blocks are skipped when deduplicating (0: no limit); when unset, the preset's. */
    private Integer maxBlockSize;

    /**
     * The rules this configuration describes.
     *
     * @throws IllegalArgumentException when a field, key or threshold is invalid, naming the offending property
     */
    public MatchRules toRules() {
        MatchRules base = preset == Preset.FEBRL ? MatchRules.febrl() : MatchRules.chineseResidents();
        List<FieldRule> fieldRules = base.fields();
        if (!fields.isEmpty()) {
            fieldRules = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                fieldRules.add(fields.get(i).toRule("huimin.identity.matching.fields[" + i + "]"));
            }
        }
        List<BlockingKey> keys = base.blockingKeys();
        if (!blockingKeys.isEmpty()) {
            keys = new ArrayList<>();
            for (String spec : blockingKeys) {
                keys.add(BlockingKey.parse(spec));
            }
        }
        return new MatchRules(fieldRules, keys,
                matchThreshold != null ? matchThreshold : base.matchThreshold(),
                possibleThreshold != null ? possibleThreshold : base.possibleThreshold(),
                maxBlockSize != null ? maxBlockSize : base.maxBlockSize());
    }

    public Preset getPreset() {
        return preset;
    }

    public void setPreset(Preset preset) {
        this.preset = preset;
    }

    public List<Field> getFields() {
        return fields;
    }

    public void setFields(List<Field> fields) {
        this.fields = fields;
    }

    public List<String> getBlockingKeys() {
        return blockingKeys;
    }

    public void setBlockingKeys(List<String> blockingKeys) {
        this.blockingKeys = blockingKeys;
    }

    public Double getMatchThreshold() {
        return matchThreshold;
    }

    public void setMatchThreshold(Double matchThreshold) {
        this.matchThreshold = matchThreshold;
    }

    public Double getPossibleThreshold() {
        return possibleThreshold;
    }

    public void setPossibleThreshold(Double possibleThreshold) {
        this.possibleThreshold = possibleThreshold;
    }

    public Integer getMaxBlockSize() {
        return maxBlockSize;
    }

    public void setMaxBlockSize(Integer maxBlockSize) {
        this.maxBlockSize = maxBlockSize;
    }

    /** One compared field; see {@link FieldRule}. */
    public static class Field {

        /** The field name in the person record, e.g. {@code name}, {@code birthDate}. */
        private String name;
        /** exact, identifier, jaro-winkler, pinyin-name, date, numeric, phone, address or sex. */
        private ComparatorKind comparator;
        /** Probability that the field agrees for the same person. */
        private Double m;
        /** Probability that the field agrees by chance for different persons. */
        private Double u;
        /** Similarity at and below which the field counts as disagreeing; when unset, the comparator's default. */
        private Double partialThreshold;
        /** Whether agreement alone makes a match and disagreement rules one out (the ID number). */
        private boolean decisive;

        FieldRule toRule(String property) {
            if (name == null || comparator == null || m == null || u == null) {
                throw new IllegalArgumentException(property + " needs name, comparator, m and u");
            }
            try {
                return new FieldRule(name, comparator, m, u,
                        partialThreshold != null ? partialThreshold : FieldRule.defaultPartialThreshold(comparator),
                        decisive);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
            }
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public ComparatorKind getComparator() {
            return comparator;
        }

        public void setComparator(ComparatorKind comparator) {
            this.comparator = comparator;
        }

        public Double getM() {
            return m;
        }

        public void setM(Double m) {
            this.m = m;
        }

        public Double getU() {
            return u;
        }

        public void setU(Double u) {
            this.u = u;
        }

        public Double getPartialThreshold() {
            return partialThreshold;
        }

        public void setPartialThreshold(Double partialThreshold) {
            this.partialThreshold = partialThreshold;
        }

        public boolean isDecisive() {
            return decisive;
        }

        public void setDecisive(boolean decisive) {
            this.decisive = decisive;
        }
    }
}
