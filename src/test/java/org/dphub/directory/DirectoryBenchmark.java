package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.directory.internal.OpenReferralRepository;
import org.dphub.shared.PostcodeDirectory;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench directory}: the public Open Referral UK search a council's "find support near
 * you" page or a national aggregator makes. Builds DPHUB_BENCH_SCALE (default 50,000) published
 * services with {@code COPY}, spread over the real postcode sectors of Great Britain in proportion
 * to their postcodes (cities are dense), each with one to three of the 20 seeded outcome terms and
 * one or two weekly times. Then {@code GET /openreferral/service_at_locations?postcode=<a real
 * postcode>&proximity=16000&taxonomy_term_id=<a random term>} over HTTP from 4 client threads,
 * 3,000 times: p50/p95/p99 and requests a second. Baseline in the same run: for 40 of the same
 * searches, every published service read and measured in Java (no box, no index), which must give
 * the same total and the same first page in the same order. Also, to show where the time goes, 300 of
 * the searches one at a time, and the same 300 as the repository's query alone (no HTTP, no JSON).
 * Writes target/bench/directory.json.
 * Not a test (its name matches neither *Test nor *IT): bin/bench runs it on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dphub.database.embedded.data-dir=",
        "dphub.demo-data=false",
        "dphub.payment-runs.nightly=-"})
class DirectoryBenchmark {

    static final int REQUESTS = 3_000;
    static final int WARM_UP = 300;
    static final int THREADS = 4;
    static final int ONE_THREAD_REQUESTS = 300;
    static final int PROXIMITY = 16_000;
    static final int BASELINE_SAMPLES = 40;
    static final List<UUID> TERMS = new ArrayList<>();

    static {
        for (int i = 1; i <= 10; i++) {
            TERMS.add(UUID.fromString(String.format("6a1d6a2e-5d1f-4c1b-9a52-0000000000%02d", i)));
            TERMS.add(UUID.fromString(String.format("6a1d6a2e-5d1f-4c1b-9a52-0000000001%02d", i)));
        }
    }

    record Sector(String name, double latitude, double longitude, int postcodes) {
    }

    record Search(String postcode, double latitude, double longitude, UUID term) {
    }

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PostcodeDirectory postcodes;
    @Autowired
    OpenReferralRepository rows;

    final JsonMapper json = JsonMapper.builder().build();

    static List<Sector> greatBritain() throws Exception {
        List<Sector> sectors = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                PostcodeDirectory.class.getResourceAsStream(PostcodeDirectory.RESOURCE), StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                int count = cells.length > 3 ? Integer.parseInt(cells[3].strip()) : 0;
                if (count > 0 && cells[0].matches("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]") && !cells[0].matches("(BT|JE|GY|IM).*")) {
                    sectors.add(new Sector(cells[0], Double.parseDouble(cells[1]), Double.parseDouble(cells[2]), count));
                }
            }
        }
        return sectors;
    }

    static String postcode(Sector sector, Random random) {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return sector.name() + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
    }

    /** Sectors chosen in proportion to their postcodes. */
    static Sector weighted(List<Sector> sectors, long[] cumulative, Random random) {
        long pick = (long) (random.nextDouble() * cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, pick + 1);
        return sectors.get(i >= 0 ? i : -i - 1);
    }

    @Test
    void directory() throws Exception {
        int scale = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_SCALE", "50000"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "directory");
        result.put("services", scale);
        Random random = new Random(20261203);
        List<Sector> sectors = greatBritain();
        long[] cumulative = new long[sectors.size()];
        long sum = 0;
        for (int i = 0; i < sectors.size(); i++) {
            sum += sectors.get(i).postcodes();
            cumulative[i] = sum;
        }

        // --- the data: one council, 500 organisations, scale published services, their terms and times
        long t = System.nanoTime();
        long council = councils.create("bench-directory", "Bench Directory Council", "Cyngor Cyfeiriadur Mainc", Nation.ENGLAND,
                CouncilSettings.defaults(false)).id();
        StringBuilder organizations = new StringBuilder();
        List<UUID> organizationIds = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            UUID id = new UUID(0x0bec4L, i);
            organizationIds.add(id);
            organizations.append(id).append('\t').append(council).append("\tOrganisation ").append(i)
                    .append("\tRuns groups and services\tCOMMUNITY_GROUP\n");
        }
        copy("COPY directory_organization (id, council_id, name, description, kind) FROM STDIN", organizations);
        StringBuilder services = new StringBuilder(scale * 200);
        StringBuilder terms = new StringBuilder(scale * 80);
        StringBuilder times = new StringBuilder(scale * 120);
        String[] days = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
        for (int i = 0; i < scale; i++) {
            UUID id = UUID.randomUUID();
            Sector sector = weighted(sectors, cumulative, random);
            boolean comes = random.nextInt(10) == 0;
            long pence = random.nextInt(5) == 0 ? 0 : 500 + random.nextInt(40) * 50L;
            services.append(id).append('\t').append(organizationIds.get(random.nextInt(organizationIds.size()))).append('\t')
                    .append(council).append("\tService ").append(i).append("\tSupport and company near you\tPUBLISHED\t")
                    .append(comes ? "COMES_TO_YOU" : "AT_A_PLACE").append('\t').append(postcode(sector, random)).append('\t')
                    .append(sector.latitude()).append('\t').append(sector.longitude()).append('\t')
                    .append(comes ? String.valueOf(5 + random.nextInt(20)) : "\\N").append('\t').append(pence).append('\t')
                    .append(pence == 0 ? "FREE" : random.nextBoolean() ? "SESSION" : "HOUR").append("\t{en}\tt\tt\n");
            int count = 1 + random.nextInt(3);
            List<UUID> chosen = new ArrayList<>(TERMS);
            java.util.Collections.shuffle(chosen, random);
            for (int k = 0; k < count; k++) {
                terms.append(id).append('\t').append(chosen.get(k)).append('\n');
            }
            for (int k = 0, n = 1 + random.nextInt(2); k < n; k++) {
                int opens = 8 + random.nextInt(8);
                times.append(UUID.randomUUID()).append('\t').append(id).append('\t').append(days[random.nextInt(7)]).append('\t')
                        .append(opens).append(":00\t").append(opens + 2).append(":30\n");
            }
        }
        copy("COPY directory_service (id, organization_id, council_id, name, description, status, delivery, postcode, latitude,"
                + " longitude, travel_km, cost_pence, cost_unit, languages, insurance_checked, safeguarding_checked) FROM STDIN", services);
        copy("COPY directory_service_term (service_id, term_id) FROM STDIN", terms);
        copy("COPY directory_schedule (id, service_id, day, opens_at, closes_at) FROM STDIN", times);
        // what autovacuum does soon after a bulk load: statistics, and the visibility map for index-only scans
        jdbc.sql("VACUUM ANALYZE directory_service").update();
        jdbc.sql("VACUUM ANALYZE directory_service_term").update();
        jdbc.sql("VACUUM ANALYZE directory_schedule").update();
        result.put("buildSeconds", Math.round((System.nanoTime() - t) / 1e7) / 100.0);

        // --- the searches: a real postcode somewhere people live, a random outcome
        List<Search> searches = new ArrayList<>();
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            Sector sector = weighted(sectors, cumulative, random);
            searches.add(new Search(postcode(sector, random), sector.latitude(), sector.longitude(), TERMS.get(random.nextInt(TERMS.size()))));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        run(client, searches.subList(0, WARM_UP), new long[WARM_UP], new String[WARM_UP], THREADS);
        long[] nanos = new long[REQUESTS];
        String[] bodies = new String[REQUESTS];
        long start = System.nanoTime();
        run(client, searches.subList(WARM_UP, WARM_UP + REQUESTS), nanos, bodies, THREADS);
        double seconds = (System.nanoTime() - start) / 1e9;
        // read after the clock stops, so the client's own JSON parsing takes no CPU from the server's
        JsonNode[] answers = new JsonNode[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            answers[i] = json.readTree(bodies[i]);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        result.put("requests", REQUESTS);
        result.put("threads", THREADS);
        result.put("proximityMetres", PROXIMITY);
        result.put("p50Ms", ms(sorted, 0.50));
        result.put("p95Ms", ms(sorted, 0.95));
        result.put("p99Ms", ms(sorted, 0.99));
        result.put("maxMs", Math.round(sorted[sorted.length - 1] / 1e5) / 10.0);
        result.put("perSecond", Math.round(REQUESTS / seconds));
        long totalResults = 0;
        for (JsonNode answer : answers) {
            totalResults += answer.get("total_items").asLong();
        }
        result.put("meanResultsPerSearch", totalResults / REQUESTS);

        // --- where the time goes: one request at a time over HTTP, and the query alone (no HTTP, no JSON)
        long[] oneThread = new long[ONE_THREAD_REQUESTS];
        run(client, searches.subList(WARM_UP, WARM_UP + ONE_THREAD_REQUESTS), oneThread, new String[ONE_THREAD_REQUESTS], 1);
        Arrays.sort(oneThread);
        result.put("oneThreadP50Ms", ms(oneThread, 0.50));
        result.put("oneThreadP95Ms", ms(oneThread, 0.95));
        long[] query = new long[ONE_THREAD_REQUESTS];
        for (int i = 0; i < ONE_THREAD_REQUESTS; i++) {
            Search search = searches.get(WARM_UP + i);
            var centre = postcodes.centreOf(org.dphub.shared.Postcode.parse(search.postcode()));
            long s = System.nanoTime();
            rows.services(new OpenReferralRepository.ServiceFilter(null, search.term(), null, null, null, null, null, null, null, null),
                    new OpenReferralRepository.Near(centre.latitude().doubleValue(), centre.longitude().doubleValue(), (double) PROXIMITY),
                    50, 0);
            query[i] = System.nanoTime() - s;
        }
        Arrays.sort(query);
        result.put("queryP50Ms", ms(query, 0.50));
        result.put("queryP95Ms", ms(query, 0.95));

        // --- the baseline: every published service read and measured in Java, for a sample of the same searches
        long[] baselineNanos = new long[BASELINE_SAMPLES];
        boolean agrees = true;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < BASELINE_SAMPLES; i++) {
            int which = i * (REQUESTS / BASELINE_SAMPLES);
            Search search = searches.get(WARM_UP + which);
            long s = System.nanoTime();
            List<String> all = fullScan(search);
            baselineNanos[i] = System.nanoTime() - s;
            JsonNode answer = answers[which];
            List<String> firstPage = new ArrayList<>();
            answer.get("contents").forEach(c -> firstPage.add(c.get("service_id").asString()));
            List<String> expected = all.subList(0, Math.min(all.size(), 50));
            if (answer.get("total_items").asLong() != all.size() || !expected.equals(firstPage)) {
                agrees = false;
                disagreements.add(search + ": http " + answer.get("total_items") + ", full scan " + all.size());
            }
        }
        Arrays.sort(baselineNanos);
        result.put("baselineSamples", BASELINE_SAMPLES);
        result.put("baselineP50Ms", ms(baselineNanos, 0.50));
        result.put("baselineP95Ms", ms(baselineNanos, 0.95));
        result.put("baselineAgrees", agrees);
        result.put("targets", Map.of("p95Ms", 50, "perSecond", 100, "baselineAgrees", true));
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version()
                + ", load average " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("directory.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("BENCH directory " + result);
        assertThat(disagreements).isEmpty();
    }

    private void run(HttpClient client, List<Search> searches, long[] nanos, String[] bodies, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < searches.size(); i = next.getAndIncrement()) {
                        Search search = searches.get(i);
                        URI uri = URI.create("http://localhost:" + port + "/openreferral/service_at_locations?postcode="
                                + URLEncoder.encode(search.postcode(), StandardCharsets.UTF_8) + "&proximity=" + PROXIMITY
                                + "&taxonomy_term_id=" + search.term());
                        long s = System.nanoTime();
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        nanos[i] = System.nanoTime() - s;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
                        }
                        bodies[i] = response.body();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every published service with a place, read from the table; distance, term and order in Java. */
    private List<String> fullScan(Search search) {
        record Row(String id, double latitude, double longitude, String terms) {
        }
        List<Row> rows = jdbc.sql("SELECT s.id::text AS id, s.latitude::float8 AS lat, s.longitude::float8 AS lon,"
                        + " (SELECT string_agg(term_id::text, ',') FROM directory_service_term t WHERE t.service_id = s.id) AS terms"
                        + " FROM directory_service s WHERE s.status = 'PUBLISHED' AND s.latitude IS NOT NULL")
                .query((rs, n) -> new Row(rs.getString("id"), rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("terms"))).list();
        // the centre as the API finds it (the sector's centre from PostcodeDirectory)
        var centre = postcodes.centreOf(org.dphub.shared.Postcode.parse(search.postcode()));
        double lat = centre.latitude().doubleValue();
        double lon = centre.longitude().doubleValue();
        Map<String, Double> distance = new HashMap<>();
        List<String> within = new ArrayList<>();
        String term = search.term().toString();
        for (Row row : rows) {
            if (row.terms() == null || !row.terms().contains(term)) {
                continue;
            }
            double d = haversineMetres(lat, lon, row.latitude(), row.longitude());
            if (d <= PROXIMITY) {
                distance.put(row.id(), d);
                within.add(row.id());
            }
        }
        within.sort(Comparator.<String>comparingDouble(distance::get).thenComparing(Comparator.naturalOrder()));
        return within;
    }

    static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
        double r1 = Math.toRadians(lat1);
        double r2 = Math.toRadians(lat2);
        double h = Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
                + Math.cos(r1) * Math.cos(r2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static double ms(long[] sortedNanos, double quantile) {
        int i = Math.min(sortedNanos.length - 1, (int) Math.ceil(quantile * sortedNanos.length) - 1);
        return Math.round(sortedNanos[Math.max(0, i)] / 1e5) / 10.0;
    }

    void copy(String sql, CharSequence rows) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
        }
    }
}
