package org.huimin.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.identity.IncomingPerson;
import org.huimin.identity.NewResident;
import org.huimin.identity.Resolution;
import org.huimin.identity.ResidentStatus;
import org.huimin.identity.ResidentSummary;
import org.huimin.identity.Residents;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcResidents implements Residents {

    private final ResidentRecords records;
    private final JdbcTemplate template;
    private final PersonalDataCipher cipher;
    private final Empi empi;

    JdbcResidents(ResidentRecords records, JdbcTemplate template, PersonalDataCipher cipher, Empi empi) {
        this.records = records;
        this.template = template;
        this.cipher = cipher;
        this.empi = empi;
    }

    @Override
    @Transactional
    public List<UUID> register(List<NewResident> residents) {
        List<UUID> ids = new ArrayList<>(residents.size());
        List<Object[]> rows = new ArrayList<>(residents.size());
        var now = ResidentRecords.utc(Instant.now());
        for (NewResident r : residents) {
            if (records.idByIdNumber(r.idNumber().value()).isPresent()) {
                throw new ProblemException(HttpStatus.CONFLICT, "resident-exists", "problem.resident-exists");
            }
            UUID id = UUID.randomUUID();
            ids.add(id);
            String phone = ResidentRecords.blankToNull(r.phone());
            rows.add(new Object[] {id, cipher.encrypt(r.idNumber().value()), cipher.blindIndex(r.idNumber().value()),
                    r.name().strip(), r.idNumber().sex().name(), r.idNumber().birthDate(), cipher.encrypt(phone),
                    cipher.blindIndex(phone), r.divisionCode(), r.address(), ResidentStatus.ACTIVE.name(), now, now});
        }
        template.batchUpdate("""
                insert into identity_resident (id, id_number_enc, id_number_idx, name, sex, birth_date, phone_enc,
                    phone_idx, division_code, address, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return ids;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResidentSummary> find(UUID id) {
        return records.byId(id).map(JdbcResidents::summary);
    }

    static ResidentSummary summary(ResidentRow r) {
        return new ResidentSummary(r.id(), r.name(), r.sex(), r.birthDate(), r.idNumberMasked(), r.phoneMasked(),
                r.divisionCode(), r.address(), r.status(), r.mergedInto());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> findByIdNumber(ResidentIdNumber idNumber) {
        return records.idByIdNumber(idNumber.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> effectiveId(UUID id) {
        return records.effective(id).map(ResidentRow::id);
    }

    @Override
    public Resolution resolve(IncomingPerson person) {
        return empi.resolve(person);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return records.count();
    }
}
