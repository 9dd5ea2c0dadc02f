package org.jnss.natives;

import com.sun.jna.Callback;

/**
 * Direct-mapped functions of libnss3 (which also re-exports the nssutil3
 * functions used here). Pointers are {@code long} addresses; SECStatus is
 * 0 (SECSuccess) or -1 (SECFailure). The layouts of the structures the core
 * reads are in {@link Layout}.
 */
public final class Nss3 {
    static {
        Nspr4.load();
        NativeLibs.register(Nss3.class, "nss3");
        SECOID_Init();
    }
    private Nss3() {}

    public static void load() {}

    /** {@code SECStatus (*NSS_ShutdownFunc)(void *appData, void *nssData)} */
    public interface ShutdownFunc extends Callback {
        int invoke(long appData, long nssData);
    }

    /** {@code char *(*PK11PasswordFunc)(PK11SlotInfo *slot, PRBool retry, void *arg)}; returns PORT_Strdup'ed memory. */
    public interface PasswordFunc extends Callback {
        long invoke(long slot, int retry, long arg);
    }

    // initialisation
    public static native int NSS_Init(byte[] configdir);
    public static native int NSS_InitReadWrite(byte[] configdir);
    public static native int NSS_NoDB_Init(byte[] configdir);
    public static native int NSS_Initialize(byte[] configdir, byte[] certPrefix, byte[] keyPrefix, byte[] secmodName, int flags);
    public static native long NSS_InitContext(byte[] configdir, byte[] certPrefix, byte[] keyPrefix, byte[] secmodName, long initParams, int flags);
    /** The internal (softoken) module, SECMODModule *, not referenced (NSS keeps it while up); 0 when NSS is down. */
    public static native long SECMOD_GetInternalModule();
    public static native int NSS_ShutdownContext(long context);
    public static native int NSS_Shutdown();
    public static native int NSS_IsInitialized();
    /** The library's version, a static C string. */
    public static native long NSS_GetVersion();
    public static native int NSS_VersionCheck(byte[] importedVersion);
    public static native int NSS_RegisterShutdown(ShutdownFunc sFunc, long appData);

    // passwords
    public static native void PK11_SetPasswordFunc(PasswordFunc func);

    // slots
    public static native long PK11_ReferenceSlot(long slot);
    public static native long PK11_GetInternalKeySlot();
    public static native long PK11_GetInternalSlot();
    public static native int PK11_Authenticate(long slot, int loadCerts, long wincx);
    public static native int PK11_NeedLogin(long slot);
    public static native void PK11_FreeSlot(long slot);
    /** The slot's name, a C string the slot keeps. */
    public static native long PK11_GetSlotName(long slot);
    /** The token's name (label), a C string the slot keeps. */
    public static native long PK11_GetTokenName(long slot);

    // digests and contexts
    public static native int PK11_HashBuf(int hashAlg, byte[] out, byte[] in, int len);
    public static native int PK11_HashBuf(int hashAlg, byte[] out, long in, int len);
    /** Native output too: primitive arguments only, JNA's cheapest kind of call. */
    public static native int PK11_HashBuf(int hashAlg, long out, long in, int len);
    public static native long PK11_CreateDigestContext(int hashAlg);
    /** PK11_DigestFinal with native output and length (primitive arguments only). */
    public static native int PK11_DigestFinal(long cx, long data, long outLen, int length);
    public static native int PK11_DigestBegin(long cx);
    public static native int PK11_DigestOp(long cx, byte[] in, int inLen);
    public static native int PK11_DigestOp(long cx, long in, int inLen);
    public static native void PK11_DestroyContext(long cx, int freeit);
    public static native long PK11_CloneContext(long cx);
    public static native int PK11_Finalize(long cx);
    public static native int HASH_ResultLenByOidTag(int hashOid);
    public static native int PK11_GenerateRandom(byte[] data, int len);
    public static native int PK11_GenerateRandom(long data, int len);
    public static native int PK11_IsFIPS();

    // OIDs
    /**
     * Builds NSS's OID table if it is not built (idempotent). NSS does this
     * itself in NSS_Init and, lazily, in its by-OID lookups, but not in its
     * by-tag ones: a tag past the built-in table (SECOID_FindOIDByTag and every
     * function taking a SECOidTag) reads the dynamic table's lock, a null
     * pointer before NSS_Init or after NSS_Shutdown. So the table is built when
     * these bindings load, and again after each shutdown that took NSS down
     * ({@code nss.NssRuntime}).
     */
    public static native int SECOID_Init();
    public static native long SECOID_FindOIDByTag(int tag);
    public static native int SECOID_FindOIDTag(long secItem);
    public static native long SECOID_FindOID(long secItem);
    public static native int SEC_StringToOID(long arena, long to, byte[] from, int len);

    // memory and encodings
    /** Decodes base64 (skipping characters outside the alphabet); with null arena/out it returns a new SECItem (SECITEM_FreeItem(item, 1)). */
    public static native long NSSBase64_DecodeBuffer(long arenaOpt, long outItemOpt, long in, int inLen);
    /** Base64 with CRLF every 64 characters; with null arena/out it returns PORT_Alloc'ed text (PORT_Free). */
    public static native long NSSBase64_EncodeItem(long arenaOpt, long outStrOpt, int maxOutLen, long inItem);
    /** CERTOidSequence* {arena, SECItem **oids}; free with CERT_DestroyOidSequence. */
    public static native long CERT_DecodeOidSequence(long seqItem);
    public static native void CERT_DestroyOidSequence(long oidSeq);
    public static native void PORT_Free(long ptr);
    public static native long PORT_Strdup(byte[] s);
    public static native void SECITEM_FreeItem(long item, int freeit);

    // ---- PKCS#12 ----
    /** {@code PRBool (*PORTCharConversionWSwapFunc)(PRBool toUnicode, unsigned char *inBuf, unsigned int inBufLen, unsigned char *outBuf, unsigned int maxOutBufLen, unsigned int *outBufLen, PRBool swapBytes)} */
    public interface CharConversionWSwapFunc extends Callback {
        int invoke(int toUnicode, long inBuf, int inBufLen, long outBuf, int maxOutBufLen, long outBufLen, int swapBytes);
    }

    public static native void PORT_SetUCS2_ASCIIConversionFunction(CharConversionWSwapFunc convFunc);
    public static native int PORT_UCS2_UTF8Conversion(int toUnicode, byte[] inBuf, int inBufLen, long outBuf,
                                                      int maxOutBufLen, int[] outBufLen);
    public static native int PORT_UCS2_UTF8Conversion(int toUnicode, long inBuf, int inBufLen, long outBuf,
                                                      int maxOutBufLen, long outBufLen);
    public static native void SECITEM_ZfreeItem(long item, int freeit);
    public static native int SEC_PKCS5GetPBEAlgorithm(int algTag, int keyLen);
    public static native int CERT_FilterCertListForUserCerts(long certList);
    public static native void PORT_SetError(int value);
    // ---- PK11 symmetric keys, ciphers and PBE ----
    // CK_MECHANISM_TYPE and CK_ATTRIBUTE_TYPE are CK_ULONG (64-bit on LP64): Java long.
    public static native long PK11_ImportSymKey(long slot, long type, int origin, long operation, long key, long wincx);
    public static native void PK11_FreeSymKey(long symKey);
    public static native long PK11_GetMechanism(long symKey);
    public static native int PK11_ExtractKeyValue(long symKey);
    /** The key's own SECItem (not to be freed), or NULL. */
    public static native long PK11_GetKeyData(long symKey);
    public static native int PK11_GetKeyLength(long symKey);
    /** A new slot reference. */
    public static native long PK11_GetSlotFromKey(long symKey);
    public static native long PK11_Derive(long baseKey, long mechanism, long param, long target, long operation, int keySize);
    public static native int PK11_WrapSymKey(long type, long param, long wrappingKey, long symKey, long wrappedKey);
    public static native long PK11_UnwrapSymKey(long key, long wrapType, long param, long wrappedKey, long target, long operation, int keySize);
    public static native int PK11_PubWrapSymKey(long type, long pubKey, long symKey, long wrappedKey);
    public static native long PK11_CreateContextBySymKey(long type, long operation, long symKey, long param);
    /** PK11_CipherOp with native output, output length and input (primitive arguments only). */
    public static native int PK11_CipherOp(long cx, long out, long outLen, int maxOut, long in, int inLen);
    public static native int PK11_DigestKey(long cx, long symKey);
    /** New SECItem* (SECITEM_FreeItem(item, 1)) or NULL. */
    public static native long PK11_ParamFromIV(long type, long iv);
    public static native long PK11_ParamFromAlgid(long algid);
    public static native long PK11_GenerateNewParam(long type, long symKey);
    public static native int PK11_GetIVLength(long type);
    public static native int PK11_GetBlockSize(long type, long params);
    public static native long PK11_GetPadMechanism(long type);
    public static native long PK11_AlgtagToMechanism(int algTag);
    public static native int PK11_MechanismToAlgtag(long type);
    /** New SECAlgorithmID* (SECOID_DestroyAlgorithmID(alg, 1)) or NULL. */
    public static native long PK11_CreatePBEV2AlgorithmID(int pbeAlgTag, int cipherAlgTag, int prfAlgTag, int keyLength, int iteration, long salt);
    public static native void SECOID_DestroyAlgorithmID(long algid, int freeit);
    public static native long PK11_KeyGen(long slot, long type, long param, int keySize, long wincx);
    public static native long PK11_PBEKeyGen(long slot, long algid, long pwitem, int faulty3DES, long wincx);
    public static native long PK11_GetBestWrapMechanism(long slot);
    public static native int PK11_GetBestKeyLength(long slot, long type);
    /** Returns the mechanism (CKM_INVALID_MECHANISM on failure); *param gets a new SECItem*. */
    public static native long PK11_GetPBECryptoMechanism(long algid, long[] param, long pwitem);
    public static native long PK11_GetPBEIV(long algid, long pwitem);
    public static native int SEC_PKCS5IsAlgorithmPBEAlgTag(int algTag);
    /** {@code SECKEYPublicKey *SECKEY_ImportDERPublicKey(const SECItem *derKey, CK_KEY_TYPE type)} */
    public static native long SECKEY_ImportDERPublicKey(long derKey, long type);
    // slot facts for PK11SymKey.format_lines()
    public static native int PK11_IsHW(long slot);
    public static native int PK11_IsPresent(long slot);
    public static native int PK11_IsReadOnly(long slot);
    public static native int PK11_IsInternal(long slot);
    public static native int PK11_NeedUserInit(long slot);
    public static native int PK11_IsFriendly(long slot);
    public static native int PK11_IsRemovable(long slot);
    public static native int PK11_ProtectedAuthenticationPath(long slot);
    public static native int PK11_IsDisabled(long slot);
    public static native int PK11_GetDisabledReason(long slot);
    public static native int PK11_HasRootCerts(long slot);

    // ---- PK11 slots and tokens, key pairs ----
    // PRBool results are ints (0 false); CK_MECHANISM_TYPE is an unsigned long (Java long);
    // passwords are NUL-terminated byte arrays (null for NULL). The slot facts
    // (PK11_IsHW ... PK11_HasRootCerts, PK11_GetBestWrapMechanism) are declared above.
    public static native int PK11_IsLoggedIn(long slot, long wincx);
    public static native int PK11_UserDisableSlot(long slot);
    public static native int PK11_UserEnableSlot(long slot);
    public static native int PK11_CheckSSOPassword(long slot, byte[] ssopw);
    public static native int PK11_CheckUserPassword(long slot, byte[] pw);
    public static native int PK11_ChangePW(long slot, byte[] oldpw, byte[] newpw);
    public static native int PK11_InitPin(long slot, byte[] ssopw, byte[] userpw);
    public static native int PK11_Logout(long slot);
    public static native void PK11_LogoutAll();
    /** A new slot reference (PK11_FreeSlot), or NULL. */
    public static native long PK11_FindSlotByName(byte[] name);
    /** A PK11SlotList (head, tail, lock; elements: next 0, prev 8, slot 16) to free with PK11_FreeSlotList, or NULL. */
    public static native long PK11_GetAllTokens(long type, int needRW, int loadCerts, long wincx);
    public static native void PK11_FreeSlotList(long list);
    public static native long PK11_GetBestSlot(long type, long wincx);
    public static native int PK11_NeedPWInit();
    /** Prints the certificate cache and the temporary store to the C stdout. */
    public static native void nss_DumpCertificateCacheInfo();
    /** A SECKEYPrivateKey (its public half in pubk[0]), or NULL. */
    public static native long PK11_GenerateKeyPair(long slot, long type, long param, long[] pubk,
                                                   int isPerm, int isSensitive, long wincx);

    // ---- certificates, names, ASN.1 and arenas, verification and lookups ----

    // certificates and the certificate database
    public static native long CERT_GetDefaultCertDB();
    /** {@code SECStatus CERT_ImportCerts(handle, usage, ncerts, SECItem **derCerts, CERTCertificate ***retCerts, keepCerts, caOnly, nickname)} */
    public static native int CERT_ImportCerts(long certdb, int usage, int ncerts, long derCerts, long retCerts,
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

    // time
    /** Decodes the UTCTime item at time into the PRTime at result. */
    public static native int DER_UTCTimeToTime(long result, long time);
    /** Decodes the GeneralizedTime item at time into the PRTime at result. */
    public static native int DER_GeneralizedTimeToTime(long result, long time);


    // verification, lookups and keys (CertVerify, CertLists, PrivateKey)
    /** {@code CERT_VerifyCertificate(handle, cert, checkSig, SECCertificateUsage required, PRTime, wincx, CERTVerifyLog*, SECCertificateUsage *returned)} */
    public static native int CERT_VerifyCertificate(long certdb, long cert, int checkSig, long requiredUsages, long time,
                                                    long wincx, long log, long[] returnedUsages);
    public static native int CERT_VerifyCertificateNow(long certdb, long cert, int checkSig, long requiredUsages,
                                                       long wincx, long[] returnedUsages);
    public static native int CERT_VerifyCertName(long cert, byte[] hostname);
    public static native int CERT_CheckCertValidTimes(long cert, long time, int allowOverride);
    public static native int CERT_IsCACert(long cert, long certType);
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

    // ---- revocation, OCSP and PKIX settings, certificate requests ----

    // CRLs
    /** {@code CERTSignedCrl *CERT_DecodeDERCrlWithFlags(PLArenaPool *narena, SECItem *derSignedCrl, int type, PRInt32 options)} */
    public static native long CERT_DecodeDERCrlWithFlags(long arena, long derSignedCrl, int type, int options);
    /** {@code CERTSignedCrl *PK11_ImportCRL(PK11SlotInfo *slot, SECItem *derCRL, char *url, int type, void *wincx, PRInt32 importOptions, PLArenaPool *arena, PRInt32 decodeOptions)} */
    public static native long PK11_ImportCRL(long slot, long derCrl, byte[] url, int type, long wincx,
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

    /** {@code SECKEYPrivateKey *SECKEY_CopyPrivateKey(const SECKEYPrivateKey *key)}, for SSL client authentication */
    public static native long SECKEY_CopyPrivateKey(long key);
}
