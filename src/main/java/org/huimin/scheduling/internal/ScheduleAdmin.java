package org.huimin.scheduling.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.directory.Directory;
import org.huimin.scheduling.Period;
import org.huimin.scheduling.RegistrationType;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ProblemException.FieldProblem;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedulers keep their organisation's weekly templates and days off; the platform administrator any organisation's.
 * New templates generate their sessions at once, up to the horizon.
 */
@Service
public class ScheduleAdmin {

    private final Schedules schedules;
    private final SlotGenerator generator;
    private final Directory directory;
    private final AuditLog audit;
    private final SchedulingProperties properties;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    ScheduleAdmin(Schedules schedules, SlotGenerator generator, Directory directory, AuditLog audit,
            SchedulingProperties properties, Clock clock,
            org.springframework.transaction.support.TransactionTemplate transactions) {
        this.transactions = transactions;
        this.schedules = schedules;
        this.generator = generator;
        this.directory = directory;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A template as entered; {@code fee} in yuan, {@code poolShares} null for the region's default. */
    public record NewTemplate(UUID organizationId, String departmentCode, UUID practitionerId, String serviceName,
            Integer dayOfWeek, Period period, LocalTime start, LocalTime end, Integer slotMinutes,
            Integer slotCapacity, RegistrationType registrationType, BigDecimal fee, String poolShares, String room) {
    }

    public record TemplateView(UUID id, UUID organizationId, String departmentCode, UUID practitionerId,
            String serviceName, int dayOfWeek, Period period, LocalTime start, LocalTime end, int slotMinutes,
            int slotCapacity, RegistrationType registrationType, BigDecimal fee, String poolShares, boolean active,
            String room) {
    }

    public record ExceptionView(UUID id, UUID organizationId, UUID practitionerId, LocalDate day, String reason) {
    }

    public List<TemplateView> templates(UUID organizationId) {
        UUID org = scope(organizationId);
        return schedules.templates(org, false).stream().map(ScheduleAdmin::view).toList();
    }

    /** Adds a template and generates its sessions; returns it. */
    public TemplateView addTemplate(NewTemplate t) {
        UUID org = scope(t.organizationId());
        List<FieldProblem> errors = new ArrayList<>();
        if (org == null) {
            errors.add(new FieldProblem("organizationId", "validation.required"));
        } else if (directory.organization(org).isEmpty()) {
            errors.add(new FieldProblem("organizationId", "scheduling.unknown-organization"));
        } else if (t.departmentCode() == null || directory.departments(org).stream()
                .noneMatch(d -> d.code().equals(t.departmentCode()))) {
            errors.add(new FieldProblem("departmentCode", "scheduling.unknown-department"));
        }
        if (t.practitionerId() != null && org != null && directory.practitioner(t.practitionerId())
                .filter(p -> p.roles().stream().anyMatch(r -> org.equals(r.organizationId()))).isEmpty()) {
            errors.add(new FieldProblem("practitionerId", "scheduling.unknown-practitioner"));
        }
        if (t.practitionerId() == null && (t.serviceName() == null || t.serviceName().isBlank())) {
            errors.add(new FieldProblem("serviceName", "validation.required"));
        }
        if (t.serviceName() != null && t.serviceName().strip().length() > 60) {
            errors.add(new FieldProblem("serviceName", "validation.too-long"));
        }
        if (t.dayOfWeek() == null || t.dayOfWeek() < 1 || t.dayOfWeek() > 7) {
            errors.add(new FieldProblem("dayOfWeek", "scheduling.day-of-week"));
        }
        if (t.period() == null) {
            errors.add(new FieldProblem("period", "validation.required"));
        }
        if (t.start() == null || t.end() == null || !t.start().isBefore(t.end())) {
            errors.add(new FieldProblem("end", "scheduling.end-after-start"));
        }
        if (t.slotMinutes() == null || t.slotMinutes() < 5 || t.slotMinutes() > 60) {
            errors.add(new FieldProblem("slotMinutes", "scheduling.slot-minutes"));
        } else if (t.start() != null && t.end() != null && t.start().isBefore(t.end())
                && java.time.Duration.between(t.start(), t.end()).toMinutes() < t.slotMinutes()) {
            errors.add(new FieldProblem("slotMinutes", "scheduling.slot-minutes"));
        }
        if (t.slotCapacity() == null || t.slotCapacity() < 1 || t.slotCapacity() > 500) {
            errors.add(new FieldProblem("slotCapacity", "scheduling.slot-capacity"));
        }
        if (t.room() != null && t.room().strip().length() > 40) {
            errors.add(new FieldProblem("room", "validation.too-long"));
        }
        if (t.registrationType() == null) {
            errors.add(new FieldProblem("registrationType", "validation.required"));
        }
        if (t.fee() == null || t.fee().signum() < 0 || t.fee().scale() > 2 || t.fee().compareTo(new BigDecimal("10000")) > 0) {
            errors.add(new FieldProblem("fee", "scheduling.fee"));
        }
        String shares = t.poolShares() == null || t.poolShares().isBlank() ? properties.poolShares() : t.poolShares();
        try {
            shares = PoolShares.parse(shares).format();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem("poolShares", "scheduling.pool-shares"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var template = new Schedules.Template(UUID.randomUUID(), org, t.departmentCode(), t.practitionerId(),
                t.serviceName() == null ? null : t.serviceName().strip(), t.dayOfWeek(), t.period(), t.start(), t.end(),
                t.slotMinutes(), t.slotCapacity(), t.registrationType(), t.fee().movePointRight(2).longValueExact(),
                shares, true, t.room() == null || t.room().isBlank() ? null : t.room().strip());
        transactions.executeWithoutResult(tx -> {
            schedules.insertTemplate(template, CurrentActor.get().username(), clock.instant());
            audit.record(AuditEvent.byCurrentActor("SCHEDULE_TEMPLATE_ADD", "Schedule", template.id().toString(),
                    Outcome.SUCCESS));
        });
        generator.generate(generator.today(), generator.today().plusDays(properties.horizonDays()));
        return view(template);
    }

    /** Stops generating new sessions from a template; sessions already generated stay. */
    @Transactional
    public void deactivateTemplate(UUID id) {
        Schedules.Template t = schedules.template(id).orElseThrow(() -> ProblemException.notFound("template", id));
        scope(t.organizationId());
        if (schedules.deactivateTemplate(id) == 0) {
            throw new ProblemException(HttpStatus.CONFLICT, "template-inactive", "problem.template-inactive");
        }
        audit.record(AuditEvent.byCurrentActor("SCHEDULE_TEMPLATE_DEACTIVATE", "Schedule", id.toString(),
                Outcome.SUCCESS));
    }

    public List<ExceptionView> exceptions(UUID organizationId, LocalDate from, LocalDate to) {
        UUID org = scope(organizationId);
        LocalDate start = from == null ? generator.today() : from;
        LocalDate end = to == null ? start.plusDays(90) : to;
        return schedules.exceptions(org, start, end).stream()
                .map(e -> new ExceptionView(e.id(), e.organizationId(), e.practitionerId(), e.day(), e.reason()))
                .toList();
    }

    /** A holiday (no practitioner) or a practitioner's leave; sessions not yet generated for it are skipped. */
    @Transactional
    public ExceptionView addException(UUID organizationId, UUID practitionerId, LocalDate day, String reason) {
        UUID org = scope(organizationId);
        List<FieldProblem> errors = new ArrayList<>();
        if (org == null || directory.organization(org).isEmpty()) {
            errors.add(new FieldProblem("organizationId", "scheduling.unknown-organization"));
        }
        if (day == null) {
            errors.add(new FieldProblem("day", "validation.required"));
        } else if (day.isBefore(generator.today())) {
            errors.add(new FieldProblem("day", "scheduling.day-in-past"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldProblem("reason", "validation.required"));
        } else if (reason.strip().length() > 200) {
            errors.add(new FieldProblem("reason", "validation.too-long"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        var e = new Schedules.Exception(UUID.randomUUID(), org, practitionerId, day, reason.strip());
        schedules.insertException(e, CurrentActor.get().username(), clock.instant());
        audit.record(AuditEvent.byCurrentActor("SCHEDULE_EXCEPTION_ADD", "Schedule", e.id().toString(),
                Outcome.SUCCESS).withDetail(day + " " + reason.strip()));
        return new ExceptionView(e.id(), e.organizationId(), e.practitionerId(), e.day(), e.reason());
    }

    /** The organisation the caller may manage: a scheduler their own, the administrator any (or all, when null). */
    private static UUID scope(UUID requested) {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.PLATFORM_ADMIN)) {
            return requested;
        }
        if (actor.organizationId() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        if (requested != null && !requested.equals(actor.organizationId())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        return actor.organizationId();
    }

    private static TemplateView view(Schedules.Template t) {
        return new TemplateView(t.id(), t.organizationId(), t.departmentCode(), t.practitionerId(), t.serviceName(),
                t.dayOfWeek(), t.period(), t.start(), t.end(), t.slotMinutes(), t.slotCapacity(), t.registrationType(),
                BigDecimal.valueOf(t.feeFen(), 2), t.poolShares(), t.active(), t.room());
    }
}
