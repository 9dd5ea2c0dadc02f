package org.jnss.pki;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.NssPki;
import org.jnss.natives.NssPkix;
import org.jnss.nss.Nss;
import org.jnss.nss.NssRuntime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The OCSP and PKIX validation settings of nss.nss (bound in {@link Nss}).
 * The cache, failure mode and clear functions touch NSS's OCSP state, which
 * exists only while NSS is initialised: before that they raise
 * SEC_ERROR_NOT_INITIALIZED (python-nss crashes there); the functions taking
 * a certificate database raise SEC_ERROR_INVALID_ARGS without one.
 */
public final class OcspSettings {
    private OcspSettings() {}

    /**
     * The handle of certdb, or NSS's default one. Without NSS there is none:
     * SEC_ERROR_INVALID_ARGS, which is what NSS answers for the NULL handle
     * before NSS_Init (after NSS_Shutdown its OCSP state is gone and NSS would
     * crash).
     */
    private static long handle(CertDB certdb) {
        if (certdb != null) return certdb.handle();
        if (!NssRuntime.isInitialized()) throw new NSPRError(null, ErrorConstants.SEC_ERROR_INVALID_ARGS);
        return NssPki.CERT_GetDefaultCertDB();
    }

    private static void check(int status) {
        if (status != 0) throw NSPRError.last();
    }

    public static void enableChecking(CertDB certdb) {
        check(NssPkix.CERT_EnableOCSPChecking(handle(certdb)));
    }

    public static void disableChecking(CertDB certdb) {
        check(NssPkix.CERT_DisableOCSPChecking(handle(certdb)));
    }

    public static void cacheSettings(int maxCacheEntries, long minSecsTillNextFetch, long maxSecsTillNextFetch) {
        NssRuntime.requireInitialized();
        // the two times are C unsigned ints ("I": masked, never an overflow)
        check(NssPkix.CERT_OCSPCacheSettings(maxCacheEntries, (int) minSecsTillNextFetch, (int) maxSecsTillNextFetch));
    }

    public static void failureMode(int mode) {
        NssRuntime.requireInitialized();
        check(NssPkix.CERT_SetOCSPFailureMode(mode));
    }

    public static void timeout(long seconds) {
        check(NssPkix.CERT_SetOCSPTimeout((int) seconds));
    }

    public static void clearCache() {
        NssRuntime.requireInitialized();
        check(NssPkix.CERT_ClearOCSPCache());
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(b, b.length + 1);
    }

    public static void defaultResponder(CertDB certdb, String url, String nickname) {
        check(NssPkix.CERT_SetOCSPDefaultResponder(certdb.handle(), cString(url), cString(nickname)));
    }

    public static void enableDefaultResponder(CertDB certdb) {
        check(NssPkix.CERT_EnableOCSPDefaultResponder(handle(certdb)));
    }

    public static void disableDefaultResponder(CertDB certdb) {
        check(NssPkix.CERT_DisableOCSPDefaultResponder(handle(certdb)));
    }

    public static boolean usePkix() {
        return NssPkix.CERT_GetUsePKIXForValidation() != 0;
    }

    /** Sets the flag and returns the previous one. */
    public static boolean setUsePkix(int flag) {
        boolean prev = usePkix();
        check(NssPkix.CERT_SetUsePKIXForValidation(flag != 0 ? 1 : 0));
        return prev;
    }
}
