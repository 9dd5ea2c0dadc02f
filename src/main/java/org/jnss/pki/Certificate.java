package org.jnss.pki;

import org.jnss.asn1.Formatted;
import org.jnss.core.NativeResource.Lease;
import org.jnss.natives.Nss3;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Lines;
import org.jnss.asn1.OidNames;
import org.jnss.asn1.Scratch;
import org.jnss.core.BinaryData;
import org.jnss.core.ArgumentError;
import org.jnss.core.KeyError;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;
import org.jnss.pk11.PK11Slot;

import java.math.BigInteger;
import java.util.List;

/**
 * An X.509 certificate (CERTCertificate), holding one NSS reference. Made from
 * DER with CERT_ImportCerts into the temporary store of a certificate database
 * (as python-nss), so a certificate NSS already knows comes back with its
 * nickname and trust. Fields are read from NSS's decoded certificate; str()
 * and format_lines() render it exactly as python-nss does.
 */
@Python.Type(doc = "Certificate(data, certdb=get_default_certdb(), perm=False, nickname=None)\n\n"
        + "An X509 Certificate object.\n\n"
        + "The Certificate is initialized from the supplied DER data. The\n"
        + "Certificate is added to the NSS temporary database. If perm is True\n"
        + "then the Certificate is also permanently written into certdb.")
public class Certificate extends NativeResource implements Formatted {

    /** Adopts a CERTCertificate reference the caller owns. */
    public Certificate(long cert) {
        super(cert, Nss3::CERT_DestroyCertificate, true);
    }

    /** Adopts a CERTCertificate reference the caller owns (for nss.ssl: peer and local certificates). */
    public static Certificate adopt(long cert) {
        return new Certificate(cert);
    }

    /**
     * A temporary certificate from its DER encoding, in the default certificate
     * database (Python: {@code Certificate(data)}).
     *
     * @param der the DER-encoded certificate
     * @return the certificate; close it (or use try-with-resources) when done
     * @throws NSPRError if NSS is not initialized or the data is not a certificate
     */
    public static Certificate create(BinaryData der) {
        return create(der.toByteArray(), null, Boolean.FALSE, null);
    }

    /**
     * As {@link #create(BinaryData)}, from bytes.
     *
     * @param der the DER-encoded certificate
     * @return the certificate
     * @throws NSPRError if NSS is not initialized or the data is not a certificate
     */
    public static Certificate create(byte[] der) {
        return create(der, null, Boolean.FALSE, null);
    }

    @Python("Certificate(data, certdb=get_default_certdb(), perm=False, nickname=None)")
    public static Certificate create(byte[] data, CertDB certdb, @Python.BoolOnly boolean permanent, String nickname) {
        // before NSS is initialized there is no certificate database: python-nss's
        // CERT_ImportCerts(NULL, ...) fails with SEC_ERROR_INVALID_ARGS (NSS is not called here)
        if (!NssRuntime.isInitialized()) throw new NSPRError(null, ErrorConstants.SEC_ERROR_INVALID_ARGS);
        long handle;
        if (certdb != null) {
            handle = certdb.handle();
        } else {
            handle = Nss3.CERT_GetDefaultCertDB();
        }
        byte[] nick = null;
        if (nickname != null) {
            byte[] utf8 = nickname.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            nick = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        }
        try (Scratch s = new Scratch()) {
            long ders = s.calloc(Mem.POINTER_SIZE);
            Mem.setPointer(ders, 0, s.item(data));
            long[] certs = new long[1];
            if (Nss3.CERT_ImportCerts(handle, NssConstants.certUsageUserCertImport, 1, ders, certs,
                    permanent ? 1 : 0, 0, nick) != 0) {
                NSPRError e = NSPRError.last();
                // NSS refuses a second certificate with the issuer and serial number of one it
                // holds. Under CPython a certificate nobody references is gone already; here it
                // may only be garbage: release such certificates and try once more.
                if (e.getErrorCode() != ErrorConstants.SEC_ERROR_REUSED_ISSUER_AND_SERIAL) throw e;
                org.jnss.core.Lifecycle.releaseUnreferenced();
                if (Nss3.CERT_ImportCerts(handle, NssConstants.certUsageUserCertImport, 1, ders, certs,
                        permanent ? 1 : 0, 0, nick) != 0)
                    throw NSPRError.last();
            }
            try {
                // success without a certificate (NSS 3.87 fails instead when none decodes): as
                // python-nss, the error is whatever NSS left on this thread, not one of our own
                long first = certs[0] == 0 ? 0 : Mem.getPointer(certs[0], 0);
                if (first == 0) throw NSPRError.last();
                long cert = Nss3.CERT_DupCertificate(first);
                if (cert == 0) throw NSPRError.last();
                return new Certificate(cert);
            } finally {
                if (certs[0] != 0) Nss3.CERT_DestroyCertArray(certs[0], 1);
            }
        }
    }

    // ---- fields ------------------------------------------------------------

    private byte[] item(int offset) {
        return with(c -> Scratch.itemBytes(c + offset));
    }

    @Python("der_data")
    public byte[] getDerData() {
        return item(Layout.CERT_DER_CERT);
    }

    private DN name(int offset) {
        return with(c -> DN.fromNative(c + offset));
    }

    @Python("subject")
    public DN getSubject() {
        return name(Layout.CERT_SUBJECT);
    }

    @Python("issuer")
    public DN getIssuer() {
        return name(Layout.CERT_ISSUER);
    }

    @Python("subject_common_name")
    public byte[] getSubjectCommonName() {
        return with(c -> NameCodec.portString(Nss3.CERT_GetCommonName(c + Layout.CERT_SUBJECT)));
    }

    @Python("version")
    public Object getVersion() {
        return Asn1Fmt.pyInt(DerFormat.integer(item(Layout.CERT_VERSION)));
    }

    @Python("serial_number")
    public Object getSerialNumber() {
        return Asn1Fmt.pyInt(DerFormat.integer(item(Layout.CERT_SERIAL)));
    }

    /** The PRTime of a validity time (0 when NSS cannot convert it). */
    private long validityTime(int which) {
        try (Lease l = lease()) {
            long c = l.handle();
            long item = c + Layout.CERT_VALIDITY + which;
            int type = Mem.getInt(item, Layout.ITEM_TYPE);
            if (type != Layout.SI_UTC_TIME && type != Layout.SI_GENERALIZED_TIME)
                throw new IllegalArgumentException("unknown sec ANS.1 time type");
            Long t = Asn1Fmt.derTime(Scratch.itemBytes(item), type, type == Layout.SI_GENERALIZED_TIME);
            return t == null ? 0 : t;
        }
    }

    @Python("valid_not_before")
    public double getValidNotBefore() {
        return validityTime(Layout.VALIDITY_NOT_BEFORE);
    }

    @Python("valid_not_before_str")
    public byte[] getValidNotBeforeStr() {
        return BStr.bytes(Asn1Fmt.timeString(validityTime(Layout.VALIDITY_NOT_BEFORE)));
    }

    @Python("valid_not_after")
    public double getValidNotAfter() {
        return validityTime(Layout.VALIDITY_NOT_AFTER);
    }

    @Python("valid_not_after_str")
    public byte[] getValidNotAfterStr() {
        return BStr.bytes(Asn1Fmt.timeString(validityTime(Layout.VALIDITY_NOT_AFTER)));
    }

    /** Integer bitmask of NS_CERT_TYPE_* flags NSS derived for the certificate. */
    @Python("cert_type")
    public int getCertType() {
        return with(c -> Mem.getInt(c, Layout.CERT_NS_CERT_TYPE));
    }

    @Python("signature_algorithm")
    public AlgorithmID getSignatureAlgorithm() {
        return with(c -> AlgorithmID.fromNative(c + Layout.CERT_SIGNATURE));
    }

    /** The certificate as signed data: its to-be-signed part, signature algorithm and signature. */
    @Python("signed_data")
    public SignedData getSignedData() {
        return SignedData.decode(getDerData());
    }

    private List<CertificateExtension> extensionList() {
        return with(c -> PkiFmt.extensions(Mem.getPointer(c, Layout.CERT_EXTENSIONS)));
    }

    /** The extensions, as a tuple of CertificateExtension. */
    @Python("extensions")
    public Object[] getExtensions() {
        return extensionList().toArray();
    }

    /**
     * The extension identified by oid (a SEC_OID_* tag, a name or dotted OID, a
     * SecItem); KeyError when the certificate has none. Extensions NSS does not
     * know are never found, as in python-nss.
     */
    @Python("get_extension(oid)")
    public CertificateExtension getExtension(Object oid) {
        int tag = OidNames.tagOf(oid);
        if (tag == OidNames.ERROR) throw new IllegalStateException("error return without exception set");
        for (CertificateExtension e : extensionList()) {
            int t = e.getOidTag();
            if (t != NssConstants.SEC_OID_UNKNOWN && t == tag) return e;
        }
        String name = OidNames.tagName(tag);
        if (name == null) name = oid instanceof SecItem item ? item.toString() : String.valueOf(oid);
        throw new KeyError("no extension with OID " + name + " found");
    }

    // ---- trust ---------------------------------------------------------------

    /** The trust flags word at offset, or null when the certificate has no trust. */
    private Integer trust(int offset) {
        try (Lease l = lease()) {
            long c = l.handle();
            long trust = Mem.getPointer(c, Layout.CERT_TRUST);
            return trust == 0 ? null : Mem.getInt(trust, offset);
        }
    }

    @Python("ssl_trust_flags")
    public Integer getSslTrustFlags() { return trust(Layout.TRUST_SSL); }

    @Python("email_trust_flags")
    public Integer getEmailTrustFlags() { return trust(Layout.TRUST_EMAIL); }

    @Python("signing_trust_flags")
    public Integer getSigningTrustFlags() { return trust(Layout.TRUST_SIGNING); }

    private static List<Object> trustStr(Integer flags) {
        return flags == null ? null : PkiFlags.flags(PkiFlags.TRUST, flags, NssConstants.AsEnumDescription);
    }

    @Python("ssl_trust_str")
    public List<Object> getSslTrustStr() { return trustStr(getSslTrustFlags()); }

    @Python("email_trust_str")
    public List<Object> getEmailTrustStr() { return trustStr(getEmailTrustFlags()); }

    @Python("signing_trust_str")
    public List<Object> getSigningTrustStr() { return trustStr(getSigningTrustFlags()); }

    @Python("trust_flags(flags, repr_kind=AsEnumDescription)")
    public static List<Object> trustFlags(int flags, int reprKind) {
        return PkiFlags.flags(PkiFlags.TRUST, flags, reprKind);
    }

    // ---- formatting --------------------------------------------------------

    public Lines lines(int level) {
        Lines lines = new Lines();
        BigInteger version = DerFormat.integer(item(Layout.CERT_VERSION));
        String issuer = getIssuer().render();
        String subject = getSubject().render();
        String notBefore = Asn1Fmt.timeString(validityTime(Layout.VALIDITY_NOT_BEFORE));
        String notAfter = Asn1Fmt.timeString(validityTime(Layout.VALIDITY_NOT_AFTER));
        Integer ssl = getSslTrustFlags(), email = getEmailTrustFlags(), signing = getSigningTrustFlags();
        try (Lease l = lease()) {
            long c = l.handle();
            lines.label(level, "Data");
            lines.pair(level + 2, "Version", Asn1Fmt.decHex(version.add(BigInteger.ONE), version));
            lines.pair(level + 2, "Serial Number", Asn1Fmt.decHex(DerFormat.integer(Scratch.itemBytes(c + Layout.CERT_SERIAL))));
            lines.label(level + 2, "Signature Algorithm");
            PkiFmt.algorithm(lines, level + 3, c + Layout.CERT_SIGNATURE);
            lines.pair(level + 2, "Issuer", issuer);
            lines.label(level + 2, "Validity");
            lines.pair(level + 3, "Not Before", notBefore);
            lines.pair(level + 3, "Not After", notAfter);
            lines.pair(level + 2, "Subject", subject);
            lines.label(level + 2, "Subject Public Key Info");
            PkiFmt.subjectPublicKeyInfo(lines, level + 3, c + Layout.CERT_SPKI);
            List<CertificateExtension> exts = PkiFmt.extensions(Mem.getPointer(c, Layout.CERT_EXTENSIONS));
            lines.text(level + 1, "Signed Extensions: (" + exts.size() + " total)");
            for (CertificateExtension e : exts) {
                PkiFmt.extension(lines, level + 2, e);
                lines.blank();
            }
            if (ssl != null || email != null || signing != null) {
                lines.label(level + 2, "Certificate Trust Flags");
                trustLines(lines, level + 3, "SSL Flags", ssl);
                trustLines(lines, level + 3, "Email Flags", email);
                trustLines(lines, level + 3, "Object Signing Flags", signing);
            }
            lines.label(level + 1, "Signature");
            lines.addAll(SignedData.decode(Scratch.itemBytes(c + Layout.CERT_DER_CERT)).lines(level + 2));
        }
        return lines;
    }

    private static void trustLines(Lines lines, int level, String label, Integer flags) {
        if (flags == null) return;
        lines.label(level, label);
        for (Object f : trustStr(flags)) lines.text(level + 1, (String) f);
    }

    @Override
    protected NSPRError closedError() {
        return new NSPRError("Certificate object has been closed", ErrorConstants.SEC_ERROR_INVALID_ARGS);
    }

    // ---- verification, chains, trust (CertVerify) ---------------------------

    @Python("verify_now(certdb, check_sig, required_usages, /, *user_data)")
    public int verifyNow(CertDB certdb, @Python.BoolOnly boolean checkSig, long requiredUsages, Object... userData) {
        return CertVerify.verifyNow(this, certdb, checkSig, requiredUsages, userData);
    }

    @Python("verify(certdb, check_sig, required_usages, time, /, *user_data)")
    public int verify(CertDB certdb, @Python.BoolOnly boolean checkSig, long requiredUsages, Object time, Object... userData) {
        return (Integer) CertVerify.verify(this, certdb, checkSig, requiredUsages, time,
                userData, false);
    }

    @Python("verify_with_log(certdb, check_sig, required_usages, time, /, *user_data)")
    public Object[] verifyWithLog(CertDB certdb, @Python.BoolOnly boolean checkSig, long requiredUsages, Object time, Object... userData) {
        return (Object[]) CertVerify.verify(this, certdb, checkSig,
                requiredUsages, time, userData, true);
    }

    @Python("verify_hostname(hostname, /)")
    public boolean verifyHostname(String hostname) {
        return CertVerify.verifyHostname(this, hostname);
    }

    @Python(value = "check_ocsp_status(certdb, time, /)",
            doc = "check_ocsp_status(certdb, time) -> bool\n\n"
                    + "Asks OCSP for the status of the certificate at time (microseconds since the epoch as\n"
                    + "int or float, None for now): through the responder named by its Authority Information\n"
                    + "Access extension, or the default responder when one is enabled. True when the status\n"
                    + "is good (or nothing can be asked); otherwise NSPRError with the OCSP or\n"
                    + "verification error code (e.g. SEC_ERROR_REVOKED_CERTIFICATE,\n"
                    + "SEC_ERROR_OCSP_SERVER_ERROR, SEC_ERROR_OCSP_UNKNOWN_CERT).")
    public boolean checkOcspStatus(CertDB certdb, Object time) {
        long db = certdb.handle();
        long t = CertVerify.time(time);
        try (Lease l = lease()) {
            long c = l.handle();
            if (Nss3.CERT_CheckOCSPStatus(db, c, t, 0) != 0) throw NSPRError.last();
            return true;
        }
    }

    @Python("check_valid_times(time=None, allow_override=False)")
    public int checkValidTimes(Object time, @Python.BoolOnly boolean allowOverride) {
        return CertVerify.checkValidTimes(this, time, allowOverride);
    }

    @Python("is_ca_cert(return_cert_type=False)")
    public Object isCaCert(@Python.IntFlag boolean returnCertType) {
        return CertVerify.isCaCert(this, returnCertType);
    }

    @Python("has_signer_in_ca_names(ca_names, /)")
    public boolean hasSignerInCaNames(Object caNames) {
        return CertVerify.hasSignerInCaNames(this, caNames);
    }

    @Python("find_kea_type()")
    public int findKeaType() {
        return CertVerify.findKeaType(this);
    }

    @Python("make_ca_nickname()")
    public byte[] makeCaNickname() {
        return CertVerify.makeCaNickname(this);
    }

    @Python("get_cert_chain(time=None, usages=certUsageAnyCA)")
    public Object[] getCertChain(Object time, int usages) {
        return CertVerify.certChain(this, time, usages);
    }

    @Python("set_trust_attributes(trust, certdb, slot, /, *user_data)")
    public void setTrustAttributes(String trust, Object certdb, Object slot, Object... userData) {
        // python-nss's converters: its CertDB-or-None one names SecItem in its message
        Object db = org.jnss.core.PyValues.toJava(certdb), s = org.jnss.core.PyValues.toJava(slot);
        if (db != null && !(db instanceof CertDB))
            throw new ArgumentError("must be nss.nss.SecItem or None, not " + org.jnss.core.PyTypeNames.of(db));
        if (s != null && !(s instanceof PK11Slot))
            throw new ArgumentError("must be nss.nss.PK11Slot or None, not " + org.jnss.core.PyTypeNames.of(s));
        CertVerify.setTrustAttributes(this, trust, (CertDB) db, (PK11Slot) s, userData);
    }

    /** Java callers: the same with typed arguments (null: default database, internal key slot). */
    public void setTrustAttributes(String trust, CertDB certdb, PK11Slot slot) {
        CertVerify.setTrustAttributes(this, trust, certdb, slot, new Object[0]);
    }

    // ---- public key (SubjectPublicKeyInfo) ------------------------------------

    @Python("subject_public_key_info")
    public SubjectPublicKeyInfo getSubjectPublicKeyInfo() {
        return with(c -> SubjectPublicKeyInfo.fromNative(c + Layout.CERT_SPKI));
    }
}
