package org.huimin.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
}
