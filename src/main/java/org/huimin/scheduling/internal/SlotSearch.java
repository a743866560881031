package org.huimin.scheduling.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    SlotSearch(Schedules schedules, DirectoryNames directory, Clock clock) {
        this.schedules = schedules;
        this.directory = directory;
        this.clock = clock;
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
        Instant now = clock.instant();
        Map<String, String> departments = directory.departments();
        var views = schedules.slots(q.date(), blankToNull(q.departmentCode()), q.organizationId(), q.practitionerId())
                .stream().map(s -> {
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
