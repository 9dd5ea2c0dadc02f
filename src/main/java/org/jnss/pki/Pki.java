package org.jnss.pki;

import org.jnss.pk11.PK11Slot;
import org.jnss.core.Python;
import org.jnss.asn1.Codec;
import org.jnss.core.ArgumentError;
import org.jnss.core.FileObjects;
import org.jnss.nss.Nss;
import org.jnss.nss.SecItem;

/** Module functions of nss.nss for certificates, bound in {@link Nss}. */
public final class Pki {
    private Pki() {}

    /**
     * python-nss's read_der_from_file: a path or an object with a read()
     * method returning bytes; with ascii, the text is base64 (PEM armour, the
     * first block only, is stripped) and the result its decoded DER.
     */
    @Python("read_der_from_file(file, ascii=False)")
    public static SecItem readDerFromFile(Object file, @Python.IntFlag boolean ascii) {
        byte[] data = FileObjects.read(file);
        if (data == null) throw new ArgumentError("Bad file, must be pathname or file like object with read() method");
        if (ascii) data = Codec.base64ToBinary(data);
        return new SecItem(data, 0, SecItem.Kind.DER);     // python-nss's SECITEM_unknown: str() decodes it
    }

    /** The default certificate database, None before NSS is initialized. */
    @Python("get_default_certdb()")
    public static CertDB getDefaultCertdb() {
        return CertDB.getDefault();
    }


    @Python(value = "decode_der_crl(der_crl, type=SEC_CRL_TYPE, decode_options=CRL_DECODE_DEFAULT_OPTIONS)",
            doc = "Decodes a DER CRL (a SecItem) into a SignedCRL.")
    public static SignedCRL decodeDerCrl(SecItem derCrl, int type, int decodeOptions) {
        return SignedCRL.decode(derCrl, type, decodeOptions);
    }

    @Python(value = "import_crl(slot, der_crl, url, type, import_options, decode_options, /, *user_data)",
            doc = "Imports a DER CRL (a SecItem) into the slot's database and returns it as a SignedCRL; user_data goes to the password callback.")
    public static SignedCRL importCrl(PK11Slot slot, SecItem derCrl, String url, int type, int importOptions,
                                      int decodeOptions, Object... userData) {
        return SignedCRL.importCrl(slot, derCrl, url, type, importOptions, decodeOptions, userData);
    }
}
