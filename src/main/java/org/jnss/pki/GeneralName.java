package org.jnss.pki;

import org.jnss.core.Peered;

import org.jnss.asn1.BStr;
import org.jnss.core.Python;
import org.jnss.nss.NssConstants;

import java.util.List;

/**
 * One X.509 general name (a CERTGeneralName, copied to the Java heap),
 * {@code nss.nss.GeneralName} in Python, as python-nss hands it out from
 * extensions ({@link AuthorityInfoAccess#getLocation location},
 * {@link CRLDistributionPoint#getIssuer issuer}, get_general_names(AsObject),
 * x509_alt_name(..., AsObject)). Python cannot create instances. python-nss
 * copies a single name into each object, so it is a sequence of length 1
 * holding itself. Immutable; nothing to close.
 */
public final class GeneralName extends Peered {
    private static final String[] TYPE_NAMES = {null, "certOtherName", "certRFC822Name", "certDNSName",
            "certX400Address", "certDirectoryName", "certEDIPartyName", "certURI", "certIPAddress", "certRegisterID"};

    private final PkiFmt.GeneralName name;

    GeneralName(PkiFmt.GeneralName name) {
        this.name = name;
    }

    /** The name as PkiFmt decoded it. */
    PkiFmt.GeneralName decoded() {
        return name;
    }

    /**
     * The name's value as text: the host name of a DNS name, the address of
     * an RFC 822 name or an IP address, the URI, a directory name as NSS
     * renders a DN, an OID's description for a registered ID.
     *
     * @return the text ({@code str} in Python)
     */
    @Python("name")
    public String getName() {
        return BStr.text(name.value());
    }

    /**
     * The kind of name, a CERTGeneralNameType constant.
     *
     * @return certOtherName (1), certRFC822Name, certDNSName, certX400Address,
     *         certDirectoryName, certEDIPartyName, certURI, certIPAddress or
     *         certRegisterID (9)
     */
    @Python("type_enum")
    public int getTypeEnum() {
        return name.type();
    }

    /**
     * The name of the kind's CERTGeneralNameType constant, e.g. "certURI".
     *
     * @return the constant's name ({@code str} in Python)
     * @throws org.jnss.core.KeyError when the kind is not one of the constants
     */
    @Python("type_name")
    public String getTypeName() {
        int t = name.type();
        if (t <= 0 || t >= TYPE_NAMES.length)
            throw new org.jnss.core.KeyError("GeneralName type name not found: " + Integer.toUnsignedString(t));
        return BStr.text(TYPE_NAMES[t]);
    }

    /**
     * The kind of name as a label, e.g. "DNS name", "URI", "IP Address",
     * "Other Name (...)" with the other name's type.
     *
     * @return the label ({@code str} in Python)
     */
    @Python("type_string")
    public String getTypeString() {
        return BStr.text(name.typeString());
    }

    /**
     * The name in one representation. (python-nss 1.0.1 documents this
     * signature but parses its argument into the wrong C type and corrupts its
     * stack; this is the documented behaviour.)
     *
     * @param reprKind AsString (the value, the default), AsObject (this
     *        object), AsTypeString (the kind's label), AsTypeEnum (the kind's
     *        constant) or AsLabeledString ("URI: http://...")
     * @return the representation
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("get_name(repr_kind=AsString)")
    public Object getNameAs(int reprKind) {
        return represent(this, reprKind);
    }

    /** A general name in a repr_kind (CERTGeneralName_list_to_tuple's element conversion). */
    static Object represent(GeneralName g, int reprKind) {
        PkiFmt.GeneralName n = g.name;
        return switch (reprKind) {
            case NssConstants.AsObject -> g;
            case NssConstants.AsString -> BStr.bytes(n.value());
            case NssConstants.AsTypeString -> BStr.bytes(n.typeString());
            case NssConstants.AsTypeEnum -> n.type();
            case NssConstants.AsLabeledString -> BStr.bytes(n.labeled());
            default -> throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
        };
    }

    /** get_general_names(repr_kind): a tuple of the names; an empty list is () whatever the kind. */
    static Object[] tuple(List<GeneralName> names, int reprKind) {
        Object[] out = new Object[names.size()];
        for (int i = 0; i < out.length; i++) out[i] = represent(names.get(i), reprKind);
        return out;
    }

    static List<GeneralName> wrap(List<PkiFmt.GeneralName> names) {
        return names.stream().map(GeneralName::new).toList();
    }

    /**
     * The name with its kind's label, e.g. "URI: http://crl.example.com/ca.crl".
     *
     * @return the text ({@code str} in Python)
     */
    @Python("__repr__()")
    public String repr() {
        return BStr.text(name.labeled());
    }

    /**
     * The length of the object as a sequence: always 1 (it holds one name).
     *
     * @return 1
     */
    @Python("__len__()")
    public int length() {
        return 1;
    }

    /**
     * The object's one item: a GeneralName equal to this one.
     *
     * @param index 0 (in Python also -1, counted from the end)
     * @return a new GeneralName holding the same name
     * @throws IndexOutOfBoundsException (IndexError) for another index
     */
    @Python("__getitem__(index)")
    public GeneralName getItem(@Python.Index long index) {
        if (index != 0) throw new IndexOutOfBoundsException("GeneralName index out of range");
        return new GeneralName(name);
    }

    /**
     * The name with its kind's label, as {@link #repr()}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return name.labeled();
    }
}
