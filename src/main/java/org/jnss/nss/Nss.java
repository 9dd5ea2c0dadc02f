package org.jnss.nss;

import org.jnss.asn1.Codec;
import org.jnss.asn1.LineFormat;
import org.jnss.asn1.OidNames;
import org.jnss.core.Python;
import org.jnss.core.WorkingDirectory;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
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

    /** The default octet separator of the hex formatting functions: {@code ":"}. */
    @Python("HEX_SEPARATOR_DEFAULT")
    public static final String HEX_SEPARATOR_DEFAULT = ":";

    // ---- initialisation -------------------------------------------------

    private static void check(int rv) {
        if (rv != 0) throw NSPRError.last();
    }

    /** The C strings the plain initialisations give NSS_Initialize. */
    private static final byte[] EMPTY = Mem.utf8z(""), SECMOD_DB = Mem.utf8z("secmod.db");

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Whether {@link #nssInit}, {@link #nssInitReadWrite} and {@link #nssInitNodb}
     * ask NSS for its time-optimised tables. NSS's convenience functions
     * ({@code NSS_Init}, {@code NSS_InitReadWrite}, {@code NSS_NoDB_Init}) are
     * {@code NSS_Initialize} with the same options plus NSS_INIT_OPTIMIZESPACE,
     * which makes softoken keep its PKCS #11 sessions in 32 hash buckets behind
     * one lock shared by every session: each digest, cipher or key operation
     * takes that lock, so threads working at once queue on it (two threads
     * digesting took 3x the time of one doing all the work, in C), and sessions
     * still open (contexts and keys not yet released) lengthen every lookup.
     * These three call {@code NSS_Initialize} with exactly their options but
     * that one, and get 1,024 buckets with a lock each; databases, modules,
     * errors and results are the same. The cost: softoken's object searches
     * walk every bucket ({@code Certificate(der)} under {@code nss_init_nodb()}
     * ~0.6 µs slower). {@code -Djnss.nss.spaceTables=true} goes back to NSS's
     * convenience functions.
     */
    private static final boolean TIME_TABLES = !Boolean.getBoolean("jnss.nss.spaceTables");

    /**
     * Initializes NSS from a configuration directory, read-only: the
     * certificate and key databases and the module list are opened without
     * write access, so the internal key slot cannot store new keys or
     * certificates (use {@link #nssInitReadWrite} for that). Does what
     * {@code NSS_Init} does, with NSS's larger session tables (so that
     * threads do not queue on one lock). Does nothing when NSS is already
     * initialized other than by a context.
     *
     * <p>A relative directory is taken relative to the program's current
     * directory (a script's {@code os.chdir} included); a {@code sql:} or
     * {@code dbm:} prefix chooses the database format.
     *
     * @param certDir the database directory, e.g. {@code "sql:pki"}
     * @throws NSPRError SEC_ERROR_BAD_DATABASE when the directory does not hold
     *                   NSS databases, or another NSS error of the initialization
     */
    @Python("nss_init(cert_dir, /)")
    public static void nssInit(String certDir) {
        NssRuntime.init(true, () -> {
            String dir = WorkingDirectory.resolveDatabase(certDir);
            check(TIME_TABLES ? Nss3.NSS_Initialize(Mem.utf8z(dir), EMPTY, EMPTY, SECMOD_DB, NSS_INIT_READONLY) : Nss3.NSS_Init(Mem.utf8z(dir)));
            return null;
        });
    }

    /**
     * Initializes NSS from a configuration directory with write access, so
     * keys and certificates can be stored in its databases (missing databases
     * are created), as {@code NSS_InitReadWrite} does (with NSS's larger
     * session tables); otherwise as {@link #nssInit}.
     *
     * @param certDir the database directory, relative to the current directory
     *                unless absolute, optionally prefixed {@code sql:} or {@code dbm:}
     * @throws NSPRError SEC_ERROR_BAD_DATABASE when the databases cannot be opened
     *                   or created, or another NSS error of the initialization
     */
    @Python("nss_init_read_write(cert_dir, /)")
    public static void nssInitReadWrite(String certDir) {
        NssRuntime.init(true, () -> {
            String dir = WorkingDirectory.resolveDatabase(certDir);
            check(TIME_TABLES ? Nss3.NSS_Initialize(Mem.utf8z(dir), EMPTY, EMPTY, SECMOD_DB, 0) : Nss3.NSS_InitReadWrite(Mem.utf8z(dir)));
            return null;
        });
    }

    /**
     * Initializes NSS without any database: only the built-in cryptographic
     * module and a temporary in-memory certificate store. Enough for digests,
     * ciphers, and decoding or verifying certificates held in memory; not for
     * anything that needs stored keys. Does what {@code NSS_NoDB_Init} does,
     * with NSS's larger session tables (so that threads do not queue on one
     * lock). Calling it again while NSS is up does nothing.
     *
     * @throws NSPRError when NSS cannot be initialized
     */
    @Python("nss_init_nodb()")
    public static void nssInitNodb() {
        NssRuntime.init(true, () -> {
            check(TIME_TABLES ? Nss3.NSS_Initialize(EMPTY, EMPTY, EMPTY, EMPTY, NSS_INIT_READONLY | NSS_INIT_NOCERTDB
                    | NSS_INIT_NOMODDB | NSS_INIT_FORCEOPEN | NSS_INIT_NOROOTINIT) : Nss3.NSS_NoDB_Init(null));
            return null;
        });
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

    /**
     * Initializes NSS with every option of {@code NSS_Initialize}: database
     * file prefixes, the name of the module database and NSS_INIT_* flags.
     * Unlike {@link #nssInit}, the databases are opened read-write unless
     * {@code flags} has NSS_INIT_READONLY.
     *
     * <p>The flags, combined with {@code |}: NSS_INIT_READONLY (open the
     * databases read-only), NSS_INIT_NOCERTDB (no certificate and key
     * databases, a temporary store only), NSS_INIT_NOMODDB (no module
     * database, the built-in module only), NSS_INIT_FORCEOPEN (initialize even
     * when the databases cannot be opened), NSS_INIT_NOROOTINIT (do not load
     * the root certificates module), NSS_INIT_OPTIMIZESPACE (smaller caches),
     * and the PKCS #11 cooperation flags NSS_INIT_PK11THREADSAFE,
     * NSS_INIT_PK11RELOAD, NSS_INIT_NOPK11FINALIZE, NSS_INIT_RESERVED (all four:
     * NSS_INIT_COOPERATE), for processes where other code uses the same PKCS #11
     * modules. {@link #nssInitFlags} names the bits of a value.
     *
     * @param certDir    the database directory (relative to the current directory
     *                   unless absolute, optionally prefixed {@code sql:} or {@code dbm:});
     *                   null (omitted in Python, the default; None is a TypeError, as
     *                   in python-nss) is allowed only with
     *                   NSS_INIT_NOMODDB, NSS_INIT_NOCERTDB or NSS_INIT_NOROOTINIT
     * @param certPrefix prefix of the certificate database's file name, e.g.
     *                   {@code "server1-"}; null (the default) for none
     * @param keyPrefix  prefix of the key database's file name; null (the default) for none
     * @param secmodName file name of the module database; null (the default) means
     *                   {@code "secmod.db"}
     * @param flags      NSS_INIT_* bits; 0 (the default) for none
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when NSS is not initialized and {@code certDir} is null without one of
     *                   the flags above (NSS would crash looking for root certificates);
     *                   SEC_ERROR_BAD_DATABASE when the databases cannot be opened;
     *                   another NSS error of the initialization
     */
    @Python("nss_initialize(cert_dir=, cert_prefix=, key_prefix=, secmod_name=, flags=0)")
    public static void nssInitialize(String certDir, String certPrefix, String keyPrefix, String secmodName, @Python.Unsigned int flags) {
        // once NSS is up, NSS_Initialize succeeds at once whatever it is given
        String dir = certDir == null && NssRuntime.isInitialized() ? null : configDir(certDir, flags, false);
        NssRuntime.init(true, () -> {
            check(Nss3.NSS_Initialize(Mem.utf8z(dir), Mem.utf8z(orEmpty(certPrefix)), Mem.utf8z(orEmpty(keyPrefix)),
                    Mem.utf8z(secmodName == null ? "secmod.db" : secmodName), flags));
            return null;
        });
    }

    /**
     * Initializes NSS as one of several independent users in the process
     * ({@code NSS_InitContext}), e.g. a library that must not disturb the
     * application's own initialization. NSS stays up until every context is
     * shut down and, if there was one, the plain initialization too.
     *
     * <p>The context lives until {@link InitContext#shutdown()} or
     * {@link #nssShutdownContext}; unlike python-nss, dropping it does not shut
     * it down. In Java, try-with-resources closes it. The databases are opened
     * read-write unless {@code flags} has NSS_INIT_READONLY; the flags are those
     * of {@link #nssInitialize}.
     *
     * @param certDir    the database directory (relative to the current directory unless
     *                   absolute, optionally prefixed {@code sql:} or {@code dbm:}); null
     *                   (omitted in Python, the default; None is a TypeError, as in
     *                   python-nss) for none
     * @param certPrefix prefix of the certificate database's file name; null (the default) for none
     * @param keyPrefix  prefix of the key database's file name; null (the default) for none
     * @param secmodName file name of the module database; null (the default) means {@code "secmod.db"}
     * @param initParams parameters of the internal token (descriptions, password
     *                   rules); null (omitted, the default) for NSS's defaults
     * @param flags      NSS_INIT_* bits; 0 (the default) for none
     * @return the new context
     * @throws NSPRError SEC_ERROR_BAD_DATABASE when the databases cannot be opened,
     *                   or another NSS error of the initialization
     */
    @Python("nss_init_context(cert_dir=, cert_prefix=, key_prefix=, secmod_name=, init_params=, flags=0)")
    public static InitContext nssInitContext(String certDir, String certPrefix, String keyPrefix, String secmodName,
                                             InitParameters initParams, @Python.Unsigned int flags) {
        String dir = configDir(certDir, flags, true);
        return NssRuntime.init(false, () -> {
            long params = initParams == null ? 0 : initParams.toNative();
            try {
                long ctx = Nss3.NSS_InitContext(Mem.utf8z(dir), Mem.utf8z(orEmpty(certPrefix)), Mem.utf8z(orEmpty(keyPrefix)),
                        Mem.utf8z(secmodName == null ? "secmod.db" : secmodName), params, flags);
                if (ctx == 0) throw NSPRError.last();
                return new InitContext(ctx);
            } finally {
                InitParameters.freeNative(params);
            }
        });
    }

    /**
     * Ends the plain initialization ({@code NSS_Shutdown}) and with it every
     * init context; NSS can be initialized again afterwards. First the SSL
     * session cache is cleared and every NSS object the program no longer
     * references is released (what CPython's reference counting does in
     * python-nss). Should an NSS object outlive NSS all the same, using it
     * raises NSPRError SEC_ERROR_NOT_INITIALIZED instead of touching freed memory.
     *
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED when there is no plain
     *                   initialization; SEC_ERROR_BUSY when the program still holds
     *                   NSS objects (certificates, keys, slots, contexts, sockets):
     *                   NSS then stays up and usable; close or drop them and call again
     */
    @Python("nss_shutdown()")
    public static void nssShutdown() {
        NssRuntime.shutdown();
    }

    /**
     * Shuts an init context down, the same as {@link InitContext#shutdown()}.
     * When it was the last context and there is no plain initialization, NSS
     * shuts down as a whole (see {@link #nssShutdown}).
     *
     * @param context a context returned by {@link #nssInitContext}
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED when the context was already shut
     *                   down; SEC_ERROR_BUSY when NSS would go down while the program
     *                   still holds NSS objects (the context then stays open)
     */
    @Python("nss_shutdown_context(context, /)")
    public static void nssShutdownContext(InitContext context) {
        context.shutdown();
    }

    /**
     * Tells whether NSS is initialized, by any of the initialization functions
     * or a context ({@code NSS_IsInitialized}).
     *
     * @return true if NSS is up
     */
    @Python("nss_is_initialized()")
    public static boolean nssIsInitialized() {
        return NssRuntime.isInitialized();
    }

    /**
     * The version of the NSS library in use ({@code NSS_GetVersion}).
     * Works before initialization.
     *
     * @return the version string, e.g. {@code "3.87"}
     * @throws NSPRError if the library gives none
     */
    @Python("nss_get_version()")
    public static String nssGetVersion() {
        String v = Mem.cString(Nss3.NSS_GetVersion());
        if (v == null) throw NSPRError.last();
        return v;
    }

    /**
     * Tells whether the NSS library in use is compatible with a version an
     * application needs ({@code NSS_VersionCheck}): the same major version and
     * at least the given minor and patch levels.
     *
     * @param version the needed version, e.g. {@code "3.2"}
     * @return true if the library satisfies it
     */
    @Python("nss_version_check(version, /)")
    public static boolean nssVersionCheck(String version) {
        return Nss3.NSS_VersionCheck(Mem.utf8z(version)) != 0;
    }

    /**
     * Sets the function called when NSS shuts down, as
     * {@code callback(nss_data, *user_data)}: {@code nss_data} is a dict (empty)
     * and {@code user_data} the extra arguments given here. The callback returns
     * True for success; False makes the shutdown fail after it completed, and a
     * non-bool result is reported on stderr and counts as failure. An exception
     * in the callback is printed and ignored.
     *
     * <p>The callback belongs to the current NSS session: it is forgotten when
     * NSS shuts down, and a callback set while NSS is down is ignored, so set it
     * after each initialization.
     *
     * @param callback the function, or null (None in Python) to cancel the current one
     * @param userData further arguments handed to the callback after {@code nss_data}
     * @throws NSPRError when NSS refuses to register the callback
     */
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
     * Lists the NSS_INIT_* bits set in a flags value, e.g. for printing the
     * flags given to {@link #nssInitialize}. The list is sorted, and bits
     * without a name add one entry "unknown bit flags N" (N in hex, without 0x).
     * python-nss 1.0.1 fails with SystemError here; this is what its
     * documentation describes.
     *
     * @param flags    NSS_INIT_* bits
     * @param reprKind what each entry is: AsEnumName (the default) the constant's
     *                 name, e.g. {@code "NSS_INIT_READONLY"}; AsEnum its int value;
     *                 AsEnumDescription a short description, e.g. {@code "Read Only"}
     * @return the entries (Python strs or ints)
     * @throws IllegalArgumentException for another {@code reprKind} (Python's ValueError)
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
