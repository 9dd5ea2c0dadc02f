package org.jnss.io;

import org.jnss.core.Py;

/** python-nss's {@code nss.io} module: NSPR sockets, addresses and time intervals. */
@Py.Module(value = "nss.io", doc = "This module implements the NSPR IO functions")
public final class Io implements IoConstants {
    private Io() {}
}
