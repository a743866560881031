package org.huimin.scheduling.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.scheduling.Appointment;
import org.huimin.scheduling.Channel;
import org.huimin.scheduling.internal.BookingService;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Appointments", description = "Book, list and cancel time slots (预约挂号)")
class AppointmentController {

    private final BookingService bookings;

    AppointmentController(BookingService bookings) {
        this.bookings = bookings;
    }

    /**
     * A booking: {@code nearestInSession} true books, when the slot is full for the channel, the slot of the same
     * session (same doctor or clinic, same half-day) nearest in time that has a place.
     */
    record BookBody(String slotId, String residentId, Channel channel,
            @Schema(description = "when the slot is full, book the slot of the "
                    + "same session nearest in time that has a place (the later one on a tie); the appointment's "
                    + "slotId says which slot was booked") Boolean nearestInSession) {
    }

    record CancelBody(String reason) {
    }

    /** An appointment as the API returns it; {@code fee} in yuan, {@code appointmentId} its id. */
    record AppointmentView(UUID appointmentId, String status, UUID slotId, UUID residentId, UUID organizationId,
            String departmentCode, UUID practitionerId, java.time.LocalDate day, java.time.Instant start,
            java.time.Instant end, BigDecimal fee, Channel channel, String pool, String bookedBy, boolean actingFor,
            java.time.Instant createdAt, java.time.Instant cancelledAt, String cancelReason) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id(), a.status().name(), a.slotId(), a.residentId(), a.organizationId(),
                    a.departmentCode(), a.practitionerId(), a.day(), a.startsAt(), a.endsAt(),
                    BigDecimal.valueOf(a.feeFen(), 2), a.channel(), a.pool().name(), a.bookedBy(), a.actingFor(),
                    a.createdAt(), a.cancelledAt(), a.cancelReason());
        }
    }

    record Items(List<AppointmentView> items) {
    }

    @PostMapping("/appointments")
    @Operation(summary = "Book a slot",
            description = "Residents book for themselves or, as a confirmed proxy with the BOOK permission, for a "
                    + "relative (`residentId`); window staff (nurse, scheduler) book for any resident with channel "
                    + "WINDOW or PHONE; family doctors with FAMILY_DOCTOR or REFERRAL; primary-care clinicians with "
                    + "REFERRAL. The same `Idempotency-Key` returns the same appointment (200). A full slot is 409 "
                    + "`slot-full`; a past slot 422 `slot-past`; a second booking with the same practitioner that day "
                    + "409 `already-booked`. With `nearestInSession` a full slot books the nearest slot of the same "
                    + "session that has a place instead (409 `slot-full` only when the whole session is full).")
    ResponseEntity<AppointmentView> book(@RequestBody BookBody body,
            @Parameter(description = "makes retries safe: the same key returns the same appointment")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (body == null || body.slotId() == null || body.slotId().isBlank()) {
            throw ProblemException.invalid("slotId", "validation.required");
        }
        UUID slot = uuid("slotId", body.slotId());
        UUID resident = body.residentId() == null || body.residentId().isBlank() ? null
                : uuid("residentId", body.residentId());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw ProblemException.invalid("Idempotency-Key", "scheduling.idempotency-key");
        }
        BookingService.Booked booked = bookings.book(new BookingService.Book(slot, resident, body.channel(),
                idempotencyKey, Boolean.TRUE.equals(body.nearestInSession())));
        AppointmentView view = AppointmentView.of(booked.appointment());
        return booked.created()
                ? ResponseEntity.created(URI.create("/api/v1/appointments/" + view.appointmentId())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/appointments/{id}")
    @Operation(summary = "One appointment (the resident, their proxy, or window staff)")
    AppointmentView get(@PathVariable UUID id) {
        return AppointmentView.of(bookings.get(id));
    }

    @PostMapping("/appointments/{id}/cancel")
    @Operation(summary = "Cancel a booking; its place goes back to the pool it came from",
            description = "Residents may cancel until the cancellation deadline before the slot, or within the grace "
                    + "period after booking while the slot has not started (422 `cancel-too-late` otherwise); window "
                    + "staff at any time.")
    AppointmentView cancel(@PathVariable UUID id, @RequestBody(required = false) CancelBody body) {
        return AppointmentView.of(bookings.cancel(id, body == null ? null : body.reason()));
    }

    @GetMapping("/me/appointments")
    @Operation(summary = "The caller's bookings, newest first")
    Items mine(@RequestParam(defaultValue = "false") boolean activeOnly) {
        UUID resident = CurrentActor.get().residentId();
        if (resident == null) {
            return new Items(List.of());
        }
        return new Items(bookings.ofResident(resident, activeOnly).stream().map(AppointmentView::of).toList());
    }

    @GetMapping("/residents/{residentId}/appointments")
    @Operation(summary = "A resident's bookings (a proxy with BOOK permission, or window staff)")
    Items ofResident(@PathVariable UUID residentId, @RequestParam(defaultValue = "false") boolean activeOnly) {
        return new Items(bookings.ofResident(residentId, activeOnly).stream().map(AppointmentView::of).toList());
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "validation.uuid");
        }
    }
}
