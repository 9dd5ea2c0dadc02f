package org.jnss.pki;

import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/** One access description of an authority information access extension: a method OID and a location. */
@Python.Type(doc = "AuthorityInfoAccess()\n\nAn object representing AuthorityInfoAccess.\n")
public final class AuthorityInfoAccess extends Formatted {
    /** null for an instance made by Python's constructor, which python-nss leaves empty */
    private final byte[] method;
    private final GeneralName location;

    AuthorityInfoAccess(byte[] method, GeneralName location) {
        this.method = method;
        this.location = location;
    }

    @Python("AuthorityInfoAccess()")
    public static AuthorityInfoAccess create() {
        return new AuthorityInfoAccess(null, null);
    }

    private byte[] method() {
        if (method == null) throw new IllegalArgumentException("nss.nss.AuthorityInfoAccess is uninitialized");
        return method;
    }

    @Python("method_oid")
    public SecItem getMethodOid() {
        return new SecItem(method());
    }

    @Python("method_tag")
    public int getMethodTag() {
        return Asn1Fmt.oidTag(method());
    }

    @Python("method_str")
    public byte[] getMethodStr() {
        return BStr.bytes(Asn1Fmt.oidDesc(method()));
    }

    @Python("location")
    public GeneralName getLocation() {
        method();
        return location;
    }

    @Override
    public void lines(Lines lines, int level) {
        if (method == null) return;
        lines.pair(level, "Method", Asn1Fmt.oidDesc(method));
        lines.pair(level, "Location", location.decoded().labeled());
    }

}
