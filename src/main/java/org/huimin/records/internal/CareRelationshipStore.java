package org.huimin.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.huimin.records.CareRelationships;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Care relationships on JDBC; one row per (kind, reference), so re-opening extends instead of duplicating. */
@Service
class CareRelationshipStore implements CareRelationships {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final Clock clock;

    CareRelationshipStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void open(UUID residentId, UUID organizationId, UUID practitionerId, String kind, String reference,
            Instant validFrom, Instant validUntil) {
        openAll(java.util.List.of(new Opening(residentId, organizationId, practitionerId, kind, reference, validFrom,
                validUntil)));
    }

    @Override
    @Transactional
    public void openAll(java.util.List<Opening> openings) {
        if (openings.isEmpty()) {
            return;
        }
        // a booking opens a relationship for a reference never seen before: try the insert first, so that the flash
        // crowd's bookings pay one statement (one round trip for a batch) here; a reference seen before (a
        // rescheduled visit) is updated
        int[] inserted = openings.size() == 1 ? new int[] {jdbc.sql(INSERT).params(values(openings.get(0))).update()}
                : template.batchUpdate(INSERT, openings.stream().map(CareRelationshipStore::values).toList());
        for (int i = 0; i < openings.size(); i++) {
            if (inserted[i] == 0) {
                Opening o = openings.get(i);
                jdbc.sql("""
                        update rec_care_relationship set resident_id = :r, organization_id = :o, practitioner_id = :p,
                            valid_from = :from, valid_until = :until, ended_at = null
                        where kind = :k and reference = :ref""")
                        .param("r", o.residentId()).param("o", o.organizationId()).param("p", o.practitionerId())
                        .param("from", ResourceStore.utc(o.validFrom()))
                        .param("until", ResourceStore.utc(o.validUntil()))
                        .param("k", o.kind()).param("ref", o.reference()).update();
            }
        }
    }

    private static final String INSERT = """
            insert into rec_care_relationship (id, resident_id, organization_id, practitioner_id, kind, reference,
                valid_from, valid_until)
            select cast(? as uuid), cast(? as uuid), cast(? as uuid), cast(? as uuid), cast(? as varchar(24)),
                cast(? as varchar(100)), cast(? as timestamp with time zone), cast(? as timestamp with time zone)
            where not exists (select 1 from rec_care_relationship where kind = ? and reference = ?)""";

    private static Object[] values(Opening o) {
        return new Object[] {UUID.randomUUID(), o.residentId(), o.organizationId(), o.practitionerId(), o.kind(),
                o.reference(), ResourceStore.utc(o.validFrom()), ResourceStore.utc(o.validUntil()), o.kind(),
                o.reference()};
    }

    @Override
    @Transactional
    public void end(String kind, String reference) {
        jdbc.sql("update rec_care_relationship set ended_at = :now where kind = :k and reference = :ref "
                + "and ended_at is null")
                .param("now", ResourceStore.utc(clock.instant())).param("k", kind).param("ref", reference).update();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(UUID residentId, UUID organizationId, UUID practitionerId) {
        if (organizationId == null && practitionerId == null) {
            return false;
        }
        return !jdbc.sql("""
                select 1 from rec_care_relationship
                where resident_id = :r and ended_at is null and valid_from <= :now and valid_until > :now
                  and ((practitioner_id is not null and practitioner_id = :p)
                       or (practitioner_id is null and organization_id = :o))
                fetch first 1 rows only""")
                .param("r", residentId).param("p", practitionerId).param("o", organizationId)
                .param("now", ResourceStore.utc(clock.instant())).query(Integer.class).list().isEmpty();
    }

    /** Residents the clinician is in an active care relationship with, most recent first. */
    java.util.List<UUID> residentsOf(UUID organizationId, UUID practitionerId, int limit) {
        return jdbc.sql("""
                select resident_id, max(valid_from) latest from rec_care_relationship
                where ended_at is null and valid_from <= :now and valid_until > :now
                  and ((practitioner_id is not null and practitioner_id = :p)
                       or (practitioner_id is null and organization_id = :o))
                group by resident_id order by latest desc fetch first %d rows only""".formatted(Math.max(1, limit)))
                .param("p", practitionerId).param("o", organizationId)
                .param("now", ResourceStore.utc(clock.instant())).query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }
}
