package org.huimin.audit;

import java.time.Instant;

import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;

/** Reads and verifies the audit chain. */
public interface AuditTrail {

    /** Walks the chain from its anchor and reports the first entry whose link or content does not hold. */
    Verification verify();

    PageResult<Entry> search(Query query, PageRequest page);

    /** One entry by its sequence number. */
    java.util.Optional<Entry> entry(long seq);

    /** The outcome of {@link #verify()}: {@code firstBroken} is {@code null} when the chain is intact. */
    record Verification(boolean intact, long entries, Broken firstBroken) {
    }

    /** The first entry that breaks the chain and why: {@code HASH_MISMATCH}, {@code LINK_MISMATCH} or {@code GAP}. */
    record Broken(long seq, String reason) {
    }

    /** Filters; each may be {@code null}. */
    record Query(String actor, String action, String outcome, String resourceType, String resourceId, Instant from,
            Instant to) {
    }

    record Entry(long seq, Instant occurredAt, String actor, String role, String actingFor, String organizationId,
            String purpose, String action, String resourceType, String resourceId, String outcome, String clientIp,
            String detail) {
    }
}
