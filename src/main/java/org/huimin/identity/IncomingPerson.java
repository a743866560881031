package org.huimin.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.huimin.shared.Sex;

/**
 * A person record arriving from outside the index — a newborn registered at a window, a visitor, a hospital feed —
 * to be resolved to a resident. {@code idNumber} may be null; documents are tried before demographics.
 */
public record IncomingPerson(String name, Sex sex, LocalDate birthDate, String phone, String address,
        String idNumber, List<Document> documents, String source) {

    public IncomingPerson {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** A supplementary document; {@code issuer} is the institution for an MRN, the country for a passport. */
    public record Document(DocumentType type, String issuer, String value) {
        public Document {
            Objects.requireNonNull(type, "type");
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("document value must not be blank");
            }
            issuer = issuer == null ? "" : issuer.strip();
            value = value.strip();
        }
    }
}
