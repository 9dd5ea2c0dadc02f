package org.jnss.pki;

import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.natives.Layout;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;

/** A certificate extension: its OID, criticality and DER encoded value; format_lines() decodes the value. */
@Python.Type(doc = "An object representing a certificate extension")
public final class CertificateExtension extends Formatted {
    private final byte[] oid;
    private final boolean critical;
    private final byte[] value;

    CertificateExtension(byte[] oid, boolean critical, byte[] value) {
        this.oid = oid;
        this.critical = critical;
        this.value = value;
    }

    byte[] oid() { return oid; }

    byte[] value() { return value; }

    boolean critical() { return critical; }

    /** The CERTCertExtension at ext, copied. */
    static CertificateExtension fromNative(long ext) {
        byte[] crit = Scratch.itemBytes(ext + Layout.EXT_CRITICAL);
        return new CertificateExtension(Scratch.itemBytes(ext + Layout.EXT_ID), crit.length > 0 && crit[0] != 0,
                Scratch.itemBytes(ext + Layout.EXT_VALUE));
    }

    @Python("name")
    public byte[] getName() {
        NssRuntime.requireInitialized();
        return BStr.bytes(Asn1Fmt.oidDesc(oid));
    }

    @Python("critical")
    public boolean getCritical() { return critical; }

    @Python("oid")
    public SecItem getOid() { return new SecItem(oid, 0, SecItem.Kind.DER); }

    @Python("oid_tag")
    public int getOidTag() {
        NssRuntime.requireInitialized();
        return Asn1Fmt.oidTag(oid);
    }

    @Python("value")
    public SecItem getValue() { return new SecItem(value, 0, SecItem.Kind.DER); }

    @Override
    public Lines lines(int level) {
        NssRuntime.requireInitialized();
        Lines lines = new Lines();
        PkiFmt.extension(lines, level, this);
        return lines;
    }

    /** python-nss's repr of an extension is its name. */
    @Python("__repr__()")
    public byte[] repr() {
        return getName();
    }
}
