package org.jnss.asn1;

import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;

import java.util.ArrayList;
import java.util.List;

/**
 * OBJECT IDENTIFIER contents (the octets after tag and length): NSS's tag and
 * description of them, their dotted-decimal text as NSS's CERT_GetOidString
 * gives it, and back. The one place the core describes an OID; names of OIDs
 * (SEC_OID_*, attribute type names) are {@link OidNames}.
 */
public final class Oids {
    private Oids() {}

    /**
     * NSS's rendering of OID contents ("OID.2.5.4.3", CERT_GetOidString), or
     * null where NSS gives none (fewer than two octets). Components NSS cannot
     * render (wider than 64 bits, unterminated, or padded with a leading 0x80
     * octet) read "UNSUPPORTED".
     */
    public static String dottedString(byte[] oid) {
        try (Scratch s = new Scratch()) {
            return BStr.of(Scratch.takeSmprintfString(Nss3.CERT_GetOidString(s.item(oid))));
        }
    }

    /** The SECOidTag NSS knows for OID contents (SEC_OID_UNKNOWN, 0, if none). */
    public static int tagOf(byte[] oid) {
        try (Scratch s = new Scratch()) {
            return Nss3.SECOID_FindOIDTag(s.item(oid));
        }
    }

    /** NSS's description of OID contents, or null if NSS does not know it. */
    static String descriptionOf(byte[] oid) {
        try (Scratch s = new Scratch()) {
            long data = Nss3.SECOID_FindOID(s.item(oid));
            return data == 0 ? null : BStr.of(Mem.cStringBytes(Mem.getPointer(data, Layout.OIDDATA_DESC)));
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
        return BStr.of(Mem.cStringBytes(Mem.getPointer(d, Layout.OIDDATA_DESC)));
    }

    /** The OID contents of a tag; NSPRError when NSS does not know the tag. */
    public static byte[] contentsOfTag(int tag) {
        long d = dataOfTag(tag);
        if (d == 0) throw NSPRError.last();
        return Scratch.itemBytes(d);
    }

    /** The OID contents of a dotted-decimal string (optional "OID." prefix) via NSS, or null if NSS rejects it. */
    public static byte[] parse(String dotted) {
        try (Scratch s = new Scratch()) {
            long item = s.calloc(Layout.ITEM_SIZE);
            if (Nss3.SEC_StringToOID(s.arena(), item, dotted, 0) != 0) return null;
            return Scratch.itemBytes(item);
        }
    }

    /** The OID contents of a DER SEQUENCE OF OBJECT IDENTIFIER, decoded by NSS. */
    public static List<byte[]> sequence(byte[] der) {
        if (der.length == 0) throw new IllegalArgumentException("missing DER encoded OID data");
        try (Scratch s = new Scratch()) {
            long seq = Nss3.CERT_DecodeOidSequence(s.item(der));
            if (seq == 0) throw NSPRError.last("unable to decode OID sequence");
            try {
                List<byte[]> out = new ArrayList<>();
                for (long oid : Scratch.pointerArray(Mem.getPointer(seq, Layout.OIDSEQ_OIDS))) out.add(Scratch.itemBytes(oid));
                return out;
            } finally {
                Nss3.CERT_DestroyOidSequence(seq);
            }
        }
    }
}
