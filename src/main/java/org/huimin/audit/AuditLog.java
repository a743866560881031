package org.huimin.audit;

/** Appends to the audit chain. Entries are written in their own transaction, so they survive a caller's rollback. */
public interface AuditLog {

    /** Appends {@code event}; returns its sequence number in the chain. */
    long record(AuditEvent event);
}
