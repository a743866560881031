package org.huimin.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links pending audit lines into the hash chain. Writers only insert into {@code audit_pending} (no shared lock, so
 * audited actions of the whole platform no longer queue behind one row); the chainer takes the head row, gives the
 * oldest pending lines the next gap-free sequence numbers and hashes, moves them to {@code audit_entry} and advances the
 * head, all in one transaction. Several nodes may run it: the head row lock serialises them and each batch re-reads
 * what is still pending.
 *
 * <p>It runs once no pending line has been committed for {@code huimin.audit.chain-delay} (50 ms), but no later than
 * {@code huimin.audit.chain-max-delay} (1 s) after the first line it waits for: in a burst (the 8 a.m. release commits
 * a batch of bookings every few milliseconds) it stays out of the way of the writes that are waiting for the same
 * two cores and chains the burst's lines together afterwards, and under a steady stream it still runs every second.
 * It also runs every second as a sweep (for lines of other nodes and of failed runs; skipped while a run is due
 * anyway), and synchronously before the trail is read, so that a reader sees every entry committed before it asked.
 */
@Component
class AuditChainer {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    static final String COLUMNS = "actor, role, acting_for, organization_id, purpose, action, resource_type, "
            + "resource_id, outcome, client_ip, detail";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final boolean postgres;
    private final int batchSize;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** A sweep of this node is chaining. */
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /** When the last line was committed ({@link System#nanoTime()}). */
    private final AtomicLong lastWake = new AtomicLong();
    /** When the first line the due run waits for was committed; written only by whoever sets {@link #scheduled}. */
    private volatile long firstWake;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-chainer");
        t.setDaemon(true);
        return t;
    });

    AuditChainer(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager,
            DataSource dataSource, @Value("${huimin.audit.chain-batch:500}") int batchSize,
            @Value("${huimin.audit.chain-delay:PT0.05S}") java.time.Duration delay,
            @Value("${huimin.audit.chain-max-delay:PT1S}") java.time.Duration maxDelay) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = new TransactionTemplate(transactionManager);
        // a batch is a transaction of its own, never part of a caller's (which may be read-only)
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = org.huimin.shared.Databases.isPostgres(dataSource);
        this.batchSize = batchSize;
        this.quietNanos = delay.toNanos();
        this.maxDelayNanos = Math.max(maxDelay.toNanos(), quietNanos);
    }

    /** Asks for a chaining run once the current transaction (if any) has committed its pending line. */
    void wake() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule();
                }
            });
        } else {
            schedule();
        }
    }

    private void schedule() {
        long now = System.nanoTime();
        lastWake.set(now);
        if (scheduled.compareAndSet(false, true)) {
            firstWake = now;
            executor.schedule(this::due, quietNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the chainer if the lines have been quiet long enough or the first has waited long enough; else waits. */
    private void due() {
        long wait = waitBeforeRun(System.nanoTime(), firstWake, lastWake.get(), quietNanos, maxDelayNanos);
        if (wait > 0) {
            executor.schedule(this::due, wait, TimeUnit.NANOSECONDS);
            return;
        }
        // a line committed from here on schedules a run of its own (which may find it chained already: one read)
        scheduled.set(false);
        if (!sweep()) {
            schedule(); // the node's other run was chaining, perhaps without this line: after another quiet spell
        }
    }

    /**
     * How long a due run still waits (0: run now): until {@code quiet} after the last line, but no longer than
     * {@code maxDelay} after the first. All times in {@link System#nanoTime()} nanoseconds.
     */
    static long waitBeforeRun(long now, long firstWake, long lastWake, long quiet, long maxDelay) {
        // differences only: System.nanoTime() may wrap
        return Math.max(0, Math.min(lastWake + quiet - now, firstWake + maxDelay - now));
    }

    /** The periodic sweep, for lines of other nodes and of failed runs; a run that is due anyway makes it wait. */
    @Scheduled(fixedDelayString = "${huimin.audit.chain-sweep:PT1S}")
    void periodicSweep() {
        if (!scheduled.get()) {
            sweep();
        }
    }

    /**
     * Chains everything pending; also catches lines of other nodes and of runs that failed. Returns false, doing
     * nothing, while another sweep of this node is running.
     */
    boolean sweep() {
        // one run at a time on this node: a second one (the periodic sweep beside a due run) only waited for the
        // first one's lock on the head row, holding a connection (278 ms once in the bench's crowd)
        if (!sweeping.compareAndSet(false, true)) {
            return false;
        }
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Chaining pending audit entries failed; the next run retries: {}", e.toString());
        } finally {
            sweeping.set(false);
        }
        return true;
    }

    /**
     * Chains every line that was pending when called (and whatever else comes with the batches). Cheap when nothing is
     * pending: one indexed read.
     */
    void drain() {
        Long upTo = jdbc.sql("select max(id) from audit_pending").query(Long.class).optional().orElse(null);
        if (upTo == null) {
            return;
        }
        while (Boolean.TRUE.equals(transactions.execute(tx -> chainBatch(upTo)))) {
            // the next batch
        }
    }

    /** One batch: returns true when lines up to {@code upTo} are still pending afterwards. */
    private boolean chainBatch(long upTo) {
        if (postgres) {
            // losing the last chaining transactions in a crash of the database server loses nothing: the pending
            // lines are deleted in the same transaction, so they come back and are chained again
            jdbc.sql("set local synchronous_commit to off").update();
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        List<Object[]> entries = new ArrayList<>();
        List<Long> chained = new ArrayList<>();
        long seq = head.lastSeq();
        String prev = head.lastHash();
        var rows = jdbc.sql("select id, occurred_at, " + COLUMNS + " from audit_pending order by id fetch first "
                + batchSize + " rows only").query((rs, n) -> {
                    String[] fields = new String[11];
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = rs.getString(3 + i);
                    }
                    return new Pending(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), fields);
                }).list();
        for (Pending p : rows) {
            seq++;
            Instant at = ChainHash.normalise(p.occurredAt());
            String hash = ChainHash.of(prev, seq, at, p.fields());
            Object[] row = new Object[15];
            row[0] = seq;
            row[1] = OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
            System.arraycopy(p.fields(), 0, row, 2, 11);
            row[13] = prev;
            row[14] = hash;
            entries.add(row);
            chained.add(p.id());
            prev = hash;
        }
        if (rows.isEmpty()) {
            return false;
        }
        template.batchUpdate("insert into audit_entry (seq, occurred_at, " + COLUMNS + ", prev_hash, hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries);
        // one statement, not one per line (docs/audit.md)
        jdbc.sql("delete from audit_pending where id = any(:ids)")
                .param("ids", new SqlArrayValue("bigint", chained.toArray())).update();
        jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", seq).param("hash", prev).update();
        return rows.size() == batchSize && jdbc.sql("select count(*) from audit_pending where id <= :upTo")
                .param("upTo", upTo).query(Long.class).single() > 0;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdown();
    }

    private record Head(long lastSeq, String lastHash) {
    }

    private record Pending(long id, Instant occurredAt, String[] fields) {
    }
}
