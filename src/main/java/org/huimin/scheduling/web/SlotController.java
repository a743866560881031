package org.huimin.scheduling.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.huimin.scheduling.Channel;
import org.huimin.scheduling.internal.BookingService;
import org.huimin.scheduling.internal.SlotSearch;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/slots")
@Tag(name = "Slots", description = "Region-wide time-slot search (分时段号源)")
class SlotController {

    private final SlotSearch search;
    private final JsonMapper json;

    SlotController(SlotSearch search, JsonMapper json) {
        this.search = search;
        this.json = json;
    }

    record Slots(LocalDate date, Channel channel, List<SlotSearch.SlotView> items) {
    }

    @GetMapping
    @Operation(summary = "Slots of one day across the region",
            description = "`available` counts what the caller's channel can take now (residents: the online pool; "
                    + "window staff: the on-site pool; after the flow-back time every pool). Unreleased, stopped and "
                    + "past slots are listed with `available` 0 and `bookable` false.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Slots.class)))
    ResponseEntity<byte[]> slots(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String department, @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) UUID practitionerId,
            @Parameter(description = "institution level: 1, 2 or 3") @RequestParam(required = false) String level,
            @Parameter(description = "the caller's position, to sort nearest first") @RequestParam(required = false)
            BigDecimal lat, @RequestParam(required = false) BigDecimal lng,
            @Parameter(description = "a channel the caller may use; default: the caller's own")
            @RequestParam(required = false) Channel channel,
            @RequestParam(defaultValue = "false") boolean availableOnly) {
        Actor actor = CurrentActor.get();
        Channel effective = channel == null ? BookingService.defaultChannel(actor) : channel;
        if (channel != null && !BookingService.channels(actor).contains(channel)) {
            throw ProblemException.invalid("channel", "scheduling.channel-not-allowed");
        }
        if ((lat == null) != (lng == null)) {
            throw ProblemException.invalid(lat == null ? "lat" : "lng", "validation.required");
        }
        // rendered once and shared by everyone with the same parameters and channel until the listing changes
        byte[] body = search.rendered(new SlotSearch.Query(date, department, organizationId, practitionerId, level,
                lat, lng, effective, availableOnly), items -> json.writeValueAsBytes(new Slots(date, effective, items)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
