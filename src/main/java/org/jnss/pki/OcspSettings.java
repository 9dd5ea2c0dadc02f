package org.jnss.pki;

import org.jnss.core.Python;
import org.jnss.natives.Nss3;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
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
        return Nss3.CERT_GetDefaultCertDB();
    }

    private static void check(int status) {
        if (status != 0) throw NSPRError.last();
    }

    @Python(value = "enable_ocsp_checking(certdb=get_default_certdb())", doc = "Turns on OCSP checking for the certificate database.")
    public static void enableChecking(CertDB certdb) {
        check(Nss3.CERT_EnableOCSPChecking(handle(certdb)));
    }

    @Python(value = "disable_ocsp_checking(certdb=get_default_certdb())",
            doc = "Turns off OCSP checking for the certificate database (SEC_ERROR_OCSP_NOT_ENABLED if it is not on).")
    public static void disableChecking(CertDB certdb) {
        check(Nss3.CERT_DisableOCSPChecking(handle(certdb)));
    }

    @Python(value = "set_ocsp_cache_settings(max_cache_entries, min_secs_till_next_fetch, max_secs_till_next_fetch, /)",
            doc = "Sets the size of NSS's OCSP cache (-1 disables it, 0 is unlimited) and its fetch intervals.")
    public static void cacheSettings(int maxCacheEntries, long minSecsTillNextFetch, long maxSecsTillNextFetch) {
        NssRuntime.requireInitialized();
        // the two times are C unsigned ints ("I": masked, never an overflow)
        check(Nss3.CERT_OCSPCacheSettings(maxCacheEntries, (int) minSecsTillNextFetch, (int) maxSecsTillNextFetch));
    }

    @Python(value = "set_ocsp_failure_mode(failure_mode, /)",
            doc = "What an OCSP failure means: ocspMode_FailureIsVerificationFailure or ocspMode_FailureIsNotAVerificationFailure.")
    public static void failureMode(int mode) {
        NssRuntime.requireInitialized();
        check(Nss3.CERT_SetOCSPFailureMode(mode));
    }

    @Python(value = "set_ocsp_timeout(seconds, /)", doc = "The longest NSS waits for an OCSP response, in seconds.")
    public static void timeout(long seconds) {
        check(Nss3.CERT_SetOCSPTimeout((int) seconds));
    }

    @Python(value = "clear_ocsp_cache()", doc = "Removes every response from the OCSP cache.")
    public static void clearCache() {
        NssRuntime.requireInitialized();
        check(Nss3.CERT_ClearOCSPCache());
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(b, b.length + 1);
    }

    @Python(value = "set_ocsp_default_responder(certdb, url, nickname, /)",
            doc = "The location of the default OCSP responder and the nickname of the certificate that signs its responses.")
    public static void defaultResponder(CertDB certdb, String url, String nickname) {
        check(Nss3.CERT_SetOCSPDefaultResponder(certdb.handle(), cString(url), cString(nickname)));
    }

    @Python(value = "enable_ocsp_default_responder(certdb=get_default_certdb())",
            doc = "OCSP checking goes to the default responder (which must have been set).")
    public static void enableDefaultResponder(CertDB certdb) {
        check(Nss3.CERT_EnableOCSPDefaultResponder(handle(certdb)));
    }

    @Python(value = "disable_ocsp_default_responder(certdb=get_default_certdb())",
            doc = "OCSP checking no longer goes to the default responder.")
    public static void disableDefaultResponder(CertDB certdb) {
        check(Nss3.CERT_DisableOCSPDefaultResponder(handle(certdb)));
    }

    @Python(value = "get_use_pkix_for_validation()", doc = "Whether NSS validates certificates with libpkix.")
    public static boolean usePkix() {
        return Nss3.CERT_GetUsePKIXForValidation() != 0;
    }

    /** Sets the flag and returns the previous one. */
    @Python(value = "set_use_pkix_for_validation(flag, /)",
            doc = "Turns validation with libpkix on or off; returns the previous setting.")
    public static boolean setUsePkix(@Python.IntFlag boolean flag) {
        boolean prev = usePkix();
        check(Nss3.CERT_SetUsePKIXForValidation(flag ? 1 : 0));
        return prev;
    }
}
