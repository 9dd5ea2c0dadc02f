package org.jnss.pk11;

import org.jnss.core.NativeResource.Lease;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nss3;

/**
 * A PKCS #11 multi-part operation in progress (NSS's PK11Context), Python's
 * {@code nss.nss.PK11Context}: a digest, or an encryption or decryption with a
 * symmetric key, fed piece by piece. Obtained from
 * {@link Digests#createDigestContext(int)} ({@code create_digest_context()}),
 * {@link SymCipher#createContextBySymKey} ({@code create_context_by_sym_key()})
 * or {@link #cloneContext(PK11Context)}.
 *
 * <p>Holds a PKCS #11 session: {@link #close()} (or try-with-resources) ends it
 * at once; a dropped context is released once the collector finds it
 * unreachable. A live context keeps NSS from shutting down. Not for concurrent
 * use by several threads.
 */
public class PK11Context extends NativeResource {
    private static final int MAX_DIGEST = 64;

    /** Adopts a PK11Context* an NSS call made (destroyed with PK11_DestroyContext). */
    PK11Context(long cx) {
        super(cx, a -> Nss3.PK11_DestroyContext(a, 1), true);
    }

    /**
     * An empty context, as python-nss's {@code PK11Context()} makes: there is
     * nothing to use, so every method raises NSPRError SEC_ERROR_INVALID_ARGS.
     * Use the factories named in the class comment instead.
     */
    @Python("PK11Context()")
    public PK11Context() {
        super();
    }

    /**
     * Starts (or restarts) a digest or MAC on this context ({@code PK11_DigestBegin}).
     *
     * @throws NSPRError NSS's error when the context cannot start one, or
     *                   SEC_ERROR_INVALID_ARGS when the context is closed
     */
    @Python("digest_begin()")
    public void digestBegin() {
        check(Nss3::PK11_DigestBegin);
    }

    /**
     * Feeds data to the digest, MAC or signature in progress ({@code PK11_DigestOp}).
     *
     * @param data the next piece (a str or any buffer in Python); its position and limit are not changed
     * @throws NSPRError NSS's error, or SEC_ERROR_INVALID_ARGS when the context is closed
     */
    @Python("digest_op(data, /)")
    public void digestOp(java.nio.ByteBuffer data) {
        try (Lease l = lease()) {     // per-call path: a lease, not a capturing check() lambda
            long cx = l.handle();
            if (!Bulk.feed(data, (ptr, n) -> Nss3.PK11_DigestOp(cx, ptr, n))) throw NSPRError.last();
        }
    }

    /**
     * Feeds a byte array to the operation in progress, as {@link #digestOp(java.nio.ByteBuffer)}.
     *
     * @param data the next piece
     * @throws NSPRError as {@link #digestOp(java.nio.ByteBuffer)}
     */
    public void digestOp(byte[] data) {
        digestOp(java.nio.ByteBuffer.wrap(data));
    }

    /**
     * Completes the operation in progress ({@code PK11_DigestFinal}) and returns
     * what it still held: the digest of a digest context, or the last output of
     * a cipher context (a padded mechanism's final block; often nothing).
     *
     * @return the final octets (a str in Python), possibly empty
     * @throws NSPRError NSS's error (e.g. SEC_ERROR_BAD_DATA for bad padding when
     *                   decrypting), or SEC_ERROR_INVALID_ARGS when the context is closed
     */
    @Python("digest_final()")
    public byte[] digestFinal() {
        byte[] out = new byte[MAX_DIGEST];
        int[] len = new int[1];
        check(cx -> Nss3.PK11_DigestFinal(cx, out, len, out.length));
        return java.util.Arrays.copyOf(out, len[0]);
    }

    /**
     * Ends the operation in progress and drops any output it still held
     * ({@code PK11_Finalize}), leaving the context ready for another
     * {@link #digestBegin()} (reuse works for digest contexts only).
     *
     * @throws NSPRError NSS's error, or SEC_ERROR_INVALID_ARGS when the context is closed
     */
    @Python("finalize()")
    public void finalizeOperation() {
        check(Nss3::PK11_Finalize);
    }

    /**
     * Copies a context in its current state ({@code PK11_CloneContext}), e.g. to
     * take the digest of a common prefix and continue two ways. As in python-nss
     * the context to copy is the argument, not the object the method is called on.
     *
     * @param context the context to copy
     * @return the new, independent context
     * @throws NSPRError NSS's error when the context cannot be copied, or
     *                   SEC_ERROR_INVALID_ARGS when {@code context} is closed
     */
    @Python("clone_context(context, /)")
    public PK11Context cloneContext(PK11Context context) {
        return context.with(cx -> {
            long c = Nss3.PK11_CloneContext(cx);
            if (c == 0) throw NSPRError.last();
            return new PK11Context(c);
        });
    }

    /**
     * Encrypts or decrypts data with the context's key ({@code PK11_CipherOp}),
     * returning the output NSS has so far: a padded mechanism keeps up to a
     * block back for {@link #digestFinal()}. The output never exceeds the input
     * plus a block held back from before.
     *
     * @param data the next piece of input (a str or any buffer in Python); its position and limit are not changed
     * @return the output octets (a str in Python), possibly empty
     * @throws NSPRError NSS's error (e.g. SEC_ERROR_INPUT_LEN for a partial block
     *                   with a mechanism without padding), or SEC_ERROR_INVALID_ARGS when
     *                   the context is closed
     */
    @Python("cipher_op(data, /)")
    public byte[] cipherOp(java.nio.ByteBuffer data) {
        try (Lease l = lease()) {
            long cx = l.handle();
            return Bulk.transform(data, (in, n, out, cap, outLen) -> Nss3.PK11_CipherOp(cx, out, outLen, cap, in, n));
        }
    }

    /**
     * Encrypts or decrypts a byte array, as {@link #cipherOp(java.nio.ByteBuffer)}.
     *
     * @param data the next piece of input
     * @return the output octets, possibly empty
     * @throws NSPRError as {@link #cipherOp(java.nio.ByteBuffer)}
     */
    public byte[] cipherOp(byte[] data) {
        return cipherOp(java.nio.ByteBuffer.wrap(data));
    }

    /**
     * Feeds the value of a symmetric key to the digest in progress
     * ({@code PK11_DigestKey}), without the key leaving the token.
     *
     * @param symKey the key
     * @throws NSPRError NSS's error, or SEC_ERROR_INVALID_ARGS when the context or the key is closed
     */
    @Python("digest_key(sym_key, /)")
    public void digestKey(PK11SymKey symKey) {
        try (Lease k = symKey.lease()) {
            check(cx -> Nss3.PK11_DigestKey(cx, k.handle()));
        }
    }
}
