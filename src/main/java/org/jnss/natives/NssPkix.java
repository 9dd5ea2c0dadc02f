package org.jnss.natives;

/**
 * Direct-mapped libnss3 functions for revocation and requests: CRL decoding,
 * import and deletion, the OCSP and PKIX settings, and the ASN.1 templates of
 * certificate requests. Kept apart from {@link NssPki} (certificates and names)
 * so that each part of the PKI bindings lives in one place.
 *
 * <p>Layouts read by the core (LP64, checked with offsetof against
 * /usr/include/nss): CERTCertificateRequest (136 bytes): arena 0, version 8,
 * subject 32, subjectPublicKeyInfo 48, attributes 128; CERTAttribute (32):
 * attrType 0, attrValue 24; CERTSignedData (96): data 0, signatureAlgorithm 24,
 * signature 72.
 */
public final class NssPkix {
    static { Nss3.load(); NativeLibs.register(NssPkix.class, "nss3"); }
    private NssPkix() {}

    public static void load() {}

    // CRLs
    /** {@code CERTSignedCrl *CERT_DecodeDERCrlWithFlags(PLArenaPool *narena, SECItem *derSignedCrl, int type, PRInt32 options)} */
    public static native long CERT_DecodeDERCrlWithFlags(long arena, long derSignedCrl, int type, int options);
    /** {@code CERTSignedCrl *PK11_ImportCRL(PK11SlotInfo *slot, SECItem *derCRL, char *url, int type, void *wincx, PRInt32 importOptions, PLArenaPool *arena, PRInt32 decodeOptions)} */
    public static native long PK11_ImportCRL(long slot, long derCrl, String url, int type, long wincx,
                                             int importOptions, long arena, int decodeOptions);
    public static native int SEC_DeletePermCRL(long crl);
    public static native int SEC_DestroyCrl(long crl);
    /** {@code SECItem *SECITEM_AllocItem(PLArenaPool *arena, SECItem *item, unsigned int len)}; NULL arena: free with SECITEM_FreeItem(item, PR_TRUE). */
    public static native long SECITEM_AllocItem(long arena, long item, int len);
    /** {@code CERTSignedCrl *SEC_FindCrlByName(CERTCertDBHandle *handle, SECItem *crlKey, int type)}: crlKey is the issuer's DER name. */
    public static native long SEC_FindCrlByName(long handle, long crlKey, int type);
    /** {@code CERTSignedCrl *SEC_FindCrlByDERCert(CERTCertDBHandle *handle, SECItem *derCrl, int type)} */
    public static native long SEC_FindCrlByDERCert(long handle, long derCrl, int type);

    // OCSP and PKIX settings
    public static native int CERT_EnableOCSPChecking(long handle);
    public static native int CERT_DisableOCSPChecking(long handle);
    public static native int CERT_OCSPCacheSettings(int maxCacheEntries, int minimumSecondsToNextFetchAttempt,
                                                    int maximumSecondsToNextFetchAttempt);
    public static native int CERT_SetOCSPFailureMode(int ocspFailureMode);
    public static native int CERT_SetOCSPTimeout(int seconds);
    public static native int CERT_ClearOCSPCache();
    public static native int CERT_SetOCSPDefaultResponder(long handle, byte[] url, byte[] name);
    public static native int CERT_EnableOCSPDefaultResponder(long handle);
    public static native int CERT_DisableOCSPDefaultResponder(long handle);
    public static native int CERT_GetUsePKIXForValidation();
    public static native int CERT_SetUsePKIXForValidation(int enable);
    /** {@code SECStatus CERT_CheckOCSPStatus(CERTCertDBHandle *handle, CERTCertificate *cert, PRTime time, void *pwArg)} */
    public static native int CERT_CheckOCSPStatus(long handle, long cert, long time, long pwArg);

    // certificate requests
    public static native long NSS_Get_CERT_CertificateRequestTemplate(long arg, int enc);
    public static native long NSS_Get_CERT_SequenceOfCertExtensionTemplate(long arg, int enc);
    /** {@code SECStatus CERT_VerifySignedDataWithPublicKeyInfo(CERTSignedData *sd, CERTSubjectPublicKeyInfo *pubKeyInfo, void *wincx)} */
    public static native int CERT_VerifySignedDataWithPublicKeyInfo(long signedData, long spki, long wincx);
}
