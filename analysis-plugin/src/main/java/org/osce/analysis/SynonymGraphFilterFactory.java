package org.osce.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.ListSetting;

/**
 * Multi-word synonyms (`odihr, office for democratic institutions and human rights`) from the
 * index settings, in Solr format. Search time only: a synonym change then needs no reindex, and
 * graph token streams are never indexed.
 *
 * <p>The rules are analyzed like the text that reaches this filter (standard tokenizer, lowercase,
 * possessive, folding), so place it right after those filters and before the stemmer.
 */
@NamedComponent("osce_synonym_graph")
public class SynonymGraphFilterFactory implements TokenFilterFactory {

    /** Settings of the filter as declared in the index's analysis settings. */
    @AnalysisSettings
    public interface Settings {
        /** Solr-format rules, one per entry (`a, b, c` or `a => b`). */
        @ListSetting(path = "synonyms")
        List<String> synonyms();

        /** For `a, b` rules: map every term to all others (true) or all to the first (false). */
        @BooleanSetting(path = "expand", defaultValue = true)
        boolean expand();
    }

    private final SynonymMap map;

    @Inject
    public SynonymGraphFilterFactory(Settings settings) {
        this.map = build(settings.synonyms(), settings.expand());
    }

    static SynonymMap build(List<String> rules, boolean expand) {
        if (rules == null || rules.isEmpty()) {
            return null;
        }
        try (Analyzer analyzer = new RuleAnalyzer()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, expand, analyzer);
            parser.parse(new StringReader(String.join("\n", rules)));
            SynonymMap built = parser.build();
            return built.fst == null ? null : built;
        } catch (ParseException e) {
            throw new IllegalArgumentException("osce_synonym_graph: bad rule: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TokenStream create(TokenStream input) {
        return map == null ? input : new SynonymGraphFilter(input, map, true);
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return AnalysisMode.SEARCH_TIME;
    }

    /** The chain before the filter in our analyzers, so rules and text meet as the same terms. */
    static final class RuleAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new EnglishPossessiveFilter(stream);
            stream = new ASCIIFoldingFilter(stream, false);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
