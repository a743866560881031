package org.huimin.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.huimin.scheduling.Period;
import org.huimin.scheduling.QuotaPool;
import org.huimin.scheduling.RegistrationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class SlotListingsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final SlotListings.Key KEY = new SlotListings.Key(DAY, "03", null, null);

    private final AtomicInteger queries = new AtomicInteger();
    private final Supplier<List<Schedules.SlotRow>> query = () -> {
        queries.incrementAndGet();
        return new ArrayList<>();
    };

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void listingsOfAnUnchangedDayShareOneRead() {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        var first = listings.get(KEY, query);
        var second = listings.get(KEY, query);
        assertThat(queries).hasValue(1);
        assertThat(second).isSameAs(first);
        listings.get(new SlotListings.Key(DAY, "04", null, null), query);
        assertThat(queries).as("another department is another listing").hasValue(2);
    }

    @Test
    void aWriteOutsideATransactionDropsTheDaysListingsAtOnce() {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        listings.get(KEY, query);
        listings.changed(DAY.plusDays(1), "03");
        listings.changed(DAY, "04");
        listings.get(KEY, query);
        assertThat(queries).as("another day's or department's write").hasValue(1);
        listings.changed(DAY, "03");
        listings.get(KEY, query);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aWholeDayListingChangesWithEveryDepartment() {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        SlotListings.Key day = new SlotListings.Key(DAY, null, null, null);
        listings.get(day, query);
        listings.changed(DAY, "50");
        listings.get(day, query);
        assertThat(queries).hasValue(2);
        assertThat(listings.version(DAY, null)).isEqualTo(1);
        assertThat(listings.version(DAY, "50")).isEqualTo(1);
        assertThat(listings.version(DAY, "03")).isZero();
    }

    @Test
    void aWriteInATransactionDropsTheDaysListingsWhenItEnds() {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        listings.get(KEY, query);
        TransactionSynchronizationManager.initSynchronization();
        listings.changed(DAY, "03");
        listings.get(KEY, query);
        assertThat(queries).as("until the commit others still see the committed state").hasValue(1);
        List<TransactionSynchronization> pending = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        pending.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        listings.get(KEY, query);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aListingReadWhileAWriteCommitsIsNotServedAfterIt() {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        // the listing reads the version, then its query runs while a write commits and bumps the version
        listings.get(KEY, () -> {
            queries.incrementAndGet();
            listings.changed(DAY, "03");
            return new ArrayList<>();
        });
        listings.get(KEY, query);
        assertThat(queries).hasValue(2);
    }

    @Test
    void listingsExpireAfterTheTtlAndZeroSwitchesTheCacheOff() throws InterruptedException {
        SlotListings shortLived = new SlotListings(Duration.ofMillis(30), 100);
        shortLived.get(KEY, query);
        Thread.sleep(80);
        shortLived.get(KEY, query);
        assertThat(queries).hasValue(2);

        SlotListings off = new SlotListings(Duration.ZERO, 100);
        off.get(KEY, query);
        off.get(KEY, query);
        assertThat(queries).hasValue(4);
    }

    @Test
    void everyReadIsANewListEvenWhenEmptySoThatWhatIsKeptWithItChangesWithIt() {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        var first = listings.get(KEY, query);
        listings.changed(DAY, "03");
        assertThat(listings.get(KEY, query)).isEmpty();
        assertThat(listings.get(KEY, query)).isNotSameAs(first);
    }

    @Test
    void aSessionIsServedUntilItsDepartmentsDayChangesAndOnlyForSlotsSeenBefore() {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        UUID slot = UUID.randomUUID();
        assertThat(listings.home(slot)).as("a slot not read before is read from the database").isNull();
        SlotListings.SlotHome home = new SlotListings.SlotHome(UUID.randomUUID(), DAY, "03");
        var first = listings.session(home, query);
        assertThat(listings.session(home, query)).isSameAs(first);
        assertThat(queries).hasValue(1);
        listings.changed(DAY, "04");
        listings.session(home, query);
        assertThat(queries).as("another department's write").hasValue(1);
        listings.changed(DAY, "03");
        listings.session(home, query);
        assertThat(queries).hasValue(2);

        SlotListings off = new SlotListings(Duration.ZERO, 100);
        off.remember(List.of());
        assertThat(off.home(slot)).isNull();
    }

    /** A query that, once started, waits until {@link #release} before it returns (or throws) {@code result}'s. */
    private static final class HeldQuery implements Supplier<List<Schedules.SlotRow>> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Supplier<List<Schedules.SlotRow>> result;

        HeldQuery(Supplier<List<Schedules.SlotRow>> result) {
            this.result = result;
        }

        @Override
        public List<Schedules.SlotRow> get() {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result.get();
        }
    }

    @Test
    void requestsThatMissTogetherShareOneQuery() throws Exception {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        HeldQuery held = new HeldQuery(query);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            var leader = pool.submit(() -> listings.get(KEY, held));
            held.started.await();
            var followers = List.of(pool.submit(() -> listings.get(KEY, held)),
                    pool.submit(() -> listings.get(KEY, held)));
            Thread.sleep(50); // the followers find the leader's query running and wait for it
            held.release.countDown();
            var led = leader.get();
            for (var f : followers) {
                assertThat(f.get()).isSameAs(led);
            }
            assertThat(queries).hasValue(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void whenTheSharedQueryFailsEachRequestReadsForItself() throws Exception {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        HeldQuery failing = new HeldQuery(() -> {
            throw new IllegalStateException("the database went away");
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var leader = pool.submit(() -> listings.get(KEY, failing));
            failing.started.await();
            var follower = pool.submit(() -> listings.get(KEY, query));
            Thread.sleep(50);
            failing.release.countDown();
            assertThatThrownBy(leader::get).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(follower.get()).isEmpty();
            assertThat(queries).as("the follower's own read").hasValue(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRequestInATransactionDoesNotWaitForAnothersQuery() throws Exception {
        SlotListings listings = new SlotListings(Duration.ofMinutes(1), 100);
        HeldQuery held = new HeldQuery(ArrayList::new);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var leader = pool.submit(() -> listings.get(KEY, held));
            held.started.await();
            // it holds a connection: waiting for a query that may need one could exhaust the pool
            var inTransaction = pool.submit(() -> {
                TransactionSynchronizationManager.setActualTransactionActive(true);
                try {
                    return listings.get(KEY, query);
                } finally {
                    TransactionSynchronizationManager.setActualTransactionActive(false);
                }
            });
            assertThat(inTransaction.get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(queries).as("its own query, while the other one still runs").hasValue(1);
            assertThat(leader).isNotDone();
            held.release.countDown();
            leader.get();
        } finally {
            pool.shutdown();
        }
    }

    // places changed: the entry is brought up to date with the pool rows of the slots that changed

    /** The database's pool rows of the slots below: {capacity, booked} per pool. */
    private final Map<UUID, Map<QuotaPool, int[]>> database = new HashMap<>();
    private final List<Collection<UUID>> placeReads = new ArrayList<>();

    private SlotListings patching() {
        return new SlotListings(Duration.ofMinutes(1), 100, ids -> {
            placeReads.add(List.copyOf(ids));
            Map<UUID, Map<QuotaPool, int[]>> rows = new HashMap<>();
            ids.stream().filter(database::containsKey).forEach(id -> rows.put(id, copy(database.get(id))));
            return rows;
        });
    }

    /** A slot with an online and an on-site pool of 5 places, {@code booked} taken from the online one. */
    private Schedules.SlotRow slot(int booked) {
        UUID id = UUID.randomUUID();
        Map<QuotaPool, int[]> pools = new EnumMap<>(QuotaPool.class);
        pools.put(QuotaPool.ONLINE, new int[] {5, booked});
        pools.put(QuotaPool.ONSITE, new int[] {5, 0});
        database.put(id, pools);
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        return new Schedules.SlotRow(id, UUID.randomUUID(), start, start.plusSeconds(900), 10, null, "03", null,
                null, DAY, Period.MORNING, RegistrationType.GENERAL, 1000, start.minusSeconds(86_400),
                start.minusSeconds(7_200), "OPEN", copy(pools));
    }

    private static Map<QuotaPool, int[]> copy(Map<QuotaPool, int[]> pools) {
        Map<QuotaPool, int[]> copy = new EnumMap<>(QuotaPool.class);
        pools.forEach((pool, places) -> copy.put(pool, places.clone()));
        return copy;
    }

    private void book(Schedules.SlotRow slot, int places) {
        database.get(slot.slotId()).get(QuotaPool.ONLINE)[1] += places;
    }

    @Test
    void anEntryMadeOldByPlacesReadsThePoolRowsOfThoseSlotsOnly() {
        SlotListings listings = patching();
        List<Schedules.SlotRow> rows = List.of(slot(0), slot(1), slot(2));
        Supplier<List<Schedules.SlotRow>> whole = () -> {
            queries.incrementAndGet();
            return rows;
        };
        var first = listings.get(KEY, whole);
        book(rows.get(1), 2);
        listings.changed(DAY, "03", List.of(rows.get(1).slotId()));
        book(rows.get(2), 1);
        listings.changed(DAY, "03", List.of(rows.get(2).slotId()));
        var second = listings.get(KEY, whole);
        assertThat(queries).as("no second listing query").hasValue(1);
        assertThat(placeReads).singleElement().satisfies(ids -> assertThat(ids)
                .containsExactlyInAnyOrder(rows.get(1).slotId(), rows.get(2).slotId()));
        assertThat(second).isNotSameAs(first).hasSize(3);
        assertThat(second.get(0)).as("an unchanged slot is shared").isSameAs(first.get(0));
        assertThat(second.get(1).remaining(QuotaPool.ONLINE)).isEqualTo(2);
        assertThat(second.get(2).remaining(QuotaPool.ONLINE)).isEqualTo(2);
        assertThat(first.get(1).remaining(QuotaPool.ONLINE)).as("what was served does not change").isEqualTo(4);
        assertThat(listings.get(KEY, whole)).as("kept under the new version").isSameAs(second);
        assertThat(placeReads).hasSize(1);
    }

    @Test
    void placesOfSlotsNotInTheEntryKeepItAsItWas() {
        SlotListings listings = patching();
        List<Schedules.SlotRow> rows = List.of(slot(0));
        var first = listings.get(KEY, () -> rows);
        listings.changed(DAY, "03", List.of(UUID.randomUUID())); // another doctor's slot of the department
        assertThat(listings.get(KEY, () -> List.of(slot(5)))).as("what was rendered from it stays valid")
                .isSameAs(first);
        assertThat(placeReads).isEmpty();
    }

    @Test
    void anyOtherWriteAPoolThatIsGoneOrALongGapReadsTheWholeListing() {
        SlotListings listings = patching();
        List<Schedules.SlotRow> rows = List.of(slot(0), slot(0));
        Supplier<List<Schedules.SlotRow>> whole = () -> {
            queries.incrementAndGet();
            return rows;
        };
        listings.get(KEY, whole);
        listings.changed(DAY, "03", List.of(rows.get(0).slotId()));
        listings.changed(DAY, "03"); // a new session, a stop-service
        listings.get(KEY, whole);
        assertThat(queries).hasValue(2);
        assertThat(placeReads).isEmpty();

        for (int i = 0; i < 65; i++) { // more writes than the versions remembered
            listings.changed(DAY, "03", List.of(rows.get(0).slotId()));
        }
        listings.get(KEY, whole);
        assertThat(queries).hasValue(3);

        database.remove(rows.get(1).slotId()); // its session was deleted
        listings.changed(DAY, "03", List.of(rows.get(1).slotId()));
        listings.get(KEY, whole);
        assertThat(placeReads).hasSize(1);
        assertThat(queries).as("the pool rows read did not match the listing's").hasValue(4);
    }

    @Test
    void placesTakenInATransactionAreReadAgainWhenItEnds() {
        SlotListings listings = patching();
        List<Schedules.SlotRow> rows = List.of(slot(0));
        listings.get(KEY, () -> rows);
        TransactionSynchronizationManager.initSynchronization();
        listings.changed(DAY, "03", Set.of(rows.get(0).slotId()));
        book(rows.get(0), 5);
        assertThat(listings.get(KEY, () -> rows).get(0).remaining(QuotaPool.ONLINE)).as("before the commit")
                .isEqualTo(5);
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(listings.get(KEY, () -> rows).get(0).remaining(QuotaPool.ONLINE)).isZero();
        assertThat(listings.version(DAY, null)).as("the whole day's version too").isEqualTo(1);
    }

    @Test
    void aSessionMadeOldByPlacesIsBroughtUpToDateTheSameWay() {
        SlotListings listings = patching();
        Schedules.SlotRow slot = slot(0);
        listings.remember(List.of(slot));
        SlotListings.SlotHome home = listings.home(slot.slotId());
        listings.session(home, () -> List.of(slot));
        book(slot, 3);
        listings.changed(DAY, "03", List.of(slot.slotId()));
        var session = listings.session(home, () -> {
            throw new AssertionError("the whole session was read");
        });
        assertThat(session.get(0).remaining(QuotaPool.ONLINE)).isEqualTo(2);
    }

    @Test
    void theLogsOfDaysGoneByAreLetGoWhenANewDayComes() {
        SlotListings listings = patching();
        LocalDate past = LocalDate.now().minusDays(30);
        SlotListings.Key key = new SlotListings.Key(past, "03", null, null);
        List<Schedules.SlotRow> rows = List.of(slot(0));
        Supplier<List<Schedules.SlotRow>> whole = () -> {
            queries.incrementAndGet();
            return rows;
        };
        listings.get(key, whole);
        listings.changed(past, "03", List.of(rows.get(0).slotId()));
        listings.version(LocalDate.now().plusDays(7), "03"); // a new day to list
        listings.get(key, whole);
        assertThat(placeReads).isEmpty();
        assertThat(queries).as("read whole: what changed is no longer known").hasValue(2);
        assertThat(listings.version(past, "03")).as("the counter stays").isEqualTo(1);
    }
}
