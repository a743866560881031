package org.huimin.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;

import org.huimin.support.Api;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Time-slot booking (分时段预约诊疗) and smart triage (智能导医) in a real browser: a resident books a slot and cancels
 * it, a proxy books for an elderly relative, a nurse books at the window, a scheduler adds a weekly template, the
 * booking page in large-font mode, and the triage page with a red flag — with axe on the new pages. Every test that
 * books uses residents registered for it (demo accounts have booking limits) and cancels what it booked.
 */
class BookingBrowserTest extends BrowserSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Internal medicine and paediatrics have sessions every day of the demo week. */
    private static final String INTERNAL_MEDICINE = "03";
    private static final String PAEDIATRICS = "07";

    // ---- (a) a resident books for themselves and cancels ----

    @Test
    void aResidentBooksASlotForThemselvesAndCancelsItInTheirAppointments() {
        Resident me = registerWithAccount(LocalDate.of(1986, 4, 9), true);
        residentLogin(me.idNumber());

        page.getByTestId("home-service-booking").click();
        page.getByTestId("book-date-" + tomorrow()).click();
        page.getByTestId("book-department").click();
        page.getByTestId("book-department-" + INTERNAL_MEDICINE).click();
        assertThat(page.getByTestId("book-department")).hasAttribute("data-code", INTERNAL_MEDICINE);
        Locator open = page.locator("[data-testid=book-slot][data-state=open]").first();
        assertThat(open).isVisible();
        open.click();

        Locator confirm = page.getByTestId("book-confirm");
        assertThat(confirm).isVisible();
        assertThat(confirm.getByTestId("slot-summary-patient")).hasText(me.name());
        assertThat(confirm).containsText("内科");
        assertThat(confirm).containsText("¥");
        page.getByTestId("book-confirm-submit").click();

        Locator success = page.getByTestId("book-success");
        assertThat(success).containsText("预约成功");
        String appointmentId = success.getAttribute("data-id");
        page.getByTestId("book-success-view").click();

        Locator item = page.locator("[data-testid=appt-item][data-id='" + appointmentId + "']");
        assertThat(item).hasAttribute("data-status", "BOOKED");
        assertThat(item.getByTestId("appt-status")).hasText("待就诊");
        assertThat(item).containsText("内科");
        item.getByTestId("appt-cancel").click();
        assertThat(page.getByTestId("appt-cancel-dialog")).isVisible();
        page.getByTestId("appt-cancel-reason").fill("行程有变");
        page.getByTestId("appt-cancel-confirm").click();
        assertThat(item).hasAttribute("data-status", "CANCELLED");
        assertThat(item.getByTestId("appt-status")).hasText("已取消");
        assertThat(item).containsText("行程有变");

        // the All tab keeps it, as cancelled
        page.getByTestId("appt-tab-all").click();
        assertThat(item.getByTestId("appt-status")).hasText("已取消");
        JsonNode stored = api.get("/api/v1/appointments/" + appointmentId, api.login(me.idNumber())).json();
        assertThat(stored.get("status").asString()).isEqualTo("CANCELLED");
    }

    /**
     * The chosen time is taken by somebody else while the resident reads the confirmation: with "nearest time in this
     * session" (on by default) the booking goes to the nearest time of the same session and the page says so.
     */
    @Test
    void aTakenTimeIsMovedToTheNearestTimeOfTheSameSessionAndThePageSaysSo() {
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(5);
        String service = "就近门诊-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String org = eveningService(service, day, 1, "ONLINE:100").organizationId();
        Resident me = registerWithAccount(LocalDate.of(1979, 2, 14), false);
        Resident other = registerWithAccount(LocalDate.of(1981, 6, 3), true);
        String first = null;
        String second = null;
        for (JsonNode s : api.get("/api/v1/slots?date=" + day + "&department=" + INTERNAL_MEDICINE
                + "&organizationId=" + org, api.login(me.idNumber())).json().get("items")) {
            if (service.equals(s.path("serviceName").asString(""))) {
                if (first == null) {
                    first = s.get("slotId").asString();
                } else {
                    second = s.get("slotId").asString();
                }
            }
        }
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();

        residentLogin(me.idNumber());
        page.navigate(url("/#/book?department=" + INTERNAL_MEDICINE + "&date=" + day));
        page.locator("[data-testid=book-slot][data-id='" + first + "']").click();
        assertThat(page.getByTestId("book-nearest-in-session")).hasAttribute("aria-checked", "true");
        // meanwhile the other resident takes 18:00
        Api.Response taken = api.post("/api/v1/appointments", "{\"slotId\":\"" + first + "\"}",
                api.login(other.idNumber()));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        page.getByTestId("book-confirm-submit").click();

        Locator success = page.getByTestId("book-success");
        assertThat(success).containsText("预约成功");
        assertThat(page.getByTestId("book-moved")).containsText("18:00"); // the time chosen, 18:00-18:30
        assertThat(page.getByTestId("book-moved")).containsText("19:00"); // the time booked, 18:30-19:00
        assertThat(success.getByTestId("slot-summary")).containsText("19:00");
        String appointmentId = success.getAttribute("data-id");
        String mine = api.login(me.idNumber());
        assertThat(api.get("/api/v1/appointments/" + appointmentId, mine).json().get("slotId").asString())
                .isEqualTo(second);
        cancel(appointmentId, mine);
        cancel(taken.json().get("appointmentId").asString(), api.login(other.idNumber()));
    }

    // ---- (b) a proxy books for an elderly relative ----

    @Test
    void aProxyBooksForTheirElderlyRelativeWhoHasNoSmartphone() {
        Resident son = registerWithAccount(LocalDate.of(1975, 8, 20), true);
        Resident elder = register(LocalDate.of(1944, 2, 3), false, null);
        Api.Response bound = api.post("/api/v1/proxies", "{\"proxyResidentId\":\"" + son.id()
                + "\",\"relativeResidentId\":\"" + elder.id() + "\",\"relation\":\"PARENT\",\"permissions\":"
                + "[\"SHOW_CODE\",\"BOOK\"]}", api.login("clerk"));
        assertThat(bound.status()).as(bound.raw()).isBetween(200, 201);

        residentLogin(son.idNumber());
        page.navigate(url("/#/book"));
        page.getByTestId("book-who-" + elder.id()).click();
        assertThat(page.getByTestId("book-who-" + elder.id())).hasAttribute("aria-pressed", "true");
        page.getByTestId("book-date-" + tomorrow()).click();
        page.getByTestId("book-department").click();
        page.getByTestId("book-department-" + PAEDIATRICS).click();
        page.locator("[data-testid=book-slot][data-state=open]").first().click();
        assertThat(page.getByTestId("book-confirm").getByTestId("slot-summary-patient")).hasText(elder.name());
        page.getByTestId("book-confirm-submit").click();
        String appointmentId = page.getByTestId("book-success").getAttribute("data-id");
        assertThat(page.getByTestId("book-success").getByTestId("slot-summary-patient")).hasText(elder.name());

        // "my appointments" opens on the elder's
        page.getByTestId("book-success-view").click();
        assertThat(page.getByTestId("appt-holder-" + elder.id())).hasAttribute("aria-pressed", "true");
        Locator item = page.locator("[data-testid=appt-item][data-id='" + appointmentId + "']");
        assertThat(item).hasAttribute("data-status", "BOOKED");
        assertThat(item).containsText("家人代约");
        // not among the son's own
        page.getByTestId("appt-holder-me").click();
        assertThat(page.getByTestId("appt-empty")).isVisible();
        assertThat(item).hasCount(0);

        String sonToken = api.login(son.idNumber());
        JsonNode booked = api.get("/api/v1/appointments/" + appointmentId, sonToken).json();
        assertThat(booked.get("residentId").asString()).isEqualTo(elder.id());
        assertThat(booked.get("actingFor").asBoolean()).isTrue();
        cancel(appointmentId, sonToken);
    }

    // ---- (c) a nurse books at the window ----

    @Test
    void aNurseBooksAtTheWindowForAResidentAndSeesItInTheirList() {
        Resident walkIn = register(LocalDate.of(1952, 11, 30), true, phone());

        atTheWindowFor(walkIn);
        Locator date = page.getByTestId("booking-date").locator("input");
        date.fill(tomorrow());
        date.press("Enter");
        choose("booking-department", "儿科");

        Locator book = page.locator("[data-testid=booking-slot-book]:not([disabled])").first();
        assertThat(book).isVisible();
        book.click();
        assertThat(page.locator(".el-message-box")).containsText(walkIn.name());
        assertThat(page.locator(".el-message-box")).containsText("窗口");
        page.locator(".el-message-box__btns .el-button--primary").click();

        Locator status = page.locator("[data-testid=booking-appt-status]");
        assertThat(status).hasCount(1);
        assertThat(status).hasAttribute("data-status", "BOOKED");
        assertThat(page.getByTestId("booking-appointments")).containsText("儿科");
        String appointmentId = status.getAttribute("data-id");
        JsonNode stored = api.get("/api/v1/appointments/" + appointmentId, api.login("nurse")).json();
        assertThat(stored.get("residentId").asString()).isEqualTo(walkIn.id());
        assertThat(stored.get("channel").asString()).isEqualTo("WINDOW");

        // and cancels it there
        page.locator("[data-testid=booking-appt-cancel][data-id='" + appointmentId + "']").click();
        page.locator(".el-message-box__input input").fill("居民改期");
        page.locator(".el-message-box__btns .el-button--primary").click();
        assertThat(status).hasCount(0);
        page.getByTestId("booking-appointments-active").click();
        assertThat(status).hasAttribute("data-status", "CANCELLED");
    }

    @Test
    void aNurseAtTheWindowGetsTheNearestTimeWhenTheChosenOneIsTakenMeanwhile() {
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(5);
        String service = "窗口就近-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String org = eveningService(service, day, 1, "ONSITE:100").organizationId();
        Resident walkIn = register(LocalDate.of(1948, 3, 9), true, phone());
        Resident caller = register(LocalDate.of(1950, 7, 21), true, phone());
        String nurse = api.login("nurse");
        List<String> ours = new ArrayList<>();
        String department = null;
        for (JsonNode s : api.get("/api/v1/slots?date=" + day + "&department=" + INTERNAL_MEDICINE
                + "&organizationId=" + org + "&channel=WINDOW", nurse).json().get("items")) {
            if (service.equals(s.path("serviceName").asString(""))) {
                ours.add(s.get("slotId").asString());
                department = s.get("departmentName").asString();
            }
        }
        assertThat(ours).hasSize(2); // 18:00 and 18:30, one place each

        atTheWindowFor(walkIn);
        assertThat(page.getByTestId("booking-nearest-in-session")).hasClass(Pattern.compile("is-checked"));
        Locator date = page.getByTestId("booking-date").locator("input");
        date.fill(day.toString());
        date.press("Enter");
        page.getByTestId("booking-department").click();
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^" + department + "$"))).first().click();
        page.locator("[data-testid=booking-slot-book][data-id='" + ours.get(0) + "']").click();
        assertThat(page.locator(".el-message-box")).containsText(walkIn.name());
        // meanwhile a colleague books 18:00 for a caller on the phone line
        Api.Response taken = api.post("/api/v1/appointments", "{\"slotId\":\"" + ours.get(0) + "\",\"residentId\":\""
                + caller.id() + "\",\"channel\":\"WINDOW\"}", nurse);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        page.locator(".el-message-box__btns .el-button--primary").click();

        assertThat(page.locator(".el-message--success")).containsText("已约满");
        Locator status = page.locator("[data-testid=booking-appt-status]");
        assertThat(status).hasCount(1);
        String appointmentId = status.getAttribute("data-id");
        assertThat(api.get("/api/v1/appointments/" + appointmentId, nurse).json().get("slotId").asString())
                .isEqualTo(ours.get(1));
        cancel(appointmentId, nurse);
        cancel(taken.json().get("appointmentId").asString(), nurse);
    }

    /** The nurse's window-booking page with {@code walkIn} chosen as the resident and the window as the channel. */
    private void atTheWindowFor(Resident walkIn) {
        consoleLogin("nurse");
        page.getByTestId("console-menu-booking").click();
        page.getByTestId("booking-resident").locator("input").fill(walkIn.idNumber());
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions()
                .setHasText(walkIn.name())).first().click();
        page.getByTestId("booking-channel-WINDOW").click();
    }

    // ---- (d) a scheduler adds a weekly template ----

    @Test
    void aSchedulerSeesAFieldErrorThenAddsATemplateThatAppearsInTheTable() {
        String service = "E2E夜间门诊" + ThreadLocalRandom.current().nextInt(1000, 9999);
        consoleLogin("scheduler");
        page.getByTestId("console-menu-schedules").click();
        assertThat(page.getByTestId("schedule-templates")).containsText("内科");
        page.getByTestId("schedule-new").click();
        choose("template-form-department", "皮肤科");
        fillField("template-form-service", service);
        choose("template-form-weekday", "周日");
        choose("template-form-period", "晚上");
        fillField("template-form-pools", "ONLINE:60,ONSITE:20");
        page.getByTestId("template-form-submit").click();
        // the server's message shows under the field
        Locator poolsError = page.getByTestId("template-form-pools").locator(".el-form-item__error");
        assertThat(poolsError).containsText("100");
        assertThat(page.getByTestId("template-form-error")).isVisible();

        fillField("template-form-pools", "ONLINE:50,ONSITE:30,REFERRAL:10,FAMILY_DOCTOR:5,PHONE:5");
        assertThat(poolsError).hasCount(0);
        page.getByTestId("template-form-submit").click();
        assertThat(page.getByTestId("template-form")).isHidden();
        Locator row = page.locator("[data-testid=template-row]").filter(new Locator.FilterOptions().setHasText(service));
        assertThat(row).hasCount(1);
        Locator table = page.getByTestId("schedule-templates");
        assertThat(table.locator("tr").filter(new Locator.FilterOptions().setHasText(service))).containsText("周日");
        assertThat(table.locator("tr").filter(new Locator.FilterOptions().setHasText(service))).containsText("18:30");

        // deactivated again, so the demo week stays as it was for other tests
        String id = row.getAttribute("data-id");
        page.locator("[data-testid=template-deactivate][data-id='" + id + "']").click();
        page.locator(".el-message-box__btns .el-button--primary").click();
        assertThat(row).hasCount(0);
        page.getByTestId("schedule-show-inactive").click();
        assertThat(row).hasAttribute("data-active", "false");
    }

    // ---- (d2) a scheduler stops a session (停诊) and the booked resident is told ----

    @Test
    void aSchedulerStopsASessionAndTheBookedResidentIsToldWithSlotsToRebook() {
        String scheduler = api.login("scheduler");
        String service = "E2E停诊门诊" + ThreadLocalRandom.current().nextInt(1000, 9999);
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
        Service stopped = eveningService(service, day, 2, "ONSITE:100");
        String org = stopped.organizationId();
        try {
            Resident booked = registerWithAccount(LocalDate.of(1970, 2, 14), false);
            String nurse = api.login("nurse");
            String slotId = null;
            for (JsonNode s : api.get("/api/v1/slots?date=" + day + "&department=" + INTERNAL_MEDICINE
                    + "&organizationId=" + org + "&channel=WINDOW", nurse).json().get("items")) {
                if (service.equals(s.path("serviceName").asString(""))) {
                    slotId = s.get("slotId").asString();
                    break;
                }
            }
            assertThat(slotId).as("a slot of the new session").isNotNull();
            Api.Response appointment = api.post("/api/v1/appointments", "{\"slotId\":\"" + slotId
                    + "\",\"residentId\":\"" + booked.id() + "\",\"channel\":\"WINDOW\"}", nurse);
            assertThat(appointment.status()).as(appointment.raw()).isEqualTo(201);
            String appointmentId = appointment.json().get("appointmentId").asString();

            consoleLogin("scheduler");
            page.getByTestId("console-menu-schedules").click();
            Locator date = page.getByTestId("session-day").locator("input");
            date.fill(day.toString());
            date.press("Enter");
            Locator row = page.locator("[data-testid=session-row]").filter(new Locator.FilterOptions().setHasText(service));
            assertThat(row).hasAttribute("data-status", "OPEN");
            Locator line = page.getByTestId("schedule-sessions").locator("tr")
                    .filter(new Locator.FilterOptions().setHasText(service));
            assertThat(line).containsText("1/4"); // two slots of two places
            String sessionId = row.getAttribute("data-id");

            page.locator("[data-testid=session-stop][data-id='" + sessionId + "']").click();
            Locator box = page.locator(".el-message-box");
            assertThat(box).containsText("1");
            // the reason is required
            page.locator(".el-message-box__btns .el-button--primary").click();
            assertThat(box.locator(".el-message-box__errormsg")).isVisible();
            page.locator(".el-message-box__input input").fill("医生临时外出会诊");
            page.locator(".el-message-box__btns .el-button--primary").click();
            assertThat(row).hasAttribute("data-status", "STOPPED");
            assertThat(line).containsText("医生临时外出会诊");
            assertThat(page.locator("[data-testid=session-stop][data-id='" + sessionId + "']")).hasCount(0);

            JsonNode stored = api.get("/api/v1/appointments/" + appointmentId, nurse).json();
            assertThat(stored.get("status").asString()).isEqualTo("STOPPED");
            String mine = api.login(booked.idNumber(), PASSWORD);
            String inbox = "";
            for (int i = 0; i < 50 && !inbox.contains("医生临时外出会诊"); i++) {
                inbox = api.get("/api/v1/notifications", mine).raw();
                page.waitForTimeout(100);
            }
            assertThat(inbox).contains("医生临时外出会诊");
        } finally {
            api.post("/api/v1/schedules/templates/" + stopped.templateId() + "/deactivate", null,
                    scheduler);
        }
    }

    // ---- (e) large-font mode ----

    @Test
    void theBookingPageIsLargerInElderlyMode() {
        residentLogin("resident");
        String path = "#/book?department=" + INTERNAL_MEDICINE + "&date=" + tomorrow();
        page.navigate(url("/?elderly=0" + path));
        Locator slot = page.getByTestId("book-slot").first();
        assertThat(slot).isVisible();
        double normalFont = fontSize(slot.locator(".slot__time"));
        double normalHeight = slot.boundingBox().height;
        double normalDay = fontSize(page.getByTestId("book-date-" + tomorrow()).locator(".day__date"));

        page.navigate(url("/?elderly=1" + path));
        assertThat(page.locator("html")).hasClass(Pattern.compile("elderly"));
        assertThat(slot).isVisible();
        assertThat(fontSize(slot.locator(".slot__time"))).isGreaterThan(normalFont * 1.2);
        assertThat(slot.boundingBox().height).isGreaterThan(normalHeight).isGreaterThanOrEqualTo(56);
        assertThat(fontSize(page.getByTestId("book-date-" + tomorrow()).locator(".day__date")))
                .isGreaterThan(normalDay * 1.2);
        assertThat(page.getByTestId("book-department").boundingBox().height).isGreaterThanOrEqualTo(48);
    }

    // ---- (f) smart triage ----

    @Test
    void triageSendsAChildsCoughToPaediatricsAndAHeartAttackTo120() {
        residentLogin("resident");
        page.getByTestId("home-service-triage").click();
        page.getByTestId("triage-text").fill("孩子咳嗽流鼻涕两天");
        page.getByTestId("triage-age").fill("4");
        page.getByTestId("triage-submit").click();
        Locator first = page.getByTestId("triage-department").first();
        assertThat(first).hasAttribute("data-code", PAEDIATRICS);
        assertThat(first.getByTestId("triage-department-name")).containsText("儿科");
        assertThat(page.getByTestId("triage-result")).hasAttribute("data-red-flag", "false");
        assertThat(page.getByTestId("triage-red-flag")).hasCount(0);

        // "book this department" opens the booking page on it
        first.getByTestId("triage-book").click();
        assertThat(page.getByTestId("book-department")).hasAttribute("data-code", PAEDIATRICS);
        page.goBack();

        page.getByTestId("triage-text").fill("胸口痛，出冷汗，左手臂发麻");
        page.getByTestId("triage-age").fill("");
        page.getByTestId("triage-submit").click();
        Locator banner = page.getByTestId("triage-red-flag");
        assertThat(banner).isVisible();
        assertThat(banner).containsText("请立即拨打120或前往急诊");
        assertThat(page.getByTestId("triage-call-120")).hasAttribute("href", "tel:120");
        assertThat(page.getByTestId("triage-result")).hasAttribute("data-red-flag", "true");
    }

    // ---- accessibility ----

    @Test
    void theBookingPagesHaveNoSeriousAccessibilityViolations() throws IOException {
        String source = axeSource();
        BrowserContext axeContext = axeContext();
        try {
            page = axeContext.newPage();
            page.setDefaultTimeout(15_000);
            residentLogin("resident");
            String book = "#/book?department=" + INTERNAL_MEDICINE + "&date=" + tomorrow();
            axe(source, "/?elderly=0" + book, "book-slot");
            axe(source, "/?elderly=1" + book, "book-slot");
            axe(source, "/?elderly=0&lang=en" + book, "book-slot");
            axe(source, "/?lang=zh-CN#/book", "book-pick-department");
            axe(source, "/#/appointments?tab=all", "appt-list", "appt-empty");
            axe(source, "/#/triage", "triage-form");

            page.evaluate("() => localStorage.removeItem('huimin.token')");
            consoleLogin("scheduler");
            axe(source, "/console/#/booking", "booking-slots");
            axe(source, "/console/#/schedules", "template-row");
            axe(source, "/console/?elderly=1#/schedules", "template-row");
        } finally {
            axeContext.close();
        }
    }

    // ---- helpers ----

    private record Resident(String id, String idNumber, String name) {
    }

    /** A resident registered at the window with an account (password {@link #PASSWORD}, logs in by ID number). */
    private Resident registerWithAccount(LocalDate birth, boolean male) {
        return register(birth, male, phone(), ",\"password\":\"" + PASSWORD + "\"");
    }

    private Resident register(LocalDate birth, boolean male, String phone) {
        return register(birth, male, phone, "");
    }

    private Resident register(LocalDate birth, boolean male, String phone, String extra) {
        String idNumber = idNumber(birth, male);
        String name = (male ? "陈" : "李") + given();
        Api.Response r = api.post("/api/v1/residents", "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + extra + "}", api.login("clerk"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Resident(r.json().get("residentId").asString(), idNumber, name);
    }

    /**
     * A weekly internal-medicine service of the scheduler's hospital, evenings 18:00-19:00 in 30-minute slots of
     * {@code capacity} places, with a session on {@code day}.
     */
    private Service eveningService(String service, LocalDate day, int capacity, String poolShares) {
        String scheduler = api.login("scheduler");
        String org = api.get("/api/v1/schedules/templates", scheduler).json().get("items").get(0)
                .get("organizationId").asString();
        Api.Response template = api.post("/api/v1/schedules/templates", "{\"organizationId\":\"" + org
                + "\",\"departmentCode\":\"" + INTERNAL_MEDICINE + "\",\"serviceName\":\"" + service
                + "\",\"dayOfWeek\":" + day.getDayOfWeek().getValue() + ",\"period\":\"EVENING\",\"start\":\"18:00\","
                + "\"end\":\"19:00\",\"slotMinutes\":30,\"slotCapacity\":" + capacity + ",\"registrationType\":"
                + "\"GENERAL\",\"fee\":\"10.00\",\"poolShares\":\"" + poolShares + "\"}", scheduler);
        assertThat(template.status()).as(template.raw()).isEqualTo(201);
        return new Service(org, template.json().get("id").asString());
    }

    private record Service(String organizationId, String templateId) {
    }

    private void cancel(String appointmentId, String token) {
        Api.Response r = api.post("/api/v1/appointments/" + appointmentId + "/cancel", "{\"reason\":\"e2e\"}", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    private static String tomorrow() {
        return LocalDate.now(SHANGHAI).plusDays(1).toString();
    }

    private double fontSize(Locator element) {
        return ((Number) element.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")).doubleValue();
    }

}
