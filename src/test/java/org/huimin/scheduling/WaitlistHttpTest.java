package org.huimin.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Waitlist (候补) filling freed places in order, and stop-service (停诊) ending bookings and telling residents. */
class WaitlistHttpTest extends HttpTest {

    private record Person(String residentId, String token) {
    }

    private Person person(String name) {
        String id = People.adultIdNumber();
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", name, "phone", People.phone(),
                "password", "Waitlist2026x"), api.login("clerk"));
        assertThat(r.status()).isEqualTo(201);
        return new Person(r.json().get("residentId").asString(), api.login(id, "Waitlist2026x"));
    }

    @Test
    void aFreedPlaceGoesToTheFirstWaitingResidentAndStopServiceEndsEverything() {
        String scheduler = api.login("scheduler");
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
        String service = "候补测试门诊-" + UUID.randomUUID().toString().substring(0, 8);
        String org = api.get("/api/v1/schedules/templates", scheduler).json().get("items").get(0)
                .get("organizationId").asString();
        assertThat(api.post("/api/v1/schedules/templates", json("organizationId", org, "departmentCode", "04",
                "serviceName", service, "dayOfWeek", String.valueOf(day.getDayOfWeek().getValue()), "period",
                "EVENING", "start", "18:00", "end", "18:30", "slotMinutes", "30", "slotCapacity", "1",
                "registrationType", "GENERAL", "fee", "10", "poolShares", "ONLINE:100"), scheduler).status())
                .isEqualTo(201);
        Person a = person("候补甲");
        Person b = person("候补乙");
        Person c = person("候补丙");
        JsonNode slot = null;
        for (JsonNode s : api.get("/api/v1/slots?date=" + day + "&department=04&organizationId=" + org, a.token())
                .json().get("items")) {
            if (service.equals(s.path("serviceName").asString(""))) {
                slot = s;
            }
        }
        assertThat(slot).isNotNull();
        String session = slot.get("sessionId").asString();
        String slotId = slot.get("slotId").asString();

        // while a place is free, nobody waits
        Response early = api.post("/api/v1/waitlist", json("sessionId", session), b.token());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).endsWith("places-available");

        Response booked = api.post("/api/v1/appointments", json("slotId", slotId), a.token());
        assertThat(booked.status()).isEqualTo(201);
        assertThat(api.post("/api/v1/appointments", json("slotId", slotId), b.token()).status()).isEqualTo(409);

        Response bWaits = api.post("/api/v1/waitlist", json("sessionId", session), b.token());
        assertThat(bWaits.status()).isEqualTo(201);
        assertThat(bWaits.json().get("position").asLong()).isEqualTo(1);
        Response cWaits = api.post("/api/v1/waitlist", json("sessionId", session), c.token());
        assertThat(cWaits.json().get("position").asLong()).isEqualTo(2);
        assertThat(api.post("/api/v1/waitlist", json("sessionId", session), c.token()).status()).isEqualTo(409);

        // a cancels: b, first in line, is booked at once and told; c moves up
        assertThat(api.post("/api/v1/appointments/" + booked.json().get("appointmentId").asString() + "/cancel", null,
                a.token()).status()).isEqualTo(200);
        JsonNode bMine = api.get("/api/v1/me/appointments", b.token()).json().get("items");
        assertThat(bMine).hasSize(1);
        assertThat(bMine.get(0).get("slotId").asString()).isEqualTo(slotId);
        assertThat(bMine.get(0).get("status").asString()).isEqualTo("BOOKED");
        JsonNode bEntry = api.get("/api/v1/me/waitlist", b.token()).json().get("items").get(0);
        assertThat(bEntry.get("status").asString()).isEqualTo("FILLED");
        assertThat(bEntry.get("appointmentId").asString()).isEqualTo(bMine.get(0).get("appointmentId").asString());
        assertThat(inbox(b.token(), "候补成功")).contains("候补成功");
        JsonNode cEntry = api.get("/api/v1/me/waitlist", c.token()).json().get("items").get(0);
        assertThat(cEntry.get("status").asString()).isEqualTo("WAITING");
        assertThat(cEntry.get("position").asLong()).isEqualTo(1);

        // somebody else cannot leave c's place; c can
        assertThat(api.post("/api/v1/waitlist/" + cEntry.get("id").asString() + "/leave", null, a.token()).status())
                .isEqualTo(404);

        // the hospital stops the session: b's booking ends, c's wait ends, both are told
        assertThat(api.post("/api/v1/schedules/sessions/" + session + "/stop", json("reason", "医生外出会诊"),
                api.login("resident")).status()).isEqualTo(403);
        Response bad = api.post("/api/v1/schedules/sessions/" + session + "/stop", "{}", scheduler);
        assertThat(bad.status()).isEqualTo(400);
        Response stop = api.post("/api/v1/schedules/sessions/" + session + "/stop", json("reason", "医生外出会诊"),
                scheduler);
        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.json().get("status").asString()).isEqualTo("STOPPED");
        assertThat(api.post("/api/v1/schedules/sessions/" + session + "/stop", json("reason", "again"), scheduler)
                .status()).isEqualTo(409);
        assertThat(api.get("/api/v1/me/appointments", b.token()).json().get("items").get(0).get("status").asString())
                .isEqualTo("STOPPED");
        assertThat(api.get("/api/v1/me/waitlist", c.token()).json().get("items").get(0).get("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(inbox(b.token(), "停诊")).contains("停诊");
        assertThat(inbox(c.token(), "停诊")).contains("停诊");
        JsonNode overview = api.get("/api/v1/schedules/sessions?date=" + day + "&department=04", scheduler).json();
        assertThat(overview.get("items")).anySatisfy(s -> {
            assertThat(s.get("id").asString()).isEqualTo(session);
            assertThat(s.get("stopReason").asString()).isEqualTo("医生外出会诊");
        });
        Response afterStop = api.post("/api/v1/appointments", json("slotId", slotId), c.token());
        assertThat(afterStop.status()).isEqualTo(409);
        assertThat(afterStop.json().get("type").asString()).endsWith("session-stopped");
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
