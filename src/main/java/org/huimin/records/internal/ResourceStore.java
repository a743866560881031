package org.huimin.records.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huimin.records.ConsentCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resource table on JDBC: batched upserts at ingest, reads by id, per-resident searches and pages. */
@Repository
class ResourceStore {

    /** A resource as written: its index columns and its JSON. */
    record Row(UUID id, String type, UUID residentId, UUID sourceOrg, String sourceKey, int version,
            Instant lastUpdated, IndexedResource index, String author, String hash, String content) {
    }

    /** What ingest needs to know of a resource already stored under the same source key. */
    record Existing(UUID id, int version, String hash, UUID residentId) {
    }

    /** A stored resource as readers need it. */
    record Stored(UUID id, String type, UUID residentId, UUID sourceOrg, ConsentCategory category, int version,
            Instant lastUpdated, String content) {
    }

    record Key(String type, String sourceKey) {
    }

    private static final String INSERT = """
            insert into rec_resource (id, resource_type, resident_id, source_org, source_key, version, last_updated,
                effective_at, kind, category, codes, categories, title, value_text, value_num, unit, flag, ref_low,
                ref_high, main_code, encounter_id, author, content_hash, content)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String UPDATE = """
            update rec_resource set resident_id = ?, version = ?, last_updated = ?, effective_at = ?, kind = ?,
                category = ?, codes = ?, categories = ?, title = ?, value_text = ?, value_num = ?, unit = ?, flag = ?,
                ref_low = ?, ref_high = ?, main_code = ?, encounter_id = ?, author = ?, content_hash = ?, content = ?,
                validation = null, validation_issues = null, validated_at = null
            where id = ?""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ResourceStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The resources this institution already sent under these keys. */
    Map<Key, Existing> existing(UUID sourceOrg, Collection<Key> keys) {
        Map<Key, Existing> found = new HashMap<>();
        List<String> sourceKeys = keys.stream().map(Key::sourceKey).distinct().toList();
        for (int from = 0; from < sourceKeys.size(); from += 500) {
            List<String> chunk = sourceKeys.subList(from, Math.min(sourceKeys.size(), from + 500));
            jdbc.sql("""
                    select resource_type, source_key, id, version, content_hash, resident_id from rec_resource
                    where source_org = :org and source_key in (:keys)""")
                    .param("org", sourceOrg).param("keys", chunk)
                    .query(rs -> {
                        found.put(new Key(rs.getString(1), rs.getString(2)), new Existing(rs.getObject(3, UUID.class),
                                rs.getInt(4), rs.getString(5), rs.getObject(6, UUID.class)));
                    });
        }
        return found;
    }

    void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(INSERT, rows, 500, (ps, r) -> {
            int i = 1;
            ps.setObject(i++, r.id());
            ps.setString(i++, r.type());
            ps.setObject(i++, r.residentId());
            ps.setObject(i++, r.sourceOrg());
            ps.setString(i++, r.sourceKey());
            ps.setInt(i++, r.version());
            ps.setObject(i++, utc(r.lastUpdated()));
            i = index(ps, i, r);
            ps.setString(i++, r.hash());
            ps.setString(i, r.content());
        });
    }

    void update(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(UPDATE, rows, 500, (ps, r) -> {
            int i = 1;
            ps.setObject(i++, r.residentId());
            ps.setInt(i++, r.version());
            ps.setObject(i++, utc(r.lastUpdated()));
            i = index(ps, i, r);
            ps.setString(i++, r.hash());
            ps.setString(i++, r.content());
            ps.setObject(i, r.id());
        });
    }

    private static int index(PreparedStatement ps, int i, Row r) throws SQLException {
        IndexedResource x = r.index();
        ps.setObject(i++, x.effectiveAt() == null ? null : utc(x.effectiveAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(i++, x.kind().name());
        ps.setString(i++, x.category().name());
        ps.setString(i++, x.codes());
        ps.setString(i++, x.categories());
        ps.setString(i++, x.title());
        ps.setString(i++, x.valueText());
        ps.setBigDecimal(i++, x.valueNum());
        ps.setString(i++, x.unit());
        ps.setString(i++, x.flag());
        ps.setBigDecimal(i++, x.refLow());
        ps.setBigDecimal(i++, x.refHigh());
        ps.setString(i++, x.mainCode());
        ps.setObject(i++, x.encounterId());
        ps.setString(i++, cut(r.author(), 200));
        return i;
    }

    Optional<Stored> find(String type, UUID id) {
        return jdbc.sql("""
                select id, resource_type, resident_id, source_org, category, version, last_updated, content from rec_resource
                where id = :id and resource_type = :type""")
                .param("id", id).param("type", type).query(ResourceStore::stored).optional();
    }

    /**
     * The id of a resource of this type that this institution sent under this source key (identifier
     * {@code system|value}): an institution's conditional references name its own resources.
     */
    Optional<UUID> bySourceKey(UUID sourceOrg, String type, String sourceKey) {
        return jdbc.sql("""
                select id from rec_resource where source_org = :org and source_key = :k and resource_type = :t""")
                .param("org", sourceOrg).param("t", type).param("k", sourceKey).query(UUID.class).optional();
    }

    boolean exists(String type, UUID id) {
        return jdbc.sql("select count(*) from rec_resource where id = :id and resource_type = :t")
                .param("id", id).param("t", type).query(Long.class).single() > 0;
    }

    /** Filters of a per-resident search; each may be null. */
    record Filter(String type, Set<ConsentCategory> categories, UUID sourceOrg, List<String> codeTokens,
            List<String> categoryTokens, Instant from, Instant to, UUID encounterId, boolean newestFirst) {
    }

    List<Stored> search(UUID residentId, Filter f, int offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, resource_type, resident_id, source_org, category, version, last_updated, content from rec_resource
                where resident_id = :r""");
        Map<String, Object> params = where(residentId, f, sql);
        sql.append(f.newestFirst() ? " order by effective_at desc, id" : " order by effective_at, id");
        sql.append(" offset ").append(Math.max(0, offset)).append(" rows fetch next ").append(Math.max(0, limit))
                .append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(ResourceStore::stored).list();
    }

    /** A stored resource's JSON as kept (with its meta), for readers that pass it on without parsing. */
    record Raw(String type, UUID id, String content) {
    }

    List<Raw> raw(UUID residentId, Filter f, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select resource_type, id, content from rec_resource where resident_id = :r");
        Map<String, Object> params = where(residentId, f, sql);
        sql.append(f.newestFirst() ? " order by effective_at desc, id" : " order by effective_at, id");
        sql.append(" offset ").append(Math.max(0, offset)).append(" rows fetch next ").append(Math.max(0, limit))
                .append(" rows only");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Raw(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
    }

    int count(UUID residentId, Filter f) {
        StringBuilder sql = new StringBuilder("select count(*) from rec_resource where resident_id = :r");
        Map<String, Object> params = where(residentId, f, sql);
        return jdbc.sql(sql.toString()).params(params).query(Integer.class).single();
    }

    private static Map<String, Object> where(UUID residentId, Filter f, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        params.put("r", residentId);
        if (f.type() != null) {
            sql.append(" and resource_type = :type");
            params.put("type", f.type());
        }
        if (f.categories() != null) {
            sql.append(" and category in (:cats)");
            params.put("cats", f.categories().stream().map(Enum::name).toList());
        }
        if (f.sourceOrg() != null) {
            sql.append(" and source_org = :org");
            params.put("org", f.sourceOrg());
        }
        tokens(sql, params, "codes", "code", f.codeTokens());
        tokens(sql, params, "categories", "cat", f.categoryTokens());
        if (f.from() != null) {
            sql.append(" and effective_at >= :from");
            params.put("from", utc(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and effective_at < :to");
            params.put("to", utc(f.to()));
        }
        if (f.encounterId() != null) {
            sql.append(" and encounter_id = :enc");
            params.put("enc", f.encounterId());
        }
        return params;
    }

    /**
     * Token search over the space-delimited {@code system|code} column: {@code system|code} matches exactly,
     * {@code code} alone (or {@code |code}) matches any system; several tokens are OR-ed.
     */
    private static void tokens(StringBuilder sql, Map<String, Object> params, String column, String name,
            List<String> tokens) {
        if (tokens == null || tokens.isEmpty()) {
            return;
        }
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            // "_" stands for a space in the column and is LIKE's one-character wildcard, which is harmless here
            String t = tokens.get(i).replace(' ', '_').replace("%", "");
            String p = name + i;
            if (t.contains("|") && !t.startsWith("|")) {
                clauses.add(column + " like :" + p);
                params.put(p, "% " + t + " %");
            } else {
                clauses.add(column + " like :" + p);
                params.put(p, "%|" + (t.startsWith("|") ? t.substring(1) : t) + " %");
            }
        }
        sql.append(" and (").append(String.join(" or ", clauses)).append(")");
    }

    private static Stored stored(java.sql.ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), ConsentCategory.valueOf(rs.getString(5)), rs.getInt(6),
                instant(rs.getTimestamp(7)), rs.getString(8));
    }

    /** True when the institution has sent anything about this resident. */
    boolean hasSent(UUID sourceOrg, UUID residentId) {
        return !jdbc.sql("""
                select 1 from rec_resource where resident_id = :r and source_org = :org fetch first 1 rows only""")
                .param("r", residentId).param("org", sourceOrg).query(Integer.class).list().isEmpty();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
