package org.huimin.identity;

import java.util.Objects;

import org.huimin.shared.ResidentIdNumber;

/** A resident to enter into the master index; sex and birth date come from the ID number. */
public record NewResident(ResidentIdNumber idNumber, String name, String phone, String divisionCode,
        String address) {

    public NewResident {
        Objects.requireNonNull(idNumber, "idNumber");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }
}
