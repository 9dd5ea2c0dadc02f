package org.jnss.error;

import org.jnss.core.Python;

/** The functions of python-nss's {@code nss.error} module. */
@Python.Module("nss.error")
public final class Errors implements ErrorConstants {
    private Errors() {}

    /** The module documentation: every error, in code order, as python-nss's lists them. */
    @Python("__doc__")
    public static final String DOC = moduleDoc();

    private static String moduleDoc() {
        StringBuilder sb = new StringBuilder("NSPR/NSS/SSL error codes, their descriptions, and the exceptions\n"
                + "NSPRError and CertVerifyError.\nNSPR Error Constants:\n\n");
        ErrorTable.all().stream().sorted(java.util.Comparator.comparingInt(ErrorTable.Entry::code))
                .forEach(e -> sb.append(e.name()).append(": ").append(e.description()).append("\n\n"));
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
