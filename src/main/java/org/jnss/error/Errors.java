package org.jnss.error;

import org.jnss.core.Py;

/** The functions of python-nss's {@code nss.error} module. */
@Py.Module("nss.error")
public final class Errors implements ErrorConstants {
    private Errors() {}

    /** The description of an NSPR/NSS/SSL error code, or null when unknown. */
    @Py("get_nspr_error_string(number, /)")
    public static String getNsprErrorString(int number) {
        return ErrorTable.description(number);
    }
}
