/*
 * Load harness for a running Huimin server, loopback only, bounded in requests and time.
 *
 *   java bench/LoadHarness.java [--base http://127.0.0.1:8080] [--requests 2000] [--concurrency 8] [--seconds 60]
 *
 * Needs the demo data (doctor / auditor accounts, password Huimin@2026). Prints one line per metric:
 * "metric: value unit". Scenarios: public directory search, practitioner search, FHIR Organization search,
 * /api/v1/me (token check incl. revocation lookup), audited reads (audit entries), audit chain verification,
 * and logins (few, because logins are rate-limited per address and BCrypt is deliberately slow).
 */
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class LoadHarness {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new java.util.HashMap<>(Map.of("--base", "http://127.0.0.1:8080", "--requests",
                "2000", "--concurrency", "8", "--seconds", "60"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        String base = opt.get("--base").replaceAll("/$", "");
        String host = URI.create(base).getHost();
        if (!List.of("127.0.0.1", "localhost", "::1", "[::1]").contains(host)) {
            throw new IllegalArgumentException("loopback only: " + host);
        }
        int requests = Integer.parseInt(opt.get("--requests"));
        int concurrency = Integer.parseInt(opt.get("--concurrency"));
        Duration budget = Duration.ofSeconds(Long.parseLong(opt.get("--seconds")));

        String doctor = login(base, "doctor");
        String auditor = login(base, "auditor");
        String q = URLEncoder.encode("医院", StandardCharsets.UTF_8);
        String name = URLEncoder.encode("惠民县", StandardCharsets.UTF_8);

        run("directory_search", requests, concurrency, budget,
                () -> get(base + "/api/v1/directory/organizations?q=" + q + "&size=20", null));
        run("practitioner_search", requests, concurrency, budget,
                () -> get(base + "/api/v1/directory/practitioners?kind=DOCTOR&size=20", null));
        run("fhir_organization_search", requests, concurrency, budget,
                () -> get(base + "/fhir/r4/Organization?name=" + name, doctor));
        run("me", requests, concurrency, budget, () -> get(base + "/api/v1/me", doctor));
        run("audited_read", requests / 4, concurrency, budget,
                () -> get(base + "/api/v1/audit/entries?size=5", auditor));
        long entries = 0;
        long t0 = System.nanoTime();
        String verify = get(base + "/api/v1/audit/verify", auditor);
        double verifyMs = (System.nanoTime() - t0) / 1e6;
        Matcher m = Pattern.compile("\"entries\":(\\d+)").matcher(verify);
        if (m.find()) {
            entries = Long.parseLong(m.group(1));
        }
        System.out.printf("audit_verify_entries: %d entries%n", entries);
        System.out.printf("audit_verify_time: %.1f ms%n", verifyMs);
        System.out.printf("audit_verify_rate: %.0f entries/s%n", entries / (verifyMs / 1000));
        // logins are rate-limited (60/min per address by default) and BCrypt-bound: measure latency, not throughput
        run("login", 20, 1, budget, () -> { login(base, "nurse"); return ""; });
    }

    interface Call {
        String call() throws Exception;
    }

    static void run(String metric, int requests, int concurrency, Duration budget, Call call) throws Exception {
        for (int i = 0; i < Math.min(20, requests); i++) {
            call.call(); // warm up
        }
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + budget.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    try {
                        call.call();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t;
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(budget.toSeconds() + 30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = (int) done.get();
        long[] sorted = Arrays.copyOf(Arrays.stream(latencies).filter(l -> l > 0).toArray(), n);
        Arrays.sort(sorted);
        System.out.printf("%s_throughput: %.0f req/s%n", metric, n / seconds);
        System.out.printf("%s_p50: %.2f ms%n", metric, pct(sorted, 0.50));
        System.out.printf("%s_p95: %.2f ms%n", metric, pct(sorted, 0.95));
        System.out.printf("%s_p99: %.2f ms%n", metric, pct(sorted, 0.99));
        System.out.printf("%s_errors: %d requests%n", metric, errors.get());
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/fhir+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " -> " + r.statusCode());
        }
        return r.body();
    }

    static String login(String base, String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"Huimin@2026\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login " + user + " failed: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }
}
