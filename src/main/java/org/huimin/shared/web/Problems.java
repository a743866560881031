package org.huimin.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problem details with a stable {@code type} ({@value #TYPE_BASE}{@code <slug>}), a localised title
 * and detail, and optional field errors {@code [{field, message}]}. Shared by the MVC advice and the security
 * handlers so that every error, whichever layer refuses the request, looks the same.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://huimin.org/problems/";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail build(HttpStatusCode status, String type, String messageCode, Object[] args, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(message("problem.title." + type, null, locale, titleFallback(status)));
        problem.setDetail(message(messageCode, args, locale, problem.getTitle()));
        return problem;
    }

    public ProblemDetail withFieldErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** The problem as a flat JSON object (standard members first, then extension members). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            map.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    public String message(String code, Object[] args, Locale locale, String fallback) {
        try {
            return messages.getMessage(code, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    private static String titleFallback(HttpStatusCode status) {
        var resolved = org.springframework.http.HttpStatus.resolve(status.value());
        return resolved == null ? "Error" : resolved.getReasonPhrase();
    }
}
