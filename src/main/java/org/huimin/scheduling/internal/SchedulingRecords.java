package org.huimin.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Proxies;
import org.huimin.scheduling.Appointment;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.stereotype.Service;

/**
 * Read access for the FHIR facade: sessions (Schedule) and slots are public timetable data for any signed-in user;
 * appointments are a resident's data, read by the resident, a proxy with the BOOK permission, or staff who book and
 * treat (nurse, scheduler, clinician, family doctor, administrator), each read audited.
 */
@Service
public class SchedulingRecords {

    private static final Set<String> STAFF = Set.of(Role.NURSE.name(), Role.SCHEDULER.name(), Role.CLINICIAN.name(),
            Role.FAMILY_DOCTOR.name(), Role.PLATFORM_ADMIN.name());

    public record Session(UUID id, UUID organizationId, String departmentCode, UUID practitionerId, String serviceName,
            LocalDate day, String period, Instant startsAt, Instant endsAt, String registrationType, String status) {
    }

    public record Slot(UUID id, UUID sessionId, Instant startsAt, Instant endsAt, int capacity, int booked,
            String status) {
    }

    private final Schedules schedules;
    private final AppointmentRecords appointments;
    private final Proxies proxies;
    private final AuditLog audit;
    private final Clock clock;

    SchedulingRecords(Schedules schedules, AppointmentRecords appointments, Proxies proxies, AuditLog audit,
            Clock clock) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.proxies = proxies;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Session> session(UUID id) {
        return schedules.session(id).map(SchedulingRecords::session);
    }

    public List<Session> sessions(UUID practitionerId, UUID organizationId, LocalDate from, LocalDate to) {
        return schedules.sessions(practitionerId, organizationId, from, to, 500).stream()
                .map(SchedulingRecords::session).toList();
    }

    public Optional<Slot> slot(UUID id) {
        return schedules.slot(id).map(SchedulingRecords::slot);
    }

    public List<Slot> slotsOfSession(UUID sessionId) {
        return schedules.slotsOfSession(sessionId).stream().map(SchedulingRecords::slot).toList();
    }

    public Optional<Appointment> appointment(UUID id) {
        Optional<Appointment> a = appointments.find(id);
        a.ifPresent(x -> requireRead(x.residentId(), "APPOINTMENT_FHIR_READ", id.toString()));
        return a;
    }

    public List<Appointment> appointmentsOf(UUID residentId, Instant from, Instant to) {
        requireRead(residentId, "APPOINTMENT_FHIR_SEARCH", residentId.toString());
        return appointments.ofResidentBetween(residentId, from, to, 500);
    }

    private void requireRead(UUID residentId, String action, String resource) {
        Actor actor = CurrentActor.get();
        boolean allowed = actor.roles().stream().anyMatch(STAFF::contains)
                || residentId.equals(actor.residentId())
                || (actor.residentId() != null && proxies.mayActFor(actor.residentId(), residentId,
                        ProxyPermission.BOOK));
        audit.record(AuditEvent.byCurrentActor(action, "Appointment", resource,
                allowed ? Outcome.SUCCESS : Outcome.DENIED).withPurpose("CARE")
                .withActingFor(residentId.equals(actor.residentId()) ? null : residentId.toString()));
        if (!allowed) {
            throw new ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException(
                    "No care or proxy relationship to this resident");
        }
    }

    private static Session session(Schedules.SessionRow s) {
        return new Session(s.id(), s.organizationId(), s.departmentCode(), s.practitionerId(), s.serviceName(),
                s.day(), s.period().name(), s.startsAt(), s.endsAt(), s.registrationType().name(), s.status());
    }

    private static Slot slot(Schedules.SlotRow s) {
        int capacity = s.pools().values().stream().mapToInt(p -> p[0]).sum();
        int booked = s.pools().values().stream().mapToInt(p -> p[1]).sum();
        return new Slot(s.slotId(), s.sessionId(), s.startsAt(), s.endsAt(), capacity, booked, s.status());
    }
}
