package org.huimin.account.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.huimin.account.internal.LoginService;
import org.huimin.account.internal.LoginService.Result;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication", description = "Login, logout and the current user")
class AuthController {

    private final LoginService logins;
    private final org.huimin.account.internal.LoginGate gate;

    AuthController(LoginService logins, org.huimin.account.internal.LoginGate gate) {
        this.logins = logins;
        this.gate = gate;
    }

    record LoginRequest(@NotBlank(message = "validation.required") @Size(max = 64) String username,
            @NotBlank(message = "validation.required") @Size(max = 128) String password) {
    }

    record LoginResponse(String accessToken, String tokenType, long expiresIn, List<String> roles, String username,
            String displayName) {
    }

    @PostMapping("/auth/login")
    @Operation(summary = "Log in with username and password",
            description = "Returns a bearer token. Wrong credentials: 401; locked account: 423; too many attempts "
                    + "from one address: 429 with Retry-After.")
    LoginResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        gate.admit(request.getRemoteAddr());
        Result result = logins.login(body.username(), body.password(), request.getRemoteAddr());
        if (result instanceof Result.Success s) {
            return new LoginResponse(s.token(), "Bearer", s.expiresIn(), s.roles(), s.username(), s.displayName());
        }
        if (result instanceof Result.Locked l) {
            throw new ProblemException(HttpStatus.LOCKED, "account-locked", "problem.account-locked", List.of(),
                    Map.of("lockedUntil", l.until().toString()));
        }
        if (result instanceof Result.Disabled) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "account-disabled", "problem.account-disabled");
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "problem.invalid-credentials");
    }

    @PostMapping("/auth/logout")
    @Operation(summary = "Log out: revokes the bearer token used for this call")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        if (jwt != null && jwt.getId() != null) {
            logins.logout(jwt.getSubject(), jwt.getId(), jwt.getExpiresAt(), request.getRemoteAddr());
        }
        return ResponseEntity.noContent().build();
    }

    record Me(String username, String displayName, Set<String> roles, String organizationId, String practitionerId,
            String residentId) {
    }

    @GetMapping("/me")
    @Operation(summary = "The current user: roles and bindings")
    Me me(@AuthenticationPrincipal Jwt jwt) {
        Actor actor = CurrentActor.get();
        String name = jwt == null ? actor.username() : String.valueOf(jwt.getClaims().getOrDefault("name",
                actor.username()));
        return new Me(actor.username(), name, actor.roles(), str(actor.organizationId()),
                str(actor.practitionerId()), str(actor.residentId()));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
