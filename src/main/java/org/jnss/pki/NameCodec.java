package org.jnss.pki;

import org.jnss.asn1.BStr;
import org.jnss.asn1.OidNames;
import org.jnss.asn1.Scratch;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;

import java.util.ArrayList;
import java.util.List;

/**
 * X.500 names between Java and NSS. DN, RDN and AVA objects hold the AVAs'
 * type and value bytes on the Java heap, copied from the structures NSS made
 * (a certificate's names, CERT_AsciiToName, CERT_CreateAVA); for NSS's name
 * functions the structures are rebuilt natively for the duration of a call.
 */
public final class NameCodec {
    private NameCodec() {}

    // ---- native names --------------------------------------------------------

    /**
     * A native CERTName (in the scratch scope) built from the RDNs as they are:
     * NSS's name functions work on the structure, whatever bytes the AVAs hold
     * (CERT_AsciiToName itself makes AVAs whose values are not DER).
     */
    static long nativeName(Scratch s, List<RDN> rdns) {
        long array = s.calloc((long) (rdns.size() + 1) * Mem.POINTER_SIZE);
        for (int i = 0; i < rdns.size(); i++)
            Mem.setPointer(array, (long) i * Mem.POINTER_SIZE, rdns.get(i).toNative(s));
        long name = s.calloc(Layout.NAME_SIZE);
        Mem.setPointer(name, Layout.NAME_RDNS, array);
        return name;
    }

    /** The RDNs of a native CERTName, copied to Java. */
    static List<RDN> readName(long name) {
        List<RDN> rdns = new ArrayList<>();
        for (long rdn : Scratch.pointerArray(Mem.getPointer(name, Layout.NAME_RDNS))) rdns.add(new RDN(readRdn(rdn)));
        return rdns;
    }

    /** The AVAs of a native CERTRDN, copied to Java. */
    static List<AVA> readRdn(long rdn) {
        List<AVA> avas = new ArrayList<>();
        for (long ava : Scratch.pointerArray(Mem.getPointer(rdn, 0))) {
            avas.add(new AVA(Scratch.itemBytes(ava + Layout.AVA_TYPE), Scratch.itemBytes(ava + Layout.AVA_VALUE)));
        }
        return avas;
    }

    /** A native CERTAVA for an AVA. */
    static long nativeAva(Scratch s, AVA a) {
        long ava = s.calloc(Layout.AVA_SIZE);
        s.fillItem(ava + Layout.AVA_TYPE, a.type(), 6 /* siDEROID */);
        s.fillItem(ava + Layout.AVA_VALUE, a.value(), 0);
        return ava;
    }

    /** CERT_NameToAscii of a native name ("" when NSS cannot render it). */
    static String nameToAscii(long name) {
        byte[] b = Scratch.takePortString(Nss3.CERT_NameToAscii(name));
        return b == null ? "" : BStr.of(b);
    }

    /** A string NSS returns for a name (CERT_GetCommonName etc.), or null. */
    static byte[] portString(long p) {
        return Scratch.takePortString(p);
    }

    /**
     * python-nss's rendering of one AVA, "NAME=value": the canonical attribute
     * name (else "OID.n.n"), the value decoded and escaped by NSS (RFC 1485).
     */
    static String avaToString(Scratch s, long ava) {
        int tag = Nss3.CERT_GetAVATag(ava);
        String name = tag != -1 ? OidNames.avaName(tag) : null;
        if (name == null) {
            byte[] dotted = Scratch.takeSmprintfString(Nss3.CERT_GetOidString(ava + Layout.AVA_TYPE));
            if (dotted == null) throw NSPRError.last("cannot convert AVA type to OID string");
            name = BStr.of(dotted);
        }
        long value = Nss3.CERT_DecodeAVAValue(ava + Layout.AVA_VALUE);
        if (value == 0) throw NSPRError.last("unable to decode AVA value");
        byte[] buf = new byte[1024];
        try {
            if (Nss3.CERT_RFC1485_EscapeAndQuote(buf, buf.length, Mem.getPointer(value, Layout.ITEM_DATA),
                    Mem.getInt(value, Layout.ITEM_LEN)) != 0)
                throw NSPRError.last("unable to escape AVA value string");
        } finally {
            Nss3.SECITEM_FreeItem(value, 1);
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) len++;
        return name + "=" + BStr.of(java.util.Arrays.copyOf(buf, len));
    }
}
