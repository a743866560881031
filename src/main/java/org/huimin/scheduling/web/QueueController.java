package org.huimin.scheduling.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.scheduling.internal.Queues;
import org.huimin.shared.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Check-in and queue", description = "无卡签到 with the health code, the waiting queue and calls (候诊叫号)")
class QueueController {

    private final Queues queues;

    QueueController(Queues queues) {
        this.queues = queues;
    }

    record CheckInBody(String healthCode, String pin, String terminalId, String appointmentId, Boolean disabled) {

        boolean isDisabled() {
            return Boolean.TRUE.equals(disabled);
        }
    }

    record Items(List<Queues.TicketView> items) {
    }

    @PostMapping("/check-in")
    @Operation(summary = "Check in a booking (nurse, scheduler, clinician at the organisation)",
            description = "With `healthCode` (and `pin` for a printed static code): the code is verified for the "
                    + "REGISTRATION scene and today's earliest booking of that resident here is checked in. With "
                    + "`appointmentId`: that booking, for residents without a code. Returns the queue ticket; "
                    + "404 `no-booking-today` when there is nothing to check in. `disabled` puts the ticket ahead.")
    Queues.TicketView checkIn(@RequestBody CheckInBody body) {
        if (body != null && body.appointmentId() != null && !body.appointmentId().isBlank()) {
            UUID id;
            try {
                id = UUID.fromString(body.appointmentId().strip());
            } catch (IllegalArgumentException e) {
                throw org.huimin.shared.ProblemException.invalid("appointmentId", "validation.uuid");
            }
            return queues.checkInAppointment(id, body.isDisabled());
        }
        return queues.checkInByCode(body == null ? null : body.healthCode(), body == null ? null : body.pin(),
                body == null ? null : body.terminalId(), body != null && body.isDisabled());
    }

    @GetMapping("/queue/sessions/{sessionId}")
    @Operation(summary = "A session's queue in calling order (the called patient first)")
    Items queue(@PathVariable UUID sessionId) {
        return new Items(queues.session(sessionId));
    }

    @PostMapping("/queue/sessions/{sessionId}/next")
    @Operation(summary = "Call the next patient; the one in the room is done",
            description = "The called resident is told which room to go to; the resident who now has three people "
                    + "ahead is told to get ready.")
    Items next(@PathVariable UUID sessionId) {
        return new Items(queues.next(sessionId));
    }

    @PostMapping("/queue/tickets/{id}/skip")
    @Operation(summary = "The called patient did not come (过号)")
    Items skip(@PathVariable UUID id) {
        return new Items(queues.skip(id));
    }

    @PostMapping("/queue/tickets/{id}/recall")
    @Operation(summary = "A skipped patient arrived: back in the queue, next in line")
    Items recall(@PathVariable UUID id) {
        return new Items(queues.recall(id));
    }

    @GetMapping("/me/queue")
    @Operation(summary = "The caller's queue tickets of today with the number of people ahead and the room")
    Items mine() {
        UUID resident = CurrentActor.get().residentId();
        return new Items(resident == null ? List.of() : queues.mine(resident));
    }
}
