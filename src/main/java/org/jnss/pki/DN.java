package org.jnss.pki;

import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * An X.500 distinguished name, {@code nss.nss.DN} in Python: an ordered list
 * of {@link RDN}s, least specific first, rendered (by NSS) most specific
 * first, e.g. "CN=www.example.com,O=Example,C=US". Obtained from a
 * certificate ({@link Certificate#getSubject subject}, issuer), or made with
 * {@link #create DN(...)} from a string or RDNs. Indexable by position, slice,
 * attribute name, dotted OID or OID SecItem (names give the list of RDNs having
 * such an AVA). Ordered (compared by NSS's CERT_CompareName), unhashable,
 * mutable only by {@link #addRdn add_rdn()}. Held on the Java heap (nothing to
 * close); NSS's name functions see a native copy for the duration of a call.
 */
public final class DN extends TaggedSequence<RDN> {
    private final List<RDN> rdns;

    DN(List<RDN> rdns) {
        this.rdns = new ArrayList<>(rdns);
    }

    /** The DN of a native CERTName (copied). */
    static DN fromNative(long name) {
        return new DN(NameCodec.readName(name));
    }

    /**
     * Makes a distinguished name: empty with no argument; parsed by NSS
     * (CERT_AsciiToName) from a string such as
     * "CN=www.example.com,O=Example,L=Raleigh,C=US" (most specific first, as
     * str() prints it; an empty string gives an empty name); or from RDNs,
     * given as arguments or as one list or tuple of them (least specific first).
     *
     * @param args nothing, one string, RDN objects, or one list or tuple of RDNs
     * @return the new name
     * @throws NSPRError "cannot parse X500 name ..." when NSS cannot parse the
     *         string (e.g. SEC_ERROR_INVALID_AVA)
     * @throws ArgumentError (TypeError) for arguments of other types
     * @throws IllegalArgumentException (ValueError) for more than ten RDNs
     *         (python-nss's limit; its message says nine)
     */
    @Python("DN(*args)")
    public static DN create(Object... args) {
        if (args.length == 0) return new DN(List.of());
        Object first = PyValues.toJava(args[0]);
        if (first instanceof String s) return s.isEmpty() ? new DN(List.of()) : parse(s);
        List<?> seq;
        if (first instanceof RDN) seq = RDN.sequenceArg(args);
        else if (first instanceof List<?> l) seq = l;
        else throw new ArgumentError("must be an RDN object or list or tuple of RDN objects, not " + PyTypeNames.of(first));
        return new DN(checkedItems(seq, RDN.class, "RDN"));
    }

    /**
     * The name a DER Name encodes, decoded by NSS (CERT_NameTemplate).
     *
     * @param der the DER encoding of a Name (a SEQUENCE OF RDN)
     * @return the new name
     * @throws NSPRError when der is not a Name (typically SEC_ERROR_BAD_DER)
     */
    public static DN fromDer(byte[] der) {
        try (Scratch s = new Scratch()) {
            long name = s.calloc(16); // CERTName: arena, rdns
            if (Nss3.SEC_QuickDERDecodeItem(s.arena(), name, Nss3.NSS_Get_CERT_NameTemplate(0, 0), s.item(der)) != 0)
                throw NSPRError.last();
            return fromNative(name);
        }
    }

    /** CERT_AsciiToName: the name NSS parses from the string. */
    private static DN parse(String s) {
        long name = Nss3.CERT_AsciiToName(Mem.utf8z(s));
        if (name == 0) throw NSPRError.last("cannot parse X500 name \"" + s + "\"");
        try {
            return fromNative(name);
        } finally {
            Nss3.CERT_DestroyName(name);
        }
    }

    /** Runs op on a native CERTName of this DN. */
    private <T> T withNative(java.util.function.LongFunction<T> op) {
        try (Scratch s = new Scratch()) {
            return op.apply(NameCodec.nativeName(s, rdns));
        }
    }

    // ---- sequence and mapping --------------------------------------------

    @Override
    List<RDN> items() {
        return rdns;
    }

    @Override
    boolean itemHasTag(RDN item, int tag) {
        return item.hasTag(tag);
    }

    /**
     * Appends an RDN at the most specific end of the name.
     *
     * @param rdn the RDN to append (kept, not copied: RDNs are immutable)
     * @throws ArgumentError (TypeError) when rdn is null (None)
     */
    @Python("add_rdn(rdn)")
    public void addRdn(RDN rdn) {
        if (rdn == null) throw new ArgumentError("add_rdn() argument 1 must be nss.nss.RDN, not None");
        rdns.add(rdn);
    }

    // ---- attributes ------------------------------------------------------

    private String attribute(LongUnaryOperator getter) {
        return withNative(name -> org.jnss.core.JavaText.of(NameCodec.portString(getter.applyAsLong(name))));
    }

    /**
     * The email address of the name (its E attribute, else its MAIL
     * attribute), lower-cased by NSS (CERT_GetCertEmailAddress).
     *
     * @return the address ({@code str} in Python), or null (None) when there is none
     */
    @Python("email_address")
    public String getEmailAddress() { return attribute(Nss3::CERT_GetCertEmailAddress); }

    /**
     * The common name (CN) of the name; of several, the most specific one
     * (the first str() shows).
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("common_name")
    public String getCommonName() { return attribute(Nss3::CERT_GetCommonName); }

    /**
     * The country (C) of the name; of several, the least specific one.
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("country_name")
    public String getCountryName() { return attribute(Nss3::CERT_GetCountryName); }

    /**
     * The locality (L) of the name; of several, the least specific one.
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("locality_name")
    public String getLocalityName() { return attribute(Nss3::CERT_GetLocalityName); }

    /**
     * The state or province (ST) of the name; of several, the least specific one.
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("state_name")
    public String getStateName() { return attribute(Nss3::CERT_GetStateName); }

    /**
     * The organization (O) of the name; of several, the least specific one.
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("org_name")
    public String getOrgName() { return attribute(Nss3::CERT_GetOrgName); }

    /**
     * The organizational unit (OU) of the name; of several, the least specific one.
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("org_unit_name")
    public String getOrgUnitName() { return attribute(Nss3::CERT_GetOrgUnitName); }

    /**
     * The domain component (DC) of the name; of several, the least specific
     * one (the top-level domain).
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("dc_name")
    public String getDcName() { return attribute(Nss3::CERT_GetDomainComponentName); }

    /**
     * The user id (UID) of the name; of several, the least specific one.
     *
     * @return the value ({@code str} in Python), or null (None) when there is none
     */
    @Python("cert_uid")
    public String getCertUid() { return attribute(Nss3::CERT_GetCertUid); }

    // ---- rendering and comparison --------------------------------------------

    /** CERT_NameToAscii: most specific RDN first, RFC 1485 escaping. */
    String render() {
        return withNative(NameCodec::nameToAscii);
    }

    /**
     * CERT_CompareName's order, taken as NSS takes it: the RDN counts first,
     * then RDN by RDN until a pair differs. A pair NSS would find equal octet
     * for octet ({@link RDN#sameOctetsForNss}) is passed over without building
     * native names (several native calls each); NSS compares every other pair
     * ({@link RDN#compareByNss}), its normalisation of values included. So
     * {@code cert.subject == cert.issuer} and the like cost no native call
     * when the names are equal, or differ in length.
     */
    @Override
    int cmp(Object other) {
        if (!(other instanceof DN o)) throw new ArgumentError("Bad type, must be DN");
        if (rdns.size() != o.rdns.size()) return rdns.size() < o.rdns.size() ? -1 : 1;
        for (int i = 0; i < rdns.size(); i++) {
            RDN a = rdns.get(i), b = o.rdns.get(i);
            if (a.sameOctetsForNss(b)) continue;
            int c = a.compareByNss(b);
            if (c != 0) return c;
        }
        return 0;
    }
}
