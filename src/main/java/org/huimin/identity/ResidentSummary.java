package org.huimin.identity;

import java.time.LocalDate;
import java.util.UUID;

import org.huimin.shared.Sex;

/** A resident as most screens show them: identifiers masked. {@code mergedInto} answers for a MERGED entry. */
public record ResidentSummary(UUID id, String name, Sex sex, LocalDate birthDate, String idNumberMasked,
        String phoneMasked, String divisionCode, String address, ResidentStatus status, UUID mergedInto) {
}
