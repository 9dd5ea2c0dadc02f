package org.jnss.pkcs12;

import org.jnss.asn1.Formatted;
import org.jnss.core.NativeResource.Lease;
import org.jnss.asn1.Lines;
import org.jnss.core.ArgumentError;
import org.jnss.core.FileObjects;
import org.jnss.core.NativeResource;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nss3;
import org.jnss.natives.Smime3;
import org.jnss.nss.NssRuntime;
import org.jnss.pk11.PK11Slot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A decoded PKCS #12 (.p12) file, Python's {@code nss.nss.PKCS12Decoder}: a
 * sequence of {@link PKCS12DecodeItem} bags (certificates and keys) that
 * {@link #databaseImport()} can store in an NSS database. Made with
 * {@link #create} ({@code PKCS12Decoder(file, password, slot=None)} in Python).
 *
 * <p>Holds the NSS decoder context (SEC_PKCS12DecoderContext, kept for
 * database_import()) and the bags, copied when the file is decoded. The
 * context keeps its slot referenced, so a live decoder keeps NSS from shutting
 * down: {@link #close()} (or try-with-resources) releases it at once, a dropped
 * decoder once the collector finds it unreachable; the password copy NSS used
 * is wiped then.
 */
public final class PKCS12Decoder extends NativeResource implements Formatted {
    private final List<PKCS12DecodeItem> items;

    private PKCS12Decoder(long ctx, long password, List<PKCS12DecodeItem> items) {
        super(ctx, destroyer(password), true);
        this.items = items;
    }

    /** Finishes the decoder, then wipes and frees the password item it pointed to. */
    private static LongConsumer destroyer(long password) {
        return ctx -> {
            Smime3.SEC_PKCS12DecoderFinish(ctx);
            Nss3.SECITEM_ZfreeItem(password, 1);
        };
    }

    /**
     * Reads, decrypts and verifies a PKCS #12 file. NSS must be initialized.
     *
     * @param file     a path (String; relative to the current directory) or, in Python, a
     *                 file object with a {@code read()} method returning the octets
     * @param password the password protecting the file, a str or unicode (converted to
     *                 the UCS-2 form PKCS #12 keys are derived from; cut at a NUL)
     * @param slot     the {@link PK11Slot} whose token will receive the contents, or null
     *                 (None, the default) for the internal key slot
     * @return the decoder, holding the file's bags
     * @throws org.jnss.core.ArgumentError (Python's TypeError) for a password that is not
     *         text, a slot that is not a PK11Slot, or a file that is neither a path nor readable
     * @throws java.io.UncheckedIOException (Python's IOError) when the file cannot be read
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized; "PKCS12
     *                   decoding failed" with NSS's error for data that is not PKCS #12;
     *                   "PKCS12 decode not verified" with SEC_ERROR_BAD_PASSWORD for a wrong password
     */
    @Python("PKCS12Decoder(file, password, slot=None)")
    public static PKCS12Decoder create(Object file, @Python.Raw Object password, Object slot) {
        byte[] pwBytes = Pkcs12.esArgument(password, "PKCS12Decoder", 2);
        if (slot != null && !(slot instanceof PK11Slot))
            throw new ArgumentError("must be nss.nss.PK11Slot or None, not " + PyTypeNames.of(slot));
        byte[] data = FileObjects.read(file);
        if (data == null) throw new ArgumentError("Bad file, must be pathname or file like object with read() method");
        NssRuntime.requireInitialized();
        long pw = Pkcs12.ucs2Password(pwBytes);
        long ctx = 0;
        try {
            ctx = start(pw, (PK11Slot) slot);
            if (Smime3.SEC_PKCS12DecoderUpdate(ctx, data, data.length) != 0)
                throw NSPRError.last("PKCS12 decoding failed");
            if (Smime3.SEC_PKCS12DecoderVerify(ctx) != 0)
                throw NSPRError.last("PKCS12 decode not verified");
            List<PKCS12DecodeItem> items = readItems(ctx);
            PKCS12Decoder d = new PKCS12Decoder(ctx, pw, items);
            ctx = 0;
            pw = 0;
            return d;
        } finally {
            if (ctx != 0) Smime3.SEC_PKCS12DecoderFinish(ctx);
            if (pw != 0) Nss3.SECITEM_ZfreeItem(pw, 1);
        }
    }

    /** SEC_PKCS12DecoderStart on the given slot or the internal key slot (the context takes its own reference). */
    private static long start(long pw, PK11Slot slot) {
        long ctx;
        if (slot == null) {
            long s = Nss3.PK11_GetInternalKeySlot();
            if (s == 0) throw NSPRError.last("PKCS12 decoder start failed");
            try {
                ctx = Smime3.SEC_PKCS12DecoderStart(pw, s, 0, 0, 0, 0, 0, 0);
                if (ctx == 0) throw NSPRError.last("PKCS12 decoder start failed");
            } finally {
                Nss3.PK11_FreeSlot(s);
            }
        } else {
            try (Lease slotLease = slot.lease()) {
                long s = slotLease.handle();
                ctx = Smime3.SEC_PKCS12DecoderStart(pw, s, 0, 0, 0, 0, 0, 0);
                if (ctx == 0) throw NSPRError.last("PKCS12 decoder start failed");
            }
        }
        return ctx;
    }

    private static List<PKCS12DecodeItem> readItems(long ctx) {
        if (Smime3.SEC_PKCS12DecoderIterateInit(ctx) != 0) throw NSPRError.last("PKCS12 item iteration failed");
        List<PKCS12DecodeItem> out = new ArrayList<>();
        long[] item = new long[1];
        while (Smime3.SEC_PKCS12DecoderIterateNext(ctx, item) == 0 && item[0] != 0)
            out.add(PKCS12DecodeItem.fromNative(item[0]));
        return Collections.unmodifiableList(out);
    }

    /**
     * The number of bags, Python's {@code len(decoder)}.
     *
     * @return the number of items
     */
    @Python("__len__()")
    public int length() {
        return items.size();
    }

    /**
     * One bag by index, Python's {@code decoder[i]} (in Python a negative index counts from
     * the end, and a key that is not an integer is a TypeError: the binder's sequence rules).
     *
     * @param index the bag's position, from 0
     * @return the bag
     * @throws IndexOutOfBoundsException (Python's IndexError "tuple index out of range") when
     *         there is no bag at that position
     */
    @Python("__getitem__(key)")
    public PKCS12DecodeItem getItem(@Python.Index long index) {
        long i = index;
        if (i < 0 || i >= items.size()) throw new IndexOutOfBoundsException("tuple index out of range");
        return items.get((int) i);
    }

    /**
     * The bags, for Java callers (Python indexes the decoder instead).
     *
     * @return the items in file order (unmodifiable)
     */
    public List<PKCS12DecodeItem> items() {
        return items;
    }

    /**
     * Imports the certificates and keys into the slot's database given at
     * decoding: SEC_PKCS12DecoderValidateBags, then SEC_PKCS12DecoderImportBags.
     * A certificate without a nickname, or whose nickname is taken, gets one
     * from the callback set with {@link Pkcs12#pkcs12SetNicknameCollisionCallback}
     * on this thread, or else from NSS ({@code CERT_MakeCANickname}).
     *
     * @throws NSPRError "PKCS12 decode validate bags failed" or "PKCS12 decode import
     *                   bags failed" with NSS's error (e.g. SEC_ERROR_CERT_NICKNAME_COLLISION
     *                   when no usable nickname was found); SEC_ERROR_INVALID_ARGS when the
     *                   decoder is closed
     */
    @Python("database_import()")
    public void databaseImport() {
        try (Lease l = lease()) {
            long ctx = l.handle();
            if (Smime3.SEC_PKCS12DecoderValidateBags(ctx, Pkcs12.collisionCallback()) != 0)
                throw NSPRError.last("PKCS12 decode validate bags failed");
            if (Smime3.SEC_PKCS12DecoderImportBags(ctx) != 0)
                throw NSPRError.last("PKCS12 decode import bags failed");
        }
    }

    /**
     * The decoder's report for {@code format_lines()}, {@code format()} and
     * {@code str()}: the number of bags, then each bag's report.
     *
     * @param level the indentation level of the lines
     * @return the lines
     */
    @Override
    public Lines lines(int level) {
        Lines lines = new Lines();
        int n = items.size();
        lines.label(level, n + " PKCS12 Decode Items");
        for (int i = 0; i < n; i++) {
            lines.label(level, "Item " + (i + 1));
            items.get(i).lines(lines, level + 1);
            if (i < n - 1) lines.list.add(new Object[]{level});
        }
        return lines;
    }

}
