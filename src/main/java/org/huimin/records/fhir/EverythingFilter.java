package org.huimin.records.fhir;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.huimin.identity.FhirPatients;
import org.huimin.records.internal.RecordReader;
import org.huimin.shared.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET Patient/{id}/$everything} in JSON, written from the stored JSON of each resource instead of parsing and
 * re-encoding hundreds of resources through HAPI's model (most of a lifelong record's cost is its narratives). Pages
 * with {@code _count} (default 1000, at most 1000) and {@code _offset}, with {@code self} and {@code next} links.
 * Anything else — XML, other parameters, other methods — goes on to HAPI's {@link EverythingProvider}.
 */
class EverythingFilter extends OncePerRequestFilter {

    static final int MAX = 1000;
    private static final Pattern PATH = Pattern.compile("^/fhir/r4/Patient/([^/]+)/\\$everything$");

    private final RecordReader reader;
    private final FhirPatients patients;
    private final FhirContext fhir;
    private final MessageSource messages;

    EverythingFilter(RecordReader reader, FhirPatients patients, FhirContext fhir, MessageSource messages) {
        this.reader = reader;
        this.patients = patients;
        this.fhir = fhir;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PATH.matcher(request.getRequestURI());
        if (!"GET".equals(request.getMethod()) || !m.matches() || !json(request) || !onlyPaging(request)) {
            chain.doFilter(request, response);
            return;
        }
        UUID id;
        int count;
        int offset;
        try {
            id = UUID.fromString(m.group(1));
            count = param(request, "_count", MAX);
            offset = param(request, "_offset", 0);
        } catch (IllegalArgumentException e) {
            chain.doFilter(request, response);
            return;
        }
        count = Math.max(1, Math.min(MAX, count));
        offset = Math.max(0, offset);
        RecordReader.RawPage page;
        try {
            page = reader.everything(id, offset == 0 ? 0 : offset - 1, offset == 0 ? count - 1 : count);
        } catch (ProblemException e) {
            problem(response, request, e);
            return;
        }
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.indexOf("/fhir/r4/") + "/fhir/r4".length());
        int total = page.total() + 1;
        response.setStatus(200);
        response.setContentType("application/fhir+json;charset=UTF-8");
        Writer out = response.getWriter();
        String self = base + "/Patient/" + page.residentId() + "/$everything?_count=" + count
                + (offset == 0 ? "" : "&_offset=" + offset);
        out.write("{\"resourceType\":\"Bundle\",\"id\":\"" + UUID.randomUUID() + "\",\"meta\":{\"lastUpdated\":\""
                + InstantType.now().getValueAsString() + "\"},\"type\":\"searchset\",\"total\":" + total
                + ",\"link\":[{\"relation\":\"self\",\"url\":" + quote(self) + "}");
        if (offset + count < total) {
            String next = base + "/Patient/" + page.residentId() + "/$everything?_count=" + count + "&_offset="
                    + (offset + count);
            out.write(",{\"relation\":\"next\",\"url\":" + quote(next) + "}");
        }
        out.write("],\"entry\":[");
        boolean first = true;
        if (offset == 0) {
            Patient patient = patients.patient(page.residentId()).orElse(null);
            if (patient != null) {
                entry(out, base + "/Patient/" + page.residentId(), fhir.newJsonParser().encodeResourceToString(
                        patient));
                first = false;
            }
        }
        for (RecordReader.RawResource r : page.items()) {
            if (!first) {
                out.write(',');
            }
            entry(out, base + "/" + r.type() + "/" + r.id(), r.json());
            first = false;
        }
        out.write("]}");
        out.flush();
    }

    private static void entry(Writer out, String fullUrl, String json) throws IOException {
        out.write("{\"fullUrl\":");
        out.write(quote(fullUrl));
        out.write(",\"resource\":");
        out.write(json);
        out.write(",\"search\":{\"mode\":\"match\"}}");
    }

    private void problem(HttpServletResponse response, HttpServletRequest request, ProblemException e)
            throws IOException {
        ExportFilter.writeOutcome(response, fhir, e.status().value(),
                messages.getMessage(e.messageCode(), e.args(), e.messageCode(), request.getLocale()));
    }

    /** JSON is asked for, or nothing in particular. */
    private static boolean json(HttpServletRequest request) {
        String format = request.getParameter("_format");
        if (format != null) {
            return format.contains("json");
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.isBlank() || accept.contains("json") || accept.contains("*/*");
    }

    private static boolean onlyPaging(HttpServletRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!name.equals("_count") && !name.equals("_offset") && !name.equals("_format")) {
                return false;
            }
        }
        return true;
    }

    private static int param(HttpServletRequest request, String name, int fallback) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
