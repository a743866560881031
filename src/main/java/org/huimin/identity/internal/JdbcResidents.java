package org.huimin.identity.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.identity.NewResident;
import org.huimin.identity.ResidentSummary;
import org.huimin.identity.Residents;
import org.huimin.shared.Masking;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.Sex;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcResidents implements Residents {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PersonalDataCipher cipher;

    JdbcResidents(JdbcClient jdbc, JdbcTemplate template, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.cipher = cipher;
    }

    @Override
    @Transactional
    public List<UUID> register(List<NewResident> residents) {
        List<UUID> ids = new ArrayList<>(residents.size());
        List<Object[]> rows = new ArrayList<>(residents.size());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (NewResident r : residents) {
            String idx = cipher.blindIndex(r.idNumber().value());
            if (jdbc.sql("select count(*) from identity_resident where id_number_idx = :idx").param("idx", idx)
                    .query(Long.class).single() > 0) {
                throw new ProblemException(HttpStatus.CONFLICT, "resident-exists", "problem.resident-exists");
            }
            UUID id = UUID.randomUUID();
            ids.add(id);
            String phone = r.phone() == null || r.phone().isBlank() ? null : r.phone().strip();
            rows.add(new Object[] {id, cipher.encrypt(r.idNumber().value()), idx, r.name().strip(),
                    r.idNumber().sex().name(), r.idNumber().birthDate(), cipher.encrypt(phone),
                    cipher.blindIndex(phone), r.divisionCode(), r.address(), now});
        }
        template.batchUpdate("""
                insert into identity_resident (id, id_number_enc, id_number_idx, name, sex, birth_date, phone_enc,
                    phone_idx, division_code, address, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return ids;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResidentSummary> find(UUID id) {
        return jdbc.sql("select * from identity_resident where id = :id").param("id", id)
                .query((rs, n) -> new ResidentSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", java.time.LocalDate.class),
                        Masking.idNumber(cipher.decrypt(rs.getString("id_number_enc"))),
                        Masking.phone(cipher.decrypt(rs.getString("phone_enc"))), rs.getString("division_code"),
                        rs.getString("address")))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> findByIdNumber(ResidentIdNumber idNumber) {
        return jdbc.sql("select id from identity_resident where id_number_idx = :idx")
                .param("idx", cipher.blindIndex(idNumber.value())).query(UUID.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from identity_resident").query(Long.class).single();
    }
}
