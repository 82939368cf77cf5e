package org.osce.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Folds letters to their ASCII base (Đ→D, Ł→L, ø→o, ß→ss, é→e) so that `Dordevic` finds
 * `Đorđević`. Place it after lowercasing. Also used by normalizers, hence {@link #normalize}.
 */
@NamedComponent("osce_folding")
public class FoldingFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new ASCIIFoldingFilter(input, false);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
