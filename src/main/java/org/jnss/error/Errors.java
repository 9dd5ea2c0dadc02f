package org.jnss.error;

import org.jnss.core.Python;

/**
 * NSPR, NSS and SSL errors: their codes, descriptions and exceptions.
 *
 * <p>The {@code nss.error} module of python-nss 1.0.1. Every failure of the
 * {@code nss} package reported by NSPR or NSS is raised as {@code NSPRError}
 * (a subclass of {@code StandardError}), carrying the error code, its name and
 * NSS's description; certificate verification raises its subclass
 * {@code CertVerifyError}, which adds the usages that did verify and the
 * verification log. {@code get_nspr_error_string(code)} describes a code.
 *
 * <p>Constants, by family: {@code PR_*_ERROR} are NSPR's error codes (I/O,
 * network, system), {@code SEC_ERROR_*} NSS's (certificates, keys,
 * databases, PKCS #11, OCSP), {@code SSL_ERROR_*} those of the SSL/TLS
 * library, {@code XP_*} a few older NSS codes, and {@code SUCCESS} is 0. Each
 * is listed below with its description, in code order.
 */
@Python.Module("nss.error")
public final class Errors implements ErrorConstants {
    private Errors() {}

    /**
     * The generated part of the module's docstring (after the text above):
     * every error, in code order, as python-nss lists them.
     */
    @Python("__doc__")
    public static final String DOC = moduleDoc();

    private static String moduleDoc() {
        // (no stream: its machinery would be set up for this alone at every start)
        java.util.List<ErrorTable.Entry> byCode = new java.util.ArrayList<>(ErrorTable.all());
        byCode.sort(java.util.Comparator.comparingInt(ErrorTable.Entry::code));
        StringBuilder sb = new StringBuilder(64 * 1024).append("NSPR Error Constants:\n\n");
        for (ErrorTable.Entry e : byCode) sb.append(e.name()).append(": ").append(e.description()).append("\n\n");
        return sb.toString();
    }

    /**
     * Looks up the description of an NSPR, NSS or SSL error code, the text
     * python-nss gives for it (without the symbolic name).
     *
     * @param number the error code, e.g. -8192 (PR_IO_ERROR and friends are negative)
     * @return the description, or null (None in Python) for a code outside the catalogue
     */
    @Python("get_nspr_error_string(number, /)")
    public static String getNsprErrorString(int number) {
        return ErrorTable.description(number);
    }
}
