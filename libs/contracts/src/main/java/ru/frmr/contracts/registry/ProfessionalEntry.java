package ru.frmr.contracts.registry;

import java.time.LocalDate;

/**
 * One approved entry of a worker's professional record, flattened so that one shape carries every section.
 * Which fields a section fills:
 * <ul>
 *   <li>EDUCATION: kind = document kind, institution, specialtyCode, qualification, levelCode, documentSeries,
 *       documentNumber, documentDate (the diploma)</li>
 *   <li>POSTGRADUATE_EDUCATION: kind = programme kind, institution, specialtyCode, qualification, startDate,
 *       endDate, documentSeries, documentNumber, documentDate</li>
 *   <li>ADDITIONAL_EDUCATION: kind = ADVANCED_TRAINING | PROFESSIONAL_RETRAINING, title = course name, hours,
 *       institution, specialtyCode, startDate, endDate, documentSeries, documentNumber, documentDate</li>
 *   <li>CERTIFICATES: specialtyCode, documentSeries, documentNumber, documentDate = exam date, endDate</li>
 *   <li>ACCREDITATION: kind = accreditation kind, specialtyCode, documentNumber = protocol number,
 *       documentDate = protocol date, endDate</li>
 *   <li>QUALIFICATION_CATEGORIES: kind = category, specialtyCode, startDate, endDate</li>
 * </ul>
 *
 * @param section the registry's section name (EDUCATION, POSTGRADUATE_EDUCATION, ADDITIONAL_EDUCATION,
 *                CERTIFICATES, ACCREDITATION, QUALIFICATION_CATEGORIES)
 */
public record ProfessionalEntry(String section, String kind, String title, String institution, String specialtyCode,
                                String qualification, String levelCode, String documentSeries,
                                String documentNumber, LocalDate documentDate, LocalDate startDate,
                                LocalDate endDate, Integer hours) {
}
