/**
 * python-nss's {@code nss.io} module: NSPR sockets, network addresses, host and
 * address lookups, and the module's functions and constants.
 */
package org.jnss.io;
