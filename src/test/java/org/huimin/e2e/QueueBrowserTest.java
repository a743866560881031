package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.huimin.support.Api;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

/**
 * Check-in and the waiting queue (候诊叫号) in a real browser: a nurse checks residents in with a pasted health code
 * and by appointment, a doctor sees the queue refresh by itself, calls the next patient, skips and requeues them —
 * with axe on the page. The session is set up through the API (a scheduler's template for today with an on-site pool
 * and a room, bookings at the window), in a time window around now on the app's own clock and zone.
 */
class QueueBrowserTest extends BrowserSupport {

    private static final String ROOM = "门诊楼3层301诊室";
    private static final String INTERNAL_MEDICINE = "03";

    @Autowired
    Clock clock;

    @Value("${huimin.scheduling.zone:Asia/Shanghai}")
    ZoneId zone;

    private record Resident(String id, String idNumber, String name, String token) {
    }

    private record Session(String id, String service, String slotId) {
    }

    @Test
    void aNurseChecksResidentsInAndTheDoctorCallsSkipsAndRequeues() {
        Session session = sessionAroundNow();
        String nurse = api.login("nurse");
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Resident first = resident("候诊甲", today.minusYears(40));
        Resident second = resident("候诊乙", today.minusYears(35));
        Resident third = resident("候诊丙", today.minusYears(30));
        book(session, first, nurse);
        String secondAppointment = book(session, second, nurse);
        String thirdAppointment = book(session, third, nurse);

        // ---- the nurse: a pasted health code, then a resident without a code by appointment ----
        consoleLogin("nurse");
        page.getByTestId("console-menu-queue").click();
        String code = api.get("/api/v1/me/health-code", first.token()).json().get("token").asString();
        page.getByTestId("checkin-code").fill(code);
        page.getByTestId("checkin-submit").click();
        Locator result = page.getByTestId("checkin-result");
        assertThat(result).hasAttribute("data-number", "1");
        assertThat(result).hasAttribute("data-session-id", session.id());
        assertThat(result).containsText("签到成功");
        assertThat(page.getByTestId("checkin-number")).hasText("1 号");
        assertThat(page.getByTestId("checkin-ahead")).containsText("前面没有人");
        assertThat(result).containsText(ROOM);
        assertThat(page.getByTestId("checkin-code")).hasValue("");

        // the same code again: nothing left to check in, told in words
        page.getByTestId("checkin-code").fill(code);
        page.getByTestId("checkin-code").press("Enter");
        Locator refused = page.getByTestId("checkin-error");
        assertThat(refused).hasAttribute("data-reason", "no-booking-today");
        assertThat(refused).containsText("未能签到");

        page.getByTestId("checkin-disabled").click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("按预约签到")).click();
        page.getByTestId("checkin-resident").locator("input").fill(second.idNumber());
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions()
                .setHasText(second.name())).first().click();
        Locator checkIn = page.locator("[data-testid=checkin-appointment][data-id='" + secondAppointment + "']");
        checkIn.click();
        assertThat(result).hasAttribute("data-number", "2");
        assertThat(result).hasAttribute("data-priority", "DISABLED");
        assertThat(page.getByTestId("checkin-priority")).hasText("残疾");
        assertThat(page.getByTestId("checkin-ahead")).containsText("前面没有人");
        assertThat(checkIn).hasCount(0); // checked in: the row shows its status instead
        assertThat(page.getByTestId("checkin-appointments")).containsText("已签到");

        // ---- the doctor: the queue, refreshed by itself, then calling ----
        page.evaluate("() => localStorage.removeItem('huimin.token')");
        page.navigate("about:blank"); // the console keeps its session in memory until the page loads again
        consoleLogin("doctor");
        page.getByTestId("console-card-queue").click();
        choose("queue-session", session.service());
        Locator rows = page.getByTestId("queue-row");
        assertThat(rows).hasCount(2);
        // the disabled resident goes first
        assertThat(rows.first()).hasAttribute("data-number", "2");
        assertThat(rows.first()).hasAttribute("data-priority", "DISABLED");

        Api.Response late = api.post("/api/v1/check-in", json("appointmentId", thirdAppointment), nurse);
        assertThat(late.status()).as(late.raw()).isEqualTo(200);
        assertThat(rows).hasCount(3, new LocatorAssertions.HasCountOptions()
                .setTimeout(20_000)); // the page refreshes every 10 s
        assertThat(page.getByTestId("queue-waiting-count")).hasText("候诊 3 人");

        page.getByTestId("queue-next").click();
        Locator called = page.getByTestId("queue-called");
        assertThat(called).hasAttribute("data-number", "2");
        assertThat(page.getByTestId("queue-called-room")).hasText(ROOM);
        assertThat(page.getByTestId("queue-called-name")).containsText("*");
        Locator ticket = page.locator("[data-testid=queue-row][data-number='2']");
        assertThat(ticket).hasAttribute("data-status", "CALLED");
        String ticketId = ticket.getAttribute("data-id");
        assertThat(page.locator("[data-testid=queue-status][data-id='" + ticketId + "']")).hasText("就诊中");

        // not there: skipped (过号); arrives later: back in the queue, next in line (过号重排)
        page.locator("[data-testid=queue-skip][data-id='" + ticketId + "']").click();
        assertThat(ticket).hasAttribute("data-status", "SKIPPED");
        assertThat(called).hasCount(0);
        page.locator("[data-testid=queue-recall][data-id='" + ticketId + "']").click();
        assertThat(ticket).hasAttribute("data-status", "WAITING");
        assertThat(ticket).hasAttribute("data-priority", "RECALLED");
        assertThat(rows.first()).hasAttribute("data-number", "2");

        page.getByTestId("queue-next").click();
        assertThat(called).hasAttribute("data-number", "2");
        page.getByTestId("queue-next").click();
        assertThat(called).hasAttribute("data-number", "1");
        assertThat(ticket).hasCount(0); // done: hidden unless asked for
        page.getByTestId("queue-show-done").click();
        assertThat(ticket).hasAttribute("data-status", "DONE");

        JsonNode queue = api.get("/api/v1/queue/sessions/" + session.id(), api.login("doctor")).json().get("items");
        assertThat(queue.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(queue.get(0).get("status").asString()).isEqualTo("CALLED");
    }

    @Test
    void theQueuePageHasNoSeriousAccessibilityViolations() throws IOException {
        String source = axeSource();
        BrowserContext axeContext = axeContext();
        try {
            page = axeContext.newPage();
            page.setDefaultTimeout(15_000);
            consoleLogin("nurse");
            for (String path : new String[] {"/console/#/queue", "/console/?lang=en#/queue",
                    "/console/?elderly=1&lang=zh-CN#/queue"}) {
                page.navigate(url(path));
                assertThat(page.getByTestId("queue-table").or(page.getByTestId("queue-no-sessions")).first())
                        .isVisible();
                // with a result box: a code that is not one
                page.getByTestId("checkin-code").fill("not-a-health-code");
                page.getByTestId("checkin-submit").click();
                assertThat(page.getByTestId("checkin-error")).isVisible();
                page.waitForTimeout(300); // transitions settle
                assertNoSeriousViolations(page, source, path);
            }
            page.navigate(url("/console/?elderly=0#/"));
            assertThat(page.getByTestId("console-card-queue")).isVisible();
        } finally {
            axeContext.close();
        }
    }

    // ---- set-up through the API ----

    /**
     * A session of today at the scheduler's organisation, with an on-site pool, a room and five-minute slots from now
     * for up to an hour, and a free slot in it. "Today" and "now" come from the app's clock in the region's zone; in
     * the last quarter of an hour of the day (too little left for a slot and a check-in on the same day) it waits
     * for the next day.
     */
    private Session sessionAroundNow() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        if (now.toLocalTime().isAfter(LocalTime.of(23, 45))) {
            long wait = ChronoUnit.MILLIS.between(now, now.toLocalDate().plusDays(1).atTime(0, 0, 5));
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = LocalDateTime.now(clock.withZone(zone));
        }
        LocalDate today = now.toLocalDate();
        LocalTime start = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        LocalTime end = start.isBefore(LocalTime.of(22, 59)) ? start.plusHours(1) : LocalTime.of(23, 59);
        String period = start.getHour() < 12 ? "MORNING" : start.getHour() < 18 ? "AFTERNOON" : "EVENING";
        String scheduler = api.login("scheduler");
        String service = "候诊叫号E2E-" + UUID.randomUUID().toString().substring(0, 8);
        String org = api.get("/api/v1/schedules/templates", scheduler).json().get("items").get(0)
                .get("organizationId").asString();
        Api.Response template = api.post("/api/v1/schedules/templates", json("organizationId", org, "departmentCode",
                INTERNAL_MEDICINE, "serviceName", service, "dayOfWeek", String.valueOf(today.getDayOfWeek().getValue()),
                "period", period, "start", start.toString(), "end", end.toString(), "slotMinutes", "5",
                "slotCapacity", "5", "registrationType", "GENERAL", "fee", "10", "poolShares", "ONSITE:100",
                "room", ROOM), scheduler);
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        for (JsonNode s : api.get("/api/v1/slots?date=" + today + "&department=" + INTERNAL_MEDICINE
                + "&organizationId=" + org + "&channel=WINDOW", api.login("nurse")).json().get("items")) {
            if (service.equals(s.path("serviceName").asString("")) && s.get("available").asInt() >= 3) {
                return new Session(s.get("sessionId").asString(), service, s.get("slotId").asString());
            }
        }
        throw new AssertionError("no free slot of " + service + " today between " + start + " and " + end);
    }

    /** A resident registered at the window with an account (to fetch their health code). */
    private Resident resident(String name, LocalDate birth) {
        String idNumber = People.idNumber(birth);
        Api.Response r = api.post("/api/v1/residents", json("idNumber", idNumber, "name", name, "phone",
                People.phone(), "password", PASSWORD), api.login("clerk"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Resident(r.json().get("residentId").asString(), idNumber, name, api.login(idNumber, PASSWORD));
    }

    /** Booked at the window by the nurse: the appointment id. */
    private String book(Session session, Resident resident, String nurse) {
        Api.Response b = api.post("/api/v1/appointments", json("slotId", session.slotId(), "residentId",
                resident.id(), "channel", "WINDOW"), nurse);
        assertThat(b.status()).as(b.raw()).isEqualTo(201);
        return b.json().get("appointmentId").asString();
    }
}
