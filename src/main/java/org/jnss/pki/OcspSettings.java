package org.jnss.pki;

import org.jnss.core.Python;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;


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
        return CertDB.currentDefault();
    }

    private static void check(int status) {
        if (status != 0) throw NSPRError.last();
    }

    /**
     * Turns on OCSP checking for the certificates of a database
     * (CERT_EnableOCSPChecking): from then on verification asks the responder
     * of each certificate's authority information access extension (or the
     * default responder) for its status.
     *
     * @param certdb the database; null (None) or omitted for the default one
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when there is no database (NSS
     *         not initialized); NSS's error when it fails
     */
    @Python("enable_ocsp_checking(certdb=get_default_certdb())")
    public static void enableChecking(CertDB certdb) {
        check(Nss3.CERT_EnableOCSPChecking(handle(certdb)));
    }

    /**
     * Turns off OCSP checking for the certificates of a database
     * (CERT_DisableOCSPChecking).
     *
     * @param certdb the database; null (None) or omitted for the default one
     * @throws NSPRError SEC_ERROR_OCSP_NOT_ENABLED when checking is not on;
     *         SEC_ERROR_INVALID_ARGS when there is no database (NSS not initialized)
     */
    @Python("disable_ocsp_checking(certdb=get_default_certdb())")
    public static void disableChecking(CertDB certdb) {
        check(Nss3.CERT_DisableOCSPChecking(handle(certdb)));
    }

    /**
     * Configures NSS's cache of OCSP responses (CERT_OCSPCacheSettings): its
     * size and how soon a cached status is fetched again.
     *
     * @param maxCacheEntries the most responses kept; -1 disables the cache, 0
     *        means no limit
     * @param minSecsTillNextFetch the least time, in seconds, before a cached
     *        response is fetched again (taken as a C unsigned int: masked to 32 bits)
     * @param maxSecsTillNextFetch the longest time, in seconds, a response is
     *        used before it is fetched again (masked to 32 bits as well)
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized;
     *         SEC_ERROR_INVALID_ARGS for inconsistent settings (e.g. a minimum
     *         above the maximum)
     */
    @Python("set_ocsp_cache_settings(max_cache_entries, min_secs_till_next_fetch, max_secs_till_next_fetch, /)")
    public static void cacheSettings(int maxCacheEntries, @Python.Unsigned('I') long minSecsTillNextFetch,
                                     @Python.Unsigned('I') long maxSecsTillNextFetch) {
        NssRuntime.requireInitialized();
        // the two times are C unsigned ints ("I": masked, never an overflow)
        check(Nss3.CERT_OCSPCacheSettings(maxCacheEntries, (int) minSecsTillNextFetch, (int) maxSecsTillNextFetch));
    }

    /**
     * Chooses what a failure to get an OCSP status (no response, a server
     * error) means for verification (CERT_SetOCSPFailureMode).
     *
     * @param mode ocspMode_FailureIsVerificationFailure (the certificate fails
     *        verification) or ocspMode_FailureIsNotAVerificationFailure (the
     *        failure is ignored)
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for another value;
     *         SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("set_ocsp_failure_mode(failure_mode, /)")
    public static void failureMode(int mode) {
        // NSS refuses an unknown mode before it touches its OCSP state (which needs NSS up)
        if (mode != NssConstants.ocspMode_FailureIsVerificationFailure && mode != NssConstants.ocspMode_FailureIsNotAVerificationFailure)
            throw new NSPRError(null, ErrorConstants.SEC_ERROR_INVALID_ARGS);
        NssRuntime.requireInitialized();
        check(Nss3.CERT_SetOCSPFailureMode(mode));
    }

    /**
     * Sets how long NSS waits for an OCSP responder (CERT_SetOCSPTimeout).
     *
     * @param seconds the timeout in seconds (taken as a C unsigned int)
     */
    @Python("set_ocsp_timeout(seconds, /)")
    public static void timeout(@Python.Unsigned('I') long seconds) {
        check(Nss3.CERT_SetOCSPTimeout((int) seconds));
    }

    /**
     * Removes every response from NSS's OCSP cache (CERT_ClearOCSPCache), so
     * the next checks ask the responders again.
     *
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("clear_ocsp_cache()")
    public static void clearCache() {
        NssRuntime.requireInitialized();
        check(Nss3.CERT_ClearOCSPCache());
    }

    /**
     * Sets the default OCSP responder (CERT_SetOCSPDefaultResponder): its URL
     * and the certificate that signs its responses. It is used only once
     * enabled with {@link #enableDefaultResponder enable_ocsp_default_responder()}.
     *
     * @param certdb the certificate database
     * @param url the responder's location, e.g. "http://ocsp.example.com:8080"
     * @param nickname the nickname of the responder's signing certificate,
     *        which must be in the database
     * @throws NSPRError when NSS refuses the settings
     */
    @Python("set_ocsp_default_responder(certdb, url, nickname, /)")
    public static void defaultResponder(CertDB certdb, String url, String nickname) {
        check(Nss3.CERT_SetOCSPDefaultResponder(certdb.handle(), Mem.utf8z(url), Mem.utf8z(nickname)));
    }

    /**
     * Sends every OCSP request to the default responder, whatever the
     * certificates name (CERT_EnableOCSPDefaultResponder).
     *
     * @param certdb the database; null (None) or omitted for the default one
     * @throws NSPRError SEC_ERROR_OCSP_NO_DEFAULT_RESPONDER when none was set
     *         with set_ocsp_default_responder(); SEC_ERROR_INVALID_ARGS when
     *         there is no database (NSS not initialized)
     */
    @Python("enable_ocsp_default_responder(certdb=get_default_certdb())")
    public static void enableDefaultResponder(CertDB certdb) {
        check(Nss3.CERT_EnableOCSPDefaultResponder(handle(certdb)));
    }

    /**
     * Stops sending OCSP requests to the default responder: each
     * certificate's own responder is asked again
     * (CERT_DisableOCSPDefaultResponder).
     *
     * @param certdb the database; null (None) or omitted for the default one
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when there is no database (NSS
     *         not initialized); NSS's error when it fails
     */
    @Python("disable_ocsp_default_responder(certdb=get_default_certdb())")
    public static void disableDefaultResponder(CertDB certdb) {
        check(Nss3.CERT_DisableOCSPDefaultResponder(handle(certdb)));
    }

    /**
     * Whether NSS verifies certificates with its libpkix engine rather than
     * the classic one (CERT_GetUsePKIXForValidation).
     *
     * @return true when libpkix is used
     */
    @Python("get_use_pkix_for_validation()")
    public static boolean usePkix() {
        return Nss3.CERT_GetUsePKIXForValidation() != 0;
    }

    /**
     * Chooses NSS's libpkix engine (flag true) or the classic one (false) for
     * certificate verification (CERT_SetUsePKIXForValidation).
     *
     * @param flag true to use libpkix (an int, long or bool in Python; nonzero is true)
     * @return the previous setting
     * @throws NSPRError when NSS refuses the change
     */
    @Python("set_use_pkix_for_validation(flag, /)")
    public static boolean setUsePkix(@Python.IntFlag boolean flag) {
        boolean prev = usePkix();
        check(Nss3.CERT_SetUsePKIXForValidation(flag ? 1 : 0));
        return prev;
    }
}
