package org.huimin.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.huimin.audit.AuditEvent;
import org.huimin.notification.Channel;
import org.huimin.notification.Notify;
import org.huimin.scheduling.Appointment;
import org.huimin.shared.ProblemException;
import org.huimin.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings placed together: with one worker held in a batch, the bookings that arrive meanwhile go into the next
 * batch as one transaction, and each gets what it would get alone (a place, the one-booking-per-doctor-a-day refusal,
 * a full slot), with its key, message, audit line and care relationship exactly when it has a place.
 */
@TestPropertySource(properties = "huimin.scheduling.batch.workers=1")
class BookingBatchesTest extends HttpTest {

    @Autowired
    BookingBatches batches;
    @Autowired
    Schedules schedules;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    MeterRegistry meters;

    private static BookingBatches.Request request(Schedules.SlotRow slot, UUID resident, String key, UUID account) {
        UUID id = UUID.randomUUID();
        return new BookingBatches.Request(List.of(slot), resident, org.huimin.scheduling.Channel.WINDOW, "nurse", true,
                key, "hash-" + key, id, account == null ? null
                        : s -> new Notify(account, null, "appointment-booked", Map.of("organization", "o",
                                "practitioner", "p", "department", "d", "time", "t"), Set.of(Channel.IN_APP),
                                Locale.SIMPLIFIED_CHINESE),
                new AuditEvent("nurse", "NURSE", resident.toString(), null, "CARE", "APPOINTMENT_BOOK", "Appointment",
                        id.toString(), AuditEvent.Outcome.SUCCESS, null, null));
    }

    private static String refusal(Future<Appointment> f) {
        assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ProblemException.class);
        try {
            f.get();
            throw new AssertionError("not refused");
        } catch (ExecutionException | InterruptedException e) {
            return ((ProblemException) e.getCause()).type();
        }
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void bookingsThatArriveWhileABatchRunsArePlacedTogetherEachAsItWouldBeAlone() throws Exception {
        // a released future slot of a practitioner, with two places left in the on-site pool
        UUID slotId = jdbc.queryForObject("""
                select p.slot_id from scheduling_pool p join scheduling_slot s on s.id = p.slot_id
                join scheduling_session se on se.id = s.session_id
                where p.pool = 'ONSITE' and p.capacity > 0 and se.status = 'OPEN' and se.practitioner_id is not null
                    and se.releases_at < current_timestamp and s.starts_at > current_timestamp + interval '1' day
                order by s.starts_at desc, p.slot_id limit 1""", UUID.class);
        jdbc.update("update scheduling_pool set capacity = booked + 2 where slot_id = ? and pool = 'ONSITE'", slotId);
        Schedules.SlotRow slot = schedules.forBooking(slotId, false, "nurse", null).slots().get(0);
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        UUID z = UUID.randomUUID();
        UUID yAccount = UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into scheduling_booker (resident_id) values (?)", x);

        ExecutorService threads = Executors.newFixedThreadPool(5);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            // x's booker row is held elsewhere, so that the one worker waits in x's batch while the others arrive
            Future<?> holder = threads.submit(() -> new TransactionTemplate(transactionManager)
                    .executeWithoutResult(tx -> {
                        jdbc.queryForList("select resident_id from scheduling_booker where resident_id = ? for update",
                                x);
                        locked.countDown();
                        try {
                            release.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(locked.await(20, TimeUnit.SECONDS)).isTrue();
            BookingBatches.Stats before = batches.stats();
            Timer durations = meters.get("huimin.scheduling.batch.duration").timer();
            long timedBefore = durations.count();
            Future<Appointment> first = threads.submit(() -> batches.place(request(slot, x, "x-" + run, null)));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> batches.waiting() == 0 && batches.stats().batches() == before.batches() + 1);
            // meanwhile: x again (same doctor, same day), y, z, in this order
            Future<Appointment> again = threads.submit(() -> batches.place(request(slot, x, "w-" + run, null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 1);
            Future<Appointment> last = threads.submit(() -> batches.place(request(slot, y, "y-" + run, yAccount)));
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 2);
            Future<Appointment> late = threads.submit(() -> batches.place(request(slot, z, "z-" + run, null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 3);
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);

            Appointment ax = first.get(20, TimeUnit.SECONDS);
            assertThat(refusal(again)).isEqualTo("already-booked"); // a place was left: the rule refused it
            Appointment ay = last.get(20, TimeUnit.SECONDS); // the last place
            assertThat(refusal(late)).isEqualTo("slot-full");
            BookingBatches.Stats after = batches.stats();
            assertThat(after.batches() - before.batches()).isEqualTo(2);
            assertThat(after.requests() - before.requests()).isEqualTo(4);
            assertThat(after.failures()).isEqualTo(before.failures());
            assertThat(after.largest()).isGreaterThanOrEqualTo(3);
            assertThat(durations.count() - timedBefore).isEqualTo(2); // both batches' time is on the metrics

            assertThat(ax.slotId()).isEqualTo(slotId);
            assertThat(ay.residentId()).isEqualTo(y);
            assertThat(count("select capacity - booked from scheduling_pool where slot_id = ? and pool = 'ONSITE'",
                    slotId)).isZero();
            assertThat(count("select count(*) from scheduling_appointment where resident_id in (?, ?, ?)", x, y, z))
                    .isEqualTo(2);
            // the keys of the two bookings stay (a retry replays them), those of the refused ones are gone
            assertThat(jdbc.queryForList("select idem_key from scheduling_idempotency where actor = 'nurse' and "
                    + "idem_key like ?", String.class, "%-" + run)).containsExactlyInAnyOrder("x-" + run, "y-" + run);
            // y's message, and an audit line and a care relationship for each booking, none for the refused
            assertThat(count("select count(*) from notification_message where account_id = ?", yAccount)).isOne();
            for (Appointment a : List.of(ax, ay)) {
                assertThat(count("select count(*) from rec_care_relationship where reference = ?",
                        a.id().toString())).isOne();
                assertThat(count("select (select count(*) from audit_pending where resource_id = ?) + "
                        + "(select count(*) from audit_entry where resource_id = ?)", a.id().toString(),
                        a.id().toString())).isOne();
            }
            assertThat(count("select count(*) from rec_care_relationship where resident_id = ?", z)).isZero();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchHoldsOneRequestOfAResidentAndOneOfAKeyTheOthersWaitForTheNext() {
        Schedules.SlotRow slot = new Schedules.SlotRow(UUID.randomUUID(), UUID.randomUUID(), null, null, 1, null, "03",
                null, null, null, null, null, 0, null, null, "OPEN", Map.of());
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<BookingBatches.Request> batch = new java.util.ArrayList<>(List.of(request(slot, a, "k1", null),
                request(slot, b, "k2", null), request(slot, a, "k3", null), request(slot, c, "k2", null),
                request(slot, c, null, null)));
        List<BookingBatches.Request> later = BookingBatches.later(batch);
        assertThat(batch).extracting(BookingBatches.Request::resident).containsExactly(a, b, c);
        assertThat(batch).extracting(BookingBatches.Request::key).containsExactly("k1", "k2", null);
        assertThat(later).extracting(BookingBatches.Request::key).containsExactly("k3", "k2");
    }
}
