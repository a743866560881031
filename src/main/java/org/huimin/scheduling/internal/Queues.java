package org.huimin.scheduling.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.HealthCodes;
import org.huimin.identity.Residents;
import org.huimin.identity.Scene;
import org.huimin.scheduling.Appointment;
import org.huimin.scheduling.AppointmentStatus;
import org.huimin.shared.Masking;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-in and the waiting queue (候诊). Scanning the resident's health code at a kiosk or window (no card) checks in
 * today's booking at that organisation and gives a queue number; elderly residents (70+), disabled residents and
 * same-day revisits go ahead. The clinician calls the next patient to the room; the called resident is told where to
 * go and the resident with three people ahead is told to get ready.
 */
@Service
public class Queues {

    private static final Logger log = LoggerFactory.getLogger(Queues.class);
    private static final Set<String> DESK = Set.of(Role.NURSE.name(), Role.SCHEDULER.name(), Role.CLINICIAN.name(),
            Role.PLATFORM_ADMIN.name());
    /** Arriving this long after the slot ended is too late to check in. */
    private static final Duration LATE = Duration.ofMinutes(30);
    /** Reminded when this many people are ahead. */
    private static final int REMIND_AHEAD = 3;

    public record TicketView(UUID id, UUID sessionId, UUID appointmentId, UUID residentId, String residentName,
            int number, String priority, String status, long ahead, Instant checkedInAt, Instant calledAt,
            String room, Instant slotStart, UUID practitionerId, String departmentCode, UUID organizationId) {
    }

    private final QueueRecords queue;
    private final AppointmentRecords appointments;
    private final Schedules schedules;
    private final HealthCodes codes;
    private final Residents residents;
    private final BookingService bookings;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final SchedulingProperties properties;
    private final Clock clock;

    Queues(QueueRecords queue, AppointmentRecords appointments, Schedules schedules, HealthCodes codes,
            Residents residents, BookingService bookings, AuditLog audit, TransactionTemplate transactions,
            SchedulingProperties properties, Clock clock) {
        this.queue = queue;
        this.appointments = appointments;
        this.schedules = schedules;
        this.codes = codes;
        this.residents = residents;
        this.bookings = bookings;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks in with the health code (no card): today's booking at the caller's organisation, the earliest. */
    public TicketView checkInByCode(String healthCode, String pin, String terminalId, boolean disabled) {
        Actor actor = staff();
        if (healthCode == null || healthCode.isBlank()) {
            throw ProblemException.invalid("healthCode", "validation.required");
        }
        HealthCodes.Scan scan = codes.scan(healthCode.strip(), Scene.REGISTRATION, pin, terminalId);
        if (scan.foreignRegion() || scan.residentId() == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-booking-today", "problem.no-booking-today");
        }
        Instant now = clock.instant();
        Appointment a = appointments.bookedAt(scan.residentId(), actor.organizationId(), today()).stream()
                .filter(x -> x.endsAt().plus(LATE).isAfter(now)).findFirst()
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "no-booking-today",
                        "problem.no-booking-today"));
        return checkIn(a, disabled, actor);
    }

    /** Checks in one appointment at the window (a resident without a code, or staff's choice). */
    public TicketView checkInAppointment(UUID appointmentId, boolean disabled) {
        Actor actor = staff();
        Appointment a = appointments.find(appointmentId)
                .orElseThrow(() -> ProblemException.notFound("appointment", appointmentId));
        if (!a.organizationId().equals(actor.organizationId()) && !actor.has(Role.PLATFORM_ADMIN)) {
            throw ProblemException.notFound("appointment", appointmentId);
        }
        if (!a.day().equals(today())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not-today", "problem.not-today");
        }
        return checkIn(a, disabled, actor);
    }

    private TicketView checkIn(Appointment a, boolean disabled, Actor actor) {
        Instant now = clock.instant();
        QueueRecords.Priority priority = disabled ? QueueRecords.Priority.DISABLED
                : elderly(a.residentId()) ? QueueRecords.Priority.ELDERLY
                : queue.visitedToday(a.residentId(), a.organizationId(), a.departmentCode(), a.day())
                        ? QueueRecords.Priority.REVISIT : QueueRecords.Priority.NORMAL;
        QueueRecords.Ticket ticket = transactions.execute(tx -> {
            queue.lockSession(a.sessionId());
            if (!appointments.advance(a.id(), AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN)) {
                throw new ProblemException(HttpStatus.CONFLICT, "not-checkin-able", "problem.not-checkin-able");
            }
            var t = new QueueRecords.Ticket(UUID.randomUUID(), a.sessionId(), a.id(), a.residentId(),
                    queue.nextNumber(a.sessionId()), priority, QueueRecords.Status.WAITING, now, null);
            queue.insert(t);
            long ahead = queue.ahead(t);
            bookings.tell(a.residentId(), "queue-checked-in", Map.of("number", String.valueOf(t.number()),
                    "ahead", String.valueOf(ahead)));
            return t;
        });
        audit.record(AuditEvent.byCurrentActor("APPOINTMENT_CHECK_IN", "Appointment", a.id().toString(),
                Outcome.SUCCESS).withActingFor(a.residentId().toString()).withPurpose("CARE")
                .withDetail("number " + ticket.number() + " " + priority));
        return view(ticket, null, queue.ahead(ticket));
    }

    /** The session's queue in calling order. */
    public List<TicketView> session(UUID sessionId) {
        Actor actor = staff();
        Schedules.SessionRow s = session(sessionId, actor);
        List<TicketView> views = new ArrayList<>();
        long waitingBefore = 0; // the list is in calling order: a waiting ticket's place is the waiting ones before it
        for (QueueRecords.Ticket t : queue.ofSession(sessionId)) {
            boolean waiting = t.status() == QueueRecords.Status.WAITING;
            views.add(view(t, s, waiting ? waitingBefore++ : 0));
        }
        return views;
    }

    /** Calls the next patient: the one in the room is done, the next waiting one is called to the room. */
    public List<TicketView> next(UUID sessionId) {
        Actor actor = staff();
        Schedules.SessionRow s = session(sessionId, actor);
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            queue.lockSession(sessionId);
            List<QueueRecords.Ticket> tickets = queue.ofSession(sessionId);
            for (QueueRecords.Ticket t : tickets) {
                if (t.status() == QueueRecords.Status.CALLED) {
                    queue.move(t.id(), QueueRecords.Status.CALLED, QueueRecords.Status.DONE, now);
                    appointments.advance(t.appointmentId(), AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED);
                }
            }
            List<QueueRecords.Ticket> waiting = tickets.stream()
                    .filter(t -> t.status() == QueueRecords.Status.WAITING).toList();
            if (waiting.isEmpty()) {
                return;
            }
            QueueRecords.Ticket called = waiting.get(0);
            queue.move(called.id(), QueueRecords.Status.WAITING, QueueRecords.Status.CALLED, now);
            bookings.tell(called.residentId(), "queue-called", Map.of("number", String.valueOf(called.number()),
                    "room", s.room() == null ? "" : s.room()));
            if (waiting.size() > REMIND_AHEAD + 1) {
                // after this call, the ticket at this index has exactly REMIND_AHEAD waiting before it
                QueueRecords.Ticket soon = waiting.get(REMIND_AHEAD + 1);
                bookings.tell(soon.residentId(), "queue-soon", Map.of("ahead", String.valueOf(REMIND_AHEAD),
                        "number", String.valueOf(soon.number()), "room", s.room() == null ? "" : s.room()));
            }
        });
        return session(sessionId);
    }

    /** The called patient did not come: their ticket is skipped (they can be recalled when they arrive). */
    public List<TicketView> skip(UUID ticketId) {
        QueueRecords.Ticket t = ticket(ticketId);
        if (!queue.move(t.id(), QueueRecords.Status.CALLED, QueueRecords.Status.SKIPPED, clock.instant())) {
            throw new ProblemException(HttpStatus.CONFLICT, "ticket-not-called", "problem.ticket-not-called");
        }
        return session(t.sessionId());
    }

    /** A skipped patient arrived after all: back in the queue, next in line (过号重排). */
    public List<TicketView> recall(UUID ticketId) {
        QueueRecords.Ticket t = ticket(ticketId);
        if (t.status() != QueueRecords.Status.SKIPPED) {
            throw new ProblemException(HttpStatus.CONFLICT, "ticket-not-skipped", "problem.ticket-not-skipped");
        }
        queue.requeue(t.id());
        return session(t.sessionId());
    }

    /** The caller's tickets of today with their place in the queue. */
    public List<TicketView> mine(UUID residentId) {
        Instant since = today().atStartOfDay(properties.zone()).toInstant();
        return queue.ofResident(residentId, since).stream()
                .map(t -> view(t, null, t.status() == QueueRecords.Status.WAITING ? queue.ahead(t) : 0)).toList();
    }

    /** Bookings nobody checked in for, an hour after their slot, become NO_SHOW (they count against online booking). */
    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT2M")
    void markNoShows() {
        int n = appointments.markNoShows(clock.instant().minus(Duration.ofHours(1)));
        if (n > 0) {
            log.info("{} bookings marked as no-shows", n);
        }
    }

    private QueueRecords.Ticket ticket(UUID id) {
        Actor actor = staff();
        QueueRecords.Ticket t = queue.find(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        session(t.sessionId(), actor);
        return t;
    }

    private Schedules.SessionRow session(UUID sessionId, Actor actor) {
        Schedules.SessionRow s = schedules.session(sessionId)
                .orElseThrow(() -> ProblemException.notFound("session", sessionId));
        if (!s.organizationId().equals(actor.organizationId()) && !actor.has(Role.PLATFORM_ADMIN)) {
            throw ProblemException.notFound("session", sessionId);
        }
        return s;
    }

    private boolean elderly(UUID residentId) {
        return residents.find(residentId).map(r -> r.birthDate() != null
                && r.birthDate().plusYears(70).compareTo(today()) <= 0).orElse(false);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    private static Actor staff() {
        Actor actor = CurrentActor.get();
        if (actor.roles().stream().noneMatch(DESK::contains) || actor.organizationId() == null
                && !actor.has(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        return actor;
    }

    /** A ticket as loaded (no second read); {@code ahead} the waiting tickets called before it. */
    private TicketView view(QueueRecords.Ticket t, Schedules.SessionRow s, long ahead) {
        Schedules.SessionRow session = s != null ? s : schedules.session(t.sessionId()).orElse(null);
        String name = residents.find(t.residentId()).map(r -> Masking.name(r.name())).orElse(null);
        return new TicketView(t.id(), t.sessionId(), t.appointmentId(), t.residentId(), name, t.number(),
                t.priority().name(), t.status().name(), ahead, t.checkedInAt(), t.calledAt(),
                session == null ? null : session.room(),
                appointments.find(t.appointmentId()).map(Appointment::startsAt).orElse(null),
                session == null ? null : session.practitionerId(), session == null ? null : session.departmentCode(),
                session == null ? null : session.organizationId());
    }
}
