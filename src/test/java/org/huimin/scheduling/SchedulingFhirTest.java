package org.huimin.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.time.LocalDate;
import java.time.ZoneId;

import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** FHIR Schedule, Slot and Appointment over the booking data; appointments only for those allowed. */
class SchedulingFhirTest extends HttpTest {

    @Test
    void sessionsSlotsAndAppointmentsAreFhirResources() {
        String id = People.adultIdNumber();
        Response reg = api.post("/api/v1/residents", json("idNumber", id, "name", "影像测试", "phone", People.phone(),
                "password", "Fhir2026xyz"), api.login("clerk"));
        String residentId = reg.json().get("residentId").asString();
        String token = api.login(id, "Fhir2026xyz");
        JsonNode found = null;
        for (int d = 1; d <= 6 && found == null; d++) {
            LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(d);
            for (JsonNode s : api.get("/api/v1/slots?date=" + day + "&availableOnly=true", token).json().get("items")) {
                if (s.has("practitionerId")) {
                    found = s;
                    break;
                }
            }
        }
        assertThat(found).isNotNull();
        JsonNode slot = found;
        Response booked = api.post("/api/v1/appointments", json("slotId", slot.get("slotId").asString()), token);
        assertThat(booked.status()).isEqualTo(201);
        String appointment = booked.json().get("appointmentId").asString();
        String nurse = api.login("nurse");

        JsonNode schedule = api.get("/fhir/r4/Schedule/" + slot.get("sessionId").asString(), nurse).json();
        assertThat(schedule.get("resourceType").asString()).isEqualTo("Schedule");
        assertThat(schedule.get("actor").get(0).get("reference").asString())
                .isEqualTo("Practitioner/" + slot.get("practitionerId").asString());
        JsonNode byActor = api.get("/fhir/r4/Schedule?actor=Practitioner/" + slot.get("practitionerId").asString(),
                nurse).json();
        assertThat(byActor.get("entry")).anySatisfy(e -> assertThat(e.get("resource").get("id").asString())
                .isEqualTo(slot.get("sessionId").asString()));
        JsonNode slots = api.get("/fhir/r4/Slot?schedule=Schedule/" + slot.get("sessionId").asString(), nurse).json();
        assertThat(slots.get("entry")).anySatisfy(e -> {
            assertThat(e.get("resource").get("id").asString()).isEqualTo(slot.get("slotId").asString());
            assertThat(e.get("resource").get("schedule").get("reference").asString()).startsWith("Schedule/");
        });

        JsonNode fhir = api.get("/fhir/r4/Appointment/" + appointment, nurse).json();
        assertThat(fhir.get("status").asString()).isEqualTo("booked");
        assertThat(fhir.get("participant").get(0).get("actor").get("reference").asString())
                .isEqualTo("Patient/" + residentId);
        assertThat(fhir.get("start").asString()).isNotBlank();
        JsonNode mine = api.get("/fhir/r4/Appointment?patient=" + residentId, token).json();
        assertThat(mine.get("entry")).hasSize(1);

        // someone without a relationship is refused; the audit has the denial
        assertThat(api.get("/fhir/r4/Appointment/" + appointment, api.login("resident2")).status()).isEqualTo(403);
        assertThat(api.get("/fhir/r4/Appointment?patient=" + residentId, api.login("resident2")).status())
                .isEqualTo(403);

        api.post("/api/v1/appointments/" + appointment + "/cancel", null, token);
        assertThat(api.get("/fhir/r4/Appointment/" + appointment, nurse).json().get("status").asString())
                .isEqualTo("cancelled");
    }
}
