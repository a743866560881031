package org.huimin.scheduling.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.scheduling.internal.Waitlists;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Waitlist", description = "候补: wait for a place in a full session; freed places are booked in order")
class WaitlistController {

    private final Waitlists waitlists;

    WaitlistController(Waitlists waitlists) {
        this.waitlists = waitlists;
    }

    record JoinBody(UUID sessionId, UUID residentId) {
    }

    record Items(List<Waitlists.EntryView> items) {
    }

    @PostMapping("/waitlist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join the waitlist of a session that is full for the caller's channel",
            description = "409 `places-available` when a place can be booked directly; 409 `already-waiting`. A freed "
                    + "place is booked for the first waiting resident whose channel may take it, who is told in the "
                    + "app.")
    Waitlists.EntryView join(@RequestBody JoinBody body) {
        if (body == null || body.sessionId() == null) {
            throw ProblemException.invalid("sessionId", "validation.required");
        }
        return waitlists.join(body.sessionId(), body.residentId());
    }

    @PostMapping("/waitlist/{id}/leave")
    @Operation(summary = "Leave the waitlist")
    Waitlists.EntryView leave(@PathVariable UUID id) {
        return waitlists.leave(id);
    }

    @GetMapping("/me/waitlist")
    @Operation(summary = "The caller's waitlist entries with their place in the queue")
    Items mine() {
        UUID resident = CurrentActor.get().residentId();
        return new Items(resident == null ? List.of() : waitlists.ofResident(resident));
    }

    @GetMapping("/residents/{residentId}/waitlist")
    @Operation(summary = "A resident's waitlist entries (proxy with BOOK, window staff)")
    Items ofResident(@PathVariable UUID residentId) {
        return new Items(waitlists.ofResident(residentId));
    }
}
