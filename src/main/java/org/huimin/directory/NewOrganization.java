package org.huimin.directory;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What is needed to add or change an organisation. */
public record NewOrganization(
        @NotBlank(message = "validation.required") @Size(max = 128, message = "validation.too-long") String name,
        @NotNull(message = "validation.required") OrganizationType type,
        @Pattern(regexp = "[123]", message = "directory.level") String level,
        @Pattern(regexp = "[AB]", message = "directory.grade") String grade,
        @NotBlank(message = "validation.required") String uscc,
        @Pattern(regexp = "\\d{6}(\\d{3})?(\\d{3})?", message = "directory.division") String divisionCode,
        @Size(max = 256, message = "validation.too-long") String address,
        @Size(max = 32, message = "validation.too-long") String phone,
        @DecimalMin(value = "-90", message = "validation.range") @DecimalMax(value = "90", message = "validation.range")
        BigDecimal latitude,
        @DecimalMin(value = "-180", message = "validation.range") @DecimalMax(value = "180", message = "validation.range")
        BigDecimal longitude) {
}
