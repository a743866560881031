package org.huimin.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns weekly templates into dated sessions, slots and pools, {@code horizon-days} ahead, skipping holidays and
 * leave. Idempotent: a session exists once per template and day (a unique key), so nodes may run it at once.
 */
@Component
class SlotGenerator {

    private static final Logger log = LoggerFactory.getLogger(SlotGenerator.class);

    private final Schedules schedules;
    private final SchedulingProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlotGenerator(Schedules schedules, SchedulingProperties properties, TransactionTemplate transactions,
            Clock clock) {
        this.schedules = schedules;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "0 5 0 * * *", zone = "${huimin.scheduling.zone:Asia/Shanghai}")
    void generateAhead() {
        int sessions = generate(today(), today().plusDays(properties.horizonDays()));
        if (sessions > 0) {
            log.info("Generated {} clinic sessions up to {} days ahead", sessions, properties.horizonDays());
        }
    }

    /** Generates the sessions of {@code from..to} (inclusive) that do not exist yet; returns how many. */
    int generate(LocalDate from, LocalDate to) {
        int created = 0;
        List<Schedules.Template> templates = schedules.templates(null, true);
        Set<String> closed = new HashSet<>();
        for (Schedules.Exception e : schedules.exceptions(null, from, to)) {
            closed.add(e.organizationId() + "|" + e.practitionerId() + "|" + e.day());
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Schedules.Template t : templates) {
                if (t.dayOfWeek() != day.getDayOfWeek().getValue()
                        || closed.contains(t.organizationId() + "|null|" + day)
                        || closed.contains(t.organizationId() + "|" + t.practitionerId() + "|" + day)
                        || schedules.sessionExists(t.id(), day)) {
                    continue;
                }
                if (create(t, day)) {
                    created++;
                }
            }
        }
        return created;
    }

    private boolean create(Schedules.Template t, LocalDate day) {
        ZonedDateTime start = day.atTime(t.start()).atZone(properties.zone());
        ZonedDateTime end = day.atTime(t.end()).atZone(properties.zone());
        Instant releases = day.minusDays(properties.releaseDaysAhead()).atTime(properties.releaseTime())
                .atZone(properties.zone()).toInstant();
        PoolShares shares = PoolShares.parse(t.poolShares());
        List<Schedules.NewSlot> slots = new ArrayList<>();
        for (ZonedDateTime s = start; !s.plusMinutes(t.slotMinutes()).isAfter(end); s = s.plusMinutes(t.slotMinutes())) {
            slots.add(new Schedules.NewSlot(UUID.randomUUID(), s.toInstant(), s.plusMinutes(t.slotMinutes()).toInstant(),
                    t.slotCapacity(), shares.split(t.slotCapacity())));
        }
        var session = new Schedules.NewSession(UUID.randomUUID(), t, day, start.toInstant(), end.toInstant(), releases,
                start.toInstant().minus(properties.flowBack()));
        try {
            transactions.executeWithoutResult(tx -> schedules.insertSession(session, slots));
            return true;
        } catch (DuplicateKeyException e) {
            return false; // another node generated it first
        }
    }
}
