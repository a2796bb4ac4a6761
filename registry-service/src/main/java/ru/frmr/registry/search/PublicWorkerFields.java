package ru.frmr.registry.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** How a {@link PublicWorkerDocument} is laid out in the Lucene index, both ways. */
final class PublicWorkerFields {

    static final String WORKER_ID = "workerId";
    static final String NAME = "name";
    static final String NAME_STEM = "nameStem";
    static final String SPECIALTY = "specialty";
    static final String REGION = "region";
    static final String ORGANIZATION = "organization";
    /** {@link #YES} when the worker holds any certificate or accreditation, valid or not. */
    static final String LICENSED = "licensed";
    /** Specialty codes the worker holds a certificate or accreditation in. */
    static final String LICENSED_SPECIALTY = "licensedSpecialty";
    /**
     * Each license's last valid day (ISO, so terms sort as days do): the status filter compares them with the
     * day of the search, and a license expires in the index on its own, without an event to re-index it.
     */
    static final String LICENSE_END = "licenseEnd";
    /** "code|day" pairs, so that specialty and status filters meet on the same license. */
    static final String SPECIALTY_LICENSE_END = "specialtyLicenseEnd";
    static final String YES = "yes";
    /** The end of a license without an end date. */
    static final String NO_END = "9999-12-31";
    static final String SORT_LAST_NAME = "sortLastName";
    static final String SORT_FIRST_NAME = "sortFirstName";
    static final String SORT_MIDDLE_NAME = "sortMiddleName";
    static final String SORT_WORKER_ID = "sortWorkerId";
    private static final String SOURCE = "source";

    /**
     * Name fields keep only document and term frequencies: no positions (no phrase search on
     * names) and no length norms, so that workers matching the same terms score exactly alike
     * and the tie-breaking sort, not index order, decides between them.
     */
    private static final FieldType NAME_TYPE = nameType();

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PublicWorkerFields() {
    }

    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                NAME, PersonNameAnalyzer.exact(),
                NAME_STEM, PersonNameAnalyzer.stemmed()));
    }

    static Document toLucene(PublicWorkerDocument worker) {
        Document doc = new Document();
        doc.add(new StringField(WORKER_ID, worker.workerId(), Field.Store.NO));
        nameParts(worker).forEach(part -> {
            doc.add(new Field(NAME, part, NAME_TYPE));
            doc.add(new Field(NAME_STEM, part, NAME_TYPE));
        });
        worker.specialties().forEach(s -> doc.add(new StringField(SPECIALTY, s.code(), Field.Store.NO)));
        if (!worker.licenses().isEmpty()) {
            doc.add(new StringField(LICENSED, YES, Field.Store.NO));
        }
        worker.licenses().forEach(license -> {
            String end = license.endDate() == null ? NO_END : license.endDate().toString();
            doc.add(new StringField(LICENSED_SPECIALTY, license.specialtyCode(), Field.Store.NO));
            doc.add(new StringField(LICENSE_END, end, Field.Store.NO));
            doc.add(new StringField(SPECIALTY_LICENSE_END, specialtyDay(license.specialtyCode(), end), Field.Store.NO));
        });
        // Every current employer counts for the organisation and region filters, not only the principal one.
        Set<String> regions = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        if (worker.regionCode() != null) {
            regions.add(worker.regionCode());
        }
        worker.currentEmployers().forEach(employer -> {
            organizations.add(employer.organizationId());
            if (employer.regionCode() != null) {
                regions.add(employer.regionCode());
            }
        });
        regions.forEach(region -> doc.add(new StringField(REGION, region, Field.Store.NO)));
        organizations.forEach(org -> doc.add(new StringField(ORGANIZATION, org, Field.Store.NO)));
        doc.add(sortKey(SORT_LAST_NAME, PersonNameAnalyzer.fold(worker.lastName())));
        doc.add(sortKey(SORT_FIRST_NAME, PersonNameAnalyzer.fold(worker.firstName())));
        doc.add(sortKey(SORT_MIDDLE_NAME, PersonNameAnalyzer.fold(worker.middleName())));
        doc.add(sortKey(SORT_WORKER_ID, worker.workerId()));
        doc.add(new StoredField(SOURCE, new BytesRef(write(worker))));
        return doc;
    }

    static PublicWorkerDocument fromStored(Document stored) {
        BytesRef source = stored.getBinaryValue(SOURCE);
        try {
            return JSON.readValue(source.bytes, source.offset, source.length, PublicWorkerDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> storedFields() {
        return Set.of(SOURCE);
    }

    static String specialtyDay(String specialtyCode, String isoDay) {
        return specialtyCode + '|' + isoDay;
    }

    private static Stream<String> nameParts(PublicWorkerDocument worker) {
        return Stream.of(worker.lastName(), worker.firstName(), worker.middleName())
                .filter(part -> part != null && !part.isBlank());
    }

    private static SortedDocValuesField sortKey(String field, String value) {
        return new SortedDocValuesField(field, new BytesRef(value));
    }

    private static byte[] write(PublicWorkerDocument worker) {
        try {
            return JSON.writeValueAsBytes(worker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType nameType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }
}
