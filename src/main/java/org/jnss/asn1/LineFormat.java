package org.jnss.asn1;

import org.jnss.core.Python;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyObjects;
import org.jnss.core.PyTypeNames;
import org.jnss.nss.Nss;
import org.jnss.nss.SecItem;
import org.jnss.pki.PkiFmt;

import java.util.ArrayList;
import java.util.List;

/**
 * python-nss's text formatting functions (bound in {@link Nss}):
 * make_line_fmt_tuples, indented_format, fingerprint_format_lines and
 * der_universal_secitem_fmt_lines, on top of the formatters the PKI objects
 * use ({@link Lines}, {@link DerFormat}, {@link PkiFmt}).
 */
public final class LineFormat {
    private LineFormat() {}

    private static String typeName(Object o) {
        return PyTypeNames.of(o);
    }

    /**
     * Makes line tuples for indented_format() out of a value: one
     * {@code (level, x)} tuple for each item of a list or tuple, else a single
     * tuple for obj itself. A str or unicode item is kept as it is; any other
     * item becomes its {@code str()}.
     *
     * @param level the indentation level of every tuple
     * @param obj a list or tuple of items, or one item (the Python object itself)
     * @return a list of {@code (level, text)} tuples
     */
    @Python("make_line_fmt_tuples(level, obj)")
    public static List<Object[]> makeLineFmtTuples(int level, @Python.Raw Object obj) {
        PyObjects.Ops py = PyObjects.ops();
        List<Object> items = obj != null && (py.isList(obj) || py.isTuple(obj)) ? py.items(obj) : java.util.Collections.singletonList(obj);
        List<Object[]> out = new ArrayList<>(items.size());
        for (Object item : items) out.add(new Object[]{level, py.isText(item) ? item : py.str(item)});
        return out;
    }

    /**
     * Renders line tuples (the result of a format_lines() method, or made by
     * hand) as text: one line per tuple, indented by level times indent_len
     * spaces. A tuple is {@code (level,)} (an empty line),
     * {@code (level, text)} or {@code (level, label, value)}; the values of
     * consecutive lines at one indentation are aligned one column after the
     * widest label among them. Unicode texts are encoded as UTF-8.
     *
     * @param lineFmtTuples a list of tuples of 1 to 3 items: a non-negative
     *        integer level, then str or unicode texts
     * @param indentLen spaces per level (4 when omitted in Python)
     * @return the text as a byte string ({@code str} in Python), lines
     *         separated by '\n' without a final newline
     * @throws org.jnss.core.ArgumentError (TypeError) when the argument is not a
     *         list, an item is not a tuple of 1 to 3 items, a level is not a
     *         non-negative integer or a text is not a string
     */
    @Python("indented_format(lines_pairs, indent_len=4)")
    public static byte[] indentedFormat(@Python.Raw Object lineFmtTuples, int indentLen) {
        PyObjects.Ops py = PyObjects.ops();
        if (lineFmtTuples == null || !py.isList(lineFmtTuples))
            throw new ArgumentError("indented_format() argument 1 must be list, not " + typeName(lineFmtTuples));
        Lines lines = new Lines();
        List<Object> tuples = py.items(lineFmtTuples);
        for (int i = 0; i < tuples.size(); i++) {
            Object t = tuples.get(i);
            if (t == null || !py.isTuple(t))
                throw new ArgumentError("line_fmt_tuples[" + i + "] must be a tuple, not " + typeName(t));
            List<Object> items = py.items(t);
            if (items.isEmpty() || items.size() > 3)
                throw new ArgumentError("line_fmt_tuples[" + i + "] tuple must have 1-3 items, not " + items.size() + " items");
            Long level = py.intValue(items.get(0));
            if (level == null)
                throw new ArgumentError("item[0] in the tuple at line_fmt_tuples[" + i + "] list must be an integer, not "
                        + typeName(items.get(0)));
            if (level < 0)
                throw new ArgumentError("item[0] in the tuple at line_fmt_tuples[" + i
                        + "] list must be a non-negative integer, not " + level);
            Object[] line = new Object[items.size()];
            line[0] = (int) Math.min(level, Integer.MAX_VALUE);
            for (int k = 1; k < items.size(); k++) {
                String text = items.get(k) == null ? null : py.byteString(items.get(k));
                if (text == null)
                    throw new ArgumentError("item[" + k + "] in the tuple at line_fmt_tuples[" + i
                            + "] list must be a string, not " + typeName(items.get(k)));
                line[k] = text;
            }
            lines.list.add(line);
        }
        return BStr.bytes(lines.indented(indentLen));
    }

    /**
     * The MD5 and SHA1 fingerprints of data as line tuples: a
     * "Fingerprint (MD5):" label with the digest's hex lines under it, then
     * the same for SHA1, as a certificate's text shows them.
     *
     * @param data the data to digest, e.g. a certificate's der_data (in Python
     *        a str, buffer or SecItem)
     * @param level the indentation level of the labels (0 when omitted in Python)
     * @return the line tuples, for indented_format()
     * @throws org.jnss.error.NSPRError when NSS cannot digest (SEC_ERROR_NO_MODULE
     *         before NSS is initialized)
     */
    @Python("fingerprint_format_lines(data, level=0)")
    public static List<Object[]> fingerprintFormatLines(byte[] data, int level) {
        Lines lines = new Lines();
        PkiFmt.fingerprints(lines, level, data);
        return lines.toPython();
    }

    /**
     * The text of a DER encoded value of an ASN.1 universal type as line
     * tuples. The type is chosen by the tag number alone (the class bits are
     * ignored): one line per element for a SET or SEQUENCE, lines of
     * octets_per_line octets of hex for an OCTET STRING (its value) and for
     * unknown tags (the whole item), one line for other types (a number, an
     * OID's description, a string; a time shows as None). No line for a BIT
     * STRING, for empty data, or where the value does not decode (INTEGER,
     * OID, BOOLEAN, OCTET STRING), as python-nss; a SET or SEQUENCE whose
     * length octets do not parse is the line "None".
     *
     * @param secItem the DER item (tag, length, value)
     * @param level the indentation level of the lines (0 when omitted in Python)
     * @param octetsPerLine octets per hex line (OCTETS_PER_LINE_DEFAULT, 16, when
     *        omitted in Python); 0 or negative for one line
     * @param separator text between hex octets (HEX_SEPARATOR_DEFAULT, ':', when
     *        omitted in Python); null (None) for none
     * @return the line tuples, for indented_format()
     * @throws IllegalArgumentException (ValueError) for malformed ASN.1 string values
     * @throws org.jnss.core.UnicodeDecodeError when a UTF8String, BMPString or
     *         UniversalString value does not decode
     */
    @Python("der_universal_secitem_fmt_lines(sec_item, level=0, octets_per_line=OCTETS_PER_LINE_DEFAULT, separator=HEX_SEPARATOR_DEFAULT)")
    public static List<Object[]> derUniversalSecItemFmtLines(SecItem secItem, int level, int octetsPerLine, @Python.OrNone String separator) {
        byte[] d = secItem.toByteArray();
        Lines lines = new Lines();
        if (d.length == 0) return lines.toPython();
        Object text;
        switch (d[0] & 0x1f) {
            case 2, 10, 6, 1, 12, 19, 26, 22, 20, 5, 30, 28 -> text = universalOrNull(d);
            case 16, 17 -> {                        // a SET or SEQUENCE whose length does not parse renders as None
                Object v = DerFormat.universal(d);
                text = v == null ? "None" : v;
            }
            case 24, 23 -> text = "None";          // the rendering of a time is None, a line of its own
            case 4 -> {
                byte[] v = DerFormat.stripTagAndLength(d);
                text = v == null ? null : Codec.dataToHex(v, octetsPerLine, separator);
            }
            case 3 -> text = null;
            default -> text = Codec.dataToHex(d, octetsPerLine, separator);
        }
        if (text instanceof List<?> l) {
            for (Object item : l) lines.text(level, item);
        } else if (text != null) {
            lines.text(level, text);
        }
        return lines.toPython();
    }

    /** The rendering, or null (no line) where python-nss gets NULL without an exception. */
    private static Object universalOrNull(byte[] d) {
        try {
            return DerFormat.universal(d);
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
