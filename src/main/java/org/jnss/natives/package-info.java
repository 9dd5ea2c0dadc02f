/**
 * The native bindings: one direct-mapped JNA class per system library (NSPR, NSS,
 * NSS util, S/MIME, SSL, libc), {@link org.jnss.natives.Mem} for raw memory and
 * {@link org.jnss.natives.Layout}, the one table of structure sizes and offsets.
 * Pointers are {@code long} addresses. No other package imports JNA.
 */
package org.jnss.natives;
