package org.jnss.pk11;

import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.natives.Layout;
import org.jnss.nss.NssConstants;
import org.jnss.pki.KEYPQGParams;

/** Helpers of PK11Slot.generate_key_pair: the mechanism argument, the key parameters, mechanism names. */
final class KeyPairs {
    private KeyPairs() {}

    /**
     * The native key parameters for mechanism, made in scratch: a
     * PK11RSAGenParams for the RSA key pair mechanisms, a SECKEYPQGParams for
     * DSA, none (0) for the others, as python-nss passes them.
     */
    static long params(Scratch scratch, long mechanism, Object keyParams) {
        if (mechanism == NssConstants.CKM_RSA_PKCS_KEY_PAIR_GEN || mechanism == NssConstants.CKM_RSA_X9_31_KEY_PAIR_GEN) {
            if (!(keyParams instanceof RSAGenParams rsa)) throw wrongParams(mechanism, "nss.nss.RSAGenParams", keyParams);
            long p = scratch.calloc(Layout.RSAGEN_SIZE);
            org.jnss.natives.Mem.setInt(p, Layout.RSAGEN_KEY_SIZE, rsa.keySizeInBits());
            org.jnss.natives.Mem.setLong(p, Layout.RSAGEN_PE, rsa.publicExponentBits());
            return p;
        }
        if (mechanism == NssConstants.CKM_DSA_KEY_PAIR_GEN) {
            if (!(keyParams instanceof KEYPQGParams pqg)) throw wrongParams(mechanism, "nss.nss.KEYPQGParams", keyParams);
            long p = scratch.calloc(Layout.PQG_SIZE);
            copyItem(scratch, p + Layout.PQG_PRIME, pqg.getPrime().getData());
            copyItem(scratch, p + Layout.PQG_SUBPRIME, pqg.getSubprime().getData());
            copyItem(scratch, p + Layout.PQG_BASE, pqg.getBase().getData());
            return p;
        }
        return 0;
    }

    /** Fills the SECItem at item (inside a structure) with a scratch copy of data. */
    private static void copyItem(Scratch scratch, long item, byte[] data) {
        long src = scratch.item(data);
        org.jnss.natives.Mem.setInt(item, Layout.ITEM_TYPE, 0);
        org.jnss.natives.Mem.setPointer(item, Layout.ITEM_DATA, org.jnss.natives.Mem.getPointer(src, Layout.ITEM_DATA));
        org.jnss.natives.Mem.setInt(item, Layout.ITEM_LEN, data.length);
    }

    private static ArgumentError wrongParams(long mechanism, String expected, Object got) {
        return new ArgumentError("key_params for " + mechanismName(mechanism) + " mechanism must be " + expected
                + ", not " + PyTypeNames.of(got));
    }

    /** The CKM_* name of a mechanism (as key_mechanism_type_name() gives it), else "unknown(0x..)". */
    static String mechanismName(long mechanism) {
        String name = SymCipher.MECHANISMS.find(mechanism);
        return name != null ? name : "unknown(0x" + Long.toHexString(mechanism) + ")";
    }
}
