package ru.frmr.documents.certificate.issue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.documents.certificate.person.KnownEmployment;
import ru.frmr.documents.certificate.person.KnownEntry;
import ru.frmr.documents.certificate.person.PersonSnapshot;
import ru.frmr.documents.pdf.CertificateContent;
import ru.frmr.documents.pdf.CertificateSection;

/**
 * Writes a справка's content in Russian from what documents-service knows of the person, or says why there is
 * nothing to certify: the person is not in the register, has no approved qualification entries, or no employer
 * recorded an employment.
 */
@Component
class CertificateContentFactory {

    static final String NOT_IN_REGISTER = "Сведения о работнике отсутствуют в Федеральном регистре медицинских "
            + "работников (запись не найдена или персональные данные удалены). Справку выдать невозможно.";
    static final String NO_QUALIFICATION = "В регистре нет подтверждённых сведений об образовании, сертификатах, "
            + "аккредитации или квалификационных категориях работника. Справку о квалификации выдать невозможно.";
    static final String NO_EMPLOYMENT = "Работодатели не передали в регистр сведений о трудовой деятельности "
            + "работника. Справку о стаже выдать невозможно.";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String NOTHING = "Сведений нет";
    private static final Map<String, String> SECTION_HEADINGS = sectionHeadings();
    private static final List<String> ENTRY_COLUMNS = List.of("Вид", "Специальность", "Организация, программа",
            "Документ", "Период, срок действия");

    private final CertificateDictionaries dictionaries;

    CertificateContentFactory(CertificateDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    IssueDraft draft(PersonSnapshot person, CertificateType type, String number, String purpose, LocalDate issueDate,
                     LocalDate validUntil, String verificationUrl) {
        if (!person.inRegister()) {
            return IssueDraft.refused(NOT_IN_REGISTER);
        }
        List<CertificateSection> sections = switch (type) {
            case QUALIFICATION -> qualification(person.entries());
            case EMPLOYMENT_HISTORY -> person.employments().isEmpty() ? List.of()
                    : List.of(employmentHistory(person.employments(), issueDate));
            case REGISTER_EXTRACT -> registerExtract(person, issueDate);
        };
        if (sections.isEmpty()) {
            return IssueDraft.refused(type == CertificateType.QUALIFICATION ? NO_QUALIFICATION : NO_EMPLOYMENT);
        }
        return IssueDraft.of(new CertificateContent(grouped(number), type, title(type), person.fullName().orElseThrow(),
                person.workerId(), purpose, issueDate, validUntil, verificationUrl, sections));
    }

    static String title(CertificateType type) {
        return switch (type) {
            case QUALIFICATION -> "Справка о квалификации медицинского работника";
            case EMPLOYMENT_HISTORY -> "Справка о трудовой деятельности (стаже) медицинского работника";
            case REGISTER_EXTRACT -> "Выписка из Федерального регистра медицинских работников";
        };
    }

    /** {@code XXXX-XXXX-XXXX-XXXX}, as printed and as the verification page shows it. */
    static String grouped(String number) {
        return String.join("-", number.substring(0, 4), number.substring(4, 8), number.substring(8, 12),
                number.substring(12, 16));
    }

    private List<CertificateSection> qualification(List<KnownEntry> entries) {
        Map<String, List<List<String>>> rowsBySection = new LinkedHashMap<>();
        SECTION_HEADINGS.keySet().forEach(section -> rowsBySection.put(section, new ArrayList<>()));
        for (KnownEntry known : entries) {
            List<List<String>> rows = rowsBySection.get(known.section());
            if (rows != null && known.entry() != null) {
                rows.add(entryRow(known.section(), known.entry()));
            }
        }
        List<CertificateSection> sections = new ArrayList<>();
        rowsBySection.forEach((section, rows) -> {
            if (!rows.isEmpty()) {
                sections.add(new CertificateSection(SECTION_HEADINGS.get(section), ENTRY_COLUMNS, rows, NOTHING));
            }
        });
        return sections;
    }

    private List<String> entryRow(String section, ProfessionalEntry e) {
        String kind = "CERTIFICATES".equals(section) ? "Сертификат специалиста"
                : dictionaries.entryKind(section, e.kind());
        String place = e.title() != null && !e.title().isBlank()
                ? e.title() + (e.institution() == null ? "" : ", " + e.institution()) : orDash(e.institution());
        if (e.hours() != null) {
            place = place + " (" + e.hours() + " ч.)";
        }
        return List.of(kind, e.specialtyCode() == null ? "—" : dictionaries.specialty(e.specialtyCode()), place,
                document(e), period(e));
    }

    private static String document(ProfessionalEntry e) {
        StringBuilder text = new StringBuilder();
        if (e.documentSeries() != null && !e.documentSeries().isBlank()) {
            text.append("серия ").append(e.documentSeries()).append(' ');
        }
        if (e.documentNumber() != null && !e.documentNumber().isBlank()) {
            text.append("№ ").append(e.documentNumber()).append(' ');
        }
        if (e.documentDate() != null) {
            text.append("от ").append(DATE.format(e.documentDate()));
        }
        return text.isEmpty() ? "—" : text.toString().strip();
    }

    private static String period(ProfessionalEntry e) {
        if (e.startDate() != null) {
            return "с " + DATE.format(e.startDate()) + (e.endDate() == null ? "" : " по " + DATE.format(e.endDate()));
        }
        if (e.endDate() != null) {
            return "действует до " + DATE.format(e.endDate());
        }
        return "—";
    }

    private CertificateSection employmentHistory(List<KnownEmployment> employments, LocalDate issueDate) {
        List<List<String>> rows = employments.stream().map(e -> List.of(orDash(e.organizationName()),
                dictionaries.position(e.positionCode()), orDash(e.rate()), dictionaries.contractKind(e.contractKind()),
                "с " + DATE.format(e.startDate()) + (e.endDate() == null ? " по настоящее время"
                        : " по " + DATE.format(e.endDate())))).toList();
        return new CertificateSection("Сведения о трудовой деятельности (на " + DATE.format(issueDate) + ")",
                List.of("Организация", "Должность", "Ставка", "Вид занятости", "Период работы"), rows, NOTHING);
    }

    private List<CertificateSection> registerExtract(PersonSnapshot person, LocalDate issueDate) {
        CertificateSection holder = new CertificateSection("Сведения о работнике", List.of("Сведение", "Значение"),
                List.of(List.of("Фамилия, имя, отчество", person.fullName().orElseThrow()),
                        List.of("Регистровый номер", person.workerId())), NOTHING);
        List<List<String>> specialties = person.entries().stream()
                .filter(e -> e.entry() != null && ("CERTIFICATES".equals(e.section())
                        || "ACCREDITATION".equals(e.section())))
                .map(e -> entryRow(e.section(), e.entry())).toList();
        List<List<String>> current = person.employments().stream()
                .filter(e -> e.endDate() == null || !e.endDate().isBefore(issueDate))
                .map(e -> List.of(orDash(e.organizationName()), dictionaries.position(e.positionCode()),
                        "с " + DATE.format(e.startDate()))).toList();
        return List.of(holder,
                new CertificateSection("Сертификаты и аккредитация специалиста", ENTRY_COLUMNS, specialties, NOTHING),
                new CertificateSection("Текущие места работы", List.of("Организация", "Должность", "Работает"),
                        current, NOTHING));
    }

    private static Map<String, String> sectionHeadings() {
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("EDUCATION", "Образование");
        headings.put("POSTGRADUATE_EDUCATION", "Послевузовское образование");
        headings.put("ADDITIONAL_EDUCATION", "Дополнительное профессиональное образование");
        headings.put("CERTIFICATES", "Сертификаты специалиста");
        headings.put("ACCREDITATION", "Аккредитация специалиста");
        headings.put("QUALIFICATION_CATEGORIES", "Квалификационные категории");
        return headings;
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
