package org.huimin.identity;

import java.util.Optional;
import java.util.UUID;

/** The electronic health code for other modules (billing settles with the fused references). */
public interface HealthCodes {

    /** The full reference linked to the resident's code, for settlement; reading it is audited. */
    Optional<String> linkedReference(UUID residentId, CodeLinkKind kind, String purpose);
}
