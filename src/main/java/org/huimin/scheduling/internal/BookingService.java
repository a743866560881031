package org.huimin.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huimin.account.AccountManagement;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.directory.Directory;
import org.huimin.directory.Organization;
import org.huimin.directory.OrganizationType;
import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Proxies;
import org.huimin.identity.Residents;
import org.huimin.notification.Channel;
import org.huimin.notification.Notifications;
import org.huimin.notification.Notify;
import org.huimin.scheduling.Appointment;
import org.huimin.scheduling.AppointmentBooked;
import org.huimin.scheduling.AppointmentCancelled;
import org.huimin.scheduling.AppointmentStatus;
import org.huimin.scheduling.AppointmentsBooked;
import org.huimin.scheduling.QuotaPool;
import org.huimin.shared.ProblemException;
import org.huimin.shared.web.AdmissionGate;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books and cancels time slots. A booking takes one place from a quota pool with a conditional update (the database
 * decides, so no place is sold twice), under a per-resident lock (so the resident's rules hold under concurrency),
 * with an optional Idempotency-Key (the same key returns the same appointment). Everything happens in one
 * transaction: a refused booking leaves nothing behind.
 */
@Service
public class BookingService {

    /** Staff who book at a window or on the phone for any resident. */
    static final Set<String> DESK = Set.of(Role.NURSE.name(), Role.SCHEDULER.name());
    private static final Set<OrganizationType> PRIMARY_CARE = EnumSet.of(OrganizationType.COMMUNITY_HEALTH_CENTRE,
            OrganizationType.TOWNSHIP_HEALTH_CENTRE, OrganizationType.VILLAGE_CLINIC);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Schedules schedules;
    private final AppointmentRecords appointments;
    private final BookingPolicy policy;
    private final Residents residents;
    private final Proxies proxies;
    private final Directory directory;
    private final DirectoryNames names;
    private final AccountManagement accounts;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SchedulingProperties properties;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<Waitlists> waitlists;
    private final BookingBatches batches;

    /**
     * With "nearest", this many slots that have a place as read go into the booking's batch (the rest of the session,
     * in a session of more, is tried alone): late in a crowd most of a session is full as read, so this is usually
     * all of them, and a batch that finds them full refuses at once instead of trying slot after slot alone.
     */
    static final int NEAREST_IN_BATCH = 16;

    BookingService(BookingBatches batches, Schedules schedules, AppointmentRecords appointments, Residents residents,
            Proxies proxies, Directory directory, DirectoryNames names, AccountManagement accounts,
            Notifications notifications, AuditLog audit, ApplicationEventPublisher events,
            TransactionTemplate transactions, SchedulingProperties properties, Clock clock,
            org.springframework.beans.factory.ObjectProvider<Waitlists> waitlists) {
        this.waitlists = waitlists;
        this.batches = batches;
        this.schedules = schedules;
        this.appointments = appointments;
        this.policy = new BookingPolicy(properties);
        this.residents = residents;
        this.proxies = proxies;
        this.directory = directory;
        this.names = names;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A booking request; {@code residentId} and {@code channel} may be null (the caller and their channel).
     * {@code nearestInSession}: when the slot is full for the channel, book the slot of the same session (same
     * doctor or clinic, same half-day) nearest in time that has a place, instead of refusing.
     */
    public record Book(UUID slotId, UUID residentId, org.huimin.scheduling.Channel channel, String idempotencyKey,
            boolean nearestInSession) {

        public Book(UUID slotId, UUID residentId, org.huimin.scheduling.Channel channel, String idempotencyKey) {
            this(slotId, residentId, channel, idempotencyKey, false);
        }
    }

    /** The appointment and whether it was made now (false: an Idempotency-Key replay). */
    public record Booked(Appointment appointment, boolean created) {
    }

    /** The channel a caller books through by default: residents the app, window staff the window, and so on. */
    public static org.huimin.scheduling.Channel defaultChannel(Actor actor) {
        if (actor.roles().stream().anyMatch(DESK::contains)) {
            return org.huimin.scheduling.Channel.WINDOW;
        }
        if (actor.has(Role.FAMILY_DOCTOR)) {
            return org.huimin.scheduling.Channel.FAMILY_DOCTOR;
        }
        if (actor.has(Role.CLINICIAN)) {
            return org.huimin.scheduling.Channel.REFERRAL;
        }
        return org.huimin.scheduling.Channel.APP;
    }

    /** The channels a caller may use. */
    public static Set<org.huimin.scheduling.Channel> channels(Actor actor) {
        Set<org.huimin.scheduling.Channel> allowed = EnumSet.noneOf(org.huimin.scheduling.Channel.class);
        if (actor.has(Role.RESIDENT)) {
            allowed.add(org.huimin.scheduling.Channel.APP);
        }
        if (actor.roles().stream().anyMatch(DESK::contains)) {
            allowed.add(org.huimin.scheduling.Channel.WINDOW);
            allowed.add(org.huimin.scheduling.Channel.PHONE);
        }
        if (actor.has(Role.FAMILY_DOCTOR)) {
            allowed.add(org.huimin.scheduling.Channel.FAMILY_DOCTOR);
            allowed.add(org.huimin.scheduling.Channel.REFERRAL);
        }
        if (actor.has(Role.CLINICIAN)) {
            allowed.add(org.huimin.scheduling.Channel.REFERRAL);
        }
        return allowed;
    }

    public Booked book(Book request) {
        Actor actor = CurrentActor.get();
        org.huimin.scheduling.Channel channel = request.channel() != null ? request.channel()
                : defaultChannel(actor);
        if (!channels(actor).contains(channel)) {
            throw forbidden("channel-not-allowed");
        }
        if (channel == org.huimin.scheduling.Channel.REFERRAL && !fromPrimaryCare(actor)) {
            throw forbidden("referral-not-allowed");
        }
        UUID resident = resident(actor, channel, request.residentId());
        boolean actingFor = !resident.equals(actor.residentId());
        String key = request.idempotencyKey();
        String hash = hash(request.slotId() + "|" + resident + "|" + channel
                + (request.nearestInSession() ? "|nearest" : ""));
        try {
            // the slot as read without a lock (with "nearest", the whole session, in the same read): the conditional
            // take of a place and the insert that checks the session is still open decide under concurrency. A read
            // from the database finds a key seen before too, whose request gets its booking whatever the slot's state
            // is now; a read served from memory does not look the key up: a booking finds it when it inserts it
            // (below), and a refusal looks it up first. A key still in flight in a concurrent request is found by its
            // unique row (below).
            Schedules.BookingRead read = schedules.forBooking(request.slotId(), request.nearestInSession(),
                    actor.username(), key);
            if (read.earlier() != null) {
                return replayed(read.earlier(), hash);
            }
            Schedules.SlotRow wanted = read.slots().stream().filter(s -> s.slotId().equals(request.slotId()))
                    .findFirst().orElseThrow(() -> ProblemException.notFound("slot", request.slotId()));
            // the slots to try, in order: the wanted one unless it is full as read, then (with "nearest") the others
            // of its session that have a place as read, nearest first
            boolean fullAsRead = fullAsRead(wanted, channel);
            List<Schedules.SlotRow> others = request.nearestInSession() ? nearest(wanted, read.slots(), channel)
                    : List.of();
            List<Schedules.SlotRow> slots = new java.util.ArrayList<>();
            if (!fullAsRead) {
                slots.add(wanted);
            }
            slots.addAll(others);
            if (slots.isEmpty()) {
                if (!read.keyChecked() && key != null) {
                    Optional<Booked> replay = replay(actor, key, hash);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                }
                throw refused(BookingPolicy.Refusal.SLOT_FULL);
            }
            List<Schedules.SlotRow> together = slots.subList(0, Math.min(slots.size(), NEAREST_IN_BATCH));
            Appointment booked;
            UUID id = UUID.randomUUID();
            try {
                BookingBatches.Request batched = new BookingBatches.Request(together, resident, channel,
                        actor.username(), actingFor, key, hash, id, message(resident, actingFor ? null
                                : actor.accountId()), AuditEvent.byCurrentActor("APPOINTMENT_BOOK", "Appointment",
                                        id.toString(), Outcome.SUCCESS)
                                .withActingFor(actingFor ? resident.toString() : null).withPurpose("CARE"));
                // while the batch is placed, this request's place in the admission gate serves another request
                booked = AdmissionGate.stepAside(() -> batches.place(batched));
            } catch (BookingBatches.PlaceAlone alone) {
                booked = placeAlone(slots, resident, channel, actor.username(), actingFor, key, hash)
                        .orElseThrow(() -> refused(BookingPolicy.Refusal.SLOT_FULL));
            } catch (ProblemException full) {
                if (!full.type().equals(BookingPolicy.Refusal.SLOT_FULL.type) || slots.size() <= together.size()) {
                    throw full;
                }
                // every slot of the batch's share was full when locked: the rest of the session, one by one
                booked = placeAlone(slots.subList(together.size(), slots.size()), resident, channel,
                        actor.username(), actingFor, key, hash).orElseThrow(() -> full);
            }
            return new Booked(booked, true);
        } catch (DuplicateKeyException e) {
            // either the same Idempotency-Key in a concurrent request, or a second booking of the day
            if (key != null) {
                Optional<Booked> replay = replay(actor, key, hash);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw refused(BookingPolicy.Refusal.ALREADY_BOOKED);
        }
    }

    /**
     * The booking itself, authorised by the caller: rules, one place from the channel's pools, the appointment, its
     * event and the resident's message, in one transaction. Throws a problem when a rule refuses or the slot is full
     * for the channel, and {@link DuplicateKeyException} for a second booking of the day or a reused key. {@code slot}
     * is the slot as read without a lock, as a read inside the transaction would be: the conditional take of a place
     * and the insert that checks the session is still open decide under concurrency, not that read.
     */
    Appointment place(Schedules.SlotRow slot, UUID resident, org.huimin.scheduling.Channel channel, String bookedBy,
            boolean actingFor, String key, String hash, boolean audited) {
        refuseIfFull(slot, channel);
        // the resident's own account gets the message when they book for themselves (no lookup)
        UUID account = actingFor ? null : CurrentActor.get().accountId();
        UUID id = UUID.randomUUID();
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            if (key != null) {
                appointments.insertIdempotent(bookedBy, key, hash, id, now);
            }
            appointments.lockBooker(resident);
            AppointmentRecords.History history = appointments.history(resident, now,
                    now.minus(properties.noShowWindow()));
            BookingPolicy.Refusal refusal = policy.check(new BookingPolicy.Facts(slot.status(), slot.startsAt(),
                    slot.releasesAt(), channel, history.active(), history.noShows(), history.lastNoShow()), now);
            if (refusal != null) {
                throw refused(refusal);
            }
            List<QuotaPool> candidates = PoolPolicy.pools(channel, now, slot.flowsBackAt()).stream()
                    .filter(pool -> slot.remaining(pool) > 0).toList();
            if (candidates.isEmpty()) {
                throw refused(BookingPolicy.Refusal.SLOT_FULL); // full as read: no row locked, nothing written
            }
            // the resident's message is written before a place is taken, so that the pool row (the flash crowd's
            // hot spot) stays locked only for the place, the appointment and the commit; a refusal rolls it back
            tell(resident, account, "appointment-booked", notice(slot.organizationId(), slot.practitionerId(),
                    slot.departmentCode(), slot.startsAt()));
            QuotaPool taken = null;
            for (QuotaPool pool : candidates) {
                if (schedules.take(slot.slotId(), slot.day(), slot.departmentCode(), pool)) {
                    taken = pool;
                    break;
                }
            }
            if (taken == null) {
                throw refused(BookingPolicy.Refusal.SLOT_FULL);
            }
            Appointment a = new Appointment(id, slot.slotId(), slot.sessionId(), resident, slot.organizationId(),
                    slot.departmentCode(), slot.practitionerId(), slot.day(), slot.startsAt(), slot.endsAt(),
                    slot.feeFen(), channel, taken, AppointmentStatus.BOOKED, bookedBy, actingFor, now, null, null);
            if (!appointments.insertIfOpen(a, activeKey(resident, slot))) {
                throw refused(BookingPolicy.Refusal.SESSION_STOPPED); // stopped while this booking was under way
            }
            if (audited) { // in the same transaction: the entry exists exactly when the booking does
                audit.recordWithin(AuditEvent.byCurrentActor("APPOINTMENT_BOOK", "Appointment", id.toString(),
                        Outcome.SUCCESS).withActingFor(actingFor ? resident.toString() : null).withPurpose("CARE")
                        .withDetail(channel + " " + taken));
            }
            events.publishEvent(new AppointmentsBooked(List.of(new AppointmentBooked(id, resident,
                    slot.organizationId(), slot.departmentCode(), slot.practitionerId(), slot.startsAt(), channel,
                    bookedBy, actingFor))));
            return a;
        });
    }

    /**
     * Places the booking alone ({@link #place}, a transaction of its own per slot) in the first of {@code slots} that
     * has a place for the channel, tried in order; empty when every one is full. A refusal of another kind ends the
     * search. For a booking whose batch failed as a whole, and for the rest of a session when the batch's share of it
     * was full.
     */
    private Optional<Appointment> placeAlone(List<Schedules.SlotRow> slots, UUID resident,
            org.huimin.scheduling.Channel channel, String bookedBy, boolean actingFor, String key, String hash) {
        for (Schedules.SlotRow slot : slots) {
            try {
                return Optional.of(place(slot, resident, channel, bookedBy, actingFor, key, hash, true));
            } catch (ProblemException e) {
                if (!e.type().equals(BookingPolicy.Refusal.SLOT_FULL.type)) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The other slots of {@code wanted}'s session that are bookable and have a place for the channel as read, nearest
     * in time to it first (a later one on a tie: a resident can still come later than planned).
     */
    private List<Schedules.SlotRow> nearest(Schedules.SlotRow wanted, List<Schedules.SlotRow> session,
            org.huimin.scheduling.Channel channel) {
        Instant now = clock.instant();
        return session.stream()
                .filter(s -> !s.slotId().equals(wanted.slotId()))
                .filter(s -> BookingPolicy.bookable(s.status(), s.startsAt(), s.releasesAt(), now))
                .filter(s -> PoolPolicy.pools(channel, now, s.flowsBackAt()).stream().anyMatch(p -> s.remaining(p) > 0))
                .sorted(nearestTo(wanted.startsAt())).toList();
    }

    /** The key of the one-active-booking-per-practitioner-a-day rule (per session for a clinic service). */
    static String activeKey(UUID resident, Schedules.SlotRow slot) {
        return resident + "|" + (slot.practitionerId() != null ? slot.practitionerId() : slot.sessionId()) + "|"
                + slot.day();
    }

    /** The resident's message for a booked slot, to {@code account} or the resident's own; null without an account. */
    private java.util.function.Function<Schedules.SlotRow, Notify> message(UUID resident, UUID account) {
        return recipient(resident, account)
                .<java.util.function.Function<Schedules.SlotRow, Notify>>map(to -> slot -> new Notify(to, null,
                        "appointment-booked", notice(slot.organizationId(), slot.practitionerId(),
                                slot.departmentCode(), slot.startsAt()), Set.of(Channel.IN_APP),
                        Locale.SIMPLIFIED_CHINESE))
                .orElse(null);
    }

    /** Slots by distance in time from {@code start}, the later first on a tie. */
    static java.util.Comparator<Schedules.SlotRow> nearestTo(Instant start) {
        return java.util.Comparator.<Schedules.SlotRow>comparingLong(
                s -> Math.abs(java.time.Duration.between(start, s.startsAt()).toSeconds()))
                .thenComparing(Schedules.SlotRow::startsAt, java.util.Comparator.reverseOrder());
    }

    /**
     * A slot that is bookable but, as read without any lock, has no place left in the caller's pools is refused at
     * once: in a flash crowd most attempts meet a full slot, and this answers them with one read instead of a
     * transaction. A place freed a moment later is still found by the next attempt; the locked path decides
     * everything else.
     */
    private void refuseIfFull(Schedules.SlotRow slot, org.huimin.scheduling.Channel channel) {
        if (fullAsRead(slot, channel)) {
            throw refused(BookingPolicy.Refusal.SLOT_FULL);
        }
    }

    private boolean fullAsRead(Schedules.SlotRow slot, org.huimin.scheduling.Channel channel) {
        Instant now = clock.instant();
        return BookingPolicy.bookable(slot.status(), slot.startsAt(), slot.releasesAt(), now)
                && PoolPolicy.pools(channel, now, slot.flowsBackAt()).stream()
                        .noneMatch(pool -> slot.remaining(pool) > 0);
    }

    private Optional<Booked> replay(Actor actor, String key, String hash) {
        return appointments.idempotent(actor.username(), key).map(previous -> replayed(previous, hash));
    }

    /** The booking of an earlier request with the same key: the same request gets it, another one 422. */
    private Booked replayed(AppointmentRecords.Idempotent previous, String hash) {
        if (!previous.requestHash().equals(hash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "problem.idempotency-key-reused");
        }
        return new Booked(appointments.find(previous.appointmentId()).orElseThrow(), false);
    }

    /** Cancels a BOOKED appointment and gives its place back to the pool it came from. */
    public Appointment cancel(UUID id, String reason) {
        Actor actor = CurrentActor.get();
        Appointment a = appointments.find(id).orElseThrow(() -> ProblemException.notFound("appointment", id));
        boolean staff = mayManage(actor);
        if (!staff && !maySee(actor, a)) {
            throw ProblemException.notFound("appointment", id); // do not reveal others' bookings
        }
        Instant now = clock.instant();
        if (a.status() != AppointmentStatus.BOOKED) {
            throw new ProblemException(HttpStatus.CONFLICT, "not-cancellable", "problem.not-cancellable",
                    a.status().name());
        }
        if (!staff && !policy.residentMayCancel(a.startsAt(), a.createdAt(), now)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "cancel-too-late", "problem.cancel-too-late",
                    properties.cancelDeadline().toMinutes(), properties.cancelGrace().toMinutes());
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 200) {
            throw ProblemException.invalid("reason", "validation.too-long");
        }
        transactions.executeWithoutResult(tx -> {
            if (!appointments.end(id, AppointmentStatus.CANCELLED, actor.username(), why, now)) {
                throw new ProblemException(HttpStatus.CONFLICT, "not-cancellable", "problem.not-cancellable",
                        "CANCELLED");
            }
            schedules.giveBack(a.slotId(), a.day(), a.departmentCode(), a.pool());
            events.publishEvent(new AppointmentCancelled(id, a.residentId(), a.slotId(), a.sessionId(), a.startsAt(),
                    AppointmentStatus.CANCELLED, why));
            tell(a.residentId(), "appointment-cancelled", notice(a.organizationId(), a.practitionerId(),
                    a.departmentCode(), a.startsAt()));
            audit.recordWithin(AuditEvent.byCurrentActor("APPOINTMENT_CANCEL", "Appointment", id.toString(),
                    Outcome.SUCCESS).withActingFor(a.residentId().equals(actor.residentId()) ? null
                            : a.residentId().toString()).withPurpose("CARE").withDetail(why));
        });
        // the freed place goes to the session's waitlist first, if anybody waits
        waitlists.getObject().fill(a.sessionId());
        return appointments.find(id).orElseThrow();
    }

    /** One appointment, if the caller may see it (the resident, their proxy, or staff). */
    public Appointment get(UUID id) {
        Actor actor = CurrentActor.get();
        Appointment a = appointments.find(id).orElseThrow(() -> ProblemException.notFound("appointment", id));
        if (!mayManage(actor) && !maySee(actor, a)) {
            throw ProblemException.notFound("appointment", id);
        }
        return a;
    }

    /** A resident's bookings (newest first), for the resident, a proxy with BOOK permission, or staff. */
    public List<Appointment> ofResident(UUID residentId, boolean activeOnly) {
        Actor actor = CurrentActor.get();
        if (!mayManage(actor) && !residentId.equals(actor.residentId())
                && (actor.residentId() == null
                        || !proxies.mayActFor(actor.residentId(), residentId, ProxyPermission.BOOK))) {
            throw forbidden("forbidden");
        }
        return appointments.ofResident(residentId, activeOnly, 200);
    }

    private boolean maySee(Actor actor, Appointment a) {
        return actor.residentId() != null && (a.residentId().equals(actor.residentId())
                || proxies.mayActFor(actor.residentId(), a.residentId(), ProxyPermission.BOOK));
    }

    static boolean mayManage(Actor actor) {
        return actor.roles().stream().anyMatch(DESK::contains) || actor.has(Role.PLATFORM_ADMIN);
    }

    UUID resident(Actor actor, org.huimin.scheduling.Channel channel, UUID requested) {
        if (channel == org.huimin.scheduling.Channel.APP) {
            if (actor.residentId() == null) {
                throw forbidden("channel-not-allowed");
            }
            if (requested == null || requested.equals(actor.residentId())) {
                return actor.residentId();
            }
            UUID principal = residents.effectiveId(requested).orElseThrow(() -> forbidden("forbidden"));
            if (!proxies.mayActFor(actor.residentId(), principal, ProxyPermission.BOOK)) {
                throw forbidden("forbidden");
            }
            return principal;
        }
        if (requested == null) {
            throw ProblemException.invalid("residentId", "validation.required");
        }
        return residents.effectiveId(requested)
                .orElseThrow(() -> ProblemException.invalid("residentId", "scheduling.unknown-resident"));
    }

    private boolean fromPrimaryCare(Actor actor) {
        return actor.organizationId() != null && directory.organization(actor.organizationId())
                .map(Organization::type).filter(PRIMARY_CARE::contains).isPresent();
    }

    Map<String, String> notice(UUID organizationId, UUID practitionerId, String departmentCode,
            Instant startsAt) {
        String where = names.organization(organizationId).map(Organization::name).orElse("");
        String who = practitionerId == null ? "" : names.practitioner(practitionerId).map(p -> p.name()).orElse("");
        return Map.of("organization", where, "practitioner", who, "department", department(departmentCode), "time",
                WHEN.format(startsAt.atZone(properties.zone())));
    }

    void tell(UUID residentId, String template, Map<String, String> params) {
        tell(residentId, null, template, params);
    }

    /** As {@link #tell(UUID, String, Map)}, to {@code account} (one of the resident's) when it is known. */
    private void tell(UUID residentId, UUID account, String template, Map<String, String> params) {
        recipient(residentId, account).ifPresent(to ->
                notifications.send(new Notify(to, null, template, params, Set.of(Channel.IN_APP),
                        Locale.SIMPLIFIED_CHINESE)));
    }

    /** Who gets a resident's message: {@code account} when known (the resident's own), else the resident's account. */
    private Optional<UUID> recipient(UUID residentId, UUID account) {
        return Optional.ofNullable(account).or(() -> accounts.accountIdOfResident(residentId));
    }

    private String department(String code) {
        return names.department(code);
    }

    static ProblemException refused(BookingPolicy.Refusal refusal) {
        return new ProblemException(HttpStatus.valueOf(refusal.status), refusal.type, "problem." + refusal.type);
    }

    static ProblemException forbidden(String type) {
        return new ProblemException(HttpStatus.FORBIDDEN, type, "problem." + type);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
