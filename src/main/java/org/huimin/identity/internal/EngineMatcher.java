package org.huimin.identity.internal;

import java.util.List;

import org.huimin.identity.matching.FieldComparison;
import org.huimin.identity.matching.MatchEngine;
import org.huimin.identity.matching.MatchResult;
import org.huimin.identity.matching.PersonRecord;
import org.huimin.shared.Masking;
import org.springframework.stereotype.Component;

/** The master index's matcher: the configured probabilistic {@link MatchEngine} over master-index rows. */
@Component
class EngineMatcher implements DemographicMatcher {

    private final MatchEngine engine;

    EngineMatcher(MatchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Scored compare(ResidentRow a, ResidentRow b) {
        MatchResult result = engine.compare(record(a), record(b));
        List<FieldScore> fields = result.fields().stream().map(EngineMatcher::field).toList();
        return new Scored(result.score(), DemographicMatcher.Outcome.valueOf(result.outcome().name()), fields);
    }

    private static FieldScore field(FieldComparison f) {
        String agreement = !f.compared() ? "MISSING"
                : f.weight() <= 0 ? "DISAGREE" : f.similarity() >= 0.999 ? "AGREE" : "PARTIAL";
        return new FieldScore(f.field(), mask(f.field(), f.left()), mask(f.field(), f.right()), f.weight(),
                agreement);
    }

    /** Review screens show identifiers masked, like every other screen. */
    private static String mask(String field, String value) {
        if (PersonRecord.ID_NUMBER.equals(field)) {
            return Masking.idNumber(value);
        }
        if (PersonRecord.PHONE.equals(field)) {
            return Masking.phone(value);
        }
        return value;
    }

    static PersonRecord record(ResidentRow r) {
        return PersonRecord.resident(r.id().toString()).name(r.name()).birthDate(r.birthDate()).sex(r.sex().name())
                .phone(r.phone()).address(r.address()).idNumber(r.idNumber()).build();
    }
}
