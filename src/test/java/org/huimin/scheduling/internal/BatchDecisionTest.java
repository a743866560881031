package org.huimin.scheduling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.huimin.scheduling.Channel;
import org.huimin.scheduling.Period;
import org.huimin.scheduling.QuotaPool;
import org.huimin.scheduling.RegistrationType;
import org.junit.jupiter.api.Test;

/**
 * The decision a batch makes for each booking on the counts it has locked, as plain Java: the same refusal a booking
 * alone would get, in the same order (rules, then a full slot, then one booking per doctor a day), and with
 * "nearest" the first slot in the request's order that has a place.
 */
class BatchDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
    private static final UUID SESSION = UUID.randomUUID();
    private static final UUID DOCTOR = UUID.randomUUID();
    private static final UUID RESIDENT = UUID.randomUUID();

    private final BookingPolicy policy = new BookingPolicy(new SchedulingProperties(ZoneId.of("Asia/Shanghai"), 14, 7,
            LocalTime.of(8, 0), Duration.ofHours(2), "ONLINE:100", 5, Duration.ofHours(2), Duration.ofMinutes(15), 3,
            Duration.ofDays(90), Duration.ofDays(30), Duration.ofSeconds(1)));
    private final Map<UUID, Map<QuotaPool, int[]>> pools = new HashMap<>();
    private final Map<UUID, String> sessions = new HashMap<>(Map.of(SESSION, "OPEN"));

    /** A slot of the session starting {@code hours} from now, its online pool with {@code left} of 2 places left. */
    private Schedules.SlotRow slot(int hours, int left) {
        UUID id = UUID.randomUUID();
        Instant start = NOW.plus(Duration.ofHours(hours));
        Map<QuotaPool, int[]> own = new EnumMap<>(QuotaPool.class);
        own.put(QuotaPool.ONLINE, new int[] {2, 2 - left});
        pools.put(id, own);
        return new Schedules.SlotRow(id, SESSION, start, start.plus(Duration.ofMinutes(15)), 2, UUID.randomUUID(),
                "03", DOCTOR, null, LocalDate.of(2026, 12, 5), Period.MORNING, RegistrationType.GENERAL, 1000,
                NOW.minus(Duration.ofDays(1)), start.minus(Duration.ofHours(2)), "OPEN", own);
    }

    private BookingBatches.Outcome decide(AppointmentRecords.Standing standing, Schedules.SlotRow... slots) {
        BookingBatches.Request r = new BookingBatches.Request(List.of(slots), RESIDENT, Channel.APP, "r", false, null,
                null, UUID.randomUUID(), null, null);
        return BookingBatches.decide(policy, r, standing, pools, sessions, NOW);
    }

    @Test
    void theFirstSlotWithAPlaceInTheRequestsOrderIsTaken() {
        Schedules.SlotRow full = slot(30, 0);
        Schedules.SlotRow free = slot(31, 1);
        BookingBatches.Outcome o = decide(AppointmentRecords.Standing.NONE, full, free);
        assertThat(o.refusal()).isNull();
        assertThat(o.slot()).isEqualTo(free);
        assertThat(o.pool()).isEqualTo(QuotaPool.ONLINE);
        assertThat(decide(AppointmentRecords.Standing.NONE, full).refusal()).isEqualTo(BookingPolicy.Refusal.SLOT_FULL);
    }

    @Test
    void aRuleRefusesBeforeAFullSlotAndAFullSlotBeforeTheSecondBookingOfTheDay() {
        Schedules.SlotRow free = slot(30, 1);
        Schedules.SlotRow full = slot(31, 0);
        var busy = new AppointmentRecords.Standing(5, 0, null, Set.of());
        assertThat(decide(busy, full).refusal()).isEqualTo(BookingPolicy.Refusal.TOO_MANY_ACTIVE);
        var bookedToday = new AppointmentRecords.Standing(1, 0, null,
                Set.of(BookingService.activeKey(RESIDENT, free)));
        assertThat(decide(bookedToday, full).refusal()).isEqualTo(BookingPolicy.Refusal.SLOT_FULL);
        assertThat(decide(bookedToday, full, free).refusal()).isEqualTo(BookingPolicy.Refusal.ALREADY_BOOKED);
        assertThat(decide(new AppointmentRecords.Standing(1, 0, null, Set.of("another|key|day")), free).slot())
                .isEqualTo(free);
    }

    @Test
    void aSessionStoppedOrGoneWhenTheBatchLookedIsRefusedAsStopped() {
        Schedules.SlotRow free = slot(30, 1);
        sessions.put(SESSION, "STOPPED");
        assertThat(decide(AppointmentRecords.Standing.NONE, free).refusal())
                .isEqualTo(BookingPolicy.Refusal.SESSION_STOPPED);
        sessions.clear();
        assertThat(decide(AppointmentRecords.Standing.NONE, free).refusal())
                .isEqualTo(BookingPolicy.Refusal.SESSION_STOPPED);
    }

    @Test
    void aPoolThatWasNotLockedIsNotTaken() {
        Schedules.SlotRow free = slot(30, 1);
        pools.remove(free.slotId());
        assertThat(decide(AppointmentRecords.Standing.NONE, free).refusal()).isEqualTo(BookingPolicy.Refusal.SLOT_FULL);
    }
}
