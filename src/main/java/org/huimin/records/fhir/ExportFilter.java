package org.huimin.records.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.huimin.records.internal.BulkExport;
import org.huimin.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * FHIR Bulk Data export (asynchronous request pattern) in front of HAPI:
 * <ul>
 * <li>{@code GET $export} (or {@code Patient/$export}) with {@code Prefer: respond-async}, optional {@code _type}
 * and {@code _since} → 202 with {@code Content-Location} of the status URL;</li>
 * <li>{@code GET $export-poll-status?_jobId=} → 202 with {@code X-Progress} while running, 200 with the manifest when
 * complete; {@code DELETE} cancels (or deletes a finished job's files);</li>
 * <li>{@code GET $export-file?_jobId=&_type=} → the NDJSON of one type ({@code application/fhir+ndjson}).</li>
 * </ul>
 */
class ExportFilter extends OncePerRequestFilter {

    private final BulkExport export;
    private final FhirContext fhir;
    private final MessageSource messages;

    ExportFilter(BulkExport export, FhirContext fhir, MessageSource messages) {
        this.export = export;
        this.fhir = fhir;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.indexOf("/fhir/r4") + "/fhir/r4".length());
        try {
            if (path.endsWith("/fhir/r4/$export") || path.endsWith("/fhir/r4/Patient/$export")) {
                if (!"GET".equals(request.getMethod())) {
                    chain.doFilter(request, response);
                    return;
                }
                kickOff(request, response, base);
            } else if (path.endsWith("/fhir/r4/$export-poll-status")) {
                status(request, response, base);
            } else if (path.endsWith("/fhir/r4/$export-file")) {
                file(request, response);
            } else {
                chain.doFilter(request, response);
            }
        } catch (ProblemException e) {
            outcome(response, request, e.status().value(), messages.getMessage(e.messageCode(), e.args(),
                    e.messageCode(), request.getLocale()) + fieldErrors(e, request));
        }
    }

    private void kickOff(HttpServletRequest request, HttpServletResponse response, String base) throws IOException {
        String prefer = request.getHeader("Prefer");
        if (prefer == null || !prefer.contains("respond-async")) {
            outcome(response, request, 400, "$export is asynchronous: send the header Prefer: respond-async");
            return;
        }
        List<String> types = request.getParameter("_type") == null ? List.of()
                : Arrays.stream(request.getParameter("_type").split(",")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList();
        Instant since = null;
        if (request.getParameter("_since") != null) {
            try {
                since = new InstantType(request.getParameter("_since")).getValue().toInstant();
            } catch (RuntimeException e) {
                outcome(response, request, 400, "_since must be a FHIR instant, e.g. 2026-01-01T00:00:00Z");
                return;
            }
        }
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        BulkExport.Job job = export.start(url, types, since);
        response.setStatus(202);
        response.setHeader("Content-Location", base + "/$export-poll-status?_jobId=" + job.id());
    }

    private void status(HttpServletRequest request, HttpServletResponse response, String base) throws IOException {
        UUID id = jobId(request);
        if ("DELETE".equals(request.getMethod())) {
            export.cancel(id);
            response.setStatus(202);
            return;
        }
        BulkExport.Job job = export.status(id);
        switch (job.status()) {
            case QUEUED, RUNNING -> {
                response.setStatus(202);
                response.setHeader("X-Progress", job.progress() + " of " + job.total() + " resources");
                response.setHeader("Retry-After", "2");
            }
            case COMPLETED -> {
                response.setStatus(200);
                response.setContentType("application/json;charset=UTF-8");
                StringBuilder sb = new StringBuilder("{\"transactionTime\":\"")
                        .append(new InstantType(java.util.Date.from(job.createdAt())).getValueAsString())
                        .append("\",\"request\":").append(EverythingFilter.quote(job.requestUrl()))
                        .append(",\"requiresAccessToken\":true,\"output\":[");
                boolean first = true;
                for (var f : job.files().entrySet()) {
                    sb.append(first ? "" : ",").append("{\"type\":").append(EverythingFilter.quote(f.getKey()))
                            .append(",\"url\":").append(EverythingFilter.quote(base + "/$export-file?_jobId="
                                    + job.id() + "&_type=" + f.getKey()))
                            .append(",\"count\":").append(f.getValue()).append('}');
                    first = false;
                }
                sb.append("],\"error\":[]}");
                response.getWriter().write(sb.toString());
            }
            case FAILED -> outcome(response, request, 500, "The export failed: " + job.error());
            case CANCELLED -> outcome(response, request, 404, "The export was cancelled");
        }
    }

    private void file(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getParameter("_type");
        Path file = export.file(jobId(request), type == null ? "" : type);
        response.setStatus(200);
        response.setContentType("application/fhir+ndjson");
        response.setContentLengthLong(Files.size(file));
        try (InputStream in = Files.newInputStream(file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static UUID jobId(HttpServletRequest request) {
        try {
            return UUID.fromString(String.valueOf(request.getParameter("_jobId")));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("_jobId", "validation.uuid");
        }
    }

    private String fieldErrors(ProblemException e, HttpServletRequest request) {
        StringBuilder sb = new StringBuilder();
        e.fieldErrors().forEach(f -> sb.append(' ').append(f.field()).append(": ").append(messages.getMessage(
                f.messageCode(), f.args(), f.messageCode(), request.getLocale())));
        return sb.toString();
    }

    /** An OperationOutcome answer of the two filters in front of HAPI (which writes its own for everything else). */
    static void writeOutcome(HttpServletResponse response, FhirContext fhir, int status, String text)
            throws IOException {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(status == 403 ? OperationOutcome.IssueType.FORBIDDEN
                        : status == 404 ? OperationOutcome.IssueType.NOTFOUND
                        : status == 400 ? OperationOutcome.IssueType.INVALID : OperationOutcome.IssueType.PROCESSING)
                .setDiagnostics(text);
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.getWriter().write(fhir.newJsonParser().encodeResourceToString(oo));
    }

    private void outcome(HttpServletResponse response, HttpServletRequest request, int status, String text)
            throws IOException {
        writeOutcome(response, fhir, status, text);
    }
}
