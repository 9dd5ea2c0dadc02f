package org.jnss.pk11;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.SecItem;

import java.util.List;

/**
 * A symmetric key (PK11SymKey), holding one NSS reference (PK11_FreeSymKey).
 * Python cannot create one directly: keys come from import_sym_key(),
 * PK11Slot.key_gen()/pbe_key_gen(), derive() and unwrap_sym_key().
 */
@Python.Type(doc = "Holds a hash, encryption or signing context for multi-part operations.\n")
public class PK11SymKey extends NativeResource {
    /** Adopts a PK11SymKey reference the caller owns (NULL: the thread's NSPR error is raised). */
    static PK11SymKey adopt(long key) {
        if (key == 0) throw NSPRError.last();
        return new PK11SymKey(key);
    }

    PK11SymKey(long key) {
        super(key, Nss3::PK11_FreeSymKey, true);
    }

    /**
     * The password pbe_key_gen() made this key from (python-nss keeps it with
     * the key for get_pbe_crypto_mechanism(), which derives PKCS #12 IVs from it).
     */
    private volatile byte[] pbePassword;

    void setPbePassword(byte[] password) { this.pbePassword = password.clone(); }

    public byte[] pbePassword() { return pbePassword; }

    /** acquire()/release() for the other classes of the package (bracket every use). */
    long acquireHandle() { return acquire(); }

    void releaseHandle() { release(); }

    /** Runs op with the key's handle held for the duration of the call. */
    public <T> T withHandle(java.util.function.LongFunction<T> op) {
        return with(op);
    }

    @Python("mechanism")
    public long getMechanism() {
        return with(Nss3::PK11_GetMechanism);
    }

    /** The key's value (NSS extracts it first); empty when NSS has none. */
    @Python("key_data")
    public byte[] getKeyData() {
        return with(k -> {
            if (Nss3.PK11_ExtractKeyValue(k) != 0) throw NSPRError.last();
            long item = Nss3.PK11_GetKeyData(k);
            return item == 0 ? new byte[0] : Scratch.itemBytes(item);
        });
    }

    /** NSS's unsigned int (python-nss shows a derived key asked for -1 octets as 4294967295). */
    @Python("key_length")
    public long getKeyLength() {
        return with(k -> Nss3.PK11_GetKeyLength(k) & 0xffffffffL);
    }

    @Python("slot")
    public PK11Slot getSlot() {
        return with(k -> {
            long s = Nss3.PK11_GetSlotFromKey(k);
            if (s == 0) throw NSPRError.last();
            return PK11Slot.adopt(s);
        });
    }

    /** A new key derived from this one, able to do exactly one operation (a session key). */
    @Python("derive(mechanism, sec_param, target, operation, key_size, /)")
    public PK11SymKey derive(long mechanism, Object sec, long target, long operation, int keySize) {
        SecItem secParam = SymCipher.secParam(sec);
        return with(k -> MechParam.with(mechanism, secParam, p ->
                adopt(Nss3.PK11_Derive(k, mechanism, p, target, operation, keySize))));
    }

    /** symKey encrypted with this key, as a SecItem. */
    @Python("wrap_sym_key(mechanism, sec_param, sym_key, /)")
    public SecItem wrapSymKey(long mechanism, Object sec, PK11SymKey symKey) {
        SecItem secParam = SymCipher.secParam(sec);
        return with(k -> symKey.with(s -> MechParam.with(mechanism, secParam, p ->
                wrapped((item) -> Nss3.PK11_WrapSymKey(mechanism, p, k, s, item), Nss3.PK11_GetKeyLength(s)))));
    }

    /** wrappedKey decrypted with this key: a new key for target mechanism and operation. */
    @Python("unwrap_sym_key(mechanism, sec_param, wrapped_key, target, operation, key_size, /)")
    public PK11SymKey unwrapSymKey(long mechanism, Object sec, SecItem wrappedKey,
                                   long target, long operation, int keySize) {
        SecItem secParam = SymCipher.secParam(sec);
        return with(k -> MechParam.with(mechanism, secParam, p -> MechParam.with(wrappedKey, w ->
                adopt(Nss3.PK11_UnwrapSymKey(k, mechanism, p, w, target, operation, keySize)))));
    }

    /**
     * Runs a wrap call into an output SECItem sized for keyLength octets plus
     * padding, block and RSA overhead (NSS writes at most the item's len and
     * reports SEC_ERROR_OUTPUT_LEN when that is too small); returns the octets.
     */
    static SecItem wrapped(java.util.function.LongToIntFunction wrap, int keyLength) {
        int cap = Math.max(1024, keyLength + 256);
        try (Scratch sc = new Scratch()) {
            long item = sc.item(new byte[cap]);
            if (wrap.applyAsInt(item) != 0) throw NSPRError.last();
            int len = Mem.getInt(item, Layout.ITEM_LEN);
            long data = Mem.getPointer(item, Layout.ITEM_DATA);
            byte[] out = len <= 0 || data == 0 ? new byte[0] : Mem.read(data, 0, Math.min(len, cap));
            return new SecItem(out);
        }
    }

    public Lines lines(int level) {
        Lines l = new Lines();
        long mech = getMechanism();
        l.pair(level, "Mechanism", SymCipher.mechanismText(mech));
        l.pair(level, "Key Length", Long.toString(getKeyLength()));
        l.label(level, "Key Data");
        l.hex(level + 1, getKeyData());
        l.label(level, "PK11 Slot");
        try (PK11Slot slot = getSlot()) {
            SymCipher.slotLines(l, slot, level + 1);
        }
        return l;
    }

    @Python("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        return lines(level).toPython();
    }

    @Python("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) {
        return BStr.bytes(lines(level).indented(indentLen));
    }

    @Python("__str__()")
    public byte[] str() {
        return format(0, 4);
    }
}
