package org.huimin.audit.internal;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the retention period ({@code huimin.audit.retention}, default 3 years). Network-security law asks for at
 * least six months of security logs, so a shorter setting stops the application at start-up.
 */
@Component
class AuditRetention {

    static final Period MINIMUM = Period.ofMonths(6);
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcAuditLog chain;
    private final AuditLog audit;
    private final Period retention;
    private final Clock clock;

    AuditRetention(JdbcAuditLog chain, AuditLog audit, @Value("${huimin.audit.retention:P3Y}") Period retention) {
        this.chain = chain;
        this.audit = audit;
        this.retention = validate(retention);
        this.clock = Clock.systemUTC();
    }

    static Period validate(Period retention) {
        var today = java.time.LocalDate.of(2000, 1, 1);
        if (today.plus(retention).isBefore(today.plus(MINIMUM))) {
            throw new IllegalStateException("huimin.audit.retention " + retention + " is shorter than the legal minimum "
                    + MINIMUM + " for security logs");
        }
        return retention;
    }

    @Scheduled(cron = "${huimin.audit.purge-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    void purge() {
        var cutoff = clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant();
        long removed = chain.purgeBefore(cutoff);
        if (removed > 0) {
            log.info("Audit retention {} removed {} entries older than {}", retention, removed, cutoff);
            audit.record(new AuditEvent("system", "SYSTEM", null, null, "RETENTION", "AUDIT_PURGE", "AuditEntry", null,
                    Outcome.SUCCESS, null, removed + " entries before " + cutoff));
        }
    }
}
