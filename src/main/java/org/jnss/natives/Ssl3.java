package org.jnss.natives;

import com.sun.jna.Callback;

/** Direct-mapped functions of libssl3. Pointers are {@code long} addresses; SECStatus is 0 (success) or -1. */
public final class Ssl3 {
    static { Nss3.load(); NativeLibs.register(Ssl3.class, "ssl3"); }
    private Ssl3() {}

    public static void load() {}

    /** {@code SECStatus (*SSLAuthCertificate)(void *arg, PRFileDesc *fd, PRBool checkSig, PRBool isServer)} */
    public interface AuthCertificate extends Callback {
        int invoke(long arg, long fd, int checkSig, int isServer);
    }

    /** {@code SECStatus (*SSLGetClientAuthData)(void *arg, PRFileDesc *fd, CERTDistNames *caNames,
     *  CERTCertificate **pRetCert, SECKEYPrivateKey **pRetKey)} */
    public interface GetClientAuthData extends Callback {
        int invoke(long arg, long fd, long caNames, long pRetCert, long pRetKey);
    }

    /** {@code void (*SSLHandshakeCallback)(PRFileDesc *fd, void *clientData)} */
    public interface HandshakeCallback extends Callback {
        void invoke(long fd, long clientData);
    }

    public static native void SSL_ClearSessionCache();

    /** const PRUint16 *: the cipher suites this NSS implements, in preference order. */
    public static native long SSL_GetImplementedCiphers();
    public static native short SSL_GetNumImplementedCiphers();

    // cipher suites, policies, defaults (the getters write through their last argument, an int's address)
    public static native int SSL_GetCipherSuiteInfo(short suite, long info, int len);
    public static native int SSL_CipherPolicySet(int suite, int policy);
    public static native int SSL_CipherPolicyGet(int suite, long policy);
    public static native int SSL_CipherPrefSetDefault(int suite, int enabled);
    public static native int SSL_CipherPrefGetDefault(int suite, long enabled);
    public static native int SSL_CipherPrefSet(long fd, int suite, int enabled);
    public static native int SSL_CipherPrefGet(long fd, int suite, long enabled);
    public static native int NSS_SetDomesticPolicy();
    public static native int NSS_SetExportPolicy();
    public static native int NSS_SetFrancePolicy();

    // options (the getters write through their last argument, an int's address)
    public static native int SSL_OptionSetDefault(int option, int value);
    public static native int SSL_OptionGetDefault(int option, long value);
    public static native int SSL_OptionSet(long fd, int option, int value);
    public static native int SSL_OptionGet(long fd, int option, long value);

    // version ranges (SSLVersionRange: two PRUint16, min then max)
    public static native int SSL_VersionRangeGetSupported(int variant, long range);
    public static native int SSL_VersionRangeGetDefault(int variant, long range);
    public static native int SSL_VersionRangeSetDefault(int variant, long range);
    public static native int SSL_VersionRangeGet(long fd, long range);
    public static native int SSL_VersionRangeSet(long fd, long range);

    // server session cache
    public static native int SSL_ConfigServerSessionIDCache(int maxCacheEntries, int ssl2Timeout, int ssl3Timeout, byte[] directory);
    public static native int SSL_ConfigMPServerSIDCache(int maxCacheEntries, int ssl2Timeout, int ssl3Timeout, byte[] directory);
    public static native int SSL_ConfigServerSessionIDCacheWithOpt(int ssl2Timeout, int ssl3Timeout, byte[] directory,
            int maxCacheEntries, int maxCertCacheEntries, int maxSrvNameCacheEntries, int enableMPCache);
    public static native int SSL_ShutdownServerSessionIDCache();
    public static native int SSL_GetMaxServerCacheLocks();
    public static native int SSL_SetMaxServerCacheLocks(int maxLocks);

    // sockets
    public static native long SSL_ImportFD(long model, long fd);
    public static native int SSL_SetURL(long fd, byte[] url);
    /** char *: PORT_Free */
    public static native long SSL_RevealURL(long fd);
    public static native int SSL_SetPKCS11PinArg(long fd, long arg);
    public static native int SSL_AuthCertificateHook(long fd, AuthCertificate f, long arg);
    public static native int SSL_GetClientAuthDataHook(long fd, GetClientAuthData f, long arg);
    public static native int SSL_HandshakeCallback(long fd, HandshakeCallback cb, long clientData);
    public static native int SSL_ForceHandshake(long fd);
    public static native int SSL_ForceHandshakeWithTimeout(long fd, int timeout);
    public static native int SSL_ReHandshake(long fd, int flushCache);
    public static native int SSL_ReHandshakeWithTimeout(long fd, int flushCache, int timeout);
    public static native int SSL_ResetHandshake(long fd, int asServer);
    public static native int SSL_InvalidateSession(long fd);
    public static native int SSL_DataPending(long fd);
    public static native int SSL_SetSockPeerID(long fd, byte[] peerID);
    public static native int SSL_CertDBHandleSet(long fd, long dbHandle);
    /** CERTCertificate * the caller owns, or NULL */
    public static native long SSL_PeerCertificate(long fd);
    /** the peer's certificate (a new reference), or NULL */
    public static native long SSL_RevealCert(long fd);
    /** SECItem * (SECITEM_FreeItem(item, PR_TRUE)), or NULL */
    public static native long SSL_GetSessionID(long fd);
    public static native long SSL_GetNegotiatedHostInfo(long fd);
    public static native int SSL_GetChannelInfo(long fd, long info, int len);
    public static native int SSL_SecurityStatus(long fd, long on, long cipher, long keySize, long secretKeySize,
            long issuer, long subject);
    public static native int SSL_ConfigSecureServer(long fd, long cert, long key, int kea);

    // certificate functions used by nss.nss
    /** {@code SSLKEAType NSS_FindCertKEAType(CERTCertificate *cert)} */
    public static native int NSS_FindCertKEAType(long cert);
    /** {@code SECStatus NSS_CmpCertChainWCANames(CERTCertificate *cert, CERTDistNames *caNames)} */
    public static native int NSS_CmpCertChainWCANames(long cert, long caNames);
}
