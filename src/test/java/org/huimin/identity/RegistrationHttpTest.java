package org.huimin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.time.LocalDate;

import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.Test;

/** Real-name registration with phone confirmation, login by phone or ID number, and window registration. */
class RegistrationHttpTest extends HttpTest {

    @Test
    void registersConfirmsThePhoneAndLogsInByPhoneOrIdNumber() {
        String id = People.adultIdNumber();
        String phone = People.phone();
        Response created = api.post("/api/v1/residents/register",
                json("idNumber", id, "name", "测试居民", "phone", phone, "password", "Huimin@2026x"), null);
        assertThat(created.status()).isEqualTo(201);
        String residentId = created.json().get("residentId").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("PENDING_PHONE");
        assertThat(created.json().get("phoneMasked").asString()).isEqualTo(phone.substring(0, 3) + "****"
                + phone.substring(7));

        // not before the phone is confirmed
        Response early = api.post("/api/v1/auth/login", json("username", phone, "password", "Huimin@2026x"), null);
        assertThat(early.status()).isEqualTo(403);

        String code = People.lastCode(api, phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        Response bad = api.post("/api/v1/residents/register/confirm", json("residentId", residentId, "code", wrong),
                null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(api.post("/api/v1/residents/register/confirm", json("residentId", residentId, "code", code), null)
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/residents/register/confirm", json("residentId", residentId, "code", code), null)
                .status()).isEqualTo(409);

        String byPhone = api.login(phone, "Huimin@2026x");
        String byId = api.login(id.toLowerCase(), "Huimin@2026x");
        assertThat(byPhone).isNotBlank();
        assertThat(byId).isNotBlank();
        Response me = api.get("/api/v1/me/resident", byId);
        assertThat(me.json().get("residentId").asString()).isEqualTo(residentId);
        assertThat(me.json().get("idNumberMasked").asString()).contains("*").doesNotContain(id.substring(6, 14));
    }

    @Test
    void refusesBadNumbersAndDuplicatesWithoutIndexingAnything() {
        String admin = api.login("admin");
        long before = api.get("/api/v1/residents?size=1", admin).json().get("total").asLong();
        String id = People.adultIdNumber();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        Response bad = api.send("POST", "/api/v1/residents/register", json("idNumber", wrongCheck, "name", "测试",
                "phone", "12345", "password", "short"), null, "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("idNumber", "phone", "password");
        // a 13th month and a future date, each with a correct check character
        for (String date : new String[] {"19851301", "20991231"}) {
            String body = "110101" + date + "001";
            String number = body + org.huimin.shared.ResidentIdNumber.checkCharacter(body);
            Response r = api.post("/api/v1/residents/register", json("idNumber", number, "name", "测试", "phone",
                    People.phone(), "password", "Huimin@2026x"), null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        }
        assertThat(api.get("/api/v1/residents?size=1", admin).json().get("total").asLong()).isEqualTo(before);

        String phone = People.phone();
        assertThat(api.post("/api/v1/residents/register", json("idNumber", id, "name", "张三", "phone", phone,
                "password", "Huimin@2026x"), null).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/residents/register", json("idNumber", id, "name", "张三", "phone",
                People.phone(), "password", "Huimin@2026x"), null).status()).isEqualTo(409);
        // a legacy 15-digit number of the same person is the same ID number
        String legacy = id.substring(0, 6) + id.substring(8, 17);
        Response again = api.post("/api/v1/residents/register", json("idNumber", legacy, "name", "张三", "phone",
                People.phone(), "password", "Huimin@2026x"), null);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void resendingIsThrottled() {
        Response created = api.post("/api/v1/residents/register", json("idNumber", People.adultIdNumber(), "name",
                "王五", "phone", People.phone(), "password", "Huimin@2026x"), null);
        String residentId = created.json().get("residentId").asString();
        Response resend = api.post("/api/v1/residents/register/resend", json("residentId", residentId), null);
        assertThat(resend.status()).isEqualTo(429);
        assertThat(resend.isProblem()).isTrue();
    }

    @Test
    void windowStaffRegisterResidentsWhoCanLogInAtOnce() {
        String clerk = api.login("clerk");
        String id = People.idNumber(LocalDate.of(1941, 3, 9));
        Response r = api.post("/api/v1/residents", json("idNumber", id, "name", "赵老汉", "address", "中安街道1号",
                "password", "Window2026x"), clerk);
        assertThat(r.status()).isEqualTo(201);
        String token = api.login(id, "Window2026x");
        assertThat(api.get("/api/v1/me/resident", token).json().get("age").asInt()).isGreaterThanOrEqualTo(85);
        Response found = api.get("/api/v1/residents?q=" + id, clerk);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("hasAccount").asBoolean()).isTrue();
        // residents cannot use the window endpoints
        String resident = api.login("resident");
        assertThat(api.post("/api/v1/residents", json("idNumber", People.adultIdNumber(), "name", "某人"), resident)
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/residents?q=王", resident).status()).isEqualTo(403);
        // a scheduler books at the window and looks residents up; a pharmacist has no reason to
        assertThat(api.get("/api/v1/residents?q=" + id, api.login("scheduler")).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/residents?q=王", api.login("pharmacist")).status()).isEqualTo(403);
    }
}
