package org.jnss.natives;

/**
 * Direct-mapped certificate, name and ASN.1 functions of libnss3 (and of the
 * nssutil3/nspr4 libraries it depends on, found through its handle). Kept apart
 * from {@link Nss3} so that the PKI bindings live in one place.
 *
 * <p>Structure layouts used by the core (x86_64/aarch64 LP64, NSS 3.x; checked
 * with offsetof against /usr/include/nss): see {@code org.jnss.nss.Layout}.
 */
public final class NssPki {
    static { Nss3.load(); NativeLibs.register(NssPki.class, "nss3"); }
    private NssPki() {}

    public static void load() {}

    /** Address of NSPR's {@code PR_GMTParameters}, a PRTimeParamFn for {@link #PR_ExplodeTime}. */
    public static final long PR_GMT_PARAMETERS = com.sun.jna.Pointer.nativeValue(
            NativeLibs.load("nspr4").getFunction("PR_GMTParameters"));

    // certificates and the certificate database
    public static native long CERT_GetDefaultCertDB();
    /** {@code SECStatus CERT_ImportCerts(handle, usage, ncerts, SECItem **derCerts, CERTCertificate ***retCerts, keepCerts, caOnly, nickname)} */
    public static native int CERT_ImportCerts(long certdb, int usage, int ncerts, long derCerts, long[] retCerts,
                                              int keepCerts, int caOnly, byte[] nickname);
    public static native long CERT_DupCertificate(long cert);
    public static native void CERT_DestroyCertificate(long cert);
    public static native void CERT_DestroyCertArray(long certs, int ncerts);

    // names
    public static native long CERT_NameToAscii(long name);
    public static native long CERT_AsciiToName(byte[] string);
    public static native void CERT_DestroyName(long name);
    public static native int CERT_CompareName(long a, long b);
    public static native int CERT_GetAVATag(long ava);
    public static native long CERT_CreateAVA(long arena, int kind, int valueType, byte[] value);
    public static native long CERT_DecodeAVAValue(long derValue);
    public static native int CERT_RFC1485_EscapeAndQuote(byte[] dst, int dstlen, long src, int srclen);
    public static native long CERT_GetOidString(long oid);
    public static native long CERT_GetCommonName(long name);
    public static native long CERT_GetCertEmailAddress(long name);
    public static native long CERT_GetCountryName(long name);
    public static native long CERT_GetLocalityName(long name);
    public static native long CERT_GetStateName(long name);
    public static native long CERT_GetOrgName(long name);
    public static native long CERT_GetOrgUnitName(long name);
    public static native long CERT_GetDomainComponentName(long name);
    public static native long CERT_GetCertUid(long name);

    // extensions and general names
    public static native int CERT_DecodeBasicConstraintValue(long value, long encodedValue);
    public static native long CERT_DecodeAuthKeyID(long arena, long encodedValue);
    public static native long CERT_DecodeCRLDistributionPoints(long arena, long encodedValue);
    public static native long CERT_DecodeAuthInfoAccessExtension(long arena, long encodedValue);
    public static native long CERT_DecodeAltNameExtension(long arena, long encodedValue);
    public static native long CERT_DecodeOidSequence(long seqItem);
    public static native void CERT_DestroyOidSequence(long oidSeq);
    public static native long CERT_GetNextGeneralName(long current);

    // keys
    public static native long SECKEY_ExtractPublicKey(long spki);
    public static native void SECKEY_DestroyPublicKey(long key);

    // ASN.1 and arenas
    public static native long NSS_Get_CERT_NameTemplate(long arg, int enc);
    public static native long NSS_Get_CERT_SignedDataTemplate(long arg, int enc);
    public static native long NSS_Get_SECKEY_RSAPSSParamsTemplate(long arg, int enc);
    public static native long NSS_Get_SECOID_AlgorithmIDTemplate(long arg, int enc);
    public static native int SEC_ASN1DecodeItem(long arena, long dest, long template, long src);
    public static native int SEC_QuickDERDecodeItem(long arena, long dest, long template, long src);
    public static native long SEC_ASN1EncodeItem(long arena, long dest, long src, long template);
    public static native long PORT_NewArena(long chunksize);
    public static native void PORT_FreeArena(long arena, int zero);
    public static native long PORT_ArenaZAlloc(long arena, long size);
    public static native int SEC_PKCS5IsAlgorithmPBEAlgTag(int tag);

    // time
    public static native int DER_UTCTimeToTime(long[] result, long time);
    public static native int DER_GeneralizedTimeToTime(long[] result, long time);
    public static native void PR_ExplodeTime(long usecs, long params, long exploded);
    public static native int PR_FormatTime(byte[] buf, int buflen, String fmt, long tm);

    // misc
    public static native void PR_smprintf_free(long mem);

    // verification, lookups and keys (CertVerify, CertLists, PrivateKey)
    /** {@code CERT_VerifyCertificate(handle, cert, checkSig, SECCertificateUsage required, PRTime, wincx, CERTVerifyLog*, SECCertificateUsage *returned)} */
    public static native int CERT_VerifyCertificate(long certdb, long cert, int checkSig, long requiredUsages, long time,
                                                    long wincx, long log, long[] returnedUsages);
    public static native int CERT_VerifyCertificateNow(long certdb, long cert, int checkSig, long requiredUsages,
                                                       long wincx, long[] returnedUsages);
    public static native int CERT_VerifyCertName(long cert, byte[] hostname);
    public static native int CERT_CheckCertValidTimes(long cert, long time, int allowOverride);
    public static native int CERT_IsCACert(long cert, int[] certType);
    public static native long CERT_GetCertChainFromCert(long cert, long time, int usage);
    public static native void CERT_DestroyCertList(long list);
    public static native long CERT_MakeCANickname(long cert);
    public static native int CERT_DecodeTrustString(long trust, byte[] trusts);
    public static native int CERT_ChangeCertTrust(long certdb, long cert, long trust);
    public static native long PK11_FindCertFromNickname(byte[] nickname, long wincx);
    public static native long PK11_FindCertsFromNickname(byte[] nickname, long wincx);
    public static native long PK11_FindCertsFromEmailAddress(byte[] email, long wincx);
    public static native long PK11_ListCerts(int type, long wincx);
    public static native long PK11_ListCertsInSlot(long slot);
    public static native long CERT_GetCertNicknames(long certdb, int what, long wincx);
    public static native void CERT_FreeNicknames(long nicknames);
    public static native long PK11_FindKeyByAnyCert(long cert, long wincx);
    public static native void SECKEY_DestroyPrivateKey(long key);
    public static native void PORT_Free(long ptr);
}
