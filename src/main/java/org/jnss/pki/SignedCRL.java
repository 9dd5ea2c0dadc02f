package org.jnss.pki;

import org.jnss.core.NativeResource.Lease;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;
import org.jnss.pk11.PK11Slot;
import org.jnss.pk11.Passwords;

/**
 * A signed certificate revocation list (NSS's CERTSignedCrl),
 * {@code nss.nss.SignedCRL} in Python, as python-nss 1.0.1 has it: made by
 * {@link Pki#decodeDerCrl decode_der_crl()} or {@link Pki#importCrl
 * import_crl()}, or found with CertDB's find_crl_by_name() and
 * find_crl_by_cert(); its one method is delete_permanently(). The DER handed
 * to NSS lives in native memory owned by NSS or by this object (NSS keeps
 * pointing at it when CRL_DECODE_DONT_COPY_DER is given), never in memory
 * Python may free.
 *
 * <p>Each object holds one NSS reference to the CRL. In Java,
 * {@link #close()} (or try-with-resources) releases it at once; an object
 * dropped without close releases it once the collector finds it unreachable.
 */
public class SignedCRL extends NativeResource {

    /** Adopts a CERTSignedCrl; derItem (or 0) is a SECITEM_AllocItem'ed item the CRL refers to, freed after it. */
    private SignedCRL(long crl, long derItem, boolean imported) {
        super(crl, h -> {
            Nss3.SEC_DestroyCrl(h);
            if (derItem != 0) Nss3.SECITEM_FreeItem(derItem, 1);
        }, imported);
    }

    /** python-nss lets SignedCRL() be made empty; such an object holds no CRL. */
    private SignedCRL() {
        super();
    }

    /**
     * An empty SignedCRL holding no CRL, as python-nss lets Python make one;
     * its delete_permanently() fails with SEC_ERROR_CRL_INVALID.
     *
     * @return the empty object
     */
    @Python("SignedCRL()")
    public static SignedCRL create() {
        return new SignedCRL();
    }

    /** The DER in a new NSS-allocated SECItem (SECITEM_FreeItem(item, PR_TRUE) releases it). */
    private static long nativeDer(byte[] der) {
        long item = Nss3.SECITEM_AllocItem(0, 0, der.length);
        if (item == 0) throw NSPRError.last();
        if (der.length > 0) Mem.write(Mem.getPointer(item, Layout.ITEM_DATA), 0, der, 0, der.length);
        return item;
    }

    /** Who frees the DER item once NSS has the CRL: nobody (NSS adopted it), the CRL's owner, or the caller now. */
    private static long keptDer(long item, int decodeOptions) {
        if ((decodeOptions & NssConstants.CRL_DECODE_ADOPT_HEAP_DER) != 0) return 0;
        if ((decodeOptions & NssConstants.CRL_DECODE_DONT_COPY_DER) != 0) return item;
        Nss3.SECITEM_FreeItem(item, 1);
        return 0;
    }

    /** On failure NSS may or may not have taken an adopted item: leaking it is the safe choice. */
    private static void failed(long item, int decodeOptions) {
        if ((decodeOptions & NssConstants.CRL_DECODE_ADOPT_HEAP_DER) == 0) Nss3.SECITEM_FreeItem(item, 1);
    }

    /**
     * Decodes a DER CRL (CERT_DecodeDERCrlWithFlags): the implementation of
     * {@link Pki#decodeDerCrl decode_der_crl()}.
     *
     * @param derCrl the DER encoded CRL
     * @param type SEC_CRL_TYPE or SEC_KRL_TYPE
     * @param decodeOptions CRL_DECODE_DEFAULT_OPTIONS or a bitwise OR of CRL_DECODE_* flags
     * @return the decoded CRL
     * @throws NSPRError when NSS cannot decode it (e.g. SEC_ERROR_BAD_DER)
     */
    public static SignedCRL decode(SecItem derCrl, int type, int decodeOptions) {
        long item = nativeDer(derCrl.toByteArray());
        long crl = Nss3.CERT_DecodeDERCrlWithFlags(0, item, type, decodeOptions);
        if (crl == 0) {
            NSPRError e = NSPRError.last();
            failed(item, decodeOptions);
            throw e;
        }
        return new SignedCRL(crl, keptDer(item, decodeOptions), false);
    }

    /**
     * Imports a DER CRL into a slot's database (PK11_ImportCRL): the
     * implementation of {@link Pki#importCrl import_crl()}.
     *
     * @param slot the slot to store the CRL in
     * @param derCrl the DER encoded CRL
     * @param url the URL the CRL was fetched from
     * @param type SEC_CRL_TYPE or SEC_KRL_TYPE
     * @param importOptions CRL_IMPORT_DEFAULT_OPTIONS or CRL_IMPORT_BYPASS_CHECKS
     * @param decodeOptions CRL_DECODE_DEFAULT_OPTIONS or a bitwise OR of CRL_DECODE_* flags
     * @param userData arguments for the password callback
     * @return the imported CRL
     * @throws NSPRError when the CRL does not decode or fails NSS's checks;
     *         SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    public static SignedCRL importCrl(PK11Slot slot, SecItem derCrl, String url, int type, int importOptions,
                               int decodeOptions, Object[] userData) {
        NssRuntime.requireInitialized();
        long item = nativeDer(derCrl.toByteArray());
        long pin = Passwords.pinArgs(userData);
        try {
            long crl;
            try (Lease s = slot.lease()) {
                crl = Nss3.PK11_ImportCRL(s.handle(), item, Mem.utf8z(url), type, pin, importOptions, 0, decodeOptions);
            }
            if (crl == 0) {
                NSPRError e = NSPRError.last();
                failed(item, decodeOptions);
                throw e;
            }
            return new SignedCRL(crl, keptDer(item, decodeOptions), true);
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /** A CRL found in the database (SEC_FindCrlBy*): adopts its reference; 0 raises the thread's NSS error. */
    static SignedCRL found(long crl) {
        if (crl == 0) throw NSPRError.last();
        return new SignedCRL(crl, 0, true);
    }

    /**
     * Deletes the CRL from the database it was imported into or found in
     * (SEC_DeletePermCRL); the object is not closed.
     *
     * @throws NSPRError NSS's error when the CRL is not in a database (e.g.
     *         SEC_ERROR_CRL_INVALID for an empty SignedCRL()) or cannot be deleted
     */
    @Python("delete_permanently()")
    public void deletePermanently() {
        check(crl -> Nss3.SEC_DeletePermCRL(crl));
    }

    /**
     * The error for using a SignedCRL without a CRL (an empty SignedCRL(), or
     * a closed one): NSS's answer for a CRL that is not in a database.
     *
     * @return NSPRError SEC_ERROR_CRL_INVALID
     */
    @Override
    protected NSPRError closedError() {
        return new NSPRError(null, ErrorConstants.SEC_ERROR_CRL_INVALID);
    }
}
