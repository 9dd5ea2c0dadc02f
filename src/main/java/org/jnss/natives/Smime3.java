package org.jnss.natives;

/** Direct-mapped functions of libsmime3 (certificate packages, PKCS#12, CMS). */
public final class Smime3 {
    static { Nss3.load(); NativeLibs.register(Smime3.class, "smime3"); }
    private Smime3() {}

    public static void load() {}

    public static native long CERT_DecodeCertFromPackage(byte[] certbuf, int certlen);
}
