/**
 * python-nss's {@code nss.ssl} module: {@link org.jnss.ssl.SSLSocket} (client and
 * server TLS over NSPR sockets, with authentication, client-certificate and handshake
 * callbacks), channel and cipher-suite information, options, cipher policy and the
 * session caches.
 */
package org.jnss.ssl;
