package org.huimin.shared;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A business failure that becomes an RFC 9457 problem: a stable {@code type} slug, an HTTP status, a message code
 * resolved in the caller's language, and optional field errors. Throwing it must leave nothing half-written: callers
 * throw before they change state, or inside a transaction that rolls back.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String messageCode;
    private final Object[] args;
    private final List<FieldProblem> fieldErrors;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String type, String messageCode, Object... args) {
        this(status, type, messageCode, List.of(), Map.of(), args);
    }

    public ProblemException(HttpStatus status, String type, String messageCode, List<FieldProblem> fieldErrors,
            Map<String, Object> properties, Object... args) {
        // a client's problem (4xx) is an answer, not a fault: it carries no stack trace, which at release time, when
        // most booking attempts meet a full slot, was a noticeable share of each refusal's cost
        super(type + ": " + messageCode, null, false, !status.is4xxClientError());
        this.status = status;
        this.type = type;
        this.messageCode = messageCode;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.properties = Map.copyOf(properties);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.not-found", what, id);
    }

    public static ProblemException invalid(String field, String messageCode, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                List.of(new FieldProblem(field, messageCode, args)), Map.of());
    }

    /** A 400 validation problem with several field errors. */
    public static ProblemException invalid(List<FieldProblem> fieldErrors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", fieldErrors, Map.of());
    }

    public HttpStatus status() { return status; }
    public String type() { return type; }
    public String messageCode() { return messageCode; }
    public Object[] args() { return args; }
    public List<FieldProblem> fieldErrors() { return fieldErrors; }
    public Map<String, Object> properties() { return properties; }

    /** A field that failed validation; {@code messageCode} is resolved in the caller's language. */
    public record FieldProblem(String field, String messageCode, Object... args) {
    }
}
