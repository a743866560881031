package org.huimin.records.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.huimin.audit.AuditEvent;
import org.huimin.audit.AuditEvent.Outcome;
import org.huimin.audit.AuditLog;
import org.huimin.shared.ProblemException;
import org.huimin.shared.security.Actor;
import org.huimin.shared.security.CurrentActor;
import org.huimin.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Bulk data export (FHIR Bulk Data {@code $export}) of the shared record to NDJSON for analytics: asynchronous, one
 * file per resource type, status polled, files downloaded with the same token, kept for a day. Only platform
 * administrators start, read and cancel exports; each is audited. Resources are written as stored, without parsing.
 */
@Service
public class BulkExport {

    private static final Logger log = LoggerFactory.getLogger(BulkExport.class);

    public enum Status { QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED }

    /** A job as the status endpoint reports it; {@code files} maps a type to its NDJSON line count. */
    public record Job(UUID id, String requestedBy, String requestUrl, List<String> types, Instant since,
            Status status, int progress, int total, Map<String, Integer> files, String error, Instant createdAt,
            Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final Clock clock;
    private final AuditLog audit;
    private final Path root;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "records-export");
        t.setDaemon(true);
        return t;
    });

    BulkExport(JdbcClient jdbc, javax.sql.DataSource dataSource,
            org.springframework.transaction.PlatformTransactionManager transactions, Clock clock, AuditLog audit,
            @Value("${huimin.data-path}") String dataPath) {
        this.jdbc = jdbc;
        // its own template: rows stream in batches (PostgreSQL honours the fetch size inside a transaction)
        this.template = new JdbcTemplate(dataSource);
        this.template.setFetchSize(500);
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.audit = audit;
        this.root = Path.of(dataPath, "exports");
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Starts an export of the given types ({@code null} = every stored type) changed since {@code since}. */
    public Job start(String requestUrl, List<String> types, Instant since) {
        Actor actor = requireAdmin();
        for (String t : types == null ? List.<String>of() : types) {
            if (!BundleIngest.CLINICAL.contains(t)) {
                throw ProblemException.invalid("_type", "records.export-type", t);
            }
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into rec_export_job (id, requested_by, request_url, types, since, status, progress, total,
                    created_at, expires_at) values (:id, :by, :url, :types, :since, 'QUEUED', 0, 0, :now, :exp)""")
                .param("id", id).param("by", actor.username()).param("url", cut(requestUrl, 1000))
                .param("types", types == null || types.isEmpty() ? null : String.join(",", types))
                .param("since", ResourceStore.utc(since)).param("now", ResourceStore.utc(now))
                .param("exp", ResourceStore.utc(now.plus(Duration.ofDays(1)))).update();
        audit.record(AuditEvent.byCurrentActor("RECORD_BULK_EXPORT", "Group", id.toString(), Outcome.SUCCESS)
                .withPurpose("ANALYTICS").withDetail("types=" + (types == null ? "all" : types) + " since=" + since));
        worker.submit(() -> run(id));
        return job(id).orElseThrow();
    }

    public Job status(UUID id) {
        requireAdmin();
        return job(id).orElseThrow(() -> ProblemException.notFound("export", id));
    }

    /** Cancels a running job or deletes a finished one with its files. */
    public void cancel(UUID id) {
        requireAdmin();
        Job job = job(id).orElseThrow(() -> ProblemException.notFound("export", id));
        jdbc.sql("update rec_export_job set status = 'CANCELLED', finished_at = :now where id = :id "
                + "and status in ('QUEUED', 'RUNNING')").param("now", ResourceStore.utc(clock.instant()))
                .param("id", id).update();
        if (job.status() != Status.QUEUED && job.status() != Status.RUNNING) {
            delete(id);
        }
        audit.record(AuditEvent.byCurrentActor("RECORD_BULK_EXPORT_CANCEL", "Group", id.toString(),
                Outcome.SUCCESS));
    }

    /** The NDJSON file of one type of a completed job. */
    public Path file(UUID id, String type) {
        Job job = status(id);
        if (job.status() != Status.COMPLETED || !job.files().containsKey(type)) {
            throw ProblemException.notFound("export file", id + "/" + type);
        }
        audit.record(AuditEvent.byCurrentActor("RECORD_BULK_EXPORT_DOWNLOAD", "Group", id.toString(),
                Outcome.SUCCESS).withPurpose("ANALYTICS").withDetail(type));
        return root.resolve(id.toString()).resolve(type + ".ndjson");
    }

    private void run(UUID id) {
        Job job = job(id).orElse(null);
        if (job == null || job.status() != Status.QUEUED) {
            return;
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!job.types().isEmpty()) {
            where.append(" and resource_type in (").append(String.join(",", job.types().stream().map(t -> "?")
                    .toList())).append(")");
            args.addAll(job.types());
        }
        if (job.since() != null) {
            where.append(" and last_updated >= ?");
            args.add(ResourceStore.utc(job.since()));
        }
        Integer total = template.queryForObject("select count(*) from rec_resource" + where, Integer.class,
                args.toArray());
        jdbc.sql("update rec_export_job set status = 'RUNNING', total = :t where id = :id").param("t", total)
                .param("id", id).update();
        Path dir = root.resolve(id.toString());
        Map<String, BufferedWriter> writers = new HashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] done = {0};
        try {
            Files.createDirectories(dir);
            readOnly.executeWithoutResult(tx -> template.query(
                    "select resource_type, content from rec_resource" + where + " order by resource_type, id",
                    rs -> {
                        String type = rs.getString(1);
                        try {
                            BufferedWriter w = writers.computeIfAbsent(type, t -> open(dir.resolve(t + ".ndjson")));
                            // stored JSON is one line: HAPI encodes without pretty printing
                            w.write(rs.getString(2));
                            w.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        counts.merge(type, 1, Integer::sum);
                        if (++done[0] % 5000 == 0) {
                            if (cancelled(id)) {
                                throw new CancellationException();
                            }
                            progress(id, done[0]);
                        }
                    }, args.toArray()));
            closeAll(writers);
            String output = String.join(",", counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .toList());
            jdbc.sql("""
                    update rec_export_job set status = 'COMPLETED', progress = :p, output = :o, finished_at = :now
                    where id = :id and status = 'RUNNING'""")
                    .param("p", done[0]).param("o", cut(output, 4000)).param("now", ResourceStore.utc(clock.instant()))
                    .param("id", id).update();
        } catch (CancellationException e) {
            closeAll(writers);
            delete(id);
        } catch (RuntimeException | IOException e) {
            closeAll(writers);
            log.warn("export {} failed", id, e);
            jdbc.sql("update rec_export_job set status = 'FAILED', error = :e, finished_at = :now where id = :id")
                    .param("e", cut(e.toString(), 1000)).param("now", ResourceStore.utc(clock.instant()))
                    .param("id", id).update();
        }
    }

    private static final class CancellationException extends RuntimeException {
        CancellationException() {
            super(null, null, false, false);
        }
    }

    /** Progress is written outside the export's read-only transaction, so pollers see it. */
    private void progress(UUID id, int done) {
        java.util.concurrent.CompletableFuture.runAsync(() -> jdbc.sql(
                "update rec_export_job set progress = :p where id = :id and progress < :p").param("p", done)
                .param("id", id).update()).join();
    }

    private boolean cancelled(UUID id) {
        return job(id).map(j -> j.status() == Status.CANCELLED).orElse(true);
    }

    private static BufferedWriter open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeAll(Map<String, BufferedWriter> writers) {
        for (BufferedWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                // the job is failing or cancelled already
            }
        }
    }

    /** Removes expired jobs and their files, hourly. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void expire() {
        List<UUID> expired = jdbc.sql("select id from rec_export_job where expires_at < :now")
                .param("now", ResourceStore.utc(clock.instant())).query(UUID.class).list();
        expired.forEach(this::delete);
    }

    private void delete(UUID id) {
        Path dir = root.resolve(id.toString());
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("could not delete export files of {}", id, e);
            }
        }
        jdbc.sql("delete from rec_export_job where id = :id and status <> 'RUNNING'").param("id", id).update();
    }

    private Optional<Job> job(UUID id) {
        return jdbc.sql("""
                select id, requested_by, request_url, types, since, status, progress, total, output, error,
                    created_at, finished_at from rec_export_job where id = :id""")
                .param("id", id).query((rs, n) -> {
                    String types = rs.getString(4);
                    Map<String, Integer> files = new LinkedHashMap<>();
                    String output = rs.getString(9);
                    if (output != null && !output.isBlank()) {
                        for (String part : output.split(",")) {
                            String[] kv = part.split(":");
                            files.put(kv[0], Integer.parseInt(kv[1]));
                        }
                    }
                    return new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            types == null ? List.of() : List.of(types.split(",")),
                            ResourceStore.instant(rs.getTimestamp(5)), Status.valueOf(rs.getString(6)), rs.getInt(7),
                            rs.getInt(8), files, rs.getString(10), ResourceStore.instant(rs.getTimestamp(11)),
                            ResourceStore.instant(rs.getTimestamp(12)));
                }).optional();
    }

    private static Actor requireAdmin() {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
        }
        return actor;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
