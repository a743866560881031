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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcResidents implements Residents {

    private final ResidentRecords records;
    private final Empi empi;
    private final PatientIndex index;
    private final String cinSystem;

    JdbcResidents(ResidentRecords records, Empi empi, PatientIndex index,
            @org.springframework.beans.factory.annotation.Value("${huimin.fhir.cin-system}") String cinSystem) {
        this.records = records;
        this.empi = empi;
        this.index = index;
        this.cinSystem = cinSystem;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> findByIdentifier(String system, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return index.byIdentifier(system, value, cinSystem).map(PatientIndex.Patient::id);
    }

    @Override
    @Transactional
    public List<UUID> register(List<NewResident> residents) {
        List<ResidentRecords.Insert> rows = new ArrayList<>(residents.size());
        for (NewResident r : residents) {
            if (records.idByIdNumber(r.idNumber().value()).isPresent()) {
                throw new ProblemException(HttpStatus.CONFLICT, "resident-exists", "problem.resident-exists");
            }
            rows.add(new ResidentRecords.Insert(UUID.randomUUID(), r.idNumber().value(), r.name(), r.idNumber().sex(),
                    r.idNumber().birthDate(), r.phone(), r.divisionCode(), r.address(), ResidentStatus.ACTIVE));
        }
        records.insertAll(rows, Instant.now());
        return rows.stream().map(ResidentRecords.Insert::id).toList();
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
