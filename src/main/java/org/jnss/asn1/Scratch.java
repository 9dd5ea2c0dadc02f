package org.jnss.asn1;

import org.jnss.natives.Nspr4;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;

import java.util.ArrayList;
import java.util.List;

/**
 * Native memory for the duration of one operation: SECItems built from Java
 * bytes, zeroed structures and an NSS arena for decoders, all released by
 * {@link #close()}. Decoded results are copied to Java before the scope ends.
 */
public final class Scratch implements AutoCloseable {
    private final List<Long> blocks = new ArrayList<>();
    private long arena;

    /** A native SECItem holding a copy of data. */
    public long item(byte[] data) {
        return item(data, 0);
    }

    public long item(byte[] data, int type) {
        long buf = Mem.malloc(Math.max(1, data.length));
        blocks.add(buf);
        Mem.write(buf, 0, data, 0, data.length);
        long item = calloc(Layout.ITEM_SIZE);
        Mem.setInt(item, Layout.ITEM_TYPE, type);
        Mem.setPointer(item, Layout.ITEM_DATA, buf);
        Mem.setInt(item, Layout.ITEM_LEN, data.length);
        return item;
    }

    /** Zeroed native memory. */
    public long calloc(long size) {
        long p = Mem.calloc(size);
        blocks.add(p);
        return p;
    }

    /** An NSS arena, made on first use, freed with the scope. */
    public long arena() {
        if (arena == 0) {
            arena = Nss3.PORT_NewArena(2048);
            if (arena == 0) throw NSPRError.last();
        }
        return arena;
    }

    @Override
    public void close() {
        for (long p : blocks) Mem.free(p);
        blocks.clear();
        if (arena != 0) {
            Nss3.PORT_FreeArena(arena, 0);
            arena = 0;
        }
    }

    // ---- reading native results ------------------------------------------

    /** The bytes of the SECItem at addr (empty for a null data pointer). */
    public static byte[] itemBytes(long item) {
        long p = Mem.getPointer(item, Layout.ITEM_DATA);
        int len = Mem.getInt(item, Layout.ITEM_LEN);
        return p == 0 || len <= 0 ? new byte[0] : Mem.read(p, 0, len);
    }

    public static int itemLen(long item) {
        return Mem.getInt(item, Layout.ITEM_LEN);
    }

    /** A C string owned by NSS, copied, then released with PORT_Free; null for a null pointer. */
    public static byte[] takePortString(long p) {
        return takeString(p, Nss3::PORT_Free);
    }

    /** A C string made by PR_smprintf (CERT_GetOidString), copied then freed; null for a null pointer. */
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

    /** Elements of a NULL-terminated native pointer array (bounded, as a guard against garbage). */
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
