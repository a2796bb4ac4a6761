package ru.frmr.portal.web.employer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.api.PlatformUnavailableException;
import ru.frmr.portal.login.SignedIn;
import ru.frmr.portal.web.Formats;
import ru.frmr.portal.web.documents.DocumentUploads;

/**
 * The worker's side of the employer service: their employment history with its changes, the link requests of
 * organisations to accept or decline, their own request to an organisation (with the contract's number and date),
 * and the discrepancies they raised against what an employer recorded, with the answer's due date.
 */
@Controller
class WorkerEmploymentController {

    private static final Logger log = LoggerFactory.getLogger(WorkerEmploymentController.class);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Working days an employer has to answer a discrepancy (the rule; the service computes the date). */
    static final int ANSWER_WORKING_DAYS = 3;
    static final List<String> DISCREPANCY_FIELDS = List.of("POSITION", "DEPARTMENT", "RATE", "CONTRACT_KIND",
            "CONTRACT_NUMBER", "CONTRACT_DATE", "START_DATE", "END_DATE");
    static final int VALUE_MAX = 500;
    static final int COMMENT_MAX = 1000;
    static final int CONTRACT_NUMBER_MAX = 64;
    static final int QUERY_MAX = 100;

    private final Platform platform;
    private final Formats formats;
    private final DocumentUploads documents;
    private final Clock clock;

    WorkerEmploymentController(Platform platform, Formats formats, DocumentUploads documents, Clock clock) {
        this.platform = platform;
        this.formats = formats;
        this.documents = documents;
        this.clock = clock;
    }

    @GetMapping("/employment")
    String employment(@AuthenticationPrincipal SignedIn me, Model model) {
        if (me.workerId() == null) {
            model.addAttribute("recordPending", true);
            return "employer/employment";
        }
        model.addAttribute("employments",
                EmployerForms.items(platform.as(me, HttpMethod.GET, "/api/employer/me/employments").json()));
        List<JsonNode> incoming = new ArrayList<>();
        List<JsonNode> own = new ArrayList<>();
        for (JsonNode request : EmployerForms.items(platform.as(me, HttpMethod.GET,
                "/api/employer/me/link-requests?status=PENDING&page=0&size=100").json())) {
            ("WORKER".equals(request.path("initiatedBy").asText()) ? own : incoming).add(request);
        }
        model.addAttribute("incoming", incoming);
        model.addAttribute("own", own);
        model.addAttribute("discrepancies", EmployerForms.items(platform.as(me, HttpMethod.GET,
                "/api/employer/me/discrepancies?page=0&size=100").json()));
        return "employer/employment";
    }

    @PostMapping("/employment/link-requests/{orgId}/{requestId}/{answer:accept|decline}")
    String answer(@AuthenticationPrincipal SignedIn me, @PathVariable String orgId, @PathVariable String requestId,
                  @PathVariable String answer, RedirectAttributes redirect) {
        requireWorker(me);
        if (!EmployerForms.ORG_ID.matcher(orgId).matches() || !EmployerForms.ID.matcher(requestId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        try {
            platform.as(me, HttpMethod.POST,
                    "/api/employer/organizations/{org}/workers/{worker}/link-requests/{request}/" + answer, orgId,
                    me.workerId(), requestId).send();
            redirect.addFlashAttribute("flash", "accept".equals(answer)
                    ? "Запрос принят: организация сможет вносить сведения о вашей работе"
                    : "Запрос отклонён");
        } catch (ApiProblem refused) {
            if (!refused.clientError() || refused.status() == 429) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", "Этот запрос уже не ждёт ответа: на него ответили или истёк срок.");
        }
        return "redirect:/employment";
    }

    // --- the worker's own link request ---------------------------------------------------------------------------

    @GetMapping("/employment/link")
    String linkForm(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String q, Model model,
                    HttpServletResponse response) {
        requireWorker(me);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("organizationId", "");
        values.put("contractNumber", "");
        values.put("contractDate", "");
        return linkPage(me, q, values, new LinkedHashMap<>(), model, response);
    }

    /**
     * The worker's request to an organisation, with the contract's scan if she chose one: the file streams to
     * documents-service once the fields are right, the request is made, then the scan is attached to it
     * (LINK_REQUEST, for that organisation's HR). A refused file is said beside the field and nothing is sent; a scan
     * that cannot be attached afterwards leaves the request standing and says so.
     */
    @PostMapping("/employment/link")
    String link(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> form,
                @RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        requireWorker(me);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("organizationId", form.getOrDefault("organizationId", "").strip());
        values.put("contractNumber", form.getOrDefault("contractNumber", "").strip());
        values.put("contractDate", form.getOrDefault("contractDate", "").strip());
        Map<String, String> errors = new LinkedHashMap<>();
        if (!EmployerForms.ORG_ID.matcher(values.get("organizationId")).matches()) {
            errors.put("organizationId", "Найдите и выберите организацию.");
        }
        if (values.get("contractNumber").isEmpty()) {
            errors.put("contractNumber", "Укажите номер трудового договора.");
        } else if (values.get("contractNumber").length() > CONTRACT_NUMBER_MAX) {
            errors.put("contractNumber", "Номер — не длиннее " + CONTRACT_NUMBER_MAX + " символов.");
        }
        Optional<LocalDate> date = EmployerForms.date(values.get("contractDate"));
        if (date.isEmpty()) {
            errors.put("contractDate", "Введите дату договора в формате ДД.ММ.ГГГГ.");
        } else if (date.get().isAfter(today())) {
            errors.put("contractDate", "Дата договора не может быть позже сегодняшней.");
        } else {
            values.put("contractDate", date.get().toString());
        }
        String q = form.getOrDefault("q", "");
        boolean scanChosen = DocumentUploads.chosen(file);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            if (scanChosen) {
                // A browser never fills a file field again: say so rather than let the scan go missing.
                errors.put("file", "Файл не отправлен: исправьте ошибки и выберите его ещё раз.");
            }
            return linkPage(me, q, values, errors, model, response);
        }
        DocumentUploads.Uploaded scan = null;
        if (scanChosen) {
            try {
                scan = documents.upload(me, file);
            } catch (DocumentUploads.FileRefused refused) {
                response.setStatus(refused.status());
                errors.put("file", refused.getMessage());
                return linkPage(me, q, values, errors, model, response);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organizationId", values.get("organizationId"));
        body.put("contractNumber", values.get("contractNumber"));
        body.put("contractDate", values.get("contractDate"));
        String requestId;
        try {
            requestId = platform.as(me, HttpMethod.POST, "/api/employer/me/link-requests").body(body).json()
                    .path("requestId").asText(null);
        } catch (ApiProblem refused) {
            if (!EmployerForms.refusedInput(refused)) {
                throw refused;
            }
            response.setStatus(refused.status());
            return linkPage(me, q, values, EmployerForms.toFields(refused,
                    Map.of("organizationId", "organizationId", "contractNumber", "contractNumber",
                            "contractDate", "contractDate"),
                    refused.status() == 409 ? "С этой организацией уже есть запрос, ожидающий ответа, или связь."
                            : "Организация не приняла запрос. Проверьте сведения и повторите."),
                    model, response);
        }
        redirect.addFlashAttribute("flash", "Запрос отправлен в организацию. Ответ появится на этой странице.");
        if (scan != null) {
            attachContract(me, scan, requestId, values.get("organizationId"), redirect);
        }
        return "redirect:/employment";
    }

    private void attachContract(SignedIn me, DocumentUploads.Uploaded scan, String requestId, String organizationId,
                                RedirectAttributes redirect) {
        try {
            if (requestId == null) {
                throw new IllegalStateException("employer-service's answer lacks the request's id");
            }
            documents.attach(me, scan.documentId(), DocumentUploads.LINK_REQUEST, requestId, organizationId);
            redirect.addFlashAttribute("flash", "Запрос отправлен в организацию вместе со сканом договора ("
                    + scan.describe() + "). Ответ появится на этой странице.");
        } catch (ApiProblem | PlatformUnavailableException | IllegalStateException failed) {
            log.warn("a link request's contract scan was not attached: {}", failed.getClass().getSimpleName());
            redirect.addFlashAttribute("problem", "Запрос отправлен в организацию, но скан договора к нему не "
                    + "приложен: сервис документов не принял его сейчас. Запрос сохранён; кадровая служба увидит "
                    + "номер и дату договора.");
        }
    }

    private String linkPage(SignedIn me, String q, Map<String, String> values, Map<String, String> errors,
                            Model model, HttpServletResponse response) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        if (query.length() > QUERY_MAX) {
            errors.put("q", "Запрос — не длиннее " + QUERY_MAX + " символов.");
            response.setStatus(400);
        } else if (!query.isEmpty() || !values.get("organizationId").isEmpty()) {
            JsonNode found = platform.as(me, HttpMethod.GET,
                    "/api/employer/organizations?q={q}&page=0&size={size}", query, EmployerForms.PAGE_SIZE).json();
            model.addAttribute("organizations", EmployerForms.items(found));
            model.addAttribute("total", found.path("total").asLong(EmployerForms.items(found).size()));
        }
        return "employer/link";
    }

    // --- discrepancies -------------------------------------------------------------------------------------------

    @GetMapping("/employment/{employmentId}/discrepancy")
    String discrepancyForm(@AuthenticationPrincipal SignedIn me, @PathVariable String employmentId, Model model) {
        JsonNode employment = ownEmployment(me, employmentId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("field", "");
        values.put("recordedValue", "");
        values.put("correctValue", "");
        values.put("comment", "");
        return discrepancyPage(me, employment, values, Map.of(), model);
    }

    @PostMapping("/employment/{employmentId}/discrepancy")
    String raise(@AuthenticationPrincipal SignedIn me, @PathVariable String employmentId,
                 @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        JsonNode employment = ownEmployment(me, employmentId);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("field", "recordedValue", "correctValue", "comment")) {
            values.put(name, form.getOrDefault(name, "").strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!DISCREPANCY_FIELDS.contains(values.get("field"))) {
            errors.put("field", "Выберите, какие сведения неверны.");
        }
        required(values, "recordedValue", "Укажите, что записано сейчас.", VALUE_MAX, errors);
        required(values, "correctValue", "Укажите, как должно быть.", VALUE_MAX, errors);
        if (values.get("comment").length() > COMMENT_MAX) {
            errors.put("comment", "Комментарий — не длиннее " + COMMENT_MAX + " символов.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return discrepancyPage(me, employment, values, errors, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organizationId", employment.path("organization").path("id").asText());
        body.put("employmentId", employmentId);
        body.put("field", values.get("field"));
        body.put("recordedValue", values.get("recordedValue"));
        body.put("correctValue", values.get("correctValue"));
        if (!values.get("comment").isEmpty()) {
            body.put("comment", values.get("comment"));
        }
        JsonNode raised;
        try {
            raised = platform.as(me, HttpMethod.POST, "/api/employer/me/discrepancies").body(body).json();
        } catch (ApiProblem refused) {
            if (!EmployerForms.refusedInput(refused) && refused.status() != 404) {
                throw refused;
            }
            response.setStatus(refused.status());
            return discrepancyPage(me, employment, values, EmployerForms.toFields(refused,
                    Map.of("field", "field", "recordedValue", "recordedValue", "correctValue", "correctValue",
                            "comment", "comment"),
                    "Расхождение не принято. Проверьте сведения и повторите."), model);
        }
        redirect.addFlashAttribute("flash", "Расхождение отправлено работодателю. Ответ — не позднее "
                + formats.date(raised.path("dueDate").asText(null))
                + (raised.path("provisional").asBoolean() ? " (срок предварительный)" : "") + ".");
        return "redirect:/employment";
    }

    private String discrepancyPage(SignedIn me, JsonNode employment, Map<String, String> values,
                                   Map<String, String> errors, Model model) {
        model.addAttribute("employment", employment);
        model.addAttribute("fields", DISCREPANCY_FIELDS);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("dueDate", dueDateIfFiledNow(me));
        model.addAttribute("workingDays", ANSWER_WORKING_DAYS);
        return "employer/discrepancy";
    }

    /**
     * The answer's due date for a discrepancy filed now, as the service computes it; the form works without it. The
     * instant, not the day: after working hours a filing counts from the next working day, and a day alone is taken
     * as within them. In UTC ({@code Z}), since a '+' of an offset would reach the service as a space.
     */
    private JsonNode dueDateIfFiledNow(SignedIn me) {
        try {
            return platform.as(me, HttpMethod.GET, "/api/employer/calendar/due-date?from={from}&workingDays={n}",
                    clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), ANSWER_WORKING_DAYS).json();
        } catch (ApiProblem | PlatformUnavailableException unknown) {
            log.warn("the due date of a discrepancy could not be shown: {}", unknown.getMessage());
            return null;
        }
    }

    /** The worker's own employment with this id (the service checks it again), else the 404 page. */
    private JsonNode ownEmployment(SignedIn me, String employmentId) {
        requireWorker(me);
        if (EmployerForms.ID.matcher(employmentId).matches()) {
            for (JsonNode employment : EmployerForms.items(
                    platform.as(me, HttpMethod.GET, "/api/employer/me/employments").json())) {
                if (employmentId.equals(employment.path("employmentId").asText())) {
                    return employment;
                }
            }
        }
        throw new ApiProblem(404, "not-found", null, Map.of(), null);
    }

    private static void required(Map<String, String> values, String name, String missing, int max,
                                 Map<String, String> errors) {
        if (values.get(name).isEmpty()) {
            errors.put(name, missing);
        } else if (values.get(name).length() > max) {
            errors.put(name, "Не длиннее " + max + " символов.");
        }
    }

    private static void requireWorker(SignedIn me) {
        if (me.workerId() == null) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(MOSCOW));
    }
}
