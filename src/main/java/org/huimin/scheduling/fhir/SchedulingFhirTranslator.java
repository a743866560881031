package org.huimin.scheduling.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;
import org.huimin.scheduling.internal.SchedulingRecords;
import org.springframework.stereotype.Component;

/** Sessions, slots and appointments as FHIR R4 Schedule, Slot and Appointment. */
@Component
class SchedulingFhirTranslator {

    /** The standard department codes (诊疗科目代码) as a code system. */
    static final String DEPARTMENT_SYSTEM = "https://huimin.org/fhir/CodeSystem/department";
    static final String REGISTRATION_TYPE_SYSTEM = "https://huimin.org/fhir/CodeSystem/registration-type";

    Schedule toFhir(SchedulingRecords.Session s) {
        Schedule schedule = new Schedule();
        schedule.setId(s.id().toString());
        schedule.setActive("OPEN".equals(s.status()));
        if (s.practitionerId() != null) {
            schedule.addActor(new Reference("Practitioner/" + s.practitionerId()));
        }
        schedule.addActor(new Reference("Organization/" + s.organizationId()));
        schedule.addSpecialty(new CodeableConcept(new Coding(DEPARTMENT_SYSTEM, s.departmentCode(), null)));
        schedule.addServiceType(new CodeableConcept(new Coding(REGISTRATION_TYPE_SYSTEM, s.registrationType(), null))
                .setText(s.serviceName()));
        schedule.setPlanningHorizon(new Period().setStart(Date.from(s.startsAt())).setEnd(Date.from(s.endsAt())));
        schedule.setComment(s.period() + ("OPEN".equals(s.status()) ? "" : " stopped"));
        return schedule;
    }

    Slot toFhir(SchedulingRecords.Slot s) {
        Slot slot = new Slot();
        slot.setId(s.id().toString());
        slot.setSchedule(new Reference("Schedule/" + s.sessionId()));
        slot.setStart(Date.from(s.startsAt()));
        slot.setEnd(Date.from(s.endsAt()));
        slot.setStatus(!"OPEN".equals(s.status()) ? SlotStatus.BUSYUNAVAILABLE
                : s.booked() < s.capacity() ? SlotStatus.FREE : SlotStatus.BUSY);
        slot.setOverbooked(false);
        slot.setComment((s.capacity() - s.booked()) + " of " + s.capacity() + " places left");
        return slot;
    }

    Appointment toFhir(org.huimin.scheduling.Appointment a) {
        Appointment fhir = new Appointment();
        fhir.setId(a.id().toString());
        fhir.setStatus(switch (a.status()) {
            case BOOKED -> AppointmentStatus.BOOKED;
            case CHECKED_IN -> AppointmentStatus.ARRIVED;
            case COMPLETED -> AppointmentStatus.FULFILLED;
            case NO_SHOW -> AppointmentStatus.NOSHOW;
            case CANCELLED, STOPPED -> AppointmentStatus.CANCELLED;
        });
        fhir.setStart(Date.from(a.startsAt()));
        fhir.setEnd(Date.from(a.endsAt()));
        fhir.setCreated(Date.from(a.createdAt()));
        fhir.addSlot(new Reference("Slot/" + a.slotId()));
        fhir.addSpecialty(new CodeableConcept(new Coding(DEPARTMENT_SYSTEM, a.departmentCode(), null)));
        fhir.addParticipant().setActor(new Reference("Patient/" + a.residentId()))
                .setStatus(ParticipationStatus.ACCEPTED);
        if (a.practitionerId() != null) {
            fhir.addParticipant().setActor(new Reference("Practitioner/" + a.practitionerId()))
                    .setStatus(ParticipationStatus.ACCEPTED);
        }
        fhir.addParticipant().setActor(new Reference("Organization/" + a.organizationId()))
                .setStatus(ParticipationStatus.ACCEPTED);
        if (a.cancelReason() != null) {
            fhir.setCancelationReason(new CodeableConcept().setText(a.cancelReason()));
        }
        return fhir;
    }
}
