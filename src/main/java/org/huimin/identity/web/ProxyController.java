package org.huimin.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.identity.ProxyPermission;
import org.huimin.identity.Relation;
import org.huimin.identity.internal.ProxyService;
import org.huimin.shared.ProblemException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Family proxies", description = "Relatives a resident acts for (代办), and who acts for them")
class ProxyController {

    private final ProxyService proxies;

    ProxyController(ProxyService proxies) {
        this.proxies = proxies;
    }

    @GetMapping("/me/relatives")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Relatives I act for, PENDING or ACTIVE, with the configured maximum")
    Map<String, Object> relatives() {
        return Map.of("items", proxies.relativesOf(Me.residentId()), "max", proxies.maxRelatives());
    }

    record Bind(String idNumber, String name, Relation relation, Set<ProxyPermission> permissions) {
    }

    @PostMapping("/me/relatives")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Bind a relative by ID number and name",
            description = "A child under 14 is bound at once (ACTIVE); an adult must accept in their own app "
                    + "(PENDING) or be verified by staff at a window. 404 when no resident has that ID number and "
                    + "name; 409 when already bound; 422 when the limit is reached.")
    ResponseEntity<ProxyService.Binding> bind(@RequestBody Bind body) {
        var binding = proxies.bind(Me.residentId(), body.idNumber(), body.name(), body.relation(),
                body.permissions(), LocaleContextHolder.getLocale());
        return ResponseEntity.created(URI.create("/api/v1/me/relatives/" + binding.proxyId())).body(binding);
    }

    @DeleteMapping("/me/relatives/{proxyId}")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Unbind a relative, or withdraw a pending request")
    ResponseEntity<Void> unbind(@PathVariable UUID proxyId) {
        proxies.end(Me.residentId(), proxyId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/proxies")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "People who act, or asked to act, for me")
    Map<String, List<ProxyService.Binding>> myProxies() {
        return Map.of("items", proxies.proxiesFor(Me.residentId()));
    }

    @PostMapping("/me/proxies/{proxyId}/accept")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Accept a request to act for me")
    Map<String, String> accept(@PathVariable UUID proxyId) {
        proxies.answer(Me.residentId(), proxyId, true, LocaleContextHolder.getLocale());
        return Map.of("status", "ACTIVE");
    }

    @PostMapping("/me/proxies/{proxyId}/decline")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Decline a request to act for me")
    Map<String, String> decline(@PathVariable UUID proxyId) {
        proxies.answer(Me.residentId(), proxyId, false, LocaleContextHolder.getLocale());
        return Map.of("status", "DECLINED");
    }

    @DeleteMapping("/me/proxies/{proxyId}")
    @PreAuthorize("hasRole('RESIDENT')")
    @Operation(summary = "Revoke someone's right to act for me")
    ResponseEntity<Void> revoke(@PathVariable UUID proxyId) {
        proxies.end(Me.residentId(), proxyId);
        return ResponseEntity.noContent().build();
    }

    record WindowBinding(UUID proxyResidentId, UUID relativeResidentId, Relation relation,
            Set<ProxyPermission> permissions) {
    }

    @PostMapping("/proxies")
    @PreAuthorize(Me.REGISTRARS)
    @Operation(summary = "Bind a proxy at a window: staff have verified both people (ACTIVE at once)")
    ResponseEntity<ProxyService.Binding> bindAtWindow(@RequestBody WindowBinding body) {
        if (body.proxyResidentId() == null) {
            throw ProblemException.invalid("proxyResidentId", "validation.required");
        }
        if (body.relativeResidentId() == null) {
            throw ProblemException.invalid("relativeResidentId", "validation.required");
        }
        if (body.relation() == null) {
            throw ProblemException.invalid("relation", "validation.required");
        }
        var binding = proxies.bindAtWindow(body.proxyResidentId(), body.relativeResidentId(), body.relation(),
                body.permissions());
        return ResponseEntity.created(URI.create("/api/v1/proxies/" + binding.proxyId())).body(binding);
    }
}
