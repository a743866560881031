package org.huimin.records.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.huimin.identity.FhirPatients;
import org.huimin.records.ConsentCategory;
import org.huimin.records.RecordKind;
import org.huimin.records.internal.AccessLog;
import org.huimin.records.internal.BreakGlass;
import org.huimin.records.internal.Consents;
import org.huimin.records.internal.Patients;
import org.huimin.records.internal.RecordReader;
import org.huimin.records.internal.Recognition;
import org.huimin.records.internal.RecordViews;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Records", description = "健康档案: the shared lifelong record, consents, access log and break-glass")
class RecordController {

    private final RecordViews views;
    private final Consents consents;
    private final AccessLog accessLog;
    private final BreakGlass breakGlass;
    private final Patients patients;
    private final RecordReader reader;
    private final FhirPatients fhirPatients;
    private final FhirContext fhir;
    private final Recognition recognition;
    private final org.huimin.records.internal.RecordPdf recordPdf;
    private final org.huimin.records.internal.ProfileValidation profileValidation;

    RecordController(RecordViews views, Consents consents, AccessLog accessLog, BreakGlass breakGlass,
            Patients patients, RecordReader reader, FhirPatients fhirPatients, FhirContext fhir, Recognition recognition,
            org.huimin.records.internal.RecordPdf recordPdf,
            org.huimin.records.internal.ProfileValidation profileValidation) {
        this.profileValidation = profileValidation;
        this.recognition = recognition;
        this.recordPdf = recordPdf;
        this.views = views;
        this.consents = consents;
        this.accessLog = accessLog;
        this.breakGlass = breakGlass;
        this.patients = patients;
        this.reader = reader;
        this.fhirPatients = fhirPatients;
        this.fhir = fhir;
    }

    record Items<T>(List<T> items) {
    }

    @GetMapping("/records/{residentId}/summary")
    @Operation(summary = "Counts by kind, the institutions that sent records, and the time span",
            description = "For the resident, a proxy with READ_RECORDS, or a clinician with a care relationship, "
                    + "consent or break-glass grant; 403 `record-access-denied` otherwise (audited).")
    RecordViews.Summary summary(@PathVariable UUID residentId) {
        return views.summary(residentId);
    }

    @GetMapping("/records/{residentId}/timeline")
    @Operation(summary = "The record as a timeline, newest first, optionally of one kind")
    PageResult<RecordViews.Item> timeline(@PathVariable UUID residentId,
            @RequestParam(required = false) RecordKind kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "30") int size) {
        return views.timeline(residentId, kind, PageRequest.of(page, size));
    }

    @GetMapping("/records/{residentId}/trends")
    @Operation(summary = "Numeric results with at least two values, by code")
    Items<RecordViews.TrendCode> trends(@PathVariable UUID residentId) {
        return new Items<>(views.trendCodes(residentId));
    }

    @GetMapping("/records/{residentId}/trends/{code}")
    @Operation(summary = "One result's values over time with its reference range")
    RecordViews.Trend trend(@PathVariable UUID residentId, @PathVariable String code) {
        return views.trend(residentId, code);
    }

    @GetMapping("/records/{residentId}/export")
    @Operation(summary = "Download the record: format=fhir (a FHIR collection Bundle) or pdf",
            description = "503 `pdf-font-missing` when the server has no Chinese font for PDFs.")
    ResponseEntity<byte[]> export(@PathVariable UUID residentId, @RequestParam(defaultValue = "fhir") String format) {
        if ("pdf".equals(format)) {
            byte[] pdf = recordPdf.render(residentId);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("健康档案-" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                    + ".pdf", StandardCharsets.UTF_8).build().toString())
                    .contentType(MediaType.APPLICATION_PDF).body(pdf);
        }
        if (!"fhir".equals(format)) {
            throw ProblemException.invalid("format", "validation.enum");
        }
        RecordReader.Results results = reader.search(residentId, null,
                new RecordReader.Criteria(null, null, null, null, null, false), "EXPORT");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(java.util.Date.from(Instant.now()));
        fhirPatients.patient(residentId).ifPresent(p -> bundle.addEntry().setFullUrl("Patient/" + p.getIdPart())
                .setResource(p));
        for (int offset = 0; offset < results.total(); offset += 1000) {
            for (Resource r : results.window(offset, 1000)) {
                bundle.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
            }
        }
        byte[] body = fhir.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("health-record-" + java.time.LocalDate.now() + ".fhir.json").build().toString())
                .contentType(MediaType.parseMediaType("application/fhir+json")).body(body);
    }

    // consents

    record ConsentBody(Consents.GranteeType granteeType, UUID granteeId, Set<ConsentCategory> categories,
            Instant expiresAt, UUID residentId) {
    }

    @GetMapping("/me/consents")
    @Operation(summary = "The caller's (or a relative's) consents, active first")
    Items<Consents.ConsentView> consents(@RequestParam(required = false) UUID residentId) {
        return new Items<>(consents.of(residentId));
    }

    @PostMapping("/me/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Let an institution or practitioner read the record",
            description = "categories default to GENERAL (everything not sensitive); MENTAL_HEALTH, "
                    + "REPRODUCTIVE_HEALTH and HIV are shared only when named. expiresAt is optional.")
    Consents.ConsentView grant(@RequestBody ConsentBody body) {
        if (body == null) {
            throw ProblemException.invalid("granteeType", "validation.required");
        }
        return consents.grant(body.residentId(), body.granteeType(), body.granteeId(), body.categories(),
                body.expiresAt());
    }

    @DeleteMapping("/me/consents/{consentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a consent; effective at once")
    void revoke(@PathVariable UUID consentId) {
        consents.revoke(consentId);
    }

    @GetMapping("/me/access-log")
    @Operation(summary = "Who read the record, when, on what basis and for what purpose")
    PageResult<AccessLog.Entry> accessLog(@RequestParam(required = false) UUID residentId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return accessLog.of(consents.principal(residentId), PageRequest.of(page, size));
    }

    // mutual recognition (互认)

    @GetMapping("/records/recognition/items")
    @Operation(summary = "The region's catalogue of recognised lab and imaging items with their windows")
    Items<Recognition.Item> recognitionItems(@RequestParam(defaultValue = "true") boolean activeOnly) {
        return new Items<>(recognition.items(activeOnly));
    }

    @PostMapping("/records/recognition/items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Administrator: add an item to the catalogue", description = "409 when the code is listed")
    Recognition.Item addRecognitionItem(@RequestBody Recognition.NewItem body) {
        return recognition.addItem(body);
    }

    @org.springframework.web.bind.annotation.PutMapping("/records/recognition/items/{id}")
    @Operation(summary = "Administrator: change an item's names, window or whether it is active")
    Recognition.Item updateRecognitionItem(@PathVariable UUID id, @RequestBody Recognition.NewItem body) {
        return recognition.updateItem(id, body);
    }

    @GetMapping("/records/recognition/institutions")
    @Operation(summary = "Institutions' quality-control standing for recognition")
    Items<Recognition.Quality> qualities() {
        return new Items<>(recognition.qualities());
    }

    record QualityBody(org.huimin.records.InstitutionQuality.Status status, java.time.LocalDate validUntil,
            String note) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/records/recognition/institutions/{organizationId}")
    @Operation(summary = "Administrator: set an institution's quality-control standing")
    Recognition.Quality setQuality(@PathVariable UUID organizationId, @RequestBody QualityBody body) {
        return recognition.setQuality(organizationId, body == null ? null : body.status(),
                body == null ? null : body.validUntil(), body == null ? null : body.note());
    }

    @GetMapping("/records/{residentId}/recognised")
    @Operation(summary = "Recent recognised results of the resident (of the items named by code, or all)",
            description = "Shown when a clinician views or orders an item, so the patient is not tested twice.")
    Items<Recognition.RecognisedResult> recognised(@PathVariable UUID residentId,
            @RequestParam(required = false) List<String> code) {
        return new Items<>(recognition.recognised(residentId, code));
    }

    record ReorderBody(String code, Recognition.ReorderReason reason, String note) {
    }

    @PostMapping("/records/{residentId}/reorders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Order an item again despite a recognised result, with the reason (audited)")
    Recognition.ReorderView reorder(@PathVariable UUID residentId, @RequestBody ReorderBody body) {
        return recognition.reorder(residentId, body == null ? null : body.code(),
                body == null ? null : body.reason(), body == null ? null : body.note());
    }

    // profile validation in the background

    @GetMapping("/records/validation")
    @Operation(summary = "Administrator: how many stored resources are waiting, valid, with warnings or invalid")
    org.huimin.records.internal.ProfileValidation.Counts validation() {
        return profileValidation.counts();
    }

    @GetMapping("/records/validation/items")
    @Operation(summary = "Administrator: resources by validation outcome (default INVALID) with their first issues")
    PageResult<org.huimin.records.internal.ProfileValidation.Checked> validationItems(
            @RequestParam(required = false) org.huimin.records.internal.ProfileValidation.Outcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return profileValidation.list(outcome, PageRequest.of(page, size));
    }

    @PostMapping("/records/validation/run")
    @Operation(summary = "Administrator: validate the next waiting resources now (at most 200)")
    org.huimin.records.internal.ProfileValidation.Counts runValidation(@RequestParam(defaultValue = "50") int limit) {
        return profileValidation.runNow(limit);
    }

    // clinicians

    @GetMapping("/records/patients")
    @Operation(summary = "Clinician: patients whose record is open to me (by name), or a lookup by ID number")
    Items<Patients.PatientItem> patients(@RequestParam(required = false) String q) {
        return new Items<>(patients.search(q));
    }

    @GetMapping("/records/{residentId}/access")
    @Operation(summary = "Whether the caller may read this record now, and on what basis")
    Patients.Access access(@PathVariable UUID residentId) {
        return patients.access(residentId);
    }

    record BreakGlassBody(String reason) {
    }

    @PostMapping("/records/{residentId}/break-glass")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Emergency access (紧急调阅): time-limited, audited, reviewed by the auditor")
    BreakGlass.Granted breakGlass(@PathVariable UUID residentId, @RequestBody(required = false) BreakGlassBody body) {
        return breakGlass.request(residentId, body == null ? null : body.reason());
    }

    @GetMapping("/records/break-glass")
    @Operation(summary = "Auditor: break-glass grants to review")
    PageResult<BreakGlass.Item> breakGlassList(@RequestParam(required = false) BreakGlass.Status status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return breakGlass.list(status, PageRequest.of(page, size));
    }

    record ReviewBody(BreakGlass.Decision decision, String note) {
    }

    @PostMapping("/records/break-glass/{id}/review")
    @Operation(summary = "Auditor: judge a break-glass access justified or not")
    BreakGlass.Item review(@PathVariable UUID id, @RequestBody ReviewBody body) {
        return breakGlass.review(id, body == null ? null : body.decision(), body == null ? null : body.note());
    }
}
