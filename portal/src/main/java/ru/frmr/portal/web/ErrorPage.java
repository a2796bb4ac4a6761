package ru.frmr.portal.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the error page ({@code error.html}): what happened in words, what to do, and for a failure on our side
 * the request id that support can find in the logs (the trace id every log line carries).
 */
@Component
public class ErrorPage {

    private final ObjectProvider<Tracer> tracer;

    public ErrorPage(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    public String render(Model model, int status, Long retryAfterSeconds) {
        // An @ExceptionHandler's model gets no @ModelAttribute (CurrentPerson): the header still greets the person.
        if (!model.containsAttribute("me")) {
            model.addAttribute("me", CurrentPerson.signedIn());
        }
        // The header's unread count is not asked on an error page: the platform may be what failed.
        model.addAttribute("errorPage", true);
        model.addAttribute("status", status);
        model.addAttribute("retryAfter", retryAfterSeconds);
        model.addAttribute("requestId", requestId());
        return "error";
    }

    public String requestId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
