package org.jnss.pki;

import org.jnss.asn1.Oids;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.natives.Layout;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;

/**
 * A certificate extension, {@code nss.nss.CertificateExtension} in Python:
 * its OID, criticality and DER encoded value; format_lines() and str() decode
 * the value of the extensions python-nss knows (key usage, basic constraints,
 * alternative names, ...). Obtained from a certificate's
 * {@link Certificate#getExtensions extensions} or {@link Certificate#getExtension
 * get_extension()}, or a certificate request's. The value can be decoded with
 * the extension's type ({@link BasicConstraints}, {@link AuthKeyID}, ...).
 * Immutable copies; nothing to close.
 */
public final class CertificateExtension extends FormattedValue {
    private final byte[] oid;
    private final boolean critical;
    private final byte[] value;
    /** the tag NSS gave the OID (low 32 bits) and the NSS session it was asked in (high 32); -1: not asked */
    private volatile long tagAnswer = -1;

    CertificateExtension(byte[] oid, boolean critical, byte[] value) {
        this.oid = oid;
        this.critical = critical;
        this.value = value;
    }

    /** A new object with the same (immutable) contents and the tag already asked. */
    CertificateExtension copy() {
        CertificateExtension e = new CertificateExtension(oid, critical, value);
        e.tagAnswer = tagAnswer;
        return e;
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

    /**
     * The extension's name as NSS describes its OID, e.g. "Certificate Basic
     * Constraints" (the dotted OID when NSS does not know it).
     *
     * @return the text ({@code str} in Python)
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("name")
    public String getName() {
        NssRuntime.requireInitialized();
        return BStr.text(Oids.describe(oid));
    }

    /**
     * Whether the extension is marked critical (a verifier that does not
     * understand it must reject the certificate).
     *
     * @return the critical flag
     */
    @Python("critical")
    public boolean getCritical() { return critical; }

    /**
     * The extension's OID.
     *
     * @return a SecItem holding the OID's contents
     */
    @Python("oid")
    public SecItem getOid() { return new SecItem(oid, 0, SecItem.Kind.DER); }

    /**
     * The extension's SEC_OID_* tag, e.g. SEC_OID_X509_BASIC_CONSTRAINTS.
     *
     * @return the tag; SEC_OID_UNKNOWN (0) when NSS does not know the OID
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("oid_tag")
    public int getOidTag() {
        NssRuntime.requireInitialized();
        int session = NssRuntime.session();
        long a = tagAnswer;
        if (a != -1 && (int) (a >>> 32) == session) return (int) a;
        int tag = Oids.tagOf(oid);
        if (tag != 0) tagAnswer = ((long) session << 32) | (tag & 0xffffffffL);   // an unknown OID is asked again
        return tag;
    }

    /**
     * The extension's value, to be decoded with the type or function for the
     * extension (e.g. BasicConstraints(ext.value), x509_key_usage(ext.value)).
     *
     * @return a SecItem holding the value's DER
     */
    @Python("value")
    public SecItem getValue() { return new SecItem(value, 0, SecItem.Kind.DER); }

    /**
     * The extension's text: its name, criticality and, for the extensions
     * python-nss knows, the decoded value.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized;
     *         NSS's error when the value does not decode
     */
    @Override
    public Lines lines(int level) {
        NssRuntime.requireInitialized();
        Lines lines = new Lines();
        PkiFmt.extension(lines, level, this);
        return lines;
    }

    /**
     * The extension's name, as {@link #getName() name}: python-nss's repr of an extension.
     *
     * @return the text ({@code str} in Python)
     * @throws org.jnss.error.NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("__repr__()")
    public String repr() {
        return getName();
    }
}
