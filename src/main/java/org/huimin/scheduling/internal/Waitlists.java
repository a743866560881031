package org.huimin.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Proxies;
import org.huimin.scheduling.Appointment;
import org.huimin.scheduling.Channel;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waitlist (候补) for a full session. When a place is freed (a cancellation), the waiting residents are served in the
 * order they joined: the first whose channel may take a free place is booked at once and told so; one who can no
 * longer be booked (a rule refuses) is skipped with the reason. Booking and marking the entry FILLED commit together,
 * so two cancellations filling at once never book one entry twice.
 */
@Service
public class Waitlists {

    private static final Logger log = LoggerFactory.getLogger(Waitlists.class);

    /** An entry as its resident sees it; {@code position} is 1-based while WAITING. */
    public record EntryView(UUID id, UUID sessionId, UUID residentId, Channel channel, String status,
            UUID appointmentId, String note, Instant createdAt, Long position, Instant sessionStartsAt,
            UUID organizationId, String departmentCode, UUID practitionerId) {
    }

    private final WaitlistRecords waitlist;
    private final AppointmentRecords records;
    private final Schedules schedules;
    private final BookingService bookings;
    private final Proxies proxies;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Waitlists(WaitlistRecords waitlist, AppointmentRecords records, Schedules schedules, BookingService bookings, Proxies proxies, AuditLog audit,
            TransactionTemplate transactions, Clock clock) {
        this.waitlist = waitlist;
        this.records = records;
        this.schedules = schedules;
        this.bookings = bookings;
        this.proxies = proxies;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Joins the waitlist of a session that is full for the caller's channel. */
    public EntryView join(UUID sessionId, UUID residentId) {
        Actor actor = CurrentActor.get();
        Channel channel = BookingService.defaultChannel(actor);
        UUID resident = bookings.resident(actor, channel, residentId);
        Schedules.SessionRow session = schedules.session(sessionId)
                .orElseThrow(() -> ProblemException.notFound("session", sessionId));
        Instant now = clock.instant();
        List<Schedules.SlotRow> slots = schedules.slotsOfSession(sessionId);
        if (!"OPEN".equals(session.status())) {
            throw BookingService.refused(BookingPolicy.Refusal.SESSION_STOPPED);
        }
        if (!now.isBefore(session.startsAt())) {
            throw BookingService.refused(BookingPolicy.Refusal.SLOT_PAST);
        }
        if (slots.stream().anyMatch(s -> BookingPolicy.bookable(s.status(), s.startsAt(), s.releasesAt(), now)
                && PoolPolicy.available(channel, now, s.flowsBackAt(), s.remaining()) > 0)) {
            throw new ProblemException(HttpStatus.CONFLICT, "places-available", "problem.places-available");
        }
        var entry = new WaitlistRecords.Entry(UUID.randomUUID(), sessionId, resident, channel, actor.username(),
                WaitlistRecords.Status.WAITING, null, null, now);
        try {
            waitlist.insert(entry);
        } catch (DuplicateKeyException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "already-waiting", "problem.already-waiting");
        }
        audit.record(AuditEvent.byCurrentActor("WAITLIST_JOIN", "Appointment", entry.id().toString(),
                Outcome.SUCCESS).withActingFor(resident.equals(actor.residentId()) ? null : resident.toString())
                .withPurpose("CARE"));
        return view(entry, session);
    }

    /** Leaves the waitlist (the resident, their proxy, or window staff). */
    public EntryView leave(UUID id) {
        WaitlistRecords.Entry e = visible(id);
        if (!waitlist.end(id, WaitlistRecords.Status.CANCELLED, null, null, clock.instant())) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-waiting", "problem.not-waiting");
        }
        return view(waitlist.find(id).orElseThrow(), schedules.session(e.sessionId()).orElse(null));
    }

    public List<EntryView> ofResident(UUID residentId) {
        Actor actor = CurrentActor.get();
        if (!BookingService.mayManage(actor) && !residentId.equals(actor.residentId()) && (actor.residentId() == null
                || !proxies.mayActFor(actor.residentId(), residentId, ProxyPermission.BOOK))) {
            throw BookingService.forbidden("forbidden");
        }
        return waitlist.ofResident(residentId).stream()
                .map(e -> view(e, schedules.session(e.sessionId()).orElse(null))).toList();
    }

    private WaitlistRecords.Entry visible(UUID id) {
        Actor actor = CurrentActor.get();
        WaitlistRecords.Entry e = waitlist.find(id).orElseThrow(() -> ProblemException.notFound("waitlist entry", id));
        if (!BookingService.mayManage(actor) && !e.residentId().equals(actor.residentId())
                && (actor.residentId() == null
                        || !proxies.mayActFor(actor.residentId(), e.residentId(), ProxyPermission.BOOK))) {
            throw ProblemException.notFound("waitlist entry", id);
        }
        return e;
    }

    /** Gives the free places of a session to its waiting residents, in order. Returns how many were booked. */
    public int fill(UUID sessionId) {
        int filled = 0;
        for (WaitlistRecords.Entry e : waitlist.waiting(sessionId)) {
            Instant now = clock.instant();
            Optional<Schedules.SlotRow> free = schedules.slotsOfSession(sessionId).stream()
                    .filter(s -> BookingPolicy.bookable(s.status(), s.startsAt(), s.releasesAt(), now)
                            && PoolPolicy.available(e.channel(), now, s.flowsBackAt(), s.remaining()) > 0)
                    .findFirst();
            if (free.isEmpty()) {
                continue; // nothing this entry's channel may take; a later entry's channel might
            }
            try {
                Appointment a = transactions.execute(tx -> {
                    Appointment booked = bookings.place(free.get(), e.residentId(), e.channel(),
                            "waitlist", true, null, null, false);
                    if (!waitlist.end(e.id(), WaitlistRecords.Status.FILLED, booked.id(), null, now)) {
                        tx.setRollbackOnly(); // left or filled meanwhile: book nothing
                        return null;
                    }
                    bookings.tell(e.residentId(), "waitlist-filled", bookings.notice(booked.organizationId(),
                            booked.practitionerId(), booked.departmentCode(), booked.startsAt()));
                    return booked;
                });
                if (a != null) {
                    filled++;
                    audit.record(new AuditEvent("system", "SYSTEM", e.residentId().toString(), null, "CARE",
                            "WAITLIST_FILL", "Appointment", a.id().toString(), Outcome.SUCCESS, null,
                            "waitlist " + e.id()));
                }
            } catch (ProblemException p) {
                if (!"slot-full".equals(p.type())) {
                    waitlist.end(e.id(), WaitlistRecords.Status.SKIPPED, null, p.type(), now);
                }
            } catch (DuplicateKeyException d) {
                waitlist.end(e.id(), WaitlistRecords.Status.SKIPPED, null, "already-booked", now);
            } catch (RuntimeException r) {
                log.warn("Waitlist entry {} could not be served: {}", e.id(), r.toString());
            }
        }
        return filled;
    }

    /** Ends every waiting entry of a stopped session; returns the residents who were waiting. */
    List<UUID> expire(UUID sessionId, String reason) {
        Instant now = clock.instant();
        return waitlist.waiting(sessionId).stream()
                .filter(e -> waitlist.end(e.id(), WaitlistRecords.Status.EXPIRED, null, reason, now))
                .map(WaitlistRecords.Entry::residentId).toList();
    }

    long waitingCount(UUID sessionId) {
        return waitlist.waitingCount(sessionId);
    }

    private EntryView view(WaitlistRecords.Entry e, Schedules.SessionRow s) {
        return new EntryView(e.id(), e.sessionId(), e.residentId(), e.channel(), e.status().name(), e.appointmentId(),
                e.note(), e.createdAt(), e.status() == WaitlistRecords.Status.WAITING ? waitlist.position(e) : null,
                s == null ? null : s.startsAt(), s == null ? null : s.organizationId(),
                s == null ? null : s.departmentCode(), s == null ? null : s.practitionerId());
    }
}
