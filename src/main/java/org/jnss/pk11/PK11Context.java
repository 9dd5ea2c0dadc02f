package org.jnss.pk11;

import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nss3;

/** A PKCS#11 operation context; here the digest operations (PK11_Digest*). */
public class PK11Context extends NativeResource {
    private static final int MAX_DIGEST = 64;

    public PK11Context(long cx) {
        super(cx, a -> Nss3.PK11_DestroyContext(a, 1), true);
    }

    /** An empty context (python-nss allows PK11Context()); any use raises NSPRError. */
    @Python("PK11Context()")
    public PK11Context() {
        super();
    }

    @Python("digest_begin()")
    public void digestBegin() {
        check(Nss3::PK11_DigestBegin);
    }

    @Python("digest_op(data, /)")
    public void digestOp(java.nio.ByteBuffer data) {
        check(cx -> Bulk.feed(data, (ptr, n) -> Nss3.PK11_DigestOp(cx, ptr, n)) ? 0 : -1);
    }

    public void digestOp(byte[] data) {
        digestOp(java.nio.ByteBuffer.wrap(data));
    }

    @Python("digest_final()")
    public byte[] digestFinal() {
        byte[] out = new byte[MAX_DIGEST];
        int[] len = new int[1];
        check(cx -> Nss3.PK11_DigestFinal(cx, out, len, out.length));
        return java.util.Arrays.copyOf(out, len[0]);
    }

    @Python("finalize()")
    public void finalizeOperation() {
        check(Nss3::PK11_Finalize);
    }

    /** A copy of context in its current state (python-nss takes the context to copy as argument). */
    @Python("clone_context(context, /)")
    public PK11Context cloneContext(PK11Context context) {
        return context.with(cx -> {
            long c = Nss3.PK11_CloneContext(cx);
            if (c == 0) throw NSPRError.last();
            return new PK11Context(c);
        });
    }

    /**
     * Encrypts or decrypts data with the context's key, returning the output
     * NSS has so far (a padded mechanism keeps up to a block for digest_final()).
     * The output never exceeds the input plus a block held back from before.
     */
    @Python("cipher_op(data, /)")
    public byte[] cipherOp(java.nio.ByteBuffer data) {
        long cx = acquire();
        try {
            return Bulk.transform(data, (in, n, out, cap, outLen) -> Nss3.PK11_CipherOp(cx, out, outLen, cap, in, n));
        } finally {
            release();
        }
    }

    public byte[] cipherOp(byte[] data) {
        return cipherOp(java.nio.ByteBuffer.wrap(data));
    }

    /** Continues a digest with the value of a symmetric key. */
    @Python("digest_key(sym_key, /)")
    public void digestKey(PK11SymKey symKey) {
        check(cx -> symKey.withHandle(k -> Nss3.PK11_DigestKey(cx, k)));
    }
}
