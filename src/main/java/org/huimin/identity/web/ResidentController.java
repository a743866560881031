package org.huimin.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.internal.RegistrationRateLimiter;
import org.huimin.identity.internal.Registration;
import org.huimin.identity.internal.ResidentDirectory;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Residents", description = "Real-name registration, the resident's profile, window registration")
class ResidentController {

    private final Registration registration;
    private final ResidentDirectory directory;
    private final RegistrationRateLimiter limiter;
    private final AuditLog audit;

    ResidentController(Registration registration, ResidentDirectory directory,
            RegistrationRateLimiter limiter, AuditLog audit) {
        this.registration = registration;
        this.directory = directory;
        this.limiter = limiter;
        this.audit = audit;
    }

    record Register(String idNumber, String name, String phone, String password) {
    }

    @PostMapping("/residents/register")
    @Operation(summary = "Register with ID number, name, phone and password (public)",
            description = "Indexes the resident and opens an account that stays disabled until the phone is "
                    + "confirmed with the one-time code sent by SMS (in demo mode the platform administrator sees it "
                    + "in the dev SMS outbox). 400 with field errors; 409 when the ID number is already registered; "
                    + "429 when the client sends too many requests.")
    ResponseEntity<Registration.Pending> register(@RequestBody Register body, HttpServletRequest request) {
        admit(request);
        Registration.Pending pending = registration.register(body.idNumber(), body.name(), body.phone(),
                body.password(), locale());
        return ResponseEntity.created(URI.create("/api/v1/residents/" + pending.residentId())).body(pending);
    }

    record Confirm(UUID residentId, String code) {
    }

    @PostMapping("/residents/register/confirm")
    @Operation(summary = "Confirm the phone with the one-time code (public); the account can then log in")
    Map<String, Object> confirm(@RequestBody Confirm body, HttpServletRequest request) {
        admit(request);
        if (body.residentId() == null) {
            throw ProblemException.invalid("residentId", "validation.required");
        }
        registration.confirm(body.residentId(), body.code());
        return Map.of("residentId", body.residentId(), "status", "ACTIVE");
    }

    record Resend(UUID residentId) {
    }

    @PostMapping("/residents/register/resend")
    @Operation(summary = "Send a new one-time code (public; once a minute, five times at most)")
    ResponseEntity<Map<String, Instant>> resend(@RequestBody Resend body, HttpServletRequest request) {
        admit(request);
        if (body.residentId() == null) {
            throw ProblemException.invalid("residentId", "validation.required");
        }
        return ResponseEntity.accepted().body(Map.of("codeExpiresAt",
                registration.resend(body.residentId(), locale())));
    }

    @GetMapping("/me/resident")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "The resident's own profile, identifiers masked")
    ResidentDirectory.Profile me() {
        return directory.profile(Me.residentId());
    }

    record WindowRegistration(String idNumber, String name, String phone, String address, String password) {
    }

    @PostMapping("/residents")
    @PreAuthorize(Me.REGISTRARS)
    @Operation(summary = "Register a resident at a window (staff have seen the ID card)",
            description = "With a password, an account is opened that can log in at once by ID number or phone.")
    ResponseEntity<Map<String, UUID>> registerAtWindow(@RequestBody WindowRegistration body) {
        String password = body.password() == null || body.password().isEmpty() ? null : body.password();
        UUID id = registration.registerAtWindow(body.idNumber(), body.name(), body.phone(), body.address(), password);
        return ResponseEntity.created(URI.create("/api/v1/residents/" + id)).body(Map.of("residentId", id));
    }

    @GetMapping("/residents")
    @PreAuthorize(Me.DESK)
    @Operation(summary = "Search residents by ID number or phone (exact) or name (prefix); audited")
    PageResult<ResidentDirectory.Listed> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return directory.search(q, PageRequest.of(page, size));
    }

    private void admit(HttpServletRequest request) {
        long wait = limiter.tryAcquire(request.getRemoteAddr());
        if (wait > 0) {
            audit.record(new AuditEvent("anonymous", null, null, null, "IDENTITY", "REGISTRATION_RATE_LIMITED",
                    "ClientAddress", request.getRemoteAddr(), Outcome.DENIED, request.getRemoteAddr(), null));
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "problem.rate-limited",
                    List.of(), Map.of("retryAfter", wait), wait);
        }
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
