package ru.frmr.registry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.registry.api.Snils;
import ru.frmr.registry.command.SnilsIndex;
import ru.frmr.registry.query.WorkerQueries;
import ru.frmr.contracts.access.AccessedData;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.access.AccessPurpose;
import ru.frmr.registry.query.WorkerView;

/**
 * The employer's HR officer finds the person they want to link by СНИЛС and birth date, as the ФРМР's employer
 * forms do: the СНИЛС is matched here, through the registry's private index, so that it never travels further (the
 * link request then names the registry number only). A POST, so that the СНИЛС is in no URL and no access log.
 *
 * <p>Not an oracle: an unknown СНИЛС, a wrong birth date, a person whose personal data were erased and a record the
 * read model does not hold yet all get the same 404, which repeats neither value. The birth date is compared here,
 * not in a query, so it reaches no database command either. Budgeted per account at the gateway
 * ({@code frmr.gateway.rate-limits.person-lookup}).
 */
@RestController
class WorkerMatchController {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final SnilsIndex snilsIndex;
    private final WorkerQueries queries;
    private final Clock clock;
    private final Counter found;
    private final Counter notFound;

    private final AccessLog accessLog;

    WorkerMatchController(SnilsIndex snilsIndex, WorkerQueries queries, Clock clock, MeterRegistry meters,
                          AccessLog accessLog) {
        this.snilsIndex = snilsIndex;
        this.accessLog = accessLog;
        this.queries = queries;
        this.clock = clock;
        this.found = meters.counter("frmr.registry.worker.matches", "outcome", "found");
        this.notFound = meters.counter("frmr.registry.worker.matches", "outcome", "not_found");
    }

    @PostMapping("/api/registry/workers/lookup")
    WorkerMatchResponse match(@RequestBody WorkerMatchRequest request) {
        Snils snils = snils(request.snils());
        LocalDate birthDate = birthDate(request.birthDate());
        Optional<WorkerMatchResponse> match = snilsIndex.find(snils.digits())
                .flatMap(queries::byId)
                .filter(view -> !Boolean.TRUE.equals(view.personalDataErased()))
                .filter(view -> birthDate.equals(view.birthDate()))
                .map(view -> new WorkerMatchResponse(view.id(), fullName(view)));
        (match.isPresent() ? found : notFound).increment();
        // A match shows HR the person's full name: on the access log with HR's fixed purpose.
        match.ifPresent(m -> AccessCaller.current().ifPresent(caller -> accessLog.record(caller, m.workerId(),
                AccessedData.RECORD, AccessPurpose.HR_RECORDS)));
        return match.orElseThrow(() -> new NotFoundException(
                "No worker in the registry has this СНИЛС and birth date."));
    }

    private static Snils snils(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("snils", "must not be blank");
        }
        return Snils.parse(text).orElseThrow(() -> new InvalidParameterException("snils",
                "is not a valid СНИЛС (format 000-000-000 00, checksum)"));
    }

    private LocalDate birthDate(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("birthDate", "must not be blank");
        }
        LocalDate date;
        try {
            date = text.matches(DATE) ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException notADay) {
            date = null;
        }
        if (date == null) {
            throw new InvalidParameterException("birthDate", "must be a date in the form YYYY-MM-DD");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidParameterException("birthDate", "must not be in the future");
        }
        return date;
    }

    private static String fullName(WorkerView view) {
        return Stream.of(view.lastName(), view.firstName(), view.middleName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
    }
}
