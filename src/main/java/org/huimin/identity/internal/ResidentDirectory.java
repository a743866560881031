package org.huimin.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.huimin.account.AccountManagement;
import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.ResidentStatus;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Resident lookups for screens: the resident's own profile and the staff search, identifiers masked, audited. */
@Service
public class ResidentDirectory {

    private final ResidentRecords records;
    private final AccountManagement accounts;
    private final AuditLog audit;
    private final Clock clock;

    ResidentDirectory(ResidentRecords records, AccountManagement accounts, AuditLog audit, Clock clock) {
        this.records = records;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public record Profile(UUID residentId, String name, String sex, LocalDate birthDate, int age,
            String idNumberMasked, String phoneMasked, String address, boolean verified,
            java.time.Instant staticCodeIssuedAt) {
    }

    public record Listed(UUID residentId, String name, String sex, LocalDate birthDate, int age, String idNumberMasked,
            String phoneMasked, String address, ResidentStatus status, boolean hasAccount) {
    }

    @Transactional(readOnly = true)
    public Profile profile(UUID residentId) {
        ResidentRow r = records.effective(residentId)
                .orElseThrow(() -> ProblemException.notFound("resident", residentId));
        return new Profile(r.id(), r.name(), r.sex().name(), r.birthDate(), r.age(clock.instant()),
                r.idNumberMasked(), r.phoneMasked(), r.address(), r.status() == ResidentStatus.ACTIVE,
                r.staticCodeIssuedAt());
    }

    @Transactional
    public PageResult<Listed> search(String q, PageRequest page) {
        List<Listed> items = records.search(q, page).stream()
                .map(r -> new Listed(r.id(), r.name(), r.sex().name(), r.birthDate(), r.age(clock.instant()),
                        r.idNumberMasked(), r.phoneMasked(), r.address(), r.status(),
                        accounts.findByResident(r.id()).isPresent()))
                .toList();
        audit.record(AuditEvent.byCurrentActor("RESIDENT_SEARCH", "Patient", null, Outcome.SUCCESS)
                .withPurpose("IDENTITY").withDetail(items.size() + " residents"));
        return new PageResult<>(items, records.count(q), page.page(), page.size());
    }
}
