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
 * A decoded PKCS#12 file (python-nss's PKCS12Decoder): the NSS decoder
 * context (SEC_PKCS12DecoderContext, kept for database_import()) and the
 * bags it holds, copied when the file is decoded. The context keeps its slot
 * referenced, so a live decoder keeps NSS busy.
 */
@Python.Type(doc = "PKCS12Decoder(file, password, slot=None)\n\n"
        + ":Parameters:\n"
        + "    file : file name or file object\n"
        + "        the PKCS#12 data: a path to read, or an object with a read() method\n"
        + "    password : string\n"
        + "        the password protecting the PKCS#12 contents\n"
        + "    slot : `PK11Slot` object\n"
        + "        the slot to use; None means the internal key slot\n"
        + "        (see `nss.get_internal_key_slot()`)\n")
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

    @Python("__len__()")
    public int length() {
        return items.size();
    }

    /** Items by index, negative ones from the end (python-nss's sequence protocol). */
    @Python("__getitem__(key)")
    public PKCS12DecodeItem getItem(@Python.Index long i) {
        if (i < 0 || i >= items.size()) throw new IndexOutOfBoundsException("tuple index out of range");
        return items.get((int) i);
    }

    /** The bags (for Java callers). */
    public List<PKCS12DecodeItem> items() {
        return items;
    }

    /**
     * Imports the bags into the slot's database: SEC_PKCS12DecoderValidateBags
     * (nickname collisions go to the callback set with
     * pkcs12_set_nickname_collision_callback, or to CERT_MakeCANickname), then
     * SEC_PKCS12DecoderImportBags.
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
