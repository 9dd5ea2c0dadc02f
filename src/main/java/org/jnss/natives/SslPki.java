package org.jnss.natives;

/** The certificate functions of libssl3 used by nss.nss (apart from {@link Ssl3}, which belongs to nss.ssl). */
public final class SslPki {
    static { Nss3.load(); NativeLibs.register(SslPki.class, "ssl3"); }
    private SslPki() {}

    /** {@code SSLKEAType NSS_FindCertKEAType(CERTCertificate *cert)} */
    public static native int NSS_FindCertKEAType(long cert);
    /** {@code SECStatus NSS_CmpCertChainWCANames(CERTCertificate *cert, CERTDistNames *caNames)} */
    public static native int NSS_CmpCertChainWCANames(long cert, long caNames);

    /** {@code SECKEYPrivateKey *SECKEY_CopyPrivateKey(const SECKEYPrivateKey *key)} (libnss3), for SSL client authentication */
    public static long SECKEY_CopyPrivateKey(long key) { return Nss.SECKEY_CopyPrivateKey(key); }

    /** The libnss3 functions the SSL layer needs. */
    private static final class Nss {
        static { NativeLibs.register(Nss.class, "nss3"); }
        static native long SECKEY_CopyPrivateKey(long key);
    }
}
