package org.jnss.pki;

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
    public static SecItem readDerFromFile(Object file, boolean ascii) {
        byte[] data = FileObjects.read(file);
        if (data == null) throw new ArgumentError("Bad file, must be pathname or file like object with read() method");
        if (ascii) data = Codec.base64ToBinary(data);
        return new SecItem(data, 0, SecItem.Kind.DER);     // python-nss's SECITEM_unknown: str() decodes it
    }
}
