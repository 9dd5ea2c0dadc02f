package org.jnss.pki;

import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;

import java.util.List;

/**
 * An extension that is a list of formatted entries (AuthorityInfoAccesses,
 * CRLDistributionPts): len(), indexing as a tuple, and python-nss's rendering,
 * a "title: [n total]" line, then each entry under its numbered label.
 */
public abstract class ExtensionList<T extends Formatted> extends FormattedValue {
    private final List<T> items;
    private final String title;
    private final String itemLabel;

    ExtensionList(List<T> items, String title, String itemLabel) {
        this.items = items;
        this.title = title;
        this.itemLabel = itemLabel;
    }

    @Python("__len__()")
    public int length() {
        return items.size();
    }

    @Python("__getitem__(index)")
    public T getItem(@Python.Index long index) {
        if (index < 0 || index >= items.size()) throw new IndexOutOfBoundsException("tuple index out of range");
        return items.get((int) index);
    }

    @Override
    public void lines(Lines lines, int level) {
        Lines out = new Lines();
        out.text(level, title + ": [" + items.size() + " total]");
        for (int i = 0; i < items.size(); i++) {
            out.text(level + 1, itemLabel + " [" + (i + 1) + "]:");
            items.get(i).lines(out, level + 2);
        }
        lines.addAll(out);
    }
}
