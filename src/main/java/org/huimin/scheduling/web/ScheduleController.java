package org.huimin.scheduling.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.scheduling.internal.ScheduleAdmin;
import org.huimin.scheduling.internal.SessionControl;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schedules")
@PreAuthorize("hasAnyRole('SCHEDULER', 'PLATFORM_ADMIN')")
@Tag(name = "Schedules", description = "Weekly templates (排班) and days off; schedulers their own organisation")
class ScheduleController {

    private final ScheduleAdmin admin;
    private final SessionControl sessions;

    ScheduleController(ScheduleAdmin admin, SessionControl sessions) {
        this.admin = admin;
        this.sessions = sessions;
    }

    record StopBody(String reason) {
    }

    @GetMapping("/sessions")
    @PreAuthorize("hasAnyRole('SCHEDULER', 'NURSE', 'CLINICIAN', 'PLATFORM_ADMIN')")
    @Operation(summary = "Sessions of a day with places, bookings, waitlist and room (the caller's own organisation)",
            description = "Schedulers, and the nurses and clinicians who check residents in and call them (候诊叫号).")
    Items<SessionControl.SessionView> sessions(@RequestParam(required = false) UUID organizationId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String department) {
        return new Items<>(sessions.sessions(organizationId, date, department));
    }

    @PostMapping("/sessions/{id}/stop")
    @Operation(summary = "Stop a session (停诊)",
            description = "Every booking in it ends as STOPPED, its waitlist ends, and each resident is told with up "
                    + "to three slots of the same department in the coming week to rebook.")
    SessionControl.SessionView stop(@PathVariable UUID id, @RequestBody(required = false) StopBody body) {
        return sessions.stop(id, body == null ? null : body.reason());
    }

    record Items<T>(List<T> items) {
    }

    record ExceptionBody(UUID organizationId, UUID practitionerId, LocalDate day, String reason) {
    }

    @GetMapping("/templates")
    @Operation(summary = "Weekly templates of an organisation (a scheduler's own by default)")
    Items<ScheduleAdmin.TemplateView> templates(@RequestParam(required = false) UUID organizationId) {
        return new Items<>(admin.templates(organizationId));
    }

    @PostMapping("/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a weekly template; its sessions and slots are generated at once up to the horizon")
    ScheduleAdmin.TemplateView addTemplate(@RequestBody ScheduleAdmin.NewTemplate body) {
        return admin.addTemplate(body);
    }

    @PostMapping("/templates/{id}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop generating sessions from a template (generated sessions stay bookable)")
    void deactivate(@PathVariable UUID id) {
        admin.deactivateTemplate(id);
    }

    @GetMapping("/exceptions")
    @Operation(summary = "Holidays and leave in a date range")
    Items<ScheduleAdmin.ExceptionView> exceptions(@RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return new Items<>(admin.exceptions(organizationId, from, to));
    }

    @PostMapping("/exceptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a holiday (no practitioner) or a practitioner's leave",
            description = "Sessions not yet generated for that day are skipped; sessions already generated are "
                    + "stopped with the stop-service action, which tells every booked resident.")
    ScheduleAdmin.ExceptionView addException(@RequestBody ExceptionBody body) {
        return admin.addException(body.organizationId(), body.practitionerId(), body.day(), body.reason());
    }
}
