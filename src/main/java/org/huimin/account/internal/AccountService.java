package org.huimin.account.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.account.AccountManagement;
import org.huimin.account.AccountSummary;
import org.huimin.account.NewAccount;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.shared.Masking;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.huimin.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService implements AccountManagement {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    AccountService(Accounts accounts, PasswordEncoder passwords, PersonalDataCipher cipher, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Override
    @Transactional
    public UUID open(NewAccount a) {
        String username = a.username().strip();
        if (accounts.byUsername(username).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "username-taken", "problem.username-taken", username);
        }
        UUID id = UUID.randomUUID();
        String phone = a.phone() == null || a.phone().isBlank() ? null : a.phone().strip();
        accounts.insert(new AccountRecord(id, username, passwords.encode(a.rawPassword()), a.displayName(), a.enabled(),
                a.organizationId(), a.practitionerId(), a.residentId(), cipher.encrypt(phone), "zh-CN", 0, null, null,
                null, a.roles().stream().map(Role::name).sorted().toList()), clock.instant(), cipher.blindIndex(phone));
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountSummary> find(UUID id) {
        return accounts.byId(id).map(this::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AccountSummary> findByResident(UUID residentId) {
        return accounts.byResident(residentId).map(this::summary);
    }

    @Override
    public Optional<UUID> accountIdOfResident(UUID residentId) {
        return accounts.idOfResident(residentId);
    }

    @Override
    @Transactional
    public void resetCredentials(UUID id, String rawPassword, String phone) {
        String p = phone == null || phone.isBlank() ? null : phone.strip();
        if (accounts.resetCredentials(id, passwords.encode(rawPassword), cipher.encrypt(p), cipher.blindIndex(p)) == 0) {
            throw ProblemException.notFound("account", id);
        }
    }

    @Override
    @Transactional
    public PageResult<AccountSummary> search(String query, PageRequest page) {
        List<AccountSummary> items = accounts.search(query, page).stream().map(this::summary).toList();
        // account lists hold names and (masked) phone numbers: personal data, so reading them is audited
        audit.record(AuditEvent.byCurrentActor("ACCOUNT_SEARCH", "Account", null, Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION").withDetail(items.size() + " accounts"));
        return new PageResult<>(items, accounts.count(query), page.page(), page.size());
    }

    @Override
    @Transactional
    public void unlock(UUID id) {
        if (accounts.unlock(id) == 0) {
            throw ProblemException.notFound("account", id);
        }
        audit.record(AuditEvent.byCurrentActor("ACCOUNT_UNLOCK", "Account", id.toString(), Outcome.SUCCESS)
                .withPurpose("ADMINISTRATION"));
    }

    @Override
    @Transactional
    public void setEnabled(UUID id, boolean enabled) {
        if (accounts.setEnabled(id, enabled) == 0) {
            throw ProblemException.notFound("account", id);
        }
        audit.record(AuditEvent.byCurrentActor(enabled ? "ACCOUNT_ENABLE" : "ACCOUNT_DISABLE", "Account",
                id.toString(), Outcome.SUCCESS).withPurpose("ADMINISTRATION"));
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    @Transactional
    void purgeExpiredRevocations() {
        accounts.purgeRevokedBefore(clock.instant());
    }

    private AccountSummary summary(AccountRecord a) {
        return new AccountSummary(a.id(), a.username(), a.displayName(), a.roles(), a.organizationId(),
                a.practitionerId(), a.residentId(), Masking.phone(cipher.decrypt(a.phoneEnc())), a.enabled(),
                a.lockedAt(clock.instant()), a.lockedAt(clock.instant()) ? a.lockedUntil() : null, a.lastLoginAt());
    }
}
