package org.jnss.nss;

import org.jnss.asn1.Codec;
import org.jnss.asn1.LineFormat;
import org.jnss.asn1.OidNames;
import org.jnss.core.Python;
import org.jnss.core.WorkingDirectory;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nss3;
import org.jnss.pk11.Digests;
import org.jnss.pk11.PK11Context;
import org.jnss.pk11.PK11Slot;
import org.jnss.pk11.PK11SymKey;
import org.jnss.pk11.Passwords;
import org.jnss.pk11.Pk11Slots;
import org.jnss.pk11.PrivateKey;
import org.jnss.pk11.RSAGenParams;
import org.jnss.pk11.SymCipher;
import org.jnss.pkcs12.PKCS12DecodeItem;
import org.jnss.pkcs12.PKCS12Decoder;
import org.jnss.pkcs12.Pkcs12;
import org.jnss.pki.AVA;
import org.jnss.pki.AlgorithmID;
import org.jnss.pki.AuthKeyID;
import org.jnss.pki.AuthorityInfoAccess;
import org.jnss.pki.AuthorityInfoAccesses;
import org.jnss.pki.BasicConstraints;
import org.jnss.pki.CRLDistributionPoint;
import org.jnss.pki.CRLDistributionPts;
import org.jnss.pki.CertAttribute;
import org.jnss.pki.CertDB;
import org.jnss.pki.CertVerify;
import org.jnss.pki.CertVerifyLog;
import org.jnss.pki.CertVerifyLogNode;
import org.jnss.pki.Certificate;
import org.jnss.pki.CertificateExtension;
import org.jnss.pki.CertificateRequest;
import org.jnss.pki.DN;
import org.jnss.pki.GeneralName;
import org.jnss.pki.KEYPQGParams;
import org.jnss.pki.OcspSettings;
import org.jnss.pki.Pki;
import org.jnss.pki.PkiFlags;
import org.jnss.pki.PublicKey;
import org.jnss.pki.PyDSAPublicKey;
import org.jnss.pki.PyRSAPublicKey;
import org.jnss.pki.RDN;
import org.jnss.pki.SignedCRL;
import org.jnss.pki.SignedData;
import org.jnss.pki.SubjectPublicKeyInfo;

import java.util.List;

/**
 * NSS for Python: certificates, keys, digests, ciphers and PKCS #12.
 *
 * <p>The {@code nss.nss} module of python-nss 1.0.1, over the system NSS
 * library: certificate databases and certificates (parsing, verification,
 * trust, extensions, distinguished names, CRLs and certificate requests),
 * PKCS #11 slots and keys, digests, symmetric ciphers, key generation and
 * wrapping, PKCS #12 import and export, OIDs, and the text rendering of all of
 * these. Initialise NSS first ({@code nss_init(dir)} for a certificate
 * database, {@code nss_init_nodb()} without one, {@code nss_initialize()} or
 * {@code nss_init_context()} with options) and call {@code nss_shutdown()} when
 * done; NSS errors are raised as {@code nss.error.NSPRError}.
 *
 * <p>Constants, by family:
 * <ul>
 * <li>{@code NSS_INIT_*}: flags of nss_initialize() and nss_init_context().
 * <li>{@code SEC_OID_*}: NSS's tags of object identifiers (algorithms,
 *     extensions, attribute types), as oid_tag() returns them.
 * <li>{@code CKM_*}: PKCS #11 mechanisms (ciphers, digests, MACs, key
 *     generation and derivation), {@code CKA_*}: PKCS #11 attribute types.
 * <li>{@code certUsage*}: one usage to verify a certificate for;
 *     {@code certificateUsage*}: usage bit flags, as verify() takes and returns.
 * <li>{@code CERTDB_*}: trust flags of a certificate in its database.
 * <li>{@code KU_*}: key usage bits of the X.509 key usage extension.
 * <li>{@code certDirectoryName}, {@code certDNSName},
 *     {@code certEDIPartyName}, {@code certIPAddress}, {@code certOtherName},
 *     {@code certRegisterID}, {@code certRFC822Name}, {@code certURI},
 *     {@code certX400Address}: kinds of general name; {@code generalName},
 *     {@code relativeDistinguishedName}: kinds of CRL distribution point name.
 * <li>{@code crlEntryReason*}: reasons a certificate is revoked;
 *     {@code CRL_DECODE_*}, {@code CRL_IMPORT_*}: options of decode_der_crl()
 *     and import_crl(); {@code SEC_CRL_TYPE}, {@code SEC_KRL_TYPE}: kinds of
 *     revocation list.
 * <li>{@code secCertTime*}: results of a certificate's validity period check.
 * <li>{@code rsaKey}, {@code dsaKey}, {@code ecKey}, ... ({@code *Key}):
 *     public key types; {@code ssl_kea_*}: key exchange kinds of a certificate.
 * <li>{@code PK11_Origin*}: where a symmetric key came from;
 *     {@code PK11_DIS_*}: why a slot is disabled; {@code PK11CertList*}: which
 *     certificates a certificate listing returns;
 *     {@code SEC_CERT_NICKNAMES_*}: which nicknames get_cert_nicknames()
 *     returns.
 * <li>{@code PKCS12_*}: PKCS #12 encryption ciphers.
 * <li>{@code ocspMode_*}: whether an OCSP failure fails verification.
 * <li>{@code As*} ({@code AsString}, {@code AsEnum}, {@code AsObject}, ...):
 *     how a function asked for a representation ({@code repr_kind}) renders a
 *     value.
 * <li>{@code HEX_SEPARATOR_DEFAULT}, {@code OCTETS_PER_LINE_DEFAULT}: the
 *     defaults of the hexadecimal formatting functions.
 * </ul>
 *
 * @implNote This class declares the types, the constants and the functions of
 * initialisation and shutdown. The other functions live in their topic
 * classes (listed in {@code functions}), bound from there: data encodings
 * ({@link Codec}), line formatting ({@link LineFormat}), OIDs
 * ({@link OidNames}), digests ({@link Digests}), slots ({@link Pk11Slots}),
 * keys and ciphers ({@link SymCipher}), certificates and CRLs ({@link Pki}),
 * flags and extension values ({@link PkiFlags}), lookups ({@link CertVerify}),
 * OCSP ({@link OcspSettings}), passwords ({@link Passwords}) and PKCS #12
 * ({@link Pkcs12}). Every function is a plain static Java method, usable from
 * JShell; the {@link Python} annotations give the Python names and signatures.
 */
@Python.Module(value = "nss.nss", types = {SecItem.class, PK11Context.class, PK11Slot.class, InitParameters.class, InitContext.class,
        CertDB.class, Certificate.class, AVA.class, RDN.class, DN.class, AlgorithmID.class, SignedData.class,
        CertificateExtension.class, GeneralName.class, BasicConstraints.class, AuthKeyID.class,
        CRLDistributionPoint.class, CRLDistributionPts.class, AuthorityInfoAccess.class, AuthorityInfoAccesses.class,
        CertificateRequest.class, CertAttribute.class, SignedCRL.class,
        CertVerifyLog.class, CertVerifyLogNode.class, PrivateKey.class,
        SubjectPublicKeyInfo.class, PublicKey.class, PyRSAPublicKey.class, PyDSAPublicKey.class, KEYPQGParams.class,
        PK11SymKey.class, RSAGenParams.class, PKCS12Decoder.class, PKCS12DecodeItem.class},
        functions = {Codec.class, LineFormat.class, OidNames.class, Digests.class, Pk11Slots.class, SymCipher.class,
                Pki.class, PkiFlags.class, CertVerify.class, OcspSettings.class, Passwords.class, Pkcs12.class})
public final class Nss implements NssConstants {
    private Nss() {}

    /** Default separator of the hex formatting functions. */
    @Python("HEX_SEPARATOR_DEFAULT")
    public static final String HEX_SEPARATOR_DEFAULT = ":";

    // ---- initialisation -------------------------------------------------

    private static void check(int rv) {
        if (rv != 0) throw NSPRError.last();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Python("nss_init(cert_dir, /)")
    public static void nssInit(String certDir) {
        NssRuntime.init(true, () -> { check(Nss3.NSS_Init(WorkingDirectory.resolveDatabase(certDir))); return null; });
    }

    @Python("nss_init_read_write(cert_dir, /)")
    public static void nssInitReadWrite(String certDir) {
        NssRuntime.init(true, () -> { check(Nss3.NSS_InitReadWrite(WorkingDirectory.resolveDatabase(certDir))); return null; });
    }

    @Python("nss_init_nodb()")
    public static void nssInitNodb() {
        NssRuntime.init(true, () -> { check(Nss3.NSS_NoDB_Init(null)); return null; });
    }

    /**
     * The configuration directory NSS gets. python-nss passes NULL for None;
     * NSS_Initialize then crashes looking for root certificates in it unless
     * the module database, the certificate database or the root-certificate
     * lookup is off (NSS_INIT_NOMODDB, NSS_INIT_NOCERTDB, NSS_INIT_NOROOTINIT):
     * here that is an NSPRError instead. NSS_InitContext never looks for them
     * (a context with no directory works, as in python-nss).
     */
    private static String configDir(String certDir, int flags, boolean context) {
        if (certDir != null) return WorkingDirectory.resolveDatabase(certDir);
        if (context) return null;
        if ((flags & (NSS_INIT_NOMODDB | NSS_INIT_NOCERTDB | NSS_INIT_NOROOTINIT)) == 0)
            throw new NSPRError("cert_dir is required unless flags include NSS_INIT_NOMODDB, NSS_INIT_NOCERTDB "
                    + "or NSS_INIT_NOROOTINIT", ErrorConstants.SEC_ERROR_INVALID_ARGS);
        return "";
    }

    /** NSS_Initialize; omitted prefixes are empty, the module database defaults to "secmod.db". */
    @Python("nss_initialize(cert_dir=None, cert_prefix=None, key_prefix=None, secmod_name=None, flags=0)")
    public static void nssInitialize(String certDir, String certPrefix, String keyPrefix, String secmodName, int flags) {
        String dir = configDir(certDir, flags, false);
        NssRuntime.init(true, () -> {
            check(Nss3.NSS_Initialize(dir, orEmpty(certPrefix), orEmpty(keyPrefix),
                    secmodName == null ? "secmod.db" : secmodName, flags));
            return null;
        });
    }

    @Python("nss_init_context(cert_dir=None, cert_prefix=None, key_prefix=None, secmod_name=None, init_params=None, flags=0)")
    public static InitContext nssInitContext(String certDir, String certPrefix, String keyPrefix, String secmodName,
                                             InitParameters initParams, int flags) {
        String dir = configDir(certDir, flags, true);
        return NssRuntime.init(false, () -> {
            long params = initParams == null ? 0 : initParams.toNative();
            try {
                long ctx = Nss3.NSS_InitContext(dir, orEmpty(certPrefix), orEmpty(keyPrefix),
                        secmodName == null ? "secmod.db" : secmodName, params, flags);
                if (ctx == 0) throw NSPRError.last();
                return new InitContext(ctx);
            } finally {
                InitParameters.freeNative(params);
            }
        });
    }

    @Python("nss_shutdown()")
    public static void nssShutdown() {
        NssRuntime.shutdown();
    }

    @Python("nss_shutdown_context(context, /)")
    public static void nssShutdownContext(InitContext context) {
        context.shutdown();
    }

    @Python("nss_is_initialized()")
    public static boolean nssIsInitialized() {
        return NssRuntime.isInitialized();
    }

    @Python("nss_get_version()")
    public static String nssGetVersion() {
        String v = Nss3.NSS_GetVersion();
        if (v == null) throw NSPRError.last();
        return v;
    }

    @Python("nss_version_check(version, /)")
    public static boolean nssVersionCheck(String version) {
        return Nss3.NSS_VersionCheck(version) != 0;
    }

    /** callback(nss_data_dict, *user_data) is called when NSS shuts down; None cancels it. */
    @Python("set_shutdown_callback(callback, /, *user_data)")
    public static void setShutdownCallback(@Python.OrNone NssRuntime.ShutdownCallback callback, Object... userData) {
        NssRuntime.setShutdownCallback(callback, userData);
    }

    private static final String[][] INIT_FLAGS = {
            {"NSS_INIT_READONLY", "Read Only"}, {"NSS_INIT_NOCERTDB", "No Certificate Database"},
            {"NSS_INIT_NOMODDB", "No Module Database"}, {"NSS_INIT_FORCEOPEN", "Force Open"},
            {"NSS_INIT_NOROOTINIT", "No Root Init"}, {"NSS_INIT_OPTIMIZESPACE", "Optimize Space"},
            {"NSS_INIT_PK11THREADSAFE", "PK11 Thread Safe"}, {"NSS_INIT_PK11RELOAD", "PK11 Reload"},
            {"NSS_INIT_NOPK11FINALIZE", "No PK11 Finalize"}, {"NSS_INIT_RESERVED", "Reserved"},
    };

    /**
     * The NSS_INIT_* bits set in flags as a sorted list of their values,
     * names or descriptions (per repr_kind), plus "unknown bit flags N" (N in
     * hex, as Python 2 formats python-nss's message) for bits without a name.
     * (python-nss 1.0.1 fails with SystemError here; this is what its
     * documentation describes.)
     */
    @Python("nss_init_flags(flags, repr_kind=AsEnumName)")
    public static List<Object> nssInitFlags(int flags, int reprKind) {
        PkiFlags.Flag[] table = new PkiFlags.Flag[INIT_FLAGS.length];
        for (int i = 0; i < table.length; i++)
            table[i] = new PkiFlags.Flag(constant(INIT_FLAGS[i][0]), INIT_FLAGS[i][0], INIT_FLAGS[i][1]);
        return PkiFlags.flags(table, flags, reprKind);
    }

    private static int constant(String name) {
        try {
            return NssConstants.class.getField(name).getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

}
