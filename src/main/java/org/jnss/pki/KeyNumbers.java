package org.jnss.pki;

import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.nss.SecItem;

/**
 * A key's or its parameters' big integers, each rendered as python-nss does:
 * a label line and the integer's lines one level in. PyRSAPublicKey,
 * KEYPQGParams and PyDSAPublicKey hold their numbers here.
 */
public abstract class KeyNumbers extends FormattedValue {
    private final String[] labels;
    private final SecItem[] numbers;

    KeyNumbers(String[] labels, SecItem... numbers) {
        this.labels = labels;
        this.numbers = numbers;
    }

    /** The i-th number, in the order of the labels. */
    final SecItem number(int i) { return numbers[i]; }

    /**
     * Each number's lines: its label, then the number one level in (hex lines
     * above 8 octets, else "n (0xn)").
     *
     * @param out the lines to append to
     * @param level the indentation level of the labels
     */
    @Override
    public void lines(Lines out, int level) {
        for (int i = 0; i < numbers.length; i++) {
            out.label(level, labels[i]);
            Asn1Fmt.integerLines(out, level + 1, numbers[i].getData());
        }
    }
}
