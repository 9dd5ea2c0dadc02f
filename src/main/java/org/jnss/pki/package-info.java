/**
 * X.509 public-key infrastructure of {@code nss.nss}: certificates and their
 * databases, distinguished names, extensions and their decoded forms, public keys,
 * certificate requests, CRLs, OCSP settings and verification. NSS decodes and
 * verifies; these classes copy what it decoded to the Java heap.
 */
package org.jnss.pki;
