package org.huimin.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published after a health code was accepted at a terminal: booking check-in, pharmacy pickup and vaccination
 * listen for the scene they serve.
 */
public record HealthCodeScanned(UUID scanId, UUID residentId, Scene scene, UUID organizationId, String terminalId,
        String actor, Instant scannedAt) {
}
