package ru.frmr.registry.search;

import static ru.frmr.registry.search.PublicWorkerFields.NAME;
import static ru.frmr.registry.search.PublicWorkerFields.NAME_STEM;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/**
 * Turns a {@link PublicSearchQuery} into a Lucene query and sort. Queries are built from
 * terms, never parsed, so user input cannot inject query syntax.
 *
 * <p>Every word of {@code q} must match some name part, in one of these ways, best first:
 * the same word, the same stem (inflected forms), a name part starting with the word (typing
 * in progress, or "Иванов" for "Иванова"), one typo away (longer words only, where a single
 * edit rarely turns one real name into another).
 */
final class PublicSearchQueryTranslator {

    private static final float EXACT_BOOST = 4f;
    private static final float STEM_BOOST = 2f;
    private static final float PREFIX_BOOST = 1f;
    private static final float TYPO_BOOST = 0.5f;
    private static final int TYPO_MIN_LENGTH = 5;
    /** Typos rarely hit the first letters; fixing them keeps the fuzzy expansion small. */
    private static final int TYPO_FIXED_PREFIX = 2;

    private static final SortField[] NAME_ORDER = {
        new SortField(PublicWorkerFields.SORT_LAST_NAME, SortField.Type.STRING),
        new SortField(PublicWorkerFields.SORT_FIRST_NAME, SortField.Type.STRING),
        new SortField(PublicWorkerFields.SORT_MIDDLE_NAME, SortField.Type.STRING),
        new SortField(PublicWorkerFields.SORT_WORKER_ID, SortField.Type.STRING)
    };
    private static final Sort BY_NAME = new Sort(NAME_ORDER);
    private static final Sort BY_RELEVANCE_THEN_NAME = new Sort(relevanceThenName());

    private final Analyzer exact = PersonNameAnalyzer.exact();
    private final Analyzer stemmed = PersonNameAnalyzer.stemmed();

    /** @param today the register's day (Moscow), against which license end dates decide the status */
    Query toLucene(PublicSearchQuery query, LocalDate today) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        List<String> words = query.hasName() ? tokens(exact, query.q()) : List.of();
        words.forEach(word -> builder.add(anyNamePart(word), Occur.MUST));
        if (words.isEmpty()) {
            builder.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        filter(builder, PublicWorkerFields.SPECIALTY, query.specialty());
        filter(builder, PublicWorkerFields.REGION, query.region());
        filter(builder, PublicWorkerFields.ORGANIZATION, query.organization());
        if (query.status() != null) {
            licenseStatus(builder, query.status(), query.specialty(), today);
        }
        return builder.build();
    }

    /**
     * The status of the worker's right to practise, in the specialty when one is given, else in any:
     * {@code ACTIVE}, a license valid today; {@code EXPIRED}, licenses, none of them valid today;
     * {@code NONE}, no license at all.
     */
    private static void licenseStatus(BooleanQuery.Builder builder, String status, String specialty,
                                      LocalDate today) {
        Query licensed = specialty == null ? new TermQuery(new Term(PublicWorkerFields.LICENSED, PublicWorkerFields.YES))
                : new TermQuery(new Term(PublicWorkerFields.LICENSED_SPECIALTY, specialty));
        Query validToday = specialty == null
                ? TermRangeQuery.newStringRange(PublicWorkerFields.LICENSE_END, today.toString(),
                        PublicWorkerFields.NO_END, true, true)
                : TermRangeQuery.newStringRange(PublicWorkerFields.SPECIALTY_LICENSE_END,
                        PublicWorkerFields.specialtyDay(specialty, today.toString()),
                        PublicWorkerFields.specialtyDay(specialty, PublicWorkerFields.NO_END), true, true);
        switch (status) {
            case PublicSearchQuery.ACTIVE -> builder.add(validToday, Occur.FILTER);
            case PublicSearchQuery.EXPIRED -> {
                builder.add(licensed, Occur.FILTER);
                builder.add(validToday, Occur.MUST_NOT);
            }
            case PublicSearchQuery.NONE -> builder.add(licensed, Occur.MUST_NOT);
            default -> throw new IllegalArgumentException("status " + status + " is not known");
        }
    }

    /** Relevance first when there is a name to be relevant to; names and id break every tie. */
    Sort sortFor(PublicSearchQuery query) {
        return query.hasName() ? BY_RELEVANCE_THEN_NAME : BY_NAME;
    }

    private Query anyNamePart(String word) {
        BooleanQuery.Builder part = new BooleanQuery.Builder();
        part.add(new BoostQuery(new TermQuery(new Term(NAME, word)), EXACT_BOOST), Occur.SHOULD);
        tokens(stemmed, word).forEach(stem ->
                part.add(new BoostQuery(new TermQuery(new Term(NAME_STEM, stem)), STEM_BOOST), Occur.SHOULD));
        part.add(new BoostQuery(new PrefixQuery(new Term(NAME, word)), PREFIX_BOOST), Occur.SHOULD);
        if (word.length() >= TYPO_MIN_LENGTH) {
            part.add(new BoostQuery(new FuzzyQuery(new Term(NAME, word), 1, TYPO_FIXED_PREFIX), TYPO_BOOST),
                    Occur.SHOULD);
        }
        return part.build();
    }

    private static void filter(BooleanQuery.Builder builder, String field, String value) {
        if (value != null) {
            builder.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(NAME, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static SortField[] relevanceThenName() {
        SortField[] fields = new SortField[NAME_ORDER.length + 1];
        fields[0] = SortField.FIELD_SCORE;
        System.arraycopy(NAME_ORDER, 0, fields, 1, NAME_ORDER.length);
        return fields;
    }
}
