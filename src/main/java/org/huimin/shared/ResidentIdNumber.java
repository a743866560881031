package org.huimin.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident identity card number (居民身份证号码, GB 11643-1999): 6-digit address code, birth date, 3-digit sequence
 * whose parity gives the sex, and an ISO 7064 MOD 11-2 check character. Also accepts foreign permanent-resident cards
 * (18 characters starting with 9, same check) and converts legacy 15-digit numbers. Instances are always normalised
 * (upper-case X) and valid.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Why a string is not a valid ID number; each has a message code {@code idnumber.<name>}. */
    public enum Defect { EMPTY, LENGTH, CHARACTERS, DATE, FUTURE_DATE, CHECK_CHARACTER }

    public ResidentIdNumber {
        Defect defect = defectOf(value, LocalDate.now(java.time.ZoneOffset.ofHours(8)));
        if (defect != null) {
            throw new IllegalArgumentException("invalid ID number: " + defect);
        }
    }

    /** Parses and normalises (trims, upper-cases x, converts 15 digits); empty if invalid. */
    public static Optional<ResidentIdNumber> parse(String raw) {
        String candidate = normalise(raw);
        return check(candidate) == null ? Optional.of(new ResidentIdNumber(candidate)) : Optional.empty();
    }

    /** The defect of a raw value after normalisation, or {@code null} when it is valid. */
    public static Defect check(String raw) {
        return defectOf(normalise(raw), LocalDate.now(java.time.ZoneOffset.ofHours(8)));
    }

    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.length() == 15 && s.chars().allMatch(Character::isDigit)) {
            String body = s.substring(0, 6) + "19" + s.substring(6);
            return body + checkCharacter(body);
        }
        return s;
    }

    static Defect defectOf(String s, LocalDate today) {
        if (s == null || s.isEmpty()) {
            return Defect.EMPTY;
        }
        if (s.length() != 18) {
            return Defect.LENGTH;
        }
        for (int i = 0; i < 17; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Defect.CHARACTERS;
            }
        }
        char last = s.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Defect.CHARACTERS;
        }
        LocalDate birth = birthDateOf(s);
        if (birth == null) {
            return Defect.DATE;
        }
        if (birth.isAfter(today)) {
            return Defect.FUTURE_DATE;
        }
        if (checkCharacter(s.substring(0, 17)) != last) {
            return Defect.CHECK_CHARACTER;
        }
        return null;
    }

    /** The MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate birthDateOf(String s) {
        try {
            return LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** Sex from the parity of position 17: odd male, even female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public String addressCode() {
        return value.substring(0, 6);
    }

    /** True for a foreign permanent-resident card (外国人永久居留身份证, from 2023-12-01). */
    public boolean foreignPermanentResident() {
        return value.charAt(0) == '9';
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
