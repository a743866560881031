package org.huimin.scheduling.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
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
 * Writes on other nodes do not reach this one; {@code ttl} bounds how stale a listing can be there. Only listings are
 * served from here: a booking reads and takes its place from the database. Rows are computed into views per request,
 * so release and flow-back times still apply to the second.
 */
final class SlotListings {

    record Key(LocalDate day, String departmentCode, UUID organizationId, UUID practitionerId) {
    }

    private record Entry(long version, List<Schedules.SlotRow> rows) {
    }

    /** The version of one department's day, or of the whole day ({@code departmentCode} null). */
    private record Scope(LocalDate day, String departmentCode) {
    }

    private final Cache<Key, Entry> entries;
    private final ConcurrentHashMap<Scope, AtomicLong> versions = new ConcurrentHashMap<>();
    private final boolean enabled;

    /** {@code ttl} zero switches the cache off. */
    SlotListings(Duration ttl, int maximumListings) {
        this.enabled = !ttl.isZero() && !ttl.isNegative();
        this.entries = cache(ttl, maximumListings);
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
        long version = version(key.day(), key.departmentCode());
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.version() == version) {
            return entry.rows();
        }
        // a new object for every read, even an empty one (List.copyOf would share one empty list)
        List<Schedules.SlotRow> rows = Collections.unmodifiableList(new ArrayList<>(query.get()));
        entries.put(key, new Entry(version, rows));
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
