package org.huimin.shared.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API admission gate ({@code huimin.web.admission.*}, see {@link AdmissionGate}).
 *
 * @param enabled     off only to measure what the gate does
 * @param concurrency API requests that run at once; 0 means the database pool's size, and at most twice the
 *                    processors
 * @param maxWait     how long a request may wait in line before it is refused with 503
 */
@ConfigurationProperties("huimin.web.admission")
public record AdmissionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int concurrency,
        @DefaultValue("PT10S") Duration maxWait) {

    public AdmissionProperties {
        if (concurrency < 0) {
            throw new IllegalArgumentException("huimin.web.admission.concurrency cannot be negative");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("huimin.web.admission.max-wait cannot be negative");
        }
    }
}
