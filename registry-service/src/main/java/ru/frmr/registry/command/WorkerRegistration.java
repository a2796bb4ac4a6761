package ru.frmr.registry.command;

import java.time.LocalDate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.registry.api.Inn;
import ru.frmr.registry.api.LinkAccountCommand;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.api.Snils;
import ru.frmr.registry.api.UpdateContactsCommand;

/**
 * The command side's entry points: registration (one record per СНИЛС) and contact changes. The record's id is the
 * person's random registry number, claimed in the {@link SnilsIndex} before the record is created.
 */
@Service
public class WorkerRegistration {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistration.class);
    private static final String DUPLICATE = "a worker with this СНИЛС is already registered";
    static final String REGISTRATIONS = "frmr.registry.registrations";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final SnilsIndex index;
    private final Counter registrations;

    public WorkerRegistration(CommandGateway commands, EventStore eventStore, SnilsIndex index, MeterRegistry meters) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.index = index;
        this.registrations = Counter.builder(REGISTRATIONS).description("Workers whose record was created")
                .register(meters);
    }

    /** @return the new worker's id */
    public String register(String lastName, String firstName, String middleName, LocalDate birthDate,
                           String snilsText, String email) {
        Snils snils = Snils.parse(snilsText)
                .orElseThrow(() -> new BusinessRuleException("snils", "is not a valid СНИЛС"));
        // A claim left without its record (a crash in between) yields its number here, and this registration
        // creates the record; of two simultaneous ones the event store lets one create it.
        String workerId = index.claim(snils.digits());
        if (exists(workerId)) {
            throw new ConflictException("snils", DUPLICATE);
        }
        try {
            commands.sendAndWait(new RegisterWorkerCommand(workerId, lastName, firstName, middleName, birthDate,
                    snils.digits(), email, null, null, null, null, null));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // Lost the race against a simultaneous registration of the same person.
            throw new ConflictException("snils", DUPLICATE);
        }
        registrations.increment();
        return workerId;
    }

    /**
     * Creates the record of a person who logged in through ESIA for the first time (unless it exists: a
     * re-delivered event, or a registration that came first), then links their login account to it, which tells
     * auth-service the registry number. Idempotent, so the Kafka consumer may call it again for the same event.
     *
     * <p>ESIA is the authority on identity: an optional item of its data that breaks our rules (an ИНН with a wrong
     * checksum, a malformed document) is left out rather than leaving the worker without a record.
     *
     * @param accountId auth-service's id of the login account
     * @return the worker's registry number
     */
    public String provision(String accountId, String lastName, String firstName, String middleName,
                            LocalDate birthDate, String snilsDigits, String email, String mobile,
                            EsiaPersonalData esia) {
        Snils snils = Snils.parse(snilsDigits)
                .orElseThrow(() -> new BusinessRuleException("snils", "is not a valid СНИЛС"));
        if (accountId == null || accountId.isBlank() || accountId.length() > 64) {
            throw new BusinessRuleException("accountId", "is required, at most 64 characters");
        }
        String workerId = index.claim(snils.digits());
        if (!exists(workerId)) {
            create(workerId, lastName, firstName, middleName, birthDate, snils, email, mobile, esia);
        }
        commands.sendAndWait(new LinkAccountCommand(workerId, accountId));
        return workerId;
    }

    private void create(String workerId, String lastName, String firstName, String middleName, LocalDate birthDate,
                        Snils snils, String email, String mobile, EsiaPersonalData esia) {
        try {
            commands.sendAndWait(new RegisterWorkerCommand(workerId, lastName, firstName, middleName, birthDate,
                    snils.digits(), email, russianMobile(mobile),
                    keptIfValid(workerId, "gender", esia.gender(), PersonalDataRules.validGender(esia.gender())),
                    keptIfValid(workerId, "citizenship", esia.citizenship(),
                            PersonalDataRules.validCitizenship(esia.citizenship())),
                    keptIfValid(workerId, "inn", esia.inn(), Inn.isValid(esia.inn())),
                    keptIfValid(workerId, "identityDocument", esia.identityDocument(),
                            PersonalDataRules.documentViolation(esia.identityDocument(), birthDate).isEmpty())));
            registrations.increment();
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // Created meanwhile by another replica or a registration: the record exists, which is the goal.
        }
    }

    private static <T> T keptIfValid(String workerId, String field, T value, boolean valid) {
        if (value == null || valid) {
            return value;
        }
        // Names the field only: the value is personal data.
        log.warn("ESIA data left out of a new record workerId={} field={} reason=fails the registry's rules",
                workerId, field);
        return null;
    }

    /** ESIA writes mobiles as {@code +7(999)0000001}; we keep {@code +79990000001}, or nothing if it is not one. */
    static String russianMobile(String esiaMobile) {
        if (esiaMobile == null) {
            return null;
        }
        String digits = esiaMobile.replaceAll("[\\s()\\-]", "");
        return digits.matches("\\+7\\d{10}") ? digits : null;
    }

    /** Straight to the record: an unknown id is the aggregate's own not-found (404), no look-up first. */
    public void updateContacts(String workerId, String email, String mobile) {
        commands.sendAndWait(new UpdateContactsCommand(workerId, email, mobile));
    }

    private boolean exists(String workerId) {
        return eventStore.lastSequenceNumberFor(workerId).isPresent();
    }
}
