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
            String why = String.valueOf(e.getMessage());
            // the libraries may be present but not loadable now (no file descriptor left, say)
            boolean missing = why.contains("No such file") || why.contains("not found");
            throw new LinkageError("cannot load lib" + name + ".so: " + (missing
                    ? "the system NSS/NSPR libraries are missing (on Debian/Ubuntu: apt-get install libnss3 libnspr4)"
                    : why), e);
        }
    }

    static void register(Class<?> cls, String name) {
        Native.register(cls, load(name));
    }
}
