package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** The employer service's answers as EMPLOYER.md shapes them, and the dictionaries its pages read. */
final class EmployerTestData {

    static final String ORG_A = "gp1-moscow";
    static final String ORG_B = "other-hospital";
    static final String EMPLOYMENT_ID = "9d3e1c7a-4b2f-4e8a-9c1d-5e6f7a8b9c0d";
    static final String REQUEST_ID = "3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d";
    static final String DISCREPANCY_ID = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";

    private EmployerTestData() {
    }

    static void stubDictionaries() {
        PortalTestSupport.GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/positions")).willReturn(
                okJson("""
                {"name":"positions","version":1,"items":[{"code":"THERAPIST","name":"Врач-терапевт"},
                 {"code":"DISTRICT_THERAPIST","name":"Врач-терапевт участковый"}]}""")));
        PortalTestSupport.GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/dictionaries/employment-contract-kinds"))
                .willReturn(okJson("""
                {"name":"employment-contract-kinds","version":1,"items":[{"code":"MAIN","name":"Основное место работы"},
                 {"code":"EXTERNAL_PART_TIME","name":"Внешнее совместительство"}]}""")));
        PortalTestSupport.GATEWAY.stubFor(get(urlPathEqualTo("/api/employer/dictionaries/dismissal-reasons"))
                .willReturn(okJson("""
                {"name":"dismissal-reasons","version":1,"items":[{"code":"OWN_WISH","name":"По собственному желанию"},
                 {"code":"AGREEMENT","name":"По соглашению сторон"}]}""")));
    }

    /** One active employment with its hire and a transfer in the history. */
    static String employment(String orgId) {
        return """
                {"employmentId":"%s","organization":{"id":"%s","name":"ГБУЗ «Городская поликлиника № 1»"},
                 "workerId":"%s","workerName":"Иванова Мария Петровна",
                 "positionCode":"DISTRICT_THERAPIST","positionName":null,"department":"Терапевтическое отделение № 2",
                 "rate":0.75,"contractKind":"MAIN","contractNumber":"ТД-15/2026","contractDate":"2026-02-01",
                 "startDate":"2026-02-02","endDate":null,"dismissalReason":null,"status":"ACTIVE","version":2,
                 "history":[
                  {"version":1,"kind":"HIRE","effectiveDate":"2026-02-02","at":"2026-02-02T07:00:00Z",
                   "positionCode":"THERAPIST","department":"Терапевтическое отделение","rate":1,"contractKind":"MAIN"},
                  {"version":2,"kind":"TRANSFER","effectiveDate":"2026-05-04","at":"2026-05-04T07:30:00Z",
                   "positionCode":"DISTRICT_THERAPIST","department":"Терапевтическое отделение № 2","rate":0.75,
                   "contractKind":"MAIN"}]}""".formatted(EMPLOYMENT_ID, orgId, PortalTestSupport.WORKER_ID);
    }
}
