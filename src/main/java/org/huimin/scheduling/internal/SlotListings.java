package org.huimin.scheduling.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.huimin.scheduling.QuotaPool;
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
 * <p>
 * Most writes change only how many places some slots have left (a batch of bookings, a cancellation): they say which
 * slots, and an entry that such writes have made old is brought up to date by reading the pool rows of those slots
 * alone, instead of the whole listing again (about 0.04 ms against 0.9 ms for a department's day): at release time
 * every batch of bookings ends the listings of the departments it booked in, and the clients who found a slot full
 * read them again at once. The pool rows are read after the new version, as the whole listing would be,
 * so the entry is as exact as a new listing; writes that change more (a new session, a stop-service) end the entries
 * as before.
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
    private final ConcurrentHashMap<Scope, Versions> versions = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final Function<Collection<UUID>, Map<UUID, Map<QuotaPool, int[]>>> pools;

    /** {@code ttl} zero switches the cache off; entries made old are read again as a whole. */
    SlotListings(Duration ttl, int maximumListings) {
        this(ttl, maximumListings, null);
    }

    /**
     * {@code pools} reads the pool rows of some slots ({capacity, booked} per pool, per slot); with it, an entry that
     * writes of places only have made old is brought up to date with the pool rows of their slots.
     */
    SlotListings(Duration ttl, int maximumListings,
            Function<Collection<UUID>, Map<UUID, Map<QuotaPool, int[]>>> pools) {
        this.pools = pools;
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
        return cached(entries, key, new Scope(key.day(), key.departmentCode()), query);
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
        return cached(sessions, home.sessionId(), new Scope(home.day(), home.departmentCode()), query);
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
     * The entry of {@code key} if it was read at the current version of {@code scope}, else one read for all the
     * requests that miss it at that version: the pool rows of the slots changed since the entry was read when only
     * places have changed, the whole query otherwise. A request that joins another's read gets a result read after
     * that version was current, as its own query would be.
     */
    private <K> List<Schedules.SlotRow> cached(Cache<K, Entry> cache, K key, Scope scope,
            Supplier<List<Schedules.SlotRow>> query) {
        long version = version(scope.day(), scope.departmentCode()); // before any read
        Entry entry = cache.getIfPresent(key);
        if (entry != null && entry.version() == version) {
            return entry.rows();
        }
        // a new object for every whole read, even an empty one (List.copyOf would share one empty list)
        Supplier<List<Schedules.SlotRow>> whole = () -> Collections.unmodifiableList(new ArrayList<>(query.get()));
        Supplier<List<Schedules.SlotRow>> read = whole;
        if (entry != null && pools != null && entry.version() < version) {
            Set<UUID> changed = counter(scope).changedAfter(entry.version(), version);
            if (changed != null) {
                read = () -> patched(entry.rows(), changed, whole);
            }
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // a request in a transaction holds a connection: it neither waits for another's query (which may need
            // one) nor makes others wait for its own
            return keep(cache, key, version, read);
        }
        Flight flight = new Flight(key, version);
        CompletableFuture<List<Schedules.SlotRow>> mine = new CompletableFuture<>();
        CompletableFuture<List<Schedules.SlotRow>> running = flights.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return whole.get(); // the other request's read failed: this one reads for itself
            }
        }
        try {
            List<Schedules.SlotRow> rows = keep(cache, key, version, read);
            mine.complete(rows);
            return rows;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(flight, mine);
        }
    }

    /** Runs {@code read} and keeps its rows under {@code version}. */
    private static <K> List<Schedules.SlotRow> keep(Cache<K, Entry> cache, K key, long version,
            Supplier<List<Schedules.SlotRow>> read) {
        List<Schedules.SlotRow> rows = read.get();
        cache.put(key, new Entry(version, rows));
        return rows;
    }

    /**
     * {@code rows} with the places of the {@code changed} slots among them read again: the same list object when none
     * of them is there (what was derived from it stays valid), a new one otherwise; the whole query when a slot's
     * pools are gone.
     */
    private List<Schedules.SlotRow> patched(List<Schedules.SlotRow> rows, Set<UUID> changed,
            Supplier<List<Schedules.SlotRow>> whole) {
        List<UUID> mine = rows.stream().map(Schedules.SlotRow::slotId).filter(changed::contains).toList();
        if (mine.isEmpty()) {
            return rows;
        }
        Map<UUID, Map<QuotaPool, int[]>> fresh = pools.apply(mine);
        List<Schedules.SlotRow> result = new ArrayList<>(rows.size());
        for (Schedules.SlotRow row : rows) {
            if (!changed.contains(row.slotId())) {
                result.add(row);
                continue;
            }
            Map<QuotaPool, int[]> places = fresh.get(row.slotId());
            if (places == null || !places.keySet().equals(row.pools().keySet())) {
                return whole.get();
            }
            result.add(row.withPools(places));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * A write that a listing of {@code day} shows has run: in a transaction, the day's listings are dropped when it
     * ends (commit or rollback); outside one, now.
     */
    void changed(LocalDate day, String departmentCode) {
        changed(day, departmentCode, null);
    }

    /**
     * A write that changed only the places left in {@code slots} (of {@code day} and {@code departmentCode}) has run,
     * or ends now: the listings showing them read those slots' pool rows again. {@code slots} null: any other write,
     * after which listings are read again as a whole.
     */
    void changed(LocalDate day, String departmentCode, Collection<UUID> slots) {
        if (!enabled || day == null) {
            return;
        }
        Versions department = counter(new Scope(day, departmentCode));
        Versions wholeDay = counter(new Scope(day, null));
        Set<UUID> which = slots == null ? null : Set.copyOf(slots);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    department.bump(which);
                    wholeDay.bump(which);
                }
            });
        } else {
            department.bump(which);
            wholeDay.bump(which);
        }
    }

    /**
     * The version of a listing's scope: a department's day, or the whole day when {@code departmentCode} is null.
     * Read it before reading the data it guards.
     */
    long version(LocalDate day, String departmentCode) {
        return counter(new Scope(day, departmentCode)).current();
    }

    boolean enabled() {
        return enabled;
    }

    private Versions counter(Scope scope) {
        // one small counter per department and service day listed or written on this node (a few thousand a year)
        Versions existing = versions.get(scope);
        if (existing != null) {
            return existing;
        }
        // a new day or department (a few a day): the logs of days gone by are let go, their counters stay
        LocalDate past = LocalDate.now().minusDays(2);
        versions.forEach((s, v) -> {
            if (s.day().isBefore(past)) {
                v.forget();
            }
        });
        return versions.computeIfAbsent(scope, d -> new Versions());
    }

    /**
     * A scope's version and, for its last {@value #LOG} versions, the slots whose places the write that made it
     * changed ({@code null}: something else changed).
     */
    private static final class Versions {

        static final int LOG = 64;

        /** One version and the slots whose places its write changed (null: something else changed). */
        private record Change(long version, Set<UUID> slots) {
        }

        private volatile long current;
        private final Change[] log = new Change[LOG];

        long current() {
            return current;
        }

        synchronized void bump(Set<UUID> changed) {
            long next = current + 1;
            log[(int) (next % LOG)] = new Change(next, changed);
            current = next; // after the log: whoever reads this version finds what made it
        }

        /** Lets the log go: later entries made old are read whole. */
        synchronized void forget() {
            java.util.Arrays.fill(log, null);
        }

        /** The slots changed by the versions after {@code from} up to {@code to}; null when that is not known. */
        synchronized Set<UUID> changedAfter(long from, long to) {
            if (to - from > LOG || to > current) {
                return null;
            }
            Set<UUID> all = new HashSet<>();
            for (long v = from + 1; v <= to; v++) {
                Change change = log[(int) (v % LOG)];
                if (change == null || change.version() != v || change.slots() == null) {
                    return null;
                }
                all.addAll(change.slots());
            }
            return all;
        }
    }
}
