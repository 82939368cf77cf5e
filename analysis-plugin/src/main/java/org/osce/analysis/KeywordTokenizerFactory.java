package org.osce.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * The whole input as one token. The node lacks analysis-common's `keyword` tokenizer, and
 * Elasticsearch 9.5 does not let stable-API filters into normalizers, so accent-blind keyword
 * fields are text fields with this tokenizer followed by lowercase and osce_folding.
 */
@NamedComponent("osce_keyword")
public class KeywordTokenizerFactory implements TokenizerFactory {

    @Override
    public Tokenizer create() {
        return new KeywordTokenizer();
    }
}
