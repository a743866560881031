/*
 * The 8 a.m. flash crowd against a running Huimin server (PostgreSQL), loopback only, bounded in requests and time.
 *
 *   java -XX:TieredStopAtLevel=1 bench/BookingFlashCrowd.java [--base http://127.0.0.1:8080] [--clients 2000]
 *       [--practitioners 25] [--places 500] [--concurrency 64] [--searchers 4] [--search-rate 300] [--seconds 120]
 *       [--setup-seconds 900] [--warmup-seconds 240] [--settle-seconds 30] [--background-lead 5]
 *       [--psql "-h 127.0.0.1 -U postgres -d huimin"] [--latency-log attempts.txt] [--statements 25] [--nearest 1]
 *       [--rehearsal 2]
 *
 * -XX:TieredStopAtLevel=1 keeps this load generator, which shares the machine with the server and PostgreSQL, on the
 * quick C1 compiler: with C2 it compiled its own crowd code during the crowd and took a quarter of a core from the
 * server (measured by thread); without the flag the bench says so in a line of its output.
 *
 * Setup (not measured): as the scheduler, adds one evening session for each of the most popular practitioners of the
 * scheduler's hospital on a released day, all places in the ONLINE pool (places / practitioners each); registers the
 * clients as residents with passwords at the clerk's window (kept for later runs: bench-NNNN, found again by login)
 * and logs them in. A warm-up (`--warmup-seconds`, default 240) books and cancels places of the next days from 8
 * threads while a monitoring scrape reads the server's metrics every 5 s, and rehearsals
 * (`--rehearsal 2`, how many; 0 to skip) run the crowd below on the same slots, with its background searches and the
 * metrics scrape before it, and cancel its bookings, so that the server meets the crowd as it does at 8 a.m., after
 * a day of traffic that has also met full slots and sold-out departments, not with a cold JIT (with a 45-second
 * warm-up, and rehearsals without the background, the server's compilers still took 0.4-0.7 ms per booking sold
 * during the measured crowd). The rehearsals' compilations grow a fresh server's code cache enough for the
 * collector to start a cycle that unloads code, whose remark pause took 56-116 ms on this machine, 4-15 s after the
 * last rehearsal (in one run with a 150-second warm-up, during the crowd): `--settle-seconds` (30) more of the
 * warm-up's traffic after the rehearsals lets it pass, as it has long passed on a server at 8 a.m.
 * Then every client at once, as residents do at release time: the page has shown the bench slots since before the
 * release, so each books one of them (a random one: everybody wants the popular doctors) with an Idempotency-Key the
 * moment the crowd starts; a full slot (409) makes them list the department's slots with places left and try another,
 * up to 5 tries (a sold-out department sends them to the next one). A share `--nearest` of them (default 1: the
 * booking page has it on by default) keep "book the nearest time of the same session if mine is taken", so that a
 * full slot books another of the same doctor's evening on the server; 0 replays residents who all turned it off.
 * Meanwhile `--searchers` threads search slots of other days and departments (background traffic) at `--search-rate`
 * searches a second in all (0: each as fast as the server answers, which makes the background grow with every saving
 * in the server), from `--background-lead` seconds (5) before the crowd, as residents browse before the release, so
 * that the server's listing cache meets the crowd as it is at 8 a.m., not empty. With --psql, the database is
 * vacuumed before the settle (autovacuum's job on a production server between busy hours; it is off on some test
 * machines), so that the crowd does not meet statistics seconds old, which no connection has planned with. Afterwards
 * every confirmed booking is read back, slots are checked against their capacity, the bench bookings are cancelled
 * and the bench templates deactivated.
 *
 * Prints one line per metric: bookings_per_s, p50_ms, p99_ms (POST /appointments, every attempt), oversold (places
 * confirmed beyond a slot's capacity: from the responses and, with --psql, from the database), lost (a 201 booking
 * missing or not BOOKED when read back), searches_per_s, and pgbench_single_row_update_tps: pgbench on the same
 * database, in the same run, updating one row from --concurrency clients (needs --psql and the pgbench tool), and
 * the database's postgres_shared_buffers and postgres_backend_flush_after (README, PostgreSQL: with the defaults, the
 * kernel writes the backends' dirty pages back in bursts of hundreds of megabytes, and the next commit waits for them).
 * On Linux, cpu_server_ms_per_booking, cpu_postgres_ms_per_booking and cpu_load_generator_ms_per_booking say where
 * the machine's CPU went until the last place was sold (the server is every other Java process), and
 * cpu_machine_busy how much of the machine was in use; cpu_server_jit_ms_per_booking is the part of the server's that
 * its JIT compilers took (a warm server compiles little during the crowd).
 * --latency-log writes one line per booking attempt: microseconds from the crowd's start, latency, status (and a 409's
 * problem type, and "new-connection" when the attempt opened a connection: the server closes a kept-alive one after
 * 100 requests).
 * load_generator_autogroup says whether this load generator shares the kernel's CPU group with the server (Linux
 * autogroup scheduling: the processes of one session share one CPU share, and every PostgreSQL backend, which
 * starts a session of its own, has its own).
 * --statements N prints PostgreSQL's N most expensive statements of the crowd (needs pg_stat_statements).
 */
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BookingFlashCrowd {

    static final String PASSWORD = "Bench@2026x";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static String base;

    /** A response; the body is decoded only when asked for (a listing is tens of kilobytes). */
    record Res(int status, byte[] raw) {
        Res(int status, String text) {
            this(status, text.getBytes(StandardCharsets.UTF_8));
        }

        String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        /**
         * The slotIds of the listed items with this serviceName, found in the raw bytes: the load generator shares
         * the two cores with the server, and decoding every listing took a third of its CPU.
         */
        List<String> slotIdsOfService(String serviceName) {
            byte[] needle = ("\"serviceName\":\"" + serviceName + "\"").getBytes(StandardCharsets.UTF_8);
            byte[] idKey = "\"slotId\":\"".getBytes(StandardCharsets.UTF_8);
            List<String> ids = new ArrayList<>();
            for (int at = indexOf(raw, needle, 0); at >= 0; at = indexOf(raw, needle, at + needle.length)) {
                int item = at;
                while (item > 0 && raw[item] != '{') {
                    item--;
                }
                int id = indexOf(raw, idKey, item);
                if (id >= 0 && id < at) {
                    int from = id + idKey.length;
                    int to = from;
                    while (raw[to] != '"') {
                        to++;
                    }
                    ids.add(new String(raw, from, to - from, StandardCharsets.ISO_8859_1));
                }
            }
            return ids;
        }

        private static int indexOf(byte[] hay, byte[] needle, int from) {
            outer:
            for (int i = from; i <= hay.length - needle.length; i++) {
                if (hay[i] != needle[0]) {
                    continue;
                }
                for (int k = 1; k < needle.length; k++) {
                    if (hay[i + k] != needle[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--base", "http://127.0.0.1:8080", "--clients", "2000",
                "--practitioners", "25", "--places", "500", "--concurrency", "64", "--searchers", "4",
                "--seconds", "120", "--setup-seconds", "900", "--psql", "", "--warmup-seconds", "240"));
        opt.put("--settle-seconds", "30");
        opt.put("--background-lead", "5");
        opt.put("--latency-log", "");
        opt.put("--statements", "0");
        opt.put("--search-rate", "300");
        opt.put("--nearest", "1");
        opt.put("--rehearsal", "2");
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        boolean c1Only = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:TieredStopAtLevel=1");
        System.out.println("load_generator_jit: " + (c1Only ? "C1 only"
                : "C2 (start the bench with java -XX:TieredStopAtLevel=1: C2 compiling the crowd's code during the "
                        + "crowd takes CPU from the server)"));
        System.out.println("load_generator_autogroup: " + autogroupNote());
        base = opt.get("--base").replaceAll("/$", "");
        if (!Set.of("127.0.0.1", "localhost", "::1", "[::1]").contains(URI.create(base).getHost())) {
            throw new IllegalArgumentException("loopback only: " + base);
        }
        int clients = Integer.parseInt(opt.get("--clients"));
        int practitioners = Integer.parseInt(opt.get("--practitioners"));
        int places = Integer.parseInt(opt.get("--places"));
        int concurrency = Integer.parseInt(opt.get("--concurrency"));
        int searchers = Integer.parseInt(opt.get("--searchers"));
        double searchRate = Double.parseDouble(opt.get("--search-rate"));
        double nearestShare = Double.parseDouble(opt.get("--nearest"));
        String psql = opt.get("--psql");
        long setupDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(opt.get("--setup-seconds")));

        // --- setup: bench sessions
        String scheduler = login("scheduler", "Huimin@2026");
        String clerk = login("clerk", "Huimin@2026");
        // the online pool as residents see it (staff may not list the APP channel)
        String resident = login("resident", "Huimin@2026");
        String org = first(get("/api/v1/schedules/templates", scheduler).body(), "organizationId");
        // doctors of the hospital with their department there (a role of this organisation)
        List<String[]> doctors = new ArrayList<>();
        for (String item : items(get("/api/v1/directory/practitioners?organizationId=" + org + "&kind=DOCTOR&size=200",
                scheduler).body())) {
            Matcher role = Pattern.compile("\\{\"id\":\"[^\"]+\",\"organizationId\":\"" + org
                    + "\",\"organizationName\":\"[^\"]*\",\"departmentCode\":\"(\\d+)\"").matcher(item);
            if (role.find()) {
                doctors.add(new String[] {first(item, "id"), role.group(1)});
            }
        }
        if (doctors.size() < practitioners) {
            throw new IllegalStateException("the scheduler's hospital has only " + doctors.size() + " doctors");
        }
        LocalDate day = LocalDate.now(ZONE).plusDays(3);
        String tag = "压测" + UUID.randomUUID().toString().substring(0, 6);
        if (!psql.isBlank()) { // an earlier run that did not finish left its sessions behind
            sql(psql, benchCleanup("service_name like '压测%'"));
        }
        int perDoctor = places / practitioners;
        int slotsPerSession = 4;
        int capacity = perDoctor / slotsPerSession;
        List<String> templates = new ArrayList<>();
        for (int i = 0; i < practitioners; i++) {
            String doctor = doctors.get(i)[0];
            String dept = doctors.get(i)[1];
            Res t = post("/api/v1/schedules/templates", "{\"organizationId\":\"" + org + "\",\"departmentCode\":\"" + dept
                    + "\",\"practitionerId\":\"" + doctor + "\",\"serviceName\":\"" + tag + "\",\"dayOfWeek\":"
                    + day.getDayOfWeek().getValue() + ",\"period\":\"EVENING\",\"start\":\"18:00\",\"end\":\"20:00\","
                    + "\"slotMinutes\":30,\"slotCapacity\":" + capacity + ",\"registrationType\":\"EXPERT\",\"fee\":40,"
                    + "\"poolShares\":\"ONLINE:100\"}", scheduler, null);
            if (t.status() != 201) {
                throw new IllegalStateException("template: " + t.status() + " " + t.body());
            }
            templates.add(first(t.body(), "id"));
        }
        // the bench slots, per department
        Map<String, Integer> capacityOf = new ConcurrentHashMap<>();
        Set<String> departments = new java.util.TreeSet<>();
        for (String dept : all(get("/api/v1/slots?date=" + day + "&organizationId=" + org, scheduler).body(),
                "\"departmentCode\":\"(\\d+)\"")) {
            departments.add(dept);
        }
        List<String> benchDepartments = new ArrayList<>(); // where the popular doctors sit, each listed once
        for (String dept : departments) {
            for (String item : items(get("/api/v1/slots?date=" + day + "&department=" + dept + "&organizationId=" + org
                    + "&channel=APP", resident).body())) {
                if (item.contains("\"serviceName\":\"" + tag + "\"")) {
                    capacityOf.put(first(item, "slotId"), Integer.parseInt(first(item, "capacity")));
                    if (!benchDepartments.contains(dept)) {
                        benchDepartments.add(dept);
                    }
                }
            }
        }
        int totalPlaces = capacityOf.values().stream().mapToInt(Integer::intValue).sum();

        // --- setup: clients (residents with passwords), kept for later runs
        long setupStarted = System.nanoTime();
        String[] tokens = new String[clients];
        ExecutorService setupPool = Executors.newFixedThreadPool(8);
        AtomicInteger created = new AtomicInteger();
        List<java.util.concurrent.Future<?>> setups = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int n = i;
            setups.add(setupPool.submit(() -> {
                if (System.nanoTime() > setupDeadline) {
                    return;
                }
                String idNumber = idNumber(n);
                String token = tryLogin(idNumber, PASSWORD);
                if (token == null) {
                    Res r = post("/api/v1/residents", "{\"idNumber\":\"" + idNumber + "\",\"name\":\"压测居民\","
                            + "\"phone\":\"139" + String.format("%08d", 70_000_000 + n) + "\",\"password\":\""
                            + PASSWORD + "\"}", clerk, null);
                    if (r.status() == 201) {
                        created.incrementAndGet();
                    }
                    token = tryLogin(idNumber, PASSWORD);
                }
                tokens[n] = token;
                return;
            }));
        }
        for (var f : setups) {
            f.get();
        }
        setupPool.shutdown();
        List<String> ready = Arrays.stream(tokens).filter(t -> t != null).toList();
        System.out.printf("setup_clients: %d clients (%d registered now) in %.1f s%n", ready.size(), created.get(),
                (System.nanoTime() - setupStarted) / 1e9);
        System.out.printf("setup_places: %d places in %d slots of %d practitioners on %s%n", totalPlaces,
                capacityOf.size(), practitioners, day);

        // --- warm-up: book and cancel places of the next days (not measured)
        int warmBookings = warmUp(ready, benchDepartments, day, org, Long.parseLong(opt.get("--warmup-seconds")));
        System.out.printf("warmup_bookings: %d booked and cancelled%n", warmBookings);
        // --- rehearsals: the crowd on the same slots, its bookings cancelled (not measured). A server at 8 a.m.
        // has met full slots, "nearest in session" and sold-out departments the day before; a fresh one would
        // compile those paths during the measured sale. One was not always enough: after one, a fresh server's JIT
        // compilers still took 70-330 ms of the measured crowd's first second (cpu_server_jit_ms_per_booking)
        List<String> slotIds = new ArrayList<>(capacityOf.keySet());
        for (int n = Integer.parseInt(opt.get("--rehearsal")); n > 0; n--) {
            long r0 = System.nanoTime();
            long rehearsalDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(opt.get("--seconds")));
            // with the background searches of the measured crowd: without them, their code was compiled (and the
            // crowd's code recompiled for the mix) during the measured crowd, 0.3-0.7 ms of JIT per booking sold
            Background rehearsalBackground = Background.start(ready, searchers, searchRate, rehearsalDeadline);
            batchCounters(); // as before the measured crowd: a metrics scrape, whose paths are compiled by now
            Crowd rehearsal = crowd(ready, slotIds, benchDepartments, day, org, tag, nearestShare, concurrency,
                    rehearsalDeadline, () -> { });
            rehearsalBackground.stop();
            rehearsalBackground.awaitTermination();
            cancelAll(rehearsal.confirmed(), "bench rehearsal");
            System.out.printf("rehearsal: %d booked in %.2f s, %d attempts, cancelled (%.1f s in all)%n",
                    rehearsal.confirmed().size(), rehearsal.soldOutSeconds(), rehearsal.latencies().size(),
                    (System.nanoTime() - r0) / 1e9);
        }
        // --- the day's traffic again: the rehearsals compile the crowd's code, and the code cache's growth starts a
        // collector cycle that unloads code (a remark pause of 56-116 ms on this machine) some seconds later: 4-15 s
        // before the crowd without this. A server at 8 a.m. is long past its first one
        if (!psql.isBlank()) {
            // what autovacuum does on a production server between busy hours (it is off on some test machines): the
            // warm-up and earlier runs leave dead row versions behind that every later read and update steps over.
            // Before the settle, not just before the crowd: a new analyze makes every connection plan its statements
            // again, and a crowd that met it did so in its first 100 ms (39 of its first 102 attempts over 100 ms in
            // one run), where a server at 8 a.m. has planned them again since autovacuum's last visit
            long v0 = System.nanoTime();
            String autovacuum = sql(psql, "show autovacuum").strip();
            sql(psql, "vacuum analyze");
            System.out.printf("vacuum_before_crowd: %.1f s (autovacuum %s on this server)%n",
                    (System.nanoTime() - v0) / 1e9, autovacuum);
        }
        long settle = Long.parseLong(opt.get("--settle-seconds"));
        if (settle > 0) {
            System.out.printf("settle_bookings: %d booked and cancelled%n",
                    warmUp(ready, benchDepartments, day, org, settle));
        }


        // --- the flash crowd. The background searches start --background-lead seconds before it, as residents
        // browse before the release: started with the crowd, the searchers' first reads all missed the listing
        // cache at once (every listing read in the same half second as the sale), where a server at 8 a.m. reads a
        // listing again as its entry ends, spread over time
        long lead = TimeUnit.SECONDS.toNanos(Long.parseLong(opt.get("--background-lead")));
        long seconds = TimeUnit.SECONDS.toNanos(Long.parseLong(opt.get("--seconds")));
        Background background = Background.start(ready, searchers, searchRate, System.nanoTime() + lead + seconds);
        TimeUnit.NANOSECONDS.sleep(lead);
        int searchesBefore = background.searches();
        long deadline = System.nanoTime() + seconds;
        int statements = Integer.parseInt(opt.get("--statements"));
        double[] batchesBefore = batchCounters();
        CpuSampler cpu = new CpuSampler();
        Map<String, StatementTotal> statementsBefore = new HashMap<>();
        Crowd measured = crowd(ready, slotIds, benchDepartments, day, org, tag, nearestShare, concurrency, deadline,
                () -> {
                    try {
                        if (statements > 0 && !psql.isBlank()) {
                            statementsBefore.putAll(statementTotals(psql));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    System.out.printf("crowd_started_at: %d epoch_ms%n", System.currentTimeMillis());
                    cpu.start();
                });
        cpu.stop();
        double[] batchesAfter = batchCounters();
        Map<String, String> confirmed = measured.confirmed();
        Map<String, AtomicInteger> confirmedPerSlot = measured.perSlot();
        List<Long> latencies = measured.latencies();
        List<String> attemptLog = measured.attempts();
        double crowdSeconds = measured.soldOutSeconds();
        double wall = measured.wallSeconds();
        int searchesAfter = background.searches();
        background.stop();
        System.out.printf("crowd_ended_at: %d epoch_ms%n", System.currentTimeMillis());
        if (statements > 0 && !psql.isBlank()) {
            // where the database's time went during the crowd (needs the pg_stat_statements extension): this read less
            // the one at the crowd's start, neither of which writes; a pg_stat_statements_reset() at the start truncated
            // the statistics' text file, a disk write of the measurement's own in the crowd's first milliseconds
            System.out.println(statementsDuring(statementsBefore, statementTotals(psql), statements));
        }
        background.awaitTermination();

        // --- check
        int oversold = 0;
        for (var e : confirmedPerSlot.entrySet()) {
            oversold += Math.max(0, e.getValue().get() - capacityOf.getOrDefault(e.getKey(), 0));
        }
        int lost = 0;
        for (var e : confirmed.entrySet()) {
            Res r = get("/api/v1/appointments/" + e.getKey(), e.getValue());
            if (r.status() != 200 || !r.body().contains("\"status\":\"BOOKED\"")) {
                lost++;
            }
        }
        Integer dbOversold = null;
        if (!psql.isBlank()) {
            String in = String.join(",", slotIds.stream().map(s -> "'" + s + "'").toList());
            dbOversold = Integer.parseInt(sql(psql, "select coalesce(sum(greatest(n - c, 0)), 0) from (select s.id, "
                    + "s.capacity c, (select count(*) from scheduling_appointment a where a.slot_id = s.id and "
                    + "a.status = 'BOOKED') n from scheduling_slot s where s.id in (" + in + ")) x").strip());
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("bookings: %d of %d places%n", confirmed.size(), totalPlaces);
        System.out.printf("bookings_per_s: %.0f bookings/s%n", confirmed.size() / crowdSeconds);
        System.out.printf("sold_out_after: %.2f s%n", crowdSeconds);
        System.out.printf("p50_ms: %.1f ms%n", pct(sorted, 0.50));
        System.out.printf("p90_ms: %.1f ms%n", pct(sorted, 0.90));
        System.out.printf("p99_ms: %.1f ms%n", pct(sorted, 0.99));
        System.out.printf("max_ms: %.1f ms%n", pct(sorted, 1.0));
        if (!opt.get("--latency-log").isBlank()) {
            Files.write(Path.of(opt.get("--latency-log")), attemptLog);
        }
        System.out.printf("booking_attempts: %d requests%n", sorted.length);
        System.out.printf("nearest_in_session_share: %.2f ratio%n", nearestShare);
        System.out.printf("oversold: %d places%n", oversold + (dbOversold == null ? 0 : dbOversold));
        System.out.printf("lost: %d bookings%n", lost);
        System.out.printf("errors: %d requests%n", measured.errors());
        System.out.printf("searches_per_s: %.0f req/s%n", (searchesAfter - searchesBefore) / wall);
        cpu.print(crowdSeconds, confirmed.size());
        if (batchesBefore != null && batchesAfter != null && batchesAfter[0] > batchesBefore[0]) {
            // bookings placed together (the server's /actuator/prometheus), over the whole crowd and its tail
            double batches = batchesAfter[0] - batchesBefore[0];
            System.out.printf("server_booking_batches: %.0f transactions%n", batches);
            System.out.printf("server_requests_per_batch: %.2f requests%n",
                    (batchesAfter[1] - batchesBefore[1]) / batches);
            System.out.printf("server_batch_failures: %.0f transactions%n", batchesAfter[2] - batchesBefore[2]);
            // a pause of the server's collector stops every request in flight: in the crowd it is the p99
            System.out.printf("server_gc_pauses: %.0f pauses%n", batchesAfter[3] - batchesBefore[3]);
            System.out.printf("server_gc_pause_ms: %.1f ms%n", (batchesAfter[4] - batchesBefore[4]) * 1000);
            double timed = batchesAfter[5] - batchesBefore[5];
            if (timed > 0) {
                // a slow batch holds its bookings and every booking queued behind it
                System.out.printf("server_batch_mean_ms: %.1f ms%n",
                        (batchesAfter[6] - batchesBefore[6]) * 1000 / timed);
                String[] over = {"25", "50", "100"};
                for (int i = 0; i < over.length; i++) {
                    System.out.printf("server_batches_over_%sms: %.0f transactions%n", over[i],
                            timed - (batchesAfter[7 + i] - batchesBefore[7 + i]));
                }
            }
        }

        // --- clean up: the clients cancel, the templates stop
        cancelAll(confirmed, "bench");
        for (String t : templates) {
            post("/api/v1/schedules/templates/" + t + "/deactivate", null, scheduler, null);
        }
        if (!psql.isBlank()) {
            // and the bench's sessions go: kept, each run would add 25 sessions to the listings the next run reads
            System.out.println("cleanup: " + sql(psql, benchCleanup("service_name = '" + tag + "'")));
        }

        // --- the yardstick: pgbench updating one row from as many clients
        if (!psql.isBlank()) {
            sql(psql, "create table if not exists bench_counter (id int primary key, n bigint not null); "
                    + "insert into bench_counter values (1, 0) on conflict do nothing");
            Path script = Files.createTempFile("pgbench", ".sql");
            Files.writeString(script, "update bench_counter set n = n + 1 where id = 1;\n");
            List<String> cmd = new ArrayList<>(List.of("pgbench", "-n", "-c", String.valueOf(Math.min(concurrency, 64)),
                    "-j", "2", "-T", "10", "-f", script.toString()));
            cmd.addAll(Arrays.asList(psql.trim().split("\\s+")));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            if (m.find()) {
                double tps = Double.parseDouble(m.group(1));
                System.out.printf("pgbench_single_row_update_tps: %.0f tps%n", tps);
                System.out.printf("bookings_vs_pgbench: %.2f ratio%n", confirmed.size() / crowdSeconds / tps);
            } else {
                System.out.println("pgbench: " + out.strip());
            }
            Files.deleteIfExists(script);
            // the database host's settings that decide whether a commit meets a write-back burst (README, PostgreSQL)
            for (String name : List.of("shared_buffers", "backend_flush_after")) {
                String[] v = sql(psql, "select setting::bigint * (case unit when '8kB' then 8 else 1 end), "
                        + "case when unit = '8kB' then 'kB' else unit end from pg_settings where name = '" + name
                        + "'").strip().split("\\s*\\|\\s*");
                System.out.printf("postgres_%s: %s %s%n", name, v[0], v.length > 1 ? v[1] : "");
            }
        }
    }

    /** A valid ID number for bench client {@code n}: born in 1990, county 530325, sequence from n. */
    static String idNumber(int n) {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(n % 7000);
        String body = "530325" + birth.toString().replace("-", "") + String.format("%03d", 100 + n / 7000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static String sql(String psql, String query) throws Exception {
        return psqlOutput(psql, "-c", query).lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    }

    /** What {@code psql -At <options> <connection>} prints; throws when it fails. */
    static String psqlOutput(String psql, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("psql", "-At"));
        cmd.addAll(Arrays.asList(options));
        cmd.addAll(Arrays.asList(psql.trim().split("\\s+")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql: " + out);
        }
        return out;
    }

    /** Deletes the bench sessions matching {@code where} with their slots, pools and appointments. */
    static String benchCleanup(String where) {
        String sessions = "select id from scheduling_session where " + where;
        return "begin; delete from scheduling_appointment where session_id in (" + sessions + "); "
                + "delete from scheduling_pool where slot_id in (select id from scheduling_slot where session_id in ("
                + sessions + ")); delete from scheduling_slot where session_id in (" + sessions + "); "
                + "delete from scheduling_session where " + where + "; commit";
    }

    /** A statement's totals in pg_stat_statements: calls, milliseconds, and the start of its text. */
    record StatementTotal(long calls, double ms, String query) {
    }

    /** PostgreSQL's statements so far, by user, database, level and query id. */
    static Map<String, StatementTotal> statementTotals(String psql) throws Exception {
        Map<String, StatementTotal> totals = new HashMap<>();
        psqlOutput(psql, "-F", "\t", "-c", "select userid || ':' || dbid || ':' || toplevel || ':' || queryid, calls, "
                + "total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) from pg_stat_statements "
                + "where queryid is not null").lines().map(l -> l.split("\t", 4)).filter(f -> f.length == 4)
                .forEach(f -> totals.put(f[0], new StatementTotal(Long.parseLong(f[1]), Double.parseDouble(f[2]),
                        f[3])));
        return totals;
    }

    /** The {@code limit} statements that took most time between two reads, one line each: calls | ms | query. */
    static String statementsDuring(Map<String, StatementTotal> before, Map<String, StatementTotal> after, int limit) {
        StatementTotal none = new StatementTotal(0, 0, "");
        StringBuilder b = new StringBuilder();
        after.entrySet().stream().map(e -> {
            StatementTotal was = before.getOrDefault(e.getKey(), none);
            StatementTotal now = e.getValue();
            return new StatementTotal(now.calls() - was.calls(), now.ms() - was.ms(), now.query());
        }).filter(d -> d.calls() > 0).sorted((x, y) -> Double.compare(y.ms(), x.ms())).limit(limit)
                .forEach(d -> b.append(String.format(java.util.Locale.ROOT, "%d | %.1f | %s%n", d.calls(), d.ms(),
                        d.query())));
        return b.toString().strip();
    }

    /**
     * What one crowd did: the bookings confirmed (appointment -> client token), how many per slot booked, every
     * attempt's latency and log line, the errors, when the last place went and when the last client gave up.
     */
    record Crowd(Map<String, String> confirmed, Map<String, AtomicInteger> perSlot, List<Long> latencies,
            List<String> attempts, int errors, double soldOutSeconds, double wallSeconds) {
    }

    /**
     * Whether this load generator shares the kernel's CPU group with the server. With autogroup scheduling (Linux,
     * {@code /proc/sys/kernel/sched_autogroup_enabled}), the processes of one session share one CPU share: started
     * from one shell, the server's threads competed with the load generator's 64 for it, while every PostgreSQL
     * backend (each in a session of its own) had a share of its own. A service manager starts the server in a
     * session (or cgroup) of its own, and the load generator is another machine: start both with {@code setsid}.
     */
    static String autogroupNote() {
        Path mine = Path.of("/proc/self/autogroup");
        if (!Files.isReadable(mine) || !Files.isReadable(Path.of("/proc/sys/kernel/sched_autogroup_enabled"))) {
            return "not on Linux";
        }
        if (CpuSampler.read(Path.of("/proc/sys/kernel/sched_autogroup_enabled")).strip().equals("0")) {
            return "autogroup scheduling off";
        }
        String own = CpuSampler.read(mine).split("\\s+")[0];
        long me = ProcessHandle.current().pid();
        boolean shared = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != me && p.info().command().orElse("").endsWith("/java"))
                .anyMatch(p -> CpuSampler.read(Path.of("/proc/" + p.pid() + "/autogroup")).split("\\s+")[0]
                        .equals(own));
        return shared ? "shared with another Java process, the server (in one session they share one CPU share;"
                + " a service manager starts the server in its own: setsid, README, Benchmarks)" : "own (" + own + ")";
    }

    /**
     * Every client at once, as residents do at release time (see the class comment); {@code atStart} runs just
     * before they are let go.
     */
    static Crowd crowd(List<String> clients, List<String> slotIds, List<String> departments, LocalDate day,
            String org, String tag, double nearestShare, int concurrency, long deadline, Runnable atStart)
            throws Exception {
        Map<String, AtomicInteger> confirmedPerSlot = new ConcurrentHashMap<>();
        Map<String, String> confirmed = new ConcurrentHashMap<>(); // appointment -> client token
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> attemptLog = Collections.synchronizedList(new ArrayList<>()); // start_us latency_us status
        AtomicInteger errors = new AtomicInteger();
        ExecutorService crowd = Executors.newFixedThreadPool(concurrency);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger lastSuccessAt = new AtomicInteger();
        long t0Holder[] = new long[1];
        List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
        for (String token : clients) {
            // the booking page's "nearest time of this session if mine is taken", on by default: --nearest is the
            // share of residents who leave it on
            boolean nearest = ThreadLocalRandom.current().nextDouble() < nearestShare;
            String nearestField = nearest ? ",\"nearestInSession\":true" : "";
            runs.add(crowd.submit(() -> {
                start.await();
                var r = ThreadLocalRandom.current();
                for (int attempt = 0; attempt < 5 && System.nanoTime() < deadline; attempt++) {
                    // what a resident does: book the slot they have been looking at since before the release; when
                    // it is full, look at the slots of the department they came for (another one of the popular
                    // doctors' departments when that one is sold out) and pick one with places left
                    List<String> open = new ArrayList<>();
                    if (attempt == 0) {
                        open.add(slotIds.get(r.nextInt(slotIds.size())));
                    }
                    List<String> wanted = new ArrayList<>(departments);
                    Collections.rotate(wanted, r.nextInt(wanted.size()));
                    for (String dept : wanted) {
                        if (!open.isEmpty()) {
                            break;
                        }
                        open.addAll(get("/api/v1/slots?date=" + day + "&department=" + dept + "&organizationId="
                                + org + "&availableOnly=true", token).slotIdsOfService(tag));
                    }
                    if (open.isEmpty()) {
                        return null; // sold out
                    }
                    String slot = open.get(r.nextInt(open.size()));
                    int opened = CONNECTION.get().opened;
                    long s0 = System.nanoTime();
                    Res res = post("/api/v1/appointments", "{\"slotId\":\"" + slot + "\"" + nearestField + "}", token,
                            "bench-" + UUID.randomUUID());
                    latencies.add(System.nanoTime() - s0);
                    attemptLog.add((s0 - t0Holder[0]) / 1000 + " " + (System.nanoTime() - s0) / 1000 + " "
                            + res.status() + (res.status() == 409 ? " " + problemType(res.body()) : "")
                            + (CONNECTION.get().opened != opened ? " new-connection" : ""));
                    if (res.status() == 201) {
                        String booked = res.body();
                        confirmed.put(first(booked, "appointmentId"), token);
                        // the slot booked, which is another one of the session's when the chosen one was full
                        confirmedPerSlot.computeIfAbsent(first(booked, "slotId"), k -> new AtomicInteger())
                                .incrementAndGet();
                        lastSuccessAt.set((int) ((System.nanoTime() - t0Holder[0]) / 1_000_000));
                        return null;
                    }
                    if (res.status() != 409) {
                        errors.incrementAndGet();
                        return null;
                    }
                    if (res.body().contains("already-booked")) {
                        return null;
                    }
                }
                return null;
            }));
        }
        atStart.run();
        t0Holder[0] = System.nanoTime();
        start.countDown();
        for (var f : runs) {
            f.get();
        }
        crowd.shutdown();
        return new Crowd(confirmed, confirmedPerSlot, latencies, attemptLog, errors.get(),
                Math.max(lastSuccessAt.get(), 1) / 1000.0, (System.nanoTime() - t0Holder[0]) / 1e9);
    }

    /**
     * A day's traffic for {@code seconds} (not measured): 8 threads book and cancel places of the next days while a
     * monitoring scrape reads the server's metrics every 5 s. Returns how many were booked (and cancelled).
     */
    static int warmUp(List<String> ready, List<String> benchDepartments, LocalDate day, String org, long seconds)
            throws Exception {
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService warm = Executors.newFixedThreadPool(8);
        AtomicInteger warmBookings = new AtomicInteger();
        for (int w = 0; w < 8; w++) {
            int n = w;
            warm.submit(() -> {
                var r = ThreadLocalRandom.current();
                for (int i = 0; System.nanoTime() < warmupEnd; i++) {
                    String token = ready.get((n * 997 + i) % ready.size());
                    String dept = benchDepartments.get(r.nextInt(benchDepartments.size()));
                    List<String> open = new ArrayList<>();
                    for (String item : items(get("/api/v1/slots?date=" + day.plusDays(1 + r.nextInt(3)) + "&department="
                            + dept + "&organizationId=" + org + "&availableOnly=true", token).body())) {
                        open.add(first(item, "slotId"));
                    }
                    if (open.isEmpty()) {
                        continue;
                    }
                    Res b = post("/api/v1/appointments", "{\"slotId\":\"" + open.get(r.nextInt(open.size())) + "\"}",
                            token, "warm-" + UUID.randomUUID());
                    if (b.status() == 201) {
                        warmBookings.incrementAndGet();
                        post("/api/v1/appointments/" + first(b.body(), "appointmentId") + "/cancel",
                                "{\"reason\":\"bench warm-up\"}", token, null);
                    }
                }
                return null;
            });
        }
        // what a monitoring system does all day: scrape the server's metrics (every 5 s here), as the bench does
        // just before the crowd; without it, that one scrape made the server recompile its response code in the crowd
        Thread monitoring = new Thread(() -> {
            while (System.nanoTime() < warmupEnd) {
                batchCounters();
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        monitoring.setDaemon(true);
        monitoring.start();
        warm.shutdown();
        warm.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        monitoring.join();
        return warmBookings.get();
    }

    /**
     * The rest of the region looking at other days while the crowd books: {@code searchers} threads searching slots
     * of other days and departments at {@code searchRate} searches a second in all (open loop: at its own pace, not
     * a load that grows with whatever the server has left over; 0: each as fast as the server answers).
     */
    static final class Background {
        private static final List<String> DEPARTMENTS = List.of("03", "04", "05", "07", "10", "11", "12", "13", "50",
                "02");
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicInteger searches = new AtomicInteger();
        private final ExecutorService threads;

        private Background(int searchers) {
            threads = Executors.newFixedThreadPool(Math.max(1, searchers));
        }

        static Background start(List<String> clients, int searchers, double searchRate, long deadline) {
            Background b = new Background(searchers);
            for (int s = 0; s < searchers; s++) {
                String token = clients.get(s % clients.size());
                b.threads.submit(() -> {
                    long every = searchRate > 0 ? (long) (1e9 * searchers / searchRate) : 0;
                    long next = System.nanoTime();
                    while (!b.done.get() && System.nanoTime() < deadline) {
                        if (every > 0) {
                            long now = System.nanoTime();
                            if (next > now) {
                                TimeUnit.NANOSECONDS.sleep(next - now);
                            }
                            next = Math.max(next + every, System.nanoTime() - every); // no burst to catch up
                        }
                        var r = ThreadLocalRandom.current();
                        get("/api/v1/slots?date=" + LocalDate.now(ZONE).plusDays(1 + r.nextInt(6)) + "&department="
                                + DEPARTMENTS.get(r.nextInt(DEPARTMENTS.size())), token);
                        b.searches.incrementAndGet();
                    }
                    return null;
                });
            }
            return b;
        }

        void stop() {
            done.set(true);
        }

        int searches() {
            return searches.get();
        }

        void awaitTermination() throws InterruptedException {
            threads.shutdown();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** The clients cancel these bookings (appointment -> client token), 8 at a time. */
    static void cancelAll(Map<String, String> bookings, String reason) throws InterruptedException {
        ExecutorService cancelling = Executors.newFixedThreadPool(8);
        for (var e : bookings.entrySet()) {
            cancelling.submit(() -> post("/api/v1/appointments/" + e.getKey() + "/cancel", "{\"reason\":\"" + reason
                    + "\"}", e.getValue(), null));
        }
        cancelling.shutdown();
        cancelling.awaitTermination(120, TimeUnit.SECONDS);
    }

    /**
     * Where the machine's CPU went during the crowd (Linux /proc; elsewhere nothing): the other Java processes (the
     * server), PostgreSQL's processes and this load generator, sampled every 50 ms, and how busy the machine was.
     * The processes are found when the crowd starts (PostgreSQL's backends are the server's pooled connections).
     */
    static final class CpuSampler {
        /**
         * Every 50 ms, interpolated to the moment the last place went: reading the server's and PostgreSQL's
         * /proc/PID/stat and /proc/stat every 10 ms cost this process 5% of a core during the crowd.
         */
        static final long SAMPLE_MS = 50;
        private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        private final List<Path> server = new ArrayList<>();
        private final List<Path> postgres = new ArrayList<>();
        private final List<Path> serverJit = new ArrayList<>();
        private final Path self = Path.of("/proc/self/stat");
        private volatile boolean running;
        private Thread thread;

        void start() {
            if (!Files.isDirectory(Path.of("/proc/self"))) {
                return;
            }
            long me = ProcessHandle.current().pid();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    String comm = read(dir.resolve("comm")).strip();
                    if (comm.equals("java") && !dir.getFileName().toString().equals(Long.toString(me))) {
                        server.add(dir.resolve("stat"));
                        serverJit.addAll(compilerThreads(dir));
                    } else if (comm.startsWith("postgres") || comm.equals("postmaster")) {
                        postgres.add(dir.resolve("stat"));
                    }
                }
            } catch (java.io.IOException e) {
                return;
            }
            running = true;
            thread = new Thread(() -> { // not Thread.ofPlatform(): the bench runs on the default Java 17
                while (running) {
                    samples.add(sample());
                    try {
                        Thread.sleep(SAMPLE_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * The stat files of a Java process's JIT compiler threads (none when it is gone): a server still compiling
         * during the crowd is not yet warm.
         */
        private static List<Path> compilerThreads(Path process) {
            try (var tasks = Files.list(process.resolve("task"))) {
                return tasks.filter(t -> read(t.resolve("comm")).strip().matches("C\\d CompilerThre.*"))
                        .map(t -> t.resolve("stat")).toList();
            } catch (java.io.IOException | RuntimeException e) {
                return List.of();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
        }

        /** The CPU used from the start until {@code seconds} after it, per booking, as metric lines. */
        void print(double seconds, int bookings) {
            if (samples.size() < 2 || bookings == 0) {
                System.out.println("cpu: not measured (needs Linux /proc)");
                return;
            }
            long[] first = samples.get(0);
            long at = first[0] + (long) (seconds * 1e9);
            long[] before = first;
            long[] after = null;
            for (long[] s : samples) {
                if (s[0] <= at) {
                    before = s;
                } else if (after == null) {
                    after = s;
                }
            }
            // the counters when the last place went, between the samples either side of it
            long[] last = before.clone();
            if (after != null) {
                double share = (double) (at - before[0]) / (after[0] - before[0]);
                for (int i = 1; i < last.length; i++) {
                    last[i] = before[i] + Math.round((after[i] - before[i]) * share);
                }
            }
            double tick = 1000.0 / 100; // ms per USER_HZ tick
            System.out.printf("cpu_server_ms_per_booking: %.2f ms%n", (last[1] - first[1]) * tick / bookings);
            System.out.printf("cpu_postgres_ms_per_booking: %.2f ms%n", (last[2] - first[2]) * tick / bookings);
            System.out.printf("cpu_load_generator_ms_per_booking: %.2f ms%n", (last[3] - first[3]) * tick / bookings);
            System.out.printf("cpu_server_jit_ms_per_booking: %.2f ms%n", (last[6] - first[6]) * tick / bookings);
            long total = last[4] - first[4];
            double idle = total == 0 ? 1 : (double) (last[5] - first[5]) / total;
            System.out.printf("cpu_machine_busy: %.2f ratio%n", 1 - idle);
        }

        /**
         * nanoTime, server ticks, PostgreSQL ticks, own ticks, machine ticks, machine idle ticks, the server's JIT
         * compiler threads' ticks (part of the server's).
         */
        private long[] sample() {
            long[] s = new long[7];
            s[0] = System.nanoTime();
            for (Path p : server) {
                s[1] += ticks(p);
            }
            for (Path p : postgres) {
                s[2] += ticks(p);
            }
            s[3] = ticks(self);
            for (Path p : serverJit) {
                s[6] += ticks(p);
            }
            String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                s[4] += Long.parseLong(cpu[i]);
            }
            s[5] = cpu.length > 5 ? Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]) : 0; // idle + iowait
            return s;
        }

        /** utime + stime of a /proc/PID/stat (0 once the process is gone). */
        private static long ticks(Path stat) {
            String line = read(stat);
            int close = line.lastIndexOf(')');
            if (close < 0) {
                return 0;
            }
            String[] f = line.substring(close + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        private static String read(Path p) {
            try {
                return Files.readString(p);
            } catch (java.io.IOException | RuntimeException e) {
                return "";
            }
        }
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    static String login(String user, String password) {
        String t = tryLogin(user, password);
        if (t == null) {
            throw new IllegalStateException("login failed: " + user);
        }
        return t;
    }

    static String tryLogin(String user, String password) {
        Res r = post("/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null,
                null);
        return r.status() == 200 ? first(r.body(), "accessToken") : null;
    }

    /**
     * The server's counters of bookings placed together (batches, requests in them, failed batches) and of its
     * collector's pauses (how many, seconds in all) from /actuator/prometheus, or null when the server does not
     * publish them.
     */
    static double[] batchCounters() {
        String body = metrics();
        if (body == null) {
            return null;
        }
        String[] names = {"huimin_scheduling_batches_total ", "huimin_scheduling_batch_requests_total ",
                "huimin_scheduling_batch_failures_total "};
        // then, where the server publishes them (huimin.scheduling.batch.duration): batches so far, their seconds in
        // all, and how many took at most 25, 50 and 100 ms
        String[] durations = {"huimin_scheduling_batch_duration_seconds_count ",
                "huimin_scheduling_batch_duration_seconds_sum ",
                "huimin_scheduling_batch_duration_seconds_bucket{le=\"0.025\"} ",
                "huimin_scheduling_batch_duration_seconds_bucket{le=\"0.05\"} ",
                "huimin_scheduling_batch_duration_seconds_bucket{le=\"0.1\"} "};
        double[] values = new double[names.length + 2 + durations.length];
        int found = 0;
        for (String line : body.split("\n")) {
            for (int i = 0; i < names.length; i++) {
                if (line.startsWith(names[i])) {
                    values[i] = Double.parseDouble(line.substring(names[i].length()).strip());
                    found++;
                }
            }
            // the server's collector pauses so far, of every kind: how many, and for how long in all
            if (line.startsWith("jvm_gc_pause_seconds_count{")) {
                values[names.length] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
                values[names.length + 1] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
            for (int i = 0; i < durations.length; i++) {
                if (line.startsWith(durations[i])) {
                    values[names.length + 2 + i] = Double.parseDouble(line.substring(durations[i].length()).strip());
                }
            }
        }
        return found == names.length ? values : null;
    }

    /** The server's /actuator/prometheus, or null when it does not publish it. */
    static String metrics() {
        String body;
        try {
            var request = java.net.http.HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .header("Accept", "text/plain").build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            body = response.body();
        } catch (java.io.IOException | InterruptedException e) {
            return null;
        }
        return body;
    }

    static Res get(String path, String token) {
        return CONNECTION.get().exchange("GET", path, null, token, null);
    }

    static Res post(String path, String body, String token, String idempotencyKey) {
        return CONNECTION.get().exchange("POST", path, body == null ? "" : body, token, idempotencyKey);
    }

    /**
     * One keep-alive HTTP/1.1 connection per client thread, written and read directly on the socket: the load
     * generator shares the 2 cores with the server and the database, and java.net.http costs about as much CPU per
     * request as a cheap request costs the server (it took a quarter of the machine here).
     */
    static final ThreadLocal<Connection> CONNECTION = ThreadLocal.withInitial(Connection::new);

    static final class Connection {
        private java.net.Socket socket;
        private java.io.OutputStream out;
        private java.io.BufferedInputStream in;
        /** Connections this thread has opened (the latency log marks an attempt that opened one). */
        int opened;

        Res exchange(String method, String path, String body, String token, String idempotencyKey) {
            URI uri = URI.create(base + path);
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        opened++;
                        socket = new java.net.Socket(uri.getHost(), uri.getPort());
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                    }
                    byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                    StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath())
                            .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                            .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort())
                            .append("\r\nAccept: application/json");
                    if (token != null) {
                        head.append("\r\nAuthorization: Bearer ").append(token);
                    }
                    if (idempotencyKey != null) {
                        head.append("\r\nIdempotency-Key: ").append(idempotencyKey);
                    }
                    if (body != null) {
                        head.append("\r\nContent-Type: application/json\r\nContent-Length: ").append(payload.length);
                    }
                    head.append("\r\n\r\n");
                    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                    out.write(payload);
                    out.flush();
                    return read();
                } catch (java.io.IOException | RuntimeException e) {
                    close();
                    if (attempt > 0) {
                        return new Res(599, String.valueOf(e));
                    }
                    // a kept-alive connection the server closed is retried once on a new one (bookings carry an
                    // Idempotency-Key, so a retried booking cannot book twice)
                }
            }
        }

        private Res read() throws java.io.IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    buf.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                buf.write(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Res(code, buf.toByteArray());
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (java.io.IOException ignored) {
                // already gone
            }
            socket = null;
        }
    }

    /** The string or number value of the first {@code "field":...} in a JSON text. */
    /** The last path segment of a problem+json body's type ("slot-full", "already-booked"), or "?" */
    static String problemType(String body) {
        String type = first(body, "type");
        return type == null ? "?" : type.substring(type.lastIndexOf('/') + 1);
    }

    static String first(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static List<String> all(String json, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(json);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The objects of the top-level "items" array, as texts (flat objects only). */
    static List<String> items(String json) {
        List<String> found = new ArrayList<>();
        int i = json.indexOf("\"items\":[");
        if (i < 0) {
            return found;
        }
        int depth = 0;
        int startAt = -1;
        for (int k = i + 9; k < json.length(); k++) {
            char c = json.charAt(k);
            if (c == '{') {
                if (depth++ == 0) {
                    startAt = k;
                }
            } else if (c == '}') {
                if (--depth == 0) {
                    found.add(json.substring(startAt, k + 1));
                }
            } else if (c == ']' && depth == 0) {
                break;
            }
        }
        return found;
    }
}
