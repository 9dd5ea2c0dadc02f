package org.jnss.nss;

import org.jnss.core.Py;


/** One access description of an authority information access extension: a method OID and a location. */
@Py.Type(doc = "AuthorityInfoAccess()\n\nAn object representing AuthorityInfoAccess.\n")
public final class AuthorityInfoAccess extends Formatted {
    /** null for an instance made by Python's constructor, which python-nss leaves empty */
    private final byte[] method;
    private final GeneralName location;

    AuthorityInfoAccess(byte[] method, GeneralName location) {
        this.method = method;
        this.location = location;
    }

    @Py("AuthorityInfoAccess()")
    public static AuthorityInfoAccess create() {
        return new AuthorityInfoAccess(null, null);
    }

    private byte[] method() {
        if (method == null) throw new IllegalArgumentException("nss.nss.AuthorityInfoAccess is uninitialized");
        return method;
    }

    @Py("method_oid")
    public SecItem getMethodOid() {
        return new SecItem(method());
    }

    @Py("method_tag")
    public int getMethodTag() {
        return Asn1Fmt.oidTag(method());
    }

    @Py("method_str")
    public byte[] getMethodStr() {
        return BStr.bytes(Asn1Fmt.oidDesc(method()));
    }

    @Py("location")
    public GeneralName getLocation() {
        method();
        return location;
    }

    @Override
    void lines(Lines lines, int level) {
        if (method == null) return;
        lines.pair(level, "Method", Asn1Fmt.oidDesc(method));
        lines.pair(level, "Location", location.decoded().labeled());
    }

}
