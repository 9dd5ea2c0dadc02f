package org.jnss.natives;

/** The certificate functions of libssl3 used by nss.nss (apart from {@link Ssl3}, which belongs to nss.ssl). */
public final class SslPki {
    static { Nss3.load(); NativeLibs.register(SslPki.class, "ssl3"); }
    private SslPki() {}

    /** {@code SSLKEAType NSS_FindCertKEAType(CERTCertificate *cert)} */
    public static native int NSS_FindCertKEAType(long cert);
    /** {@code SECStatus NSS_CmpCertChainWCANames(CERTCertificate *cert, CERTDistNames *caNames)} */
    public static native int NSS_CmpCertChainWCANames(long cert, long caNames);
}
