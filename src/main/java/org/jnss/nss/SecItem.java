package org.jnss.nss;

import org.jnss.core.Peered;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Codec;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Oids;
import org.jnss.error.NSPRError;
import org.jnss.core.ArgumentError;
import org.jnss.core.BinaryData;
import org.jnss.core.Python;
import org.jnss.core.Slice;
import org.jnss.pk11.MechParam;
import org.jnss.pki.DN;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A buffer of (usually DER encoded) data with an NSS SECItemType, Python's
 * {@code nss.nss.SecItem}: the form in which certificates, keys, OIDs and
 * mechanism parameters pass binary data. Made from octets with a constructor
 * (Python: {@code SecItem(data)}, or from base64/PEM text with {@code ascii=True}),
 * and returned by many functions (a certificate's {@code der_data}, a key's
 * {@code key_data}, ...).
 *
 * <p>Immutable. The bytes live on the Java heap; a native SECItem is made only
 * for the duration of a call that needs one, so a SecItem needs no closing. The
 * exception is a mechanism parameter NSS made (see {@link #mechParam()}), which
 * holds NSS's own item until the collector releases it.
 *
 * <p>Python compares SecItems by content with python-nss's rules (see
 * {@link #eq(Object)}); they are unhashable there. Java's {@link #equals(Object)}
 * compares the octets.
 */
public class SecItem extends Peered implements BinaryData {
    /**
     * What the bytes are, which decides how str() renders them (python-nss's
     * SECItemKind): plain buffers as hex, OIDs of algorithms as their
     * description, other DER items as their decoded value.
     */
    public enum Kind {
        /** plain data: str() is its hex */
        BUFFER,
        /** a DER item: str() is its decoded value */
        DER,
        /** the DER OID of an algorithm: str() is the algorithm's description */
        ALGORITHM,
        /** a DER Name (SSL's CA name lists): str() is the DN */
        DIST_NAME
    }

    private final byte[] data;
    /** python-nss distinguishes no data at all (SecItem(), SecItem(None)) from empty data, in comparisons */
    private final boolean noData;
    private final int type;
    private final Kind kind;
    /** For a mechanism parameter made by NSS (param_from_iv, ...): its native SECItem, handed to NSS as is. */
    private final MechParam param;

    /**
     * Plain data of type siBuffer (0).
     *
     * @param data the octets (copied), or null for an item without data
     */
    public SecItem(byte[] data) {
        this(data, 0, Kind.BUFFER);
    }

    /**
     * Plain data of a given type.
     *
     * @param data the octets (copied), or null for an item without data (its type is then 0)
     * @param type an NSS SECItemType, one of the {@code si*} constants
     */
    public SecItem(byte[] data, int type) {
        this(data, type, Kind.BUFFER);
    }

    /**
     * Data of a given type and kind.
     *
     * @param data the octets (copied), or null for an item without data (its type is then 0)
     * @param type an NSS SECItemType, one of the {@code si*} constants
     * @param kind what the octets are, which decides what {@link #str()} shows
     */
    public SecItem(byte[] data, int type, Kind kind) {
        this(data == null ? null : data.clone(), type, kind, true);
    }

    /** Data the item takes as its own (no copy): an array nothing else holds. */
    private SecItem(byte[] data, int type, Kind kind, boolean owned) {
        this.data = data == null ? new byte[0] : data;
        this.noData = data == null;
        this.type = data == null ? 0 : type;
        this.kind = kind;
        this.param = null;
    }

    /**
     * A mechanism parameter owning the native SECItem NSS returned (its bytes are
     * copied for Python); made by {@link MechParam#adopt(long, long)}.
     *
     * @param param    NSS's item, handed to NSS as is when the parameter is used
     * @param data     a copy of its octets (not copied again)
     * @param type     its SECItemType
     * @param nullData true when NSS's item has no data pointer (str() then shows "(null)")
     */
    public SecItem(MechParam param, byte[] data, int type, boolean nullData) {
        this.data = data;
        this.noData = nullData;
        this.type = type;
        this.kind = Kind.DER;                           // python-nss renders mechanism parameters as DER
        this.param = param;
    }

    /**
     * The native mechanism parameter behind this item, for the PKCS #11 calls
     * that must hand NSS its own structure.
     *
     * @return NSS's item, or null for plain data
     */
    public MechParam mechParam() { return param; }

    /**
     * Makes a SecItem from binary data, or from base64 text when {@code ascii}
     * is true. Base64 text may be PEM armoured: only what lies between the
     * {@code -----BEGIN ...} line and the {@code -----END} marker is decoded, and
     * characters outside the base64 alphabet (line ends) are skipped.
     *
     * @param data  the octets (a str or other buffer in Python, read in place), or base64 text;
     *              null (None, the default) for an item without data
     * @param type  an NSS SECItemType, one of the {@code si*} constants (default siBuffer, 0)
     * @param ascii true to decode {@code data} as base64; false (the default) to take it as is
     *              (in Python an int: nonzero decodes)
     * @return the new item
     * @throws IllegalArgumentException (Python's ValueError) when PEM text has no line end
     *         after its BEGIN line or no END marker
     * @throws NSPRError "Could not base64 decode" when the text is not base64
     */
    @Python("SecItem(data=None, type=0, ascii=0)")
    public static SecItem create(java.nio.ByteBuffer data, int type, @Python.IntFlag boolean ascii) {
        if (data == null) return new SecItem(null, 0);
        byte[] octets = new byte[data.remaining()];     // the one copy: a str argument is read in place
        data.get(data.position(), octets);
        return new SecItem(ascii ? Codec.base64ToBinary(octets) : octets, type, Kind.BUFFER, true);
    }

    /**
     * What the octets are, which decides what {@link #str()} shows.
     *
     * @return the kind; BUFFER for items made from plain data
     */
    public Kind getKind() { return kind; }

    /**
     * The item's octets.
     *
     * @return a copy of them; empty for an item without data
     */
    @Override
    public byte[] toByteArray() { return data.clone(); }

    /**
     * The item's octets, a read-only property ({@code data}) in Python.
     *
     * @return a copy of them (a str in Python); empty for an item without data
     */
    @Python("data")
    public byte[] getData() { return data.clone(); }

    /**
     * The item's NSS SECItemType, a read-only property ({@code type}) in Python.
     *
     * @return one of the {@code si*} constants (siBuffer, 0, for plain data)
     */
    @Python("type")
    public int getType() { return type; }

    /**
     * The number of octets, a read-only property ({@code len}) in Python.
     *
     * @return the length of the data
     */
    @Python("len")
    public int getLen() { return data.length; }

    /**
     * The number of octets, Python's {@code len(item)}.
     *
     * @return the length of the data
     */
    @Python("__len__()")
    public int length() { return data.length; }

    /**
     * Python's {@code item[i]} and {@code item[i:j:k]}: one octet or a slice of
     * the data, as a str. Negative indices count from the end.
     *
     * @param key an index (an int, long or bool in Python) or a {@link Slice}
     * @return the octet as a one-octet string, or the sliced octets
     * @throws IndexOutOfBoundsException (Python's IndexError) when the index is out of range
     * @throws ArgumentError (Python's TypeError) when {@code key} is neither an integer nor a slice
     * @throws IllegalArgumentException (Python's ValueError) for a slice step of 0
     */
    @Python("__getitem__(key)")
    public byte[] getItem(@Python.Index(slices = true, notInteger = "SecItem indices must be integers, not %s") Object key) {
        if (key instanceof Slice s) return s.apply(data);
        if (!(key instanceof Long || key instanceof Integer)) throw new IllegalArgumentException("not an index or slice: " + key);
        long i = ((Number) key).longValue();
        if (i < 0 || i >= data.length) throw new IndexOutOfBoundsException("SecItem index out of range");
        return new byte[]{data[(int) i]};
    }

    private SecItem other(Object o) {
        if (o instanceof SecItem s) return s;
        throw new ArgumentError("Bad type, must be SecItem");
    }

    /**
     * python-nss 1.0.1's comparison: no data equals no data and empty data and
     * is less than anything else; otherwise the first len(self) octets are
     * compared, so a SecItem equals any longer one it is a prefix of (and an
     * empty one equals everything). Where python-nss reads past the other
     * buffer (self longer than other) the longer one is greater.
     */
    private int compareTo(Object o) {
        SecItem b = other(o);
        byte[] x = data, y = b.data;
        if (noData && b.noData) return 0;
        if (x.length == 0 && y.length == 0) return 0;
        if (noData) return -1;
        if (b.noData) return 1;
        if (x.length <= y.length) return Arrays.compareUnsigned(x, 0, x.length, y, 0, x.length);
        int c = Arrays.compareUnsigned(x, 0, y.length, y, 0, y.length);
        return c != 0 ? c : 1;
    }

    /**
     * Python's {@code ==}, with python-nss 1.0.1's comparison: the first
     * {@code len(self)} octets are compared as unsigned numbers, so an item
     * equals any longer one it is a prefix of, and an empty item equals
     * everything; an item without data equals only one without data or an
     * empty one and is less than anything else.
     *
     * @param o the other operand
     * @return true if the items compare equal
     * @throws ArgumentError (Python's TypeError "Bad type, must be SecItem") when
     *         {@code o} is not a SecItem
     */
    @Python("__eq__(other)") public boolean eq(Object o) { return compareTo(o) == 0; }

    /**
     * Python's {@code !=}: the negation of {@link #eq(Object)}.
     *
     * @param o the other operand
     * @return true if the items differ
     * @throws ArgumentError (Python's TypeError) when {@code o} is not a SecItem
     */
    @Python("__ne__(other)") public boolean ne(Object o) { return compareTo(o) != 0; }

    /**
     * Python's {@code <}, in the order {@link #eq(Object)} describes (when this
     * item is longer than the other and they agree on the other's length, this
     * one is greater).
     *
     * @param o the other operand
     * @return true if this item orders before {@code o}
     * @throws ArgumentError (Python's TypeError) when {@code o} is not a SecItem
     */
    @Python("__lt__(other)") public boolean lt(Object o) { return compareTo(o) < 0; }

    /**
     * Python's {@code <=}, in the order {@link #lt(Object)} describes.
     *
     * @param o the other operand
     * @return true if this item orders before {@code o} or compares equal
     * @throws ArgumentError (Python's TypeError) when {@code o} is not a SecItem
     */
    @Python("__le__(other)") public boolean le(Object o) { return compareTo(o) <= 0; }

    /**
     * Python's {@code >}, in the order {@link #lt(Object)} describes.
     *
     * @param o the other operand
     * @return true if this item orders after {@code o}
     * @throws ArgumentError (Python's TypeError) when {@code o} is not a SecItem
     */
    @Python("__gt__(other)") public boolean gt(Object o) { return compareTo(o) > 0; }

    /**
     * Python's {@code >=}, in the order {@link #lt(Object)} describes.
     *
     * @param o the other operand
     * @return true if this item orders after {@code o} or compares equal
     * @throws ArgumentError (Python's TypeError) when {@code o} is not a SecItem
     */
    @Python("__ge__(other)") public boolean ge(Object o) { return compareTo(o) >= 0; }

    /**
     * Python's {@code hash(item)}: always refused, SecItems are unhashable (as in python-nss).
     *
     * @return never returns
     * @throws ArgumentError (Python's TypeError "unhashable type") always
     */
    @Python("__hash__()")
    public int pyHash() {
        throw new ArgumentError("unhashable type: 'nss.nss.SecItem'");
    }

    /**
     * Java equality: another SecItem with the same octets (type and kind are
     * not compared). Python's {@code ==} is {@link #eq(Object)}.
     *
     * @param o the other object
     * @return true for a SecItem with the same octets
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SecItem s && Arrays.equals(data, s.data);
    }

    /**
     * A hash of the octets, consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    /**
     * Python's {@code str(item)}, depending on the item's {@link Kind}: plain
     * data as hex octets separated by colons; an algorithm's OID as its
     * description; other DER items as their decoded value; a DER Name as its
     * DN text; "(null)" for an NSS parameter without data.
     *
     * @return a String, or for a decoded SET or SEQUENCE a list of the
     *         elements' renderings; None where python-nss has no rendering (a DER time)
     */
    @Python("__str__()")
    public Object str() {
        if (param != null && noData) return "(null)";    // python-nss prints NSS's NULL data pointer
        return switch (kind) {
            case BUFFER -> Codec.hex(data);
            case ALGORITHM -> BStr.bytes(Oids.describe(data));
            case DER -> DerFormat.plain(DerFormat.any(data));
            case DIST_NAME -> DN.fromDer(data).str();
        };
    }

    /**
     * The octets as lower-case hex separated by colons, whatever the kind
     * (unlike {@link #str()}, which decodes DER items).
     *
     * @return the hex text, e.g. {@code "30:0a:02:01"}
     */
    @Override
    public String toString() {
        return Codec.hex(data);
    }

    /**
     * Formats the octets as lower-case hex, as {@code data_to_hex()} does:
     * on one line, or cut into lines of {@code octetsPerLine} octets. Every
     * octet but the very last is followed by the separator, so a line may end with it.
     *
     * @param octetsPerLine octets per line; 0 (the default) or less for one string
     * @param separator     put after each octet but the last (default ":"); null
     *                      (None in Python) for none
     * @return a String when {@code octetsPerLine} is 0 or less, else a list of Strings
     */
    @Python("to_hex(octets_per_line=0, separator=':')")
    public Object toHex(int octetsPerLine, @Python.OrNone String separator) {
        return Codec.dataToHex(data, octetsPerLine, separator);
    }

    /**
     * Formats the value of a DER item (tag, length, value) as hex, as
     * {@link #toHex(int, String)} does: the tag and length octets are skipped,
     * and the length is not checked against the data.
     *
     * @param octetsPerLine octets per line; 0 (the default) or less for one string
     * @param separator     put after each octet but the last (default ":"); null
     *                      (None in Python) for none
     * @return a String when {@code octetsPerLine} is 0 or less, else a list of Strings
     * @throws IllegalArgumentException (Python's ValueError "malformed ASN.1 DER data")
     *         when the data is shorter than its tag and length octets
     */
    @Python("der_to_hex(octets_per_line=0, separator=':')")
    public Object derToHex(int octetsPerLine, @Python.OrNone String separator) {
        byte[] v = DerFormat.stripTagAndLength(data);
        if (v == null) throw new IllegalArgumentException("malformed ASN.1 DER data");
        return Codec.dataToHex(v, octetsPerLine, separator);
    }

    /**
     * Reads the data as a signed integer: the octets are taken as a two's
     * complement big-endian number, as in the contents of a DER INTEGER.
     *
     * @return the number (an int or long in Python); 0 for empty data
     */
    @Python("get_integer()")
    public BigInteger getInteger() {
        return DerFormat.integer(data);
    }

    /**
     * Encodes the data as base64 (NSS's encoder), whole or cut into lines,
     * optionally as a PEM block: with {@code pemType} the lines are framed by
     * {@code -----BEGIN pemType-----} and {@code -----END pemType-----}.
     * Join the list with the line end of your choice to get text.
     *
     * @param charsPerLine characters per line (default 64); 0 for one string
     *                     without line breaks (with a {@code pemType}, 0 means 64)
     * @param pemType      the PEM label, e.g. {@code "CERTIFICATE"}; null (omitted in
     *                     Python) for plain base64
     * @return a String when {@code charsPerLine} is 0 and there is no {@code pemType};
     *         otherwise a list of Strings, even for a single line
     * @throws IllegalStateException (Python's SystemError) for a negative {@code charsPerLine}
     */
    @Python("to_base64(chars_per_line=64, pem_type=)")
    public Object toBase64(int charsPerLine, String pemType) {
        String b64 = Codec.toBase64(data);
        if (charsPerLine < 0) {
            // python-nss takes the count as a size_t: a negative one at least as long as the text
            // yields the text as one line; a shorter one fails (it sizes the list for no line)
            if (-(long) charsPerLine < b64.length()) throw new IllegalStateException("bad argument to internal function");
            charsPerLine = Math.max(1, b64.length());
        }
        if (charsPerLine == 0) {
            if (pemType == null) return b64;
            charsPerLine = 64;           // PEM lines are never unbounded
        }
        List<String> lines = new ArrayList<>();
        if (pemType != null) lines.add("-----BEGIN " + pemType + "-----");
        for (int i = 0; i < b64.length(); i += charsPerLine)
            lines.add(b64.substring(i, Math.min(b64.length(), i + charsPerLine)));
        if (pemType != null) lines.add("-----END " + pemType + "-----");
        return lines;
    }

    /**
     * Decodes the data as a DER SEQUENCE OF OBJECT IDENTIFIER (an extended key
     * usage extension's value, for instance) and returns its OIDs.
     *
     * @param reprKind what each OID becomes: AsString (the default) its description,
     *                 e.g. "TLS Web Server Authentication Certificate"; AsDottedDecimal
     *                 e.g. "OID.1.3.6.1.5.5.7.3.1"; AsEnum its SEC_OID_* tag (an int,
     *                 SEC_OID_UNKNOWN when NSS does not know it); AsObject a SecItem
     *                 holding its DER
     * @return the OIDs, in order (a tuple in Python)
     * @throws IllegalArgumentException (Python's ValueError) when the data is empty or
     *         {@code reprKind} is another value
     * @throws NSPRError (e.g. SEC_ERROR_BAD_DER) when the data is not such a sequence
     */
    @Python("get_oid_sequence(repr_kind=AsString)")
    public Object[] getOidSequence(int reprKind) {
        List<byte[]> oids = Oids.sequence(data);
        Object[] out = new Object[oids.size()];
        for (int i = 0; i < out.length; i++) {
            byte[] oid = oids.get(i);
            out[i] = switch (reprKind) {
                case NssConstants.AsObject -> new SecItem(oid, 0, Kind.DER);
                case NssConstants.AsString -> Oids.describe(oid);
                case NssConstants.AsDottedDecimal -> {
                    String d = Oids.dottedString(oid);
                    yield d == null ? "" : d;
                }
                case NssConstants.AsEnum -> Oids.tagOf(oid);
                default -> throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
            };
        }
        return out;
    }

    /**
     * Formats the item as lines of a report: a "Data:" line, then the octets in
     * hex, 16 per line, one level deeper. Each line carries its indentation
     * level, the form {@code indented_format()} and other line formatters take.
     *
     * @param level the indentation level of the first line (default 0)
     * @return a list of {@code (level, text)} tuples
     */
    @Python("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[]{level, "Data:"});
        @SuppressWarnings("unchecked")
        List<String> hex = (List<String>) Codec.dataToHex(data, 16, ":");
        for (String line : hex) out.add(new Object[]{level + 1, line});
        return out;
    }

    /**
     * Formats the item as indented text: {@link #formatLines(int)} joined by
     * {@code indented_format()}.
     *
     * @param level     the indentation level of the first line (default 0)
     * @param indentLen the number of spaces per level (default 4)
     * @return the text, lines separated by newlines (a Python str)
     */
    @Python("format(level=0, indent_len=4)")
    public String format(int level, int indentLen) {
        return BStr.text(org.jnss.asn1.Lines.indentedText(formatLines(level), indentLen));
    }

}
