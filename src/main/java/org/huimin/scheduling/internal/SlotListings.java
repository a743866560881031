package org.huimin.scheduling.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Slot listings of a day as the database last returned them. At release time residents list far more often than they
 * book (in the flash-crowd benchmark 21,000 listings came with 2,200 booking attempts, and the listing query was 95% of
 * PostgreSQL's time), while a booking changes one pool row: a version per department and day, bumped by every write
 * to that department's sessions, slots or pools of the day (and one for the whole day, bumped by all of them), lets
 * all the listings between two writes share one read.
 * <p>
 * Exact on one node: a write bumps the day's version after its transaction ends, and a listing is stored under the
 * version read <em>before</em> its query, so a listing read while a write was in flight is never served after that
 * write committed.
 * Writes on other nodes do not reach this one; {@code ttl} bounds how stale a listing can be there. Rows are computed
 * into views per request, so release and flow-back times still apply to the second.
 * <p>
 * A booking's first read, its slot's session, is kept here too, under the same versions ({@link #session}): in a
 * crowd every attempt read its session from the database (0.2 ms of PostgreSQL each, a third of its time in the
 * flash-crowd benchmark), although the rows change only when a batch of bookings commits. That read is a hint, as a
 * read from the database is: the booking takes its place under a lock, on the counts it locks.
 * <p>
 * Requests that miss the same entry at the same time share one query (a crowd that finds a slot full lists its
 * department at once), outside transactions.
 */
final class SlotListings {

    record Key(LocalDate day, String departmentCode, UUID organizationId, UUID practitionerId) {
    }

    private record Entry(long version, List<Schedules.SlotRow> rows) {
    }

    /** Where a slot is: its session, and the day and department whose version guards the session's rows. */
    record SlotHome(UUID sessionId, LocalDate day, String departmentCode) {
    }

    /** One query of one entry at one version, shared by the requests that miss it together. */
    private record Flight(Object key, long version) {
    }

    /** The version of one department's day, or of the whole day ({@code departmentCode} null). */
    private record Scope(LocalDate day, String departmentCode) {
    }

    private final Cache<Key, Entry> entries;
    private final Cache<UUID, Entry> sessions;
    private final Cache<UUID, SlotHome> homes;
    private final ConcurrentHashMap<Flight, CompletableFuture<List<Schedules.SlotRow>>> flights =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Scope, AtomicLong> versions = new ConcurrentHashMap<>();
    private final boolean enabled;

    /** {@code ttl} zero switches the cache off. */
    SlotListings(Duration ttl, int maximumListings) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.entries = cache(ttl, maximumListings);
        this.sessions = cache(ttl, maximumListings * 10);
        // a slot never moves to another session, day or department: its home is kept as long as there is room
        this.homes = Caffeine.newBuilder().maximumSize(Math.max(1, maximumListings * 100L)).build();
    }

    /** A bounded cache whose entries live at most {@code ttl}. */
    static <K, V> Cache<K, V> cache(Duration ttl, int maximumSize) {
        return Caffeine.newBuilder().expireAfterWrite(ttl.isZero() || ttl.isNegative() ? Duration.ofMillis(1) : ttl)
                .maximumSize(Math.max(1, maximumSize)).build();
    }

    /**
     * The listing's rows: the same list object for as long as it is served, so that what is derived from it (the
     * rendered JSON in {@link SlotSearch}) can be kept with it.
     */
    List<Schedules.SlotRow> get(Key key, Supplier<List<Schedules.SlotRow>> query) {
        if (!enabled) {
            return query.get();
        }
        return cached(entries, key, version(key.day(), key.departmentCode()), query);
    }

    /**
     * The rows of the session at {@code home}, as {@code query} reads them from the database, served while nothing on
     * its department's day has changed. Only outside a transaction: one that has written would share what it has not
     * committed.
     */
    List<Schedules.SlotRow> session(SlotHome home, Supplier<List<Schedules.SlotRow>> query) {
        if (!enabled) {
            return query.get();
        }
        return cached(sessions, home.sessionId(), version(home.day(), home.departmentCode()), query);
    }

    /** The home of a slot seen before, or null. */
    SlotHome home(UUID slotId) {
        return enabled ? homes.getIfPresent(slotId) : null;
    }

    /** Remembers where the slots of {@code rows} are. */
    void remember(List<Schedules.SlotRow> rows) {
        if (enabled) {
            rows.forEach(r -> homes.put(r.slotId(), new SlotHome(r.sessionId(), r.day(), r.departmentCode())));
        }
    }

    /**
     * The entry of {@code key} if it was read at {@code version} (read before this call), else one query for all the
     * requests that miss it at that version. A request that joins another's query gets a result read after that
     * version was current, as its own query would be.
     */
    private <K> List<Schedules.SlotRow> cached(Cache<K, Entry> cache, K key, long version,
            Supplier<List<Schedules.SlotRow>> query) {
        Entry entry = cache.getIfPresent(key);
        if (entry != null && entry.version() == version) {
            return entry.rows();
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // a request in a transaction holds a connection: it neither waits for another's query (which may need
            // one) nor makes others wait for its own
            return read(cache, key, version, query);
        }
        Flight flight = new Flight(key, version);
        CompletableFuture<List<Schedules.SlotRow>> mine = new CompletableFuture<>();
        CompletableFuture<List<Schedules.SlotRow>> running = flights.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return query.get(); // the other request's query failed: this one reads for itself
            }
        }
        try {
            List<Schedules.SlotRow> rows = read(cache, key, version, query);
            mine.complete(rows);
            return rows;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(flight, mine);
        }
    }

    /** Runs {@code query} and keeps its rows under {@code version}. */
    private static <K> List<Schedules.SlotRow> read(Cache<K, Entry> cache, K key, long version,
            Supplier<List<Schedules.SlotRow>> query) {
        // a new object for every read, even an empty one (List.copyOf would share one empty list)
        List<Schedules.SlotRow> rows = Collections.unmodifiableList(new ArrayList<>(query.get()));
        cache.put(key, new Entry(version, rows));
        return rows;
    }

    /**
     * A write that a listing of {@code day} shows has run: in a transaction, the day's listings are dropped when it
     * ends (commit or rollback); outside one, now.
     */
    void changed(LocalDate day, String departmentCode) {
        if (!enabled || day == null) {
            return;
        }
        AtomicLong department = counter(new Scope(day, departmentCode));
        AtomicLong wholeDay = counter(new Scope(day, null));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    department.incrementAndGet();
                    wholeDay.incrementAndGet();
                }
            });
        } else {
            department.incrementAndGet();
            wholeDay.incrementAndGet();
        }
    }

    /**
     * The version of a listing's scope: a department's day, or the whole day when {@code departmentCode} is null.
     * Read it before reading the data it guards.
     */
    long version(LocalDate day, String departmentCode) {
        return counter(new Scope(day, departmentCode)).get();
    }

    boolean enabled() {
        return enabled;
    }

    private AtomicLong counter(Scope scope) {
        // one small counter per department and service day listed or written on this node (a few thousand a year)
        return versions.computeIfAbsent(scope, d -> new AtomicLong());
    }
}
