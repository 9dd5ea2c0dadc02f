package org.jnss.asn1;

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
 * use ({@link Lines}, {@link Asn1Fmt}, {@link PkiFmt}).
 */
public final class LineFormat {
    private LineFormat() {}

    private static String typeName(Object o) {
        return PyTypeNames.of(o);
    }

    /** (level, x) for each item of a list or tuple, else for obj itself; x is the item if it is text, else str(item). */
    public static List<Object[]> makeLineFmtTuples(int level, Object obj) {
        PyObjects.Ops py = PyObjects.ops();
        List<Object> items = obj != null && (py.isList(obj) || py.isTuple(obj)) ? py.items(obj) : java.util.Collections.singletonList(obj);
        List<Object[]> out = new ArrayList<>(items.size());
        for (Object item : items) out.add(new Object[]{level, py.isText(item) ? item : py.str(item)});
        return out;
    }

    /** indented_format(): checks every tuple as python-nss does, then aligns the values of each group of lines. */
    public static byte[] indentedFormat(Object lineFmtTuples, int indentLen) {
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
                byte[] text = items.get(k) == null ? null : py.utf8(items.get(k));
                if (text == null)
                    throw new ArgumentError("item[" + k + "] in the tuple at line_fmt_tuples[" + i
                            + "] list must be a string, not " + typeName(items.get(k)));
                line[k] = BStr.of(text);
            }
            lines.list.add(line);
        }
        return BStr.bytes(lines.indented(indentLen));
    }

    /** MD5 and SHA1 fingerprints of data as line tuples. */
    public static List<Object[]> fingerprintFormatLines(byte[] data, int level) {
        Lines lines = new Lines();
        PkiFmt.fingerprints(lines, level, data);
        return lines.toPython();
    }

    /**
     * python-nss's der_universal_secitem_fmt_lines: the text of a DER item
     * chosen by its tag number alone (the class bits are ignored), one line per
     * element for SET/SEQUENCE and per octets_per_line octets for OCTET STRING
     * and unknown tags; no line where python-nss produces none (BIT STRING,
     * undecodable INTEGER/OID/BOOLEAN/OCTET STRING, empty data).
     */
    public static List<Object[]> derUniversalSecItemFmtLines(SecItem secItem, int level, int octetsPerLine, String separator) {
        byte[] d = secItem.toByteArray();
        Lines lines = new Lines();
        if (d.length == 0) return lines.toPython();
        Object text;
        switch (d[0] & 0x1f) {
            case 2, 10, 6, 1, 12, 19, 26, 22, 20, 5, 16, 17, 30, 28 -> text = Asn1Fmt.universal(d);
            case 24, 23 -> {
                // times that do not decode are None, which is a line of its own
                Object t = Asn1Fmt.universal(d);
                text = t == null ? "None" : t;
            }
            case 4 -> {
                byte[] v = Asn1Fmt.stripTagAndLength(d);
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
}
