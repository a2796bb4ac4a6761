package ru.frmr.documents.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ru.frmr.contracts.documents.CertificateType;

/** Справки to render in tests (an object mother). */
final class Certificates {

    static final String NUMBER = "7K3M-9QXD-2HFA-B6ZP";
    static final String URL = "http://localhost:8080/verify/" + NUMBER;

    private Certificates() {
    }

    /** An employment-history справка with {@code jobs} rows of Cyrillic text, long enough to wrap cells. */
    static CertificateContent employmentHistory(int jobs) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= jobs; i++) {
            rows.add(List.of(String.valueOf(i),
                    "ГБУЗ «Городская клиническая больница № " + i + " имени С. П. Боткина Департамента здравоохранения "
                            + "города Москвы»",
                    "Врач-терапевт участковый", "1,0", "01.09.20" + (10 + i % 15),
                    i == jobs ? "по настоящее время" : "31.08.20" + (11 + i % 15)));
        }
        return new CertificateContent(NUMBER, CertificateType.EMPLOYMENT_HISTORY,
                "Справка о трудовой деятельности (стаже) медицинского работника", "Иванова Мария Петровна",
                "ФРМР-0000-4512-77", "для представления по месту требования", LocalDate.of(2026, 12, 6),
                LocalDate.of(2027, 1, 5), URL,
                List.of(new CertificateSection("Сведения о трудовой деятельности",
                                List.of("№", "Организация", "Должность", "Ставка", "Начало", "Окончание"), rows,
                                "Сведения о трудовой деятельности отсутствуют."),
                        new CertificateSection("Аккредитация", List.of("Специальность", "Дата"), List.of(),
                                "Сведения об аккредитации отсутствуют.")));
    }
}
