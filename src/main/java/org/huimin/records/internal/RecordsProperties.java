package org.huimin.records.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Records settings ({@code huimin.records.*}): how long a break-glass grant lasts, how long an appointment keeps a
 * care relationship open after its start, the shortest reason a break-glass request must give, and the most
 * resources one bundle may carry.
 */
@ConfigurationProperties("huimin.records")
record RecordsProperties(Duration breakGlassDuration, Duration careAfterAppointment,
        int breakGlassReasonMin, int maxBundleEntries) {

    RecordsProperties {
        breakGlassDuration = breakGlassDuration == null ? Duration.ofHours(4) : breakGlassDuration;
        careAfterAppointment = careAfterAppointment == null ? Duration.ofDays(7) : careAfterAppointment;
        breakGlassReasonMin = breakGlassReasonMin <= 0 ? 10 : breakGlassReasonMin;
        maxBundleEntries = maxBundleEntries <= 0 ? 5000 : maxBundleEntries;
    }
}
