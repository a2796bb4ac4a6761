package ru.frmr.employer.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Check digits against numbers of real organisations (published in the state register of legal entities). */
class OrganizationNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1027700132195", // ПАО Сбербанк
            "1027700229193", // ООО «Яндекс»
            "1027739609391", // Банк ВТБ (ПАО)
            "1027700070518", // ПАО «Газпром»
            "1025035520146", // the fixture's Подольск hospital
            "5077746887312" // an ОГРН issued from 2003 on starts with 5 too
    })
    void realOgrnsPass(String ogrn) {
        assertThat(OrganizationNumbers.ogrnValid(ogrn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "1027700132194", // Сбербанк's with the last digit changed
            "1027700000001", // the emulator's old number: the check digit is 8
            "102770013219", // 12 digits
            "10277001321950", // 14
            "304500116000157", // an entrepreneur's ОГРНИП (15 digits) is no organisation's
            "2027700132195", // 2, 3, 4 and so on are not the first digit of an organisation's ОГРН
            "10277001321a5", " 1027700132195"})
    void otherOgrnsFail(String ogrn) {
        assertThat(OrganizationNumbers.ogrnValid(ogrn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7707083893", "7736207543", "7702070139", "7736050003", "5036012016"})
    void realInnsPass(String inn) {
        assertThat(OrganizationNumbers.innValid(inn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"7707083894", "7736207542", "770708389", "77070838930", "770112345695", "77070838a3"})
    void otherInnsFail(String inn) {
        assertThat(OrganizationNumbers.innValid(inn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"773601001", "770701001", "7736AB001", "503601001"})
    void kppShapesPass(String kpp) {
        assertThat(OrganizationNumbers.kppValid(kpp)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"77360100", "7736010011", "7736ab001", "A73601001", "773601 01"})
    void otherKppsFail(String kpp) {
        assertThat(OrganizationNumbers.kppValid(kpp)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.643.5.1.13.13.12.2.77.7830", "1.2.643.5.1.13.13.12.2.50.5036",
            "1.2.643.5.1.13.13.12.2.1.100", "1.2.643.5.1.13.13.12.2.77.7830.1"})
    void frmoIdsPass(String frmoId) {
        assertThat(OrganizationNumbers.frmoIdValid(frmoId)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1.2.643.5.1.13.13.12.2.77", "1.2.643.5.1.13.13.12.3.77.7830",
            "1.2.643.5.1.13.13.12.2.77.07830", "1.2.643.5.1.13.13.12.2.77.7830.", "urn:oid:1.2.643.5.1.13.13.12.2.77.7830"})
    void otherFrmoIdsFail(String frmoId) {
        assertThat(OrganizationNumbers.frmoIdValid(frmoId)).isFalse();
    }
}
