package ru.frmr.kit.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.Http11InputBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import ru.frmr.contracts.ProblemTypes;

/**
 * Tomcat's report for errors that never reach a servlet — a request line or headers over the size limit,
 * a URI with bad percent-encoding — as problem+json instead of Tomcat's HTML page (which, without Boot's
 * settings, even shows a stack trace). Errors inside the application are rendered by
 * {@link ProblemErrorController} and already have a body, which this valve leaves alone.
 * <p>
 * Tomcat answers an oversized request line and oversized headers alike with 400; this valve tells them
 * apart as 414 and 431 by whether the request line had been read (its URI is set) when the buffer ran out.
 */
public class ProblemReportValve extends ErrorReportValve {

    /** Makes this valve the host's only error report valve; Boot may have added a plain one before. */
    static void install(Container host) {
        ((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
        host.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        int status = refined(response.getStatus(), request, throwable);
        response.setStatus(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response cannot take a body any more: nothing left to tell.
        }
    }

    private static int refined(int status, Request request, Throwable throwable) {
        if (status == 400 && throwable instanceof IllegalArgumentException && ranOutOfBuffer(throwable)) {
            return request.getCoyoteRequest().requestURI().isNull() ? 414 : 431;
        }
        return status;
    }

    /** Tomcat's "request header is too large": thrown when filling the buffer the request head is read into. */
    private static boolean ranOutOfBuffer(Throwable throwable) {
        StackTraceElement[] stack = throwable.getStackTrace();
        return stack.length > 0 && Http11InputBuffer.class.getName().equals(stack[0].getClassName())
                && "fill".equals(stack[0].getMethodName());
    }

    private static String problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String detail = switch (status) {
            case 414 -> "The request line is longer than this server accepts.";
            case 431 -> "The request headers are larger than this server accepts.";
            case 400 -> "The request could not be read: its line, headers or URI encoding are malformed.";
            default -> status >= 500 ? "The request could not be completed." : "The request cannot be processed as sent.";
        };
        // Constants only (no request data), so no escaping is needed.
        return "{\"type\":\"" + ProblemTypes.forStatus(status) + "\",\"title\":\""
                + (known != null ? known.getReasonPhrase() : "Error") + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
