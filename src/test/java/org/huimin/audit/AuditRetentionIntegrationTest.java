package org.huimin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.huimin.audit.AuditEvent.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;

/** Retention purges a prefix of the chain and moves the anchor, so the rest still verifies. */
@SpringBootTest
@DirtiesContext
class AuditRetentionIntegrationTest {

    @Autowired
    AuditLog audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;

    @Test
    void purgingOldEntriesKeepsTheRestVerifiable() throws Exception {
        audit.record(new AuditEvent("old", null, null, null, null, "READ", "X", "1", Outcome.SUCCESS, null, null));
        // entries cannot be back-dated without breaking their hashes, so purge with a cutoff just ahead of now
        long beforeCount = trail.verify().entries();
        long first = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        // the bean behind AuditTrail also implements retention's purge
        long removed = (long) ReflectionTestUtils.invokeMethod(trail, "purgeBefore", Instant.now().plusSeconds(1));
        assertThat(removed).isEqualTo(beforeCount - 1); // the newest entry stays as the chain head
        audit.record(new AuditEvent("new", null, null, null, null, "READ", "X", "2", Outcome.SUCCESS, null, null));
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(2);
        assertThat(jdbc.sql("select anchor_seq from audit_chain_head").query(Long.class).single())
                .isGreaterThanOrEqualTo(first - 1);
        // removing the newest entry (truncation) is caught too
        jdbc.sql("delete from audit_entry where seq = (select max(seq) from audit_entry)").update();
        assertThat(trail.verify().firstBroken().reason()).isEqualTo("TRUNCATED");
    }
}
