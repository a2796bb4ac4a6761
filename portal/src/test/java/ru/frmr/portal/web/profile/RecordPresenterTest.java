package ru.frmr.portal.web.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.web.Dictionaries;
import ru.frmr.portal.web.Formats;

class RecordPresenterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 6 December 2026 in Moscow. */
    private final Formats formats = new Formats(Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC));
    private final Dictionaries dictionaries = mock(Dictionaries.class);
    private final RecordPresenter presenter = new RecordPresenter(formats, new CodeNames(dictionaries));

    RecordPresenterTest() {
        when(dictionaries.name(any(), any())).thenAnswer(call -> switch (call.getArgument(1).toString()) {
            case "31.08.49" -> "Терапия";
            case "PERIODIC" -> "Периодическая аккредитация";
            default -> call.getArgument(1).toString();
        });
    }

    @Test
    void aLicenceSaysHowLongItLastsOrWhenItEnded() throws Exception {
        List<RecordPresenter.EntryView> accreditation = section(record("ACCREDITATION", """
                [{"entryId":"a","status":"APPROVED","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                  "specialtyCode":"31.08.49","protocolDate":"2021-12-06","endDate":"2026-12-06"},
                  "endDate":"2026-12-06","expiresInDays":0},
                 {"entryId":"b","status":"APPROVED","entry":{"section":"ACCREDITATION","endDate":"2026-12-07"},
                  "endDate":"2026-12-07","expiresInDays":1},
                 {"entryId":"c","status":"APPROVED","entry":{"section":"ACCREDITATION","endDate":"2027-03-07"},
                  "endDate":"2027-03-07","expiresInDays":91},
                 {"entryId":"d","status":"APPROVED","entry":{"section":"ACCREDITATION","endDate":"2026-12-05"},
                  "endDate":"2026-12-05","expiresInDays":-1}]"""), "accreditation");
        assertThat(accreditation).extracting(RecordPresenter.EntryView::expiry).containsExactly(
                "Действует до 06.12.2026, истекает сегодня", "Действует до 07.12.2026, истекает через 1 день",
                "Действует до 07.03.2027, истекает через 91 день", "Истекла 05.12.2026");
        assertThat(accreditation).extracting(RecordPresenter.EntryView::expiryTone)
                .containsExactly("soon", "soon", "ok", "past");
        assertThat(accreditation.get(0).title()).isEqualTo("Периодическая аккредитация: Терапия");

        // Without the registry's count (an older answer) the days are counted from today in Moscow.
        RecordPresenter.EntryView certificate = section(record("CERTIFICATES", """
                [{"entryId":"e","status":"APPROVED","entry":{"section":"CERTIFICATES","endDate":"2026-11-30"},
                  "endDate":"2026-11-30"}]"""), "certificates").get(0);
        assertThat(certificate.expiry()).isEqualTo("Истёк 30.11.2026");
    }

    @Test
    void onlyAnApprovedEntryWithoutAPendingChangeCanBeChanged() throws Exception {
        JsonNode record = record("CERTIFICATES", """
                [{"entryId":"kept","status":"APPROVED","entry":{"section":"CERTIFICATES","number":"1"}},
                 {"entryId":"busy","status":"APPROVED","entry":{"section":"CERTIFICATES","number":"2"}},
                 {"entryId":"busy","status":"PENDING","changeKind":"REMOVE","submittedAt":"2026-12-06T08:00:00Z",
                  "entry":{"section":"CERTIFICATES","number":"2"}},
                 {"entryId":"gone","status":"REJECTED","changeKind":"REMOVE","decidedAt":"2026-12-06T08:30:00Z",
                  "reason":null,"entry":null}]""");
        List<RecordPresenter.EntryView> entries = section(record, "certificates");
        assertThat(entries.get(0).editLink()).isEqualTo("/profile/certificates/kept/edit");
        assertThat(entries.get(0).removeLink()).isEqualTo("/profile/certificates/kept/remove");
        assertThat(entries.get(1).editLink()).isNull();
        assertThat(entries.get(2).note()).isEqualTo("Удаление отправлено 06.12.2026 11:00 МСК");
        assertThat(entries.get(2).editLink()).isNull();
        assertThat(entries.get(3).statusText()).isEqualTo("Отклонено");
        assertThat(entries.get(3).title()).isEqualTo("Запись удалена из профиля");
        assertThat(entries.get(3).facts()).isEmpty();

        RecordPresenter.SectionView blocked = presenter.sections(record, false).get(3);
        assertThat(blocked.addLink()).isNull();
        assertThat(blocked.entries()).allSatisfy(entry -> assertThat(entry.editLink()).isNull());
        assertThat(presenter.sections(record, true)).extracting(RecordPresenter.SectionView::addLink).containsExactly(
                "/profile/education/new", "/profile/postgraduate-education/new", "/profile/additional-education/new",
                "/profile/certificates/new", "/profile/accreditation/new", "/profile/qualification-categories/new");
    }

    @Test
    void aDictionaryThatCannotBeHadShowsTheCodeAndIsNotAskedAgain() throws Exception {
        Dictionaries failing = mock(Dictionaries.class);
        when(failing.name(eq("accreditation-kinds"), any()))
                .thenThrow(new ApiProblem(503, null, null, Map.of(), null));
        when(failing.name(eq("specialties"), any())).thenReturn("Терапия");
        RecordPresenter withoutKinds = new RecordPresenter(formats, new CodeNames(failing));
        JsonNode record = record("ACCREDITATION", """
                [{"entryId":"a","status":"APPROVED","entry":{"section":"ACCREDITATION","kind":"PERIODIC",
                  "specialtyCode":"31.08.49"}},
                 {"entryId":"b","status":"APPROVED","entry":{"section":"ACCREDITATION","kind":"PRIMARY"}}]""");

        List<RecordPresenter.EntryView> entries = withoutKinds.sections(record, true).get(4).entries();

        assertThat(entries.get(0).title()).isEqualTo("PERIODIC: Терапия");
        assertThat(entries.get(0).facts()).contains(new RecordPresenter.Fact("Вид аккредитации", "PERIODIC"));
        assertThat(entries.get(1).title()).isEqualTo("PRIMARY");
        verify(failing, times(1)).name(eq("accreditation-kinds"), any());
    }

    @Test
    void personalDataErasedOnRequestAreSaidToBeSo() throws Exception {
        JsonNode erased = JSON.readTree("""
                {"lastName":"Иванова","firstName":"Мария","middleName":null,"birthDate":"1985-04-12","snils":null,
                 "email":null,"mobile":null,"gender":"F","citizenship":"KAZ","inn":null,"identityDocument":null,
                 "personalDataErased":true}""");
        assertThat(presenter.personal(erased)).containsExactly(
                new RecordPresenter.Fact("Фамилия, имя, отчество", "Иванова Мария"),
                new RecordPresenter.Fact("Дата рождения", "12.04.1985"),
                new RecordPresenter.Fact("Пол", "Женский"),
                new RecordPresenter.Fact("Гражданство", "KAZ"),
                new RecordPresenter.Fact("СНИЛС", "Сведения удалены по запросу"),
                new RecordPresenter.Fact("ИНН", "Сведения удалены по запросу"),
                new RecordPresenter.Fact("Документ, удостоверяющий личность", "Сведения удалены по запросу"));
        assertThat(presenter.contacts(erased)).extracting(RecordPresenter.Fact::value)
                .containsOnly("Сведения удалены по запросу");
    }

    @Test
    void employmentsThatLastComeFirst() throws Exception {
        JsonNode record = JSON.readTree("""
                {"employments":{
                  "old":{"organizationName":"Больница № 2","positionName":"Врач","rate":0.50,"contractKind":"MAIN",
                         "startDate":"2010-01-01","endDate":"2015-08-31"},
                  "now":{"organizationName":"Поликлиника № 1","positionName":"Врач-терапевт","rate":1.0,
                         "startDate":"2015-09-01","endDate":null}}}""");
        List<RecordPresenter.EmploymentView> jobs = presenter.employments(record);
        assertThat(jobs).extracting(RecordPresenter.EmploymentView::organization)
                .containsExactly("Поликлиника № 1", "Больница № 2");
        assertThat(jobs.get(0).facts()).contains(new RecordPresenter.Fact("Ставка", "1"),
                new RecordPresenter.Fact("Период работы", "с 01.09.2015 по настоящее время"));
        assertThat(jobs.get(1).facts()).contains(new RecordPresenter.Fact("Ставка", "0,5"),
                new RecordPresenter.Fact("Период работы", "с 01.01.2010 по 31.08.2015"));
    }

    private List<RecordPresenter.EntryView> section(JsonNode record, String slug) {
        return presenter.sections(record, true).stream().filter(s -> s.slug().equals(slug)).findFirst()
                .orElseThrow().entries();
    }

    private static JsonNode record(String section, String items) throws Exception {
        return JSON.readTree("{\"sections\":{\"" + section + "\":" + items + "}}");
    }
}
