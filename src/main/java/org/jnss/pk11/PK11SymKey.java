package org.jnss.pk11;

import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.SecItem;


/**
 * A symmetric (secret) key held by a PKCS #11 token (NSS's PK11SymKey),
 * Python's {@code nss.nss.PK11SymKey}: for ciphers, MACs and key wrapping.
 * There is no constructor: keys come from {@link SymCipher#importSymKey}
 * ({@code import_sym_key()}), {@link PK11Slot#keyGen} and {@link PK11Slot#pbeKeyGen},
 * {@link #derive} and {@link #unwrapSymKey}. Use one with
 * {@link SymCipher#createContextBySymKey} ({@code create_context_by_sym_key()}).
 *
 * <p>Holds one NSS reference (released with PK11_FreeSymKey): {@link #close()}
 * (or try-with-resources) releases it at once; a dropped key is released once
 * the collector finds it unreachable. A live key keeps NSS from shutting down.
 * {@code str()} and {@code format()} show its mechanism, length, value and slot.
 */
public class PK11SymKey extends NativeResource implements Formatted {
    /** Adopts a PK11SymKey reference the caller owns (NULL: the thread's NSPR error is raised). */
    static PK11SymKey adopt(long key) {
        if (key == 0) throw NSPRError.last();
        return new PK11SymKey(key);
    }

    PK11SymKey(long key) {
        super(key, Nss3::PK11_FreeSymKey, true);
        weigh(HEAVY_WEIGHT);
    }

    /**
     * The password pbe_key_gen() made this key from (python-nss keeps it with
     * the key for get_pbe_crypto_mechanism(), which derives PKCS #12 IVs from it).
     */
    private volatile byte[] pbePassword;

    void setPbePassword(byte[] password) { this.pbePassword = password.clone(); }

    /**
     * The password {@link PK11Slot#pbeKeyGen} made this key from, which
     * {@code AlgorithmID.get_pbe_crypto_mechanism()} needs.
     *
     * @return the password octets (the key's own array: do not change it), or
     *         null for a key not made from a password
     */
    public byte[] pbePassword() { return pbePassword; }

    /**
     * The mechanism the key is for ({@code PK11_GetMechanism}); a read-only
     * property ({@code mechanism}) in Python.
     *
     * @return a CKM_* constant
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the key is closed
     */
    @Python("mechanism")
    public long getMechanism() {
        return with(Nss3::PK11_GetMechanism);
    }

    /**
     * The key's value in the clear; a read-only property ({@code key_data}) in
     * Python. NSS extracts it from the token first ({@code PK11_ExtractKeyValue}).
     *
     * @return the key octets (a str in Python); empty when NSS has none
     * @throws NSPRError NSS's error when the value cannot leave the token (a
     *                   sensitive key), or SEC_ERROR_INVALID_ARGS when the key is closed
     */
    @Python("key_data")
    public byte[] getKeyData() {
        return with(k -> {
            if (Nss3.PK11_ExtractKeyValue(k) != 0) throw NSPRError.last();
            long item = Nss3.PK11_GetKeyData(k);
            return item == 0 ? new byte[0] : Scratch.itemBytes(item);
        });
    }

    /**
     * The key's length ({@code PK11_GetKeyLength}); a read-only property
     * ({@code key_length}) in Python. NSS's unsigned int: python-nss shows a
     * derived key asked for -1 octets as 4294967295, and so does this.
     *
     * @return the length in octets
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the key is closed
     */
    @Python("key_length")
    public long getKeyLength() {
        return with(k -> Nss3.PK11_GetKeyLength(k) & 0xffffffffL);
    }

    /**
     * The slot whose token holds the key ({@code PK11_GetSlotFromKey}); a
     * read-only property ({@code slot}) in Python.
     *
     * @return a new slot object with its own reference
     * @throws NSPRError NSS's error, or SEC_ERROR_INVALID_ARGS when the key is closed
     */
    @Python("slot")
    public PK11Slot getSlot() {
        return with(k -> {
            long s = Nss3.PK11_GetSlotFromKey(k);
            if (s == 0) throw NSPRError.last();
            return PK11Slot.adopt(s);
        });
    }

    /**
     * Derives a new key from this one ({@code PK11_Derive}). The new key is a
     * session key that can do exactly one operation.
     *
     * @param mechanism the derivation mechanism, a CKM_* constant
     * @param sec       the derivation parameters, a SecItem, or null (None) for
     *                  none; for mechanisms whose parameter is a structure NSS
     *                  reads pointers from, only a parameter NSS made for the
     *                  mechanism is accepted
     * @param target    the mechanism the new key is for, a CKM_* constant
     * @param operation what the new key will do, a CKA_* constant (CKA_ENCRYPT,
     *                  CKA_DECRYPT, CKA_SIGN, CKA_VERIFY, ...)
     * @param keySize   the new key's length in octets; 0 for the target mechanism's own
     * @return the new key
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code sec} is neither a SecItem nor None
     * @throws NSPRError NSS's error when the key cannot be derived; SEC_ERROR_INVALID_ARGS
     *                   for a parameter not made by NSS where one must be, or when the key is closed
     */
    @Python("derive(mechanism, sec_param, target, operation, key_size, /)")
    public PK11SymKey derive(@Python.Unsigned long mechanism, Object sec, @Python.Unsigned long target, @Python.Unsigned long operation,
                             int keySize) {
        SecItem secParam = SymCipher.secParam(sec);
        return with(k -> MechParam.with(mechanism, secParam, p ->
                adopt(Nss3.PK11_Derive(k, mechanism, p, target, operation, keySize))));
    }

    /**
     * Wraps (encrypts) another symmetric key with this one
     * ({@code PK11_WrapSymKey}), so that it can leave the token.
     *
     * @param mechanism the wrapping mechanism, a CKM_* constant (e.g. CKM_AES_ECB)
     * @param sec       the mechanism's parameters (an IV, for instance), a SecItem,
     *                  or null (None) for none
     * @param symKey    the key to wrap
     * @return the wrapped key
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code sec} is neither a SecItem nor None
     * @throws NSPRError NSS's error when the key cannot be wrapped, or
     *                   SEC_ERROR_INVALID_ARGS when a key is closed
     */
    @Python("wrap_sym_key(mechanism, sec_param, sym_key, /)")
    public SecItem wrapSymKey(@Python.Unsigned long mechanism, Object sec, PK11SymKey symKey) {
        SecItem secParam = SymCipher.secParam(sec);
        return with(k -> symKey.with(s -> MechParam.with(mechanism, secParam, p ->
                wrapped((item) -> Nss3.PK11_WrapSymKey(mechanism, p, k, s, item), Nss3.PK11_GetKeyLength(s)))));
    }

    /**
     * Unwraps (decrypts) a wrapped key with this one ({@code PK11_UnwrapSymKey}),
     * the reverse of {@link #wrapSymKey}; the key goes straight into the token.
     *
     * @param mechanism  the wrapping mechanism, a CKM_* constant
     * @param sec        the mechanism's parameters, a SecItem, or null (None) for none
     * @param wrappedKey the wrapped key
     * @param target     the mechanism the unwrapped key is for, a CKM_* constant
     * @param operation  what the unwrapped key will do, a CKA_* constant
     * @param keySize    the unwrapped key's length in octets; 0 to take it from the data
     * @return the unwrapped key
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code sec} is neither a SecItem nor None
     * @throws NSPRError NSS's error when the key cannot be unwrapped, or
     *                   SEC_ERROR_INVALID_ARGS when the key is closed
     */
    @Python("unwrap_sym_key(mechanism, sec_param, wrapped_key, target, operation, key_size, /)")
    public PK11SymKey unwrapSymKey(@Python.Unsigned long mechanism, Object sec, SecItem wrappedKey,
                                   @Python.Unsigned long target, @Python.Unsigned long operation, int keySize) {
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

    /**
     * The key's report for {@code format_lines()}, {@code format()} and
     * {@code str()}: its mechanism, length, value in hex and its slot's report.
     *
     * @param level the indentation level of the lines
     * @return the lines
     * @throws NSPRError NSS's error (e.g. when the value cannot be extracted), or
     *                   SEC_ERROR_INVALID_ARGS when the key is closed
     */
    @Override
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

}
