package org.huimin.scheduling.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.huimin.scheduling.triage.Knowledge.Addition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The terms administrators added to the triage knowledge base ({@code scheduling_triage_term}), oldest first. */
@Repository
class TriageTerms {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    TriageTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Addition> all() {
        return jdbc.sql("""
                select id, code, name_zh, name_en, synonyms, departments, red_flag, advice_zh, advice_en, created_by,
                       created_at
                from scheduling_triage_term order by created_at, id""").query(TriageTerms::addition).list();
    }

    Optional<Addition> find(UUID id) {
        return jdbc.sql("""
                select id, code, name_zh, name_en, synonyms, departments, red_flag, advice_zh, advice_en, created_by,
                       created_at
                from scheduling_triage_term where id = :id""").param("id", id).query(TriageTerms::addition).optional();
    }

    void add(Addition a) {
        jdbc.sql("""
                insert into scheduling_triage_term (id, code, name_zh, name_en, synonyms, departments, red_flag,
                    advice_zh, advice_en, created_by, created_at)
                values (:id, :code, :zh, :en, :synonyms, :departments, :redFlag, :adviceZh, :adviceEn, :by, :at)""")
                .param("id", a.id()).param("code", a.code()).param("zh", a.name().zh()).param("en", a.name().en())
                .param("synonyms", JSON.writeValueAsString(a.synonyms()))
                .param("departments", JSON.writeValueAsString(a.departments()))
                .param("redFlag", a.redFlag())
                .param("adviceZh", a.advice() == null ? null : a.advice().zh())
                .param("adviceEn", a.advice() == null ? null : a.advice().en())
                .param("by", a.createdBy()).param("at", a.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean remove(UUID id) {
        return jdbc.sql("delete from scheduling_triage_term where id = :id").param("id", id).update() > 0;
    }

    /** Changes whenever a row is added or removed, so that other nodes notice and reload. */
    String stamp() {
        return jdbc.sql("select count(*), max(created_at) from scheduling_triage_term")
                .query((rs, n) -> rs.getLong(1) + "@" + instant(rs, 2)).single();
    }

    private static Addition addition(ResultSet rs, int n) throws SQLException {
        List<String> synonyms = new ArrayList<>();
        JSON.readTree(rs.getString("synonyms")).values().forEach(v -> synonyms.add(v.asString()));
        Map<String, Double> departments = new LinkedHashMap<>();
        JsonNode weights = JSON.readTree(rs.getString("departments"));
        weights.properties().forEach(e -> departments.put(e.getKey(), e.getValue().asDouble()));
        String adviceZh = rs.getString("advice_zh");
        return new Addition(rs.getObject("id", UUID.class), rs.getString("code"),
                new Text(rs.getString("name_zh"), rs.getString("name_en")), synonyms, departments,
                rs.getBoolean("red_flag"), adviceZh == null ? null : new Text(adviceZh, rs.getString("advice_en")),
                rs.getString("created_by"), instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
