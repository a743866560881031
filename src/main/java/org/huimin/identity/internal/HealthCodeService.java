package org.huimin.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.CodeLinkKind;
import org.huimin.identity.HealthCodeScanned;
import org.huimin.identity.HealthCodes;
import org.huimin.identity.ResidentStatus;
import org.huimin.identity.Scene;
import org.huimin.identity.code.HealthCodeProperties;
import org.huimin.identity.code.HealthCodeToken;
import org.huimin.identity.code.HealthCodeToken.CodeType;
import org.huimin.identity.code.KeyRing;
import org.huimin.identity.code.TokenVerifier;
import org.huimin.identity.code.TokenVerifier.Refusal;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and verifies electronic health codes. Verification checks, in order: form, key (known, not revoked),
 * Ed25519 signature, issuing region, issue time, expiry, resident, static-code currency and PIN, replay policy; each
 * refusal has its own problem type and is written to the scan log as well as every acceptance.
 */
@Service
public class HealthCodeService implements HealthCodes {

    private final KeyRing keys;
    private final ResidentRecords residents;
    private final CodeLinks links;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final HealthCodeProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final boolean asyncScanCommit;

    HealthCodeService(KeyRing keys, ResidentRecords residents, CodeLinks links, JdbcClient jdbc,
            PasswordEncoder passwords, ApplicationEventPublisher events, TransactionTemplate transactions,
            AuditLog audit, HealthCodeProperties properties, Clock clock, javax.sql.DataSource dataSource) {
        this.keys = keys;
        this.residents = residents;
        this.links = links;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.transactions = transactions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.asyncScanCommit = properties.asyncScanCommit() && org.huimin.shared.Databases.isPostgres(dataSource);
    }

    /** A freshly signed code with its QR image. */
    public record Issued(UUID residentId, String token, Instant expiresAt, long refreshSeconds, String qrPng,
            String issuer, String kid, String maskedName, String maskedIdNumber) {
    }

    /** A dynamic code for the resident (or the survivor a merged entry answers to). */
    public Issued issue(UUID residentId) {
        ResidentRow r = residents.effective(residentId).orElseThrow(() -> ProblemException.notFound("resident",
                residentId));
        Instant now = clock.instant();
        HealthCodeToken token = sign(r.id(), CodeType.DYNAMIC, now, now.plus(properties.refresh()),
                random.nextLong());
        return issued(r, token);
    }

    /** A printable static code used with a PIN; reissuing revokes the previous one. */
    public Issued issueStatic(UUID residentId, String pin) {
        if (pin == null || !pin.matches("\\d{6}")) {
            throw ProblemException.invalid("pin", "healthcode.pin-format");
        }
        if (pin.chars().distinct().count() == 1 || "0123456789".contains(pin) || "9876543210".contains(pin)) {
            throw ProblemException.invalid("pin", "healthcode.pin-weak");
        }
        ResidentRow r = residents.effective(residentId).orElseThrow(() -> ProblemException.notFound("resident",
                residentId));
        Instant now = clock.instant();
        HealthCodeToken token = sign(r.id(), CodeType.STATIC, now, now.plus(properties.staticValidity()),
                random.nextLong());
        String hash = passwords.encode(pin);
        transactions.executeWithoutResult(tx -> {
            residents.setStaticCode(r.id(), token.tokenIdText(), hash, now);
            audit.record(AuditEvent.byCurrentActor("HEALTH_CODE_STATIC_ISSUE", "Patient", r.id().toString(),
                    Outcome.SUCCESS).withPurpose("IDENTITY"));
        });
        return issued(r, token);
    }

    private Issued issued(ResidentRow r, HealthCodeToken token) {
        String text = token.withSignature(signature(token));
        return new Issued(r.id(), text, token.expiresAt(), properties.refresh().toSeconds(),
                QrCodes.pngDataUrl(text), keys.region(), token.kid(), r.nameMasked(), r.idNumberMasked());
    }

    HealthCodeToken sign(UUID residentId, CodeType type, Instant from, Instant until, long tokenId) {
        var key = keys.signingKey();
        return new HealthCodeToken(key.kid(), type, key.region(), residentId, from, until, tokenId);
    }

    private byte[] signature(HealthCodeToken token) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, keys.signingKey().key());
        byte[] input = token.signingInput().getBytes(StandardCharsets.US_ASCII);
        signer.update(input, 0, input.length);
        return signer.generateSignature();
    }

    /** An accepted code: who it is (masked), the kind of code and the references fused into it. */
    public record Verified(boolean valid, UUID scanId, UUID residentId, String maskedName, String maskedIdNumber,
            String sex, Integer age, CodeType codeType, String issuer, String kid, Instant expiresAt,
            boolean foreignRegion, List<CodeLinks.Link> links) {
    }

    /**
     * One verification attempt: the token (null when unreadable), where and by whom it is scanned, and the scan line
     * already written for it ({@code written}, on the PostgreSQL fast path) or null when none is written yet.
     */
    private record Attempt(HealthCodeToken token, Scene scene, String terminalId, Actor actor, Instant now,
            UUID written) {
    }

    public Verified verify(String text, Scene scene, String pin, String terminalId) {
        Actor actor = CurrentActor.get();
        Instant now = clock.instant();
        TokenVerifier.Outcome outcome = TokenVerifier.verify(text, keys::material, now, properties.clockSkew());
        HealthCodeToken t = outcome.token();
        if (!outcome.authentic()) {
            throw refuse(null, new Attempt(t, scene, terminalId, actor, now, null), outcome.refusal(),
                    outcome.reason());
        }
        // the signature is good: confirm the key's current status and read the resident in one round trip. On
        // PostgreSQL an ordinary scan of a current dynamic code (the common case) is written in that same statement
        // and corrected below if the code is refused after all.
        boolean fast = asyncScanCommit && outcome.accepted() && t.type() == CodeType.DYNAMIC
                && !properties.singleUseScenes().contains(scene);
        Attempt attempt = new Attempt(t, scene, terminalId, actor, now, fast ? UUID.randomUUID() : null);
        ResidentRecords.ScanContext context = fast
                ? residents.scanContextWritingScan(t.kid(), t.tokenIdText(), t.residentId(),
                        new ResidentRecords.ScanLine(attempt.written(), t.type().name(), scene.name(),
                                actor.organizationId(), terminalId, actor.username(), now))
                : residents.scanContext(t.kid(), t.tokenIdText(), t.residentId());
        String material = KeyRing.encoded(outcome.key());
        boolean own = context.ownKey() != null && context.ownKey().equals(material);
        boolean foreign = !own && context.trustedKey() != null && context.trustedKey().equals(material);
        UUID ref = own ? t.residentId() : null;
        if (!own && !foreign) {
            throw refuse(null, attempt, Refusal.INVALID, "unknown key");
        }
        if (own && "REVOKED".equals(context.ownKeyStatus())) {
            throw refuse(ref, attempt, Refusal.REVOKED, "signing key revoked");
        }
        if (!outcome.accepted()) {
            // a scan of an authentic code is logged against its resident; a forged one against nobody
            throw refuse(ref, attempt, outcome.refusal(), outcome.reason());
        }
        if (foreign) {
            // another region's resident: authentic and current; their identity stays with their region
            UUID scanId = accept(null, attempt);
            return new Verified(true, scanId, t.residentId(), null, null, null, null, t.type(),
                    Integer.toString(t.region()), t.kid(), t.expiresAt(), true, List.of());
        }
        ResidentRow r = context.resident();
        List<CodeLinks.Link> linked = context.links().stream().map(CodeLinks::parse).toList();
        if (r != null && r.mergedInto() != null) {
            r = residents.effective(r.id()).orElse(null);
            linked = r == null ? List.of() : links.of(r.id());
        }
        if (r == null) {
            throw refuse(null, attempt, Refusal.INVALID, "unknown resident");
        }
        if (t.type() == CodeType.STATIC) {
            checkStatic(r, pin, attempt);
        } else if (properties.maxScansPerToken() > 0 && context.uses() >= properties.maxScansPerToken()) {
            throw refuse(r.id(), attempt, Refusal.REPLAYED, "used " + properties.maxScansPerToken() + " times");
        }
        UUID scanId = accept(r.id(), attempt);
        return new Verified(true, scanId, r.id(), r.nameMasked(), r.idNumberMasked(), r.sex().name(), r.age(now),
                t.type(), Integer.toString(t.region()), t.kid(), t.expiresAt(), false, linked);
    }

    private void checkStatic(ResidentRow r, String pin, Attempt attempt) {
        HealthCodeToken t = attempt.token();
        Instant now = attempt.now();
        if (r.status() == ResidentStatus.MERGED || !t.tokenIdText().equals(r.staticCodeId())
                || !t.residentId().equals(r.id())) {
            throw refuse(r.id(), attempt, Refusal.REVOKED, "static code reissued");
        }
        if (pin == null || pin.isBlank()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, Refusal.PIN_REQUIRED.type(),
                    "problem.pin-required");
        }
        // count wrong PINs under a row lock, in a transaction of its own, so a lockout is never rolled back
        Refusal refusal = transactions.execute(tx -> {
            ResidentRow locked = residents.lock(r.id()).orElseThrow();
            if (locked.pinLockedUntil() != null && locked.pinLockedUntil().isAfter(now)) {
                return Refusal.PIN_LOCKED;
            }
            if (passwords.matches(pin, locked.staticPinHash())) {
                if (locked.pinFailures() > 0) {
                    residents.setPinFailures(r.id(), 0, null);
                }
                return null;
            }
            int failures = locked.pinFailures() + 1;
            boolean lock = failures >= properties.pinMaxFailures();
            residents.setPinFailures(r.id(), lock ? 0 : failures, lock ? now.plus(properties.pinLock()) : null);
            return lock ? Refusal.PIN_LOCKED : Refusal.INVALID_PIN;
        });
        if (refusal != null) {
            throw refuse(r.id(), attempt, refusal, "wrong PIN");
        }
    }

    private UUID accept(UUID residentId, Attempt attempt) {
        HealthCodeToken t = attempt.token();
        if (attempt.written() != null) {
            // written with the token's resident; a merged entry's scan belongs to the survivor, a foreign one to nobody
            if (!Objects.equals(residentId, t.residentId())) {
                correctScan(attempt.written(), residentId, "ACCEPTED", null);
            }
            // an empty transaction costs no round trip; it lets transactional listeners receive the event
            transactions.executeWithoutResult(tx -> published(attempt.written(), residentId, attempt));
            return attempt.written();
        }
        UUID id = UUID.randomUUID();
        String useKey = properties.singleUseScenes().contains(attempt.scene()) && t.type() == CodeType.DYNAMIC
                ? t.kid() + ":" + t.tokenIdText() + ":" + attempt.scene() : null;
        try {
            transactions.executeWithoutResult(tx -> {
                if (useKey == null && asyncScanCommit) {
                    // an ordinary scan is an access-log line: PostgreSQL may acknowledge it before its WAL reaches
                    // the disk (a crash of the database server can lose the last fraction of a second of such lines,
                    // never corrupt anything). Single-use scenes (payment) keep full durability for replay defence.
                    jdbc.sql("set local synchronous_commit to off").update();
                }
                insertScan(id, residentId, attempt, "ACCEPTED", null, useKey);
                published(id, residentId, attempt);
            });
        } catch (DuplicateKeyException e) {
            throw refuse(residentId, attempt, Refusal.REPLAYED, "already used for " + attempt.scene());
        }
        return id;
    }

    private void published(UUID scanId, UUID residentId, Attempt attempt) {
        if (residentId != null) {
            events.publishEvent(new HealthCodeScanned(scanId, residentId, attempt.scene(),
                    attempt.actor().organizationId(), attempt.terminalId(), attempt.actor().username(),
                    attempt.now()));
        }
    }

    private ProblemException refuse(UUID residentId, Attempt attempt, Refusal refusal, String reason) {
        if (attempt.written() != null) {
            correctScan(attempt.written(), residentId, "REFUSED", refusal.name());
        } else {
            insertScan(UUID.randomUUID(), residentId, attempt, "REFUSED", refusal.name(), null);
        }
        HttpStatus status = refusal == Refusal.PIN_LOCKED ? HttpStatus.LOCKED : HttpStatus.UNPROCESSABLE_CONTENT;
        return new ProblemException(status, refusal.type(), "problem." + refusal.type(), List.of(),
                Map.of("reason", reason), reason);
    }

    private void correctScan(UUID id, UUID residentId, String outcome, String reason) {
        jdbc.sql("update identity_code_scan set resident_id = :r, outcome = :outcome, reason = :reason where id = :id")
                .param("r", residentId).param("outcome", outcome).param("reason", reason).param("id", id).update();
    }

    private void insertScan(UUID id, UUID residentId, Attempt attempt, String outcome, String reason,
            String useKey) {
        HealthCodeToken t = attempt.token();
        Actor actor = attempt.actor();
        jdbc.sql("""
                insert into identity_code_scan (id, resident_id, token_id, code_type, scene, organization_id,
                    terminal_id, actor, outcome, reason, scanned_at, use_key)
                values (:id, :r, :t, :type, :scene, :org, :terminal, :actor, :outcome, :reason, :now, :use)""")
                .param("id", id).param("r", residentId).param("t", t == null ? null : t.tokenIdText())
                .param("type", t == null ? null : t.type().name()).param("scene", attempt.scene().name())
                .param("org", actor.organizationId()).param("terminal", attempt.terminalId())
                .param("actor", actor.username()).param("outcome", outcome).param("reason", reason)
                .param("now", ResidentRecords.utc(attempt.now())).param("use", useKey).update();
    }

    @Override
    public Scan scan(String token, Scene scene, String pin, String terminalId) {
        Verified v = verify(token, scene, pin, terminalId);
        return new Scan(v.scanId(), v.residentId(), v.maskedName(), v.foreignRegion());
    }

    @Override
    public Optional<String> linkedReference(UUID residentId, CodeLinkKind kind, String purpose) {
        return links.reference(residentId, kind, purpose);
    }
}
