package org.jnss.pki;

import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.asn1.BStr;
import org.jnss.asn1.OidNames;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;

import java.util.Arrays;

/**
 * An attribute value assertion of an X.500 name ("CN=www.example.com"),
 * {@code nss.nss.AVA} in Python: the attribute type (an OID) and its DER
 * encoded value. Found in the {@link RDN}s of a {@link DN}, or made with
 * {@link #create AVA(type, value)}. Ordered (by type, then value),
 * unhashable. Immutable; the bytes live on the Java heap (nothing to close).
 */
public final class AVA extends Ordered {
    private final byte[] type;   // OID contents
    private final byte[] value;  // the value's DER (tag, length, contents)
    private volatile Integer tag;
    /** the rendering ("NAME=value"), made by NSS once: the AVA never changes */
    private volatile String text;

    AVA(byte[] type, byte[] value) {
        this.type = type;
        this.value = value;
    }

    byte[] type() { return type; }

    byte[] value() { return value; }

    /**
     * Makes an AVA, with the value encoded by NSS (CERT_CreateAVA) as the
     * string type NSS uses for the attribute (PrintableString for C, IA5String
     * for E and DC, UTF8String for most others).
     *
     * @param type the attribute type: a SEC_OID_* tag, a name ('cn',
     *        'OID.2.5.4.3', '2.5.4.3', or a SEC_OID_* name) or a SecItem holding
     *        the OID
     * @param value the value, a string
     * @return the new AVA
     * @throws IllegalArgumentException (ValueError) "unable to convert to known
     *         OID" when NSS does not know the type
     * @throws org.jnss.core.KeyError when a name names no OID
     * @throws ArgumentError (TypeError) when type is of another type or value
     *         is not a string
     * @throws NSPRError "could not create AVA ..." when NSS cannot encode the
     *         value (e.g. a character a PrintableString cannot hold)
     */
    @Python("AVA(type, value)")
    public static AVA create(Object type, Object value) {
        int tag = OidNames.tagOf(type);
        if (tag == OidNames.ERROR) throw new IllegalStateException("error return without exception set");
        if (tag == NssConstants.SEC_OID_UNKNOWN) throw new IllegalArgumentException("unable to convert to known OID");
        if (!(value instanceof String s))
            throw new ArgumentError("AVA value must be a string, not " + PyTypeNames.of(type));
        byte[] cstr = Mem.utf8z(s);
        try (Scratch sc = new Scratch()) {
            long ava = Nss3.CERT_CreateAVA(sc.arena(), tag, OidNames.avaValueType(tag), cstr);
            if (ava == 0)
                throw NSPRError.last("could not create AVA, oid tag = " + tag + ", value = \"" + s + "\"");
            return new AVA(Scratch.itemBytes(ava + Layout.AVA_TYPE), Scratch.itemBytes(ava + Layout.AVA_VALUE));
        }
    }

    /**
     * The attribute type.
     *
     * @return a SecItem holding the OID's contents (e.g. 55:04:03 for CN)
     */
    @Python("oid")
    public SecItem getOid() {
        return new SecItem(type, 0, SecItem.Kind.DER);
    }

    /**
     * The SEC_OID_* tag of the attribute type, e.g. SEC_OID_AVA_COMMON_NAME.
     *
     * @return the tag; for a type NSS does not know, NSS's -1 read as the
     *         unsigned enum python-nss returns (4294967295)
     */
    @Python("oid_tag")
    public long getOidTagValue() {
        return getOidTag() & 0xffffffffL;
    }

    int getOidTag() {
        Integer t = tag;
        if (t == null) {
            try (Scratch s = new Scratch()) {
                tag = t = Nss3.CERT_GetAVATag(NameCodec.nativeAva(s, this));
            }
        }
        return t;
    }

    /**
     * The attribute value.
     *
     * @return a SecItem holding its DER encoding (tag, length and contents)
     */
    @Python("value")
    public SecItem getValue() {
        return new SecItem(value, 0, SecItem.Kind.DER);
    }

    /**
     * The AVA as text, "NAME=value" (as {@code repr()} gives it): the
     * attribute's canonical name (or "OID.n.n..." when it has none) and the
     * value decoded and escaped by NSS (RFC 1485 quoting).
     *
     * @return the text ({@code str} in Python); a "&lt;nss.nss.AVA object at
     *         0x...&gt;" placeholder when NSS cannot decode the value
     */
    @Python("value_str")
    public String getValueStr() {
        return repr();
    }

    /**
     * "NAME=value" as NSS renders it, kept after the first time.
     *
     * @throws NSPRError when NSS cannot decode the value (asked again each time)
     */
    String render() {
        String t = text;
        if (t == null) {
            try (Scratch s = new Scratch()) {
                t = NameCodec.avaToString(s, NameCodec.nativeAva(s, this));
            }
            text = t;
        }
        return t;
    }

    /**
     * The AVA as text, "NAME=value", e.g. "CN=www.example.com".
     *
     * @return the text ({@code str} in Python); a "&lt;nss.nss.AVA object at
     *         0x...&gt;" placeholder when NSS cannot decode the value
     */
    @Python("__repr__()")
    public String repr() {
        try {
            return BStr.text(render());
        } catch (NSPRError e) {
            return BStr.text("<nss.nss.AVA object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">");
        }
    }

    /**
     * The same text as {@link #repr()}: "NAME=value".
     *
     * @return the text ({@code str} in Python)
     */
    @Python("__str__()")
    public String str() {
        return repr();
    }

    // ---- comparison (python-nss: types by OID bytes, then values, then their renderings without case) ----

    static int compare(AVA a, AVA b) {
        int c = Arrays.compareUnsigned(a.type, b.type);
        if (c != 0) return c < 0 ? -1 : 1;
        if (Arrays.equals(a.value, b.value)) return 0;
        String as, bs;
        try {
            as = a.render();
            bs = b.render();
        } catch (NSPRError e) {
            throw new IllegalArgumentException("Failed to convert AVA value to string");
        }
        c = strcasecmp(as, bs);
        return Integer.signum(c);
    }

    /** Whether the two AVAs have the same type OID. */
    boolean sameType(AVA o) {
        return Arrays.equals(type, o.type);
    }

    /** Whether the two AVAs have the same type OID and the same value octets (tag and encoding included). */
    boolean sameOctets(AVA o) {
        return Arrays.equals(type, o.type) && Arrays.equals(value, o.value);
    }

    /** C strcasecmp on byte strings (ASCII case folding). */
    static int strcasecmp(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int x = lower(a.charAt(i)), y = lower(b.charAt(i));
            if (x != y) return x - y;
        }
        return a.length() - b.length();
    }

    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    @Override
    int cmp(Object other) {
        if (!(other instanceof AVA o)) throw new ArgumentError("Bad type, must be AVA");
        return compare(this, o);
    }

    /**
     * The AVA as text, "NAME=value".
     *
     * @return the text
     * @throws NSPRError when NSS cannot decode the value
     */
    @Override
    public String toString() {
        return render();
    }
}
