package org.huimin.identity.code;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.huimin.shared.ProblemException;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * This region's Ed25519 signing keys and the trusted keys of other regions. Exactly one own key is ACTIVE (signs);
 * RETIRED keys still verify the codes they signed; REVOKED keys verify nothing. Key status is read from the database
 * on every verification, so a revocation takes effect on every node at once; only the decoded public key material,
 * which never changes for a key id, is cached.
 */
@Component
public class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Duration SIGNING_KEY_CACHE = Duration.ofSeconds(10);

    public enum Status { ACTIVE, RETIRED, REVOKED, TRUSTED }

    /** A key that may verify: own (any status) or another region's (TRUSTED). */
    public record VerificationKey(String kid, String region, Status status, Ed25519PublicKeyParameters key) {
    }

    /** The key that signs now. */
    public record SigningKey(String kid, int region, Ed25519PrivateKeyParameters key, Instant loadedAt) {
    }

    /** A key as the trust list and the administration page show it. */
    public record KeyInfo(String kid, String region, String x, Status status, Instant createdAt, Instant retiredAt,
            Instant revokedAt, String revokedReason) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final String region;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, VerificationKey> materials = new ConcurrentHashMap<>();
    private volatile SigningKey signing;

    KeyRing(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock, HealthCodeProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.region = properties.region();
    }

    public String region() {
        return region;
    }

    public SigningKey signingKey() {
        SigningKey k = signing;
        if (k == null || k.loadedAt().plus(SIGNING_KEY_CACHE).isBefore(clock.instant())) {
            k = loadSigningKey();
            signing = k;
        }
        return k;
    }

    private SigningKey loadSigningKey() {
        Optional<SigningKey> active = activeKey();
        if (active.isPresent()) {
            return active.get();
        }
        synchronized (this) {
            return activeKey().orElseGet(() -> {
                String kid = create();
                log.info("Created health-code signing key {} for region {}", kid, region);
                return activeKey().orElseThrow();
            });
        }
    }

    private Optional<SigningKey> activeKey() {
        return jdbc.sql("""
                select kid, region, private_key_enc from identity_signing_key where status = 'ACTIVE'
                order by created_at desc limit 1""")
                .query((rs, n) -> new SigningKey(rs.getString(1), Integer.parseInt(rs.getString(2)),
                        new Ed25519PrivateKeyParameters(Base64.getDecoder().decode(cipher.decrypt(rs.getString(3)))),
                        clock.instant()))
                .optional();
    }

    private String create() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
        byte[] id = new byte[6];
        random.nextBytes(id);
        String kid = region + "-" + B64.encodeToString(id);
        jdbc.sql("""
                insert into identity_signing_key (kid, region, public_key, private_key_enc, status, created_at)
                values (:kid, :region, :pub, :priv, 'ACTIVE', :now)""")
                .param("kid", kid).param("region", region)
                .param("pub", B64.encodeToString(key.generatePublicKey().getEncoded()))
                .param("priv", cipher.encrypt(Base64.getEncoder().encodeToString(key.getEncoded())))
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        return kid;
    }

    /** Retires the active key and makes a new one; codes already issued keep verifying until they expire. */
    @Transactional
    public String rotate() {
        jdbc.sql("update identity_signing_key set status = 'RETIRED', retired_at = :now where status = 'ACTIVE'")
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        String kid = create();
        signing = null;
        return kid;
    }

    /** Revokes a key: every code it signed is refused from now on; a revoked active key is replaced. */
    @Transactional
    public void revoke(String kid, String reason) {
        String status = jdbc.sql("select status from identity_signing_key where kid = :kid for update")
                .param("kid", kid).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("key", kid));
        if ("REVOKED".equals(status)) {
            throw new ProblemException(HttpStatus.CONFLICT, "key-revoked", "problem.key-revoked");
        }
        jdbc.sql("update identity_signing_key set status = 'REVOKED', revoked_at = :now, revoked_reason = :r "
                + "where kid = :kid").param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .param("r", reason).param("kid", kid).update();
        if ("ACTIVE".equals(status)) {
            create();
        }
        signing = null;
    }

    /**
     * The key material for {@code kid} from a local cache (loaded from the database on a miss), for checking a
     * signature before anything else. The status it carries may be stale: callers confirm the key's current status
     * and public key in the database before they accept a code, as {@code HealthCodeService} does in the same query
     * that reads the resident.
     */
    public Optional<VerificationKey> material(String kid) {
        VerificationKey cached = materials.get(kid);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<VerificationKey> loaded = verificationKey(kid);
        loaded.ifPresent(k -> {
            if (materials.size() > 10_000) {
                materials.clear(); // only forged key ids could grow it: those are never found, so never cached
            }
            materials.put(kid, k);
        });
        return loaded;
    }

    /** The encoded public key of a verification key, as the database and the trust list hold it. */
    public static String encoded(VerificationKey key) {
        return B64.encodeToString(key.key().getEncoded());
    }

    /** The key for {@code kid} with its current status, or empty when no such key is known. */
    public Optional<VerificationKey> verificationKey(String kid) {
        return jdbc.sql("""
                select region, public_key, status from identity_signing_key where kid = :kid
                union all
                select region, public_key, 'TRUSTED' from identity_trusted_key where kid = :kid""")
                .param("kid", kid)
                .query((rs, n) -> new VerificationKey(kid, rs.getString(1), Status.valueOf(rs.getString(3)),
                        new Ed25519PublicKeyParameters(Base64.getUrlDecoder().decode(rs.getString(2)))))
                .list().stream().findFirst();
    }

    public List<KeyInfo> ownKeys() {
        return jdbc.sql("select * from identity_signing_key order by created_at desc")
                .query((rs, n) -> new KeyInfo(rs.getString("kid"), rs.getString("region"),
                        rs.getString("public_key"), Status.valueOf(rs.getString("status")), instant(rs, "created_at"),
                        instant(rs, "retired_at"), instant(rs, "revoked_at"), rs.getString("revoked_reason")))
                .list();
    }

    public List<KeyInfo> trustedKeys() {
        return jdbc.sql("select * from identity_trusted_key order by region, added_at")
                .query((rs, n) -> new KeyInfo(rs.getString("kid"), rs.getString("region"),
                        rs.getString("public_key"), Status.TRUSTED, instant(rs, "added_at"), null, null, null))
                .list();
    }

    /** Trusts another region's public key (mutual recognition). */
    @Transactional
    public void trust(String kid, String keyRegion, String x, String by) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(x);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("x", "healthcode.key-encoding");
        }
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw ProblemException.invalid("x", "healthcode.key-encoding");
        }
        if (org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(raw, 0) == null) {
            throw ProblemException.invalid("x", "healthcode.key-encoding");
        }
        if (verificationKey(kid).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "key-exists", "problem.key-exists", kid);
        }
        jdbc.sql("""
                insert into identity_trusted_key (kid, region, public_key, added_at, added_by)
                values (:kid, :region, :x, :now, :by)""")
                .param("kid", kid).param("region", keyRegion).param("x", B64.encodeToString(raw))
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC)).param("by", by).update();
    }

    @Transactional
    public void distrust(String kid) {
        if (jdbc.sql("delete from identity_trusted_key where kid = :kid").param("kid", kid).update() == 0) {
            throw ProblemException.notFound("trusted key", kid);
        }
        materials.remove(kid);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
