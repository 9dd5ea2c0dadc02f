package org.jnss.pk11;

import org.jnss.asn1.Scratch;
import org.jnss.core.NativeResource;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.SecItem;

/**
 * A mechanism parameter NSS allocated (PK11_ParamFromIV, PK11_ParamFromAlgid,
 * PK11_GenerateNewParam, PK11_GetPBECryptoMechanism): the SECItem is kept as
 * NSS made it, since some parameter structures hold pointers into memory NSS
 * owns, and freed with SECITEM_FreeItem. It is plain memory, so it does not
 * keep NSS from shutting down.
 */
public final class MechParam extends NativeResource {
    /** the mechanism NSS made the parameter for (ANY: unknown) */
    private final long mechanism;
    /** For {@link #adopt}: the mechanism the parameter was made for is not known (it is accepted for any). */
    public static final long ANY = -1;

    private MechParam(long item, long mechanism) {
        super(item, a -> Nss3.SECITEM_FreeItem(a, 1), false);
        this.mechanism = mechanism;
    }

    /**
     * Adopts the SECItem* an NSS call made for a mechanism: the result is a
     * SecItem with a copy of the octets for Python, backed by NSS's item, which
     * is freed once the SecItem is unreachable.
     *
     * @param item      the SECItem* the NSS call returned; 0 (NULL) when it failed
     * @param mechanism the CKM_* mechanism the parameter is for, or {@link #ANY}
     * @return the parameter
     * @throws NSPRError the thread's NSPR error when {@code item} is 0
     */
    public static SecItem adopt(long item, long mechanism) {
        if (item == 0) throw NSPRError.last();
        MechParam p = new MechParam(item, mechanism);
        long data = Mem.getPointer(item, Layout.ITEM_DATA);
        int len = Mem.getInt(item, Layout.ITEM_LEN);
        byte[] bytes = data == 0 || len <= 0 ? new byte[0] : Mem.read(data, 0, len);
        return new SecItem(p, bytes, Mem.getInt(item, Layout.ITEM_TYPE), data == 0);
    }

    /**
     * Mechanisms whose parameter is a structure holding pointers (PKCS #11
     * derivation data, PBE, GCM/CCM, OAEP, RC5, SSL/TLS, ECDH, KDFs): NSS
     * would follow whatever octets it is given (python-nss crashes), so only a
     * parameter NSS made for the mechanism is accepted for them.
     */
    private static final java.util.Set<Long> POINTER_PARAMS = java.util.Set.of(
            0x9L, 0x31L, 0x32L, 0x33L, 0x333L, 0x335L, 0x336L, 0x337L,
            0x362L, 0x363L, 0x364L, 0x365L, 0x371L, 0x372L, 0x373L, 0x374L, 0x375L, 0x376L, 0x377L, 0x378L,
            0x37aL, 0x37bL, 0x37cL, 0x37dL, 0x37eL, 0x381L, 0x382L, 0x383L, 0x392L,
            0x3acL, 0x3adL, 0x3aeL, 0x3b0L, 0x3c0L, 0x3d0L, 0x3d1L, 0x3d2L, 0x3d3L, 0x3d4L, 0x3d5L, 0x3d6L, 0x3d7L,
            0x3e0L, 0x3e1L, 0x3e2L, 0x3e3L, 0x3e4L, 0x3e5L, 0x401L,
            0x1001L, 0x1002L, 0x1003L, 0x1004L, 0x1005L, 0x1006L, 0x1007L, 0x1008L, 0x1009L, 0x100aL, 0x1011L,
            0x1050L, 0x1051L, 0x1052L, 0x1087L, 0x1088L, 0x108bL, 0x108cL,
            0x1100L, 0x1101L, 0x1102L, 0x1103L, 0x1104L, 0x1105L, 0x1506L, 0x1507L, 0x1562L, 0x1563L, 0x1652L, 0x1653L,
            0x4021L, 0x4029L, 0x402aL, 0x402bL, 0x402cL, 0x402eL, 0x402fL, 0x4030L, 0x4031L);

    private static boolean pointerParam(long mechanism) {
        return POINTER_PARAMS.contains(mechanism) || (mechanism >= 0x3a0L && mechanism <= 0x3abL)
                || (mechanism & 0x80000000L) != 0;    // vendor (NSS) mechanisms: not known here
    }

    /** Octets after a copied parameter, zeroed, so a parameter shorter than its structure is read as zeros. */
    private static final int SLACK = 256;

    /** {@link #with(SecItem, java.util.function.LongFunction)} for a parameter of mechanism, checked as above. */
    static <T> T with(long mechanism, SecItem item, java.util.function.LongFunction<T> op) {
        // shorter than a pointer: NSS refuses the length before reading the structure
        if (item != null && item.getLen() >= Mem.POINTER_SIZE && pointerParam(mechanism)) {
            MechParam p = item.mechParam();
            if (p == null || (p.mechanism != mechanism && p.mechanism != ANY))
                throw new NSPRError("the parameter of mechanism 0x" + Long.toHexString(mechanism)
                        + " holds pointers: only a parameter NSS made for it can be used",
                        org.jnss.error.ErrorConstants.SEC_ERROR_INVALID_ARGS);
        }
        return with(item, op);
    }

    /**
     * Runs op with the native SECItem of an optional parameter argument: NSS's
     * own item for a parameter NSS made (held for the call), else a temporary
     * copy of the data; 0 for None.
     */
    static <T> T with(SecItem item, java.util.function.LongFunction<T> op) {
        if (item == null) return op.apply(0);
        MechParam p = item.mechParam();
        if (p != null) return p.with(op);
        byte[] data = item.toByteArray();
        try (Scratch sc = new Scratch()) {
            long buf = sc.calloc(data.length + SLACK);
            Mem.write(buf, 0, data, 0, data.length);
            long native_ = sc.calloc(Layout.ITEM_SIZE);
            Mem.setInt(native_, Layout.ITEM_TYPE, item.getType());
            Mem.setPointer(native_, Layout.ITEM_DATA, buf);
            Mem.setInt(native_, Layout.ITEM_LEN, data.length);
            return op.apply(native_);
        }
    }
}
