package org.huimin.identity.matching;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A person record to match: an identifier chosen by the caller (a resident id, a feed's message id, a row number)
 * and raw field values by field name. Which fields exist and how they are compared is up to the {@link MatchRules};
 * the engine normalises the raw values itself (trimming, case, digits, pinyin), so callers pass what they have.
 * Blank values count as missing. For Chinese residents use {@link #resident(String)} and the field names below;
 * other data sets (FEBRL: {@code given_name}, {@code surname}, {@code date_of_birth} …) use {@link #of(String, Map)}.
 *
 * <p>Instances are immutable.
 */
public final class PersonRecord {

    /** Full name in Chinese characters or pinyin, e.g. {@code 张伟} or {@code Zhang Wei}. */
    public static final String NAME = "name";
    /** Birth date, {@code yyyy-MM-dd}, {@code yyyyMMdd}, {@code yyyy/M/d} or {@code yyyy年M月d日}. */
    public static final String BIRTH_DATE = "birthDate";
    /** Sex: {@code M}/{@code F}, {@code 男}/{@code 女} or GB/T 2261.1 codes {@code 1}/{@code 2}. */
    public static final String SEX = "sex";
    /** Mobile or landline number in any format; {@code +86} is dropped. */
    public static final String PHONE = "phone";
    /** Free-text address. */
    public static final String ADDRESS = "address";
    /** Resident ID number (居民身份证号码). */
    public static final String ID_NUMBER = "idNumber";

    private final String id;
    private final Map<String, String> fields;

    private PersonRecord(String id, Map<String, String> fields) {
        this.id = Objects.requireNonNull(id, "id");
        this.fields = fields;
    }

    /**
     * A record with the given field values; {@literal null} and blank values are dropped.
     *
     * @param id the caller's identifier, must not be {@literal null}
     * @param fields raw values by field name, must not be {@literal null}
     */
    public static PersonRecord of(String id, Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                copy.put(Objects.requireNonNull(name, "field name"), value);
            }
        });
        return new PersonRecord(id, Collections.unmodifiableMap(copy));
    }

    /** Starts a Chinese resident record: {@code PersonRecord.resident(id).name("张伟").birthDate(d).build()}. */
    public static Builder resident(String id) {
        return new Builder(id);
    }

    /** The caller's identifier. */
    public String id() {
        return id;
    }

    /** The raw value of a field, or {@literal null} when missing. */
    public String get(String field) {
        return fields.get(field);
    }

    /** All present raw values by field name, unmodifiable. */
    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonRecord other && id.equals(other.id) && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + fields.hashCode();
    }

    /** Field names only: values are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "PersonRecord[" + id + ", fields=" + fields.keySet() + "]";
    }

    /** Builds a Chinese resident record; every setter accepts {@literal null} for an unknown value. */
    public static final class Builder {

        private final String id;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String name) {
            return set(NAME, name);
        }

        public Builder birthDate(LocalDate birthDate) {
            return set(BIRTH_DATE, birthDate == null ? null : birthDate.toString());
        }

        /** A birth date as text, for feeds whose dates may be malformed (swapped day and month, typos). */
        public Builder birthDate(String birthDate) {
            return set(BIRTH_DATE, birthDate);
        }

        public Builder sex(String sex) {
            return set(SEX, sex);
        }

        public Builder phone(String phone) {
            return set(PHONE, phone);
        }

        public Builder address(String address) {
            return set(ADDRESS, address);
        }

        public Builder idNumber(String idNumber) {
            return set(ID_NUMBER, idNumber);
        }

        /** Any other field, for rules that compare more than the standard ones. */
        public Builder set(String field, String value) {
            fields.put(field, value);
            return this;
        }

        public PersonRecord build() {
            return PersonRecord.of(id, fields);
        }
    }
}
