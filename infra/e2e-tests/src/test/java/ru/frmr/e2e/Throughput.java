package ru.frmr.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A closed-loop load generator: N clients, each sending the next request when the last one answered. */
final class Throughput {

    record Result(String label, long requests, long errors, double perSecond, double p50Millis, double p95Millis) {
        @Override
        public String toString() {
            return String.format("%-8s %7d requests %4d errors %8.0f req/s  p50 %.2f ms  p95 %.2f ms",
                    label, requests, errors, perSecond, p50Millis, p95Millis);
        }
    }

    private Throughput() {
    }

    static Result measure(String label, URI uri, String bearer, int clients, Duration warmUp, Duration duration)
            throws Exception {
        run(uri, bearer, clients, warmUp);
        long start = System.nanoTime();
        List<List<Long>> perClient = run(uri, bearer, clients, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        for (List<Long> client : perClient) {
            for (long l : client) {
                if (l < 0) {
                    errors++;
                } else {
                    latencies.add(l);
                }
            }
        }
        Collections.sort(latencies);
        return new Result(label, latencies.size() + errors, errors, latencies.size() / seconds,
                percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.95) / 1e6);
    }

    /** Latency in nanoseconds per request; -1 for a request that did not answer 200. */
    private static List<List<Long>> run(URI uri, String bearer, int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearer).GET().build();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies.add(r.statusCode() == 200 ? System.nanoTime() - t0 : -1L);
                    }
                    return latencies;
                }));
            }
            List<List<Long>> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.add(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
