package org.jnss.pki;

import org.jnss.asn1.Oids;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/**
 * One access description of an authority information access extension,
 * {@code nss.nss.AuthorityInfoAccess} in Python: how (a method OID, e.g. OCSP
 * or CA issuers) and where (a general name, usually a URI) to reach a service
 * of the issuer. Obtained by indexing an {@link AuthorityInfoAccesses}.
 * Immutable; nothing to close.
 */
public final class AuthorityInfoAccess extends FormattedValue {
    /** null for an instance made by Python's constructor, which python-nss leaves empty */
    private final byte[] method;
    private final GeneralName location;

    AuthorityInfoAccess(byte[] method, GeneralName location) {
        this.method = method;
        this.location = location;
    }

    /**
     * An empty access description, as python-nss lets Python make one: its
     * properties raise ValueError and its text is empty.
     *
     * @return the empty object
     */
    @Python("AuthorityInfoAccess()")
    public static AuthorityInfoAccess create() {
        return new AuthorityInfoAccess(null, null);
    }

    private byte[] method() {
        if (method == null) throw new IllegalArgumentException("nss.nss.AuthorityInfoAccess is uninitialized");
        return method;
    }

    /**
     * The access method's OID, e.g. id-ad-ocsp (1.3.6.1.5.5.7.48.1).
     *
     * @return a SecItem holding the OID's contents
     * @throws IllegalArgumentException (ValueError) for an empty AuthorityInfoAccess()
     */
    @Python("method_oid")
    public SecItem getMethodOid() {
        return new SecItem(method());
    }

    /**
     * The access method's SEC_OID_* tag, e.g. SEC_OID_PKIX_OCSP.
     *
     * @return the tag; SEC_OID_UNKNOWN (0) when NSS does not know the OID
     * @throws IllegalArgumentException (ValueError) for an empty AuthorityInfoAccess()
     */
    @Python("method_tag")
    public int getMethodTag() {
        return Oids.tagOf(method());
    }

    /**
     * The access method's description, e.g. "PKIX Online Certificate Status Protocol".
     *
     * @return the text ({@code str} in Python)
     * @throws IllegalArgumentException (ValueError) for an empty AuthorityInfoAccess()
     */
    @Python("method_str")
    public String getMethodStr() {
        return BStr.text(Oids.describe(method()));
    }

    /**
     * Where to reach the service, e.g. "URI: http://ocsp.example.com".
     *
     * @return the location as a GeneralName
     * @throws IllegalArgumentException (ValueError) for an empty AuthorityInfoAccess()
     */
    @Python("location")
    public GeneralName getLocation() {
        method();
        return location;
    }

    /**
     * The access description's text: a "Method" and a "Location" line;
     * nothing for an empty AuthorityInfoAccess().
     *
     * @param lines the lines to append to
     * @param level the indentation level
     */
    @Override
    public void lines(Lines lines, int level) {
        if (method == null) return;
        lines.pair(level, "Method", Oids.describe(method));
        lines.pair(level, "Location", location.decoded().labeled());
    }

}
