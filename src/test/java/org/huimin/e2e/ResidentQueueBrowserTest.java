package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

import org.huimin.support.Api;
import org.huimin.support.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The resident's side of waiting in the browser: joining and leaving the waitlist (候补) of a full session, and the
 * live queue page (我的排队) from check-in to "请到 … 就诊", with axe on the new pages. Sessions are made for each test
 * from templates with unique service names (deactivated afterwards); residents are registered for it.
 */
class ResidentQueueBrowserTest extends BrowserSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DEPARTMENT = "04";
    private static final String ROOM = "门诊楼3层301诊室";

    private final List<String> templates = new ArrayList<>();

    @AfterEach
    void deactivateTemplates() {
        String scheduler = api.login("scheduler");
        for (String id : templates) {
            api.post("/api/v1/schedules/templates/" + id + "/deactivate", null, scheduler);
        }
        templates.clear();
    }

    // ---- (a) the waitlist ----

    @Test
    void aResidentJoinsTheWaitlistOfAFullSessionAndLeavesItInTheWaitlistTab() {
        Full full = fullSession();
        Resident me = register(LocalDate.of(1983, 6, 14));
        residentLogin(me.idNumber());

        page.navigate(url("/#/book?department=" + DEPARTMENT + "&date=" + full.day()));
        Locator group = page.getByTestId("book-group").filter(new Locator.FilterOptions().setHasText(full.service()));
        assertThat(group.getByTestId("book-slot")).hasAttribute("data-state", "full");
        Locator join = group.locator("[data-testid=book-waitlist][data-session='" + full.session() + "']");
        assertThat(join).hasText("候补");
        join.click();
        Locator dialog = page.locator(".van-dialog:visible");
        assertThat(dialog).containsText("加入候补");
        assertThat(dialog).containsText(me.name());
        dialog.locator(".van-dialog__confirm").click();

        // the session now shows my place, which links to the waitlist tab
        Locator waiting = group.getByTestId("book-waitlisted");
        assertThat(waiting).containsText("候补中 · 第 1 位");
        assertThat(join).hasCount(0);
        waiting.click();
        assertThat(page.getByTestId("appt-tab-waitlist").locator("xpath=ancestor::*[@role='tab']"))
                .hasAttribute("aria-selected", "true");
        Locator entry = page.locator("[data-testid=waitlist-item][data-session='" + full.session() + "']");
        assertThat(entry).hasAttribute("data-status", "WAITING");
        assertThat(entry.getByTestId("waitlist-status")).hasText("候补中");
        assertThat(entry.getByTestId("waitlist-position")).hasText("候补第 1 位");
        assertThat(entry.getByTestId("waitlist-time")).containsText("18:00");
        String token = api.login(me.idNumber(), PASSWORD);
        JsonNode stored = api.get("/api/v1/me/waitlist", token).json().get("items").get(0);
        assertThat(stored.get("status").asString()).isEqualTo("WAITING");

        // leaving asks first
        entry.getByTestId("waitlist-leave").click();
        assertThat(dialog).containsText("退出候补");
        dialog.locator(".van-dialog__cancel").click();
        assertThat(entry).hasAttribute("data-status", "WAITING");
        entry.getByTestId("waitlist-leave").click();
        dialog.locator(".van-dialog__confirm").click();
        assertThat(entry).hasAttribute("data-status", "CANCELLED");
        assertThat(entry.getByTestId("waitlist-status")).hasText("已退出");
        assertThat(entry.getByTestId("waitlist-leave")).hasCount(0);
        assertThat(api.get("/api/v1/me/waitlist", token).json().get("items").get(0).get("status").asString())
                .isEqualTo("CANCELLED");

        // the other tabs are the appointments again
        page.getByTestId("appt-tab-active").click();
        assertThat(page.getByTestId("appt-empty")).isVisible();
    }

    // ---- (b) the live queue ----

    @Test
    void theQueuePageShowsTheNumberThenCallsTheResidentToTheRoom() {
        Today today = todaySession();
        Resident other = register(LocalDate.of(1979, 3, 2));
        Resident me = register(LocalDate.of(1985, 10, 21));
        String nurse = api.login("nurse");
        // someone checks in first (by booking), then I do with the health code on my phone
        checkIn(bookAtWindow(today, other, nurse), nurse);
        String myToken = api.login(me.idNumber(), PASSWORD);
        bookAtWindow(today, me, nurse);
        String code = api.get("/api/v1/me/health-code", myToken).json().get("token").asString();
        Api.Response ticket = api.post("/api/v1/check-in", json("healthCode", code, "terminalId", "kiosk-e2e"), nurse);
        assertThat(ticket.status()).as(ticket.raw()).isEqualTo(200);
        String number = String.valueOf(ticket.json().get("number").asInt());

        residentLogin(me.idNumber());
        page.getByTestId("home-service-queue").click();
        Locator mine = page.getByTestId("queue-ticket");
        assertThat(mine).hasCount(1);
        assertThat(mine).hasAttribute("data-status", "WAITING");
        assertThat(mine.getByTestId("queue-number")).hasText(number);
        assertThat(mine.getByTestId("queue-state")).hasText("前面还有 1 人");
        assertThat(mine.getByTestId("queue-status")).hasText("候诊中");
        assertThat(mine).containsText(ROOM);
        assertThat(page.getByTestId("queue-called")).hasCount(0);

        // the checked-in appointment links here too
        page.navigate(url("/#/appointments"));
        Locator appointment = page.locator("[data-testid=appt-item][data-status=CHECKED_IN]");
        assertThat(appointment.getByTestId("appt-status")).hasText("已签到");
        appointment.getByTestId("appt-queue").click();
        assertThat(mine.getByTestId("queue-number")).hasText(number);

        // the doctor calls the one before me, then me: the page follows without a reload
        String doctor = api.login("doctor");
        callNext(today, doctor);
        callNext(today, doctor);
        Locator called = page.getByTestId("queue-called");
        assertThat(called).hasText("请到 " + ROOM + " 就诊", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(mine).hasAttribute("data-status", "CALLED");
        assertThat(mine.getByTestId("queue-number")).hasText(number);
        assertThat(mine.getByTestId("queue-status")).hasText("请就诊");
    }

    // ---- (c) accessibility and large type ----

    @Test
    void theQueueAndWaitlistPagesHaveNoSeriousAccessibilityViolationsAndGrowInElderlyMode() throws IOException {
        String source = axeSource();
        Full full = fullSession();
        Resident me = register(LocalDate.of(1990, 1, 25));
        String myToken = api.login(me.idNumber(), PASSWORD);
        Api.Response joined = api.post("/api/v1/waitlist", json("sessionId", full.session()), myToken);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(201);

        BrowserContext axeContext = axeContext();
        try {
            page = axeContext.newPage();
            page.setDefaultTimeout(15_000);
            residentLogin(me.idNumber());
            axe(source, "/#/queue", "queue-empty");
            axe(source, "/#/appointments?tab=waitlist", "waitlist-item");
            axe(source, "/?elderly=1&lang=en#/appointments?tab=waitlist", "waitlist-item");
            axe(source, "/?elderly=0&lang=zh-CN#/book?department=" + DEPARTMENT + "&date=" + full.day(),
                    "book-waitlisted");

            Today today = todaySession();
            String nurse = api.login("nurse");
            checkIn(bookAtWindow(today, me, nurse), nurse);
            axe(source, "/#/queue", "queue-ticket");
            double normal = fontSize(page.getByTestId("queue-number"));
            axe(source, "/?elderly=1#/queue", "queue-ticket");
            assertThat(page.locator("html")).hasClass(Pattern.compile("elderly"));
            assertThat(fontSize(page.getByTestId("queue-number"))).isGreaterThan(normal * 1.2);
            callNext(today, api.login("doctor"));
            assertThat(page.getByTestId("queue-called")).isVisible(
                    new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            axe(source, "/?elderly=1#/queue", "queue-called");
            axe(source, "/?elderly=0&lang=en#/queue", "queue-called");
            assertThat(page.getByTestId("queue-called")).hasText("Please go to " + ROOM);
        } finally {
            axeContext.close();
        }
    }

    // ---- set-up through the API ----

    private record Resident(String id, String idNumber, String name) {
    }

    private record Full(String day, String service, String session) {
    }

    private record Today(String slotId, String session) {
    }

    /** A resident registered at the window with an account (password {@link #PASSWORD}, logs in by ID number). */
    private Resident register(LocalDate birth) {
        String idNumber = People.idNumber(birth);
        String chars = "安宝成春德东芳刚海华佳建杰金京静军俊兰丽林玲梅敏明娜宁平萍强琴青秋荣瑞山淑涛婷伟文霞祥欣秀雪燕阳英勇玉云珍志";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String name = "周" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()));
        Api.Response r = api.post("/api/v1/residents", json("idNumber", idNumber, "name", name, "phone",
                People.phone(), "password", PASSWORD), api.login("clerk"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Resident(r.json().get("residentId").asString(), idNumber, name);
    }

    /** Adds a template of one day-of-week to the scheduler's organisation and returns the session's first slot. */
    private JsonNode template(LocalDate day, String service, String start, String end, int minutes, int capacity,
            String pools, String room) {
        String scheduler = api.login("scheduler");
        String org = api.get("/api/v1/schedules/templates", scheduler).json().get("items").get(0)
                .get("organizationId").asString();
        Api.Response added = api.post("/api/v1/schedules/templates", json("organizationId", org, "departmentCode",
                DEPARTMENT, "serviceName", service, "dayOfWeek", String.valueOf(day.getDayOfWeek().getValue()),
                "period", "EVENING", "start", start, "end", end, "slotMinutes", String.valueOf(minutes),
                "slotCapacity", String.valueOf(capacity), "registrationType", "GENERAL", "fee", "10", "poolShares",
                pools, "room", room), scheduler);
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        templates.add(added.json().get("id").asString());
        for (JsonNode s : api.get("/api/v1/slots?date=" + day + "&department=" + DEPARTMENT + "&organizationId="
                + org, api.login("nurse")).json().get("items")) {
            if (service.equals(s.path("serviceName").asString(""))) {
                return s;
            }
        }
        throw new AssertionError("no slot of " + service + " on " + day);
    }

    /** A session in two days with its one online place booked by somebody else: full for residents. */
    private Full fullSession() {
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(2);
        String service = "候补门诊" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode slot = template(day, service, "18:00", "18:30", 30, 1, "ONLINE:100", null);
        Resident first = register(LocalDate.of(1970, 5, 5));
        Api.Response booked = api.post("/api/v1/appointments", json("slotId", slot.get("slotId").asString()),
                api.login(first.idNumber(), PASSWORD));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        return new Full(day.toString(), service, slot.get("sessionId").asString());
    }

    /**
     * A session of today with window places and a room, whose one slot starts a few minutes from now (a booking needs
     * a slot still to come; a check-in, one of today). In the last quarter-hour before midnight (Asia/Shanghai) no
     * such slot fits in the day, so this waits for the new day first.
     */
    private Today todaySession() {
        ZonedDateTime now = ZonedDateTime.now(SHANGHAI);
        if (now.toLocalTime().isAfter(LocalTime.of(23, 45))) {
            ZonedDateTime tomorrow = now.toLocalDate().plusDays(1).atStartOfDay(SHANGHAI).plusSeconds(5);
            try {
                Thread.sleep(Duration.between(now, tomorrow).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = ZonedDateTime.now(SHANGHAI);
        }
        LocalTime start = now.toLocalTime().plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
        String service = "叫号门诊" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode slot = template(now.toLocalDate(), service, start.toString(), start.plusMinutes(10).toString(), 10, 5,
                "ONSITE:100", ROOM);
        assertThat(slot.get("available").asInt()).as(slot.toString()).isEqualTo(5);
        return new Today(slot.get("slotId").asString(), slot.get("sessionId").asString());
    }

    private String bookAtWindow(Today today, Resident resident, String nurse) {
        Api.Response b = api.post("/api/v1/appointments", json("slotId", today.slotId(), "residentId", resident.id(),
                "channel", "WINDOW"), nurse);
        assertThat(b.status()).as(b.raw()).isEqualTo(201);
        return b.json().get("appointmentId").asString();
    }

    private void checkIn(String appointmentId, String nurse) {
        Api.Response r = api.post("/api/v1/check-in", json("appointmentId", appointmentId), nurse);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private void callNext(Today today, String doctor) {
        Api.Response r = api.post("/api/v1/queue/sessions/" + today.session() + "/next", null, doctor);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private double fontSize(Locator element) {
        return ((Number) element.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")).doubleValue();
    }
}
