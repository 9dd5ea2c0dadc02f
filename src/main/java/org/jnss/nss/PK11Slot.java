package org.jnss.nss;

import org.jnss.core.NativeResource;
import org.jnss.core.Py;
import org.jnss.natives.Nss3;

/** A PKCS#11 slot (PK11SlotInfo), holding one NSS reference. */
public class PK11Slot extends NativeResource {
    /** Takes a new reference to slot (the caller keeps its own). */
    static PK11Slot reference(long slot) {
        return new PK11Slot(Nss3.PK11_ReferenceSlot(slot));
    }

    /** Adopts a reference the caller owns. */
    PK11Slot(long slot) {
        super(slot, Nss3::PK11_FreeSlot, true);
    }

    /** Runs op with the slot's handle, held for the duration of the call. */
    <T> T withHandle(java.util.function.LongFunction<T> op) {
        long s = acquire();
        try {
            return op.apply(s);
        } finally {
            release();
        }
    }

    @Py("slot_name")
    public String getSlotName() {
        long s = acquire();
        try {
            return Nss3.PK11_GetSlotName(s);
        } finally {
            release();
        }
    }

    @Py("token_name")
    public String getTokenName() {
        long s = acquire();
        try {
            return Nss3.PK11_GetTokenName(s);
        } finally {
            release();
        }
    }

    /** acquire()/release() for the other classes of the package (bracket every use). */
    long acquireHandle() { return acquire(); }

    void releaseHandle() { release(); }

    /** The certificates on the slot's token (PK11_ListCertsInSlot), each with its own reference. */
    @Py("list_certs()")
    public Object[] listCerts() {
        return withHandle(CertVerify::listCertsInSlot);
    }

    // ---- symmetric keys (key_gen, pbe_key_gen, best wrap mechanism and key length) ----

    /** A new symmetric key for mechanism of key_size octets (0: the mechanism's default). */
    @Py("key_gen(mechanism, sec_param, key_size, /, *user_data)")
    public PK11SymKey keyGen(long mechanism, Object sec, int keySize, Object... userData) {
        SecItem secParam = SymCipher.secParam(sec);
        long pin = Passwords.pinArgs(userData);
        try {
            return withHandle(s -> MechParam.with(mechanism, secParam, p ->
                    PK11SymKey.adopt(Nss3.PK11_KeyGen(s, mechanism, p, keySize, pin))));
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /** The key a password gives under a PBE algorithm identifier (e.g. from create_pbev2_algorithm_id()). */
    @Py("pbe_key_gen(algid, password, /, *user_data)")
    public PK11SymKey pbeKeyGen(AlgorithmID algid, byte[] password, Object... userData) {
        long pin = Passwords.pinArgs(userData);
        try (Scratch sc = new Scratch()) {
            long pw = sc.item(password);
            PK11SymKey key = withHandle(s -> algid.withNative(a ->
                    PK11SymKey.adopt(Nss3.PK11_PBEKeyGen(s, a, pw, 0, pin))));
            key.setPbePassword(password);
            return key;
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    @Py("get_best_wrap_mechanism()")
    public long getBestWrapMechanism() {
        return withHandle(s -> Nss3.PK11_GetBestWrapMechanism(s));
    }

    @Py("get_best_key_length(mechanism, /)")
    public int getBestKeyLength(long mechanism) {
        return withHandle(s -> Nss3.PK11_GetBestKeyLength(s, mechanism));
    }
}
