import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hub ingest load (bench/run-sync.sh): N sites at once, one thread each, each posting its own events in batches to
 * {@code /api/hub/v1/events} (five events per case: report, then four state changes) and checking every answer's
 * {@code ackedSeq}. Prints events/s over all sites. Usage: java bench/SyncIngestLoad.java URL SITES EVENTS BATCH TOKEN_FORMAT [gzip|plain [SITE_PREFIX]]
 * — with {@code gzip} each body goes compressed ({@code Content-Encoding: gzip}) as an edge's relay sends it
 * ({@code civicgrid.hub.gzip}, on by default), so the hub's decompression is in the figure. Like the relay, each site
 * first sends one plain request (an empty batch; the relay learns from its answer that the hub takes gzip): the JDK's
 * client opens its connection with an HTTP/2 upgrade (h2c) on that request, and the hub does not decompress the body of
 * an upgrade request (Vert.x), so a gzipped first request is refused as bad JSON.
 */
public class SyncIngestLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/api/hub/v1/events";
        int sites = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        String tokenFormat = args[4];
        boolean gzip = args.length > 5 && "gzip".equals(args[5]);
        String prefix = args.length > 6 ? args[6] : "bench-site-";
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(sites);
        long start = System.nanoTime();
        List<Future<Long>> runs = new ArrayList<>();
        for (int s = 1; s <= sites; s++) {
            String site = prefix + s;
            String token = String.format(tokenFormat, site);
            runs.add(pool.submit(() -> {
                long acked = 0;
                HttpResponse<String> hello = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"protocol\":1,\"siteId\":\"" + site + "\",\"backlog\":0,\"events\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
                if (hello.statusCode() != 200) {
                    throw new IllegalStateException(site + ": " + hello.statusCode() + " " + hello.body());
                }
                for (long from = 1; from <= events; from += batch) {
                    String body = batch(site, from, (int) Math.min(batch, events - from + 1));
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json");
                    if (gzip) {
                        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
                            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        }
                        request.header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
                    } else {
                        request.POST(HttpRequest.BodyPublishers.ofString(body));
                    }
                    HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(site + ": " + r.statusCode() + " " + r.body());
                    }
                    acked = Long.parseLong(r.body().replaceAll(".*\"ackedSeq\":(\\d+).*", "$1"));
                }
                if (acked != events) {
                    throw new IllegalStateException(site + " acknowledged " + acked + " of " + events);
                }
                return acked;
            }));
        }
        long total = 0;
        try {
            for (Future<Long> run : runs) {
                total += run.get();
            }
        } finally {
            pool.shutdownNow(); // a failed site must not leave the others' threads holding the JVM
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("hub ingest (%s): %d sites × %d events = %d events in %.1f s = %.0f events/s%n", gzip ? "gzip" : "plain JSON", sites,
                events, total, seconds, total / seconds);
    }

    static String batch(String site, long from, int count) {
        StringBuilder json = new StringBuilder("{\"protocol\":1,\"siteId\":\"").append(site).append("\",\"backlog\":0,\"events\":[");
        for (long seq = from; seq < from + count; seq++) {
            long caseId = (seq - 1) / 5 + 1;
            int h = (int) ((seq - 1) % 5) + 1;
            String at = Instant.parse("2026-11-23T01:00:00Z").plusSeconds(seq).toString();
            String stage = h == 1 ? "REPORTED" : "HANDLING";
            if (seq > from) {
                json.append(',');
            }
            json.append("{\"eventId\":\"").append(UUID.randomUUID()).append("\",\"seq\":").append(seq).append(",\"type\":\"case.x\",\"caseId\":")
                    .append(caseId).append(",\"at\":\"").append(at).append("\",\"state\":{\"caseNumber\":\"B").append(caseId)
                    .append("\",\"source\":\"HOTLINE\",\"classCode\":\"component:0101\",\"description\":\"井盖破损\",\"address\":\"人民路\",")
                    .append("\"lat\":35.66,\"lon\":117.26,\"stage\":\"").append(stage).append("\",\"historyCount\":").append(h)
                    .append(",\"createdAt\":\"").append(at).append("\"},\"history\":[{\"seq\":").append(h)
                    .append(",\"action\":\"x\",\"to\":\"").append(stage).append("\",\"actorName\":\"压测\",\"at\":\"").append(at)
                    .append("\"}],\"attachments\":[]}");
        }
        return json.append("]}").toString();
    }
}
