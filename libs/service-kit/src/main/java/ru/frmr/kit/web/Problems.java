package ru.frmr.kit.web;

import java.net.URI;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way for every error path (advice and error controller). */
public class Problems {

    private final ObjectProvider<Tracer> tracer;

    public Problems(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    public ProblemDetail of(HttpStatusCode status, URI type, String title, String detail, String instance,
                            List<FieldError> errors) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setType(type);
        pd.setTitle(title);
        pd.setDetail(detail);
        if (instance != null) {
            pd.setInstance(URI.create(instance));
        }
        if (errors != null && !errors.isEmpty()) {
            pd.setProperty("errors", errors);
        }
        String traceId = currentTraceId();
        if (traceId != null) {
            pd.setProperty("traceId", traceId);
        }
        return pd;
    }

    private String currentTraceId() {
        Tracer t = tracer.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
