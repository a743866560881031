package org.huimin.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.directory.Directory;
import org.huimin.scheduling.Appointment;
import org.huimin.scheduling.AppointmentCancelled;
import org.huimin.scheduling.AppointmentStatus;
import org.huimin.scheduling.Channel;
import org.huimin.scheduling.Period;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduler's day: sessions with their occupancy and waitlists, and stop-service (停诊). Stopping a session ends
 * every booking in it (status STOPPED), ends its waitlist, and tells each resident with up to three other slots of
 * the same department in the coming week so that they can rebook.
 */
@Service
public class SessionControl {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    public record SessionView(UUID id, UUID organizationId, String departmentCode, UUID practitionerId,
            String practitionerName, String serviceName, LocalDate day, Period period, Instant startsAt,
            Instant endsAt, String status, String stopReason, int capacity, int booked, long waiting, String room) {
    }

    private final Schedules schedules;
    private final AppointmentRecords appointments;
    private final Waitlists waitlists;
    private final BookingService bookings;
    private final SlotSearch search;
    private final Directory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SchedulingProperties properties;
    private final Clock clock;

    SessionControl(Schedules schedules, AppointmentRecords appointments, Waitlists waitlists, BookingService bookings,
            SlotSearch search, Directory directory, AuditLog audit, ApplicationEventPublisher events,
            TransactionTemplate transactions, SchedulingProperties properties, Clock clock) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.waitlists = waitlists;
        this.bookings = bookings;
        this.search = search;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public List<SessionView> sessions(UUID organizationId, LocalDate day, String departmentCode) {
        UUID org = scope(organizationId);
        Map<UUID, int[]> occupancy = schedules.occupancy(day, org);
        Map<UUID, String> names = new HashMap<>();
        return schedules.sessionsOfDay(day, org, departmentCode == null || departmentCode.isBlank() ? null
                : departmentCode).stream().map(s -> view(s, occupancy.getOrDefault(s.id(), new int[2]), names))
                .toList();
    }

    /** Stops a session: its bookings end as STOPPED and their residents are told, with slots to rebook. */
    public SessionView stop(UUID sessionId, String reason) {
        Schedules.SessionRow session = schedules.session(sessionId)
                .orElseThrow(() -> ProblemException.notFound("session", sessionId));
        scope(session.organizationId());
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "validation.required");
        }
        String why = reason.strip();
        if (why.length() > 200) {
            throw ProblemException.invalid("reason", "validation.too-long");
        }
        Actor actor = CurrentActor.get();
        Instant now = clock.instant();
        List<Appointment> stopped = transactions.execute(tx -> {
            if (!schedules.stopSession(sessionId, session.day(), session.departmentCode(), why)) {
                throw new ProblemException(HttpStatus.CONFLICT, "session-stopped", "problem.session-stopped");
            }
            schedules.lockPlaces(sessionId); // waits for bookings in flight, so that the sweep below sees them
            List<Appointment> ended = new ArrayList<>();
            for (Appointment a : appointments.bookedInSession(sessionId)) {
                if (appointments.end(a.id(), AppointmentStatus.STOPPED, actor.username(), why, now)) {
                    ended.add(a);
                    events.publishEvent(new AppointmentCancelled(a.id(), a.residentId(), a.slotId(), sessionId,
                            a.startsAt(), AppointmentStatus.STOPPED, why));
                }
            }
            List<UUID> waiting = waitlists.expire(sessionId, "session-stopped");
            String alternatives = alternatives(session);
            Map<String, String> base = new HashMap<>(bookings.notice(session.organizationId(),
                    session.practitionerId(), session.departmentCode(), session.startsAt()));
            base.put("reason", why);
            base.put("alternatives", alternatives);
            for (Appointment a : ended) {
                bookings.tell(a.residentId(), "appointment-stopped", base);
            }
            for (UUID r : waiting) {
                bookings.tell(r, "appointment-stopped", base);
            }
            return ended;
        });
        audit.record(AuditEvent.byCurrentActor("SESSION_STOP", "Schedule", sessionId.toString(), Outcome.SUCCESS)
                .withDetail(stopped.size() + " bookings stopped: " + why));
        return sessions(session.organizationId(), session.day(), session.departmentCode()).stream()
                .filter(v -> v.id().equals(sessionId)).findFirst().orElseThrow();
    }

    /** Up to three slots of the same department and organisation in the next week that residents can book online. */
    private String alternatives(Schedules.SessionRow session) {
        List<String> found = new ArrayList<>();
        for (int d = 0; d < 7 && found.size() < 3; d++) {
            LocalDate day = session.day().plusDays(d);
            for (SlotSearch.SlotView v : search.search(new SlotSearch.Query(day, session.departmentCode(),
                    session.organizationId(), null, null, null, null, Channel.APP, true))) {
                if (!v.sessionId().equals(session.id()) && found.size() < 3) {
                    found.add(WHEN.format(v.start().atZone(properties.zone())) + " "
                            + (v.practitionerName() != null ? v.practitionerName() : v.serviceName()));
                }
            }
        }
        return found.isEmpty() ? "-" : String.join("；", found);
    }

    private SessionView view(Schedules.SessionRow s, int[] occupancy, Map<UUID, String> names) {
        String name = s.practitionerId() == null ? null : names.computeIfAbsent(s.practitionerId(),
                id -> directory.practitioner(id).map(p -> p.name()).orElse(null));
        return new SessionView(s.id(), s.organizationId(), s.departmentCode(), s.practitionerId(), name,
                s.serviceName(), s.day(), s.period(), s.startsAt(), s.endsAt(), s.status(),
                "STOPPED".equals(s.status()) ? schedules.stopReason(s.id()) : null, occupancy[0], occupancy[1],
                waitlists.waitingCount(s.id()), s.room());
    }

    private static UUID scope(UUID requested) {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.PLATFORM_ADMIN)) {
            return requested;
        }
        if (actor.organizationId() == null || (requested != null && !requested.equals(actor.organizationId()))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        return actor.organizationId();
    }
}
