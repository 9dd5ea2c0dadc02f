/**
 * What every layer above the native bindings shares: {@link org.jnss.core.NativeResource}
 * (one owner per NSS handle, use-after-close as an error, release by the collector as a
 * backstop), the {@link org.jnss.core.Python} annotation that declares how a member
 * appears in Python, and the small exception types the binder maps to Python
 * exceptions. Nothing here depends on Jython or JNA.
 */
package org.jnss.core;
