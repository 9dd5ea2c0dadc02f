package org.jnss.pki;

import org.jnss.asn1.BStr;
import org.jnss.asn1.OidNames;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.NssPki;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An attribute value assertion of an X.500 name ("CN=www.example.com"): the
 * attribute type (an OID) and its DER encoded value. Immutable; the bytes live
 * on the Java heap.
 */
@Python.Type(doc = "An object representing an AVA (attribute value assertion).\n\nAVA(type, value)\n\n"
        + "type may be an oid tag (SEC_OID_*), a name ('cn', 'OID.2.5.4.3', '2.5.4.3') or a SecItem holding\n"
        + "the DER encoded OID; value must be a string.")
public final class AVA extends Ordered {
    private final byte[] type;   // OID contents
    private final byte[] value;  // the value's DER (tag, length, contents)
    private volatile Integer tag;

    AVA(byte[] type, byte[] value) {
        this.type = type;
        this.value = value;
    }

    byte[] type() { return type; }

    byte[] value() { return value; }

    @Python("AVA(type, value)")
    public static AVA create(Object type, Object value) {
        int tag = OidNames.tagOf(type);
        if (tag == OidNames.ERROR) throw new IllegalStateException("error return without exception set");
        if (tag == NssConstants.SEC_OID_UNKNOWN) throw new IllegalArgumentException("unable to convert to known OID");
        if (!(value instanceof String s))
            throw new ArgumentError("AVA value must be a string, not " + PyTypeNames.of(type));
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] cstr = Arrays.copyOf(utf8, utf8.length + 1);
        try (Scratch sc = new Scratch()) {
            long ava = NssPki.CERT_CreateAVA(sc.arena(), tag, OidNames.avaValueType(tag), cstr);
            if (ava == 0)
                throw NSPRError.last("could not create AVA, oid tag = " + tag + ", value = \"" + s + "\"");
            return new AVA(Scratch.itemBytes(ava + Layout.AVA_TYPE), Scratch.itemBytes(ava + Layout.AVA_VALUE));
        }
    }

    /** The attribute type as a SecItem holding the OID. */
    @Python("oid")
    public SecItem getOid() {
        return new SecItem(type, 0, SecItem.Kind.DER);
    }

    /** The SEC_OID_* tag of the attribute type (an unknown type's -1 read as the unsigned enum python-nss returns). */
    @Python("oid_tag")
    public long getOidTagValue() {
        return getOidTag() & 0xffffffffL;
    }

    int getOidTag() {
        Integer t = tag;
        if (t == null) {
            try (Scratch s = new Scratch()) {
                tag = t = NssPki.CERT_GetAVATag(NameCodec.nativeAva(s, this));
            }
        }
        return t;
    }

    /** The value as a SecItem holding its DER encoding. */
    @Python("value")
    public SecItem getValue() {
        return new SecItem(value, 0, SecItem.Kind.DER);
    }

    /** "NAME=value" as NSS escapes it (python-nss: the repr, so a placeholder when NSS cannot decode it). */
    @Python("value_str")
    public byte[] getValueStr() {
        return repr();
    }

    String render() {
        try (Scratch s = new Scratch()) {
            return NameCodec.avaToString(s, NameCodec.nativeAva(s, this));
        }
    }

    @Python("__repr__()")
    public byte[] repr() {
        try {
            return BStr.bytes(render());
        } catch (NSPRError e) {
            return BStr.bytes("<nss.nss.AVA object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">");
        }
    }

    @Python("__str__()")
    public byte[] str() {
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

    @Override
    public String toString() {
        return render();
    }
}
