package org.huimin.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.huimin.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every exception that reaches MVC into an RFC 9457 problem in the caller's language. */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
    private final Problems problems;

    public ProblemHandling(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.build(e.status(), e.type(), e.messageCode(), e.args(), locale);
        List<Map<String, String>> errors = e.fieldErrors().stream()
                .map(f -> Map.of("field", f.field(), "message",
                        problems.message(f.messageCode(), f.args(), locale, f.messageCode())))
                .toList();
        problems.withFieldErrors(problem, errors);
        e.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (e.properties().get("retryAfter") != null) {
            headers.set(HttpHeaders.RETRY_AFTER, e.properties().get("retryAfter").toString());
        }
        return respond(problem, headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.build(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null, locale);
        problems.withFieldErrors(problem, List.of(Map.of("field", e.getName(), "message",
                problems.message("validation.type", null, locale, "invalid value"))));
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurity(RuntimeException e) {
        // leave these to Spring Security's handlers so that they are answered (and audited) in one place
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(problems.build(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal", null,
                LocaleContextHolder.getLocale()), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.build(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null, locale);
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", fe.getField(), "message",
                    problems.message(fe.getDefaultMessage(), fe.getArguments(), locale,
                            String.valueOf(fe.getDefaultMessage()))));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(Map.of("field", ge.getObjectName(),
                "message", problems.message(ge.getDefaultMessage(), null, locale, String.valueOf(ge.getDefaultMessage())))));
        return respond(problems.withFieldErrors(problem, errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = problems.build(HttpStatus.BAD_REQUEST, "validation", "problem.validation", null, locale);
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(Map.of(
                "field", String.valueOf(r.getMethodParameter().getParameterName()),
                "message", problems.message(err.getDefaultMessage(), err.getArguments(), locale,
                        String.valueOf(err.getDefaultMessage()))))));
        return respond(problems.withFieldErrors(problem, errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(problems.build(HttpStatus.BAD_REQUEST, "malformed-request", "problem.malformed", null,
                LocaleContextHolder.getLocale()), headers);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return respond(problems.build(HttpStatus.NOT_FOUND, "not-found", "problem.no-such-path",
                new Object[] {RequestContext.path()}, LocaleContextHolder.getLocale()), headers);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd) {
            ProblemDetail problem = problems.build(statusCode, slug(statusCode), "problem.http." + statusCode.value(),
                    null, LocaleContextHolder.getLocale());
            if (pd.getDetail() != null && problem.getDetail().equals(problem.getTitle())) {
                problem.setDetail(pd.getDetail());
            }
            return respond(problem, headers);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders h = new HttpHeaders();
        h.addAll(headers);
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(h).body(problem);
    }
}
