package org.huimin.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/** Booking through HTTP: listing, idempotent booking, cancel, rules, proxies, window staff and concurrency. */
class BookingHttpTest extends HttpTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcTemplate jdbc;

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A resident registered at the window, with a password to log in. */
    private record Person(String residentId, String token) {
    }

    private Person person(String name) {
        String id = People.adultIdNumber();
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", People.phone(),
                "password", "Booking2026x"), api.login("clerk"));
        assertThat(r.status()).isEqualTo(201);
        return new Person(r.json().get("residentId").asString(), api.login(id, "Booking2026x"));
    }

    private JsonNode slots(LocalDate day, String token, String query) {
        Response r = api.get("/api/v1/slots?date=" + day + (query == null ? "" : "&" + query), token);
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("items");
    }

    /** The first slot in the next days that the caller's channel can take, skipping practitioners in {@code not}. */
    private JsonNode bookable(String token, List<String> not) {
        for (int d = 1; d <= 6; d++) {
            for (JsonNode s : slots(today().plusDays(d), token, null)) {
                if (s.get("available").asInt() > 0 && !not.contains(s.get("practitionerId").asString())) {
                    return s;
                }
            }
        }
        throw new AssertionError("no bookable slot in the next six days");
    }

    private int available(String slotId, LocalDate day, String token) {
        for (JsonNode s : slots(day, token, null)) {
            if (s.get("slotId").asString().equals(slotId)) {
                return s.get("available").asInt();
            }
        }
        return -1;
    }

    /**
     * A new weekly service of internal medicine (03) at the scheduler's hospital that has a session on {@code day},
     * and its slots of that day as {@code viewer} lists them.
     */
    private List<JsonNode> newService(String name, LocalDate day, String period, String start, String end,
            String slotMinutes, String slotCapacity, String fee, String poolShares, String viewer) {
        String scheduler = api.login("scheduler");
        String service = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String org = api.get("/api/v1/schedules/templates", scheduler).json().get("items").get(0)
                .get("organizationId").asString();
        assertThat(api.post("/api/v1/schedules/templates", json("organizationId", org, "departmentCode", "03",
                "serviceName", service, "dayOfWeek", String.valueOf(day.getDayOfWeek().getValue()), "period", period,
                "start", start, "end", end, "slotMinutes", slotMinutes, "slotCapacity", slotCapacity,
                "registrationType", "GENERAL", "fee", fee, "poolShares", poolShares), scheduler).status())
                .isEqualTo(201);
        List<JsonNode> ours = new ArrayList<>();
        for (JsonNode s : slots(day, viewer, "organizationId=" + org + "&department=03")) {
            if (service.equals(s.path("serviceName").asString(""))) {
                ours.add(s);
            }
        }
        return ours;
    }

    /** How many of {@code responses} booked (201); every other one must be the problem {@code status} {@code type}. */
    private static int booked(List<Response> responses, int status, String type) {
        int created = 0;
        List<String> others = new ArrayList<>();
        for (Response r : responses) {
            if (r.status() == 201) {
                created++;
            } else if (!(r.status() == status && r.isProblem() && r.json().get("type").asString().endsWith(type))) {
                others.add(r.status() + " " + r.raw());
            }
        }
        assertThat(others).isEmpty();
        return created;
    }

    /** The calls released all at once from {@code threads} threads; their responses in the calls' order. */
    private static List<Response> atOnce(List<Callable<Response>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    private Response book(String token, String body, String key) {
        return api.post("/api/v1/appointments", body, token, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    @Test
    void aResidentBooksIdempotentlySeesTheBookingAndCancelsItGivingThePlaceBack() {
        Person p = person("预约测试甲");
        JsonNode slot = bookable(p.token(), List.of());
        String slotId = slot.get("slotId").asString();
        LocalDate day = java.time.Instant.parse(slot.get("start").asString()).atZone(ZONE).toLocalDate();
        int before = slot.get("available").asInt();
        assertThat(slot.get("organizationName").asString()).isNotBlank();
        assertThat(slot.get("departmentName").asString()).isNotBlank();

        String key = "t-" + UUID.randomUUID();
        Response first = book(p.token(), json("slotId", slotId), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asString()).isEqualTo("BOOKED");
        assertThat(first.json().get("pool").asString()).isEqualTo("ONLINE");
        String id = first.json().get("appointmentId").asString();
        assertThat(available(slotId, day, p.token())).isEqualTo(before - 1);

        Response again = book(p.token(), json("slotId", slotId), key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("appointmentId").asString()).isEqualTo(id);
        assertThat(available(slotId, day, p.token())).isEqualTo(before - 1);

        Response reused = book(p.token(), json("slotId", bookable(p.token(),
                List.of(slot.get("practitionerId").asString())).get("slotId").asString()), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).endsWith("idempotency-key-reused");

        JsonNode mine = api.get("/api/v1/me/appointments", p.token()).json().get("items");
        assertThat(mine).anySatisfy(a -> assertThat(a.get("appointmentId").asString()).isEqualTo(id));
        assertThat(inbox(p.token(), "预约成功")).contains("预约成功");

        // somebody else cannot see or cancel it
        Person other = person("预约测试乙");
        assertThat(api.get("/api/v1/appointments/" + id, other.token()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/appointments/" + id + "/cancel", null, other.token()).status()).isEqualTo(404);

        Response cancelled = api.post("/api/v1/appointments/" + id + "/cancel", json("reason", "时间冲突"), p.token());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(available(slotId, day, p.token())).isEqualTo(before);
        Response twice = api.post("/api/v1/appointments/" + id + "/cancel", null, p.token());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.isProblem()).isTrue();
        // the cancellation let go of the one-per-practitioner-a-day key, and a cancelled appointment may not hold one
        assertThat(jdbc.queryForObject("select active_key from scheduling_appointment where id = ?", String.class,
                UUID.fromString(id))).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "update scheduling_appointment set active_key = 'probe' where id = ?", UUID.fromString(id)))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void badSlotsAreProblemsAndChangeNothing() {
        Person p = person("预约测试丙");
        Response garbage = book(p.token(), json("slotId", "no-such-slot"), "g-" + UUID.randomUUID());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.isProblem()).isTrue();
        assertThat(garbage.raw()).contains("slotId");
        Response unknown = book(p.token(), json("slotId", UUID.randomUUID().toString()), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();

        JsonNode past = slots(today().minusDays(1), p.token(), null);
        assertThat(past).isNotEmpty();
        assertThat(past.get(0).get("available").asInt()).isZero();
        assertThat(past.get(0).get("bookable").asBoolean()).isFalse();
        Response late = book(p.token(), json("slotId", past.get(0).get("slotId").asString()), null);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("type").asString()).endsWith("slot-past");

        // two weeks ahead: generated, not released yet (slots open seven days ahead at 8 a.m.)
        JsonNode later = slots(today().plusDays(12), p.token(), null);
        assertThat(later).isNotEmpty();
        assertThat(later.get(0).get("bookable").asBoolean()).isFalse();
        Response early = book(p.token(), json("slotId", later.get(0).get("slotId").asString()), null);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("type").asString()).endsWith("slot-not-released");
        assertThat(api.get("/api/v1/me/appointments", p.token()).json().get("items")).isEmpty();
    }

    @Test
    void oneBookingPerPractitionerADayAndResidentsCannotUseTheWindowChannel() {
        Person p = person("预约测试丁");
        JsonNode slot = bookable(p.token(), List.of());
        assertThat(book(p.token(), json("slotId", slot.get("slotId").asString()), null).status()).isEqualTo(201);
        // another slot of the same practitioner on the same day
        LocalDate day = java.time.Instant.parse(slot.get("start").asString()).atZone(ZONE).toLocalDate();
        for (JsonNode s : slots(day, p.token(), "practitionerId=" + slot.get("practitionerId").asString())) {
            if (!s.get("slotId").equals(slot.get("slotId")) && s.get("available").asInt() > 0) {
                Response second = book(p.token(), json("slotId", s.get("slotId").asString()), null);
                assertThat(second.status()).isEqualTo(409);
                assertThat(second.json().get("type").asString()).endsWith("already-booked");
                break;
            }
        }
        Response window = book(p.token(), json("slotId", slot.get("slotId").asString(), "channel", "WINDOW"), null);
        assertThat(window.status()).isEqualTo(403);
        assertThat(window.isProblem()).isTrue();
    }

    @Test
    void aProxyBooksForTheirRelativeAndStrangersCannot() {
        String resident = api.login("resident");
        String elderId = null;
        for (JsonNode r : api.get("/api/v1/me/relatives", resident).json().get("items")) {
            if ("PARENT".equals(r.get("relation").asString()) && "ACTIVE".equals(r.get("status").asString())) {
                elderId = r.get("residentId").asString();
            }
        }
        assertThat(elderId).isNotNull();
        JsonNode slot = bookable(resident, List.of());
        Response stranger = book(api.login("resident2"), json("slotId", slot.get("slotId").asString(), "residentId",
                elderId), null);
        assertThat(stranger.status()).isEqualTo(403);

        Response forElder = book(resident, json("slotId", slot.get("slotId").asString(), "residentId", elderId), null);
        assertThat(forElder.status()).isEqualTo(201);
        assertThat(forElder.json().get("residentId").asString()).isEqualTo(elderId);
        assertThat(forElder.json().get("actingFor").asBoolean()).isTrue();
        String id = forElder.json().get("appointmentId").asString();
        assertThat(api.get("/api/v1/residents/" + elderId + "/appointments", resident).json().get("items"))
                .anySatisfy(a -> assertThat(a.get("appointmentId").asString()).isEqualTo(id));
        assertThat(api.get("/api/v1/residents/" + elderId + "/appointments", api.login("resident2")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/appointments/" + id + "/cancel", null, resident).status()).isEqualTo(200);
    }

    @Test
    void windowStaffBookExactlyTheCapacityOfTheOnSitePoolUnderConcurrency() throws Exception {
        String nurse = api.login("nurse");
        LocalDate day = today().plusDays(2);
        List<JsonNode> ours = newService("并发测试门诊", day, "AFTERNOON", "13:00", "13:30", "30", "25", "12.50",
                "ONLINE:20,ONSITE:80", nurse);
        assertThat(ours).hasSize(1);
        JsonNode slot = ours.get(0);
        assertThat(slot.get("available").asInt()).isEqualTo(20); // the on-site pool: 80% of 25
        assertThat(slot.get("fee").decimalValue()).isEqualByComparingTo("12.50");
        String slotId = slot.get("slotId").asString();

        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            residents.add(person("并发" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅卯".charAt(i / 10)).residentId());
        }
        List<Callable<Response>> calls = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String r : residents) {
            String key = "c-" + UUID.randomUUID();
            keys.add(key);
            calls.add(() -> book(nurse, json("slotId", slotId, "residentId", r, "channel", "WINDOW"), key));
        }
        List<Response> responses = atOnce(calls, 16);
        assertThat(booked(responses, 409, "slot-full")).isEqualTo(20); // and 12 refused as full
        assertThat(available(slotId, day, nurse)).isZero();
        // a retry of a booking that went through gets that booking although the slot is full by now
        int went = java.util.stream.IntStream.range(0, responses.size())
                .filter(i -> responses.get(i).status() == 201).findFirst().orElseThrow();
        Response retry = book(nurse, json("slotId", slotId, "residentId", residents.get(went), "channel", "WINDOW"),
                keys.get(went));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("appointmentId").asString())
                .isEqualTo(responses.get(went).json().get("appointmentId").asString());
        // nothing lost or sold twice: every place taken is one booked appointment
        assertThat(jdbc.queryForObject("select sum(booked) from scheduling_pool where slot_id = ?", Long.class,
                UUID.fromString(slotId))).isEqualTo(20L);
        assertThat(jdbc.queryForObject("select count(*) from scheduling_appointment where slot_id = ? and status = "
                + "'BOOKED'", Long.class, UUID.fromString(slotId))).isEqualTo(20L);
        // the online pool is still there for residents
        assertThat(available(slotId, day, person("并发线上").token())).isEqualTo(5);
    }

    /**
     * A full slot with {@code nearestInSession} books the nearest slot of the same session that has a place (the later
     * one on a tie), under concurrency too: the session sells exactly its places, then it is 409 with nothing written.
     */
    @Test
    void aFullSlotWithNearestInSessionBooksTheNearestSlotOfTheSessionWithAPlace() throws Exception {
        String nurse = api.login("nurse");
        LocalDate day = today().plusDays(4);
        List<JsonNode> ours = newService("就近改约", day, "AFTERNOON", "14:00", "15:00", "15", "2", "10.00",
                "ONSITE:100", nurse);
        assertThat(ours).hasSize(4); // 14:00, 14:15, 14:30, 14:45, two places each
        String second = ours.get(1).get("slotId").asString();
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            residents.add(person("就近" + "甲乙丙丁戊己庚辛壬癸子丑".charAt(i)).residentId());
        }
        // 14:15 sells out
        for (int i = 0; i < 2; i++) {
            assertThat(book(nurse, json("slotId", second, "residentId", residents.get(i), "channel", "WINDOW"),
                    null).status()).isEqualTo(201);
        }
        // without the flag a full slot is refused
        assertThat(book(nurse, json("slotId", second, "residentId", residents.get(2), "channel", "WINDOW"), null)
                .status()).isEqualTo(409);
        // with it: 14:00 and 14:30 are both 15 minutes away, the later one is taken; the same key replays it
        String body = "{\"slotId\":\"" + second + "\",\"residentId\":\"" + residents.get(2)
                + "\",\"channel\":\"WINDOW\",\"nearestInSession\":true}";
        Response moved = book(nurse, body, "near-" + UUID.randomUUID());
        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.json().get("slotId").asString()).isEqualTo(ours.get(2).get("slotId").asString());
        String key = "near-" + UUID.randomUUID();
        String body2 = body.replace(residents.get(2), residents.get(3));
        Response again = book(nurse, body2, key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("slotId").asString()).isEqualTo(ours.get(2).get("slotId").asString());
        Response replay = book(nurse, body2, key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("appointmentId").asString()).isEqualTo(again.json().get("appointmentId")
                .asString());
        // 14:30 is full now: the next nearest is 14:00
        Response earlier = book(nurse, body.replace(residents.get(2), residents.get(4)), null);
        assertThat(earlier.json().get("slotId").asString()).isEqualTo(ours.get(0).get("slotId").asString());

        // the other 3 places of the session, 7 residents at once: 3 booked, 4 refused as full
        List<Callable<Response>> calls = new ArrayList<>();
        for (String r : residents.subList(5, 12)) {
            String b = body.replace(residents.get(2), r);
            calls.add(() -> book(nurse, b, "near-" + UUID.randomUUID()));
        }
        assertThat(booked(atOnce(calls, 7), 409, "slot-full")).isEqualTo(3);
        UUID session = UUID.fromString(ours.get(0).get("sessionId").asString());
        assertThat(jdbc.queryForObject("select count(*) from scheduling_appointment where session_id = ? and status = "
                + "'BOOKED'", Long.class, session)).isEqualTo(8L);
        assertThat(jdbc.queryForObject("select sum(p.booked) from scheduling_pool p join scheduling_slot s on "
                + "s.id = p.slot_id where s.session_id = ?", Long.class, session)).isEqualTo(8L);
    }

    /**
     * A resident's first bookings, all at once: the row that serialises their bookings does not exist yet and is
     * created by whichever comes first, and the limit of active bookings still holds.
     */
    @Test
    void aNewResidentsFirstBookingsAtOnceKeepTheLimitOfActiveBookings() throws Exception {
        String nurse = api.login("nurse");
        String resident = person("并发首约").residentId();
        LocalDate day = today().plusDays(3);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // eight clinics of the day: one booking each is allowed, five at once
            String slotId = newService("首约" + i, day, "EVENING", "18:00", "18:30", "30", "2", "10.00",
                    "ONSITE:100", nurse).get(0).get("slotId").asString();
            calls.add(() -> book(nurse, json("slotId", slotId, "residentId", resident, "channel", "WINDOW"), null));
        }
        assertThat(booked(atOnce(calls, 8), 422, "too-many-bookings")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from scheduling_appointment where resident_id = ? and status = "
                + "'BOOKED'", Long.class, UUID.fromString(resident))).isEqualTo(5L);
        assertThat(jdbc.queryForObject("select count(*) from scheduling_booker where resident_id = ?", Long.class,
                UUID.fromString(resident))).isEqualTo(1L);
    }

    /**
     * Stop-service while the window books the same session: every booking either is refused as stopped or exists
     * when the stop sweeps the session, so none is left BOOKED in a stopped session with a resident never told.
     */
    @Test
    void aSessionStoppedWhileItIsBeingBookedKeepsNoBooking() throws Exception {
        String scheduler = api.login("scheduler");
        String nurse = api.login("nurse");
        List<JsonNode> ours = newService("停诊并发", today().plusDays(3), "EVENING", "18:00", "19:00", "15", "10",
                "10.00", "ONSITE:100", nurse);
        assertThat(ours).hasSize(4);
        String session = ours.get(0).get("sessionId").asString();
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            residents.add(person("停诊" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "子丑寅".charAt(i / 10)).residentId());
        }
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < residents.size(); i++) {
            String resident = residents.get(i);
            String slotId = ours.get(i % ours.size()).get("slotId").asString();
            calls.add(() -> book(nurse, json("slotId", slotId, "residentId", resident, "channel", "WINDOW"), null));
            if (i == 8) { // the stop comes in the middle of the bookings
                calls.add(() -> api.post("/api/v1/schedules/sessions/" + session + "/stop", json("reason", "临时停诊"),
                        scheduler));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (Response r : atOnce(calls, 8)) {
            boolean stoppedRefusal = r.status() == 409 && r.json().get("type").asString().endsWith("session-stopped");
            if (r.status() != 200 && r.status() != 201 && !stoppedRefusal) {
                unexpected.add(r.status() + " " + r.raw());
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from scheduling_appointment where session_id = ? and status = "
                + "'BOOKED'", Long.class, UUID.fromString(session))).isZero();
        // every place taken belongs to an appointment that the stop ended
        assertThat(jdbc.queryForObject("select coalesce(sum(p.booked), 0) from scheduling_pool p join scheduling_slot s "
                + "on s.id = p.slot_id where s.session_id = ?", Long.class, UUID.fromString(session)))
                .isEqualTo(jdbc.queryForObject("select count(*) from scheduling_appointment where session_id = ? "
                        + "and status = 'STOPPED'", Long.class, UUID.fromString(session)));
    }

    @Test
    void aListingWithABadDateOrIdIsAFieldError() {
        String token = api.login("nurse");
        Response badDate = api.get("/api/v1/slots?date=2026-13-01", token);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.isProblem()).isTrue();
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("date");
        assertThat(api.get("/api/v1/slots", token).json().get("errors").get(0).get("field").asString())
                .isEqualTo("date");
        Response badOrg = api.get("/api/v1/slots?date=" + today() + "&organizationId=nope", token);
        assertThat(badOrg.status()).isEqualTo(400);
        assertThat(badOrg.json().get("errors").get(0).get("field").asString()).isEqualTo("organizationId");
        assertThat(api.get("/api/v1/slots?date=" + today() + "&availableOnly=maybe", token).status()).isEqualTo(400);
    }

    @Test
    void schedulersGetFieldErrorsForBadTemplatesAndResidentsCannotTouchSchedules() {
        String scheduler = api.login("scheduler");
        Response bad = api.post("/api/v1/schedules/templates", json("departmentCode", "99", "dayOfWeek", "8",
                "start", "12:00", "end", "11:00", "slotMinutes", "90", "slotCapacity", "0", "fee", "-1",
                "poolShares", "ONLINE:50"), scheduler);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.raw()).contains("dayOfWeek", "end", "slotMinutes", "slotCapacity", "fee", "poolShares");
        assertThat(api.get("/api/v1/schedules/templates", api.login("resident")).status()).isEqualTo(403);
    }

    /** The inbox once it holds {@code text} (messages are delivered from the outbox a moment later), or after 5 s. */
    private String inbox(String token, String text) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String raw;
        do {
            raw = api.get("/api/v1/notifications", token).raw();
            if (raw.contains(text)) {
                return raw;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return raw;
            }
        } while (System.nanoTime() < deadline);
        return raw;
    }
}
