package org.huimin.records.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huimin.identity.ResidentSummary;
import org.huimin.identity.Residents;
import org.huimin.records.AccessBasis;
import org.huimin.records.ConsentCategory;
import org.huimin.shared.Masking;
import org.huimin.shared.ProblemException;
import org.huimin.shared.ResidentIdNumber;
import org.huimin.shared.Sex;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A clinician's patient list: the residents whose record is open to them (care relationship, consent, break-glass),
 * filtered by name, and an exact lookup by ID number that shows whether the record is open — with the name masked
 * when it is not.
 */
@Service
public class Patients {

    public record Access(boolean allowed, AccessBasis basis, Instant until, List<ConsentCategory> categories) {
    }

    public record PatientItem(UUID residentId, String name, Sex sex, LocalDate birthDate, String idNumberMasked,
            Access access) {
    }

    private final Residents residents;
    private final RecordAccess access;
    private final CareRelationshipStore care;
    private final Consents consents;
    private final JdbcClient jdbc;

    Patients(Residents residents, RecordAccess access, CareRelationshipStore care, Consents consents,
            JdbcClient jdbc) {
        this.residents = residents;
        this.access = access;
        this.care = care;
        this.consents = consents;
        this.jdbc = jdbc;
    }

    public List<PatientItem> search(String q) {
        Actor actor = CurrentActor.get();
        if (!RecordAccess.clinician(actor)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        String query = q == null ? "" : q.strip();
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(query);
        if (id.isPresent()) {
            return residents.findByIdNumber(id.get()).flatMap(residents::find).map(this::item).stream().toList();
        }
        Set<UUID> mine = new LinkedHashSet<>();
        mine.addAll(care.residentsOf(actor.organizationId(), actor.practitionerId(), 200));
        mine.addAll(consents.residentsFor(actor.organizationId(), actor.practitionerId(), 200));
        mine.addAll(jdbc.sql("select distinct resident_id from rec_break_glass where actor = :a and expires_at > :now")
                .param("a", actor.username()).param("now", ResourceStore.utc(Instant.now())).query(UUID.class).list());
        String needle = query.toLowerCase(Locale.ROOT);
        return mine.stream().map(residents::find).flatMap(Optional::stream)
                .filter(r -> needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle))
                .limit(50).map(this::item).filter(i -> i.access().allowed()).toList();
    }

    public Access access(UUID residentId) {
        UUID resident = residents.effectiveId(residentId)
                .orElseThrow(() -> ProblemException.notFound("resident", residentId));
        return access.decide(resident).map(d -> new Access(true, d.basis(), d.until(),
                d.categories() == null ? List.of(ConsentCategory.values()) : List.copyOf(d.categories())))
                .orElse(new Access(false, null, null, List.of()));
    }

    private PatientItem item(ResidentSummary r) {
        Access a = access(r.id());
        return new PatientItem(r.id(), a.allowed() ? r.name() : Masking.name(r.name()), r.sex(), r.birthDate(),
                r.idNumberMasked(), a);
    }
}
