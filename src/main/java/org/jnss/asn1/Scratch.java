package org.jnss.asn1;

import org.jnss.natives.Nspr4;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.natives.ThreadBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Native memory for the duration of one operation: SECItems built from Java
 * bytes, zeroed structures and an NSS arena for decoders, all released by
 * {@link #close()}. Decoded results are copied to Java before the scope ends.
 * The first {@value #SLAB} bytes come from the thread's native buffer
 * ({@link ThreadBuffer}) without a native call; more, from malloc. A scope
 * belongs to the thread that made it.
 */
public final class Scratch implements AutoCloseable {
    /** An empty scope: nothing is allocated until asked for. */
    public Scratch() {}

    /** what the scope takes from the thread's buffer at most (larger needs go to malloc) */
    static final int SLAB = 8192;

    private final List<Long> blocks = new ArrayList<>(0);
    private long arena;
    /** the thread's buffer, taken at the first small allocation; null before */
    private ThreadBuffer slab;
    /** bytes of the slab handed out */
    private int used;

    /**
     * A native SECItem (type siBuffer) holding a copy of data, valid until
     * {@link #close()}.
     *
     * @param data the bytes to copy
     * @return the address of the SECItem
     */
    public long item(byte[] data) {
        return item(data, 0);
    }

    /**
     * A native SECItem of the given SECItemType holding a copy of data, valid
     * until {@link #close()}.
     *
     * @param data the bytes to copy
     * @param type the SECItemType (e.g. 6, siDEROID)
     * @return the address of the SECItem
     */
    public long item(byte[] data, int type) {
        long item = calloc(Layout.ITEM_SIZE);
        fillItem(item, data, type);
        return item;
    }

    /**
     * Fills the SECItem at {@code item} (one this scope or NSS allocated, e.g. a
     * field of a structure) with a copy of data, valid until {@link #close()}.
     *
     * @param item the SECItem's address
     * @param data the bytes to copy
     * @param type the SECItemType
     */
    public void fillItem(long item, byte[] data, int type) {
        long buf = allocate(data.length, false);
        Mem.write(buf, 0, data, 0, data.length);
        Mem.setInt(item, Layout.ITEM_TYPE, type);
        Mem.setPointer(item, Layout.ITEM_DATA, buf);
        Mem.setInt(item, Layout.ITEM_LEN, data.length);
    }

    /**
     * Zeroed native memory, valid until {@link #close()}.
     *
     * @param size the number of bytes
     * @return its address
     */
    public long calloc(long size) {
        return allocate(size, true);
    }

    /** size bytes (16-byte aligned) from the slab while it has room, else from malloc; zeroed if asked. */
    private long allocate(long size, boolean zero) {
        long n = (Math.max(1, size) + 15) & ~15L;
        if (n <= SLAB) {
            if (slab == null) {
                slab = ThreadBuffer.take(SLAB);
                used = 0;
            }
            if (used + n <= SLAB) {
                long p = slab.address() + used;
                used += (int) n;
                if (zero) Mem.zero(p, n);
                return p;
            }
        }
        long p = zero ? Mem.calloc(size) : Mem.malloc(size);
        blocks.add(p);
        return p;
    }

    /**
     * An NSS arena (PLArenaPool) for decoders, made on first use and freed
     * with the scope; decoded results must be copied out before {@link #close()}.
     *
     * @return the arena's address, the same one on every call
     * @throws NSPRError when NSS cannot make it (SEC_ERROR_NO_MEMORY)
     */
    public long arena() {
        if (arena == 0) {
            arena = Nss3.PORT_NewArena(2048);
            if (arena == 0) throw NSPRError.last();
        }
        return arena;
    }

    /** Frees everything the scope allocated; the scope may be used again afterwards. */
    @Override
    public void close() {
        for (long p : blocks) Mem.free(p);
        blocks.clear();
        if (slab != null) {
            slab.close();
            slab = null;
        }
        if (arena != 0) {
            Nss3.PORT_FreeArena(arena, 0);
            arena = 0;
        }
    }

    // ---- reading native results ------------------------------------------

    /**
     * A copy of the bytes of a native SECItem.
     *
     * @param item the address of the SECItem
     * @return its data (empty for a null data pointer or a length of 0)
     */
    public static byte[] itemBytes(long item) {
        long p = Mem.getPointer(item, Layout.ITEM_DATA);
        int len = Mem.getInt(item, Layout.ITEM_LEN);
        return p == 0 || len <= 0 ? new byte[0] : Mem.read(p, 0, len);
    }

    /**
     * The length field of a native SECItem.
     *
     * @param item the address of the SECItem
     * @return its len
     */
    public static int itemLen(long item) {
        return Mem.getInt(item, Layout.ITEM_LEN);
    }

    /**
     * Copies a C string NSS allocated and releases it with PORT_Free.
     *
     * @param p the string's address, or 0
     * @return its bytes (without the NUL), or null for 0
     */
    public static byte[] takePortString(long p) {
        return takeString(p, Nss3::PORT_Free);
    }

    /**
     * Copies a C string made by PR_smprintf (e.g. CERT_GetOidString's) and
     * releases it with PR_smprintf_free.
     *
     * @param p the string's address, or 0
     * @return its bytes (without the NUL), or null for 0
     */
    public static byte[] takeSmprintfString(long p) {
        return takeString(p, Nspr4::PR_smprintf_free);
    }

    /** A C string copied, then released by free; null for a null pointer. */
    private static byte[] takeString(long p, java.util.function.LongConsumer free) {
        if (p == 0) return null;
        try {
            return Mem.cStringBytes(p);
        } finally {
            free.accept(p);
        }
    }

    /**
     * The elements of a NULL-terminated native pointer array (at most a
     * million, as a guard against garbage).
     *
     * @param array the array's address, or 0
     * @return the pointers before the terminating NULL (empty for 0)
     */
    public static List<Long> pointerArray(long array) {
        List<Long> out = new ArrayList<>();
        if (array == 0) return out;
        for (int i = 0; i < 1_000_000; i++) {
            long p = Mem.getPointer(array, (long) i * Mem.POINTER_SIZE);
            if (p == 0) break;
            out.add(p);
        }
        return out;
    }
}
