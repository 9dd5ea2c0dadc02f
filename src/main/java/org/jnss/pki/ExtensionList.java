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

    /**
     * The number of entries.
     *
     * @return the count
     */
    @Python("__len__()")
    public int length() {
        return items.size();
    }

    /**
     * The entry at a position.
     *
     * @param index the position, from 0 (Python counts a negative index from the
     *        end; another type is a TypeError)
     * @return the entry
     * @throws IndexOutOfBoundsException (IndexError) "tuple index out of range"
     */
    @Python("__getitem__(index)")
    public T getItem(@Python.Index long index) {
        if (index < 0 || index >= items.size()) throw new IndexOutOfBoundsException("tuple index out of range");
        return items.get((int) index);
    }

    /**
     * The extension's text: a "title: [n total]" line, then each entry under
     * its numbered label.
     *
     * @param lines the lines to append to
     * @param level the indentation level of the title
     */
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
