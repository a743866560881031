package org.huimin.identity;

import java.util.Optional;
import java.util.UUID;

/** The electronic health code for other modules (billing settles with the fused references). */
public interface HealthCodes {

    /** A code accepted at a terminal: whose it is, and the scan line written for it. */
    record Scan(UUID scanId, UUID residentId, String maskedName, boolean foreignRegion) {
    }

    /**
     * Verifies a scanned code for the current (staff) caller exactly as {@code POST /api/v1/health-codes/verify}
     * does, scan line included; {@code pin} only for a printed static code. Refusals are problems (4xx) naming why.
     */
    Scan scan(String token, Scene scene, String pin, String terminalId);

    /** The full reference linked to the resident's code, for settlement; reading it is audited. */
    Optional<String> linkedReference(UUID residentId, CodeLinkKind kind, String purpose);
}
