package ru.frmr.employer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.employer.EmployerClient.employments;
import static ru.frmr.employer.EmployerClient.expect;
import static ru.frmr.employer.EmployerClient.expectProblem;
import static ru.frmr.employer.EmployerClient.hr;
import static ru.frmr.employer.EmployerClient.worker;
import static ru.frmr.employer.TestOrganizations.ORG_A;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.frmr.employer.EmployerClient;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Bad input gets a 4xx problem+json naming the field, and nothing of the refused request is stored: no event in
 * the store, nothing in the lists.
 */
class StaffProblemsIT extends StaffApiSupport {

    private static final String ORG = "/api/employer/organizations/" + ORG_A;

    private static String hireBody(String positionCode, String rate, String contractKind, String contractDate,
                                   String startDate) {
        return "{\"positionCode\":\"" + positionCode + "\",\"department\":\"Хирургия\",\"rate\":" + rate
                + ",\"contractKind\":\"" + contractKind + "\",\"contractNumber\":\"ТД-1\",\"contractDate\":\""
                + contractDate + "\",\"startDate\":\"" + startDate + "\"}";
    }

    /** Asserts the answer and that the event store holds no more events than before. */
    private void refused(HttpResponse<String> response, int status, String field, long eventsBefore) {
        expectProblem(response, status, field);
        assertThat(storedEvents()).as("nothing written").isEqualTo(eventsBefore);
    }

    @Test
    void aHireBeforeTheLinkIsAConflictNamingTheWorker() {
        String workerId = registeredWorker();
        long before = storedEvents();
        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId),
                hireBody("THERAPIST", "1", "MAIN", "2026-02-01", "2026-02-02")), 409, "workerId", before);

        String requestId = expect(employer.post(hr(ORG_A), ORG + "/link-requests",
                "{\"workerId\":\"" + workerId + "\"}"), 201).get("requestId").asText();
        long pending = storedEvents();
        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId),
                hireBody("THERAPIST", "1", "MAIN", "2026-02-01", "2026-02-02")), 409, "workerId", pending);
        expectProblem(employer.post(worker(workerId), ORG + "/workers/" + workerId + "/link-requests/no-such/accept",
                ""), 404, "requestId");
        assertThat(requestId).isNotBlank();
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource({
        "NO_SUCH_POSITION, 1, MAIN, 2026-02-01, 2026-02-02, positionCode",
        "THERAPIST, 0.3, MAIN, 2026-02-01, 2026-02-02, rate",
        "THERAPIST, 1.75, MAIN, 2026-02-01, 2026-02-02, rate",
        "THERAPIST, 1, SECONDMENT, 2026-02-01, 2026-02-02, contractKind",
        "THERAPIST, 1, MAIN, 2026-02-03, 2026-02-02, contractDate",
        "THERAPIST, 1, MAIN, 2026-02-01, 2026-03-10, startDate",
        "THERAPIST, 1, MAIN, 1899-12-31, 2026-02-02, contractDate",
        "THERAPIST, 1, MAIN, -0001-01-01, -0001-01-02, contractDate"
    })
    void badTermsAre422NamingTheField(String position, String rate, String kind, String contractDate, String start,
                                      String field) {
        String workerId = registeredWorker();
        employer.link(ORG_A, workerId);
        long before = storedEvents();

        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId),
                hireBody(position, rate, kind, contractDate, start)), 422, field, before);
    }

    @Test
    void malformedBodiesAre400NamingTheField() {
        String workerId = registeredWorker();
        employer.link(ORG_A, workerId);
        long before = storedEvents();

        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId), "{\"positionCode\":\"THERAPIST\"}"), 400,
                "rate", before);
        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId),
                hireBody("THERAPIST", "1", "MAIN", "01.02.2026", "2026-02-02")), 400, "contractDate", before);
        refused(employer.post(hr(ORG_A), ORG + "/link-requests", "{\"workerId\":\"a:b\"}"), 400, "workerId",
                before);
        refused(employer.post(worker(workerId), "/api/employer/me/link-requests",
                "{\"organizationId\":\"org-a\",\"contractDate\":\"2026-02-01\"}"), 400, "contractNumber", before);
        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId) + "/e-1/changes",
                "{\"kind\":\"PROMOTION\"}"), 400, "kind", before);
    }

    @Test
    void aWorkersContractDatedBeforeAnyLivingContractIs422() {
        long before = storedEvents();

        refused(employer.post(worker(UUID.randomUUID().toString()), "/api/employer/me/link-requests",
                "{\"organizationId\":\"org-a\",\"contractNumber\":\"1\",\"contractDate\":\"-0001-01-01\"}"),
                422, "contractDate", before);
    }

    @Test
    void anUnknownOrganisationIs404NamingIt() {
        String workerId = registeredWorker();
        long before = storedEvents();

        refused(employer.post(worker(workerId), "/api/employer/me/link-requests",
                "{\"organizationId\":\"org-z\",\"contractNumber\":\"1\",\"contractDate\":\"2026-02-01\"}"), 404,
                "organizationId", before);
        refused(employer.post(hr("org-z"), "/api/employer/organizations/org-z/link-requests",
                "{\"workerId\":\"" + workerId + "\"}"), 404, "organizationId", before);
    }

    @Test
    void aSecondActiveHireOnOnePositionAndContractKindIsAConflict() {
        String workerId = registeredWorker();
        employer.link(ORG_A, workerId);
        employer.hire(ORG_A, workerId, "SURGEON", "Хирургия", "1", "MAIN", "2026-02-02");
        long before = storedEvents();

        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId),
                hireBody("SURGEON", "0.5", "MAIN", "2026-02-01", "2026-02-10")), 409, "positionCode", before);
    }

    @Test
    void dismissingBeforeTheHireOrTwiceIsRefused() {
        String workerId = registeredWorker();
        employer.link(ORG_A, workerId);
        String employmentId = employer.hire(ORG_A, workerId, "SURGEON", "Хирургия", "1", "MAIN", "2026-02-02");
        String dismissal = employments(ORG_A, workerId) + "/" + employmentId + "/dismissal";
        long before = storedEvents();

        refused(employer.post(hr(ORG_A), dismissal, "{\"endDate\":\"2026-02-01\",\"reasonCode\":\"TK77-1-3\"}"),
                422, "endDate", before);
        refused(employer.post(hr(ORG_A), dismissal, "{\"endDate\":\"2026-02-27\",\"reasonCode\":\"TK00\"}"), 422,
                "reasonCode", before);
        refused(employer.post(hr(ORG_A), employments(ORG_A, workerId) + "/no-such/dismissal",
                "{\"endDate\":\"2026-02-27\",\"reasonCode\":\"TK77-1-3\"}"), 404, "employmentId", before);

        expect(employer.post(hr(ORG_A), dismissal, "{\"endDate\":\"2026-02-27\",\"reasonCode\":\"TK77-1-3\"}"), 200);
        long dismissed = storedEvents();
        refused(employer.post(hr(ORG_A), dismissal, "{\"endDate\":\"2026-02-27\",\"reasonCode\":\"TK77-1-3\"}"),
                409, "employmentId", dismissed);
    }

    @Test
    void anHrOfficerWhoIsAWorkerDoesNotLinkThemselves() {
        String workerId = UUID.randomUUID().toString();
        String both = EmployerClient.ISSUER.mint(TestToken.withRoles("EMPLOYER_HR", "WORKER").withOrgId(ORG_A)
                .withWorkerId(workerId), Map.of("org_basis", "GRANTED"));
        long before = storedEvents();

        refused(employer.post(both, ORG + "/link-requests", "{\"workerId\":\"" + workerId + "\"}"), 403, "workerId",
                before);
        // Their own worker side still works: a link to another organisation.
        expect(employer.post(both, "/api/employer/me/link-requests",
                "{\"organizationId\":\"org-b\",\"contractNumber\":\"7\",\"contractDate\":\"2026-02-01\"}"), 201);
    }

    @Test
    void pagingParametersOutOfRangeAre400() {
        expectProblem(employer.get(hr(ORG_A), ORG + "/staff?size=101"), 400, "size");
        expectProblem(employer.get(hr(ORG_A), ORG + "/staff?page=-1"), 400, "page");
        expectProblem(employer.get(hr(ORG_A), ORG + "/staff?status=GONE"), 400, "status");
        expectProblem(employer.get(hr(ORG_A), ORG + "/staff?positionCode=NOPE"), 400, "positionCode");
        expectProblem(employer.get(hr(ORG_A), ORG + "/link-requests?status=LOST"), 400, "status");
        // An offset past the Mongo driver's int skip wrapped around to a negative one: a 500 on MongoDB, some other
        // page's items on the wire server.
        expectProblem(employer.get(hr(ORG_A), ORG + "/staff?page=21474837&size=100"), 400, "page");
        expectProblem(employer.get(hr(ORG_A), ORG + "/link-requests?page=21474837&size=100"), 400, "page");
        expectProblem(employer.get(hr(ORG_A), ORG + "/discrepancies?page=21474837&size=100"), 400, "page");
        expectProblem(employer.get(worker(UUID.randomUUID().toString()),
                "/api/employer/me/link-requests?page=2147483647&size=100"), 400, "page");
    }

    @Test
    void theDismissalReasonsAreThereForAnySignedInCaller() {
        var reasons = expect(employer.get(worker(UUID.randomUUID().toString()),
                "/api/employer/dictionaries/dismissal-reasons"), 200);
        assertThat(reasons.get("dictionary").asText()).isEqualTo("dismissal-reasons");
        assertThat(reasons.get("entries").findValuesAsText("code")).contains("TK77-1-1", "TK77-1-3", "TK81-1-2");
    }
}
