package org.huimin.identity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.identity.DocumentType;
import org.huimin.identity.IncomingPerson;
import org.huimin.identity.Resolution;
import org.huimin.identity.Residents;
import org.huimin.identity.internal.Empi;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.huimin.shared.Sex;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/empi")
@PreAuthorize(Me.STEWARDS)
@Tag(name = "Master index (EMPI)", description = "Resolve people without an ID number; review, merge, unmerge")
class EmpiController {

    private final Residents residents;
    private final Empi empi;

    EmpiController(Residents residents, Empi empi) {
        this.residents = residents;
        this.empi = empi;
    }

    record Doc(DocumentType type, String value, String issuer) {
    }

    record Person(String name, Sex sex, LocalDate birthDate, String phone, String address, String idNumber,
            List<Doc> documents) {
    }

    @PostMapping("/resolve")
    @Operation(summary = "Resolve a person record (e.g. a newborn without an ID number) to a resident",
            description = "ID number, then documents, then probabilistic matching: MATCH links to the existing "
                    + "resident, POSSIBLE_MATCH indexes a new UNVERIFIED resident and opens a review, NO_MATCH "
                    + "indexes a new UNVERIFIED resident.")
    Resolution resolve(@RequestBody Person body) {
        List<ProblemException.FieldProblem> errors = new java.util.ArrayList<>();
        if (body.name() == null || body.name().isBlank()) {
            errors.add(new ProblemException.FieldProblem("name", "validation.required"));
        } else if (body.name().strip().length() > 40) {
            errors.add(new ProblemException.FieldProblem("name", "validation.too-long"));
        }
        if (body.sex() == null) {
            errors.add(new ProblemException.FieldProblem("sex", "validation.required"));
        }
        if (body.birthDate() == null) {
            errors.add(new ProblemException.FieldProblem("birthDate", "validation.required"));
        } else if (body.birthDate().isAfter(LocalDate.now().plusDays(1))) {
            errors.add(new ProblemException.FieldProblem("birthDate", "validation.range"));
        }
        if (body.phone() != null && !body.phone().isBlank() && !body.phone().strip().matches("1[3-9]\\d{9}")) {
            errors.add(new ProblemException.FieldProblem("phone", "account.phone"));
        }
        if (body.idNumber() != null && !body.idNumber().isBlank()
                && org.huimin.shared.ResidentIdNumber.check(body.idNumber()) != null) {
            errors.add(new ProblemException.FieldProblem("idNumber", "idnumber.invalid"));
        }
        List<IncomingPerson.Document> docs = new java.util.ArrayList<>();
        List<Doc> given = body.documents() == null ? List.of() : body.documents();
        for (int i = 0; i < given.size(); i++) {
            Doc d = given.get(i);
            if (d == null || d.type() == null || d.value() == null || d.value().isBlank()
                    || d.value().strip().length() > 64) {
                errors.add(new ProblemException.FieldProblem("documents[" + i + "]", "validation.required"));
            } else {
                docs.add(new IncomingPerson.Document(d.type(), d.issuer(), d.value()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation",
                    "problem.validation", errors, Map.of());
        }
        return residents.resolve(new IncomingPerson(body.name().strip(), body.sex(), body.birthDate(), body.phone(),
                body.address(), body.idNumber() == null || body.idNumber().isBlank() ? null : body.idNumber(), docs,
                "window"));
    }

    @GetMapping("/reviews")
    @Operation(summary = "Possible matches awaiting a decision (OPEN) or decided, side by side with field scores")
    PageResult<Empi.Review> reviews(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return empi.reviews(status, PageRequest.of(page, size));
    }

    record DecisionBody(Empi.Decision decision, UUID survivorId, String reason) {
    }

    @PostMapping("/reviews/{reviewId}/decision")
    @Operation(summary = "Merge the pair (choose the survivor) or keep them apart; a reason is required")
    Map<String, String> decide(@PathVariable UUID reviewId, @RequestBody DecisionBody body) {
        if (body.decision() == null) {
            throw ProblemException.invalid("decision", "validation.required");
        }
        if (body.reason() == null || body.reason().isBlank()) {
            throw ProblemException.invalid("reason", "validation.required");
        }
        if (body.reason().length() > 500) {
            throw ProblemException.invalid("reason", "validation.too-long");
        }
        empi.decide(reviewId, body.decision(), body.survivorId(), body.reason().strip());
        return Map.of("status", "DECIDED", "decision", body.decision().name());
    }

    @GetMapping("/merges")
    @Operation(summary = "Merge history, newest first, including undone merges")
    PageResult<Empi.Merge> merges(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return empi.merges(PageRequest.of(page, size));
    }

    record Undo(String reason) {
    }

    @PostMapping("/merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge: the merged record answers for itself again")
    Map<String, String> undo(@PathVariable UUID mergeId, @RequestBody Undo body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw ProblemException.invalid("reason", "validation.required");
        }
        if (body.reason().length() > 500) {
            throw ProblemException.invalid("reason", "validation.too-long");
        }
        empi.undo(mergeId, body.reason().strip());
        return Map.of("status", "UNDONE");
    }
}
