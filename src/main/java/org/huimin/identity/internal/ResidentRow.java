package org.huimin.identity.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;

import org.huimin.identity.ResidentStatus;
import org.huimin.shared.Masking;
import org.huimin.shared.Sex;

/** A master-index row with its identifiers decrypted; never leaves the module unmasked. */
record ResidentRow(UUID id, String idNumber, String name, Sex sex, LocalDate birthDate, String phone,
        String divisionCode, String address, ResidentStatus status, UUID mergedInto, String staticCodeId,
        String staticPinHash, Instant staticCodeIssuedAt, int pinFailures, Instant pinLockedUntil) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    int age(Instant now) {
        return Period.between(birthDate, LocalDate.ofInstant(now, CHINA)).getYears();
    }

    String idNumberMasked() {
        return Masking.idNumber(idNumber);
    }

    String phoneMasked() {
        return Masking.phone(phone);
    }

    String nameMasked() {
        return Masking.name(name);
    }
}
