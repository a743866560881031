package org.huimin.identity.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.huimin.directory.Directory;
import org.huimin.directory.Organization;
import org.huimin.identity.Scene;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resident's own view of where their code was scanned (用码记录), newest first. */
@Service
public class ScanHistory {

    private final JdbcClient jdbc;
    private final Directory directory;

    ScanHistory(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public record Scan(UUID scanId, Scene scene, UUID organizationId, String organizationName, String terminalId,
            Instant scannedAt, String outcome, String reason, String codeType) {
    }

    @Transactional(readOnly = true)
    public PageResult<Scan> of(UUID residentId, PageRequest page) {
        Map<UUID, String> names = new HashMap<>();
        List<Scan> items = jdbc.sql("""
                select * from identity_code_scan where resident_id = :r order by scanned_at desc, id
                limit :limit offset :offset""")
                .param("r", residentId).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> {
                    UUID org = rs.getObject("organization_id", UUID.class);
                    return new Scan(rs.getObject("id", UUID.class), Scene.valueOf(rs.getString("scene")), org,
                            null, rs.getString("terminal_id"), ResidentRecords.instant(rs, "scanned_at"),
                            rs.getString("outcome"), rs.getString("reason"), rs.getString("code_type"));
                })
                .list().stream()
                .map(s -> s.organizationId() == null ? s : new Scan(s.scanId(), s.scene(), s.organizationId(),
                        names.computeIfAbsent(s.organizationId(),
                                id -> directory.organization(id).map(Organization::name).orElse(null)),
                        s.terminalId(), s.scannedAt(), s.outcome(), s.reason(), s.codeType()))
                .toList();
        long total = jdbc.sql("select count(*) from identity_code_scan where resident_id = :r").param("r", residentId)
                .query(Long.class).single();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
