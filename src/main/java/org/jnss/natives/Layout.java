package org.jnss.natives;

/**
 * Offsets of the NSS structures the core reads (LP64, NSS 3.x), checked with
 * offsetof() against /usr/include/nss. Only fields of public, stable NSS
 * structures are read; everything else goes through NSS functions.
 */
public final class Layout {
    private Layout() {}

    // SECItem
    public static final int ITEM_TYPE = 0, ITEM_DATA = 8, ITEM_LEN = 16, ITEM_SIZE = 24;

    // CERTCertificate (sizeof 760)
    public static final int CERT_DER_CERT = 120;
    public static final int CERT_DER_ISSUER = 144;
    public static final int CERT_DER_SUBJECT = 168;
    public static final int CERT_VERSION = 240;
    public static final int CERT_SERIAL = 264;
    public static final int CERT_SIGNATURE = 288;          // SECAlgorithmID
    public static final int CERT_ISSUER = 336;             // CERTName
    public static final int CERT_VALIDITY = 352;           // CERTValidity: notBefore +8, notAfter +32
    public static final int CERT_SUBJECT = 408;            // CERTName
    public static final int CERT_SPKI = 424;               // CERTSubjectPublicKeyInfo
    public static final int CERT_EXTENSIONS = 552;         // CERTCertExtension **
    public static final int CERT_NS_CERT_TYPE = 616;       // unsigned int
    public static final int CERT_NICKNAME = 648;           // char *
    public static final int CERT_TRUST = 672;              // CERTCertTrust *
    public static final int VALIDITY_NOT_BEFORE = 8, VALIDITY_NOT_AFTER = 32;

    // SECMODModule: libraryParams (char *), the parameters the module was loaded with
    public static final int MODULE_LIBRARY_PARAMS = 136;

    // SECAlgorithmID (48): algorithm SECItem at 0, parameters at 24
    public static final int ALG_ALGORITHM = 0, ALG_PARAMETERS = 24, ALG_SIZE = 48;

    // CERTSubjectPublicKeyInfo (80): algorithm at 8, subjectPublicKey (bit string) at 56
    public static final int SPKI_ALGORITHM = 8;

    // CERTCertExtension (72): id 0, critical 24, value 48
    public static final int EXT_ID = 0, EXT_CRITICAL = 24, EXT_VALUE = 48;

    // CERTName (16): rdns at 8; CERTRDN (8): avas at 0; CERTAVA (48): type 0, value 24
    public static final int NAME_RDNS = 8, NAME_SIZE = 16;
    public static final int AVA_TYPE = 0, AVA_VALUE = 24, AVA_SIZE = 48;

    // CERTCertTrust: sslFlags 0, emailFlags 4, objectSigningFlags 8
    public static final int TRUST_SSL = 0, TRUST_EMAIL = 4, TRUST_SIGNING = 8;

    // SECKEYPublicKey (328): keyType at 8, union u at 32
    public static final int PK_KEY_TYPE = 8, PK_U = 32;
    // SECKEYRSAPublicKey: modulus 8, publicExponent 32 (relative to u)
    public static final int RSA_MODULUS = 8, RSA_EXPONENT = 32;
    // SECKEYDSAPublicKey: params (SECKEYPQGParams: prime 8, subPrime 32, base 56) at 0, publicValue 80
    public static final int DSA_PRIME = 8, DSA_SUBPRIME = 32, DSA_BASE = 56, DSA_PUBLIC_VALUE = 80;

    // CERTBasicConstraints (8): isCA 0, pathLenConstraint 4
    // CERTAuthKeyID: keyID 0, authCertIssuer 24 (CERTGeneralName *), authCertSerialNumber 32
    public static final int AKID_KEY_ID = 0, AKID_ISSUER = 24, AKID_SERIAL = 32;

    // CERTGeneralName (96): type 0, name union 8 (other: SECItem; OthName: name 8, oid 32; directoryName: CERTName),
    // derGeneralName 56, l 80 (PRCList: next 80, prev 88; next points at the next name's l)
    public static final int GN_TYPE = 0, GN_NAME = 8, GN_OTHNAME_OID = 32, GN_LIST = 80;

    // CRLDistributionPoint (136): distPointType 0, distPoint 8 (fullName CERTGeneralName * | relativeName CERTRDN),
    // crlIssuer 40, bitsmap 112 (SECItem, len in bits)
    public static final int DP_TYPE = 0, DP_POINT = 8, DP_CRL_ISSUER = 40, DP_BITSMAP = 112;

    // CERTAuthInfoAccess (56): method 0, derLocation 24, location 48
    public static final int AIA_METHOD = 0, AIA_LOCATION = 48;

    // CERTOidSequence (16): oids (SECItem **) at 8
    public static final int OIDSEQ_OIDS = 8;

    // CERTSignedData (96): data 0, signatureAlgorithm 24, signature 72
    public static final int SD_DATA = 0, SD_ALGORITHM = 24, SD_SIGNATURE = 72, SD_SIZE = 96;

    // SECKEYRSAPSSParams (64): hashAlg * 0, maskAlg * 8, saltLength 16, trailerField 40
    public static final int PSS_HASH = 0, PSS_MASK = 8, PSS_SALT = 16, PSS_SIZE = 64;

    // SECOidData: desc at 32
    public static final int OIDDATA_DESC = 32;

    // PRExplodedTime (40 bytes; a larger block is handed to PR_ExplodeTime)
    public static final int EXPLODED_TIME_SIZE = 64;

    // PRNetAddr (112): family 0 (all variants), port 2 (network order); inet.ip 4, ipv6.ip 8
    public static final int NETADDR_SIZE = 112, NETADDR_FAMILY = 0, NETADDR_PORT = 2, NETADDR_INET_IP = 4,
            NETADDR_IPV6_IP = 8;

    // PRHostEnt (32) and PRProtoEnt (24): filled by NSPR's lookups, read through NSPR's enumerators
    public static final int HOSTENT_SIZE = 32, PROTOENT_SIZE = 24;

    // CERTDistNames (32): arena 0, nnames 8 (int), names 16 (SECItem array)
    public static final int DISTNAMES_NNAMES = 8, DISTNAMES_NAMES = 16, DISTNAMES_SIZE = 32;

    // CERTCertListNode: links 0 (PRCList, 16), cert 16
    public static final int CERTLIST_NODE_CERT = 16;

    // SECItemType values
    public static final int SI_UTC_TIME = 11, SI_GENERALIZED_TIME = 12;

    // ---- PKCS#12 ----
    /** CERTCertificate.slot (PK11SlotInfo *) */
    public static final int CERT_SLOT = 728;
    /** SEC_PKCS12DecoderItem: SECItem *der, SECOidTag type, PRBool hasKey, SECItem *friendlyName, SECAlgorithmID *shroudAlg */
    public static final int P12_ITEM_DER = 0, P12_ITEM_TYPE = 8, P12_ITEM_HAS_KEY = 12, P12_ITEM_FRIENDLY_NAME = 16,
            P12_ITEM_SHROUD_ALG = 24;
    // ---- PK11 slots and tokens, key pairs ----
    // PK11SlotList: head 0; PK11SlotListElement: next 0, slot 16
    public static final int SLOTLIST_HEAD = 0, SLOTLIST_ELEM_NEXT = 0, SLOTLIST_ELEM_SLOT = 16;
    // PK11RSAGenParams (16): keySizeInBits 0 (int), pe 8 (unsigned long)
    public static final int RSAGEN_KEY_SIZE = 0, RSAGEN_PE = 8, RSAGEN_SIZE = 16;
    // SECKEYPQGParams (80): arena 0, prime 8, subPrime 32, base 56
    public static final int PQG_PRIME = 8, PQG_SUBPRIME = 32, PQG_BASE = 56, PQG_SIZE = 80;
}
