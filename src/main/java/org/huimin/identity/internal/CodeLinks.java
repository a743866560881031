package org.huimin.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.identity.CodeLinkKind;
import org.huimin.shared.Masking;
import org.huimin.shared.ProblemException;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Multi-code fusion (多码融合): the resident's medical-insurance e-voucher number and a payment account reference,
 * linked to the health code so that one scan serves registration, settlement and payment. References are encrypted;
 * screens see them masked; the full value is read only for settlement, and that read is audited.
 */
@Service
public class CodeLinks {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    CodeLinks(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record Link(CodeLinkKind kind, String referenceMasked, Instant linkedAt) {
    }

    /** A link from its compact form {@code KIND:masked} (the verification query aggregates links so). */
    static Link parse(String compact) {
        int colon = compact.indexOf(':');
        return new Link(CodeLinkKind.valueOf(compact.substring(0, colon)), compact.substring(colon + 1), null);
    }

    public List<Link> of(UUID residentId) {
        return jdbc.sql("""
                select kind, reference_masked, linked_at from identity_code_link where resident_id = :r order by kind""")
                .param("r", residentId).query((rs, n) -> new Link(CodeLinkKind.valueOf(rs.getString(1)),
                        rs.getString(2), ResidentRecords.instant(rs, "linked_at")))
                .list();
    }

    @Transactional
    public Link link(UUID residentId, CodeLinkKind kind, String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (!ref.matches("[A-Za-z0-9-]{6,64}")) {
            throw ProblemException.invalid("reference", "healthcode.reference");
        }
        Instant now = clock.instant();
        String masked = Masking.idNumber(ref);
        jdbc.sql("delete from identity_code_link where resident_id = :r and kind = :k").param("r", residentId)
                .param("k", kind.name()).update();
        jdbc.sql("""
                insert into identity_code_link (resident_id, kind, reference_enc, reference_masked, linked_at)
                values (:r, :k, :enc, :masked, :now)""")
                .param("r", residentId).param("k", kind.name()).param("enc", cipher.encrypt(ref))
                .param("masked", masked).param("now", ResidentRecords.utc(now)).update();
        audit.record(AuditEvent.byCurrentActor("CODE_LINK", "Patient", residentId.toString(), Outcome.SUCCESS)
                .withPurpose("IDENTITY").withDetail(kind.name()));
        return new Link(kind, masked, now);
    }

    @Transactional
    public void unlink(UUID residentId, CodeLinkKind kind) {
        if (jdbc.sql("delete from identity_code_link where resident_id = :r and kind = :k").param("r", residentId)
                .param("k", kind.name()).update() == 0) {
            throw ProblemException.notFound("code link", kind);
        }
        audit.record(AuditEvent.byCurrentActor("CODE_UNLINK", "Patient", residentId.toString(), Outcome.SUCCESS)
                .withPurpose("IDENTITY").withDetail(kind.name()));
    }

    @Transactional
    public Optional<String> reference(UUID residentId, CodeLinkKind kind, String purpose) {
        Optional<String> ref = jdbc.sql("""
                select reference_enc from identity_code_link where resident_id = :r and kind = :k""")
                .param("r", residentId).param("k", kind.name()).query(String.class).optional().map(cipher::decrypt);
        audit.record(AuditEvent.byCurrentActor("CODE_LINK_READ", "Patient", residentId.toString(),
                ref.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE).withPurpose(purpose).withDetail(kind.name()));
        return ref;
    }
}
