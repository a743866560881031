package org.huimin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huimin.support.People.json;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.huimin.identity.code.HealthCodeToken;
import org.huimin.identity.code.KeyRing;
import org.huimin.support.Api.Response;
import org.huimin.support.HttpTest;
import org.huimin.support.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The electronic health code end to end: issue, verify, every refusal, scans, static code, keys, fusion. */
class HealthCodeHttpTest extends HttpTest {

    @Autowired
    KeyRing keys;

    String resident;
    String nurse;

    @BeforeEach
    void tokens() {
        resident = api.login("resident");
        nurse = api.login("nurse");
    }

    private String code(String token) {
        Response r = api.get("/api/v1/me/health-code", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("qrPng").asString()).startsWith("data:image/png;base64,");
        return r.json().get("token").asString();
    }

    private Response verify(String token, String scene) {
        return api.post("/api/v1/health-codes/verify", json("token", token, "scene", scene), nurse);
    }

    private static String type(Response r) {
        String t = r.json().get("type").asString();
        return t.substring(t.lastIndexOf('/') + 1);
    }

    @Test
    void aFreshCodeVerifiesWithMaskedIdentityAndIsInTheScanHistory() {
        String token = code(resident);
        assertThat(token).startsWith("HC1.");
        Response ok = verify(token, "REGISTRATION");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("maskedIdNumber").asString()).contains("****");
        assertThat(ok.json().get("maskedName").asString()).contains("*");
        String me = api.get("/api/v1/me/resident", resident).json().get("residentId").asString();
        assertThat(ok.json().get("residentId").asString()).isEqualTo(me);

        JsonNode scans = api.get("/api/v1/me/health-code/scans", resident).json();
        JsonNode latest = scans.get("items").get(0);
        assertThat(latest.get("scene").asString()).isEqualTo("REGISTRATION");
        assertThat(latest.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(latest.get("organizationName").asString()).contains("人民医院");
        // the payload carries no personal data in clear
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[2]), StandardCharsets.ISO_8859_1);
        assertThat(payload).doesNotContain("530325").doesNotContain("任");
    }

    @Test
    void tamperedUnknownAndMalformedCodesAreInvalid() {
        String token = code(resident);
        int middle = token.length() / 2;
        while (token.charAt(middle) == '.' || token.charAt(middle + 1) == '.') {
            middle--;
        }
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                + token.substring(middle + 1);
        for (String bad : new String[] {tampered, "HC1.nokey.AAAA.BBBB", "not a code", token + "x"}) {
            Response r = verify(bad, "CONSULTATION");
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(type(r)).isEqualTo("invalid-health-code");
        }
        assertThat(verify("", "CONSULTATION").status()).isEqualTo(400);
    }

    @Test
    void anExpiredCodeIsRefusedAsExpired() {
        String me = api.get("/api/v1/me/resident", resident).json().get("residentId").asString();
        KeyRing.SigningKey key = keys.signingKey();
        Instant now = Instant.now();
        HealthCodeToken t = new HealthCodeToken(key.kid(), HealthCodeToken.CodeType.DYNAMIC, key.region(),
                UUID.fromString(me), now.minusSeconds(120), now.minusSeconds(60), 42L);
        Response r = verify(t.withSignature(sign(key.key(), t)), "REGISTRATION");
        assertThat(r.status()).isEqualTo(422);
        assertThat(type(r)).isEqualTo("expired-health-code");
        JsonNode latest = api.get("/api/v1/me/health-code/scans", resident).json().get("items").get(0);
        assertThat(latest.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(latest.get("reason").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aPaymentTakesACodeOnceAndScansPerCodeAreCapped() {
        String token = code(resident);
        assertThat(verify(token, "PAYMENT").status()).isEqualTo(200);
        Response again = verify(token, "PAYMENT");
        assertThat(again.status()).isEqualTo(422);
        assertThat(type(again)).isEqualTo("replayed-health-code");
        // five accepted scans in all per dynamic code
        for (int i = 0; i < 4; i++) {
            assertThat(verify(token, "CONSULTATION").status()).isEqualTo(200);
        }
        assertThat(type(verify(token, "CONSULTATION"))).isEqualTo("replayed-health-code");
    }

    @Test
    void residentsCannotVerifyAndStrangersCannotFetchSomeoneElsesCode() {
        String token = code(resident);
        assertThat(api.post("/api/v1/health-codes/verify", json("token", token, "scene", "ENTRY"), resident).status())
                .isEqualTo(403);
        String elderId = api.get("/api/v1/me/relatives", resident).json().get("items").get(0).get("residentId")
                .asString();
        assertThat(api.get("/api/v1/residents/" + elderId + "/health-code", api.login("resident2")).status())
                .isEqualTo(403);
        Response proxied = api.get("/api/v1/residents/" + elderId + "/health-code", resident);
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(verify(proxied.json().get("token").asString(), "REGISTRATION").json().get("residentId").asString())
                .isEqualTo(elderId);
        assertThat(api.get("/api/v1/health-codes/trust-list", null).status()).isEqualTo(200);
    }

    @Test
    void aStaticCodeNeedsItsPinAndReissuingRevokesTheOldOne() {
        String elder = api.login("elder");
        Response weak = api.post("/api/v1/me/static-code", json("pin", "111111"), elder);
        assertThat(weak.status()).isEqualTo(400);
        Response first = api.post("/api/v1/me/static-code", json("pin", "472913"), elder);
        assertThat(first.status()).isEqualTo(201);
        String printed = first.json().get("token").asString();
        Response noPin = verify(printed, "REGISTRATION");
        assertThat(type(noPin)).isEqualTo("pin-required");
        Response wrongPin = api.post("/api/v1/health-codes/verify", json("token", printed, "scene", "REGISTRATION",
                "pin", "000001"), nurse);
        assertThat(type(wrongPin)).isEqualTo("invalid-pin");
        Response ok = api.post("/api/v1/health-codes/verify", json("token", printed, "scene", "REGISTRATION", "pin",
                "472913"), nurse);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("codeType").asString()).isEqualTo("STATIC");

        api.post("/api/v1/me/static-code", json("pin", "583027"), elder);
        Response old = api.post("/api/v1/health-codes/verify", json("token", printed, "scene", "REGISTRATION", "pin",
                "472913"), nurse);
        assertThat(type(old)).isEqualTo("revoked-health-code");
    }

    @Test
    void rotationKeepsIssuedCodesValidAndRevocationRefusesThem() {
        String admin = api.login("admin");
        String before = code(resident);
        String oldKid = before.split("\\.")[1];
        Response rotated = api.post("/api/v1/admin/health-codes/keys/rotate", "{}", admin);
        assertThat(rotated.status()).isEqualTo(201);
        String after = code(resident);
        assertThat(after.split("\\.")[1]).isNotEqualTo(oldKid);
        assertThat(verify(before, "ENTRY").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/health-codes/keys/" + oldKid + "/revoke", json("reason", " "), admin)
                .status()).isEqualTo(400);
        assertThat(verify(before, "ENTRY").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/health-codes/keys/" + oldKid + "/revoke", json("reason", "test"), admin)
                .status()).isEqualTo(200);
        assertThat(type(verify(before, "ENTRY"))).isEqualTo("revoked-health-code");
        assertThat(verify(after, "ENTRY").status()).isEqualTo(200);
        JsonNode list = api.get("/api/v1/health-codes/trust-list", null).json().get("keys");
        boolean revokedListed = false;
        for (JsonNode k : list) {
            if (k.get("kid").asString().equals(oldKid)) {
                revokedListed = k.get("status").asString().equals("REVOKED") && (!k.has("x") || k.get("x").isNull());
            }
        }
        assertThat(revokedListed).isTrue();
        assertThat(api.post("/api/v1/admin/health-codes/keys/rotate", "{}", nurse).status()).isEqualTo(403);
    }

    @Test
    void codesOfATrustedRegionVerifyWithoutTheirPersonalData() {
        String admin = api.login("admin");
        Ed25519PrivateKeyParameters foreign = new Ed25519PrivateKeyParameters(new SecureRandom());
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(foreign.generatePublicKey().getEncoded());
        String kid = "530302-t" + System.nanoTime() % 100000;
        HealthCodeToken t = new HealthCodeToken(kid, HealthCodeToken.CodeType.DYNAMIC, 530302, UUID.randomUUID(),
                Instant.now(), Instant.now().plusSeconds(60), 7L);
        String token = t.withSignature(sign(foreign, t));
        assertThat(type(verify(token, "ENTRY"))).isEqualTo("invalid-health-code");
        Response bad = api.post("/api/v1/admin/health-codes/trusted-keys", json("kid", kid, "region", "530302", "x",
                "AAAA"), admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.post("/api/v1/admin/health-codes/trusted-keys", json("kid", kid, "region", "530302", "x", x),
                admin).status()).isEqualTo(201);
        Response ok = verify(token, "ENTRY");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("foreignRegion").asBoolean()).isTrue();
        assertThat(ok.json().get("issuer").asString()).isEqualTo("530302");
        assertThat(api.send("DELETE", "/api/v1/admin/health-codes/trusted-keys/" + kid, null, admin, null).status())
                .isEqualTo(204);
        assertThat(type(verify(token, "ENTRY"))).isEqualTo("invalid-health-code");
    }

    @Test
    void linkedInsuranceAndPaymentReferencesTravelWithTheScanMasked() {
        Response linked = api.send("PUT", "/api/v1/me/code-links/INSURANCE_VOUCHER", json("reference",
                "YB5303250012345678"), resident, null);
        assertThat(linked.status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/me/code-links/PAYMENT_ACCOUNT", json("reference", "x"), resident, null)
                .status()).isEqualTo(400);
        Response ok = verify(code(resident), "PAYMENT");
        JsonNode link = ok.json().get("links").get(0);
        assertThat(link.get("kind").asString()).isEqualTo("INSURANCE_VOUCHER");
        assertThat(link.get("referenceMasked").asString()).contains("*").doesNotContain("0012345");
        assertThat(api.send("DELETE", "/api/v1/me/code-links/INSURANCE_VOUCHER", null, resident, null).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me/code-links", resident).json().get("items").size()).isZero();
    }

    @Test
    void theOfflineVerifierChecksACodeWithOnlyTheTrustList() throws Exception {
        java.nio.file.Path trustList = java.nio.file.Files.createTempFile("trust-list", ".json");
        java.nio.file.Files.writeString(trustList, api.get("/api/v1/health-codes/trust-list", null).raw());
        String token = code(resident);
        String tampered = token.substring(0, token.length() - 3) + (token.charAt(token.length() - 3) == 'A' ? 'B' : 'A')
                + token.substring(token.length() - 2);
        assertThat(offline(trustList, token)).startsWith("valid DYNAMIC code: region 530325");
        assertThat(offline(trustList, tampered)).startsWith("INVALID");
    }

    private static String offline(java.nio.file.Path trustList, String token) throws Exception {
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(launcher, "tools/VerifyHealthCode.java", trustList.toString(), token)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    private static String signBytes(Ed25519PrivateKeyParameters key, byte[] input) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(input, 0, input.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.generateSignature());
    }

    private static byte[] sign(Ed25519PrivateKeyParameters key, HealthCodeToken t) {
        return Base64.getUrlDecoder().decode(signBytes(key, t.signingInput().getBytes(StandardCharsets.US_ASCII)));
    }
}
