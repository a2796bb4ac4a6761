package ru.frmr.portal.web.employer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;
import ru.frmr.portal.web.Dictionaries;

/**
 * The HR officer's staff: the organisation's list with filters and pages, its CSV export (passed through the
 * portal: the browser holds no token), and one worker's employments with the forms that hire, transfer, change and
 * dismiss. Every call names the organisation of the officer's token.
 */
@Controller
class HrStaffController {

    static final List<String> RATES = List.of("0.25", "0.5", "0.75", "1", "1.25", "1.5");
    static final List<String> CHANGE_KINDS = List.of("TRANSFER", "POSITION_CHANGE", "RATE_CHANGE", "CORRECTION");
    static final int DEPARTMENT_MAX = 200;
    static final int CONTRACT_NUMBER_MAX = 64;
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_]{1,64}$");
    private static final Map<String, String> HIRE_FIELDS = Map.of("positionCode", "positionCode",
            "department", "department", "rate", "rate", "contractKind", "contractKind",
            "contractNumber", "contractNumber", "contractDate", "contractDate", "startDate", "startDate");

    private final Platform platform;
    private final Dictionaries dictionaries;

    HrStaffController(Platform platform, Dictionaries dictionaries) {
        this.platform = platform;
        this.dictionaries = dictionaries;
    }

    /** The list's filters as the person set them; what is not a filter the API knows is left out. */
    record Filters(String department, String positionCode, String status) {

        static Filters of(String department, String positionCode, String status) {
            String d = department == null ? "" : department.strip();
            return new Filters(d.length() > DEPARTMENT_MAX ? d.substring(0, DEPARTMENT_MAX) : d,
                    positionCode != null && CODE.matcher(positionCode).matches() ? positionCode : "",
                    "ACTIVE".equals(status) || "DISMISSED".equals(status) ? status : "");
        }

        /** The portal's own query for links (pages, the CSV) with only the filters set, from {@code ?}. */
        public String query() {
            org.springframework.web.util.UriComponentsBuilder link =
                    org.springframework.web.util.UriComponentsBuilder.newInstance();
            if (!department.isEmpty()) {
                link.queryParam("department", department);
            }
            if (!positionCode.isEmpty()) {
                link.queryParam("positionCode", positionCode);
            }
            if (!status.isEmpty()) {
                link.queryParam("status", status);
            }
            return link.encode().build().toUriString();
        }

        /** The API's query with only the filters set, and its variables in order. */
        String query(List<Object> variables) {
            StringBuilder query = new StringBuilder();
            if (!department.isEmpty()) {
                query.append("&department={department}");
                variables.add(department);
            }
            if (!positionCode.isEmpty()) {
                query.append("&positionCode={positionCode}");
                variables.add(positionCode);
            }
            if (!status.isEmpty()) {
                query.append("&status={status}");
                variables.add(status);
            }
            return query.toString();
        }
    }

    @GetMapping("/hr")
    String staff(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String department,
                 @RequestParam(required = false) String positionCode, @RequestParam(required = false) String status,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        String org = EmployerForms.organization(me);
        Filters filters = Filters.of(department, positionCode, status);
        int current = EmployerForms.page(page);
        List<Object> variables = new ArrayList<>(List.of(org, current, EmployerForms.PAGE_SIZE));
        String query = filters.query(variables);
        JsonNode answer = platform.as(me, HttpMethod.GET,
                "/api/employer/organizations/{org}/staff?page={page}&size={size}" + query, variables.toArray())
                .json();
        model.addAttribute("filters", filters);
        model.addAttribute("staff", EmployerForms.items(answer));
        model.addAttribute("total", answer.path("total").asLong());
        model.addAttribute("page", current);
        model.addAttribute("pages", EmployerForms.pages(answer, EmployerForms.PAGE_SIZE));
        return "employer/hr-staff";
    }

    @GetMapping("/hr/staff.csv")
    ResponseEntity<byte[]> staffCsv(@AuthenticationPrincipal SignedIn me,
                                    @RequestParam(required = false) String department,
                                    @RequestParam(required = false) String positionCode,
                                    @RequestParam(required = false) String status) {
        String org = EmployerForms.organization(me);
        Filters filters = Filters.of(department, positionCode, status);
        List<Object> variables = new ArrayList<>(List.of(org));
        String query = filters.query(variables);
        Platform.Download csv = platform.as(me, HttpMethod.GET,
                "/api/employer/organizations/{org}/staff.csv" + (query.isEmpty() ? "" : "?" + query.substring(1)),
                variables.toArray()).download(MediaType.valueOf("text/csv"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, csv.contentType() != null ? csv.contentType()
                        : "text/csv; charset=UTF-8")
                // The file is the organisation's staff: a download, never shown inline or kept by a cache.
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"staff.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.body());
    }

    // --- one worker --------------------------------------------------------------------------------------------

    @GetMapping("/hr/staff/{workerId}")
    String worker(@AuthenticationPrincipal SignedIn me, @PathVariable String workerId, Model model) {
        return workerPage(me, workerId, new LinkedHashMap<>(), Map.of(), model);
    }

    @PostMapping("/hr/staff/{workerId}/hire")
    String hire(@AuthenticationPrincipal SignedIn me, @PathVariable String workerId,
                @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        String org = EmployerForms.organization(me);
        requireWorkerId(workerId);
        Map<String, String> values = read(form, "hire", List.of("positionCode", "department", "rate", "contractKind",
                "contractNumber", "contractDate", "startDate"));
        Map<String, String> errors = new LinkedHashMap<>();
        known("positions", values, "hire-positionCode", "Выберите должность.", errors);
        text(values, "hire-department", "Укажите подразделение.", DEPARTMENT_MAX, errors);
        rate(values, "hire-rate", errors);
        known("employment-contract-kinds", values, "hire-contractKind", "Выберите вид договора.", errors);
        text(values, "hire-contractNumber", "Укажите номер трудового договора.", CONTRACT_NUMBER_MAX, errors);
        Optional<LocalDate> contractDate = date(values, "hire-contractDate", "дату договора", errors);
        Optional<LocalDate> startDate = date(values, "hire-startDate", "дату начала работы", errors);
        if (contractDate.isPresent() && startDate.isPresent() && contractDate.get().isAfter(startDate.get())) {
            errors.put("hire-contractDate", "Дата договора не может быть позже даты начала работы.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return workerPage(me, workerId, values, errors, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("positionCode", values.get("hire-positionCode"));
        body.put("department", values.get("hire-department"));
        body.put("rate", new BigDecimal(values.get("hire-rate")));
        body.put("contractKind", values.get("hire-contractKind"));
        body.put("contractNumber", values.get("hire-contractNumber"));
        body.put("contractDate", values.get("hire-contractDate"));
        body.put("startDate", values.get("hire-startDate"));
        return send(me, workerId, values, model, response, redirect, "hire", HIRE_FIELDS,
                "Сотрудник принят на работу: сведения переданы в регистр",
                () -> platform.as(me, HttpMethod.POST, "/api/employer/organizations/{org}/workers/{worker}/employments",
                        org, workerId).body(body).json());
    }

    @PostMapping("/hr/staff/{workerId}/employments/{employmentId}/changes")
    String change(@AuthenticationPrincipal SignedIn me, @PathVariable String workerId,
                  @PathVariable String employmentId, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        String org = EmployerForms.organization(me);
        requireWorkerId(workerId);
        requireId(employmentId);
        String prefix = "c-" + employmentId;
        Map<String, String> values = read(form, prefix, List.of("kind", "positionCode", "department", "rate",
                "contractKind", "effectiveDate"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CHANGE_KINDS.contains(values.get(prefix + "-kind"))) {
            errors.put(prefix + "-kind", "Выберите, что меняется.");
        }
        known("positions", values, prefix + "-positionCode", "Выберите должность.", errors);
        text(values, prefix + "-department", "Укажите подразделение.", DEPARTMENT_MAX, errors);
        rate(values, prefix + "-rate", errors);
        known("employment-contract-kinds", values, prefix + "-contractKind", "Выберите вид договора.", errors);
        date(values, prefix + "-effectiveDate", "дату, с которой действует изменение", errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return workerPage(me, workerId, values, errors, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", values.get(prefix + "-kind"));
        body.put("positionCode", values.get(prefix + "-positionCode"));
        body.put("department", values.get(prefix + "-department"));
        body.put("rate", new BigDecimal(values.get(prefix + "-rate")));
        body.put("contractKind", values.get(prefix + "-contractKind"));
        body.put("effectiveDate", values.get(prefix + "-effectiveDate"));
        return send(me, workerId, values, model, response, redirect, prefix, Map.of("kind", "kind",
                        "positionCode", "positionCode", "department", "department", "rate", "rate",
                        "contractKind", "contractKind", "effectiveDate", "effectiveDate"),
                "Изменение внесено: сведения переданы в регистр",
                () -> platform.as(me, HttpMethod.POST,
                        "/api/employer/organizations/{org}/workers/{worker}/employments/{employment}/changes", org,
                        workerId, employmentId).body(body).json());
    }

    @PostMapping("/hr/staff/{workerId}/employments/{employmentId}/dismissal")
    String dismiss(@AuthenticationPrincipal SignedIn me, @PathVariable String workerId,
                   @PathVariable String employmentId, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        String org = EmployerForms.organization(me);
        requireWorkerId(workerId);
        requireId(employmentId);
        String prefix = "d-" + employmentId;
        Map<String, String> values = read(form, prefix, List.of("endDate", "reasonCode"));
        Map<String, String> errors = new LinkedHashMap<>();
        date(values, prefix + "-endDate", "дату увольнения", errors);
        String reason = values.get(prefix + "-reasonCode");
        if (dismissalReasons(me).stream().noneMatch(item -> item.code().equals(reason))) {
            errors.put(prefix + "-reasonCode", "Выберите основание увольнения.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return workerPage(me, workerId, values, errors, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endDate", values.get(prefix + "-endDate"));
        body.put("reasonCode", reason);
        return send(me, workerId, values, model, response, redirect, prefix,
                Map.of("endDate", "endDate", "reasonCode", "reasonCode"),
                "Увольнение внесено: сведения переданы в регистр",
                () -> platform.as(me, HttpMethod.POST,
                        "/api/employer/organizations/{org}/workers/{worker}/employments/{employment}/dismissal", org,
                        workerId, employmentId).body(body).json());
    }

    // --- shared ------------------------------------------------------------------------------------------------

    private String send(SignedIn me, String workerId, Map<String, String> values, Model model,
                        HttpServletResponse response, RedirectAttributes redirect, String prefix,
                        Map<String, String> apiFields, String done, Runnable call) {
        try {
            call.run();
        } catch (ApiProblem refused) {
            if (!EmployerForms.refusedInput(refused)) {
                throw refused;
            }
            Map<String, String> ids = new LinkedHashMap<>();
            apiFields.forEach((api, field) -> ids.put(api, prefix + "-" + field));
            Map<String, String> errors = new LinkedHashMap<>();
            EmployerForms.toFields(refused, ids, refused.status() == 409
                    ? "Пока вы работали, сведения изменились или связь с работником не подтверждена."
                    : "Сведения не приняты. Проверьте их и повторите.")
                    .forEach((id, message) -> errors.put(EmployerForms.GENERAL.equals(id) ? prefix : id, message));
            response.setStatus(refused.status());
            return workerPage(me, workerId, values, errors, model);
        }
        redirect.addFlashAttribute("flash", done);
        return "redirect:/hr/staff/" + workerId;
    }

    private String workerPage(SignedIn me, String workerId, Map<String, String> values, Map<String, String> errors,
                              Model model) {
        String org = EmployerForms.organization(me);
        requireWorkerId(workerId);
        JsonNode answer = platform.as(me, HttpMethod.GET,
                "/api/employer/organizations/{org}/workers/{worker}/employments", org, workerId).json();
        List<JsonNode> employments = EmployerForms.items(answer);
        String name = answer.path("workerName").asText("");
        for (JsonNode employment : employments) {
            if (name.isEmpty()) {
                name = employment.path("workerName").asText("");
            }
        }
        if (name.isEmpty()) {
            name = nameFromAcceptedRequest(me, org, workerId);
        }
        model.addAttribute("workerId", workerId);
        model.addAttribute("workerName", name.isEmpty() ? null : name);
        model.addAttribute("employments", employments);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("rates", RATES);
        model.addAttribute("changeKinds", CHANGE_KINDS);
        model.addAttribute("reasons", dismissalReasons(me));
        return "employer/hr-worker";
    }

    /**
     * Before the hire the employments carry no name: the accepted link request (how the worker came here) does. The
     * page does without it when it cannot be read now.
     */
    private String nameFromAcceptedRequest(SignedIn me, String org, String workerId) {
        try {
            JsonNode accepted = platform.as(me, HttpMethod.GET,
                    "/api/employer/organizations/{org}/link-requests?status=ACCEPTED&page=0&size=100", org).json();
            return EmployerForms.items(accepted).stream()
                    .filter(request -> workerId.equals(request.path("workerId").asText()))
                    .map(request -> request.path("workerName").asText("")).filter(n -> !n.isEmpty())
                    .findFirst().orElse("");
        } catch (ApiProblem | ru.frmr.portal.api.PlatformUnavailableException unknown) {
            return "";
        }
    }

    /** The employer service's dismissal reasons (its own list, not the registry's). */
    private List<Dictionaries.Item> dismissalReasons(SignedIn me) {
        JsonNode answer = platform.as(me, HttpMethod.GET, "/api/employer/dictionaries/dismissal-reasons").json();
        List<Dictionaries.Item> items = new ArrayList<>();
        JsonNode list = answer.has("entries") ? answer.path("entries") : answer;
        EmployerForms.items(list).forEach(item -> items.add(
                new Dictionaries.Item(item.path("code").asText(), item.path("name").asText())));
        return items;
    }

    private static Map<String, String> read(Map<String, String> form, String prefix, List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        names.forEach(name -> values.put(prefix + "-" + name, form.getOrDefault(name, "").strip()));
        return values;
    }

    private void known(String dictionary, Map<String, String> values, String id, String missing,
                       Map<String, String> errors) {
        String code = values.get(id);
        if (code.isEmpty()) {
            errors.put(id, missing);
        } else if (dictionaries.items(dictionary).stream().noneMatch(item -> item.code().equals(code))) {
            errors.put(id, "Выберите значение из списка.");
        }
    }

    private static void text(Map<String, String> values, String id, String missing, int max,
                             Map<String, String> errors) {
        if (values.get(id).isEmpty()) {
            errors.put(id, missing);
        } else if (values.get(id).length() > max) {
            errors.put(id, "Не длиннее " + max + " символов.");
        }
    }

    private static void rate(Map<String, String> values, String id, Map<String, String> errors) {
        String rate = values.get(id).replace(',', '.');
        values.put(id, rate);
        try {
            BigDecimal value = new BigDecimal(rate);
            if (RATES.stream().noneMatch(allowed -> new BigDecimal(allowed).compareTo(value) == 0)) {
                errors.put(id, "Ставка — от 0,25 до 1,5 с шагом 0,25.");
            }
        } catch (NumberFormatException notANumber) {
            errors.put(id, "Выберите ставку.");
        }
    }

    private static Optional<LocalDate> date(Map<String, String> values, String id, String what,
                                            Map<String, String> errors) {
        Optional<LocalDate> date = EmployerForms.date(values.get(id));
        if (date.isEmpty()) {
            errors.put(id, "Введите " + what + " в формате ДД.ММ.ГГГГ.");
        } else {
            values.put(id, date.get().toString());
        }
        return date;
    }

    static void requireWorkerId(String workerId) {
        if (!EmployerForms.UUID.matcher(workerId).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }

    private static void requireId(String id) {
        if (!EmployerForms.ID.matcher(id).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
    }
}
