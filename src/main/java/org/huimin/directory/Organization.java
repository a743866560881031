package org.huimin.directory;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An organisation. Hospitals carry a {@code level} ("1", "2", "3" for 一/二/三级) and a {@code grade} ("A" 甲等,
 * "B" 乙等); {@code uscc} is the unified social credit code (统一社会信用代码, GB 32100).
 */
public record Organization(UUID id, String name, OrganizationType type, String level, String grade, String uscc,
        String divisionCode, String address, String phone, BigDecimal latitude, BigDecimal longitude,
        boolean active) {
}
