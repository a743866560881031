/*
 * Offline verification of a Huimin health code at a terminal, with nothing but a JDK (17+) and the issuing
 * regions' published trust list: no Huimin code, no network at scan time.
 *
 *   curl -s http://127.0.0.1:8080/api/v1/health-codes/trust-list > trust-list.json   # refresh periodically
 *   java tools/VerifyHealthCode.java trust-list.json 'HC1.530325-xxxxxxxx.<payload>.<signature>'
 *
 * Prints the verdict and, for a valid code, the issuing region, resident reference and expiry. Exit status 0 for a
 * valid code, 1 otherwise. It checks what a terminal can check alone: the form, a trusted and unrevoked key, the
 * Ed25519 signature (the JDK's own implementation), the issuing region and the validity period. A static code's
 * PIN and replay limits need the platform (POST /api/v1/health-codes/verify).
 */
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class VerifyHealthCode {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java tools/VerifyHealthCode.java <trust-list.json> <token>");
            System.exit(2);
        }
        String trustList = Files.readString(Path.of(args[0]));
        String token = args[1].strip();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("HC1")) {
            refuse("not a health code");
        }
        String kid = parts[1];
        // the trust list is small JSON: find this key's object and read its fields
        Matcher key = Pattern.compile("\\{[^{}]*\"kid\"\\s*:\\s*\"" + Pattern.quote(kid) + "\"[^{}]*\\}")
                .matcher(trustList);
        if (!key.find()) {
            refuse("unknown key " + kid);
        }
        String jwk = key.group();
        String status = field(jwk, "status");
        if ("REVOKED".equals(status)) {
            refuse("key " + kid + " is revoked");
        }
        String x = field(jwk, "x");
        String region = field(jwk, "region");
        byte[] payload = Base64.getUrlDecoder().decode(parts[2]);
        byte[] signature = Base64.getUrlDecoder().decode(parts[3]);
        if (payload.length != 38 || signature.length != 64 || x == null) {
            refuse("malformed token");
        }
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(x)));
        verifier.update((parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(signature)) {
            refuse("bad signature");
        }
        ByteBuffer p = ByteBuffer.wrap(payload);
        int version = p.get();
        String type = p.get() == 0 ? "DYNAMIC" : "STATIC";
        int tokenRegion = p.getInt();
        UUID resident = new UUID(p.getLong(), p.getLong());
        Instant issued = Instant.ofEpochSecond(Integer.toUnsignedLong(p.getInt()));
        Instant expires = Instant.ofEpochSecond(Integer.toUnsignedLong(p.getInt()));
        if (version != 1 || !Integer.toString(tokenRegion).equals(region)) {
            refuse("region or version does not match the key");
        }
        Instant now = Instant.now();
        if (issued.isAfter(now.plusSeconds(30))) {
            refuse("issued in the future");
        }
        if (!now.isBefore(expires)) {
            refuse("expired at " + expires);
        }
        System.out.println("valid " + type + " code: region " + tokenRegion + ", resident " + resident
                + ", expires " + expires + (type.equals("STATIC") ? " (ask for the PIN online)" : ""));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** RFC 8032 encoding (little-endian y, top bit the parity of x) to the JDK's EdECPoint. */
    private static PublicKey publicKey(byte[] encoded) throws Exception {
        byte[] y = new byte[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            y[i] = encoded[encoded.length - 1 - i];
        }
        boolean xOdd = (y[0] & 0x80) != 0;
        y[0] &= 0x7F;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, y));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                point));
    }

    private static void refuse(String reason) {
        System.out.println("INVALID: " + reason);
        System.exit(1);
    }
}
