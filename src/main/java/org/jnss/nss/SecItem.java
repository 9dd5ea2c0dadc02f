package org.jnss.nss;

import org.jnss.core.ArgumentError;
import org.jnss.core.BinaryData;
import org.jnss.core.Py;
import org.jnss.natives.Mem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A buffer of (usually DER encoded) data with an NSS SECItemType. The bytes
 * live on the Java heap; a native SECItem is made only for the duration of a
 * call that needs one.
 */
public class SecItem implements BinaryData {
    /** SECItem layout: type (int) at 0, data pointer at 8, len (unsigned int) at 16. */
    static final int SIZEOF = 24;

    private final byte[] data;
    private final int type;
    private final Kind kind;

    /**
     * What the bytes are, which decides how str() renders them (python-nss's
     * SECItemKind): plain buffers as hex, OIDs as descriptions, DER items as
     * their decoded value.
     */
    enum Kind { BUFFER, DER, ALGORITHM }

    public SecItem(byte[] data) {
        this(data, 0);
    }

    public SecItem(byte[] data, int type) {
        this(data, type, Kind.BUFFER);
    }

    SecItem(byte[] data, int type, Kind kind) {
        this.data = data == null ? new byte[0] : data.clone();
        this.type = data == null ? 0 : type;
        this.kind = kind;
    }

    /** Python constructor: data may be a PEM/base64 text when ascii is true. */
    @Py("SecItem(data=None, type=0, ascii=False)")
    public static SecItem create(byte[] data, int type, boolean ascii) {
        if (data == null) return new SecItem(null, 0);
        if (ascii) data = Codec.base64ToBinary(new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
        return new SecItem(data, type);
    }

    @Override
    public byte[] toByteArray() { return data.clone(); }

    @Py("data")
    public byte[] getData() { return data.clone(); }

    @Py("type")
    public int getType() { return type; }

    @Py("len")
    public int getLen() { return data.length; }

    @Py("__len__()")
    public int length() { return data.length; }

    /** Index or slice access, as python-nss's buffer indexing. */
    @Py("__getitem__(key)")
    public Object getItem(Object key) {
        if (key instanceof Integer || key instanceof Long) {
            return new byte[]{data[index(((Number) key).longValue())]};
        }
        throw new ArgumentError("SecItem indices must be integers");
    }

    private int index(long i) {
        if (i < 0) i += data.length;
        if (i < 0 || i >= data.length) throw new IndexOutOfBoundsException("SecItem index out of range");
        return (int) i;
    }

    /** Slice [start:stop] with Python semantics for step 1. */
    public byte[] slice(int start, int stop) {
        int n = data.length;
        if (start < 0) start = Math.max(0, start + n);
        if (stop < 0) stop = Math.max(0, stop + n);
        start = Math.min(start, n);
        stop = Math.min(stop, n);
        return stop <= start ? new byte[0] : Arrays.copyOfRange(data, start, stop);
    }

    private SecItem other(Object o) {
        if (o instanceof SecItem s) return s;
        throw new ArgumentError("Bad type, must be SecItem");
    }

    private int compareTo(Object o) {
        return Arrays.compareUnsigned(data, other(o).data);
    }

    @Py("__eq__(other)") public boolean eq(Object o) { return compareTo(o) == 0; }
    @Py("__ne__(other)") public boolean ne(Object o) { return compareTo(o) != 0; }
    @Py("__lt__(other)") public boolean lt(Object o) { return compareTo(o) < 0; }
    @Py("__le__(other)") public boolean le(Object o) { return compareTo(o) <= 0; }
    @Py("__gt__(other)") public boolean gt(Object o) { return compareTo(o) > 0; }
    @Py("__ge__(other)") public boolean ge(Object o) { return compareTo(o) >= 0; }

    @Py("__hash__()")
    public int pyHash() {
        throw new ArgumentError("unhashable type: 'nss.nss.SecItem'");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecItem s && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(data); }

    @Override
    public String toString() { return Codec.dataToHex(data, 0, ":").toString(); }

    /** str(): hex for buffers; for items of other kinds python-nss's rendering of their content. */
    @Py("__str__()")
    public Object str() {
        return switch (kind) {
            case BUFFER -> toString();
            case ALGORITHM -> BStr.bytes(Asn1Fmt.oidDesc(data));
            case DER -> {
                // None and lists make str() fail, as python-nss's __str__ returns them
                Object v = Asn1Fmt.any(data);
                if (v == null) yield null;
                if (v instanceof List) yield new ArrayList<>();
                if (v instanceof Asn1Fmt.Uni u) yield u.text();
                yield BStr.bytes((String) v);
            }
        };
    }

    @Py("to_hex(octets_per_line=0, separator=':')")
    public Object toHex(int octetsPerLine, String separator) {
        return Codec.dataToHex(data, octetsPerLine, separator);
    }

    @Py("der_to_hex(octets_per_line=0, separator=':')")
    public Object derToHex(int octetsPerLine, String separator) {
        return Codec.dataToHex(Der.contents(data), octetsPerLine, separator);
    }

    @Py("get_integer()")
    public java.math.BigInteger getInteger() {
        byte[] v = Der.isTagged(data, 0x02) ? Der.contents(data) : data;
        return new java.math.BigInteger(1, v);
    }

    @Py("to_base64(chars_per_line=64, pem_type=None)")
    public Object toBase64(int charsPerLine, String pemType) {
        String b64 = Base64.getEncoder().encodeToString(data);
        List<String> lines = new ArrayList<>();
        if (charsPerLine <= 0) {
            lines.add(b64);
        } else {
            for (int i = 0; i < b64.length(); i += charsPerLine)
                lines.add(b64.substring(i, Math.min(b64.length(), i + charsPerLine)));
        }
        if (pemType != null && !pemType.isEmpty()) {
            lines.add(0, "-----BEGIN " + pemType + "-----");
            lines.add("-----END " + pemType + "-----");
        }
        if (charsPerLine <= 0 && (pemType == null || pemType.isEmpty())) return lines.get(0);
        return lines;
    }

    @Py("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[]{level, "Data:"});
        Object hex = Codec.dataToHex(data, 16, ":");
        if (hex instanceof List<?> l) for (Object line : l) out.add(new Object[]{level + 1, line});
        else out.add(new Object[]{level + 1, hex});
        return out;
    }

    @Py("format(level=0, indent='    ')")
    public String format(int level, String indent) {
        return Fmt.indented(formatLines(level), indent);
    }

    /** Allocates a native SECItem pointing at a native copy of the data; free with {@link #freeNative}. */
    long toNative() {
        long item = Mem.calloc(SIZEOF);
        long buf = Mem.malloc(data.length);
        Mem.write(buf, 0, data, 0, data.length);
        Mem.setInt(item, 0, type);
        Mem.setPointer(item, 8, buf);
        Mem.setInt(item, 16, data.length);
        return item;
    }

    static void freeNative(long item) {
        if (item == 0) return;
        Mem.free(Mem.getPointer(item, 8));
        Mem.free(item);
    }

    /** Copies the contents of a native SECItem. */
    static byte[] readNative(long item) {
        long p = Mem.getPointer(item, 8);
        int len = Mem.getInt(item, 16);
        return p == 0 ? new byte[0] : Mem.read(p, 0, len);
    }
}
