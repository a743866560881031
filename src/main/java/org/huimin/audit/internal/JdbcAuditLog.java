package org.huimin.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditLog;
import org.huimin.audit.AuditTrail;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit chain on JDBC. Appending is a plain insert of a pending line (in a transaction of its own, or in the
 * caller's); {@link AuditChainer} links pending lines into the chain in batches under the head row lock, so entries
 * get gap-free sequence numbers and each links to its predecessor even with several writers or several nodes, and no
 * writer waits for another. Reads chain what is pending first.
 */
@Service
class JdbcAuditLog implements AuditLog, AuditTrail {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final AuditChainer chainer;
    private final TransactionTemplate reads;

    JdbcAuditLog(JdbcClient jdbc, JdbcTemplate template, Clock clock, AuditChainer chainer,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.chainer = chainer;
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEvent e) {
        insertPending(e);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordWithin(AuditEvent e) {
        insertPending(e);
    }

    @Override
    public void recordAllWithin(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(ChainHash.normalise(clock.instant()), ZoneOffset.UTC);
        template.batchUpdate(INSERT_PENDING, events.stream().map(e -> values(at, e)).toList());
        chainer.wake();
    }

    private static final String INSERT_PENDING = """
            insert into audit_pending (occurred_at, actor, role, acting_for, organization_id, purpose, action,
                resource_type, resource_id, outcome, client_ip, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private void insertPending(AuditEvent e) {
        OffsetDateTime at = OffsetDateTime.ofInstant(ChainHash.normalise(clock.instant()), ZoneOffset.UTC);
        jdbc.sql(INSERT_PENDING).params(values(at, e)).update();
        chainer.wake();
    }

    /** The columns of a pending line, in {@link #INSERT_PENDING}'s order (all character columns but the time). */
    private static Object[] values(OffsetDateTime at, AuditEvent e) {
        return new Object[] {at, cut(e.actor(), 128), e.role(), e.actingFor(), e.organizationId(), e.purpose(),
                e.action(), e.resourceType(), cut(e.resourceId(), 128), e.outcome().name(), e.clientIp(),
                cut(e.detail(), 1000)};
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    @Override
    public Verification verify() {
        chainer.drain();
        return reads.execute(tx -> walk());
    }

    private Verification walk() {
        Head anchor = jdbc.sql("select anchor_seq, anchor_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        AtomicLong expectedSeq = new AtomicLong(anchor.lastSeq() + 1);
        AtomicReference<String> prev = new AtomicReference<>(anchor.lastHash());
        AtomicLong count = new AtomicLong();
        AtomicReference<Broken> broken = new AtomicReference<>();
        template.query(con -> {
            var statement = con.prepareStatement("""
                select seq, occurred_at, actor, role, acting_for, organization_id, purpose, action, resource_type,
                    resource_id, outcome, client_ip, detail, prev_hash, hash
                from audit_entry where seq > ? order by seq""");
            // stream the chain instead of loading it: a province's log does not fit in memory
            statement.setFetchSize(1000);
            statement.setLong(1, anchor.lastSeq());
            return statement;
        }, (RowCallbackHandler) rs -> {
            count.incrementAndGet();
            if (broken.get() != null) {
                return;
            }
            long seq = rs.getLong("seq");
            if (seq != expectedSeq.get()) {
                broken.set(new Broken(expectedSeq.get(), "GAP"));
                return;
            }
            if (!prev.get().equals(rs.getString("prev_hash"))) {
                broken.set(new Broken(seq, "LINK_MISMATCH"));
                return;
            }
            String recomputed = ChainHash.of(rs.getString("prev_hash"), seq, instant(rs, "occurred_at"),
                    rs.getString("actor"), rs.getString("role"), rs.getString("acting_for"),
                    rs.getString("organization_id"), rs.getString("purpose"), rs.getString("action"),
                    rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("outcome"),
                    rs.getString("client_ip"), rs.getString("detail"));
            if (!recomputed.equals(rs.getString("hash"))) {
                broken.set(new Broken(seq, "HASH_MISMATCH"));
                return;
            }
            prev.set(rs.getString("hash"));
            expectedSeq.incrementAndGet();
        });
        if (broken.get() == null) {
            Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
            if (head.lastSeq() != expectedSeq.get() - 1 || !head.lastHash().equals(prev.get())) {
                // entries were removed from the end of the chain
                broken.set(new Broken(expectedSeq.get(), "TRUNCATED"));
            }
        }
        return new Verification(broken.get() == null, count.get(), broken.get());
    }

    @Override
    public PageResult<Entry> search(Query q, PageRequest page) {
        chainer.drain();
        return reads.execute(tx -> find(q, page));
    }

    private PageResult<Entry> find(Query q, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(where, args, "actor", q.actor());
        filter(where, args, "action", q.action());
        filter(where, args, "outcome", q.outcome());
        filter(where, args, "resource_type", q.resourceType());
        filter(where, args, "resource_id", q.resourceId());
        if (q.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        Long total = template.queryForObject("select count(*) from audit_entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<Entry> items = template.query("""
                select seq, occurred_at, actor, role, acting_for, organization_id, purpose, action, resource_type,
                    resource_id, outcome, client_ip, detail from audit_entry""" + where
                + " order by seq desc limit ? offset ?", (rs, n) -> new Entry(rs.getLong("seq"),
                instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("role"), rs.getString("acting_for"),
                rs.getString("organization_id"), rs.getString("purpose"), rs.getString("action"),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("outcome"),
                rs.getString("client_ip"), rs.getString("detail")), pageArgs.toArray());
        return new PageResult<>(items, total == null ? 0 : total, page.page(), page.size());
    }

    @Override
    public java.util.Optional<Entry> entry(long seq) {
        chainer.drain();
        return template.query("""
                select seq, occurred_at, actor, role, acting_for, organization_id, purpose, action, resource_type,
                    resource_id, outcome, client_ip, detail from audit_entry where seq = ?""", (rs, n) -> new Entry(
                rs.getLong("seq"), instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("role"),
                rs.getString("acting_for"), rs.getString("organization_id"), rs.getString("purpose"),
                rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getString("outcome"), rs.getString("client_ip"), rs.getString("detail")), seq).stream().findFirst();
    }

    private static void filter(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value.strip());
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /**
     * Purges the prefix of the chain older than {@code cutoff} and moves the verification anchor to the last purged
     * entry, so that the remaining chain still verifies.
     */
    @Transactional
    public long purgeBefore(Instant cutoff) {
        chainer.drain();
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        List<Head> last = jdbc.sql("""
                select seq, hash from audit_entry where occurred_at < :cutoff and seq < :head
                order by seq desc limit 1""")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).param("head", head.lastSeq())
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).list();
        if (last.isEmpty()) {
            return 0;
        }
        int removed = jdbc.sql("delete from audit_entry where seq <= :seq").param("seq", last.get(0).lastSeq()).update();
        jdbc.sql("update audit_chain_head set anchor_seq = :seq, anchor_hash = :hash where id = 1")
                .param("seq", last.get(0).lastSeq()).param("hash", last.get(0).lastHash()).update();
        return removed;
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
