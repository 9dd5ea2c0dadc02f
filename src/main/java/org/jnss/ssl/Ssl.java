package org.jnss.ssl;

import org.jnss.core.Py;

/** python-nss's {@code nss.ssl} module. */
@Py.Module(value = "nss.ssl", doc = "NSS SSL/TLS sockets (python-nss compatible, on the JVM)")
public final class Ssl implements SslConstants {
    private Ssl() {}
}
