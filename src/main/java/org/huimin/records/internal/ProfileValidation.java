package org.huimin.records.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;

import org.hl7.fhir.common.hapi.validation.support.CachingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Full profile validation of stored resources with HAPI's {@link FhirInstanceValidator}, offline (the core
 * specification's profiles and value sets, no terminology server), in the background: ingest parses strictly but
 * does not spend 20–70 ms per resource on the request path (DESIGN.md). Each resource version gets VALID, WARNING or
 * INVALID with its first issues; administrators list the invalid ones to take up with the sending institution.
 * Throttled to {@code huimin.records.validation.batch} resources every {@code .interval}.
 */
@Service
public class ProfileValidation {

    private static final Logger log = LoggerFactory.getLogger(ProfileValidation.class);

    public enum Outcome { VALID, WARNING, INVALID }

    public record Checked(UUID id, String resourceType, UUID residentId, UUID sourceOrg, String sourceName,
            Outcome outcome, String issues, Instant validatedAt) {
    }

    public record Counts(long pending, long valid, long warning, long invalid) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Names names;
    private final boolean enabled;
    private final int batch;
    private final FhirContext lenient = FhirContext.forR4();
    private volatile FhirValidator validator;

    ProfileValidation(JdbcClient jdbc, Clock clock, Names names,
            @Value("${huimin.records.validation.enabled:true}") boolean enabled,
            @Value("${huimin.records.validation.batch:20}") int batch) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.names = names;
        this.enabled = enabled;
        this.batch = Math.max(1, batch);
        this.lenient.setParserErrorHandler(new LenientErrorHandler(false));
    }

    private FhirValidator validator() {
        FhirValidator v = validator;
        if (v == null) {
            synchronized (this) {
                if (validator == null) {
                    long started = System.nanoTime();
                    ValidationSupportChain chain = new ValidationSupportChain(
                            new DefaultProfileValidationSupport(lenient),
                            new InMemoryTerminologyServerValidationSupport(lenient),
                            new CommonCodeSystemsTerminologyService(lenient),
                            new SnapshotGeneratingValidationSupport(lenient));
                    FhirInstanceValidator module = new FhirInstanceValidator(new CachingValidationSupport(chain));
                    // codes of systems the offline validator does not hold (SNOMED CT, LOINC, ICD-10) are not errors
                    module.setNoTerminologyChecks(false);
                    module.setAnyExtensionsAllowed(true);
                    FhirValidator fv = lenient.newValidator();
                    fv.registerValidatorModule(module);
                    validator = fv;
                    log.info("Profile validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
                }
                v = validator;
            }
        }
        return v;
    }

    /** Validates the next waiting resources; returns how many it checked. */
    @Scheduled(fixedDelayString = "${huimin.records.validation.interval:PT2S}", initialDelayString = "PT30S")
    public int validatePending() {
        if (!enabled) {
            return 0;
        }
        return validateNext(batch);
    }

    /** An administrator validates the next {@code limit} waiting resources now (at most 200). */
    public Counts runNow(int limit) {
        requireAdmin();
        validateNext(Math.max(1, Math.min(200, limit)));
        return counts();
    }

    int validateNext(int limit) {
        List<Object[]> rows = jdbc.sql("""
                select id, version, content from rec_resource where validation is null
                order by last_updated fetch first %d rows only""".formatted(limit))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)}).list();
        for (Object[] r : rows) {
            Outcome outcome;
            String issues;
            try {
                IBaseResource resource = lenient.newJsonParser().parseResource((String) r[2]);
                ValidationResult result = validator().validateWithResult(resource);
                List<String> errors = new ArrayList<>();
                List<String> warnings = new ArrayList<>();
                for (SingleValidationMessage m : result.getMessages()) {
                    String text = m.getLocationString() + ": " + m.getMessage();
                    if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                        errors.add(text);
                    } else if (m.getSeverity() == ResultSeverityEnum.WARNING) {
                        warnings.add(text);
                    }
                }
                outcome = !errors.isEmpty() ? Outcome.INVALID : !warnings.isEmpty() ? Outcome.WARNING : Outcome.VALID;
                List<String> shown = !errors.isEmpty() ? errors : warnings;
                issues = shown.isEmpty() ? null : cut(String.join("\n", shown.subList(0, Math.min(5, shown.size()))));
            } catch (RuntimeException e) {
                outcome = Outcome.INVALID;
                issues = cut("not validated: " + e.getMessage());
            }
            // only the version that was validated: a newer one waits for its own turn
            jdbc.sql("""
                    update rec_resource set validation = :o, validation_issues = :i, validated_at = :now
                    where id = :id and version = :v""")
                    .params(Map.of("o", outcome.name(), "id", r[0], "v", r[1], "now",
                            ResourceStore.utc(clock.instant())))
                    .param("i", issues).update();
        }
        return rows.size();
    }

    public Counts counts() {
        requireAdmin();
        long[] c = new long[4];
        jdbc.sql("select validation, count(*) from rec_resource group by validation").query(rs -> {
            String v = rs.getString(1);
            int i = v == null ? 0 : switch (Outcome.valueOf(v)) {
                case VALID -> 1;
                case WARNING -> 2;
                case INVALID -> 3;
            };
            c[i] += rs.getLong(2);
        });
        return new Counts(c[0], c[1], c[2], c[3]);
    }

    public PageResult<Checked> list(Outcome outcome, PageRequest page) {
        requireAdmin();
        Outcome o = outcome == null ? Outcome.INVALID : outcome;
        long total = jdbc.sql("select count(*) from rec_resource where validation = :o").param("o", o.name())
                .query(Long.class).single();
        List<Checked> items = jdbc.sql("""
                select id, resource_type, resident_id, source_org, validation, validation_issues, validated_at
                from rec_resource where validation = :o order by validated_at desc, id
                offset %d rows fetch next %d rows only""".formatted(page.offset(), page.size()))
                .param("o", o.name())
                .query((rs, n) -> {
                    UUID org = rs.getObject(4, UUID.class);
                    return new Checked(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), org,
                            names.organizationName(org), Outcome.valueOf(rs.getString(5)), rs.getString(6),
                            ResourceStore.instant(rs.getTimestamp(7)));
                }).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private static void requireAdmin() {
        if (!CurrentActor.get().has(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
