package org.jnss.core;

/**
 * A core object that can stand wherever binary data (a Python buffer) is accepted, as SecItem does:
 * functions that take "data" accept it as well as a byte array (a str in Python).
 */
public interface BinaryData {
    /**
     * The object's octets.
     *
     * @return a copy of the data; changing it does not change the object
     */
    byte[] toByteArray();
}
