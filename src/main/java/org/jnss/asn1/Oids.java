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
     *
     * @param oid the OID contents (no tag or length octets)
     * @return the dotted text as a byte string, or null
     */
    public static String dottedString(byte[] oid) {
        try (Scratch s = new Scratch()) {
            return BStr.of(Scratch.takeSmprintfString(Nss3.CERT_GetOidString(s.item(oid))));
        }
    }

    /**
     * The SECOidTag NSS knows for OID contents (SECOID_FindOIDTag).
     *
     * @param oid the OID contents (no tag or length octets)
     * @return the tag, SEC_OID_UNKNOWN (0) when NSS does not know the OID
     */
    public static int tagOf(byte[] oid) {
        Known k = known();
        String key = key(oid);
        Integer t = k.tags.get(key);
        if (t != null) return t;
        int tag;
        try (Scratch s = new Scratch()) {
            tag = Nss3.SECOID_FindOIDTag(s.item(oid));
        }
        if (tag != 0) k.put(k.tags, key, tag);
        return tag;
    }

    /** NSS's description of OID contents, or null if NSS does not know it. */
    static String descriptionOf(byte[] oid) {
        Known k = known();
        String key = key(oid);
        String d = k.descriptions.get(key);
        if (d != null) return d;
        try (Scratch s = new Scratch()) {
            long data = Nss3.SECOID_FindOID(s.item(oid));
            d = data == 0 ? null : BStr.of(Mem.cStringBytes(Mem.getPointer(data, Layout.OIDDATA_DESC)));
        }
        if (d != null) k.put(k.descriptions, key, d);
        return d;
    }

    /**
     * What NSS answered about the OIDs it knows, in this NSS session: its table
     * does not change while NSS is up, except for OIDs added at run time, which
     * go when NSS shuts down, and with them these answers. Unknown OIDs are
     * asked each time. A certificate's str() and get_extension() ask about the
     * same few dozen OIDs over and over (each a JNA call and native copy of the
     * OID: get_extension() of one of ten extensions 0.9 us of which 0.35 in them).
     */
    private static final class Known {
        /** at most this many answers of each kind (NSS's own table has ~400 OIDs) */
        private static final int MAX = 4096;
        final int session = org.jnss.nss.NssRuntime.session();
        final java.util.concurrent.ConcurrentHashMap<String, Integer> tags = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.ConcurrentHashMap<String, String> descriptions = new java.util.concurrent.ConcurrentHashMap<>();
        /** dotted-decimal texts (as given) to their tags */
        final java.util.concurrent.ConcurrentHashMap<String, Integer> dotted = new java.util.concurrent.ConcurrentHashMap<>();
        /** tags to their descriptions */
        final java.util.concurrent.ConcurrentHashMap<Integer, String> tagDescriptions = new java.util.concurrent.ConcurrentHashMap<>();

        <K, V> void put(java.util.Map<K, V> m, K key, V v) {
            if (m.size() >= MAX) m.clear();
            m.put(key, v);
        }
    }

    private static volatile Known known = new Known();

    private static Known known() {
        Known k = known;
        if (k.session != org.jnss.nss.NssRuntime.session()) known = k = new Known();
        return k;
    }

    /** The OID contents as a map key (one char per octet). */
    private static String key(byte[] oid) {
        return new String(oid, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * python-nss's text for OID contents: NSS's description (e.g. "X509v3 Key
     * Usage"), else the dotted string, else colon-separated hex.
     *
     * @param oid the OID contents (no tag or length octets)
     * @return the text as a byte string, never null
     */
    public static String describe(byte[] oid) {
        String d = descriptionOf(oid);
        if (d != null) return d;
        d = dottedString(oid);
        return d != null ? d : Codec.hex(oid);
    }

    /**
     * NSS's table entry for a tag (SECOID_FindOIDByTag).
     *
     * @param tag a SECOidTag
     * @return the SECOidData pointer, or 0 when NSS does not know the tag (NSS
     *         has then set the thread's error)
     */
    static long dataOfTag(int tag) {
        return Nss3.SECOID_FindOIDByTag(tag);
    }

    /**
     * NSS's description of a tag.
     *
     * @param tag a SECOidTag
     * @return the description as a byte string
     * @throws NSPRError when NSS does not know the tag (SEC_ERROR_UNRECOGNIZED_OID)
     */
    static String descriptionOfTag(int tag) {
        String d = knownDescriptionOfTag(tag);
        if (d == null) throw NSPRError.last();
        return d;
    }

    /**
     * NSS's description of a tag, kept for the NSS session like the other
     * answers here (a script printing algorithms names the same few tags).
     *
     * @param tag a SECOidTag
     * @return the description as a byte string, or null when NSS does not know
     *         the tag (NSS has then set the thread's error)
     */
    static String knownDescriptionOfTag(int tag) {
        Known k = known();
        String d = k.tagDescriptions.get(tag);
        if (d != null) return d;
        long data = dataOfTag(tag);
        if (data == 0) return null;
        d = BStr.of(Mem.cStringBytes(Mem.getPointer(data, Layout.OIDDATA_DESC)));
        k.put(k.tagDescriptions, tag, d);
        return d;
    }

    /**
     * The OID contents NSS holds for a tag.
     *
     * @param tag a SECOidTag
     * @return the OID contents (no tag or length octets)
     * @throws NSPRError when NSS does not know the tag (SEC_ERROR_UNRECOGNIZED_OID)
     */
    static byte[] contentsOfTag(int tag) {
        long d = dataOfTag(tag);
        if (d == 0) throw NSPRError.last();
        return Scratch.itemBytes(d);
    }

    /**
     * The SECOidTag of a dotted-decimal string: its contents as NSS encodes them
     * (SEC_StringToOID), then {@link #tagOf(byte[])}. Known answers are kept for
     * the NSS session, like the others here (a script naming an OID by its
     * dotted text asks for the same few again and again).
     *
     * @param dotted e.g. "2.5.4.3", optionally with an "OID." prefix
     * @return the tag, SEC_OID_UNKNOWN (0) when NSS does not know the OID, or
     *         null when NSS rejects the text
     */
    static Integer tagOfDotted(String dotted) {
        Known k = known();
        Integer t = k.dotted.get(dotted);
        if (t != null) return t;
        byte[] oid;
        try (Scratch s = new Scratch()) {
            long item = s.calloc(Layout.ITEM_SIZE);
            if (Nss3.SEC_StringToOID(s.arena(), item, Mem.utf8z(dotted), 0) != 0) return null;
            oid = Scratch.itemBytes(item);
        }
        int tag = tagOf(oid);
        if (tag != 0) k.put(k.dotted, dotted, tag);
        return tag;
    }

    /**
     * The OIDs of a DER SEQUENCE OF OBJECT IDENTIFIER (an extended key usage
     * extension's value), decoded by NSS (CERT_DecodeOidSequence).
     *
     * @param der the DER encoding, tag and length included
     * @return the contents of each OID, in order
     * @throws IllegalArgumentException when der is empty
     * @throws NSPRError when NSS cannot decode it (typically SEC_ERROR_BAD_DER)
     */
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
