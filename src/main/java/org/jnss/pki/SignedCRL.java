package org.jnss.pki;

import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.natives.NssPkix;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;
import org.jnss.pk11.PK11Slot;
import org.jnss.pk11.Passwords;

/**
 * A signed certificate revocation list (CERTSignedCrl), as python-nss 1.0.1
 * has it: made by decode_der_crl() or import_crl(), with one method,
 * delete_permanently(). The DER handed to NSS lives in native memory owned by
 * NSS or by this object (NSS keeps pointing at it when CRL_DECODE_DONT_COPY_DER
 * is given), never in memory Python may free.
 */
@Python.Type(doc = "An object representing a signed certificate revocation list")
public class SignedCRL extends NativeResource {

    /** Adopts a CERTSignedCrl; derItem (or 0) is a SECITEM_AllocItem'ed item the CRL refers to, freed after it. */
    private SignedCRL(long crl, long derItem, boolean imported) {
        super(crl, h -> {
            NssPkix.SEC_DestroyCrl(h);
            if (derItem != 0) Nss3.SECITEM_FreeItem(derItem, 1);
        }, imported);
    }

    /** python-nss lets SignedCRL() be made empty; such an object holds no CRL. */
    private SignedCRL() {
        super();
    }

    @Python("SignedCRL()")
    public static SignedCRL create() {
        return new SignedCRL();
    }

    /** The DER in a new NSS-allocated SECItem (SECITEM_FreeItem(item, PR_TRUE) releases it). */
    private static long nativeDer(byte[] der) {
        long item = NssPkix.SECITEM_AllocItem(0, 0, der.length);
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

    /** decode_der_crl(): CERT_DecodeDERCrlWithFlags. */
    public static SignedCRL decode(SecItem derCrl, int type, int decodeOptions) {
        long item = nativeDer(derCrl.toByteArray());
        long crl = NssPkix.CERT_DecodeDERCrlWithFlags(0, item, type, decodeOptions);
        if (crl == 0) {
            NSPRError e = NSPRError.last();
            failed(item, decodeOptions);
            throw e;
        }
        return new SignedCRL(crl, keptDer(item, decodeOptions), false);
    }

    /** import_crl(): PK11_ImportCRL into slot; user data goes to the password callback. */
    public static SignedCRL importCrl(PK11Slot slot, SecItem derCrl, String url, int type, int importOptions,
                               int decodeOptions, Object[] userData) {
        NssRuntime.requireInitialized();
        long item = nativeDer(derCrl.toByteArray());
        long pin = Passwords.pinArgs(userData);
        try {
            long crl = slot.withHandle(s -> NssPkix.PK11_ImportCRL(s, item, url, type, pin, importOptions, 0, decodeOptions));
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

    @Python(value = "delete_permanently()", doc = "Permanently remove the CRL from the database.")
    public void deletePermanently() {
        long crl = acquire();
        try {
            if (NssPkix.SEC_DeletePermCRL(crl) != 0) throw NSPRError.last();
        } finally {
            release();
        }
    }

    /** An empty SignedCRL() has no CRL: NSS's answer for a CRL that is not in a database. */
    @Override
    protected NSPRError closedError() {
        return new NSPRError(null, ErrorConstants.SEC_ERROR_CRL_INVALID);
    }
}
