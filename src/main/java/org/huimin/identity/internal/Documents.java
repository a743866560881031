package org.huimin.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.identity.DocumentType;
import org.huimin.identity.IncomingPerson.Document;
import org.huimin.shared.Masking;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Supplementary identity documents, encrypted with a blind index per (type, issuer). */
@Repository
class Documents {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Documents(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A document as screens show it. */
    record Masked(DocumentType type, String issuer, String valueMasked) {
    }

    Optional<UUID> owner(Document d) {
        return jdbc.sql("select resident_id from identity_document where type = :t and issuer = :i and value_idx = :v")
                .param("t", d.type().name()).param("i", d.issuer()).param("v", cipher.blindIndex(d.value()))
                .query(UUID.class).optional();
    }

    /** Attaches the document unless the resident already holds it. */
    void attach(UUID residentId, Document d, Instant now) {
        Optional<UUID> owner = owner(d);
        if (owner.isPresent()) {
            return;
        }
        jdbc.sql("""
                insert into identity_document (id, resident_id, type, issuer, value_enc, value_idx, value_masked,
                    created_at) values (:id, :r, :t, :i, :enc, :idx, :masked, :now)""")
                .param("id", UUID.randomUUID()).param("r", residentId).param("t", d.type().name())
                .param("i", d.issuer()).param("enc", cipher.encrypt(d.value()))
                .param("idx", cipher.blindIndex(d.value())).param("masked", Masking.idNumber(d.value()))
                .param("now", ResidentRecords.utc(now)).update();
    }

    List<Masked> of(UUID residentId) {
        return jdbc.sql("select type, issuer, value_masked from identity_document where resident_id = :r order by type")
                .param("r", residentId)
                .query((rs, n) -> new Masked(DocumentType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list();
    }
}
