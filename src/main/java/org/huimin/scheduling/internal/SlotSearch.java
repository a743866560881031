package org.huimin.scheduling.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;

import org.huimin.directory.Organization;
import org.huimin.directory.Practitioner;
import org.huimin.scheduling.Channel;
import org.huimin.scheduling.Period;
import org.huimin.scheduling.RegistrationType;
import org.springframework.stereotype.Service;

/**
 * Region-wide slot search: one pool of slots across institutions, by date, department, institution, level and
 * practitioner, nearest first when the caller gives a position. {@code available} counts what the caller's channel
 * can take now, with the same pool rule the booking uses.
 */
@Service
public class SlotSearch {

    private final Schedules schedules;
    private final DirectoryNames directory;
    private final Clock clock;
    private final Cache<RenderKey, Rendered> rendered;

    SlotSearch(Schedules schedules, DirectoryNames directory, Clock clock, SchedulingProperties properties) {
        this.schedules = schedules;
        this.directory = directory;
        this.clock = clock;
        this.rendered = SlotListings.cache(properties.listingCacheTtl(), 2_000);
    }

    /** A listing's parameters apart from the caller's position, with the caller's channel. */
    private record RenderKey(LocalDate date, String departmentCode, UUID organizationId, UUID practitionerId,
            String level, Channel channel, boolean availableOnly) {
    }

    /** A listing rendered from {@code rows}, valid while they are served and from {@code from} until {@code until}. */
    private record Rendered(List<Schedules.SlotRow> rows, Instant from, Instant until, byte[] body) {
    }

    public record Query(LocalDate date, String departmentCode, UUID organizationId, UUID practitionerId, String level,
            BigDecimal latitude, BigDecimal longitude, Channel channel, boolean availableOnly) {
    }

    /** A slot as a caller sees it. {@code fee} is in yuan; {@code distanceKm} only when a position was given. */
    public record SlotView(UUID slotId, Instant start, Instant end, UUID sessionId, Period period,
            UUID organizationId, String organizationName, String organizationLevel, String departmentCode,
            String departmentName, UUID practitionerId, String practitionerName, String practitionerTitle,
            String serviceName, RegistrationType registrationType, BigDecimal fee, int capacity, int available,
            boolean bookable, String status, Instant releasesAt, Double distanceKm) {
    }

    public List<SlotView> search(Query q) {
        return search(q, clock.instant());
    }

    /**
     * The listing rendered by {@code render}, shared by every caller with the same parameters and channel for as long
     * as {@link SlotListings} serves the same rows (until a booking, cancellation, new session or stop-service changes
     * the department's day, see there), and until the clock reaches the next release, flow-back or start time among
     * its slots. At release time thousands of residents list the same few departments: they share one read and one
     * rendering. Searches by position (each caller's own distances) are rendered every time.
     */
    public byte[] rendered(Query q, Function<List<SlotView>, byte[]> render) {
        Instant now = clock.instant();
        if (q.latitude() != null || !schedules.listingsCached()) {
            return render.apply(search(q, now));
        }
        String department = blankToNull(q.departmentCode());
        RenderKey key = new RenderKey(q.date(), department, q.organizationId(), q.practitionerId(),
                blankToNull(q.level()), q.channel(), q.availableOnly());
        List<Schedules.SlotRow> rows = schedules.slots(q.date(), department, q.organizationId(), q.practitionerId());
        Rendered hit = rendered.getIfPresent(key);
        if (hit != null && hit.rows() == rows && !now.isBefore(hit.from()) && now.isBefore(hit.until())) {
            return hit.body();
        }
        byte[] body = render.apply(views(rows, q, now));
        rendered.put(key, new Rendered(rows, now, nextChange(rows, now), body));
        return body;
    }

    /** The first instant after {@code now} at which a view of these rows can change without a write. */
    static Instant nextChange(List<Schedules.SlotRow> rows, Instant now) {
        Instant next = Instant.MAX;
        for (Schedules.SlotRow s : rows) {
            for (Instant t : new Instant[] {s.releasesAt(), s.flowsBackAt(), s.startsAt()}) {
                if (t != null && t.isAfter(now) && t.isBefore(next)) {
                    next = t;
                }
            }
        }
        return next;
    }

    private List<SlotView> search(Query q, Instant now) {
        return views(schedules.slots(q.date(), blankToNull(q.departmentCode()), q.organizationId(),
                q.practitionerId()), q, now);
    }

    private List<SlotView> views(List<Schedules.SlotRow> rows, Query q, Instant now) {
        Map<String, String> departments = directory.departments();
        var views = rows.stream().map(s -> {
                    Organization org = directory.organization(s.organizationId()).orElse(null);
                    Practitioner p = s.practitionerId() == null ? null
                            : directory.practitioner(s.practitionerId()).orElse(null);
                    boolean bookable = BookingPolicy.bookable(s.status(), s.startsAt(), s.releasesAt(), now);
                    int available = bookable ? PoolPolicy.available(q.channel(), now, s.flowsBackAt(), s.remaining())
                            : 0;
                    return new SlotView(s.slotId(), s.startsAt(), s.endsAt(), s.sessionId(), s.period(),
                            s.organizationId(), org == null ? null : org.name(), org == null ? null : org.level(),
                            s.departmentCode(), departments.getOrDefault(s.departmentCode(), s.departmentCode()),
                            s.practitionerId(), p == null ? null : p.name(), p == null ? null : p.title(),
                            s.serviceName(), s.registrationType(), BigDecimal.valueOf(s.feeFen(), 2), s.capacity(),
                            available, bookable && available > 0, s.status(), s.releasesAt(),
                            distance(q, org));
                })
                .filter(v -> q.level() == null || q.level().isBlank() || q.level().equals(v.organizationLevel()))
                .filter(v -> !q.availableOnly() || v.available() > 0);
        if (q.latitude() != null && q.longitude() != null) {
            views = views.sorted(Comparator.comparing((SlotView v) -> v.distanceKm() == null ? Double.MAX_VALUE
                    : v.distanceKm()).thenComparing(SlotView::start));
        }
        return views.toList();
    }

    private static Double distance(Query q, Organization org) {
        if (q.latitude() == null || q.longitude() == null || org == null || org.latitude() == null
                || org.longitude() == null) {
            return null;
        }
        double lat1 = Math.toRadians(q.latitude().doubleValue());
        double lat2 = Math.toRadians(org.latitude().doubleValue());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(org.longitude().doubleValue() - q.longitude().doubleValue());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return Math.round(2 * 6371.0 * Math.asin(Math.sqrt(h)) * 10) / 10.0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
