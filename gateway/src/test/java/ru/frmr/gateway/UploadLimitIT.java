package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The larger body limit of the routes that take a file (a 5 MiB file in a multipart body), and only of them:
 * documents-service's upload and PDF check, the portal's forms with a file field. Everything else keeps 1 MB.
 */
class UploadLimitIT extends GatewayTestSupport {

    private static final int FIVE_MIB = 5 * 1024 * 1024;
    /** A 5 MiB file with its multipart framing and the form's other fields. */
    private static final int UPLOAD = FIVE_MIB + 16 * 1024;
    private static final int ONE_MB = 1024 * 1024;
    private static final int SIX_MB = 6 * 1024 * 1024;

    @Test
    void aFiveMibFileInItsMultipartBodyPassesOnTheUploadRoutes() throws Exception {
        for (String path : new String[] {"/api/documents/files", "/profile/education/new",
                "/profile/education/3f2b6c1e-0000-4000-8000-000000000001/edit", "/employment/link", "/verify",
                "/support/new"}) {
            HttpResponse<String> response = send(request(path)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(UPLOAD))));

            assertThat(response.statusCode()).as(path).isEqualTo(201);
            assertThat(DownstreamStub.get().lastReceived().body()).as(path).hasSize(UPLOAD);
        }
    }

    @Test
    void thePublicCheckOfAPdfTakesOneWithoutAToken() throws Exception {
        HttpResponse<String> response = send(anonymous("/api/documents/verify")
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(UPLOAD))));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(DownstreamStub.get().lastReceived().body()).hasSize(UPLOAD);
    }

    @Test
    void overTheUploadLimitIsAPayloadTooLargeProblemDeclaredOrChunked() throws Exception {
        assertProblem(send(request("/api/documents/files")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(SIX_MB + 1)))), 413, "payload-too-large");
        byte[] chunked = body(SIX_MB + 1);
        assertProblem(send(request("/api/documents/files").POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(chunked)))), 413, "payload-too-large");
    }

    @Test
    void everyOtherRouteKeepsOneMegabyteOnTheSameServiceAndTheSamePaths() throws Exception {
        for (String path : new String[] {"/api/documents/me/certificates", "/api/documents/files/d-1/attachments",
                "/profile/contacts", "/employment/link-requests/o-1/r-1/accept", "/api/registry/files",
                "/support/public/new", "/support/queue/r-1/answer"}) {
            assertProblem(send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body(ONE_MB + 1)))),
                    413, "payload-too-large");
        }
        // The larger limit is for a POST: the same path with another method keeps the small one.
        assertProblem(send(request("/api/documents/files").PUT(HttpRequest.BodyPublishers.ofByteArray(
                body(ONE_MB + 1)))), 413, "payload-too-large");
    }

    /**
     * The service sees the file's first bytes while the sender still holds back the rest: the gateway passes the
     * body on as it comes instead of collecting it first. Were it buffered, the stub would never see the start.
     */
    @Test
    void anUploadStreamsThroughAndIsNotCollectedWhole() throws Exception {
        byte[] first = body(ONE_MB);
        byte[] rest = body(FIVE_MIB - ONE_MB);
        InputStream heldBack = new InputStream() {
            private InputStream remainder;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (remainder == null) {
                    try {
                        // Only once the service has seen the start does the rest follow.
                        if (!DownstreamStub.get().firstBytes().await(10, TimeUnit.SECONDS)) {
                            throw new IOException("the service saw nothing of the body while the sender waited");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    remainder = new ByteArrayInputStream(rest);
                }
                return remainder.read(target, offset, length);
            }
        };
        HttpResponse<String> response = send(request("/api/documents/files")
                .header(DownstreamStub.SIGNAL_FIRST_BYTES, "yes")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(new ByteArrayInputStream(first), heldBack))));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(DownstreamStub.get().lastReceived().body()).hasSize(FIVE_MIB);
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }
}
