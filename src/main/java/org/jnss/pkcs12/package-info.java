/**
 * PKCS #12 files in {@code nss.nss}: decoding and importing
 * ({@link org.jnss.pkcs12.PKCS12Decoder}), exporting, and the cipher policy.
 */
package org.jnss.pkcs12;
