package org.jnss.core;

/** A core object that can stand wherever binary data (a Python buffer) is accepted, as SecItem does. */
public interface BinaryData {
    byte[] toByteArray();
}
