/**
 * python-nss's {@code nss.error} module: {@link org.jnss.error.NSPRError} and
 * {@link org.jnss.error.CertVerifyError}, the NSPR/NSS/SSL error codes and the texts
 * python-nss reports for them.
 */
package org.jnss.error;
