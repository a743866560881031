package org.huimin.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.huimin.account.LoginAliases;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.notification.Channel;
import org.huimin.notification.Notifications;
import org.huimin.notification.Notify;
import org.huimin.shared.Masking;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password login: per-account lockout, audit of every attempt, token issue. Failure states are committed in their
 * own short transaction, never rolled back with an exception, so that a locked account stays locked.
 */
@Service
public class LoginService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final LockoutPolicy lockout;
    private final AuditLog audit;
    private final Notifications notifications;
    private final PersonalDataCipher cipher;
    private final TransactionTemplate transactions;
    private final ObjectProvider<LoginAliases> aliases;
    private final Clock clock = Clock.systemUTC();
    /** Compared against when the username is unknown, so that both paths cost one hash check. */
    private final String decoyHash;

    LoginService(Accounts accounts, PasswordEncoder passwords, TokenService tokens, LockoutPolicy lockout,
            AuditLog audit, Notifications notifications, PersonalDataCipher cipher, TransactionTemplate transactions,
            ObjectProvider<LoginAliases> aliases) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.lockout = lockout;
        this.audit = audit;
        this.notifications = notifications;
        this.cipher = cipher;
        this.transactions = transactions;
        this.aliases = aliases;
        this.decoyHash = passwords.encode("decoy-password-never-used");
    }

    /** How a login attempt ended. */
    public sealed interface Result {
        record Success(String token, long expiresIn, List<String> roles, String username, String displayName)
                implements Result {
        }
        record BadCredentials() implements Result {
        }
        record Locked(Instant until) implements Result {
        }
        record Disabled() implements Result {
        }
    }

    public Result login(String rawUsername, String password, String clientIp) {
        String username = rawUsername == null ? "" : rawUsername.strip();
        Instant now = clock.instant();
        var found = accounts.byUsername(username);
        if (found.isEmpty()) {
            found = byAlias(username);
        }
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            audit(loggable(username), null, "LOGIN", Outcome.FAILURE, clientIp, "unknown account");
            return new Result.BadCredentials();
        }
        AccountRecord account = found.get();
        String role = account.roles().isEmpty() ? null : account.roles().get(0);
        if (account.lockedAt(now)) {
            audit(account.username(), role, "LOGIN", Outcome.DENIED, clientIp, "account locked");
            return new Result.Locked(account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            // count under a row lock, in a short transaction of its own: parallel guesses must not slip past the
            // limit by overwriting each other, and the lock must not be held while auditing or notifying
            FailureOutcome outcome = transactions.execute(tx -> {
                Accounts.FailureState state = accounts.lockFailureState(account.id());
                if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
                    return new FailureOutcome(null, state.lockedUntil());
                }
                LockoutPolicy.Failure failure = lockout.afterFailure(state.attempts(), state.firstFailedAt(), now);
                accounts.recordFailure(account.id(), failure.attempts(), failure.firstFailedAt(),
                        failure.lockedUntil());
                return new FailureOutcome(failure, null);
            });
            if (outcome.alreadyLockedUntil() != null) {
                audit(account.username(), role, "LOGIN", Outcome.DENIED, clientIp, "account locked");
                return new Result.Locked(outcome.alreadyLockedUntil());
            }
            LockoutPolicy.Failure failure = outcome.failure();
            audit(account.username(), role, "LOGIN", Outcome.FAILURE, clientIp, "wrong password");
            if (failure.locks()) {
                audit(account.username(), role, "LOCKOUT", Outcome.SUCCESS, clientIp,
                        failure.attempts() + " failures; locked until " + failure.lockedUntil());
                notifyLocked(account, failure);
                return new Result.Locked(failure.lockedUntil());
            }
            return new Result.BadCredentials();
        }
        if (!account.enabled()) {
            audit(account.username(), role, "LOGIN", Outcome.DENIED, clientIp, "account disabled");
            return new Result.Disabled();
        }
        accounts.recordSuccess(account.id(), now);
        audit(account.username(), role, "LOGIN", Outcome.SUCCESS, clientIp, null);
        TokenService.Issued issued = tokens.issue(account);
        return new Result.Success(issued.token(), issued.expiresIn(), account.roles(), account.username(),
                account.displayName());
    }

    /** A resident may give their phone number or ID number instead of the username. */
    private java.util.Optional<AccountRecord> byAlias(String username) {
        if (username.matches("1\\d{10}")) {
            List<AccountRecord> byPhone = accounts.residentsByPhoneIndex(cipher.blindIndex(username));
            return byPhone.size() == 1 ? java.util.Optional.of(byPhone.get(0)) : java.util.Optional.empty();
        }
        LoginAliases resolver = aliases.getIfAvailable();
        if (resolver == null || username.length() < 15) {
            return java.util.Optional.empty();
        }
        return ResidentIdNumber.parse(username).flatMap(id -> resolver.residentByIdNumber(id.value()))
                .flatMap(accounts::byResident);
    }

    @Transactional
    public void logout(String username, String jti, Instant expiresAt, String clientIp) {
        tokens.revoke(jti, expiresAt);
        audit(username, null, "LOGOUT", Outcome.SUCCESS, clientIp, null);
    }

    private record FailureOutcome(LockoutPolicy.Failure failure, Instant alreadyLockedUntil) {
    }

    private void notifyLocked(AccountRecord account, LockoutPolicy.Failure failure) {
        Locale locale = Locale.forLanguageTag(account.locale());
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"))
                .format(failure.lockedUntil());
        notifications.send(new Notify(account.id(), cipher.decrypt(account.phoneEnc()), "account-locked",
                Map.of("username", account.username(), "attempts", Integer.toString(failure.attempts()),
                        "until", until),
                Set.of(Channel.IN_APP, Channel.SMS), locale));
    }

    private void audit(String actor, String role, String action, Outcome outcome, String clientIp, String detail) {
        audit.record(new AuditEvent(actor.isEmpty() ? "(blank)" : actor, role, null, null, "AUTHENTICATION", action,
                "Account", actor, outcome, clientIp, detail));
    }

    /** Usernames may be phone or ID numbers; a mistyped one must not land in the log in clear. */
    static String loggable(String username) {
        long digits = username.chars().filter(Character::isDigit).count();
        if (digits >= 7) {
            return username.length() >= 15 ? Masking.idNumber(username) : Masking.phone(username);
        }
        return username.length() > 64 ? username.substring(0, 64) : username;
    }
}
