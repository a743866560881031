package org.huimin.fhir.internal;

import java.util.Locale;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.huimin.shared.ProblemException;
import org.springframework.context.MessageSource;

/**
 * Modules' services throw {@link ProblemException} for the REST API; over FHIR the same failure must be an
 * OperationOutcome with the same status (403 for a closed record, 404, 409, 422), not a 500. The message is in the
 * caller's language ({@code Accept-Language}).
 */
@Interceptor
class ProblemTranslator {

    private final MessageSource messages;

    ProblemTranslator(MessageSource messages) {
        this.messages = messages;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(RequestDetails request, Throwable exception,
            HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
        Throwable t = exception;
        while (t != null && !(t instanceof ProblemException)) {
            t = t.getCause();
        }
        if (!(t instanceof ProblemException p)) {
            return exception instanceof BaseServerResponseException b ? b : null;
        }
        Locale locale = servletRequest == null ? Locale.SIMPLIFIED_CHINESE : servletRequest.getLocale();
        String message = messages.getMessage(p.messageCode(), p.args(), p.messageCode(), locale);
        if (!p.fieldErrors().isEmpty()) {
            StringBuilder sb = new StringBuilder(message);
            p.fieldErrors().forEach(f -> sb.append(' ').append(f.field()).append(": ")
                    .append(messages.getMessage(f.messageCode(), f.args(), f.messageCode(), locale)));
            message = sb.toString();
        }
        return switch (p.status().value()) {
            case 403 -> new ForbiddenOperationException(message);
            case 404 -> new ResourceNotFoundException(message);
            case 409 -> new ResourceVersionConflictException(message);
            case 422 -> new UnprocessableEntityException(message);
            default -> p.status().is4xxClientError() ? new InvalidRequestException(message) : null;
        };
    }
}
