/**
 * PKCS #11 through NSS's PK11 layer, as {@code nss.nss} exposes it: slots and
 * tokens, symmetric and private keys, key generation, digest and cipher contexts,
 * mechanism parameters and the password callback.
 */
package org.jnss.pk11;
