package org.huimin.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published after a health code was accepted at a terminal: booking check-in, pharmacy pickup and vaccination
 * listen for the scene they serve. It is published in a transaction (so transactional and module listeners receive
 * it); on PostgreSQL the scan line itself may already be committed by then, written in the same statement that read
 * the code's context.
 */
public record HealthCodeScanned(UUID scanId, UUID residentId, Scene scene, UUID organizationId, String terminalId,
        String actor, Instant scannedAt) {
}
