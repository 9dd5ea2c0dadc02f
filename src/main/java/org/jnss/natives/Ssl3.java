package org.jnss.natives;

/** Direct-mapped functions of libssl3. */
public final class Ssl3 {
    static { Nss3.load(); NativeLibs.register(Ssl3.class, "ssl3"); }
    private Ssl3() {}

    public static void load() {}

    public static native void SSL_ClearSessionCache();

    /** const PRUint16 *: the cipher suites this NSS implements, in preference order. */
    public static native long SSL_GetImplementedCiphers();
    public static native short SSL_GetNumImplementedCiphers();
}
