package ru.frmr.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.web.servlet.WebMvcObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.axon.TraceContextDispatchInterceptor;
import ru.frmr.kit.axon.TraceContextHandlerInterceptor;

/**
 * The kit's tracing as a service runs it (OpenTelemetry through Micrometer, W3C propagation, the kit's defaults):
 * with {@code management.otlp.tracing.endpoint} set, a handled request's span reaches an OTLP/HTTP receiver (a JDK
 * HttpServer standing in for the collector) under the caller's trace id, which the request's log line carries too;
 * an Axon event handler continues the trace its event carries, sampled or not; without the endpoint there is no
 * exporter at all.
 */
@SpringBootTest(classes = OtlpTracingTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=otlp-test", "management.tracing.sampling.probability=1.0",
                "management.tracing.opentelemetry.export.schedule-delay=100ms"})
@AutoConfigureObservability(metrics = false)
@ExtendWith(OutputCaptureExtension.class)
class OtlpTracingTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Duration EXPORTED = Duration.ofSeconds(20);
    /** Each request body the stand-in collector received, as sent (protobuf ExportTraceServiceRequest). */
    private static final List<byte[]> exports = new CopyOnWriteArrayList<>();
    private static final HttpServer collector = collector();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Tracer tracer;

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("management.otlp.tracing.endpoint",
                () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        collector.stop(0);
    }

    @Test
    void aHandledRequestsSpanIsExportedUnderTheCallersTraceAndItsLogLineCarriesTheTraceId(CapturedOutput output)
            throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpanId = "00f067aa0ba902b7";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/traced"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).as("the trace id in the MDC while handling").isEqualTo(traceId);
        assertThat(output.getOut()).containsPattern("\\[" + traceId + "-[0-9a-f]{16}\\].*handled the traced request");
        // The server span: its trace id and, as its parent, the caller's span.
        await().atMost(EXPORTED).until(() -> exported(traceId, callerSpanId));
    }

    @Test
    void anAxonEventHandlerContinuesTheTraceItsEventCarriesAndCommandsItSendsCarryTheSamplingDecision()
            throws Exception {
        TraceContextHandlerInterceptor interceptor = new TraceContextHandlerInterceptor("projection",
                context.getBeanProvider(Tracer.class), context.getBeanProvider(Propagator.class));
        TraceContextDispatchInterceptor dispatch = new TraceContextDispatchInterceptor(
                context.getBeanProvider(Tracer.class), context.getBeanProvider(Propagator.class), () -> "tester");
        String unsampled = "0af7651916cd43dd8448eb211c80319c";
        String sampled = "5b8efff798038103d269b633813fc60c";

        String[] seen = handle(interceptor, dispatch, "00-" + unsampled + "-b7ad6b7169203331-00");
        assertThat(seen[0]).as("MDC").isEqualTo(unsampled);
        assertThat(seen[1]).as("current span").isEqualTo(unsampled);
        assertThat(seen[2]).as("a command sent by the handler").matches("00-" + unsampled + "-[0-9a-f]{16}-00");

        seen = handle(interceptor, dispatch, "00-" + sampled + "-eee19b7ec3c1b174-01");
        assertThat(seen[0]).isEqualTo(sampled);
        assertThat(seen[2]).matches("00-" + sampled + "-[0-9a-f]{16}-01");
        assertThat(MDC.get("traceId")).as("out of scope after the handler").isNull();

        await().atMost(EXPORTED).until(() -> exported(sampled, "eee19b7ec3c1b174"));
        // Spans are exported in the order they end: the unsampled one, ended first, would have been sent by now.
        assertThat(exported(unsampled, "b7ad6b7169203331")).as("an unsampled trace is not exported").isFalse();
    }

    @Test
    void withoutAnEndpointThereIsNoExporterAndTracingStillRuns() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                        MicrometerTracingAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Tracer.class);
                    assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
                });
    }

    /** MDC trace id, current span's trace id and the traceparent of a command dispatched, inside the handler. */
    private String[] handle(TraceContextHandlerInterceptor interceptor,
                                   TraceContextDispatchInterceptor dispatch, String traceparent) throws Exception {
        var event = GenericEventMessage.asEventMessage("an event")
                .withMetaData(MetaData.with(TraceContextDispatchInterceptor.TRACEPARENT, traceparent));
        String[] seen = new String[3];
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            interceptor.handle((DefaultUnitOfWork) unitOfWork, () -> {
                seen[0] = MDC.get("traceId");
                Span current = tracer.currentSpan();
                seen[1] = current == null ? null : current.context().traceId();
                CommandMessage<?> command = dispatch.handle(
                        List.of(GenericCommandMessage.asCommandMessage("a command"))).apply(0,
                        GenericCommandMessage.asCommandMessage("a command"));
                seen[2] = (String) command.getMetaData().get(TraceContextDispatchInterceptor.TRACEPARENT);
                return null;
            });
        } finally {
            unitOfWork.commit();
        }
        return seen;
    }

    /** True once a span of {@code traceId} whose bytes sit beside {@code spanId}'s has been received. */
    private static boolean exported(String traceId, String relatedSpanId) {
        byte[] trace = HEX.parseHex(traceId);
        byte[] span = HEX.parseHex(relatedSpanId);
        return exports.stream().anyMatch(body -> indexOf(body, trace) >= 0 && indexOf(body, span) >= 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    exports.add(exchange.getRequestBody().readAllBytes());
                    // An empty ExportTraceServiceResponse: every span accepted.
                    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            ObservationAutoConfiguration.class, WebMvcObservationAutoConfiguration.class,
            MicrometerTracingAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
            OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class})
    @Import(App.Traced.class)
    static class App {

        @RestController
        static class Traced {

            private static final Logger log = LoggerFactory.getLogger(Traced.class);

            @GetMapping("/traced")
            String traced() {
                log.info("handled the traced request");
                return MDC.get("traceId");
            }
        }
    }
}
