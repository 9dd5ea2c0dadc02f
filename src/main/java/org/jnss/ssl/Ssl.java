package org.jnss.ssl;

import org.jnss.core.Py;
import org.jnss.natives.Mem;
import org.jnss.natives.Ssl3;

/** python-nss's {@code nss.ssl} module. */
@Py.Module(value = "nss.ssl", doc = "NSS SSL/TLS sockets (python-nss compatible, on the JVM)")
public final class Ssl implements SslConstants {
    private Ssl() {}

    /** The cipher suites implemented by this NSS (SSL_ImplementedCiphers), in NSS's preference order. */
    @Py("ssl_implemented_ciphers")
    public static final int[] SSL_IMPLEMENTED_CIPHERS = implementedCiphers();

    private static int[] implementedCiphers() {
        int n = Ssl3.SSL_GetNumImplementedCiphers() & 0xffff;
        long p = Ssl3.SSL_GetImplementedCiphers();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = Mem.getShort(p, 2L * i) & 0xffff;
        return out;
    }
}
