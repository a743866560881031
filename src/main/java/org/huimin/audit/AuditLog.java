package org.huimin.audit;

/**
 * Appends to the audit chain. An entry is written as a pending line at once and linked into the hash chain moments
 * later (before anyone reads the trail), so that audited actions never wait for each other.
 */
public interface AuditLog {

    /** Appends {@code event} in a transaction of its own: it survives the caller's rollback (denials, failures). */
    void record(AuditEvent event);

    /**
     * Appends {@code event} in the caller's transaction, which must be active: the entry commits or rolls back with
     * the change it describes, and costs no commit of its own.
     */
    void recordWithin(AuditEvent event);

    /**
     * Appends {@code events} in the caller's transaction, which must be active, as {@link #recordWithin} does for
     * one, in a single round trip to the database (a JDBC batch): for work done in batches, such as bookings placed
     * together.
     */
    void recordAllWithin(java.util.List<AuditEvent> events);
}
