package org.jnss.natives;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Loads the system NSS/NSPR libraries once, by their plain names, and binds the
 * direct-mapped classes of this package to them.
 */
final class NativeLibs {
    private NativeLibs() {}

    /** JNA's property naming the directories it searches after its own library path. */
    static final String PLATFORM_PATH = "jna.platform.library.path";

    static {
        // Unset, JNA computes it when its NativeLibrary class loads: the usual directories plus those
        // that `/sbin/ldconfig -p` lists, which it runs as a child process (~15 ms and a fork at every
        // start). Those are the directories of the dynamic linker's cache, which dlopen() searches
        // anyway when JNA falls back to the library's plain name; the usual directories are enough
        // here. A value the user gives is kept.
        if (System.getProperty(PLATFORM_PATH) == null) System.setProperty(PLATFORM_PATH, usualDirectories());
        LauncherEnv.unsetNative();
    }

    /** The usual library directories of this machine that exist, as JNA lists them on Linux. */
    static String usualDirectories() {
        String arch = System.getProperty("os.arch", "");
        String multiarch = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            case "x86", "i386", "i686" -> "i386-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            default -> "";
        };
        boolean is64 = "64".equals(System.getProperty("sun.arch.data.model"));
        java.util.List<String> dirs = new java.util.ArrayList<>();
        if (!multiarch.isEmpty()) {
            dirs.add("/usr/lib/" + multiarch);
            dirs.add("/lib/" + multiarch);
        }
        if (is64) {
            dirs.add("/usr/lib64");
            dirs.add("/lib64");
        }
        dirs.add("/usr/lib");
        dirs.add("/lib");
        dirs.removeIf(d -> !new java.io.File(d).isDirectory());
        return String.join(java.io.File.pathSeparator, dirs);
    }

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

    /**
     * Binds the native methods of cls to the library (JNA's direct mapping),
     * then binds again, without JNA's argument conversion step, those whose
     * parameters and result are all numbers (see {@link PlainCalls}).
     */
    static void register(Class<?> cls, String name) {
        NativeLibrary lib = load(name);
        Native.register(cls, lib);
        PlainCalls.rebind(cls, lib);
    }
}
