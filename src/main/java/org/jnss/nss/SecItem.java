package org.jnss.nss;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Codec;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Oids;
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
 * A buffer of (usually DER encoded) data with an NSS SECItemType. The bytes
 * live on the Java heap; a native SECItem is made only for the duration of a
 * call that needs one.
 */
public class SecItem implements BinaryData {
    /**
     * What the bytes are, which decides how str() renders them (python-nss's
     * SECItemKind): plain buffers as hex, OIDs of algorithms as their
     * description, other DER items as their decoded value.
     */
    public enum Kind { BUFFER, DER, ALGORITHM, /** a DER Name (SSL's CA name lists): str() is the DN */ DIST_NAME }

    private final byte[] data;
    /** python-nss distinguishes no data at all (SecItem(), SecItem(None)) from empty data, in comparisons */
    private final boolean noData;
    private final int type;
    private final Kind kind;
    /** For a mechanism parameter made by NSS (param_from_iv, ...): its native SECItem, handed to NSS as is. */
    private final MechParam param;

    public SecItem(byte[] data) {
        this(data, 0, Kind.BUFFER);
    }

    public SecItem(byte[] data, int type) {
        this(data, type, Kind.BUFFER);
    }

    public SecItem(byte[] data, int type, Kind kind) {
        this.data = data == null ? new byte[0] : data.clone();
        this.noData = data == null;
        this.type = data == null ? 0 : type;
        this.kind = kind;
        this.param = null;
    }

    /** A mechanism parameter owning the native SECItem NSS returned (its bytes are copied for Python). */
    public SecItem(MechParam param, byte[] data, int type, boolean nullData) {
        this.data = data;
        this.noData = nullData;
        this.type = type;
        this.kind = Kind.DER;                           // python-nss renders mechanism parameters as DER
        this.param = param;
    }

    /** The native mechanism parameter behind this item, or null for plain data. */
    public MechParam mechParam() { return param; }

    /** Python constructor: data may be base64 text (optionally PEM armoured) when ascii is true. */
    @Python("SecItem(data=None, type=0, ascii=0)")
    public static SecItem create(byte[] data, int type, int ascii) {
        if (data == null) return new SecItem(null, 0);
        if (ascii != 0) data = Codec.base64ToBinary(data);
        return new SecItem(data, type);
    }

    public Kind getKind() { return kind; }

    @Override
    public byte[] toByteArray() { return data.clone(); }

    @Python("data")
    public byte[] getData() { return data.clone(); }

    @Python("type")
    public int getType() { return type; }

    @Python("len")
    public int getLen() { return data.length; }

    @Python("__len__()")
    public int length() { return data.length; }

    /** An octet (as a one-character string) or a slice, as python-nss's SecItem subscript. */
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

    @Python("__eq__(other)") public boolean eq(Object o) { return compareTo(o) == 0; }
    @Python("__ne__(other)") public boolean ne(Object o) { return compareTo(o) != 0; }
    @Python("__lt__(other)") public boolean lt(Object o) { return compareTo(o) < 0; }
    @Python("__le__(other)") public boolean le(Object o) { return compareTo(o) <= 0; }
    @Python("__gt__(other)") public boolean gt(Object o) { return compareTo(o) > 0; }
    @Python("__ge__(other)") public boolean ge(Object o) { return compareTo(o) >= 0; }

    @Python("__hash__()")
    public int pyHash() {
        throw new ArgumentError("unhashable type: 'nss.nss.SecItem'");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecItem s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    /**
     * Hex for plain data; an algorithm's OID as its description; decoded DER
     * for other kinds (a list for SET/SEQUENCE, None where python-nss has none).
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

    @Override
    public String toString() {
        return Codec.hex(data);
    }

    @Python("to_hex(octets_per_line=0, separator=':')")
    public Object toHex(int octetsPerLine, @Python.OrNone String separator) {
        return Codec.dataToHex(data, octetsPerLine, separator);
    }

    /** The value of a DER TLV as hex (the tag and length octets are skipped, the length is not checked). */
    @Python("der_to_hex(octets_per_line=0, separator=':')")
    public Object derToHex(int octetsPerLine, @Python.OrNone String separator) {
        byte[] v = DerFormat.stripTagAndLength(data);
        if (v == null) throw new IllegalArgumentException("malformed ASN.1 DER data");
        return Codec.dataToHex(v, octetsPerLine, separator);
    }

    /** The data read as a two's complement big-endian integer. */
    @Python("get_integer()")
    public BigInteger getInteger() {
        return DerFormat.integer(data);
    }

    /**
     * NSS's base64 of the data (CRLF every 64 characters) cut into pieces of
     * charsPerLine characters, with PEM header and footer lines when pemType
     * is given; one string when charsPerLine is 0 and there is no pemType
     * (with a pemType, 0 means 64).
     */
    @Python("to_base64(chars_per_line=64, pem_type=)")
    public Object toBase64(int charsPerLine, String pemType) {
        String b64 = Codec.toBase64(data);
        if (charsPerLine < 0) throw new IllegalStateException("bad argument to internal function");
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

    /** A DER SEQUENCE OF OBJECT IDENTIFIER as a tuple, each OID as repr_kind says. */
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

    @Python("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[]{level, "Data:"});
        @SuppressWarnings("unchecked")
        List<String> hex = (List<String>) Codec.dataToHex(data, 16, ":");
        for (String line : hex) out.add(new Object[]{level + 1, line});
        return out;
    }

    @Python("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) {
        return BStr.bytes(org.jnss.asn1.Lines.indentedText(formatLines(level), indentLen));
    }

}
