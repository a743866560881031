package org.huimin.scheduling.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
import org.huimin.shared.web.QueryParameters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
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

    /**
     * The query parameters are read from the request here rather than bound one by one: at release time this is the
     * busiest endpoint, and binding nine parameters built nine data binders per request (about a tenth of the
     * server's CPU in the flash-crowd benchmark). A value that does not parse is the same 400 field error as before.
     */
    @GetMapping
    @Operation(summary = "Slots of one day across the region",
            description = "`available` counts what the caller's channel can take now (residents: the online pool; "
                    + "window staff: the on-site pool; after the flow-back time every pool). Unreleased, stopped and "
                    + "past slots are listed with `available` 0 and `bookable` false.")
    @Parameters({
            @Parameter(in = ParameterIn.QUERY, name = "date", required = true, description = "the day, YYYY-MM-DD",
                    schema = @Schema(type = "string", format = "date")),
            @Parameter(in = ParameterIn.QUERY, name = "department", description = "department code",
                    schema = @Schema(type = "string")),
            @Parameter(in = ParameterIn.QUERY, name = "organizationId", schema = @Schema(type = "string",
                    format = "uuid")),
            @Parameter(in = ParameterIn.QUERY, name = "practitionerId", schema = @Schema(type = "string",
                    format = "uuid")),
            @Parameter(in = ParameterIn.QUERY, name = "level", description = "institution level: 1, 2 or 3",
                    schema = @Schema(type = "string")),
            @Parameter(in = ParameterIn.QUERY, name = "lat", description = "the caller's position, to sort nearest "
                    + "first", schema = @Schema(type = "number")),
            @Parameter(in = ParameterIn.QUERY, name = "lng", schema = @Schema(type = "number")),
            @Parameter(in = ParameterIn.QUERY, name = "channel", description = "a channel the caller may use; "
                    + "default: the caller's own", schema = @Schema(implementation = Channel.class)),
            @Parameter(in = ParameterIn.QUERY, name = "availableOnly", schema = @Schema(type = "boolean",
                    defaultValue = "false"))})
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Slots.class)))
    ResponseEntity<byte[]> slots(@Parameter(hidden = true) HttpServletRequest request) {
        QueryParameters q = new QueryParameters(request);
        LocalDate date = q.required("date", LocalDate::parse);
        String department = request.getParameter("department");
        UUID organizationId = q.optional("organizationId", UUID::fromString);
        UUID practitionerId = q.optional("practitionerId", UUID::fromString);
        String level = request.getParameter("level");
        BigDecimal lat = q.optional("lat", BigDecimal::new);
        BigDecimal lng = q.optional("lng", BigDecimal::new);
        Channel channel = q.optional("channel", Channel::valueOf);
        boolean availableOnly = Boolean.TRUE.equals(q.optional("availableOnly", QueryParameters::bool));
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
