package org.huimin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.shared.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** The audit chain on a real database: concurrent appends, tamper detection, truncation, retention. */
@SpringBootTest
@DirtiesContext
class AuditChainTest {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private static AuditEvent event(String actor, int i) {
        return new AuditEvent(actor, "CLINICIAN", null, null, "TREATMENT", "READ", "Patient", "p-" + i,
                Outcome.SUCCESS, "127.0.0.1", null);
    }

    @Test
    void concurrentWritersProduceOneGapFreeChainAndTamperingIsNamed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            jobs.add(() -> {
                audit.record(event("writer-" + (n % 8), n));
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(jobs)) {
            f.get();
        }
        pool.shutdown();
        AuditTrail.Verification intact = trail.verify();
        assertThat(intact.intact()).isTrue();
        // every line was chained, each once: the resource ids p-0 … p-199 map to distinct sequence numbers
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            seqs.add(jdbc.sql("select seq from audit_entry where actor like 'writer-%' and resource_id = :rid")
                    .param("rid", "p-" + i).query(Long.class).single());
        }
        assertThat(seqs).doesNotHaveDuplicates().hasSize(200);
        assertThat(jdbc.sql("select count(*) from audit_pending").query(Long.class).single()).isZero();

        long victim = seqs.get(100);
        jdbc.sql("update audit_entry set resource_id = 'someone-else' where seq = :seq").param("seq", victim).update();
        AuditTrail.Verification broken = trail.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBroken().seq()).isEqualTo(victim);
        assertThat(broken.firstBroken().reason()).isEqualTo("HASH_MISMATCH");

        // restoring the field makes the chain verify again: verification judges content, not a flag
        jdbc.sql("update audit_entry set resource_id = :rid where seq = :seq").param("rid", "p-" + seqs.indexOf(victim))
                .param("seq", victim).update();
        assertThat(trail.verify().intact()).isTrue();

        // a deleted row in the middle is a gap; a recomputed-hash forgery breaks the next link
        jdbc.sql("delete from audit_entry where seq = :seq").param("seq", victim).update();
        assertThat(trail.verify().firstBroken()).isEqualTo(new AuditTrail.Broken(victim, "GAP"));
    }

    @Test
    void searchFiltersAndPages() {
        for (int i = 0; i < 5; i++) {
            audit.record(event("search-target", i));
        }
        var page = trail.search(new AuditTrail.Query("search-target", "READ", "SUCCESS", null, null,
                Instant.now().minusSeconds(60), null), new PageRequest(0, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).hasSize(2);
        assertThat(page.items().get(0).seq()).isGreaterThan(page.items().get(1).seq());
    }

    @Test
    void anEntryRecordedWithinATransactionSharesItsFate() {
        transactions.executeWithoutResult(tx -> {
            audit.recordWithin(event("within-kept", 1));
        });
        transactions.executeWithoutResult(tx -> {
            audit.recordWithin(event("within-rolled-back", 2));
            tx.setRollbackOnly();
        });
        var kept = trail.search(new AuditTrail.Query("within-kept", null, null, null, null, null, null),
                new PageRequest(0, 10));
        var rolledBack = trail.search(new AuditTrail.Query("within-rolled-back", null, null, null, null, null, null),
                new PageRequest(0, 10));
        assertThat(kept.total()).isEqualTo(1);
        assertThat(rolledBack.total()).isZero();
        assertThat(trail.verify().intact()).isTrue();
        // outside a transaction it is refused rather than silently written on its own
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> audit.recordWithin(event("no-transaction", 3)))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void linesPendingTogetherAreChainedInTheOrderTheyWereWritten() {
        // 203 lines committed at once are pending together and move to the chain in one batch
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 203; i++) {
                audit.recordWithin(event("bulk-writer", i));
            }
        });
        assertThat(trail.verify().intact()).isTrue();
        List<String> inChainOrder = jdbc.sql("select resource_id from audit_entry where actor = 'bulk-writer' "
                + "order by seq").query(String.class).list();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 203; i++) {
            written.add("p-" + i);
        }
        assertThat(inChainOrder).isEqualTo(written);
        assertThat(jdbc.sql("select count(*) from audit_pending").query(Long.class).single()).isZero();
    }

    @Test
    void theChainerLinksWhatIsPendingWithoutBeingAsked() throws InterruptedException {
        audit.record(event("background-chained", 1));
        long pending = 1;
        for (int i = 0; i < 100 && pending > 0; i++) {
            Thread.sleep(50);
            pending = jdbc.sql("select count(*) from audit_pending where actor = 'background-chained'")
                    .query(Long.class).single();
        }
        assertThat(pending).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'background-chained'").query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aStreamOfLinesWithoutAQuietSpellIsChainedWhileItLasts() throws InterruptedException {
        // a line every 10 ms for 2.5 s: the chainer waits for 50 ms of quiet, but never more than 1 s for a line
        long end = System.nanoTime() + 2_500_000_000L;
        long chainedMeanwhile = 0;
        for (int i = 0; System.nanoTime() < end; i++) {
            audit.record(event("streamed", i));
            Thread.sleep(10);
            chainedMeanwhile = jdbc.sql("select count(*) from audit_entry where actor = 'streamed'")
                    .query(Long.class).single();
        }
        assertThat(chainedMeanwhile).isPositive();
    }
}
