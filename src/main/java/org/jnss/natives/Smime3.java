package org.jnss.natives;

/** Direct-mapped functions of libsmime3 (certificate packages, PKCS#12, CMS). */
public final class Smime3 {
    static { Nss3.load(); NativeLibs.register(Smime3.class, "smime3"); }
    private Smime3() {}

    public static void load() {}


    // ---- PKCS#12 ----
    /** {@code SECItem *(*SEC_PKCS12NicknameCollisionCallback)(SECItem *old_nickname, PRBool *cancel, void *arg)}; arg is the CERTCertificate. */
    public interface NicknameCollisionCallback extends com.sun.jna.Callback {
        long invoke(long oldNickname, long cancel, long arg);
    }

    /** {@code void (*SEC_PKCS12EncoderOutputCallback)(void *arg, const char *buf, unsigned long len)} */
    public interface EncoderOutputCallback extends com.sun.jna.Callback {
        void invoke(long arg, long buf, long len);
    }

    public static native long SEC_PKCS12DecoderStart(long pwitem, long slot, long wincx, long dOpen, long dClose,
                                                     long dRead, long dWrite, long dArg);
    public static native int SEC_PKCS12DecoderUpdate(long p12dcx, byte[] data, long len);
    public static native int SEC_PKCS12DecoderVerify(long p12dcx);
    public static native void SEC_PKCS12DecoderFinish(long p12dcx);
    public static native int SEC_PKCS12DecoderIterateInit(long p12dcx);
    public static native int SEC_PKCS12DecoderIterateNext(long p12dcx, long[] item);
    public static native int SEC_PKCS12DecoderValidateBags(long p12dcx, NicknameCollisionCallback nicknameCb);
    public static native int SEC_PKCS12DecoderImportBags(long p12dcx);
    public static native int SEC_PKCS12EnableCipher(long which, int on);
    public static native int SEC_PKCS12SetPreferredCipher(long which, int on);
    public static native long SEC_PKCS12CreateExportContext(long pwfn, long pwfnarg, long slot, long wincx);
    public static native int SEC_PKCS12AddPasswordIntegrity(long p12ctxt, long pwitem, int integrityAlg);
    public static native long SEC_PKCS12CreateUnencryptedSafe(long p12ctxt);
    public static native long SEC_PKCS12CreatePasswordPrivSafe(long p12ctxt, long pwitem, int privAlg);
    public static native int SEC_PKCS12AddCertAndKey(long p12ctxt, long certSafe, long certNestedDest, long cert,
                                                     long certDb, long keySafe, long keyNestedDest, int shroudKey,
                                                     long pwitem, int algorithm);
    public static native int SEC_PKCS12Encode(long p12ctxt, EncoderOutputCallback output, long outputarg);
    public static native void SEC_PKCS12DestroyExportContext(long p12ctxt);
}
