package org.huimin.identity.code;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The signed payload of an electronic health code, in a compact form for a QR code:
 * {@code HC1.<kid>.<payload>.<signature>}, each part base64url without padding. The payload is 38 bytes: version,
 * code type, issuing region (division code), resident reference (the master-index id, no personal data), issue and
 * expiry times (epoch seconds) and an 8-byte token id. The Ed25519 signature covers the ASCII text
 * {@code HC1.<kid>.<payload>}, so the key id cannot be swapped either.
 */
public record HealthCodeToken(String kid, CodeType type, int region, UUID residentId, Instant issuedAt,
        Instant expiresAt, long tokenId) {

    public static final String PREFIX = "HC1";
    static final int PAYLOAD_LENGTH = 38;
    static final int SIGNATURE_LENGTH = 64;
    private static final byte VERSION = 1;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** A dynamic code refreshes every minute or so; a static one is printed and used with a PIN. */
    public enum CodeType { DYNAMIC, STATIC }

    public HealthCodeToken {
        if (kid == null || !kid.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("kid must be 1-32 characters [A-Za-z0-9_-]");
        }
    }

    /** The token id as the scan log and the static code record keep it. */
    public String tokenIdText() {
        return Long.toUnsignedString(tokenId, 36);
    }

    /** The text the signature covers. */
    public String signingInput() {
        ByteBuffer b = ByteBuffer.allocate(PAYLOAD_LENGTH);
        b.put(VERSION).put((byte) type.ordinal()).putInt(region)
                .putLong(residentId.getMostSignificantBits()).putLong(residentId.getLeastSignificantBits())
                .putInt((int) issuedAt.getEpochSecond()).putInt((int) expiresAt.getEpochSecond()).putLong(tokenId);
        return PREFIX + "." + kid + "." + B64.encodeToString(b.array());
    }

    public String withSignature(byte[] signature) {
        return signingInput() + "." + B64.encodeToString(signature);
    }

    /** A token split into its parts; the signature is not checked yet. */
    public record Parsed(HealthCodeToken token, byte[] signingInput, byte[] signature) {
    }

    /** Thrown for anything that is not a well-formed token; {@code reason} is for logs and the refusal detail. */
    public static final class MalformedToken extends Exception {
        public MalformedToken(String reason) {
            super(reason, null, false, false);
        }
    }

    public static Parsed parse(String text) throws MalformedToken {
        if (text == null || text.length() > 512) {
            throw new MalformedToken("missing or too long");
        }
        String s = text.strip();
        int a = s.indexOf('.');
        int b = a < 0 ? -1 : s.indexOf('.', a + 1);
        int c = b < 0 ? -1 : s.indexOf('.', b + 1);
        if (c < 0 || s.indexOf('.', c + 1) >= 0 || !PREFIX.equals(s.substring(0, a))) {
            throw new MalformedToken("not a health code");
        }
        String kid = s.substring(a + 1, b);
        byte[] payload = decode(s.substring(b + 1, c), PAYLOAD_LENGTH, "payload");
        byte[] signature = decode(s.substring(c + 1), SIGNATURE_LENGTH, "signature");
        ByteBuffer p = ByteBuffer.wrap(payload);
        if (p.get() != VERSION) {
            throw new MalformedToken("unknown version");
        }
        int type = p.get();
        if (type < 0 || type >= CodeType.values().length) {
            throw new MalformedToken("unknown code type");
        }
        int region = p.getInt();
        UUID resident = new UUID(p.getLong(), p.getLong());
        Instant iat = Instant.ofEpochSecond(Integer.toUnsignedLong(p.getInt()));
        Instant exp = Instant.ofEpochSecond(Integer.toUnsignedLong(p.getInt()));
        long tokenId = p.getLong();
        HealthCodeToken token;
        try {
            token = new HealthCodeToken(kid, CodeType.values()[type], region, resident, iat, exp, tokenId);
        } catch (IllegalArgumentException e) {
            throw new MalformedToken("bad key id");
        }
        return new Parsed(token, s.substring(0, c).getBytes(StandardCharsets.US_ASCII), signature);
    }

    private static byte[] decode(String part, int length, String what) throws MalformedToken {
        byte[] bytes;
        try {
            bytes = B64D.decode(part);
        } catch (IllegalArgumentException e) {
            throw new MalformedToken(what + " is not base64url");
        }
        if (bytes.length != length) {
            throw new MalformedToken(what + " has the wrong length");
        }
        // reject non-canonical encodings (unused low bits set), so that one token has exactly one text form
        if (!B64.encodeToString(bytes).equals(part)) {
            throw new MalformedToken(what + " is not canonical base64url");
        }
        return bytes;
    }
}
