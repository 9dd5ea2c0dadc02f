/**
 * Internal machinery of the PKI classes: DER parsing and rendering, object
 * identifiers, python-nss's line formatting ({@code format_lines()} and
 * {@code indented_format()}), Python 2 byte strings and per-call native scratch memory.
 * Not part of the API: signatures may change between releases.
 */
package org.jnss.asn1;
