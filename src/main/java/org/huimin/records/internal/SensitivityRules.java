package org.huimin.records.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.hl7.fhir.r4.model.Coding;
import org.huimin.records.ConsentCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Classifies a resource as sensitive from its codes and security labels, by the rules in
 * {@code rec_sensitivity_rule}: a rule matches a coding whose system starts with the rule's system (so ICD-10 rules
 * cover national extensions such as ICD-10-CN) and whose code starts with the rule's prefix. The strongest category
 * wins (HIV, then mental health, then reproductive health). Rules are data; a change is seen within a minute.
 */
@Component
class SensitivityRules {

    record Rule(String system, String prefix, ConsentCategory category) {
        boolean matches(Coding c) {
            return c.hasCode() && c.getCode().startsWith(prefix) && c.hasSystem() && c.getSystem().startsWith(system);
        }
    }

    static final Comparator<Rule> STRONGEST_FIRST = Comparator.comparingInt(r -> rank(r.category()));

    private final LoadingCache<Boolean, List<Rule>> rules;

    SensitivityRules(JdbcClient jdbc) {
        this.rules = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1)
                .build(any -> jdbc.sql("select code_system, code_prefix, category from rec_sensitivity_rule")
                        .query((rs, n) -> new Rule(rs.getString(1), rs.getString(2),
                                ConsentCategory.valueOf(rs.getString(3))))
                        .list().stream().sorted(STRONGEST_FIRST).toList());
    }

    ConsentCategory classify(List<Coding> codings) {
        return classify(rules.get(Boolean.TRUE), codings);
    }

    /** The category of the first rule (strongest first) that matches one of the codings; GENERAL otherwise. */
    static ConsentCategory classify(List<Rule> strongestFirst, List<Coding> codings) {
        for (Rule r : strongestFirst) {
            for (Coding c : codings) {
                if (r.matches(c)) {
                    return r.category();
                }
            }
        }
        return ConsentCategory.GENERAL;
    }

    private static int rank(ConsentCategory c) {
        return switch (c) {
            case HIV -> 0;
            case MENTAL_HEALTH -> 1;
            case REPRODUCTIVE_HEALTH -> 2;
            case GENERAL -> 3;
        };
    }
}
