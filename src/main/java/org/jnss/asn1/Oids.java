package org.jnss.asn1;

import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.SecItem;

import java.math.BigInteger;

/** OBJECT IDENTIFIER contents: NSS lookups and the dotted-decimal text NSS's CERT_GetOidString gives. */
public final class Oids {
    private Oids() {}

    /** SECOidData layout: SECItem oid (24 bytes), SECOidTag offset at 24, const char *desc at 32. */
    private static final int DESC_OFFSET = 32;

    /**
     * NSS's rendering of OID contents ("OID.2.5.4.3"), or null where NSS gives
     * none (fewer than two octets). Components of more than 64 bits, not
     * minimally encoded or unterminated read "UNSUPPORTED".
     */
    public static String dottedString(byte[] oid) {
        if (oid.length < 2 || oid.length > 1024) return null;
        if ((oid[0] & 0xff) == 0x80 && oid.length == 2) return Long.toString(oid[1] & 0xff);
        StringBuilder sb = null;
        int first = 0;
        while (first < oid.length) {
            int last = first;
            while (last < oid.length && (oid[last] & 0x80) != 0) last++;
            String component;
            // NSS keeps 64 bits: of a 10-octet component, the first octet gives one bit
            int topMask = last - first == 9 ? 0x01 : 0x7f;
            if (last >= oid.length || last - first > 9 || last > first && (oid[first] & topMask) == 0) {
                component = null;            // unterminated, wider than 64 bits, or not minimally encoded
            } else {
                BigInteger n = BigInteger.ZERO;
                for (int i = first; i <= last; i++)
                    n = n.shiftLeft(7).or(BigInteger.valueOf(oid[i] & (i == first ? topMask : 0x7f)));
                component = sb == null ? firstTwoArcs(n) : n.toString();
            }
            if (sb == null) sb = new StringBuilder("OID.");
            else sb.append('.');
            sb.append(component == null ? "UNSUPPORTED" : component);
            first = last + 1;
        }
        return sb.toString();
    }

    private static String firstTwoArcs(BigInteger n) {
        BigInteger one = n.divide(BigInteger.valueOf(40)).min(BigInteger.TWO);
        return one + "." + n.subtract(one.multiply(BigInteger.valueOf(40)));
    }

    /** The SECOidTag NSS knows for OID contents (SEC_OID_UNKNOWN, 0, if none). */
    public static int tagOf(byte[] oid) {
        long item = new SecItem(oid).toNative();
        try {
            return Nss3.SECOID_FindOIDTag(item);
        } finally {
            SecItem.freeNative(item);
        }
    }

    /** NSS's description of OID contents, or null if NSS does not know it. */
    static String descriptionOf(byte[] oid) {
        long item = new SecItem(oid).toNative();
        try {
            long data = Nss3.SECOID_FindOID(item);
            return data == 0 ? null : Mem.cString(Mem.getPointer(data, DESC_OFFSET));
        } finally {
            SecItem.freeNative(item);
        }
    }

    /** python-nss's text for OID contents: NSS's description, else the dotted string, else hex. */
    public static String describe(byte[] oid) {
        String d = descriptionOf(oid);
        if (d != null) return d;
        d = dottedString(oid);
        return d != null ? d : Codec.hex(oid);
    }

    /** SECOidData* of a tag, or 0 (then NSS has set the error). */
    public static long dataOfTag(int tag) {
        return Nss3.SECOID_FindOIDByTag(tag);
    }

    /** The description of a tag; NSPRError when NSS does not know the tag. */
    public static String descriptionOfTag(int tag) {
        long d = dataOfTag(tag);
        if (d == 0) throw NSPRError.last();
        return Mem.cString(Mem.getPointer(d, DESC_OFFSET));
    }

    /** The OID contents of a tag; NSPRError when NSS does not know the tag. */
    public static byte[] contentsOfTag(int tag) {
        long d = dataOfTag(tag);
        if (d == 0) throw NSPRError.last();
        return SecItem.readNative(d);
    }

    /** The OID contents of a dotted-decimal string (optional "OID." prefix) via NSS, or null if NSS rejects it. */
    public static byte[] parse(String dotted) {
        long item = Mem.calloc(SecItem.SIZEOF);
        try {
            if (Nss3.SEC_StringToOID(0, item, dotted, 0) != 0) return null;
            return SecItem.readNative(item);
        } finally {
            Nss3.SECITEM_FreeItem(item, 0);
            Mem.free(item);
        }
    }
}
