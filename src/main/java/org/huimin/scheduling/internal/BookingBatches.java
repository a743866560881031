package org.huimin.scheduling.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditLog;
import org.huimin.notification.Notifications;
import org.huimin.notification.Notify;
import org.huimin.scheduling.Appointment;
import org.huimin.scheduling.AppointmentBooked;
import org.huimin.scheduling.AppointmentStatus;
import org.huimin.scheduling.AppointmentsBooked;
import org.huimin.scheduling.Channel;
import org.huimin.scheduling.QuotaPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places the bookings that arrive together in one transaction, with one statement (or one JDBC batch, which is one
 * round trip) per step for all of them, instead of a transaction of nine statements for each: at the 8 a.m. release
 * dozens of bookings arrive within a millisecond, and most of a booking's database time was round trips and commits,
 * not the statements themselves (docs/scheduling.md, Performance).
 * <p>
 * A caller's thread does what needs the caller (authorisation, the slot read, the message's address, the audit
 * line's actor) and hands a {@link Request} to the queue; one of {@code workers} threads takes up to {@code size}
 * waiting requests and places them in one transaction:
 * <ol>
 * <li>the Idempotency-Keys, inserted with {@code on conflict do nothing} (a key in use by a concurrent request makes
 * its request a replay, decided by the caller as before);</li>
 * <li>the residents' booker rows, locked in one statement in the database's order (so that batches cannot deadlock);
 * a batch never holds two requests of one resident or two of one key, the later waits for the next batch;</li>
 * <li>the residents' standing (active bookings, no-shows, the bookings that hold the one-per-doctor-a-day rule) in one
 * statement, under those locks, so the rules hold exactly as for a booking alone;</li>
 * <li>the pool rows of every slot the batch may book, locked in the order a stop-service locks them, and only then the
 * sessions' status: a stop-service that committed is seen, one that has not waits for this batch and ends its
 * bookings;</li>
 * <li>the decisions, in arrival order, in plain Java on what was locked: a refusal is the one a booking alone would
 * get; a place is taken from the first of the channel's pools with one left, in the first of the request's slots
 * that has one ("nearest": the same session's slots in order of distance);</li>
 * <li>the places (one update per pool row, with the number taken), the appointments, the residents' messages, the
 * audit lines and, through {@link AppointmentsBooked}, the care relationships, each in one round trip; the keys of
 * refused requests are deleted, and the transaction commits.</li>
 * </ol>
 * A batch that fails as a whole (a lost connection, a deadlock with a booking placed alone, anything unforeseen)
 * rolls back and tells each caller to place its booking alone, the way every booking was placed before batches.
 */
@Component
class BookingBatches implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BookingBatches.class);
    /** A batch slower than this is logged with its steps' times. */
    static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * One booking to place: {@code slots} in order of preference (the wanted slot first; with "nearest", others of
     * its session), the resident's message for the slot booked ({@code null}: the resident has no account), the
     * audit line without its detail (the pool is added once taken).
     */
    record Request(List<Schedules.SlotRow> slots, UUID resident, Channel channel, String bookedBy, boolean actingFor,
            String key, String hash, UUID appointmentId, Function<Schedules.SlotRow, Notify> message, AuditEvent audit,
            CompletableFuture<Appointment> result) {

        Request {
            if (slots.isEmpty()) {
                throw new IllegalArgumentException("a booking needs a slot");
            }
            slots = List.copyOf(slots);
        }

        Request(List<Schedules.SlotRow> slots, UUID resident, Channel channel, String bookedBy, boolean actingFor,
                String key, String hash, UUID appointmentId, Function<Schedules.SlotRow, Notify> message,
                AuditEvent audit) {
            this(slots, resident, channel, bookedBy, actingFor, key, hash, appointmentId, message, audit,
                    new CompletableFuture<>());
        }
    }

    /** The caller's batch failed as a whole and was rolled back: the caller places its booking alone. */
    static final class PlaceAlone extends RuntimeException {

        PlaceAlone(Throwable cause) {
            super("the batch failed as a whole; place the booking alone", cause, false, false);
        }
    }

    private final Schedules schedules;
    private final AppointmentRecords appointments;
    private final BookingPolicy policy;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SchedulingProperties properties;
    private final java.time.Clock clock;
    private final int size;
    private final LinkedBlockingDeque<Request> queue = new LinkedBlockingDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicInteger largest = new AtomicInteger();
    /** How long batches take, from their requests' leaving the queue to the commit; null without a registry. */
    private Timer durations;

    /**
     * What the batches have done since the start: transactions run, requests in them, transactions that failed as a
     * whole (their requests were placed alone), and the largest batch.
     */
    record Stats(long batches, long requests, long failures, int largest) {
    }

    BookingBatches(Schedules schedules, AppointmentRecords appointments, Notifications notifications, AuditLog audit,
            ApplicationEventPublisher events, TransactionTemplate transactions, SchedulingProperties properties,
            BookingBatchProperties batch, java.time.Clock clock,
            org.springframework.beans.factory.ObjectProvider<MeterRegistry> meters) {
        this.schedules = schedules;
        this.appointments = appointments;
        this.policy = new BookingPolicy(properties);
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.size = batch.size();
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("huimin.scheduling.batches", batches,
                    AtomicLong::get).description("Transactions of bookings placed together")
                    .register(registry);
            FunctionCounter.builder("huimin.scheduling.batch.requests", requests,
                    AtomicLong::get).description("Bookings placed in those transactions")
                    .register(registry);
            FunctionCounter.builder("huimin.scheduling.batch.failures", failures,
                    AtomicLong::get)
                    .description("Batches that failed as a whole; their bookings were placed alone").register(registry);
            Gauge.builder("huimin.scheduling.batch.waiting", queue, java.util.Collection::size)
                    .description("Bookings waiting for a batch").register(registry);
            // every booking of a batch, and every booking queued behind it, waits for the whole batch: a slow one
            // is the crowd's slowest attempts (buckets, so that a scrape before and after a crowd counts them)
            durations = Timer.builder("huimin.scheduling.batch.duration")
                    .description("Transactions of bookings placed together, from the queue to the commit")
                    .serviceLevelObjectives(java.time.Duration.ofMillis(25), java.time.Duration.ofMillis(50),
                            java.time.Duration.ofMillis(100))
                    .register(registry);
        });
        for (int i = 0; i < batch.workers(); i++) {
            Thread worker = new Thread(this::work, "booking-batch-" + (i + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Places {@code request} with whatever else is waiting and returns its appointment. Throws the refusal a booking
     * alone would get ({@link org.huimin.shared.ProblemException}), {@link DuplicateKeyException} when its
     * Idempotency-Key is in use by another request, or {@link PlaceAlone}.
     */
    Appointment place(Request request) {
        if (!running) {
            throw new PlaceAlone(new IllegalStateException("shutting down"));
        }
        queue.add(request);
        if (!running && queue.remove(request)) { // shut down while it was being queued: no worker will take it
            throw new PlaceAlone(new IllegalStateException("shutting down"));
        }
        try {
            return request.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void work() {
        List<Request> batch = new ArrayList<>(size);
        while (running) {
            batch.clear();
            try {
                Request first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, size - 1);
                List<Request> later = later(batch);
                run(batch);
                for (int i = later.size() - 1; i >= 0; i--) {
                    queue.addFirst(later.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) { // never leave a caller waiting, never lose the worker
                log.error("booking batch failed outside its transaction", e);
                batch.forEach(r -> r.result().completeExceptionally(new PlaceAlone(e)));
            }
        }
        batch.forEach(r -> r.result().completeExceptionally(new PlaceAlone(new IllegalStateException("stopped"))));
    }

    /** Removes from {@code batch} (and returns) the requests of a resident or a key already in it, in order. */
    static List<Request> later(List<Request> batch) {
        Set<UUID> residents = new HashSet<>();
        Set<String> keys = new HashSet<>();
        List<Request> later = new ArrayList<>();
        batch.removeIf(r -> {
            String key = r.key() == null ? null : r.bookedBy() + "\u0000" + r.key();
            if (residents.contains(r.resident()) || key != null && keys.contains(key)) {
                later.add(r);
                return true;
            }
            residents.add(r.resident());
            if (key != null) {
                keys.add(key);
            }
            return false;
        });
        return later;
    }

    Stats stats() {
        return new Stats(batches.get(), requests.get(), failures.get(), largest.get());
    }

    /** Requests waiting for a worker. */
    int waiting() {
        return queue.size();
    }

    private void run(List<Request> batch) {
        Map<Request, RuntimeException> refusals = new IdentityHashMap<>();
        Map<Request, Appointment> placed;
        batches.incrementAndGet();
        requests.addAndGet(batch.size());
        largest.accumulateAndGet(batch.size(), Math::max);
        Steps steps = new Steps();
        try {
            placed = transactions.execute(tx -> placeAll(batch, refusals, steps));
            long took = steps.mark("after-commit");
            Timer timer = durations;
            if (timer != null) {
                timer.record(took, TimeUnit.NANOSECONDS);
            }
            if (took > SLOW_NANOS) {
                log.info("a batch of {} bookings took {} ms: {}", batch.size(), took / 1_000_000, steps);
            } else if (log.isDebugEnabled()) {
                log.debug("a batch of {} bookings took {} ms: {}", batch.size(), took / 1_000_000, steps);
            }
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.warn("a batch of {} bookings failed as a whole ({}); each is placed alone", batch.size(), e.toString());
            log.debug("the batch's failure", e);
            batch.forEach(r -> r.result().completeExceptionally(new PlaceAlone(e)));
            return;
        }
        for (Request r : batch) {
            Appointment a = placed.get(r);
            RuntimeException refusal = refusals.get(r);
            if (a != null) {
                r.result().complete(a);
            } else {
                r.result().completeExceptionally(refusal != null ? refusal
                        : new PlaceAlone(new IllegalStateException("the batch decided nothing for this booking")));
            }
        }
    }

    /** The batch's transaction: see the class comment for the steps. */
    private Map<Request, Appointment> placeAll(List<Request> batch, Map<Request, RuntimeException> refusals,
            Steps steps) {
        steps.mark("begin"); // the transaction's start: a connection from the pool, auto-commit off
        Instant now = clock.instant();
        // the database's commit, apart from the work after it (the listings' versions, the in-app pushes): the first
        // of the after-commit callbacks
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                steps.mark("commit");
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        });
        // 1. the keys
        List<Request> keyed = batch.stream().filter(r -> r.key() != null).toList();
        Map<Request, AppointmentRecords.Key> inserted = new IdentityHashMap<>();
        if (!keyed.isEmpty()) {
            List<AppointmentRecords.Key> keys = keyed.stream().map(r -> new AppointmentRecords.Key(r.bookedBy(),
                    r.key(), r.hash(), r.appointmentId())).toList();
            boolean[] fresh = appointments.insertIdempotentAll(keys, now);
            for (int i = 0; i < keyed.size(); i++) {
                if (fresh[i]) {
                    inserted.put(keyed.get(i), keys.get(i));
                } else {
                    refusals.put(keyed.get(i), new DuplicateKeyException("the Idempotency-Key is in use"));
                }
            }
        }
        steps.mark("keys");
        List<Request> live = batch.stream().filter(r -> !refusals.containsKey(r)).toList();
        Map<Request, Appointment> placed = new IdentityHashMap<>();
        if (!live.isEmpty()) {
            placed = decideAndWrite(live, refusals, now, steps);
        }
        // the keys of refused requests go, so that the same request can be made again
        appointments.deleteIdempotentAll(refusals.keySet().stream().map(inserted::get)
                .filter(java.util.Objects::nonNull).toList());
        steps.mark("refused-keys");
        return placed;
    }

    private Map<Request, Appointment> decideAndWrite(List<Request> live, Map<Request, RuntimeException> refusals,
            Instant now, Steps steps) {
        // 2.-4. the locks, then what they protect
        appointments.lockBookers(live.stream().map(Request::resident).toList());
        steps.mark("bookers");
        Map<UUID, AppointmentRecords.Standing> standings = appointments.standings(
                live.stream().map(Request::resident).toList(), now, now.minus(properties.noShowWindow()));
        steps.mark("standings");
        Map<UUID, Map<QuotaPool, int[]>> pools = schedules.lockPools(live.stream().flatMap(r -> r.slots().stream()
                .flatMap(s -> PoolPolicy.pools(r.channel(), now, s.flowsBackAt()).stream()
                        .filter(pool -> s.pools().containsKey(pool))
                        .map(pool -> new Schedules.PoolKey(s.slotId(), pool))))
                .distinct().toList());
        steps.mark("pools");
        Map<UUID, String> sessions = schedules.sessionStatuses(live.stream().flatMap(r -> r.slots().stream())
                .map(Schedules.SlotRow::sessionId).distinct().toList());
        steps.mark("sessions");
        // 5. the decisions, in arrival order
        Map<Request, Appointment> placed = new IdentityHashMap<>();
        Map<Schedules.PoolKey, Schedules.Taking> takings = new LinkedHashMap<>();
        List<Appointment> booked = new ArrayList<>();
        List<String> activeKeys = new ArrayList<>();
        List<Notify> messages = new ArrayList<>();
        List<AuditEvent> lines = new ArrayList<>();
        List<AppointmentBooked> published = new ArrayList<>();
        for (Request r : live) {
            AppointmentRecords.Standing standing = standings.getOrDefault(r.resident(),
                    AppointmentRecords.Standing.NONE);
            Outcome outcome = decide(policy, r, standing, pools, sessions, now);
            if (outcome.refusal() != null) {
                refusals.put(r, BookingService.refused(outcome.refusal()));
                continue;
            }
            Schedules.SlotRow slot = outcome.slot();
            QuotaPool pool = outcome.pool();
            pools.get(slot.slotId()).get(pool)[1]++;
            takings.merge(new Schedules.PoolKey(slot.slotId(), pool), new Schedules.Taking(slot.slotId(), slot.day(),
                    slot.departmentCode(), pool, 1), (a, b) -> new Schedules.Taking(a.slotId(), a.day(),
                            a.departmentCode(), a.pool(), a.places() + 1));
            Appointment a = new Appointment(r.appointmentId(), slot.slotId(), slot.sessionId(), r.resident(),
                    slot.organizationId(), slot.departmentCode(), slot.practitionerId(), slot.day(), slot.startsAt(),
                    slot.endsAt(), slot.feeFen(), r.channel(), pool, AppointmentStatus.BOOKED, r.bookedBy(),
                    r.actingFor(), now, null, null);
            placed.put(r, a);
            booked.add(a);
            activeKeys.add(BookingService.activeKey(r.resident(), slot));
            if (r.message() != null) {
                messages.add(r.message().apply(slot));
            }
            lines.add(r.audit().withDetail(r.channel() + " " + pool));
            published.add(new AppointmentBooked(a.id(), r.resident(), slot.organizationId(), slot.departmentCode(),
                    slot.practitionerId(), slot.startsAt(), r.channel(), r.bookedBy(), r.actingFor()));
        }
        steps.mark("decisions");
        // 6. the writes, one round trip each
        if (!booked.isEmpty()) {
            schedules.takeAll(List.copyOf(takings.values()));
            steps.mark("places");
            appointments.insertAll(booked, activeKeys);
            steps.mark("appointments");
            if (!messages.isEmpty()) {
                notifications.sendAll(messages);
                steps.mark("messages");
            }
            audit.recordAllWithin(lines); // the entries exist exactly when the bookings do
            steps.mark("audit");
            events.publishEvent(new AppointmentsBooked(published));
            steps.mark("events");
        }
        return placed;
    }

    /**
     * When a batch's steps ended, for the log line of a slow batch (over {@link #SLOW_NANOS}: it holds its bookings
     * and every booking queued behind it) and, at debug level, of every batch: which step was slow says whether the
     * batch waited for a lock, for the database or for the CPU (every step slow at once).
     */
    static final class Steps {

        private final long started = System.nanoTime();
        private final List<String> names = new ArrayList<>(12);
        private final List<Long> ends = new ArrayList<>(12);

        /** Marks the end of step {@code name}; returns the time since the batch started, in nanoseconds. */
        long mark(String name) {
            long now = System.nanoTime();
            names.add(name);
            ends.add(now);
            return now - started;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            long previous = started;
            for (int i = 0; i < names.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.1f", (ends.get(i) - previous) / 1e6));
                previous = ends.get(i);
            }
            return b.append(" ms").toString();
        }
    }

    /** A request's outcome: the slot and pool it takes, or its refusal. */
    record Outcome(Schedules.SlotRow slot, QuotaPool pool, BookingPolicy.Refusal refusal) {
    }

    /**
     * What a booking alone would get, on the locked counts: the rules of the first slot tried refuse it as they would
     * refuse it alone; a full slot passes to the next (a refusal of another kind there ends the search, as it does for
     * a booking alone); the one-booking-per-doctor-a-day rule is checked when a place is found.
     */
    static Outcome decide(BookingPolicy policy, Request r, AppointmentRecords.Standing standing,
            Map<UUID, Map<QuotaPool, int[]>> pools, Map<UUID, String> sessions, Instant now) {
        for (Schedules.SlotRow slot : r.slots()) {
            BookingPolicy.Refusal refusal = policy.check(new BookingPolicy.Facts(
                    sessions.getOrDefault(slot.sessionId(), "GONE"), slot.startsAt(), slot.releasesAt(), r.channel(),
                    standing.active(), standing.noShows(), standing.lastNoShow()), now);
            if (refusal != null) {
                return new Outcome(null, null, refusal);
            }
            Map<QuotaPool, int[]> left = pools.getOrDefault(slot.slotId(), Map.of());
            for (QuotaPool pool : PoolPolicy.pools(r.channel(), now, slot.flowsBackAt())) {
                int[] p = left.get(pool);
                if (p != null && p[1] < p[0]) {
                    if (standing.activeKeys().contains(BookingService.activeKey(r.resident(), slot))) {
                        return new Outcome(null, null, BookingPolicy.Refusal.ALREADY_BOOKED);
                    }
                    return new Outcome(slot, pool, null);
                }
            }
        }
        return new Outcome(null, null, BookingPolicy.Refusal.SLOT_FULL);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(5_000);
        }
        for (Request r; (r = queue.poll()) != null;) {
            r.result().completeExceptionally(new PlaceAlone(new IllegalStateException("shutting down")));
        }
    }
}
