/**
 * Audit (审计): an append-only, hash-chained log of every access to personal or health data and every security
 * event. {@link org.huimin.audit.AuditLog} records, {@link org.huimin.audit.AuditTrail} reads and verifies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.huimin.audit;
