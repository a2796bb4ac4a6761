package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.SealedIdentityDocument;
import ru.frmr.registry.privacy.PersonalDataVault;
import ru.frmr.registry.privacy.TestCipher;
import ru.frmr.registry.query.WorkerView;

class WorkerResponseTest {

    private static final WorkerView VIEW = new WorkerView("w-1", "Иванова", "Мария", null, LocalDate.of(1985, 4, 12),
            sealed("11223344595"), sealed("m@example.ru"), null, Instant.EPOCH, Instant.EPOCH, 3, null, null, "F", "RUS",
            sealed("770112345695"), new SealedIdentityDocument("RF_PASSPORT", sealed("4505"), sealed("612345"),
            sealed("2005-04-20"), sealed("ГУ МВД России по г. Москве"), sealed("770-001")), false,
            "иванова мария");

    private final TestCipher cipher = new TestCipher();
    private final PersonalDataVault vault = new PersonalDataVault(cipher);

    private static String sealed(String plaintext) {
        return TestCipher.sealed("w-1", plaintext);
    }

    private WorkerResponse response(WorkerView view, long pendingChanges, String authStatus) {
        return WorkerResponse.of(view, pendingChanges, authStatus, vault.reader(view.id()), true, Map.of());
    }

    private WorkerResponse readByAnother(WorkerView view) {
        return WorkerResponse.of(view, 0, "ACTIVE", vault.reader(view.id()), false, Map.of());
    }

    @Test
    void anyoneButTheOwnerSeesTheSnilsMasked() {
        assertThat(readByAnother(VIEW).snils()).isEqualTo("***-***-445 95");
        assertThat(response(VIEW, 0, "ACTIVE").snils()).isEqualTo("112-233-445 95");
    }

    @Test
    void aLegacyPlainSnilsThatDoesNotParseIsHiddenWholeFromOthers() {
        WorkerView legacy = new WorkerView("w-1", "Иванова", "Мария", null, LocalDate.of(1985, 4, 12),
                "112 233 445 95", null, null, Instant.EPOCH, Instant.EPOCH, 3, null, null, null, null, null,
                null, null, null);
        assertThat(readByAnother(legacy).snils()).isEqualTo("***");
        assertThat(response(legacy, 0, "ACTIVE").snils()).isEqualTo("112 233 445 95");
    }

    @Test
    void theCabinetCallsAnAccountAwaitingConfirmationPendingVerification() {
        assertThat(response(VIEW, 0, "NEEDS_CONFIRMATION").accountStatus()).isEqualTo("PENDING_VERIFICATION");
        assertThat(response(VIEW, 0, "BLOCKED").accountStatus()).isEqualTo("BLOCKED");
        assertThat(response(VIEW, 0, null).accountStatus()).isNull();
    }

    @Test
    void aRecordWithoutApprovedEntriesShowsAnEmptyRecordAndItsPendingCount() {
        WorkerResponse response = response(VIEW, 2, "ACTIVE");
        assertThat(response.entries()).isEmpty();
        assertThat(response.pendingChanges()).isEqualTo(2);
    }

    @Test
    void aRecordWithoutEmploymentsShowsNone() {
        assertThat(response(VIEW, 0, "ACTIVE").employments()).isEmpty();
    }

    @Test
    void theOwnerSeesTheirPersonalDataOpened() {
        WorkerResponse response = response(VIEW, 0, "ACTIVE");
        assertThat(response.snils()).isEqualTo("112-233-445 95");
        assertThat(response.inn()).isEqualTo("770112345695");
        assertThat(response.email()).isEqualTo("m@example.ru");
        assertThat(response.mobile()).isNull();
        assertThat(response.gender()).isEqualTo("F");
        assertThat(response.citizenship()).isEqualTo("RUS");
        assertThat(response.identityDocument()).isEqualTo(new IdentityDocument("RF_PASSPORT", "4505", "612345",
                LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001"));
        assertThat(response.personalDataErased()).isFalse();
        assertThat(response.toString()).doesNotContain("11223344595").doesNotContain("m@example.ru");
    }

    @Test
    void aViewFromBeforeSealingShowsItsPlainValues() {
        WorkerView legacy = new WorkerView("w-1", "Иванова", "Мария", null, LocalDate.of(1985, 4, 12),
                "112-233-445 95", "m@example.ru", null, Instant.EPOCH, Instant.EPOCH, 3, null, null, null, null, null,
                null, null, null);
        WorkerResponse response = response(legacy, 0, "ACTIVE");
        assertThat(response.snils()).isEqualTo("112-233-445 95");
        assertThat(response.email()).isEqualTo("m@example.ru");
        assertThat(response.personalDataErased()).isFalse();
    }

    @Test
    void anErasedRecordShowsNoPersonalDataAndSaysSo() {
        WorkerView erased = new WorkerView("w-1", "Иванова", "Мария", null, LocalDate.of(1985, 4, 12), null, null,
                null, Instant.EPOCH, Instant.EPOCH, 4, null, null, "F", "RUS", null, null, true, "иванова мария");
        WorkerResponse response = response(erased, 0, "ACTIVE");
        assertThat(response.personalDataErased()).isTrue();
        assertThat(response.snils()).isNull();
        assertThat(response.inn()).isNull();
        assertThat(response.identityDocument()).isNull();
        assertThat(response.lastName()).isEqualTo("Иванова");
    }

    @Test
    void aShreddedKeyMeansErasedEvenBeforeTheViewHasCaughtUp() {
        cipher.shred("w-1");
        WorkerResponse response = response(VIEW, 0, "ACTIVE");
        assertThat(response.personalDataErased()).isTrue();
        assertThat(response.snils()).isNull();
        assertThat(response.email()).isNull();
        assertThat(response.inn()).isNull();
        assertThat(response.identityDocument()).isNull();
    }
}
