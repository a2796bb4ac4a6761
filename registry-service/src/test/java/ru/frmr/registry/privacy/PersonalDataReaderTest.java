package ru.frmr.registry.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.frmr.kit.crypto.PersonalDataIntegrityException;
import ru.frmr.kit.crypto.SubjectShreddedException;
import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.SealedIdentityDocument;

class PersonalDataReaderTest {

    private static final String WORKER = "w-1";
    private static final IdentityDocument PASSPORT = new IdentityDocument("RF_PASSPORT", "4505", "612345",
            LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001");

    private final TestCipher cipher = new TestCipher();
    private final PersonalDataVault vault = new PersonalDataVault(cipher);

    @Test
    void sealedValuesOpenWithTheWorkersKey() {
        PersonalDataReader reader = vault.reader(WORKER);
        assertThat(reader.open(vault.seal(WORKER, "11223344595"))).isEqualTo("11223344595");
        assertThat(reader.open((String) null)).isNull();
        assertThat(reader.keyGone()).isFalse();
    }

    @Test
    void aDocumentIsSealedFieldByFieldButItsTypeAndOpensWhole() {
        SealedIdentityDocument sealed = vault.seal(WORKER, PASSPORT);
        assertThat(sealed.type()).isEqualTo("RF_PASSPORT");
        assertThat(sealed.toString()).doesNotContain("612345");
        assertThat(java.util.List.of(sealed.series(), sealed.number(), sealed.issueDate(), sealed.issuedBy(),
                sealed.issuerCode())).allSatisfy(value -> assertThat(cipher.isEncrypted(value)).isTrue());
        assertThat(vault.reader(WORKER).open(sealed)).isEqualTo(PASSPORT);
        assertThat(vault.seal(WORKER, (IdentityDocument) null)).isNull();
    }

    @Test
    void aDocumentWithoutSeriesOrDateOpensWithNulls() {
        IdentityDocument foreign = new IdentityDocument("FID_DOC", null, "AB 1234567", null, null, null);
        assertThat(vault.reader(WORKER).open(vault.seal(WORKER, foreign))).isEqualTo(foreign);
    }

    @Test
    void plainValuesOfEventsStoredBeforeSealingAreTakenAsTheyAre() {
        PersonalDataReader reader = vault.reader(WORKER);
        assertThat(reader.open("11223344595")).isEqualTo("11223344595");
        assertThat(reader.open("ivanova@frmr.test")).isEqualTo("ivanova@frmr.test");
        assertThat(reader.keyGone()).isFalse();
    }

    @Test
    void afterShreddingNothingOpensTheReaderSaysSoAndNothingNewIsSealed() {
        String snils = vault.seal(WORKER, "11223344595");
        SealedIdentityDocument document = vault.seal(WORKER, PASSPORT);
        vault.shred(WORKER);

        PersonalDataReader reader = vault.reader(WORKER);
        assertThat(reader.open(snils)).isNull();
        assertThat(reader.open(document)).isNull();
        assertThat(reader.keyGone()).isTrue();
        assertThatThrownBy(() -> vault.seal(WORKER, "new@example.ru")).isInstanceOf(SubjectShreddedException.class);
    }

    @Test
    void anotherWorkersTokenDoesNotOpen() {
        String othersSnils = vault.seal("w-2", "11223344595");
        assertThatThrownBy(() -> vault.reader(WORKER).open(othersSnils))
                .isInstanceOf(PersonalDataIntegrityException.class);
    }
}
