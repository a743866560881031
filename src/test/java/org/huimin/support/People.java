package org.huimin.support;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huimin.shared.ResidentIdNumber;

import tools.jackson.databind.JsonNode;

/** Synthetic residents for tests: valid ID numbers in the demo county, fresh phone numbers, one-time codes. */
public final class People {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private People() {
    }

    /** A valid ID number born on {@code birth}, with a random sequence (collisions are vanishingly rare). */
    public static String idNumber(LocalDate birth) {
        String body = "530325" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + ResidentIdNumber.checkCharacter(body);
    }

    /** A valid ID number of a man or a woman (the sequence's parity gives the sex). */
    public static String idNumber(LocalDate birth, boolean male) {
        int sequence = ThreadLocalRandom.current().nextInt(500) * 2 + (male ? 1 : 0);
        String body = "530325" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return body + ResidentIdNumber.checkCharacter(body);
    }

    public static String adultIdNumber() {
        return idNumber(LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000)));
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The latest one-time code sent to {@code phone}, read from the dev SMS outbox as an administrator. */
    public static String lastCode(Api api, String phone) {
        String admin = api.login("admin");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode items = api.get("/api/v1/notifications/dev/sms?size=20&phone=" + phone, admin).json().get("items");
            for (JsonNode sms : items) {
                Matcher m = CODE.matcher(sms.get("text").asString());
                if (sms.get("phoneMasked").asString().equals(masked) && m.find()) {
                    return m.group(1);
                }
            }
            try {
                Thread.sleep(100); // the outbox delivers asynchronously
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no one-time code was sent to " + masked);
    }

    public static String json(String... keyValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(keyValues[i]).append("\":");
            String v = keyValues[i + 1];
            b.append(v == null ? "null" : '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return b.append('}').toString();
    }
}
