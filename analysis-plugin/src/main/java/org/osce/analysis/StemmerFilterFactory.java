package org.osce.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * English stemming with KStem: conservative (elections→election, observers→observer) and it
 * leaves proper names mostly alone, unlike Porter. Expects lowercase input.
 */
@NamedComponent("osce_stemmer")
public class StemmerFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new KStemFilter(input);
    }
}
