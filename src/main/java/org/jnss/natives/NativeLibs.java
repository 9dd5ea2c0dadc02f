package org.jnss.natives;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Loads the system NSS/NSPR libraries once, by their plain names, and binds the
 * direct-mapped classes of this package to them.
 */
final class NativeLibs {
    private NativeLibs() {}

    static NativeLibrary load(String name) {
        try {
            return NativeLibrary.getInstance(name);
        } catch (UnsatisfiedLinkError e) {
            throw new LinkageError("cannot load lib" + name + ".so: the system NSS/NSPR libraries are missing"
                    + " (on Debian/Ubuntu: apt-get install libnss3 libnspr4)", e);
        }
    }

    static void register(Class<?> cls, String name) {
        Native.register(cls, load(name));
    }
}
