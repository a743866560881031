package org.huimin.records.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.huimin.identity.ResidentSummary;
import org.huimin.identity.Residents;
import org.huimin.records.ConsentCategory;
import org.huimin.records.RecordKind;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.huimin.shared.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The record as people read it: a summary, a timeline of items newest first, and trends of numeric results — from
 * the index columns, without parsing resources. Every view goes through {@link RecordAccess}.
 */
@Service
public class RecordViews {

    public record Summary(UUID residentId, String name, Map<RecordKind, Integer> counts,
            List<Institution> organizations, Instant first, Instant last) {
    }

    public record Institution(UUID id, String name) {
    }

    public record Item(UUID id, String resourceType, RecordKind kind, Instant date, String title, String detail,
            String value, String unit, String flag, String referenceRange, String code, UUID organizationId,
            String organizationName, String author, ConsentCategory category, boolean recognised) {
    }

    public record TrendCode(String code, String display, String unit, int count, Instant last) {
    }

    public record Point(Instant date, BigDecimal value, String flag, String organizationName) {
    }

    public record Trend(String code, String display, String unit, BigDecimal low, BigDecimal high,
            List<Point> points) {
    }

    private final JdbcClient jdbc;
    private final RecordAccess access;
    private final Residents residents;
    private final Names names;
    private final Recognition recognition;

    RecordViews(JdbcClient jdbc, RecordAccess access, Residents residents, Names names, Recognition recognition) {
        this.jdbc = jdbc;
        this.access = access;
        this.residents = residents;
        this.names = names;
        this.recognition = recognition;
    }

    public Summary summary(UUID residentId) {
        UUID resident = effective(residentId);
        RecordAccess.Decision d = access.require(resident, "SUMMARY", null);
        Summary summary = summaryOf(resident, d);
        access.read(d, "SUMMARY", null, summary.counts().values().stream().mapToInt(Integer::intValue).sum());
        return summary;
    }

    private Summary summaryOf(UUID resident, RecordAccess.Decision d) {
        Scope s = scope(d);
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        jdbc.sql("select kind, count(*) from rec_resource where resident_id = :r and kind <> 'BILLING'" + s.sql()
                + " group by kind").params(s.params(resident))
                .query(rs -> {
                    counts.put(RecordKind.valueOf(rs.getString(1)), rs.getInt(2));
                });
        List<Institution> orgs = jdbc.sql("select distinct source_org from rec_resource where resident_id = :r"
                + s.sql()).params(s.params(resident)).query(UUID.class).list().stream()
                .map(o -> new Institution(o, names.organizationName(o))).toList();
        Instant[] range = jdbc.sql("select min(effective_at), max(effective_at) from rec_resource where "
                + "resident_id = :r and kind <> 'BILLING'" + s.sql()).params(s.params(resident))
                .query((rs, n) -> new Instant[] {ResourceStore.instant(rs.getTimestamp(1)),
                        ResourceStore.instant(rs.getTimestamp(2))}).single();
        String name = residents.find(resident).map(ResidentSummary::name).orElse(null);
        return new Summary(resident, name, counts, orgs, range[0], range[1]);
    }

    /** The whole record for a download: summary and every item newest first, one access-log line. */
    public record Export(Summary summary, List<Item> items) {
    }

    public Export export(UUID residentId, String format) {
        UUID resident = effective(residentId);
        RecordAccess.Decision d = access.require(resident, "EXPORT", format);
        List<Item> all = new ArrayList<>();
        java.util.Set<UUID> recognised = recognition.recognisedIds(resident, d);
        for (int page = 0;; page++) {
            List<Item> items = items(resident, d, null, new PageRequest(page, PageRequest.MAX_SIZE), recognised)
                    .items();
            all.addAll(items);
            if (items.size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        Summary summary = summaryOf(resident, d);
        access.read(d, "EXPORT", format, all.size());
        return new Export(summary, all);
    }

    public PageResult<Item> timeline(UUID residentId, RecordKind kind, PageRequest page) {
        UUID resident = effective(residentId);
        RecordAccess.Decision d = access.require(resident, "TIMELINE", null);
        java.util.Set<UUID> recognised = kind == null || kind == RecordKind.LAB || kind == RecordKind.IMAGING
                || kind == RecordKind.REPORT ? recognition.recognisedIds(resident, d) : java.util.Set.of();
        PageResult<Item> result = items(resident, d, kind, page, recognised);
        access.read(d, "TIMELINE", kind == null ? null : kind.name(), result.items().size());
        return result;
    }

    /** A page of items; {@code recognised} holds the ids that carry the mutual-recognition mark. */
    private PageResult<Item> items(UUID resident, RecordAccess.Decision d, RecordKind kind, PageRequest page,
            java.util.Set<UUID> recognised) {
        Scope s = scope(d);
        String where = " where resident_id = :r" + s.sql() + (kind == null ? " and kind <> 'BILLING'"
                : " and kind = :kind");
        Map<String, Object> params = s.params(resident);
        if (kind != null) {
            params.put("kind", kind.name());
        }
        long total = jdbc.sql("select count(*) from rec_resource" + where).params(params).query(Long.class)
                .single();
        List<Item> items = jdbc.sql("""
                select id, resource_type, kind, effective_at, title, value_text, value_num, unit, flag, ref_low,
                    ref_high, main_code, source_org, author, category
                from rec_resource""" + where + " order by effective_at desc, id offset %d rows fetch next %d rows only"
                .formatted(page.offset(), page.size()))
                .params(params)
                .query((rs, n) -> {
                    BigDecimal low = rs.getBigDecimal(10);
                    BigDecimal high = rs.getBigDecimal(11);
                    String unit = rs.getString(8);
                    UUID org = rs.getObject(13, UUID.class);
                    RecordKind k = RecordKind.valueOf(rs.getString(3));
                    String value = rs.getString(6);
                    return new Item(rs.getObject(1, UUID.class), rs.getString(2), k,
                            ResourceStore.instant(rs.getTimestamp(4)), rs.getString(5),
                            k == RecordKind.LAB || k == RecordKind.VITAL ? null : value,
                            k == RecordKind.LAB || k == RecordKind.VITAL ? value : null, unit, rs.getString(9),
                            range(low, high, unit), rs.getString(12), org, names.organizationName(org),
                            rs.getString(14), ConsentCategory.valueOf(rs.getString(15)),
                            recognised.contains(rs.getObject(1, UUID.class)));
                }).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public List<TrendCode> trendCodes(UUID residentId) {
        UUID resident = effective(residentId);
        RecordAccess.Decision d = access.require(resident, "TRENDS", "Observation");
        Scope s = scope(d);
        Map<String, TrendCode> out = new LinkedHashMap<>();
        jdbc.sql("""
                select main_code, max(title), max(unit), count(*), max(effective_at) from rec_resource
                where resident_id = :r and resource_type = 'Observation' and value_num is not null
                  and main_code is not null""" + s.sql() + " group by main_code having count(*) >= 2 order by max(title)").params(s.params(resident))
                .query(rs -> {
                    out.put(rs.getString(1), new TrendCode(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), ResourceStore.instant(rs.getTimestamp(5))));
                });
        access.read(d, "TRENDS", "Observation", out.size());
        return new ArrayList<>(out.values());
    }

    public Trend trend(UUID residentId, String code) {
        UUID resident = effective(residentId);
        RecordAccess.Decision d = access.require(resident, "TRENDS", "Observation");
        Scope s = scope(d);
        Map<String, Object> params = s.params(resident);
        params.put("code", code);
        List<Object[]> rows = jdbc.sql("""
                select effective_at, value_num, flag, source_org, title, unit, ref_low, ref_high from rec_resource
                where resident_id = :r and resource_type = 'Observation' and main_code = :code
                  and value_num is not null""" + s.sql() + " order by effective_at").params(params)
                .query((rs, n) -> new Object[] {ResourceStore.instant(rs.getTimestamp(1)), rs.getBigDecimal(2),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getBigDecimal(7), rs.getBigDecimal(8)})
                .list();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("trend", code);
        }
        List<Point> points = new ArrayList<>();
        BigDecimal low = null;
        BigDecimal high = null;
        Map<UUID, String> orgNames = new HashMap<>();
        for (Object[] r : rows) {
            UUID org = (UUID) r[3];
            points.add(new Point((Instant) r[0], (BigDecimal) r[1], (String) r[2],
                    orgNames.computeIfAbsent(org, names::organizationName)));
            low = r[6] != null ? (BigDecimal) r[6] : low;
            high = r[7] != null ? (BigDecimal) r[7] : high;
        }
        Object[] last = rows.get(rows.size() - 1);
        access.read(d, "TRENDS", "Observation", points.size());
        return new Trend(code, (String) last[4], (String) last[5], low, high, points);
    }

    private UUID effective(UUID residentId) {
        return residents.effectiveId(residentId).orElseThrow(() -> ProblemException.notFound("resident",
                residentId));
    }

    private static String range(BigDecimal low, BigDecimal high, String unit) {
        if (low == null && high == null) {
            return null;
        }
        String u = unit == null ? "" : " " + unit;
        if (low != null && high != null) {
            return low.stripTrailingZeros().toPlainString() + "–" + high.stripTrailingZeros().toPlainString() + u;
        }
        return low != null ? "≥ " + low.stripTrailingZeros().toPlainString() + u
                : "≤ " + high.stripTrailingZeros().toPlainString() + u;
    }

    /** The SQL conditions a decision adds: the categories it opens and the source it is limited to. */
    private record Scope(String sql, List<String> categories, UUID sourceOrg) {
        Map<String, Object> params(UUID resident) {
            Map<String, Object> p = new HashMap<>();
            p.put("r", resident);
            if (categories != null) {
                p.put("cats", categories);
            }
            if (sourceOrg != null) {
                p.put("org", sourceOrg);
            }
            return p;
        }
    }

    private static Scope scope(RecordAccess.Decision d) {
        StringBuilder sql = new StringBuilder();
        List<String> cats = null;
        if (d.categories() != null) {
            sql.append(" and category in (:cats)");
            cats = d.categories().stream().map(Enum::name).toList();
        }
        if (d.sourceOrg() != null) {
            sql.append(" and source_org = :org");
        }
        return new Scope(sql.toString(), cats, d.sourceOrg());
    }
}
