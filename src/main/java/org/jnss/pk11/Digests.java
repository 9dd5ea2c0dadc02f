package org.jnss.pk11;

import org.jnss.asn1.OidNames;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.error.ThreadError;
import org.jnss.natives.Nss3;
import org.jnss.natives.ThreadBuffer;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;

import java.nio.ByteBuffer;

/**
 * The digest functions of nss.nss (md5_digest, sha1_digest, sha256_digest,
 * sha512_digest, hash_buf, create_digest_context): one NSS hash per call, or
 * a {@link PK11Context} to feed. The data arguments take a {@link ByteBuffer}
 * (any Python buffer, read in place) or, from Java, a byte array. NSS must be
 * initialized (any way, {@code nss_init_nodb()} will do).
 */
public final class Digests {
    private Digests() {}

    /** Before NSS is initialised python-nss's digests fail with SEC_ERROR_NO_MODULE (no token can hash). */
    private static void requireToken() {
        if (!NssRuntime.isInitialized()) throw new NSPRError(null, ErrorConstants.SEC_ERROR_NO_MODULE);
    }

    /**
     * Result lengths of hash algorithms by tag (constant per tag; 0: not known
     * yet): saves a native call per digest. Tags index the array (NSS's built-in
     * tags are a few hundred); others are asked each time.
     */
    private static final int HASH_LENGTHS_SIZE = 1024;
    private static final int[] HASH_LENGTHS = new int[HASH_LENGTHS_SIZE];

    /**
     * Idle native digest contexts, per hash tag below 1024 (up to
     * {@value #POOLED} each, a stack: tag * POOLED + i for i below the tag's
     * count), all of the NSS session {@link #poolSession}. An idle context's
     * last operation completed; it is begun again before use. One-call digests
     * take one and give it back; a {@link PK11Context} gives back its native
     * context when it is parked or released after a completed digest, and
     * create_digest_context() takes one before asking NSS for a new one (making
     * and destroying a PKCS #11 context costs more than a short digest).
     * Emptied before every shutdown call (an open context would keep NSS
     * busy); a context of an ended session is never given back or used.
     */
    private static final int POOLED = 32;
    private static final long[] POOL = new long[HASH_LENGTHS_SIZE * POOLED];
    private static final byte[] POOL_COUNT = new byte[HASH_LENGTHS_SIZE];
    private static int poolSession;
    static {
        NssRuntime.beforeShutdown(Digests::releasePool);
    }

    /** An idle context for the tag, or 0 when there is none. */
    static long takeIdle(int oid) {
        if (oid < 0 || oid >= HASH_LENGTHS_SIZE) return 0;
        synchronized (POOL) {
            int n = POOL_COUNT[oid];
            if (n == 0 || poolSession != NssRuntime.session()) return 0;
            POOL_COUNT[oid] = (byte) --n;
            long cx = POOL[oid * POOLED + n];
            POOL[oid * POOLED + n] = 0;
            return cx;
        }
    }

    /** An idle context for the tag, or a new one (0 if NSS cannot make one). */
    private static long takePooled(int oid) {
        long cx = takeIdle(oid);
        if (cx != 0) return cx;
        ThreadError error = ThreadError.save();
        try {
            return Nss3.PK11_CreateDigestContext(oid);   // on failure, PK11_HashBuf reports the error
        } finally {
            error.restore();
        }
    }

    /**
     * Gives back a digest context whose last operation completed, made in NSS
     * session {@code session} (see {@link NssRuntime#session()}): kept for
     * reuse, or destroyed when the tag's stack is full. A context of an ended
     * session is left alone (it went with NSS).
     */
    static void giveIdle(int oid, long cx, int session) {
        synchronized (POOL) {
            if (session != NssRuntime.session()) return;
            if (poolSession != session) {
                java.util.Arrays.fill(POOL, 0);             // contexts of an ended session: gone with it
                java.util.Arrays.fill(POOL_COUNT, (byte) 0);
                poolSession = session;
            }
            if (oid >= 0 && oid < HASH_LENGTHS_SIZE && POOL_COUNT[oid] < POOLED) {
                POOL[oid * POOLED + POOL_COUNT[oid]] = cx;
                POOL_COUNT[oid]++;
                return;
            }
            Nss3.PK11_DestroyContext(cx, 1);
        }
    }

    /** Destroys the pooled contexts (before a shutdown call, NSS still up). */
    private static void releasePool() {
        synchronized (POOL) {
            if (poolSession == NssRuntime.session()) {
                for (long cx : POOL) if (cx != 0) Nss3.PK11_DestroyContext(cx, 1);
            }
            java.util.Arrays.fill(POOL, 0);
            java.util.Arrays.fill(POOL_COUNT, (byte) 0);
        }
    }

    private static byte[] digest(int oid, ByteBuffer data) {
        boolean cached = oid >= 0 && oid < HASH_LENGTHS.length;
        int known = cached ? HASH_LENGTHS[oid] : 0;       // an int: a racy read sees 0 or the length
        int len = known != 0 ? known : Nss3.HASH_ResultLenByOidTag(oid);
        if (len <= 0) {
            // as python-nss: the error is read after looking up the description (which may set it)
            String text = OidNames.tagText(oid);
            throw NSPRError.last("unable to determine resulting hash length for hash_alg = " + text);
        }
        if (cached) HASH_LENGTHS[oid] = len;
        requireToken();      // after the length, as python-nss: an unknown algorithm is reported first
        byte[] out = new byte[len];
        if (data.remaining() <= Bulk.CHUNK) {
            // one chunk: on a pooled digest context (PK11_HashBuf opens and closes a PKCS #11
            // session and a context per call, which cost more than hashing a small input)
            long cx = cached ? takePooled(oid) : 0;
            if (cx != 0) {
                int session = NssRuntime.session();
                if (Bulk.digestOnce(cx, data, out)) {
                    giveIdle(oid, cx, session);
                    return out;
                }
                Nss3.PK11_DestroyContext(cx, 1);   // then NSS's own one-call path, for its error
            }
            if (!Bulk.feed(data, (ptr, n) -> Nss3.PK11_HashBuf(oid, out, ptr, n))) throw NSPRError.last();
            return out;
        }
        // large input: one digest context fed chunk by chunk (same result as PK11_HashBuf)
        long cx = Nss3.PK11_CreateDigestContext(oid);
        if (cx == 0) throw NSPRError.last();
        try {
            if (Nss3.PK11_DigestBegin(cx) != 0
                    || !Bulk.feed(data, (ptr, n) -> Nss3.PK11_DigestOp(cx, ptr, n))) throw NSPRError.last();
            try (ThreadBuffer b = ThreadBuffer.take(out.length + 8)) {
                long digest = b.address(), outLen = digest + ((out.length + 3) & ~3);
                if (Nss3.PK11_DigestFinal(cx, digest, outLen, out.length) != 0) throw NSPRError.last();
                b.buffer().get(0, out, 0, out.length);
            }
            return out;
        } finally {
            Nss3.PK11_DestroyContext(cx, 1);
        }
    }

    /**
     * Computes the MD5 digest of data with NSS. For hex text, pass the
     * result to {@code data_to_hex()}.
     *
     * @param data the data (a str or any buffer in Python); its position and limit are not changed
     * @return the 16-octet digest (a str in Python)
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    @Python("md5_digest(data, /)")
    public static byte[] md5Digest(ByteBuffer data) { return digest(NssConstants.SEC_OID_MD5, data); }

    /**
     * Computes the MD5 digest of a byte array, as {@link #md5Digest(ByteBuffer)}.
     *
     * @param data the data
     * @return the 16-octet digest
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    public static byte[] md5Digest(byte[] data) { return md5Digest(ByteBuffer.wrap(data)); }

    /**
     * Computes the SHA-1 digest of data with NSS. For hex text, pass the
     * result to {@code data_to_hex()}.
     *
     * @param data the data (a str or any buffer in Python); its position and limit are not changed
     * @return the 20-octet digest (a str in Python)
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    @Python("sha1_digest(data, /)")
    public static byte[] sha1Digest(ByteBuffer data) { return digest(NssConstants.SEC_OID_SHA1, data); }

    /**
     * Computes the SHA-1 digest of a byte array, as {@link #sha1Digest(ByteBuffer)}.
     *
     * @param data the data
     * @return the 20-octet digest
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    public static byte[] sha1Digest(byte[] data) { return sha1Digest(ByteBuffer.wrap(data)); }

    /**
     * Computes the SHA-256 digest of data with NSS. For hex text, pass the
     * result to {@code data_to_hex()}.
     *
     * @param data the data (a str or any buffer in Python); its position and limit are not changed
     * @return the 32-octet digest (a str in Python)
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    @Python("sha256_digest(data, /)")
    public static byte[] sha256Digest(ByteBuffer data) { return digest(NssConstants.SEC_OID_SHA256, data); }

    /**
     * Computes the SHA-256 digest of a byte array, as {@link #sha256Digest(ByteBuffer)}.
     *
     * @param data the data
     * @return the 32-octet digest
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    public static byte[] sha256Digest(byte[] data) { return sha256Digest(ByteBuffer.wrap(data)); }

    /**
     * Computes the SHA-512 digest of data with NSS. For hex text, pass the
     * result to {@code data_to_hex()}.
     *
     * @param data the data (a str or any buffer in Python); its position and limit are not changed
     * @return the 64-octet digest (a str in Python)
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    @Python("sha512_digest(data, /)")
    public static byte[] sha512Digest(ByteBuffer data) { return digest(NssConstants.SEC_OID_SHA512, data); }

    /**
     * Computes the SHA-512 digest of a byte array, as {@link #sha512Digest(ByteBuffer)}.
     *
     * @param data the data
     * @return the 64-octet digest
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized
     */
    public static byte[] sha512Digest(byte[] data) { return sha512Digest(ByteBuffer.wrap(data)); }

    /**
     * Computes the digest of data with the hash algorithm a SEC_OID_* tag
     * names (PK11_HashBuf; large inputs go through a digest context, with
     * the same result).
     *
     * @param hashAlg the algorithm's tag, e.g. SEC_OID_SHA256, SEC_OID_SHA384, SEC_OID_MD5
     * @param data    the data (a str or any buffer in Python); its position and limit are not changed
     * @return the digest, as long as the algorithm makes it (a str in Python)
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized; "unable to
     *                   determine resulting hash length" with NSS's error (e.g.
     *                   SEC_ERROR_INVALID_ALGORITHM) when the tag is not a hash algorithm
     */
    @Python("hash_buf(hash_alg, data, /)")
    public static byte[] hashBuf(@Python.Unsigned int hashAlg, ByteBuffer data) { return digest(hashAlg, data); }

    /**
     * Computes a digest of a byte array, as {@link #hashBuf(int, ByteBuffer)}.
     *
     * @param hashAlg the algorithm's SEC_OID_* tag
     * @param data    the data
     * @return the digest
     * @throws NSPRError as {@link #hashBuf(int, ByteBuffer)}
     */
    public static byte[] hashBuf(int hashAlg, byte[] data) { return hashBuf(hashAlg, ByteBuffer.wrap(data)); }

    /**
     * Makes a context for computing a digest piece by piece: call
     * {@link PK11Context#digestBegin()}, then {@link PK11Context#digestOp} for
     * each piece, then {@link PK11Context#digestFinal()}.
     *
     * @param hashAlg the hash algorithm's SEC_OID_* tag, e.g. SEC_OID_SHA256
     * @return the new context (close it, or let the collector release it)
     * @throws NSPRError SEC_ERROR_NO_MODULE when NSS is not initialized or the tag is
     *                   not a hash algorithm (no token can do it)
     */
    @Python("create_digest_context(hash_alg, /)")
    public static PK11Context createDigestContext(@Python.Unsigned int hashAlg) {
        requireToken();
        int session = NssRuntime.session();
        long cx = takeIdle(hashAlg);      // completed: begun at its first use (see PK11Context)
        if (cx != 0) return PK11Context.begun(PK11Context.Native.idleDigest(cx, hashAlg, session));
        cx = Nss3.PK11_CreateDigestContext(hashAlg);
        if (cx == 0) throw NSPRError.last();
        return PK11Context.begun(PK11Context.Native.digest(cx, hashAlg, session));
    }
}
