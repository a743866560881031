/*
 * Load run of the shared record against a running Huimin server (loopback only, bounded in rounds and time):
 * FHIR transaction ingest, then Patient/$everything latency on the store it built.
 *
 *   java bench/RecordsLoad.java [--base http://127.0.0.1:8080] [--data ../shared/data/synthea-r4] [--rounds 250]
 *        [--concurrency 4] [--seconds 900] [--samples 300] [--psql "-h 127.0.0.1 -U postgres -d huimin"]
 *
 * Needs the demo accounts (his, password Huimin@2026). Each round posts every Synthea bundle of the folder as a new
 * person: every UUID in the bundle is replaced, and the patient's name, birth date, phone and document numbers are
 * changed, so that the master index sees new people instead of linking them to earlier rounds. 250 rounds of the 24
 * shared bundles are about 1,000,000 resources. Then one patient with about 500 resources is built from the two
 * largest bundles (the second sent with the first's identity) and Patient/$everything (_count=1000) is read
 * --samples times after a warm-up. Prints one line per metric: "metric: value unit".
 */
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class RecordsLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern SSN = Pattern.compile("\"999-\\d\\d-\\d{4}\"");
    static final Pattern LICENCE = Pattern.compile("\"S999\\d+\"");
    static final Pattern PASSPORT = Pattern.compile("\"X\\d+X\"");
    static final Pattern PHONE = Pattern.compile("\"555-\\d{3}-\\d{4}\"");
    static final Pattern BIRTH = Pattern.compile("\"birthDate\": ?\"(\\d{4}-\\d\\d-\\d\\d)\"");
    static final Pattern FAMILY = Pattern.compile("\"family\": ?\"([^\"]+)\"");
    static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tor", "vex", "zu", "pa", "shi", "quin", "dar", "bel"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--base", "http://127.0.0.1:8080", "--data",
                "../shared/data/synthea-r4", "--rounds", "250", "--concurrency", "4", "--seconds", "900",
                "--samples", "300", "--psql", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        String base = opt.get("--base").replaceAll("/$", "");
        String host = URI.create(base).getHost();
        if (!List.of("127.0.0.1", "localhost", "::1", "[::1]").contains(host)) {
            throw new IllegalArgumentException("loopback only: " + host);
        }
        int rounds = Integer.parseInt(opt.get("--rounds"));
        int concurrency = Integer.parseInt(opt.get("--concurrency"));
        int samples = Integer.parseInt(opt.get("--samples"));
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(opt.get("--seconds"))).toNanos();
        List<Path> files;
        try (var list = Files.list(Path.of(opt.get("--data")))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> bundles = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            bundles.add(text);
            sizes.add(count(text, "\"fullUrl\""));
        }
        String token = login(base, "his");

        // ingest: rounds x bundles, each a new person
        int jobs = rounds * bundles.size();
        AtomicInteger next = new AtomicInteger();
        AtomicLong resources = new AtomicLong();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger posted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                int job;
                while ((job = next.getAndIncrement()) < jobs && System.nanoTime() < deadline) {
                    int b = job % bundles.size();
                    String body = newPerson(bundles.get(b), null);
                    try {
                        HttpResponse<String> r = post(base, token, body);
                        if (r.statusCode() == 200) {
                            resources.addAndGet(sizes.get(b));
                            int n = posted.incrementAndGet();
                            if (n % 480 == 0) {
                                double s = (System.nanoTime() - started) / 1e9;
                                System.err.printf("  %d bundles, %d resources, %.0f resources/s%n", n,
                                        resources.get(), resources.get() / s);
                            }
                        } else {
                            if (failed.incrementAndGet() <= 3) {
                                System.err.println("  failed " + r.statusCode() + ": "
                                        + r.body().substring(0, Math.min(300, r.body().length())));
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ingest_bundles: %d count%n", posted.get());
        System.out.printf("ingest_failed: %d count%n", failed.get());
        System.out.printf("ingest_resources: %d count%n", resources.get());
        System.out.printf("ingest_seconds: %.1f s%n", seconds);
        System.out.printf("resources_per_s: %.0f resources/s%n", resources.get() / seconds);

        // one patient with about 500 resources: the two largest bundles under one identity
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt(sizes::get).reversed());
        Map<String, String> identity = new HashMap<>();
        String first = newPerson(bundles.get(order.get(0)), identity);
        HttpResponse<String> r1 = post(base, token, first);
        String second = asSamePerson(newPerson(bundles.get(order.get(1)), null), bundles.get(order.get(1)),
                bundles.get(order.get(0)), first);
        HttpResponse<String> r2 = post(base, token, second);
        if (r1.statusCode() != 200 || r2.statusCode() != 200) {
            throw new IllegalStateException("building the large patient failed: " + r1.statusCode() + " "
                    + r2.statusCode() + " " + r2.body().substring(0, Math.min(300, r2.body().length())));
        }
        Matcher m = Pattern.compile("Patient/([0-9a-f-]{36})").matcher(r1.body());
        if (!m.find()) {
            throw new IllegalStateException("no Patient location in the response");
        }
        String patient = m.group(1);
        String url = base + "/fhir/r4/Patient/" + patient + "/$everything?_count=1000";
        int entries = 0;
        for (int i = 0; i < 30; i++) {
            entries = count(get(url, token).body(), "\"fullUrl\"");
        }
        long[] latencies = new long[samples];
        for (int i = 0; i < samples && System.nanoTime() < deadline + Duration.ofMinutes(2).toNanos(); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(url, token);
            latencies[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("$everything answered " + r.statusCode());
            }
        }
        Arrays.sort(latencies);
        System.out.printf("everything_patient_resources: %d count%n", entries);
        System.out.printf("everything_p50_ms: %.1f ms%n", latencies[samples / 2] / 1e6);
        System.out.printf("everything_p95_ms: %.1f ms%n", latencies[(int) (samples * 0.95)] / 1e6);
        System.out.printf("everything_p99_ms: %.1f ms%n", latencies[(int) (samples * 0.99)] / 1e6);
        if (!opt.get("--psql").isBlank()) {
            List<String> cmd = new ArrayList<>(List.of("psql", "-At", "-c", "select count(*) from rec_resource"));
            cmd.addAll(1, List.of(opt.get("--psql").split(" ")));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            System.out.printf("store_resources: %s count%n", out);
        }
    }

    /** The bundle as a new person: fresh UUIDs, name, birth date, phone and document numbers. */
    static String newPerson(String bundle, Map<String, String> remember) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, String> uuids = new HashMap<>();
        String text = replace(UUIDS, bundle, g -> uuids.computeIfAbsent(g, k -> UUID.randomUUID().toString()));
        text = replace(SSN, text, g -> String.format("\"999-%02d-%04d\"", random.nextInt(100), random.nextInt(10000)));
        text = replace(LICENCE, text, g -> "\"S999" + random.nextInt(100000, 999999) + "\"");
        text = replace(PASSPORT, text, g -> "\"X" + random.nextInt(10000000, 99999999) + "X\"");
        text = replace(PHONE, text, g -> String.format("\"555-%03d-%04d\"", random.nextInt(1000),
                random.nextInt(10000)));
        int shift = random.nextInt(-4000, 4000);
        text = replace(BIRTH, text, g -> "\"birthDate\": \"" + java.time.LocalDate.parse(g.substring(
                g.lastIndexOf(':') + 3, g.length() - 1)).plusDays(shift) + "\"");
        StringBuilder family = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            family.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        String name = Character.toUpperCase(family.charAt(0)) + family.substring(1);
        text = replace(FAMILY, text, g -> "\"family\": \"" + name + "\"");
        return text;
    }

    /**
     * {@code other} (already a new person) sent as the person of {@code firstSent}: its Patient entry is swapped for
     * the first bundle's Patient entry, so the master index identifies them as one resident.
     */
    static String asSamePerson(String other, String otherOriginal, String firstOriginal, String firstSent) {
        String firstPatient = patientEntry(firstSent);
        String otherPatient = patientEntry(other);
        if (firstPatient == null || otherPatient == null) {
            return other;
        }
        String otherUrl = fullUrl(otherPatient);
        String firstUrl = fullUrl(firstPatient);
        return other.replace(otherPatient, firstPatient).replace(otherUrl, firstUrl);
    }

    /** The text of the entry holding the Patient resource (bundles have one). */
    static String patientEntry(String bundle) {
        int type = bundle.indexOf("\"resourceType\": \"Patient\"");
        if (type < 0) {
            type = bundle.indexOf("\"resourceType\":\"Patient\"");
        }
        if (type < 0) {
            return null;
        }
        int start = bundle.lastIndexOf("\"fullUrl\"", type);
        int depth = 0;
        int open = bundle.lastIndexOf('{', start);
        for (int i = open; i < bundle.length(); i++) {
            char c = bundle.charAt(i);
            if (c == '"') {
                i = skipString(bundle, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return bundle.substring(open, i + 1);
            }
        }
        return null;
    }

    static int skipString(String s, int quote) {
        for (int i = quote + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return s.length();
    }

    static String fullUrl(String entry) {
        Matcher m = Pattern.compile("\"fullUrl\": ?\"([^\"]+)\"").matcher(entry);
        return m.find() ? m.group(1) : "";
    }

    static String replace(Pattern p, String text, java.util.function.Function<String, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static HttpResponse<String> post(String base, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/fhir/r4")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/fhir+json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String login(String base, String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"Huimin@2026\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("login " + user + " failed: " + r.statusCode());
        }
        return m.group(1);
    }
}
