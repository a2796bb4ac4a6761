package ru.frmr.documents.upload;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.frmr.documents.DocumentsApplication;
import ru.frmr.documents.upload.FilesClient.Part;
import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * Time and heap of an upload through the real HTTP API: a 5 MiB PDF and a ~3 MB JPEG (camera noise, so it is
 * re-encoded at full cost). A program, not a test: no build phase runs it (it has no {@code @Test}), and its figures
 * depend on the machine. It starts documents-service in-process on the embedded Kafka broker and Mongo wire server
 * (the test profile), so the heap figure covers the service and the client's request body. From
 * {@code documents-service/}:
 *
 * <pre>
 * ../mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -Xmx256m -XX:+UseSerialGC -cp target/test-classes:target/classes:$(cat target/bench.classpath) \
 *     ru.frmr.documents.upload.UploadBenchmark [rounds]
 * </pre>
 *
 * <p>Default: 10 measured uploads of each file after 3 warm-up ones. Prints the median and the slowest time, the bytes
 * allocated per upload by all threads (client and server), and the heap in use before and at its peak during the
 * measured uploads (the peak mostly says when the collector ran, not what an upload holds).
 */
public final class UploadBenchmark {

    private static final int WARM_UP = 3;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        SharedTestInfra infra = SharedTestInfra.get();
        // System properties outrank application.yml (the builder's default properties would not).
        Map.of("server.port", "0", "management.server.port", "0",
                "spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers(),
                "spring.data.mongodb.uri", infra.mongoUri("documents_upload_bench"),
                "frmr.security.jwks-uri", FilesClient.ISSUER.jwksUri(),
                "logging.level.root", "WARN").forEach(System::setProperty);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DocumentsApplication.class)
                .profiles("test")
                .run();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            FilesClient client = new FilesClient(port);
            byte[] pdf = UploadFiles.pdfOfSize(UploadFiles.FIVE_MIB);
            byte[] jpeg = noisyJpeg(3_000_000);
            measure(client, "PDF 5 MiB", new Part("scan.pdf", "application/pdf", pdf), rounds);
            measure(client, String.format(Locale.ROOT, "JPEG %.1f MB", jpeg.length / 1e6),
                    new Part("photo.jpg", "image/jpeg", jpeg), rounds);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void measure(FilesClient client, String what, Part file, int rounds) {
        String token = FilesClient.worker("bench-" + UUID.randomUUID());
        for (int i = 0; i < WARM_UP; i++) {
            upload(client, token, file);
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = allocatedByAllThreads();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            upload(client, token, file);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        long allocated = allocatedByAllThreads() - allocatedBefore;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%-12s %d uploads: median %.0f ms, slowest %.0f ms; allocated %.0f MiB per "
                        + "upload (client and server); heap in use %.0f MiB before, peak %.0f MiB during (max heap "
                        + "%.0f MiB)%n", what, rounds, millis.get(millis.size() / 2), millis.get(millis.size() - 1),
                allocated / 1048576.0 / rounds, baseline / 1048576.0, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** Bytes allocated so far by the live threads (the server's request threads live in a pool). */
    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(allocated, 0);
        }
        return total;
    }

    private static void upload(FilesClient client, String token, Part file) {
        HttpResponse<String> response = client.upload(token, file, Map.of());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A JPEG of random pixels at full quality, at least {@code minBytes} long (noise barely compresses). */
    private static byte[] noisyJpeg(int minBytes) {
        Random random = new Random(7);
        for (int width = 800; ; width += 50) {
            BufferedImage image = new BufferedImage(width, width * 3 / 4, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            byte[] jpeg = encode(image);
            if (jpeg.length >= minBytes) {
                return jpeg;
            }
        }
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream target = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(target);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1.0f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
