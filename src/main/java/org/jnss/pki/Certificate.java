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
 * An X.509 certificate (NSS's CERTCertificate), {@code nss.nss.Certificate} in
 * Python. Made from DER by {@code Certificate(data)} ({@link #create(byte[])
 * create(der)} in Java), which imports it with CERT_ImportCerts into the
 * temporary store of a certificate database, as python-nss does, so a
 * certificate NSS already knows comes back with its nickname and trust; also
 * returned by the lookups ({@link CertVerify#findCertFromNickname
 * find_cert_from_nickname}, {@link #getCertChain get_cert_chain}, an SSL
 * socket's peer certificate, ...). Properties are read from NSS's decoded
 * certificate on each access; str() and format_lines() render it as
 * python-nss does.
 *
 * <p>Each object holds one NSS reference to the certificate. In Java,
 * {@link #close()} (or try-with-resources) releases it at once; an object
 * dropped without close releases it once the collector finds it unreachable, and
 * nss_shutdown() releases the references of every certificate the program no
 * longer holds before NSS goes down. Using a closed certificate raises
 * NSPRError "Certificate object has been closed" (SEC_ERROR_INVALID_ARGS);
 * one that outlived its NSS session raises SEC_ERROR_NOT_INITIALIZED.
 */
public class Certificate extends NativeResource implements Formatted {

    /** Adopts a CERTCertificate reference the caller owns (other packages: {@link #adopt}). */
    Certificate(long cert) {
        super(cert, Nss3::CERT_DestroyCertificate, true);
    }

    /**
     * Adopts a CERTCertificate reference the caller owns: the library's own
     * packages wrap certificates NSS hands them (peer and local certificates,
     * PKCS #12 nickname collisions). Not for application code: a wrong or
     * shared pointer is freed twice.
     *
     * @param cert a CERTCertificate* whose reference passes to the new object
     * @return the certificate, owning the reference
     */
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

    /**
     * Makes a certificate from its DER encoding, imported into the temporary
     * store of certdb (CERT_ImportCerts, for the usage "user certificate
     * import"); when perm is true it is also written permanently into the
     * database, under nickname. When the database already knows the
     * certificate, the result is that certificate, with its nickname and trust.
     *
     * @param data the DER encoded certificate (in Python a str, buffer or SecItem);
     *        see {@link Pki#readDerFromFile read_der_from_file()} for PEM files
     * @param certdb the certificate database; null (omitted in Python) for the
     *        default one, {@code get_default_certdb()}
     * @param permanent whether to also store the certificate permanently;
     *        must be a bool in Python (False when omitted)
     * @param nickname the nickname for permanent storage; null (None, the
     *        default) for none
     * @return the certificate
     * @throws NSPRError SEC_ERROR_INVALID_ARGS before NSS is initialized; when
     *         NSS refuses the data (not a certificate), its error or the
     *         thread's last one (typically SEC_ERROR_INVALID_ARGS or
     *         SEC_ERROR_BAD_DER); SEC_ERROR_REUSED_ISSUER_AND_SERIAL when the
     *         database holds another certificate with the same issuer and
     *         serial number
     */
    @Python("Certificate(data, certdb=get_default_certdb(), perm=False, nickname=None)")
    public static Certificate create(byte[] data, CertDB certdb, @Python.BoolOnly boolean permanent, String nickname) {
        // before NSS is initialized there is no certificate database: python-nss's
        // CERT_ImportCerts(NULL, ...) fails with SEC_ERROR_INVALID_ARGS (NSS is not called here)
        if (!NssRuntime.isInitialized()) throw new NSPRError(null, ErrorConstants.SEC_ERROR_INVALID_ARGS);
        long handle;
        if (certdb != null) {
            handle = certdb.handle();
        } else {
            handle = CertDB.currentDefault();
        }
        byte[] nick = Mem.utf8z(nickname);
        try (Scratch s = new Scratch()) {
            long ders = s.calloc(Mem.POINTER_SIZE);
            Mem.setPointer(ders, 0, s.item(data));
            // NSS's CERTCertificate** comes back in scratch memory (a Java array would be copied in and out)
            long certs = s.calloc(Mem.POINTER_SIZE);
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
            long array = Mem.getPointer(certs, 0);
            try {
                // success without a certificate (NSS 3.87 fails instead when none decodes): as
                // python-nss, the error is whatever NSS left on this thread, not one of our own
                long first = array == 0 ? 0 : Mem.getPointer(array, 0);
                if (first == 0) throw NSPRError.last();
                // the array's reference becomes the object's (CERT_DestroyCertArray below skips
                // a null entry and frees the array only): no CERT_DupCertificate and release
                Mem.setPointer(array, 0, 0);
                try {
                    return new Certificate(first);
                } catch (RuntimeException | Error e) {
                    Nss3.CERT_DestroyCertificate(first);
                    throw e;
                }
            } finally {
                if (array != 0) Nss3.CERT_DestroyCertArray(array, 1);
            }
        }
    }

    // ---- fields ------------------------------------------------------------

    private byte[] item(int offset) {
        return with(c -> Scratch.itemBytes(c + offset));
    }

    /**
     * The certificate's DER encoding, as it was imported.
     *
     * @return a copy of the bytes ({@code str} in Python)
     */
    @Python("der_data")
    public byte[] getDerData() {
        return item(Layout.CERT_DER_CERT);
    }

    private DN name(int offset) {
        return with(c -> DN.fromNative(c + offset));
    }

    /**
     * The subject's distinguished name, e.g. {@code CN=www.example.com,O=Example,C=US}
     * as str() shows it.
     *
     * @return a new DN (a copy) on each access
     */
    @Python("subject")
    public DN getSubject() {
        return name(Layout.CERT_SUBJECT);
    }

    /**
     * The issuer's distinguished name.
     *
     * @return a new DN (a copy) on each access
     */
    @Python("issuer")
    public DN getIssuer() {
        return name(Layout.CERT_ISSUER);
    }

    /**
     * The common name (CN) of the subject, as NSS picks it (CERT_GetCommonName:
     * the most specific CN when there are several).
     *
     * @return the name's bytes ({@code str} in Python), or null (None) when the
     *         subject has no CN
     */
    @Python("subject_common_name")
    public String getSubjectCommonName() {
        return with(c -> org.jnss.core.JavaText.of(NameCodec.portString(Nss3.CERT_GetCommonName(c + Layout.CERT_SUBJECT))));
    }

    /**
     * The version field as encoded: 0 for a version 1 certificate, 2 for
     * version 3 (str() shows "3 (0x2)").
     *
     * @return the number as an Integer (a Long or BigInteger if it is that large)
     */
    @Python("version")
    public Object getVersion() {
        return Asn1Fmt.pyInt(item(Layout.CERT_VERSION));
    }

    /**
     * The certificate's serial number.
     *
     * @return an Integer, Long or BigInteger as its size requires (int or long in Python)
     */
    @Python("serial_number")
    public Object getSerialNumber() {
        return Asn1Fmt.pyInt(item(Layout.CERT_SERIAL));
    }

    /** The PRTime of a validity time (0 when NSS cannot convert it). */
    private long validityTime(int which) {
        try (Lease l = lease()) {
            long c = l.handle();
            long item = c + Layout.CERT_VALIDITY + which;
            int type = Mem.getInt(item, Layout.ITEM_TYPE);
            if (type != Layout.SI_UTC_TIME && type != Layout.SI_GENERALIZED_TIME)
                throw new IllegalArgumentException("unknown sec ANS.1 time type");
            Long t = Asn1Fmt.derTime(item, type == Layout.SI_GENERALIZED_TIME);
            return t == null ? 0 : t;
        }
    }

    /**
     * The start of the validity period, in microseconds since the epoch (UTC),
     * as a float. 0 when NSS cannot decode the time.
     *
     * @return the time
     * @throws IllegalArgumentException (ValueError) when the field is not a
     *         UTCTime or GeneralizedTime
     */
    @Python("valid_not_before")
    public double getValidNotBefore() {
        return validityTime(Layout.VALIDITY_NOT_BEFORE);
    }

    /**
     * The start of the validity period as text in UTC, e.g.
     * "Sat Jan 01 00:00:00 2000 UTC".
     *
     * @return the text as a byte string ({@code str} in Python)
     * @throws IllegalArgumentException (ValueError) when the field is not a
     *         UTCTime or GeneralizedTime
     */
    @Python("valid_not_before_str")
    public String getValidNotBeforeStr() {
        return BStr.text(Asn1Fmt.timeString(validityTime(Layout.VALIDITY_NOT_BEFORE)));
    }

    /**
     * The end of the validity period, in microseconds since the epoch (UTC),
     * as a float. 0 when NSS cannot decode the time.
     *
     * @return the time
     * @throws IllegalArgumentException (ValueError) when the field is not a
     *         UTCTime or GeneralizedTime
     */
    @Python("valid_not_after")
    public double getValidNotAfter() {
        return validityTime(Layout.VALIDITY_NOT_AFTER);
    }

    /**
     * The end of the validity period as text in UTC, e.g.
     * "Sat Jan 01 00:00:00 2000 UTC".
     *
     * @return the text as a byte string ({@code str} in Python)
     * @throws IllegalArgumentException (ValueError) when the field is not a
     *         UTCTime or GeneralizedTime
     */
    @Python("valid_not_after_str")
    public String getValidNotAfterStr() {
        return BStr.text(Asn1Fmt.timeString(validityTime(Layout.VALIDITY_NOT_AFTER)));
    }

    /**
     * The NS_CERT_TYPE_* bitmask NSS derived for the certificate when it
     * decoded it (from its Netscape cert type extension, else from its
     * extended key usage and basic constraints); {@link PkiFlags#certTypeFlags
     * cert_type_flags()} names the bits.
     *
     * @return the bitmask
     */
    @Python("cert_type")
    public int getCertType() {
        return with(c -> Mem.getInt(c, Layout.CERT_NS_CERT_TYPE));
    }

    /**
     * The signature algorithm named inside the signed part of the certificate
     * (its {@code signature} field).
     *
     * @return a new AlgorithmID (a copy)
     */
    @Python("signature_algorithm")
    public AlgorithmID getSignatureAlgorithm() {
        return with(c -> AlgorithmID.fromNative(c + Layout.CERT_SIGNATURE));
    }

    /**
     * The certificate as signed data: its to-be-signed part, the signature
     * algorithm and the signature, decoded from {@link #getDerData() der_data}.
     *
     * @return a new SignedData
     * @throws NSPRError when NSS cannot decode the DER
     */
    @Python("signed_data")
    public SignedData getSignedData() {
        return SignedData.decode(getDerData());
    }

    /**
     * The extensions as first read from NSS (a certificate's never change);
     * callers hand out new objects made from them, as python-nss makes one per
     * call. Read under a lease each time, so a closed or stale certificate
     * fails as before.
     */
    private volatile List<CertificateExtension> extensionsRead;

    /** The extensions of the certificate at c (its handle, under a lease), read the first time. */
    private List<CertificateExtension> extensionsOf(long c) {
        List<CertificateExtension> read = extensionsRead;
        if (read == null) extensionsRead = read = List.copyOf(PkiFmt.extensions(Mem.getPointer(c, Layout.CERT_EXTENSIONS)));
        return read;
    }

    private List<CertificateExtension> extensionList() {
        return with(this::extensionsOf);
    }

    /**
     * The certificate's extensions, in the order they are encoded.
     *
     * @return CertificateExtension objects (a tuple in Python; empty when there are none)
     */
    @Python("extensions")
    public Object[] getExtensions() {
        List<CertificateExtension> read = extensionList();
        Object[] out = new Object[read.size()];
        for (int i = 0; i < out.length; i++) out[i] = read.get(i).copy();
        return out;
    }

    /**
     * Finds one extension of the certificate by its OID. The result is the
     * generic CertificateExtension; its value can be decoded with the type or
     * function for that extension (e.g. {@link BasicConstraints},
     * {@link CRLDistributionPts}, {@link AuthKeyID}, x509_key_usage(),
     * x509_ext_key_usage(), x509_alt_name()). Extensions NSS does not know are
     * never found, as in python-nss.
     *
     * @param oid a SEC_OID_* tag (e.g. SEC_OID_X509_BASIC_CONSTRAINTS), its name
     *        with or without the prefix in any case, a dotted decimal string
     *        ('2.5.29.19'), or a SecItem holding the OID
     * @return the extension
     * @throws KeyError "no extension with OID ... found" when the certificate has
     *         none, or when a name names no OID
     * @throws ArgumentError (TypeError) when oid is of another type
     */
    @Python("get_extension(oid)")
    public CertificateExtension getExtension(Object oid) {
        int tag = OidNames.tagOf(oid);
        if (tag == OidNames.ERROR) throw new IllegalStateException("error return without exception set");
        for (CertificateExtension e : extensionList()) {
            int t = e.getOidTag();
            if (t != NssConstants.SEC_OID_UNKNOWN && t == tag) return e.copy();
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

    /**
     * The certificate's trust for SSL, as a bitmask of CERTDB_* flags
     * ({@link #trustFlags trust_flags()} names them).
     *
     * @return the flags, or null (None) when the certificate has no trust
     *         record (e.g. a temporary certificate NSS knows nothing about)
     */
    @Python("ssl_trust_flags")
    public Integer getSslTrustFlags() { return trust(Layout.TRUST_SSL); }

    /**
     * The certificate's trust for email (S/MIME), as a bitmask of CERTDB_* flags.
     *
     * @return the flags, or null (None) when the certificate has no trust record
     */
    @Python("email_trust_flags")
    public Integer getEmailTrustFlags() { return trust(Layout.TRUST_EMAIL); }

    /**
     * The certificate's trust for object signing, as a bitmask of CERTDB_* flags.
     *
     * @return the flags, or null (None) when the certificate has no trust record
     */
    @Python("signing_trust_flags")
    public Integer getSigningTrustFlags() { return trust(Layout.TRUST_SIGNING); }

    private static List<Object> trustStr(Integer flags) {
        return flags == null ? null : PkiFlags.flags(PkiFlags.TRUST, flags, NssConstants.AsEnumDescription);
    }

    /**
     * The SSL trust flags described, e.g. {@code ['Trusted CA', 'Valid CA']}.
     *
     * @return the sorted descriptions, or null (None) when the certificate has
     *         no trust record
     */
    @Python("ssl_trust_str")
    public List<Object> getSslTrustStr() { return trustStr(getSslTrustFlags()); }

    /**
     * The email trust flags described.
     *
     * @return the sorted descriptions, or null (None) when the certificate has
     *         no trust record
     */
    @Python("email_trust_str")
    public List<Object> getEmailTrustStr() { return trustStr(getEmailTrustFlags()); }

    /**
     * The object signing trust flags described.
     *
     * @return the sorted descriptions, or null (None) when the certificate has
     *         no trust record
     */
    @Python("signing_trust_str")
    public List<Object> getSigningTrustStr() { return trustStr(getSigningTrustFlags()); }

    /**
     * Names the CERTDB_* trust flags set in a bitmask (a static method in
     * Python: {@code Certificate.trust_flags(flags)}). Bits no flag names
     * become one "unknown bit flags N" entry (N in hex).
     *
     * @param flags the bitmask, e.g. a certificate's ssl_trust_flags
     * @param reprKind AsEnum (the flags' values), AsEnumName (their CERTDB_*
     *        names) or AsEnumDescription (the default: their descriptions, e.g.
     *        "Trusted CA")
     * @return the sorted values or texts (a list in Python)
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("trust_flags(flags, repr_kind=AsEnumDescription, /)")
    public static List<Object> trustFlags(int flags, int reprKind) {
        return PkiFlags.flags(PkiFlags.TRUST, flags, reprKind);
    }

    // ---- formatting --------------------------------------------------------

    /**
     * The certificate's text as python-nss renders it: version, serial
     * number, signature algorithm, issuer, validity, subject, public key,
     * every extension decoded, the trust flags (when there are any), then
     * the signature and fingerprints.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     */
    @Override
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
            List<CertificateExtension> exts = extensionsOf(c);
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

    /**
     * The error for using a closed certificate.
     *
     * @return NSPRError "Certificate object has been closed" (SEC_ERROR_INVALID_ARGS)
     */
    @Override
    protected NSPRError closedError() {
        return new NSPRError("Certificate object has been closed", ErrorConstants.SEC_ERROR_INVALID_ARGS);
    }

    // ---- verification, chains, trust (CertVerify) ---------------------------

    /**
     * Verifies the certificate now (CERT_VerifyCertificateNow): NSS builds its
     * chain to a trusted issuer in certdb and checks validity, signatures (when
     * check_sig is true), revocation as configured and the usages.
     *
     * @param certdb the certificate database, e.g. get_default_certdb()
     * @param checkSig whether to check the signatures (must be a bool in Python)
     * @param requiredUsages a bitmask of certificateUsage* constants that must
     *        all be valid; 0 to ask for every usage the certificate is valid for
     * @param userData extra arguments passed to the password callback
     * @return the bitmask of valid usages (only the required ones when
     *         required usages are not 0); {@link PkiFlags#certUsageFlags
     *         cert_usage_flags()} names them
     * @throws org.jnss.error.CertVerifyError (an NSPRError) when verification
     *         fails, with NSS's error code (e.g. SEC_ERROR_UNKNOWN_ISSUER,
     *         SEC_ERROR_EXPIRED_CERTIFICATE, SEC_ERROR_INADEQUATE_KEY_USAGE) and
     *         the usages NSS returned
     */
    @Python("verify_now(certdb, check_sig, required_usages, /, *user_data)")
    public int verifyNow(CertDB certdb, @Python.BoolOnly boolean checkSig, long requiredUsages, Object... userData) {
        return CertVerify.verifyNow(this, certdb, checkSig, requiredUsages, userData);
    }

    /**
     * Verifies the certificate as of a given time (CERT_VerifyCertificate):
     * as {@link #verifyNow verify_now()}, with the time of the check chosen.
     *
     * @param certdb the certificate database, e.g. get_default_certdb()
     * @param checkSig whether to check the signatures (must be a bool in Python)
     * @param requiredUsages a bitmask of certificateUsage* constants that must
     *        all be valid; 0 to ask for every usage the certificate is valid for
     * @param time microseconds since the epoch (UTC) as an int, long or float;
     *        null (None) for now
     * @param userData extra arguments passed to the password callback
     * @return the bitmask of valid usages (only the required ones when
     *         required usages are not 0)
     * @throws org.jnss.error.CertVerifyError (an NSPRError) when verification
     *         fails, with NSS's error code and the usages NSS returned
     * @throws ArgumentError (TypeError) when time is not a number or None
     */
    @Python("verify(certdb, check_sig, required_usages, time, /, *user_data)")
    public int verify(CertDB certdb, @Python.BoolOnly boolean checkSig, long requiredUsages, Object time, Object... userData) {
        return (Integer) CertVerify.verify(this, certdb, checkSig, requiredUsages, time,
                userData, false);
    }

    /**
     * Verifies the certificate as {@link #verify verify()} does and also
     * returns NSS's log of every problem found along the chain.
     *
     * @param certdb the certificate database, e.g. get_default_certdb()
     * @param checkSig whether to check the signatures (must be a bool in Python)
     * @param requiredUsages a bitmask of certificateUsage* constants that must
     *        all be valid; 0 to ask for every usage the certificate is valid for
     * @param time microseconds since the epoch (UTC) as an int, long or float;
     *        null (None) for now
     * @param userData extra arguments passed to the password callback
     * @return {usages, log}: the bitmask of valid usages (an Integer) and a
     *         {@link CertVerifyLog} (a tuple {@code (usages, log)} in Python)
     * @throws org.jnss.error.CertVerifyError (an NSPRError) when verification
     *         fails, with NSS's error code, the usages NSS returned and the log
     * @throws ArgumentError (TypeError) when time is not a number or None
     */
    @Python("verify_with_log(certdb, check_sig, required_usages, time, /, *user_data)")
    public Object[] verifyWithLog(CertDB certdb, @Python.BoolOnly boolean checkSig, long requiredUsages, Object time, Object... userData) {
        return (Object[]) CertVerify.verify(this, certdb, checkSig,
                requiredUsages, time, userData, true);
    }

    /**
     * Whether the certificate is valid for a host name (CERT_VerifyCertName):
     * NSS matches it against the DNS names and IP addresses of the subject
     * alternative name extension, or the subject's common name when there is
     * no such extension, accepting wildcard names.
     *
     * @param hostname the host name (or IP address text) to check
     * @return true when it matches
     * @throws ArgumentError (TypeError) when hostname contains a NUL character
     */
    @Python("verify_hostname(hostname, /)")
    public boolean verifyHostname(String hostname) {
        return CertVerify.verifyHostname(this, hostname);
    }

    /**
     * Asks OCSP for the status of the certificate (CERT_CheckOCSPStatus):
     * through the responder named by its authority information access
     * extension, or through the default responder when one is enabled
     * ({@link OcspSettings#enableDefaultResponder enable_ocsp_default_responder()}).
     * Goes to the network.
     *
     * @param certdb the certificate database, e.g. get_default_certdb()
     * @param time the time of the check in microseconds since the epoch (UTC),
     *        as an int, long or float; null (None) for now
     * @return true when the status is good, or when there is nothing to ask
     *         (never false: a bad status raises)
     * @throws NSPRError with the OCSP or verification error code, e.g.
     *         SEC_ERROR_REVOKED_CERTIFICATE, SEC_ERROR_OCSP_SERVER_ERROR,
     *         SEC_ERROR_OCSP_UNKNOWN_CERT
     * @throws ArgumentError (TypeError) when time is not a number or None
     */
    @Python("check_ocsp_status(certdb, time, /)")
    public boolean checkOcspStatus(CertDB certdb, Object time) {
        long db = certdb.handle();
        long t = CertVerify.time(time);
        try (Lease l = lease()) {
            long c = l.handle();
            if (Nss3.CERT_CheckOCSPStatus(db, c, t, 0) != 0) throw NSPRError.last();
            return true;
        }
    }

    /**
     * Checks whether a time lies within the certificate's validity period
     * (CERT_CheckCertValidTimes).
     *
     * @param time microseconds since the epoch (UTC) as an int, long or float;
     *        null (None, the default) or 0 for now
     * @param allowOverride true to count the certificate as valid when an
     *        application marked its time check overridden (NSS's timeOK flag);
     *        must be a bool in Python, False when omitted
     * @return secCertTimeValid (0), secCertTimeExpired (1) or
     *         secCertTimeNotValidYet (2)
     * @throws ArgumentError (TypeError) when time is not a number or None
     */
    @Python("check_valid_times(time=None, allow_override=False)")
    public int checkValidTimes(Object time, @Python.BoolOnly boolean allowOverride) {
        return CertVerify.checkValidTimes(this, time, allowOverride);
    }

    /**
     * Whether the certificate is a CA certificate, as NSS decides it
     * (CERT_IsCACert: its basic constraints, Netscape cert type or trust).
     *
     * @param returnCertType true to also return the NS_CERT_TYPE_* bitmask NSS
     *        computed while deciding (an int or bool in Python, False when omitted)
     * @return a Boolean; when the cert type is asked for, {Boolean, Integer}: a tuple
     *         {@code (is_ca, cert_type)} in Python
     */
    @Python("is_ca_cert(return_cert_type=False)")
    public Object isCaCert(@Python.IntFlag boolean returnCertType) {
        return CertVerify.isCaCert(this, returnCertType);
    }

    /**
     * Whether the certificate or an issuer in its chain was issued by one of
     * the given CA names (NSS_CmpCertChainWCANames), e.g. the CA names an SSL
     * server sent with its client certificate request.
     *
     * @param caNames a list or tuple of SecItems holding distinguished names,
     *        as the client auth data callback receives them
     * @return true when a signer of the chain is among them
     * @throws ArgumentError (TypeError) when ca_names is not a list or tuple, or
     *         an item is not a SecItem of distinguished name kind
     */
    @Python("has_signer_in_ca_names(ca_names, /)")
    public boolean hasSignerInCaNames(Object caNames) {
        return CertVerify.hasSignerInCaNames(this, caNames);
    }

    /**
     * The key exchange type of the certificate's key, for an SSL server
     * certificate (NSS_FindCertKEAType).
     *
     * @return one of the ssl_kea_* constants (e.g. ssl_kea_rsa, ssl_kea_ecdh)
     */
    @Python("find_kea_type()")
    public int findKeaType() {
        return CertVerify.findKeaType(this);
    }

    /**
     * A nickname for the certificate that no certificate of the database uses
     * yet (CERT_MakeCANickname): the subject's common name (or organizational
     * unit) and the issuer's organization (or name), e.g. "www.example.com -
     * Example", with " #n" appended as needed to make it unique.
     *
     * @return the nickname as a byte string ({@code str} in Python)
     * @throws NSPRError when NSS cannot make one
     */
    @Python("make_ca_nickname()")
    public String makeCaNickname() {
        return org.jnss.core.JavaText.of(CertVerify.makeCaNickname(this));
    }

    /**
     * The certificate's chain as NSS builds it from the certificates it knows
     * (CERT_GetCertChainFromCert): this certificate first, then its issuers.
     *
     * @param time microseconds since the epoch (UTC) as an int, long or float;
     *        null (None, the default) or 0 for now
     * @param usages a certUsage* constant (not a bitmask); certUsageAnyCA when omitted
     * @return the certificates (a tuple in Python), each a new reference
     * @throws NSPRError when NSS cannot build the chain
     * @throws ArgumentError (TypeError) when time is not a number or None
     */
    @Python("get_cert_chain(time=None, usages=certUsageAnyCA)")
    public Object[] getCertChain(Object time, int usages) {
        return CertVerify.certChain(this, time, usages);
    }

    /**
     * Changes the certificate's trust in the database (CERT_ChangeCertTrust),
     * logging in to the slot first when it needs a password.
     *
     * @param trust a trust string as certutil's -t takes it: three comma
     *        separated sets of trust letters for SSL, email and object signing,
     *        e.g. "CT,C,C"
     * @param certdb the certificate database, or null (None) for the default one
     * @param slot the PK11Slot holding the certificate, or null (None) for the
     *        internal key slot
     * @param userData extra arguments passed to the password callback
     * @throws NSPRError "cannot decode trust string '...'" for a malformed trust
     *         string; NSS's error when login or the change fails
     * @throws ArgumentError (TypeError) when certdb or slot is of the wrong type,
     *         or trust contains a NUL character
     */
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

    /**
     * Changes the certificate's trust in the database, as the Python method
     * {@code set_trust_attributes()}, for Java callers: typed arguments and no
     * password callback arguments.
     *
     * @param trust a trust string as certutil's -t takes it, e.g. "CT,C,C"
     * @param certdb the certificate database, or null for the default one
     * @param slot the slot holding the certificate, or null for the internal key slot
     * @throws NSPRError for a malformed trust string, or when login or the change fails
     */
    public void setTrustAttributes(String trust, CertDB certdb, PK11Slot slot) {
        CertVerify.setTrustAttributes(this, trust, certdb, slot, new Object[0]);
    }

    // ---- public key (SubjectPublicKeyInfo) ------------------------------------

    /**
     * The certificate's subject public key info: the key's algorithm and the
     * public key.
     *
     * @return a new SubjectPublicKeyInfo (a copy) on each access
     * @throws NSPRError when NSS cannot extract the key
     */
    @Python("subject_public_key_info")
    public SubjectPublicKeyInfo getSubjectPublicKeyInfo() {
        return with(c -> SubjectPublicKeyInfo.fromNative(c + Layout.CERT_SPKI));
    }
}
