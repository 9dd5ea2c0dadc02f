package org.jnss.pk11;

import org.jnss.core.NativeResource.Lease;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.error.ThreadError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.natives.ThreadBuffer;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;

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
 * use by several threads (calls from several threads are serialised).
 *
 * @implNote A context whose operation completed ({@link #digestFinal()}
 * succeeded) may give its PKCS #11 session back before the object is dropped:
 * NSS gets slower with every session open, and a dropped context is only
 * found by the collector later. Once more than a few hundred finished
 * contexts are waiting (see {@link NativeResource#idle()}), the oldest ones'
 * native contexts are given back (so is the native context of a finished
 * context the collector finds dropped): to an idle pool of contexts of the
 * same recipe (same hash algorithm, or mechanism, operation, key and
 * parameter), from which the next context made by that recipe is taken and
 * begun again instead of a new one, or destroyed when the pool is full. Using
 * such a context again makes a new native context the same way and completes
 * it, which leaves it in the state NSS leaves a completed context in, so
 * every later call behaves the same. A context in use (made, or fed since it
 * was finished) weighs on NSS ({@link NativeResource#weigh(int)}): each call that
 * puts it to work says so before it takes the context's lock, since that may
 * release dropped objects.
 */
public class PK11Context extends NativeResource {
    private static final int MAX_DIGEST = 64;

    /**
     * The native context and how to make it again. Also the release and park
     * actions of the handle, so it must not refer to the PK11Context.
     * Every native use of the context holds this object's lock.
     */
    static final class Native implements java.util.function.LongConsumer, Runnable, NativeResource.HoldsLeases {
        /** the PK11Context*, 0 while parked */
        private long cx;
        /** the last operation was a successful PK11_DigestFinal: the native context may be parked */
        private boolean finished;
        /**
         * not used since it was made: begun with nothing fed, as the factory left it (also while
         * parked). Such a context may be parked too (completed, into the idle pool) and is made
         * again begun, so that programs that make contexts they never use keep few open.
         */
        private boolean fresh;
        /**
         * a digest context taken from the idle pool for a new one: completed, and begun at its
         * first use instead of when it was taken, so that the usual digest_begin() right after
         * create_digest_context() begins it once, not twice (for the program, a new context is
         * begun either way)
         */
        private boolean beginPending;
        /** digest contexts: the hash algorithm's tag */
        private final int hashAlg;
        /** key contexts: mechanism, operation and the parameter */
        private final long mechanism, operation;
        private final SecItem param;
        /**
         * key contexts: a lease on the key's handle (its PK11SymKey*), held until release, so
         * that a parked context can be made again from the key (cx holds a native reference
         * only while it exists; taking and dropping one of our own at each park cost two
         * native calls per context); null for digest contexts
         */
        private final NativeResource.Lease keyLease;
        /** the NSS session cx was made in ({@link NssRuntime#session()}): digest contexts go back to the idle pool */
        private int session;

        private Native(long cx, int hashAlg, long mechanism, long operation, NativeResource.Lease keyLease, SecItem param, int session) {
            this.cx = cx;
            this.hashAlg = hashAlg;
            this.mechanism = mechanism;
            this.operation = operation;
            this.keyLease = keyLease;
            this.param = param;
            this.session = session;
        }

        /** A digest context for hashAlg (new, or an idle one begun again), made in NSS session {@code session}. */
        static Native digest(long cx, int hashAlg, int session) {
            return new Native(cx, hashAlg, 0, 0, null, null, session);
        }

        /**
         * A digest context for hashAlg from the idle pool (completed), begun at its first use
         * (see {@link #beginPending}), in NSS session {@code session}.
         */
        static Native idleDigest(long cx, int hashAlg, int session) {
            Native n = new Native(cx, hashAlg, 0, 0, null, null, session);
            n.beginPending = true;
            return n;
        }

        /**
         * A context made by PK11_CreateContextBySymKey(mechanism, operation, key, param), key
         * being the handle of the open lease {@code key}: the context holds another lease on it
         * until released.
         */
        static Native bySymKey(long cx, long mechanism, long operation, NativeResource.Lease key, SecItem param) {
            return new Native(cx, 0, mechanism, operation, key.retain(), param, NssRuntime.session());
        }

        /** The same recipe for a clone (cx, a PK11_CloneContext of this one); a key context's copy leases the key too. */
        synchronized Native copy(long clone) {
            return new Native(clone, hashAlg, mechanism, operation, keyLease == null ? null : keyLease.retain(), param,
                    NssRuntime.session());
        }

        /** The native context for a call (made again if it was parked); call with the lock held. */
        private long use() {
            return use(false);
        }

        /**
         * The native context for a call, begun first if it is still to be (see
         * {@link #beginPending}) unless the call itself begins it ({@code begins}: digest_begin());
         * call with the lock held.
         */
        private long use(boolean begins) {
            if (cx == 0) cx = remake();
            if (beginPending) {
                if (begins) beginPending = false;
                else beginNow();
            }
            fresh = false;
            return cx;
        }

        /**
         * Begins a context taken from the idle pool, as create_digest_context() would have; one
         * NSS cannot begin again is replaced by a new one (the error of that, if it fails too, is
         * raised by the call that uses the context).
         */
        private void beginNow() {
            beginPending = false;
            if (Nss3.PK11_DigestBegin(cx) == 0) return;
            Nss3.PK11_DestroyContext(cx, 1);
            cx = 0;
            long c = Nss3.PK11_CreateDigestContext(hashAlg);
            if (c == 0) throw NSPRError.last();
            cx = c;
        }

        /**
         * A new native context by the recipe: begun, as the factories leave one, if this one
         * was fresh (one from the idle pool at its first use, see {@link #beginPending}); else
         * completed, as the parked one was.
         */
        private long remake() {
            session = NssRuntime.session();
            if (keyLease == null) {
                long idle = Digests.takeIdle(hashAlg);     // completed already
                if (idle != 0) {
                    beginPending = fresh;
                    return idle;
                }
            }
            long c = keyLease == null ? Nss3.PK11_CreateDigestContext(hashAlg)
                    : MechParam.with(mechanism, param, p -> Nss3.PK11_CreateContextBySymKey(mechanism, operation, keyLease.handle(), p));
            if (c == 0) throw NSPRError.last();
            if (!fresh) completeKeepingError(c);
            return c;
        }

        /**
         * Ends the operation on c, its output discarded and wiped (PKCS #11: a final call that
         * is given room for its output ends the operation, whatever its outcome); SECStatus.
         */
        private static int complete(long c) {
            try (ThreadBuffer b = ThreadBuffer.take(MAX_DIGEST + 8)) {
                long out = b.address();
                int rv = Nss3.PK11_DigestFinal(c, out, out + MAX_DIGEST, MAX_DIGEST);
                Mem.zero(out, MAX_DIGEST);      // a decryption's last block is plaintext
                return rv;
            }
        }

        /** {@link #complete(long)}, the calling thread's NSPR error kept; whether it succeeded. */
        private static boolean completeKeepingError(long c) {
            ThreadError error = ThreadError.save();
            try {
                return complete(c) == 0;
            } finally {
                error.restore();
            }
        }

        /** Park: gives the native context back if the operation is still completed (or not yet used). */
        @Override
        public synchronized void run() {
            if (cx == 0 || !(finished || fresh)) return;
            if (fresh && !beginPending && complete(cx) != 0) {
                // (the caller keeps the thread's error) not completed: not reusable, but made again as well
                Nss3.PK11_DestroyContext(cx, 1);
                cx = 0;
                return;
            }
            giveBack();
            cx = 0;
            beginPending = false;
        }

        /** The completed native context to its idle pool (the caller clears cx). */
        private void giveBack() {
            if (keyLease == null) Digests.giveIdle(hashAlg, cx, session);
            else SymCipher.giveIdle(cx, mechanism, operation, keyLease.handle(), param, session);
        }

        /** Release of the owner (once). */
        @Override
        public synchronized void accept(long address) {
            if (cx != 0 && (finished || beginPending)) giveBack();
            else if (cx != 0) Nss3.PK11_DestroyContext(cx, 1);
            cx = 0;
            beginPending = false;
            if (keyLease != null) keyLease.close();
        }

        /** NSS went down under the context: nothing native is left to release, only the key's lease. */
        @Override
        public synchronized void releaseLeases() {
            cx = 0;
            if (keyLease != null) keyLease.close();
        }
    }

    /** null for an empty context (never used: every call fails to take a lease) */
    private final Native st;

    /** Adopts a PK11Context* an NSS call made (destroyed with PK11_DestroyContext). */
    PK11Context(Native st) {
        super(st.cx, st, true, st);
        this.st = st;
    }

    /**
     * A context a factory just made, begun with nothing fed: it waits among the
     * idle ones until used, so that one made and dropped unused does not keep
     * its PKCS #11 session open until the collector finds it.
     */
    static PK11Context begun(Native st) {
        PK11Context c = new PK11Context(st);
        st.fresh = true;
        c.idle();
        return c;
    }

    /**
     * An empty context, as python-nss's {@code PK11Context()} makes: there is
     * nothing to use, so every method raises NSPRError SEC_ERROR_INVALID_ARGS.
     * Use the factories named in the class comment instead.
     */
    @Python("PK11Context()")
    public PK11Context() {
        super();
        this.st = null;
    }

    /**
     * Starts (or restarts) a digest or MAC on this context ({@code PK11_DigestBegin}).
     *
     * @throws NSPRError NSS's error when the context cannot start one, or
     *                   SEC_ERROR_INVALID_ARGS when the context is closed
     */
    @Python("digest_begin()")
    public void digestBegin() {
        int rv;
        try (Lease l = lease()) {
            weigh(SESSION_WEIGHT);
            synchronized (st) {
                st.finished = false;
                rv = Nss3.PK11_DigestBegin(st.use(true));
            }
        }
        if (rv != 0) throw NSPRError.last();
    }

    /**
     * Feeds data to the digest, MAC or signature in progress ({@code PK11_DigestOp}).
     *
     * @param data the next piece (a str or any buffer in Python); its position and limit are not changed
     * @throws NSPRError NSS's error, or SEC_ERROR_INVALID_ARGS when the context is closed
     */
    @Python("digest_op(data, /)")
    public void digestOp(java.nio.ByteBuffer data) {
        boolean ok;
        try (Lease l = lease()) {     // per-call path: a lease, not a capturing check() lambda
            weigh(SESSION_WEIGHT);
            synchronized (st) {
                st.finished = false;
                long cx = st.use();
                ok = Bulk.feed(data, (ptr, n) -> Nss3.PK11_DigestOp(cx, ptr, n));
            }
        }
        if (!ok) throw NSPRError.last();
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
        byte[] result;
        int rv;
        // output and length in the thread's native buffer: primitive arguments only (no array
        // copied in and out by JNA)
        try (Lease l = lease(); ThreadBuffer b = ThreadBuffer.take(MAX_DIGEST + 8)) {
            long out = b.address();
            synchronized (st) {
                rv = Nss3.PK11_DigestFinal(st.use(), out, out + MAX_DIGEST, MAX_DIGEST);
                st.finished = rv == 0;
            }
            if (rv != 0) throw NSPRError.last();
            int n = Math.max(0, Math.min(MAX_DIGEST, Mem.getInt(out, MAX_DIGEST)));
            result = new byte[n];
            b.buffer().get(0, result, 0, n);
        }
        idle();     // completed: the native context may be given back (outside the lock: idle() parks others)
        return result;
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
        int rv;
        try (Lease l = lease()) {
            weigh(SESSION_WEIGHT);
            synchronized (st) {
                st.finished = false;
                rv = Nss3.PK11_Finalize(st.use());
            }
        }
        if (rv != 0) throw NSPRError.last();
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
        try (Lease l = context.lease()) {
            Native src = context.st;
            long c;
            synchronized (src) {
                c = Nss3.PK11_CloneContext(src.use());
            }
            if (c == 0) throw NSPRError.last();
            PK11Context copy = new PK11Context(src.copy(c));
            copy.weigh(SESSION_WEIGHT);       // a copy in the middle of the operation (a new context is begun: idle)
            return copy;
        }
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
            weigh(SESSION_WEIGHT);
            synchronized (st) {
                st.finished = false;
                long cx = st.use();
                return Bulk.transform(data, (in, n, out, cap, outLen) -> Nss3.PK11_CipherOp(cx, out, outLen, cap, in, n));
            }
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
        int rv;
        try (Lease k = symKey.lease(); Lease l = lease()) {
            weigh(SESSION_WEIGHT);
            synchronized (st) {
                st.finished = false;
                rv = Nss3.PK11_DigestKey(st.use(), k.handle());
            }
        }
        if (rv != 0) throw NSPRError.last();
    }
}
