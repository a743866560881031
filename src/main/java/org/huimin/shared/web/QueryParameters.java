package org.huimin.shared.web;

import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.huimin.shared.ProblemException;

/**
 * Query parameters read straight from the request, for the few endpoints so busy that binding each parameter
 * through Spring's data binder (a binder per parameter per request) shows in the profile. A value that is present but
 * does not parse is a 400 validation problem naming the field ({@code validation.type}, as the binder reports it); a
 * missing required one names the field with {@code validation.required}. A blank value counts as absent.
 */
public final class QueryParameters {

    private final HttpServletRequest request;

    public QueryParameters(HttpServletRequest request) {
        this.request = request;
    }

    /** The parsed value, or {@code null} when the parameter is absent or blank. */
    public <T> T optional(String name, Function<String, T> parser) {
        String raw = request.getParameter(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw.strip());
        } catch (RuntimeException e) {
            throw ProblemException.invalid(name, "validation.type");
        }
    }

    /** The parsed value; a 400 problem when the parameter is absent, blank or does not parse. */
    public <T> T required(String name, Function<String, T> parser) {
        T value = optional(name, parser);
        if (value == null) {
            throw ProblemException.invalid(name, "validation.required");
        }
        return value;
    }

    /** {@code true}/{@code false} in any case, as Spring binds booleans; anything else does not parse. */
    public static Boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            case "false", "off", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean: " + raw);
        };
    }
}
