/*
 * Load run of health-code verification against a running Huimin server, loopback only, bounded in requests and time.
 *
 *   java bench/HealthCodeLoad.java [--base http://127.0.0.1:8080] [--requests 20000] [--concurrency 16] [--seconds 60]
 *
 * Needs the demo data (resident, resident2, elder and nurse accounts, password Huimin@2026). It first fetches fresh
 * codes (GET /api/v1/me/health-code, QR image included), then verifies each up to four times in the ENTRY scene, as
 * terminals at a hospital entrance would (POST /api/v1/health-codes/verify as the nurse), so every verification is
 * an accepted scan that is written to the scan log. Prints one line per metric: "metric: value unit".
 * Codes live 60 s by default: the run fetches codes in rounds so that none expires before it is used.
 * For scale, the same run first measures the platform's cheapest authenticated request (GET /api/v1/me: token
 * check with its revocation lookup, no other work) at the same concurrency: "baseline_me_*".
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class HealthCodeLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final int USES_PER_CODE = 4;
    static final int ROUND = 4000;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new java.util.HashMap<>(Map.of("--base", "http://127.0.0.1:8080", "--requests",
                "20000", "--concurrency", "16", "--seconds", "60"));
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
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(opt.get("--seconds"))).toNanos();
        List<String> residents = new ArrayList<>();
        for (String user : List.of("resident", "resident2", "elder")) {
            residents.add(login(base, user));
        }
        String nurse = login(base, "nurse");
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        baseline(base, nurse, Math.min(requests, 10_000), concurrency, pool, deadline);

        long[] latencies = new long[requests];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        double issueSeconds = 0;
        int issued = 0;
        double verifySeconds = 0;
        while (done.get() < requests && System.nanoTime() < deadline) {
            int batch = Math.min(ROUND, requests - done.get());
            int codes = (batch + USES_PER_CODE - 1) / USES_PER_CODE;
            // fetch this round's codes
            String[] tokens = new String[codes];
            AtomicInteger nextCode = new AtomicInteger();
            long t0 = System.nanoTime();
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = nextCode.getAndIncrement()) < codes) {
                        try {
                            String body = get(base + "/api/v1/me/health-code", residents.get(i % residents.size()));
                            Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
                            tokens[i] = m.find() ? m.group(1) : null;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            issueSeconds += (System.nanoTime() - t0) / 1e9;
            issued += codes;
            // verify each code USES_PER_CODE times, spread so that one code's scans do not follow each other
            AtomicInteger next = new AtomicInteger();
            int offset = done.get();
            long t1 = System.nanoTime();
            futures.clear();
            for (int w = 0; w < concurrency; w++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < batch && System.nanoTime() < deadline) {
                        String token = tokens[i % codes];
                        long t = System.nanoTime();
                        try {
                            if (token == null) {
                                throw new IllegalStateException("no code");
                            }
                            post(base + "/api/v1/health-codes/verify",
                                    "{\"token\":\"" + token + "\",\"scene\":\"ENTRY\",\"terminalId\":\"gate-"
                                            + (i % 4) + "\"}", nurse);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[offset + i] = System.nanoTime() - t;
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            verifySeconds += (System.nanoTime() - t1) / 1e9;
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        int n = done.get();
        long[] sorted = Arrays.stream(latencies, 0, n).filter(l -> l > 0).sorted().toArray();
        System.out.printf("health_code_issue_throughput: %.0f codes/s%n", issued / issueSeconds);
        System.out.printf("health_code_verify_throughput: %.0f verifications/s%n", n / verifySeconds);
        System.out.printf("health_code_verify_p50: %.2f ms%n", pct(sorted, 0.50));
        System.out.printf("health_code_verify_p95: %.2f ms%n", pct(sorted, 0.95));
        System.out.printf("health_code_verify_p99: %.2f ms%n", pct(sorted, 0.99));
        System.out.printf("health_code_verify_requests: %d requests%n", n);
        System.out.printf("health_code_errors: %d requests%n", errors.get());
    }

    /** GET /api/v1/me as the nurse: what any authenticated request costs on this machine. */
    static void baseline(String base, String token, int requests, int concurrency, ExecutorService pool,
            long deadline) throws Exception {
        for (int i = 0; i < 200; i++) {
            get(base + "/api/v1/me", token); // warm up
        }
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    get(base + "/api/v1/me", token);
                    latencies[i] = System.nanoTime() - t;
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.stream(latencies, 0, done.get()).filter(l -> l > 0).sorted().toArray();
        System.out.printf("baseline_me_throughput: %.0f req/s%n", done.get() / seconds);
        System.out.printf("baseline_me_p99: %.2f ms%n", pct(sorted, 0.99));
    }

    static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String get(String url, String token) throws Exception {
        return CONNECTION.get().exchange("GET", url, null, token);
    }

    static String post(String url, String body, String token) throws Exception {
        return CONNECTION.get().exchange("POST", url, body, token);
    }

    /**
     * One keep-alive HTTP/1.1 connection per worker thread, written and read directly on the socket: a load
     * generator on the same 2-core machine as the server must cost little, and java.net.http costs about as much CPU
     * per request as a cheap request costs the server.
     */
    static final ThreadLocal<Connection> CONNECTION = ThreadLocal.withInitial(Connection::new);

    static final class Connection {
        private java.net.Socket socket;
        private java.io.OutputStream out;
        private java.io.BufferedInputStream in;

        String exchange(String method, String url, String body, String token) throws Exception {
            URI uri = URI.create(url);
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new java.net.Socket(uri.getHost(), uri.getPort());
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                    }
                    byte[] payload = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    String head = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                            + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json"
                            + (body == null ? "" : "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length)
                            + "\r\n\r\n";
                    out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    out.write(payload);
                    out.flush();
                    return read(url);
                } catch (java.io.IOException e) {
                    close();
                    if (attempt > 0) {
                        throw e; // a kept-alive connection the server closed is retried once on a new one
                    }
                }
            }
        }

        private String read(String url) throws java.io.IOException {
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
            String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
            if (code != 200) {
                throw new IllegalStateException(url + " -> " + code + " " + text);
            }
            return text;
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
