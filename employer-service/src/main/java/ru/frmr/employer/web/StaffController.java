package ru.frmr.employer.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.employer.query.EmploymentView;
import ru.frmr.employer.query.StaffQueries;
import ru.frmr.employer.query.WorkerDirectory;
import ru.frmr.employer.reference.EmploymentDictionaries;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.access.AccessPurpose;
import ru.frmr.kit.error.InvalidParameterException;

/**
 * The organisation's staff list: one line per employment, filtered by department, position and status, in pages
 * or as a CSV file for Excel (semicolon-separated, UTF-8 with a byte order mark, a Russian header, dates
 * ДД.ММ.ГГГГ).
 */
@RestController
@RequestMapping("/api/employer/organizations/{orgId}")
class StaffController {

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String[] HEADER = {"ФИО", "Должность", "Подразделение", "Ставка", "Вид договора",
        "Дата приёма", "Дата увольнения", "Статус"};
    private static final CSVFormat EXCEL_RU = CSVFormat.Builder.create(CSVFormat.EXCEL)
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();
    /** A cell starting with one of these is a formula to a spreadsheet: such text is written with a leading '. */
    private static final Set<Character> FORMULA_START = Set.of('=', '+', '-', '@', '\t', '\r');

    private final StaffQueries queries;
    private final WorkerDirectory workers;
    private final Names names;
    private final EmploymentDictionaries dictionaries;

    private final AccessLog accessLog;

    StaffController(StaffQueries queries, WorkerDirectory workers, Names names, EmploymentDictionaries dictionaries,
                    AccessLog accessLog) {
        this.accessLog = accessLog;
        this.queries = queries;
        this.workers = workers;
        this.names = names;
        this.dictionaries = dictionaries;
    }

    enum StaffStatus { ACTIVE, DISMISSED }

    record StaffItem(String workerId, String workerName, String employmentId, String positionCode,
                     String positionName, String department, BigDecimal rate, String contractKind,
                     LocalDate startDate, LocalDate endDate, String status) {
    }

    /** HR sees each person's name and employment: one access per person shown. */
    private void recordShown(List<StaffItem> items) {
        AccessCaller.current().ifPresent(caller -> accessLog.recordEach(caller,
                items.stream().map(StaffItem::workerId).toList(), AccessedData.EMPLOYMENT, AccessPurpose.HR_RECORDS));
    }

    @GetMapping("/staff")
    Paging.Page<StaffItem> staff(@PathVariable String orgId, @RequestParam(required = false) String department,
                                 @RequestParam(required = false) String positionCode,
                                 @RequestParam(required = false) StaffStatus status,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        StaffQueries.Slice<EmploymentView> slice = queries.staff(orgId, filter(department, positionCode, status),
                page, size);
        List<StaffItem> items = items(slice.items());
        recordShown(items);
        return new Paging.Page<>(items, page, size, slice.total());
    }

    @GetMapping("/staff.csv")
    void staffCsv(@PathVariable String orgId, @RequestParam(required = false) String department,
                  @RequestParam(required = false) String positionCode,
                  @RequestParam(required = false) StaffStatus status, HttpServletResponse response)
            throws IOException {
        List<StaffItem> items = items(queries.allStaff(orgId, filter(department, positionCode, status)));
        recordShown(items);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"staff.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // Excel takes a CSV file for the local code page unless it starts with a byte order mark.
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, EXCEL_RU)) {
            csv.printRecord((Object[]) HEADER);
            for (StaffItem item : items) {
                csv.printRecord(cell(item.workerName()), cell(item.positionName()), cell(item.department()),
                        item.rate() == null ? "" : item.rate().toPlainString().replace('.', ','),
                        cell(dictionaries.contractKinds().nameOf(item.contractKind()).orElse(item.contractKind())),
                        date(item.startDate()), date(item.endDate()),
                        EmploymentView.ACTIVE.equals(item.status()) ? "Работает" : "Уволен");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private StaffQueries.StaffFilter filter(String department, String positionCode, StaffStatus status) {
        if (department != null && (department.isBlank() || department.length() > 300)) {
            throw new InvalidParameterException("department", "must be 1 to 300 characters");
        }
        if (positionCode != null && !dictionaries.positions().contains(positionCode)) {
            throw new InvalidParameterException("positionCode", "is not a known position code");
        }
        return new StaffQueries.StaffFilter(department == null ? null : department.strip(), positionCode,
                status == null ? null : status.name());
    }

    private List<StaffItem> items(List<EmploymentView> views) {
        Map<String, String> workerNames = workers.names(
                views.stream().map(EmploymentView::workerId).collect(Collectors.toSet()));
        return views.stream().map(v -> new StaffItem(v.workerId(), workerNames.get(v.workerId()), v.employmentId(),
                v.positionCode(), names.position(v.positionCode()), v.department(), v.rate(), v.contractKind(),
                v.startDate(), v.endDate(), v.status())).toList();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && FORMULA_START.contains(value.charAt(0)) ? "'" + value : value;
    }

    private static String date(LocalDate date) {
        return date == null ? "" : RUSSIAN_DATE.format(date);
    }
}
