package org.huimin.notification.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.notification.internal.Inbox;
import org.huimin.notification.internal.InboxStreams;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app inbox, live push and the development SMS inbox")
class NotificationController {

    private final Inbox inbox;
    private final InboxStreams streams;
    private final AuditLog audit;

    NotificationController(Inbox inbox, InboxStreams streams, AuditLog audit) {
        this.inbox = inbox;
        this.streams = streams;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "My inbox, newest first, with the unread count")
    Inbox.Page list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return inbox.list(accountId(), PageRequest.of(page, size));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one message read")
    ResponseEntity<Void> read(@PathVariable UUID id) {
        if (!inbox.markRead(accountId(), id)) {
            throw ProblemException.notFound("notification", id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark every message read")
    ResponseEntity<Void> readAll() {
        inbox.markAllRead(accountId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live stream of new messages (Server-Sent Events named 'notification')",
            description = "Each event's id is the message id; a client that reconnects with Last-Event-ID first "
                    + "receives what it missed.")
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        UUID account = accountId();
        UUID last = null;
        try {
            last = lastEventId == null ? null : UUID.fromString(lastEventId.strip());
        } catch (IllegalArgumentException ignored) {
            // an id we never issued: nothing to replay
        }
        return streams.open(account, inbox.since(account, last));
    }

    @GetMapping("/dev/sms")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Messages the development SMS adapter recorded (only while it is the active gateway)")
    PageResult<Inbox.DevSms> devSms(@RequestParam(required = false) String phone,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (!inbox.devSmsActive()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.dev-sms-off");
        }
        PageResult<Inbox.DevSms> result = inbox.devSms(phone, PageRequest.of(page, size));
        // texts may hold one-time codes sent to residents' phones
        audit.record(AuditEvent.byCurrentActor("DEV_SMS_READ", "DevSms", null, Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION").withDetail(result.items().size() + " messages"));
        return result;
    }

    private static UUID accountId() {
        Actor actor = CurrentActor.get();
        if (actor.accountId() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "no-account", "problem.no-account");
        }
        return actor.accountId();
    }
}
