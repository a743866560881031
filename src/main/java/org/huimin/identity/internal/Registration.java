package org.huimin.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huimin.account.AccountManagement;
import org.huimin.account.AccountSummary;
import org.huimin.account.LoginAliases;
import org.huimin.account.NewAccount;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ResidentStatus;
import org.huimin.notification.Channel;
import org.huimin.notification.Notifications;
import org.huimin.notification.Notify;
import org.huimin.shared.Masking;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.huimin.shared.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Real-name registration (实名注册): a resident gives ID number, name, phone and password; the account stays disabled
 * until the phone is confirmed with a one-time code sent by SMS. Staff at a window register residents without a
 * smartphone directly. A registration never confirmed may be restarted with the same ID number once its hold has
 * passed, so nobody can squat someone else's ID number.
 */
@Service
public class Registration implements LoginAliases {

    private static final int CODE_MINUTES = 10;
    private static final int MAX_ATTEMPTS = 5;
    private static final int MAX_SENDS = 5;
    private static final Duration RESEND_AFTER = Duration.ofSeconds(60);

    private final ResidentRecords residents;
    private final AccountManagement accounts;
    private final Notifications notifications;
    private final PasswordEncoder passwords;
    private final PersonalDataCipher cipher;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration pendingHold;
    private final SecureRandom random = new SecureRandom();

    Registration(ResidentRecords residents, AccountManagement accounts, Notifications notifications,
            PasswordEncoder passwords, PersonalDataCipher cipher, JdbcClient jdbc, AuditLog audit, Clock clock,
            @Value("${huimin.identity.registration.pending-hold:PT24H}") Duration pendingHold) {
        this.residents = residents;
        this.accounts = accounts;
        this.notifications = notifications;
        this.passwords = passwords;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.pendingHold = pendingHold;
    }

    public record Pending(UUID residentId, String status, String phoneMasked, Instant codeExpiresAt) {
    }

    /** Validates the fields all at once, so the form shows every problem in one round trip. */
    static ResidentIdNumber validate(String idNumber, String name, String phone, String password,
            boolean phoneRequired) {
        List<ProblemException.FieldProblem> errors = new java.util.ArrayList<>();
        ResidentIdNumber.Defect defect = ResidentIdNumber.check(idNumber);
        if (defect != null) {
            errors.add(new ProblemException.FieldProblem("idNumber",
                    "idnumber." + defect.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        if (name == null || name.isBlank()) {
            errors.add(new ProblemException.FieldProblem("name", "validation.required"));
        } else if (!name.strip().matches("[\\p{IsHan}A-Za-z·• .-]{1,40}")) {
            errors.add(new ProblemException.FieldProblem("name", "identity.name"));
        }
        if (phone == null || phone.isBlank()) {
            if (phoneRequired) {
                errors.add(new ProblemException.FieldProblem("phone", "validation.required"));
            }
        } else if (!phone.strip().matches("1[3-9]\\d{9}")) {
            errors.add(new ProblemException.FieldProblem("phone", "account.phone"));
        }
        if (password != null && !password.matches("(?=.*[A-Za-z])(?=.*\\d).{10,128}")) {
            errors.add(new ProblemException.FieldProblem("password", "account.password"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors, Map.of());
        }
        return ResidentIdNumber.parse(idNumber).orElseThrow();
    }

    /** Self-registration: indexes the resident (or finds them), opens a disabled account and sends the code. */
    @Transactional
    public Pending register(String idNumber, String name, String phone, String password, Locale locale) {
        if (password == null) {
            throw ProblemException.invalid("password", "validation.required");
        }
        ResidentIdNumber id = validate(idNumber, name, phone, password, true);
        Instant now = clock.instant();
        String cleanName = name.strip();
        String cleanPhone = phone.strip();
        Optional<UUID> known = residents.idByIdNumber(id.value());
        UUID residentId;
        UUID accountId;
        if (known.isPresent()) {
            residentId = known.get();
            ResidentRow row = residents.lock(residentId).orElseThrow();
            Optional<AccountSummary> account = accounts.findByResident(residentId);
            Optional<Map<String, Object>> pending = registrationRow(residentId);
            boolean restartable = account.isPresent() && !account.get().enabled() && pending.isPresent()
                    && pending.get().get("confirmed_at") == null
                    && now.minus(pendingHold).isAfter(ResidentRecords.instant(pending.get().get("created_at")));
            if ((account.isPresent() && !restartable) || !row.name().equals(cleanName)) {
                throw new ProblemException(HttpStatus.CONFLICT, "resident-exists", "problem.resident-exists");
            }
            if (restartable) {
                accountId = account.get().id();
                accounts.resetCredentials(accountId, password, cleanPhone);
                jdbc.sql("delete from identity_registration where resident_id = :r").param("r", residentId).update();
            } else {
                accountId = openAccount(residentId, cleanName, password, cleanPhone, false);
            }
        } else {
            residentId = UUID.randomUUID();
            residents.insert(new ResidentRecords.Insert(residentId, id.value(), cleanName, id.sex(), id.birthDate(),
                    cleanPhone, id.addressCode(), null, ResidentStatus.ACTIVE), now);
            accountId = openAccount(residentId, cleanName, password, cleanPhone, false);
        }
        String code = code();
        Instant expires = now.plus(Duration.ofMinutes(CODE_MINUTES));
        jdbc.sql("""
                insert into identity_registration (resident_id, account_id, phone_enc, code_hash, code_expires_at,
                    attempts, sends, last_sent_at, created_at) values (:r, :a, :p, :h, :exp, 0, 1, :now, :now)""")
                .param("r", residentId).param("a", accountId).param("p", cipher.encrypt(cleanPhone))
                .param("h", passwords.encode(code)).param("exp", ResidentRecords.utc(expires))
                .param("now", ResidentRecords.utc(now)).update();
        send(accountId, cleanPhone, code, locale);
        audit.record(new AuditEvent("anonymous", null, null, null, "IDENTITY", "RESIDENT_REGISTER", "Patient",
                residentId.toString(), Outcome.SUCCESS, null, "pending phone confirmation"));
        return new Pending(residentId, "PENDING_PHONE", Masking.phone(cleanPhone), expires);
    }

    private UUID openAccount(UUID residentId, String name, String password, String phone, boolean enabled) {
        return accounts.open(new NewAccount(username(), password, name, Set.of(Role.RESIDENT), null, null, residentId,
                phone, enabled));
    }

    /** Residents log in by phone or ID number; the username is a random handle that reveals nothing. */
    private String username() {
        return "r-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
    }

    private String code() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    private void send(UUID accountId, String phone, String code, Locale locale) {
        notifications.send(new Notify(accountId, phone, "one-time-code",
                Map.of("code", code, "minutes", Integer.toString(CODE_MINUTES)), Set.of(Channel.SMS), locale));
    }

    private Optional<Map<String, Object>> registrationRow(UUID residentId) {
        return jdbc.sql("select * from identity_registration where resident_id = :r for update")
                .param("r", residentId).query().listOfRows().stream().findFirst();
    }

    /** Confirms the phone with the code; enables the account. Wrong codes count; five end the code. */
    @Transactional(noRollbackFor = ProblemException.class)
    public void confirm(UUID residentId, String code) {
        Map<String, Object> row = registrationRow(residentId)
                .orElseThrow(() -> ProblemException.notFound("registration", residentId));
        if (row.get("confirmed_at") != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "registration-confirmed", "problem.registration-confirmed");
        }
        int attempts = ((Number) row.get("attempts")).intValue();
        if (attempts >= MAX_ATTEMPTS) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "code-attempts", "problem.code-attempts");
        }
        Instant now = clock.instant();
        if (ResidentRecords.instant(row.get("code_expires_at")).isBefore(now)) {
            throw ProblemException.invalid("code", "identity.code-expired");
        }
        if (code == null || !code.strip().matches("\\d{6}")
                || !passwords.matches(code.strip(), (String) row.get("code_hash"))) {
            jdbc.sql("update identity_registration set attempts = attempts + 1 where resident_id = :r")
                    .param("r", residentId).update();
            throw ProblemException.invalid("code", "identity.code-wrong");
        }
        jdbc.sql("update identity_registration set confirmed_at = :now where resident_id = :r")
                .param("now", ResidentRecords.utc(now)).param("r", residentId).update();
        UUID accountId = (UUID) row.get("account_id");
        accounts.setEnabled(accountId, true);
        audit.record(new AuditEvent("anonymous", null, null, null, "IDENTITY", "RESIDENT_PHONE_CONFIRM", "Patient",
                residentId.toString(), Outcome.SUCCESS, null, null));
    }

    /** Sends a new code, at most once a minute and five times per registration. */
    @Transactional
    public Instant resend(UUID residentId, Locale locale) {
        Map<String, Object> row = registrationRow(residentId)
                .orElseThrow(() -> ProblemException.notFound("registration", residentId));
        if (row.get("confirmed_at") != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "registration-confirmed", "problem.registration-confirmed");
        }
        Instant now = clock.instant();
        Instant last = ResidentRecords.instant(row.get("last_sent_at"));
        int sends = ((Number) row.get("sends")).intValue();
        if (sends >= MAX_SENDS || last.plus(RESEND_AFTER).isAfter(now)) {
            long wait = Math.max(1, Duration.between(now, last.plus(RESEND_AFTER)).toSeconds());
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "problem.rate-limited",
                    List.of(), Map.of("retryAfter", wait), wait);
        }
        String code = code();
        Instant expires = now.plus(Duration.ofMinutes(CODE_MINUTES));
        jdbc.sql("""
                update identity_registration set code_hash = :h, code_expires_at = :exp, attempts = 0,
                    sends = sends + 1, last_sent_at = :now where resident_id = :r""")
                .param("h", passwords.encode(code)).param("exp", ResidentRecords.utc(expires))
                .param("now", ResidentRecords.utc(now)).param("r", residentId).update();
        send((UUID) row.get("account_id"), cipher.decrypt((String) row.get("phone_enc")), code, locale);
        return expires;
    }

    /** Window registration: staff have seen the ID card, so the resident is ACTIVE and the account enabled. */
    @Transactional
    public UUID registerAtWindow(String idNumber, String name, String phone, String address, String password) {
        ResidentIdNumber id = validate(idNumber, name, phone, password, false);
        if (residents.idByIdNumber(id.value()).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "resident-exists", "problem.resident-exists");
        }
        UUID residentId = UUID.randomUUID();
        residents.insert(new ResidentRecords.Insert(residentId, id.value(), name.strip(), id.sex(), id.birthDate(),
                ResidentRecords.blankToNull(phone), id.addressCode(), ResidentRecords.blankToNull(address),
                ResidentStatus.ACTIVE), clock.instant());
        if (password != null) {
            openAccount(residentId, name.strip(), password, ResidentRecords.blankToNull(phone), true);
        }
        audit.record(AuditEvent.byCurrentActor("RESIDENT_REGISTER_WINDOW", "Patient", residentId.toString(),
                Outcome.SUCCESS).withPurpose("IDENTITY").withDetail(password != null ? "with account" : null));
        return residentId;
    }

    @Override
    public Optional<UUID> residentByIdNumber(String idNumber) {
        return residents.idByIdNumber(idNumber);
    }
}
