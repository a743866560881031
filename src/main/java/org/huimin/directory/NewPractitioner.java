package org.huimin.directory;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What is needed to list a practitioner: at least one place of practice. */
public record NewPractitioner(
        @NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too-long") String name,
        @NotNull(message = "validation.required") PractitionerKind kind,
        @NotBlank(message = "validation.required") @Pattern(regexp = "MALE|FEMALE|UNKNOWN", message = "validation.enum")
        String sex,
        @Size(max = 32, message = "validation.too-long") String title,
        @NotBlank(message = "validation.required") @Pattern(regexp = "[0-9A-Za-z]{8,32}", message = "directory.licence")
        String licenceNumber,
        List<@Size(max = 32) String> specialties,
        @NotEmpty(message = "validation.required") List<@Valid Site> sites) {

    /** A place of practice; the first site marked primary is the main one. */
    public record Site(@NotNull(message = "validation.required") UUID organizationId, String departmentCode,
            boolean primarySite) {
    }
}
