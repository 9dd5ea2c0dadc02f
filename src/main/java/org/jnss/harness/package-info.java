/**
 * The migration harness's Java side: {@link org.jnss.harness.GoldenScripts}, the JUnit 5
 * entry point that runs python-nss scripts under pynss against outputs recorded from
 * python-nss ({@code scripts/compare --record}), and {@link org.jnss.harness.Normalisations},
 * the shipped list of intended differences it shares with {@code scripts/compare}.
 * Independent of the rest of jnss; compiles against the JUnit 5 API.
 */
package org.jnss.harness;
