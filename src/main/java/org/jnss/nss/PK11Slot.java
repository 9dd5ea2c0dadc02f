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
}
