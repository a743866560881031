package org.huimin.account.internal;

import java.util.List;
import java.util.Map;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Admits a login attempt or refuses it with 429 when the client address is over its rate (audited). */
@Component
public class LoginGate {

    private final LoginRateLimiter limiter;
    private final AuditLog audit;

    LoginGate(LoginRateLimiter limiter, AuditLog audit) {
        this.limiter = limiter;
        this.audit = audit;
    }

    public void admit(String clientIp) {
        long wait = limiter.tryAcquire(clientIp);
        if (wait > 0) {
            audit.record(new AuditEvent("anonymous", null, null, null, "AUTHENTICATION", "LOGIN_RATE_LIMITED",
                    "ClientAddress", clientIp, Outcome.DENIED, clientIp, null));
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "problem.too-many-requests",
                    List.of(), Map.of("retryAfter", wait), wait);
        }
    }
}
