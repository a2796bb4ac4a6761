package ru.frmr.documents.certificate.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.CertificateDeliveredEvent;
import ru.frmr.documents.certificate.api.CertificateIssuedEvent;
import ru.frmr.documents.certificate.api.CertificateIssuingStartedEvent;
import ru.frmr.documents.certificate.api.CertificateRefusedEvent;
import ru.frmr.documents.certificate.api.CertificateRequestedEvent;
import ru.frmr.documents.certificate.api.DeliveryChannel;
import ru.frmr.documents.certificate.api.IssueCertificateCommand;
import ru.frmr.documents.certificate.api.RecordDeliveryCommand;
import ru.frmr.documents.certificate.api.RefuseCertificateCommand;
import ru.frmr.documents.certificate.api.RequestCertificateCommand;
import ru.frmr.documents.certificate.api.StartIssuingCommand;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;

class CertificateRequestTest {

    private static final String ID = "2f6e4c1a-9b7d-4e3f-8a21-5c0d9e8f7a6b";
    private static final String WORKER = "w-1";
    private static final String ACCOUNT = "a-1";
    private static final String NUMBER = "7KQ2M9TXB4HD1R8W";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant T0 = Instant.parse("2026-11-25T10:15:30Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final LocalDate VALID_UNTIL = LocalDate.of(2026, 12, 25);
    private static final String SEALED_ADDRESS = "pd1:1:c2VhbGVk";

    private AggregateTestFixture<CertificateRequest> fixture;

    /** The rejection names this parameter. */
    private static Matcher<?> invalid(String parameter) {
        return Matchers.predicate(e -> e instanceof InvalidParameterException invalid
                && invalid.parameter().equals(parameter));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CertificateRequest.class);
    }

    private static CertificateRequestedEvent requested(CertificateDelivery delivery) {
        return new CertificateRequestedEvent(ID, WORKER, ACCOUNT, CertificateType.EMPLOYMENT_HISTORY,
                "по месту требования", delivery, delivery == CertificateDelivery.POST ? SEALED_ADDRESS : null, T0);
    }

    private static CertificateIssuingStartedEvent started() {
        return new CertificateIssuingStartedEvent(ID, WORKER, NUMBER, T0);
    }

    private static CertificateIssuedEvent issued(CertificateDelivery delivery) {
        return new CertificateIssuedEvent(ID, WORKER, ACCOUNT, CertificateType.EMPLOYMENT_HISTORY, delivery, NUMBER,
                SHA, T1, VALID_UNTIL);
    }

    @Test
    void aRequestIsRecordedWithItsPurposeTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new RequestCertificateCommand(ID, WORKER, ACCOUNT, CertificateType.EMPLOYMENT_HISTORY,
                        "  по месту требования ", CertificateDelivery.DOWNLOAD, null, T0))
                .expectEvents(requested(CertificateDelivery.DOWNLOAD));
    }

    @Test
    void aPostalRequestCarriesItsSealedAddress() {
        fixture.givenNoPriorActivity()
                .when(new RequestCertificateCommand(ID, WORKER, ACCOUNT, CertificateType.EMPLOYMENT_HISTORY,
                        "по месту требования", CertificateDelivery.POST, SEALED_ADDRESS, T0))
                .expectEvents(requested(CertificateDelivery.POST));
    }

    @Test
    void aPurposeOfFewerThanThreeOrMoreThan300CharactersIsRefusedNamingIt() {
        fixture.givenNoPriorActivity()
                .when(new RequestCertificateCommand(ID, WORKER, ACCOUNT, CertificateType.QUALIFICATION, " ab ",
                        CertificateDelivery.DOWNLOAD, null, T0))
                .expectException(invalid("purpose"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestCertificateCommand(ID, WORKER, ACCOUNT, CertificateType.QUALIFICATION,
                        "я".repeat(301), CertificateDelivery.DOWNLOAD, null, T0))
                .expectException(InvalidParameterException.class).expectNoEvents();
    }

    @Test
    void postNeedsAnAddressAndOnlyPostMayHaveOne() {
        fixture.givenNoPriorActivity()
                .when(new RequestCertificateCommand(ID, WORKER, ACCOUNT, CertificateType.QUALIFICATION,
                        "по месту требования", CertificateDelivery.POST, null, T0))
                .expectException(invalid("postalAddress"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestCertificateCommand(ID, WORKER, ACCOUNT, CertificateType.QUALIFICATION,
                        "по месту требования", CertificateDelivery.EMAIL, SEALED_ADDRESS, T0))
                .expectException(invalid("postalAddress"))
                .expectNoEvents();
    }

    @Test
    void issuingStartsUnderTheGivenNumberOnce() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD))
                .when(new StartIssuingCommand(ID, NUMBER, T0))
                .expectEvents(started())
                .expectResultMessagePayload(Optional.of(NUMBER));
    }

    @Test
    void aRetriedStartAnswersTheNumberDrawnBefore() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started())
                .when(new StartIssuingCommand(ID, "ZZZZZZZZZZZZZZZZ", T1))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.of(NUMBER));
    }

    @Test
    void aRequestPastIssuingIsNotStartedAgain() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started(), issued(CertificateDelivery.DOWNLOAD))
                .when(new StartIssuingCommand(ID, "ZZZZZZZZZZZZZZZZ", T1))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
        fixture.given(requested(CertificateDelivery.DOWNLOAD),
                        new CertificateRefusedEvent(ID, WORKER, CertificateType.EMPLOYMENT_HISTORY, "отказано", T0))
                .when(new StartIssuingCommand(ID, NUMBER, T1))
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void aRequestInWorkIsIssuedWithItsDigestAndValidity() {
        fixture.given(requested(CertificateDelivery.EMAIL), started())
                .when(new IssueCertificateCommand(ID, NUMBER, SHA, T1, VALID_UNTIL))
                .expectEvents(issued(CertificateDelivery.EMAIL));
    }

    @Test
    void issuingAgainChangesNothingButUnderAnotherNumberIsAConflict() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started(), issued(CertificateDelivery.DOWNLOAD))
                .when(new IssueCertificateCommand(ID, NUMBER, SHA, T1, VALID_UNTIL))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started())
                .when(new IssueCertificateCommand(ID, "ZZZZZZZZZZZZZZZZ", SHA, T1, VALID_UNTIL))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void aRequestNotInWorkCannotBeIssued() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD))
                .when(new IssueCertificateCommand(ID, NUMBER, SHA, T1, VALID_UNTIL))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void aRequestIsRefusedWithItsReasonOnceAndNotAfterDelivery() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started())
                .when(new RefuseCertificateCommand(ID, " Справку выдать не о чем. ", T1))
                .expectEvents(new CertificateRefusedEvent(ID, WORKER, CertificateType.EMPLOYMENT_HISTORY,
                        "Справку выдать не о чем.", T1));
        fixture.given(requested(CertificateDelivery.DOWNLOAD),
                        new CertificateRefusedEvent(ID, WORKER, CertificateType.EMPLOYMENT_HISTORY, "отказано", T0))
                .when(new RefuseCertificateCommand(ID, "отказано", T1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started(), issued(CertificateDelivery.DOWNLOAD),
                        new CertificateDeliveredEvent(ID, WORKER, NUMBER, DeliveryChannel.DOWNLOADED, null, T1))
                .when(new RefuseCertificateCommand(ID, "отказано", T1))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void aRefusalNeedsAReason() {
        fixture.given(requested(CertificateDelivery.POST))
                .when(new RefuseCertificateCommand(ID, "  ", T1))
                .expectException(invalid("reason"))
                .expectNoEvents();
    }

    @Test
    void theFirstDownloadDeliversAndLaterOnesChangeNothing() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started(), issued(CertificateDelivery.DOWNLOAD))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.DOWNLOADED, null, T1))
                .expectEvents(new CertificateDeliveredEvent(ID, WORKER, NUMBER, DeliveryChannel.DOWNLOADED, null,
                        T1));
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started(), issued(CertificateDelivery.DOWNLOAD),
                        new CertificateDeliveredEvent(ID, WORKER, NUMBER, DeliveryChannel.DOWNLOADED, null, T1))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.DOWNLOADED, null, T1.plusSeconds(5)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anEmailIsRecordedOnce() {
        fixture.given(requested(CertificateDelivery.EMAIL), started(), issued(CertificateDelivery.EMAIL))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.EMAILED, null, T1))
                .expectEvents(new CertificateDeliveredEvent(ID, WORKER, NUMBER, DeliveryChannel.EMAILED, null, T1));
        fixture.given(requested(CertificateDelivery.EMAIL), started(), issued(CertificateDelivery.EMAIL),
                        new CertificateDeliveredEvent(ID, WORKER, NUMBER, DeliveryChannel.EMAILED, null, T1))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.EMAILED, null, T1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aPostedSpravkaNeedsARussianPostTrackingNumber() {
        fixture.given(requested(CertificateDelivery.POST), started(), issued(CertificateDelivery.POST))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.POSTED, "RA123456789RU", T1))
                .expectEvents(new CertificateDeliveredEvent(ID, WORKER, NUMBER, DeliveryChannel.POSTED,
                        "RA123456789RU", T1));
        fixture.given(requested(CertificateDelivery.POST), started(), issued(CertificateDelivery.POST))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.POSTED, "12345678901234", T1))
                .expectSuccessfulHandlerExecution();
        fixture.given(requested(CertificateDelivery.POST), started(), issued(CertificateDelivery.POST))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.POSTED, "1234567890123", T1))
                .expectException(invalid("trackingNumber"))
                .expectNoEvents();
    }

    @Test
    void aDeliveryByAnotherChannelThanRequestedIsABusinessRuleViolation() {
        fixture.given(requested(CertificateDelivery.EMAIL), started(), issued(CertificateDelivery.EMAIL))
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.POSTED, "RA123456789RU", T1))
                .expectException(BusinessRuleException.class).expectNoEvents();
    }

    @Test
    void nothingIsDeliveredBeforeItIsReady() {
        fixture.given(requested(CertificateDelivery.DOWNLOAD), started())
                .when(new RecordDeliveryCommand(ID, DeliveryChannel.DOWNLOADED, null, T1))
                .expectException(ConflictException.class).expectNoEvents();
    }
}
