package org.huimin.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of one chain entry: SHA-256 over the previous hash and every field, each length-prefixed so that no two
 * different entries can serialise to the same bytes. Times are cut to microseconds, the precision both H2 and
 * PostgreSQL keep, so that a stored entry hashes the same after it is read back.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static Instant normalise(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static String of(String prevHash, long seq, Instant occurredAt, String... fields) {
        StringBuilder sb = new StringBuilder(256);
        append(sb, prevHash);
        append(sb, Long.toString(seq));
        append(sb, normalise(occurredAt).toString());
        for (String f : fields) {
            append(sb, f);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
