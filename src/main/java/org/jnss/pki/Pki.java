package org.jnss.pki;

import org.jnss.pk11.PK11Slot;
import org.jnss.core.Python;
import org.jnss.asn1.Codec;
import org.jnss.core.ArgumentError;
import org.jnss.core.FileObjects;
import org.jnss.nss.Nss;
import org.jnss.nss.SecItem;

/**
 * Module functions of nss.nss for certificates and CRLs (bound in {@link Nss}):
 * get_default_certdb, read_der_from_file, decode_der_crl and import_crl.
 */
public final class Pki {
    private Pki() {}

    /**
     * Reads DER data (a certificate, a CRL, a request, ...) from a file. With
     * ascii the file is base64 or PEM text: of PEM only the first block, the
     * text between its "-----BEGIN ...-----" line and "-----END", is decoded.
     * A relative path is taken from the current directory.
     *
     * @param file a path, or (in Python) any object with a read() method
     *        returning bytes, such as an open file
     * @param ascii true for base64/PEM text, false (the default in Python) for
     *        binary DER; in Python an int, long or bool
     * @return the data as a SecItem, whose str() renders the DER
     * @throws ArgumentError (TypeError) "Bad file, must be pathname or file like
     *         object with read() method"
     * @throws java.io.UncheckedIOException (IOError) when the file cannot be read
     * @throws IllegalArgumentException (ValueError) for a PEM block without its END line
     * @throws org.jnss.error.NSPRError when the text does not decode as base64
     */
    @Python("read_der_from_file(file, ascii=False)")
    public static SecItem readDerFromFile(Object file, @Python.IntFlag boolean ascii) {
        byte[] data = FileObjects.read(file);
        if (data == null) throw new ArgumentError("Bad file, must be pathname or file like object with read() method");
        if (ascii) data = Codec.base64ToBinary(data);
        return new SecItem(data, 0, SecItem.Kind.DER);     // python-nss's SECITEM_unknown: str() decodes it
    }

    /**
     * NSS's default certificate database: the one nss_init() opened, which
     * every function taking a certdb defaults to.
     *
     * @return the database, or null (None) when NSS is not initialized
     */
    @Python("get_default_certdb()")
    public static CertDB getDefaultCertdb() {
        return CertDB.getDefault();
    }


    /**
     * Decodes a DER revocation list (CERT_DecodeDERCrlWithFlags) without
     * storing it anywhere.
     *
     * @param derCrl the DER encoded CRL, e.g. from read_der_from_file()
     * @param type SEC_CRL_TYPE (a certificate revocation list, the default) or
     *        SEC_KRL_TYPE (a key revocation list)
     * @param decodeOptions CRL_DECODE_DEFAULT_OPTIONS (the default) or a bitwise
     *        OR of CRL_DECODE_DONT_COPY_DER, CRL_DECODE_SKIP_ENTRIES,
     *        CRL_DECODE_KEEP_BAD_CRL and CRL_DECODE_ADOPT_HEAP_DER
     * @return the decoded CRL
     * @throws org.jnss.error.NSPRError when NSS cannot decode it (e.g. SEC_ERROR_BAD_DER)
     */
    @Python("decode_der_crl(der_crl, type=SEC_CRL_TYPE, decode_options=CRL_DECODE_DEFAULT_OPTIONS)")
    public static SignedCRL decodeDerCrl(SecItem derCrl, int type, int decodeOptions) {
        return SignedCRL.decode(derCrl, type, decodeOptions);
    }

    /**
     * Imports a DER revocation list into a slot's database (PK11_ImportCRL),
     * where certificate verification finds it. Unless import_options bypasses
     * the checks, NSS verifies the CRL against its issuer, which must be in
     * the database.
     *
     * @param slot the slot to store the CRL in, e.g. get_internal_key_slot()
     * @param derCrl the DER encoded CRL
     * @param url the URL the CRL was fetched from, recorded with it
     * @param type SEC_CRL_TYPE or SEC_KRL_TYPE
     * @param importOptions CRL_IMPORT_DEFAULT_OPTIONS or CRL_IMPORT_BYPASS_CHECKS
     * @param decodeOptions CRL_DECODE_DEFAULT_OPTIONS or a bitwise OR of the
     *        CRL_DECODE_* flags
     * @param userData extra arguments passed to the password callback
     * @return the imported CRL
     * @throws org.jnss.error.NSPRError when the CRL does not decode or fails NSS's checks
     *         (e.g. SEC_ERROR_CRL_INVALID); SEC_ERROR_NOT_INITIALIZED before NSS
     *         is initialized
     */
    @Python("import_crl(slot, der_crl, url, type, import_options, decode_options, /, *user_data)")
    public static SignedCRL importCrl(PK11Slot slot, SecItem derCrl, String url, int type, int importOptions,
                                      int decodeOptions, Object... userData) {
        return SignedCRL.importCrl(slot, derCrl, url, type, importOptions, decodeOptions, userData);
    }
}
