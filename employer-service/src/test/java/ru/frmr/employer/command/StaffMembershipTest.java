package ru.frmr.employer.command;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.frmr.employer.api.AcceptLinkRequestCommand;
import ru.frmr.employer.api.ChangeEmploymentCommand;
import ru.frmr.employer.api.DeclineLinkRequestCommand;
import ru.frmr.employer.api.DismissWorkerCommand;
import ru.frmr.employer.api.EmploymentChangeKind;
import ru.frmr.employer.api.EmploymentChangedEvent;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.api.ExpireLinkRequestCommand;
import ru.frmr.employer.api.ExpiryOutcome;
import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestAcceptedEvent;
import ru.frmr.employer.api.LinkRequestDeclinedEvent;
import ru.frmr.employer.api.LinkRequestExpiredEvent;
import ru.frmr.employer.api.LinkRequestedEvent;
import ru.frmr.employer.api.OrganizationRef;
import ru.frmr.employer.api.RecordHireCommand;
import ru.frmr.employer.api.RequestLinkCommand;
import ru.frmr.employer.api.StaffMembershipId;
import ru.frmr.employer.api.WorkerDismissedEvent;
import ru.frmr.employer.api.WorkerHiredEvent;
import ru.frmr.employer.reference.EmploymentDictionaries;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.NotFoundException;

/** Every command of a worker's membership in an organisation: link requests, hire, changes, dismissal. */
class StaffMembershipTest {

    private static final String ORG = "org-5";
    private static final String WORKER = "7d0c6b1e-2222-4a2b-9c3d-000000000001";
    private static final String ID = StaffMembershipId.of(ORG, WORKER);
    private static final String REQUEST = "req-1";
    private static final String EMPLOYMENT = "emp-1";
    private static final OrganizationRef CARD = new OrganizationRef(ORG, "ГБУЗ «Городская поликлиника № 1»",
            "1027700132195", "77");
    /** 10:00 in Moscow on Monday 2 March 2026. */
    private static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(14));
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate START = LocalDate.of(2026, 2, 2);
    private static final EmploymentTerms TERMS = new EmploymentTerms("THERAPIST", "Терапевтическое отделение",
            new BigDecimal("1.00"), "MAIN", "ТД-15/2026", LocalDate.of(2026, 1, 30), START);

    private FixtureConfiguration<StaffMembership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StaffMembership.class);
        fixture.registerInjectableResource(new EmploymentDictionaries());
    }

    // --- events and commands as the tests use them ---

    private static LinkRequestedEvent requestedByEmployer() {
        return new LinkRequestedEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER, null, null, NOW, EXPIRES);
    }

    private static LinkRequestedEvent requestedByWorker() {
        return new LinkRequestedEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.WORKER, "ТД-15/2026",
                LocalDate.of(2026, 1, 30), NOW, EXPIRES);
    }

    private static LinkRequestAcceptedEvent accepted() {
        return new LinkRequestAcceptedEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER, NOW.plusSeconds(60));
    }

    private static WorkerHiredEvent hired() {
        return new WorkerHiredEvent(ID, ORG, WORKER, EMPLOYMENT, CARD, TERMS, 1, NOW);
    }

    private static RequestLinkCommand employerRequest(String requestId) {
        return new RequestLinkCommand(ID, ORG, WORKER, requestId, LinkInitiator.EMPLOYER, null, null, NOW, EXPIRES);
    }

    private static RequestLinkCommand workerRequest(String number, LocalDate date) {
        return new RequestLinkCommand(ID, ORG, WORKER, REQUEST, LinkInitiator.WORKER, number, date, NOW, EXPIRES);
    }

    private static RecordHireCommand hire(EmploymentTerms terms) {
        return hire(EMPLOYMENT, terms);
    }

    private static RecordHireCommand hire(String employmentId, EmploymentTerms terms) {
        return new RecordHireCommand(ID, employmentId, CARD, terms, NOW);
    }

    private static EmploymentTerms terms(String position, String department, String rate, String kind,
                                         LocalDate contractDate, LocalDate start) {
        return new EmploymentTerms(position, department, rate == null ? null : new BigDecimal(rate), kind,
                "ТД-15/2026", contractDate, start);
    }

    private static ChangeEmploymentCommand change(EmploymentChangeKind kind, String position, String department,
                                                  String rate, String contractKind, LocalDate effective) {
        return new ChangeEmploymentCommand(ID, EMPLOYMENT, CARD, kind, position, department,
                rate == null ? null : new BigDecimal(rate), contractKind, effective, NOW);
    }

    private static DismissWorkerCommand dismiss(LocalDate endDate, String reason) {
        return new DismissWorkerCommand(ID, EMPLOYMENT, endDate, reason, NOW);
    }

    static Matcher<Exception> naming(Class<? extends Exception> type, String field) {
        return allOf(instanceOf(type), new CustomTypeSafeMatcher<Exception>("naming " + field) {
            @Override
            protected boolean matchesSafely(Exception e) {
                if (e instanceof BusinessRuleException b) {
                    return field.equals(b.field());
                }
                if (e instanceof ConflictException c) {
                    return field.equals(c.field());
                }
                if (e instanceof WrongSideException w) {
                    return field.equals(w.field());
                }
                return e.getMessage() != null && e.getMessage().startsWith(field + ":");
            }
        });
    }

    @Nested
    class LinkRequests {

        @Test
        void hrStartsARequestThatCreatesTheMembership() {
            fixture.givenNoPriorActivity()
                    .when(employerRequest(REQUEST))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(requestedByEmployer());
        }

        @Test
        void aWorkersRequestKeepsTheContractTrimmed() {
            fixture.givenNoPriorActivity()
                    .when(workerRequest("  ТД-15/2026 ", LocalDate.of(2026, 1, 30)))
                    .expectEvents(requestedByWorker());
        }

        @Test
        void anHrRequestCarriesNoContractEvenIfSent() {
            fixture.givenNoPriorActivity()
                    .when(new RequestLinkCommand(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER, "X-1",
                            LocalDate.of(2026, 1, 1), NOW, EXPIRES))
                    .expectEvents(requestedByEmployer());
        }

        @Test
        void aWorkersRequestNeedsTheContractNumber() {
            fixture.givenNoPriorActivity()
                    .when(workerRequest(" ", LocalDate.of(2026, 1, 30)))
                    .expectException(naming(BusinessRuleException.class, "contractNumber"))
                    .expectNoEvents();
        }

        @Test
        void aWorkersRequestNeedsAContractDateNotInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(workerRequest("ТД-1", TODAY.plusDays(1)))
                    .expectException(naming(BusinessRuleException.class, "contractDate"));
            fixture.givenNoPriorActivity()
                    .when(workerRequest("ТД-1", null))
                    .expectException(naming(BusinessRuleException.class, "contractDate"));
            fixture.givenNoPriorActivity()
                    .when(workerRequest("ТД-1", LocalDate.of(1899, 12, 31)))
                    .expectException(naming(BusinessRuleException.class, "contractDate"));
        }

        @Test
        void aContractNumberIsPlainTextOfAtMostFiftyCharacters() {
            fixture.givenNoPriorActivity()
                    .when(workerRequest("x".repeat(51), TODAY))
                    .expectException(naming(BusinessRuleException.class, "contractNumber"));
            fixture.givenNoPriorActivity()
                    .when(workerRequest("<b>1</b>", TODAY))
                    .expectException(naming(BusinessRuleException.class, "contractNumber"));
        }

        @Test
        void aSecondRequestWhilePendingIsAConflict() {
            fixture.given(requestedByEmployer())
                    .when(employerRequest("req-2"))
                    .expectException(naming(ConflictException.class, "workerId"))
                    .expectNoEvents();
            fixture.given(requestedByEmployer())
                    .when(new RequestLinkCommand(ID, ORG, WORKER, "req-2", LinkInitiator.WORKER, "ТД-1", TODAY, NOW,
                            EXPIRES))
                    .expectException(naming(ConflictException.class, "organizationId"));
        }

        @Test
        void aRequestOnceLinkedIsAConflict() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(employerRequest("req-2"))
                    .expectException(naming(ConflictException.class, "workerId"));
        }

        @Test
        void afterADeclineOrExpiryANewRequestMayFollow() {
            LinkRequestedEvent second = new LinkRequestedEvent(ID, ORG, WORKER, "req-2", LinkInitiator.EMPLOYER, null,
                    null, NOW, EXPIRES);
            fixture.given(requestedByEmployer(),
                            new LinkRequestDeclinedEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER, NOW))
                    .when(employerRequest("req-2"))
                    .expectEvents(second);
            fixture.given(requestedByEmployer(),
                            new LinkRequestExpiredEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER, EXPIRES))
                    .when(employerRequest("req-2"))
                    .expectEvents(second);
        }

        @Test
        void aMembershipIdOfOtherPartiesIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RequestLinkCommand(StaffMembershipId.of("org-6", WORKER), ORG, WORKER, REQUEST,
                            LinkInitiator.EMPLOYER, null, null, NOW, EXPIRES))
                    .expectException(naming(BusinessRuleException.class, "membershipId"));
        }

        @Test
        void theWorkerAcceptsTheEmployersRequest() {
            fixture.given(requestedByEmployer())
                    .when(new AcceptLinkRequestCommand(ID, REQUEST, LinkInitiator.WORKER, NOW.plusSeconds(60)))
                    .expectEvents(accepted());
        }

        @Test
        void hrAcceptsAWorkersRequest() {
            fixture.given(requestedByWorker())
                    .when(new AcceptLinkRequestCommand(ID, REQUEST, LinkInitiator.EMPLOYER, NOW))
                    .expectEvents(new LinkRequestAcceptedEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.WORKER, NOW));
        }

        @Test
        void theWorkerDeclines() {
            fixture.given(requestedByEmployer())
                    .when(new DeclineLinkRequestCommand(ID, REQUEST, LinkInitiator.WORKER, NOW))
                    .expectEvents(new LinkRequestDeclinedEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER,
                            NOW));
        }

        @Test
        void theSideThatStartedARequestCannotAnswerIt() {
            fixture.given(requestedByEmployer())
                    .when(new AcceptLinkRequestCommand(ID, REQUEST, LinkInitiator.EMPLOYER, NOW))
                    .expectException(naming(WrongSideException.class, "requestId"))
                    .expectNoEvents();
            fixture.given(requestedByWorker())
                    .when(new DeclineLinkRequestCommand(ID, REQUEST, LinkInitiator.WORKER, NOW))
                    .expectException(naming(WrongSideException.class, "requestId"));
        }

        @Test
        void anAnsweredRequestCannotBeAnsweredAgain() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(new DeclineLinkRequestCommand(ID, REQUEST, LinkInitiator.WORKER, NOW))
                    .expectException(naming(ConflictException.class, "requestId"));
        }

        @Test
        void anUnknownRequestIsNotFound() {
            fixture.given(requestedByEmployer())
                    .when(new AcceptLinkRequestCommand(ID, "req-9", LinkInitiator.WORKER, NOW))
                    .expectException(naming(NotFoundException.class, "requestId"));
        }

        @Test
        void aRequestPastItsDeadlineCannotBeAnsweredEvenBeforeTheSweep() {
            fixture.given(requestedByEmployer())
                    .when(new AcceptLinkRequestCommand(ID, REQUEST, LinkInitiator.WORKER, EXPIRES))
                    .expectException(naming(ConflictException.class, "requestId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Expiry {

        @Test
        void aPendingRequestExpiresAtItsDeadline() {
            fixture.given(requestedByEmployer())
                    .when(new ExpireLinkRequestCommand(ID, REQUEST, EXPIRES))
                    .expectResultMessagePayload(ExpiryOutcome.EXPIRED)
                    .expectEvents(new LinkRequestExpiredEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER,
                            EXPIRES));
        }

        @Test
        void notBeforeIt() {
            fixture.given(requestedByEmployer())
                    .when(new ExpireLinkRequestCommand(ID, REQUEST, EXPIRES.minusMillis(1)))
                    .expectResultMessagePayload(ExpiryOutcome.NOT_DUE)
                    .expectNoEvents();
        }

        @Test
        void onlyOnceWhoeverAsksAgain() {
            fixture.given(requestedByEmployer(),
                            new LinkRequestExpiredEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER, EXPIRES))
                    .when(new ExpireLinkRequestCommand(ID, REQUEST, EXPIRES.plusSeconds(5)))
                    .expectResultMessagePayload(ExpiryOutcome.ALREADY_SETTLED)
                    .expectNoEvents();
        }

        @Test
        void anAnsweredRequestDoesNotExpire() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(new ExpireLinkRequestCommand(ID, REQUEST, EXPIRES))
                    .expectResultMessagePayload(ExpiryOutcome.ALREADY_SETTLED)
                    .expectNoEvents();
        }

        @Test
        void anUnknownRequestIsSaidToBeUnknown() {
            fixture.given(requestedByEmployer())
                    .when(new ExpireLinkRequestCommand(ID, "req-9", EXPIRES))
                    .expectResultMessagePayload(ExpiryOutcome.UNKNOWN)
                    .expectNoEvents();
        }
    }

    @Nested
    class Hire {

        @Test
        void hrRecordsTheHireOfALinkedWorkerAsVersionOne() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(hire(TERMS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(hired());
        }

        @Test
        void theRateIsKeptInOneSpellingAndABlankDepartmentAsAbsent() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(hire(terms("NURSE", "  ", "0.5", "EXTERNAL_PART_TIME", START, START)))
                    .expectEvents(new WorkerHiredEvent(ID, ORG, WORKER, EMPLOYMENT, CARD,
                            new EmploymentTerms("NURSE", null, new BigDecimal("0.50"), "EXTERNAL_PART_TIME",
                                    "ТД-15/2026", START, START), 1, NOW));
        }

        @Test
        void notBeforeTheLinkIsAccepted() {
            fixture.given(requestedByEmployer())
                    .when(hire(TERMS))
                    .expectException(naming(ConflictException.class, "workerId"))
                    .expectNoEvents();
            fixture.given(requestedByEmployer(),
                            new LinkRequestDeclinedEvent(ID, ORG, WORKER, REQUEST, LinkInitiator.EMPLOYER, NOW))
                    .when(hire(TERMS))
                    .expectException(naming(ConflictException.class, "workerId"));
        }

        @ParameterizedTest(name = "{6}")
        @CsvSource(nullValues = "null", value = {
            "UNKNOWN_POSITION, 1.00, MAIN, 2026-01-30, 2026-02-02, Отд, positionCode",
            "null, 1.00, MAIN, 2026-01-30, 2026-02-02, Отд, positionCode",
            "THERAPIST, 0.2, MAIN, 2026-01-30, 2026-02-02, Отд, rate",
            "THERAPIST, 1.75, MAIN, 2026-01-30, 2026-02-02, Отд, rate",
            "THERAPIST, 0.3, MAIN, 2026-01-30, 2026-02-02, Отд, rate",
            "THERAPIST, null, MAIN, 2026-01-30, 2026-02-02, Отд, rate",
            "THERAPIST, 1.00, SECONDMENT, 2026-01-30, 2026-02-02, Отд, contractKind",
            "THERAPIST, 1.00, null, 2026-01-30, 2026-02-02, Отд, contractKind",
            "THERAPIST, 1.00, MAIN, 2026-02-03, 2026-02-02, Отд, contractDate",
            "THERAPIST, 1.00, MAIN, null, 2026-02-02, Отд, contractDate",
            "THERAPIST, 1.00, MAIN, 1899-12-31, 2026-02-02, Отд, contractDate",
            "THERAPIST, 1.00, MAIN, 2026-01-30, 2026-03-03, Отд, startDate",
            "THERAPIST, 1.00, MAIN, 2026-01-30, null, Отд, startDate",
            "THERAPIST, 1.00, MAIN, 2026-01-30, 2026-02-02, <script>, department"
        })
        void badTermsAreRefusedNamingTheField(String position, String rate, String kind, LocalDate contractDate,
                                              LocalDate start, String department, String field) {
            fixture.given(requestedByEmployer(), accepted())
                    .when(hire(terms(position, department, rate, kind, contractDate, start)))
                    .expectException(naming(BusinessRuleException.class, field))
                    .expectNoEvents();
        }

        @Test
        void aContractNumberIsRequired() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(hire(new EmploymentTerms("THERAPIST", null, BigDecimal.ONE, "MAIN", "", START, START)))
                    .expectException(naming(BusinessRuleException.class, "contractNumber"));
        }

        @Test
        void aSecondActiveHireOnOnePositionAndContractKindIsAConflict() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(hire("emp-2", terms("THERAPIST", "Другое", "0.25", "MAIN", START, START)))
                    .expectException(naming(ConflictException.class, "positionCode"))
                    .expectNoEvents();
        }

        @Test
        void theSamePositionUnderAnotherContractKindIsFine() {
            EmploymentTerms partTime = terms("THERAPIST", null, "0.25", "INTERNAL_PART_TIME", START, START);
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(hire("emp-2", partTime))
                    .expectEvents(new WorkerHiredEvent(ID, ORG, WORKER, "emp-2", CARD,
                            new EmploymentTerms("THERAPIST", null, new BigDecimal("0.25"), "INTERNAL_PART_TIME",
                                    "ТД-15/2026", START, START), 1, NOW));
        }

        @Test
        void theSamePositionAgainAfterADismissalIsFine() {
            fixture.given(requestedByEmployer(), accepted(), hired(),
                            new WorkerDismissedEvent(ID, ORG, WORKER, EMPLOYMENT, START.plusDays(5), "TK77-1-3", 2, NOW))
                    .when(hire("emp-2", TERMS))
                    .expectEvents(new WorkerHiredEvent(ID, ORG, WORKER, "emp-2", CARD, TERMS, 1, NOW));
        }

        @Test
        void anEmploymentIdIsUsedOnce() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(hire(terms("NURSE", null, "1", "INTERNAL_PART_TIME", START, START)))
                    .expectException(naming(ConflictException.class, "employmentId"));
        }
    }

    @Nested
    class Changes {

        private EmploymentTerms changedTerms(String position, String department, String rate, String kind) {
            return new EmploymentTerms(position, department, new BigDecimal(rate), kind, TERMS.contractNumber(),
                    TERMS.contractDate(), START);
        }

        @Test
        void aTransferToAnotherDepartmentIsTheNextVersionWithTheWholeTerms() {
            LocalDate effective = LocalDate.of(2026, 2, 20);
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(change(EmploymentChangeKind.TRANSFER, "THERAPIST", "Кардиология", "1.00", "MAIN", effective))
                    .expectEvents(new EmploymentChangedEvent(ID, ORG, WORKER, EMPLOYMENT, CARD,
                            EmploymentChangeKind.TRANSFER, changedTerms("THERAPIST", "Кардиология", "1.00", "MAIN"),
                            effective, 2, NOW));
        }

        @Test
        void aRateChangeAfterATransferIsVersionThree() {
            EmploymentChangedEvent transfer = new EmploymentChangedEvent(ID, ORG, WORKER, EMPLOYMENT, CARD,
                    EmploymentChangeKind.TRANSFER, changedTerms("THERAPIST", "Кардиология", "1.00", "MAIN"),
                    LocalDate.of(2026, 2, 20), 2, NOW);
            fixture.given(requestedByEmployer(), accepted(), hired(), transfer)
                    .when(change(EmploymentChangeKind.RATE_CHANGE, "THERAPIST", "Кардиология", "0.5", "MAIN", TODAY))
                    .expectEvents(new EmploymentChangedEvent(ID, ORG, WORKER, EMPLOYMENT, CARD,
                            EmploymentChangeKind.RATE_CHANGE, changedTerms("THERAPIST", "Кардиология", "0.50", "MAIN"),
                            TODAY, 3, NOW));
        }

        @Test
        void aChangeBeforeTheLatestOneIsRefused() {
            EmploymentChangedEvent transfer = new EmploymentChangedEvent(ID, ORG, WORKER, EMPLOYMENT, CARD,
                    EmploymentChangeKind.TRANSFER, changedTerms("THERAPIST", "Кардиология", "1.00", "MAIN"),
                    LocalDate.of(2026, 2, 20), 2, NOW);
            fixture.given(requestedByEmployer(), accepted(), hired(), transfer)
                    .when(change(EmploymentChangeKind.RATE_CHANGE, "THERAPIST", "Кардиология", "0.5", "MAIN",
                            LocalDate.of(2026, 2, 19)))
                    .expectException(naming(BusinessRuleException.class, "effectiveDate"));
        }

        @ParameterizedTest(name = "{0} {6}")
        @CsvSource(nullValues = "null", value = {
            "RATE_CHANGE, THERAPIST, Другое, 1.00, MAIN, 2026-02-20, rate",
            "RATE_CHANGE, NURSE, Терапевтическое отделение, 0.50, MAIN, 2026-02-20, kind",
            "POSITION_CHANGE, THERAPIST, Другое, 1.00, MAIN, 2026-02-20, positionCode",
            "POSITION_CHANGE, NURSE, Терапевтическое отделение, 1.00, INTERNAL_PART_TIME, 2026-02-20, contractKind",
            "TRANSFER, THERAPIST, Терапевтическое отделение, 0.50, MAIN, 2026-02-20, department",
            "CORRECTION, THERAPIST, Терапевтическое отделение, 1, MAIN, 2026-02-20, kind",
            "null, THERAPIST, Другое, 1.00, MAIN, 2026-02-20, kind",
            "TRANSFER, NO_SUCH, Другое, 1.00, MAIN, 2026-02-20, positionCode",
            "TRANSFER, THERAPIST, Другое, 2.00, MAIN, 2026-02-20, rate",
            "CORRECTION, THERAPIST, Другое, 1.00, NONE, 2026-02-20, contractKind",
            "TRANSFER, THERAPIST, Другое, 1.00, MAIN, 2026-02-01, effectiveDate",
            "TRANSFER, THERAPIST, Другое, 1.00, MAIN, 2026-03-03, effectiveDate",
            "TRANSFER, THERAPIST, Другое, 1.00, MAIN, null, effectiveDate"
        })
        void aChangeThatDoesNotFitItsKindOrTheRulesIsRefused(EmploymentChangeKind kind, String position,
                                                             String department, String rate, String contractKind,
                                                             LocalDate effective, String field) {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(change(kind, position, department, rate, contractKind, effective))
                    .expectException(naming(BusinessRuleException.class, field))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionMayChangeTheContractKind() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(change(EmploymentChangeKind.CORRECTION, "THERAPIST", "Терапевтическое отделение", "1",
                            "INTERNAL_PART_TIME", START))
                    .expectEvents(new EmploymentChangedEvent(ID, ORG, WORKER, EMPLOYMENT, CARD,
                            EmploymentChangeKind.CORRECTION,
                            changedTerms("THERAPIST", "Терапевтическое отделение", "1.00", "INTERNAL_PART_TIME"),
                            START, 2, NOW));
        }

        @Test
        void aChangeOntoAPositionTheWorkerHoldsUnderTheSameKindIsAConflict() {
            WorkerHiredEvent nurse = new WorkerHiredEvent(ID, ORG, WORKER, "emp-2", CARD,
                    new EmploymentTerms("NURSE", null, new BigDecimal("0.50"), "INTERNAL_PART_TIME", "ТД-2", START,
                            START), 1, NOW);
            fixture.given(requestedByEmployer(), accepted(), hired(), nurse)
                    .when(change(EmploymentChangeKind.CORRECTION, "NURSE", null, "0.5", "INTERNAL_PART_TIME", START))
                    .expectException(naming(ConflictException.class, "positionCode"));
        }

        @Test
        void anUnknownEmploymentIsNotFound() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(change(EmploymentChangeKind.TRANSFER, "THERAPIST", "Кардиология", "1", "MAIN", TODAY))
                    .expectException(naming(NotFoundException.class, "employmentId"));
        }

        @Test
        void anEndedEmploymentCannotChange() {
            fixture.given(requestedByEmployer(), accepted(), hired(),
                            new WorkerDismissedEvent(ID, ORG, WORKER, EMPLOYMENT, TODAY, "TK77-1-3", 2, NOW))
                    .when(change(EmploymentChangeKind.TRANSFER, "THERAPIST", "Кардиология", "1", "MAIN", TODAY))
                    .expectException(naming(ConflictException.class, "employmentId"));
        }
    }

    @Nested
    class Dismissal {

        @Test
        void hrDismissesWithAReasonFromTheDictionary() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(dismiss(TODAY, "TK77-1-3"))
                    .expectEvents(new WorkerDismissedEvent(ID, ORG, WORKER, EMPLOYMENT, TODAY, "TK77-1-3", 2, NOW));
        }

        @Test
        void onTheStartDayItself() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(dismiss(START, "TK77-1-1"))
                    .expectEvents(new WorkerDismissedEvent(ID, ORG, WORKER, EMPLOYMENT, START, "TK77-1-1", 2, NOW));
        }

        @Test
        void notBeforeTheHire() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(dismiss(START.minusDays(1), "TK77-1-3"))
                    .expectException(naming(BusinessRuleException.class, "endDate"))
                    .expectNoEvents();
        }

        @Test
        void notInTheFuture() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(dismiss(TODAY.plusDays(1), "TK77-1-3"))
                    .expectException(naming(BusinessRuleException.class, "endDate"));
        }

        @Test
        void notTwice() {
            fixture.given(requestedByEmployer(), accepted(), hired(),
                            new WorkerDismissedEvent(ID, ORG, WORKER, EMPLOYMENT, TODAY, "TK77-1-3", 2, NOW))
                    .when(dismiss(TODAY, "TK77-1-3"))
                    .expectException(naming(ConflictException.class, "employmentId"))
                    .expectNoEvents();
        }

        @Test
        void theReasonMustBeKnown() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(dismiss(TODAY, "TK99"))
                    .expectException(naming(BusinessRuleException.class, "reasonCode"));
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(dismiss(TODAY, null))
                    .expectException(naming(BusinessRuleException.class, "reasonCode"));
        }

        @Test
        void theEndDateIsRequired() {
            fixture.given(requestedByEmployer(), accepted(), hired())
                    .when(dismiss(null, "TK77-1-3"))
                    .expectException(naming(BusinessRuleException.class, "endDate"));
        }

        @Test
        void anUnknownEmploymentIsNotFound() {
            fixture.given(requestedByEmployer(), accepted())
                    .when(dismiss(TODAY, "TK77-1-3"))
                    .expectException(naming(NotFoundException.class, "employmentId"));
        }
    }
}
