/**
 * python-nss's {@code nss.nss} module class ({@link org.jnss.nss.Nss}): NSS
 * initialisation and shutdown ({@link org.jnss.nss.NssRuntime}), digests, data
 * helpers, {@link org.jnss.nss.SecItem} and the module's constants. Certificates,
 * PKCS #11 and PKCS #12 live in their own packages; their functions are bound into
 * {@code nss.nss} from there.
 */
package org.jnss.nss;
