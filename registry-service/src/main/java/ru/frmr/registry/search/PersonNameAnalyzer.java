package ru.frmr.registry.search;

import java.io.Reader;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyses Russian person names: lower case with ё folded to е (people and registers write
 * both), optionally stemmed. The light stemmer is used rather than {@code RussianAnalyzer}'s
 * Snowball stemmer because it keeps first names intact ("Иван", "Ивана" → "иван" where
 * Snowball gives "ива"), and it has no stop words, which would drop names like "Ия".
 */
final class PersonNameAnalyzer extends Analyzer {

    private static final NormalizeCharMap YO_FOLDING = yoFolding();

    private final boolean stemming;

    private PersonNameAnalyzer(boolean stemming) {
        this.stemming = stemming;
    }

    /** Whole name parts, for exact and prefix matching. */
    static PersonNameAnalyzer exact() {
        return new PersonNameAnalyzer(false);
    }

    /** Stemmed name parts, so inflected forms ("Ивановой", "Иванову") meet. */
    static PersonNameAnalyzer stemmed() {
        return new PersonNameAnalyzer(true);
    }

    /** The same folding as the analyser applies, for sort keys kept in doc values. */
    static String fold(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(YO_FOLDING, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(YO_FOLDING, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        if (stemming) {
            result = new RussianLightStemFilter(result);
        }
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static NormalizeCharMap yoFolding() {
        NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
        builder.add("ё", "е");
        builder.add("Ё", "Е");
        return builder.build();
    }
}
