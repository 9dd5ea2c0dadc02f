package org.jnss.nss;

import org.jnss.core.Py;

import java.util.List;

/** One access description of an authority information access extension: a method OID and a location. */
@Py.Type(doc = "AuthorityInfoAccess()\n\nAn object representing AuthorityInfoAccess.\n")
public final class AuthorityInfoAccess {
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

    void lines(Lines lines, int level) {
        if (method == null) return;
        lines.pair(level, "Method", Asn1Fmt.oidDesc(method));
        lines.pair(level, "Location", location.decoded().labeled());
    }

    @Py("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        Lines l = new Lines();
        lines(l, level);
        return l.toPython();
    }

    @Py("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) {
        Lines l = new Lines();
        lines(l, level);
        return BStr.bytes(l.indented(indentLen));
    }

    @Py("__str__()")
    public byte[] str() {
        return format(0, 4);
    }
}
