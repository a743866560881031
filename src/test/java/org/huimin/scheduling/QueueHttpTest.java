package org.huimin.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import tools.jackson.databind.JsonNode;

/**
 * No-card check-in with the health code, priorities, calling, reminders, skip and recall.
 *
 * <p>Check-in needs a booking later today, which a run in the last minutes before midnight could not find: the
 * application runs here on a clock shifted to noon of the region's day (everything server-side reads that clock).
 */
@Import(QueueHttpTest.NoonClock.class)
class QueueHttpTest extends HttpTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = NoonClock.noon();

    @TestConfiguration(proxyBeanMethods = false)
    static class NoonClock {

        /** The system clock moved to about 12:00 of today in the region, so that the day has hours on both sides. */
        static Clock noon() {
            ZonedDateTime now = ZonedDateTime.now(ZONE);
            return Clock.offset(Clock.systemUTC(), Duration.between(now, now.toLocalDate().atTime(12, 0).atZone(ZONE)));
        }

        @Bean
        @Primary
        Clock noonClock() {
            return CLOCK;
        }
    }

    private record Person(String residentId, String token) {
    }

    private Person person(String name, LocalDate birth) {
        String id = People.idNumber(birth);
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", People.phone(),
                "password", "Queue2026xyz"), api.login("clerk"));
        assertThat(r.status()).isEqualTo(201);
        return new Person(r.json().get("residentId").asString(), api.login(id, "Queue2026xyz"));
    }

    private String inbox(String token, String text) throws InterruptedException {
        String raw = "";
        for (int i = 0; i < 50 && !raw.contains(text); i++) {
            raw = api.get("/api/v1/notifications", token).raw();
            Thread.sleep(100);
        }
        return raw;
    }

    @Test
    void residentsCheckInWithTheirCodeAndAreCalledInPriorityOrder() throws Exception {
        String scheduler = api.login("scheduler");
        String nurse = api.login("nurse");
        String doctor = api.login("doctor");
        LocalDate today = LocalDate.now(CLOCK.withZone(ZONE));
        String service = "叫号测试门诊-" + UUID.randomUUID().toString().substring(0, 8);
        String org = api.get("/api/v1/schedules/templates", scheduler).json().get("items").get(0)
                .get("organizationId").asString();
        assertThat(api.post("/api/v1/schedules/templates", json("organizationId", org, "departmentCode", "03",
                "serviceName", service, "dayOfWeek", String.valueOf(today.getDayOfWeek().getValue()), "period",
                "MORNING", "start", "00:05", "end", "23:55", "slotMinutes", "10", "slotCapacity", "5",
                "registrationType", "GENERAL", "fee", "10", "poolShares", "ONSITE:100", "room", "门诊楼2层205诊室"),
                scheduler).status()).isEqualTo(201);
        JsonNode slot = null;
                for (JsonNode s : api.get("/api/v1/slots?date=" + today + "&department=03&organizationId=" + org, nurse)
                .json().get("items")) {
            if (service.equals(s.path("serviceName").asString("")) && s.get("available").asInt() == 5) {
                slot = s;
                break;
            }
        }
        assertThat(slot).as("a free slot later today").isNotNull();
        String session = slot.get("sessionId").asString();
        // the desk (nurse, doctor) sees the organisation's sessions of the day with their room, to pick a queue
        assertThat(api.get("/api/v1/schedules/sessions?date=" + today + "&department=03", doctor).json().get("items"))
                .anySatisfy(s -> {
                    assertThat(s.get("id").asString()).isEqualTo(session);
                    assertThat(s.get("room").asString()).isEqualTo("门诊楼2层205诊室");
                });
        assertThat(api.get("/api/v1/schedules/sessions?date=" + today, nurse).status()).isEqualTo(200);

        List<Person> people = new ArrayList<>();
        people.add(person("叫号甲", today.minusYears(40)));
        people.add(person("叫号乙", today.minusYears(75))); // elderly: goes ahead
        people.add(person("叫号丙", today.minusYears(35)));
        people.add(person("叫号丁", today.minusYears(30)));
        people.add(person("叫号戊", today.minusYears(28)));
        List<String> appointments = new ArrayList<>();
        for (Person p : people) {
            Response b = api.post("/api/v1/appointments", json("slotId", slot.get("slotId").asString(), "residentId",
                    p.residentId(), "channel", "WINDOW"), nurse);
            assertThat(b.status()).isEqualTo(201);
            appointments.add(b.json().get("appointmentId").asString());
        }

        // no card: the health code on the resident's phone checks in today's booking
        String code1 = api.get("/api/v1/me/health-code", people.get(0).token()).json().get("token").asString();
        Response t1 = api.post("/api/v1/check-in", json("healthCode", code1, "terminalId", "kiosk-1"), nurse);
        assertThat(t1.status()).as(t1.raw()).isEqualTo(200);
        assertThat(t1.json().get("number").asInt()).isEqualTo(1);
        assertThat(t1.json().get("priority").asString()).isEqualTo("NORMAL");
        String code2 = api.get("/api/v1/me/health-code", people.get(1).token()).json().get("token").asString();
        Response t2 = api.post("/api/v1/check-in", json("healthCode", code2), nurse);
        assertThat(t2.json().get("priority").asString()).isEqualTo("ELDERLY");
        assertThat(t2.json().get("ahead").asLong()).isZero();
        assertThat(inbox(people.get(1).token(), "签到成功")).contains("签到成功");
        for (int i = 2; i < 5; i++) {
            assertThat(api.post("/api/v1/check-in", json("appointmentId", appointments.get(i)), nurse).status())
                    .isEqualTo(200);
        }
        // once only; a resident without a booking here has nothing to check in
        assertThat(api.post("/api/v1/check-in", json("appointmentId", appointments.get(2)), nurse).status())
                .isEqualTo(409);
        Person stranger = person("叫号己", today.minusYears(50));
        String code = api.get("/api/v1/me/health-code", stranger.token()).json().get("token").asString();
        Response none = api.post("/api/v1/check-in", json("healthCode", code), nurse);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("type").asString()).endsWith("no-booking-today");
        assertThat(api.post("/api/v1/check-in", json("healthCode", code), stranger.token()).status()).isEqualTo(403);

        JsonNode queue = api.get("/api/v1/queue/sessions/" + session, doctor).json().get("items");
        assertThat(queue.get(0).get("residentId").asString()).isEqualTo(people.get(1).residentId());
        assertThat(queue.get(0).get("residentName").asString()).contains("*");

        // the doctor calls: the elderly resident first, to the room; the one with three ahead is told to get ready
        assertThat(api.post("/api/v1/queue/sessions/" + session + "/next", null, people.get(0).token()).status())
                .isEqualTo(403);
        JsonNode called = api.post("/api/v1/queue/sessions/" + session + "/next", null, doctor).json().get("items");
        assertThat(called.get(0).get("status").asString()).isEqualTo("CALLED");
        assertThat(called.get(0).get("residentId").asString()).isEqualTo(people.get(1).residentId());
        assertThat(inbox(people.get(1).token(), "门诊楼2层205诊室")).contains("门诊楼2层205诊室");
        assertThat(inbox(people.get(4).token(), "前面还有 3 人")).contains("前面还有 3 人");
        JsonNode mine = api.get("/api/v1/me/queue", people.get(4).token()).json().get("items").get(0);
        assertThat(mine.get("ahead").asLong()).isEqualTo(3);
        assertThat(mine.get("room").asString()).isEqualTo("门诊楼2层205诊室");

        // next: the elderly resident's visit is done; the first resident is called, does not come, returns later
        JsonNode second = api.post("/api/v1/queue/sessions/" + session + "/next", null, doctor).json().get("items");
        String ticket1 = second.get(0).get("id").asString();
        assertThat(second.get(0).get("residentId").asString()).isEqualTo(people.get(0).residentId());
        assertThat(api.get("/api/v1/me/appointments", people.get(1).token()).json().get("items").get(0)
                .get("status").asString()).isEqualTo("COMPLETED");
        JsonNode skipped = api.post("/api/v1/queue/tickets/" + ticket1 + "/skip", null, nurse).json().get("items");
        assertThat(skipped).anySatisfy(t -> {
            assertThat(t.get("id").asString()).isEqualTo(ticket1);
            assertThat(t.get("status").asString()).isEqualTo("SKIPPED");
        });
        assertThat(api.post("/api/v1/queue/tickets/" + ticket1 + "/skip", null, nurse).status()).isEqualTo(409);
        JsonNode recalled = api.post("/api/v1/queue/tickets/" + ticket1 + "/recall", null, nurse).json().get("items");
        assertThat(recalled.get(0).get("id").asString()).isEqualTo(ticket1);
        assertThat(recalled.get(0).get("priority").asString()).isEqualTo("RECALLED");
        assertThat(recalled.get(0).get("ahead").asLong()).isZero();
    }
}
