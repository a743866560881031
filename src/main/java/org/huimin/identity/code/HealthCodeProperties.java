package org.huimin.identity.code;

import java.time.Duration;
import java.util.Set;

import org.huimin.identity.Scene;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health-code settings ({@code huimin.identity.health-code.*}).
 *
 * @param region           the issuing region's division code, written into every code
 * @param refresh          lifetime of a dynamic code; the app fetches a new one at this interval
 * @param staticValidity   lifetime of a printed static code (reissuing revokes the old one at once)
 * @param clockSkew        tolerance for terminals whose clock runs ahead of the issuer's
 * @param maxScansPerToken accepted scans of one dynamic code in its lifetime (replay policy)
 * @param singleUseScenes  scenes in which one code is accepted once (a payment takes a fresh code)
 * @param pinMaxFailures   wrong PINs for a static code before it is locked
 * @param pinLock          how long a static code stays locked
 * @param asyncScanCommit  on PostgreSQL, commit ordinary scan-log lines without waiting for the WAL flush (a
 *                         database crash may lose the last fraction of a second of them); single-use scenes always
 *                         wait
 */
@ConfigurationProperties("huimin.identity.health-code")
public record HealthCodeProperties(@DefaultValue("${huimin.region.code:530325}") String region,
        @DefaultValue("PT60S") Duration refresh, @DefaultValue("P1825D") Duration staticValidity,
        @DefaultValue("PT30S") Duration clockSkew, @DefaultValue("5") int maxScansPerToken,
        @DefaultValue("PAYMENT") Set<Scene> singleUseScenes, @DefaultValue("5") int pinMaxFailures,
        @DefaultValue("PT15M") Duration pinLock, @DefaultValue("true") boolean asyncScanCommit) {

    public HealthCodeProperties {
        if (region == null || !region.matches("\\d{6}")) {
            throw new IllegalArgumentException("huimin.identity.health-code.region must be a 6-digit division code");
        }
        if (refresh.isNegative() || refresh.isZero() || refresh.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("huimin.identity.health-code.refresh must be between 1 s and 24 h");
        }
    }
}
