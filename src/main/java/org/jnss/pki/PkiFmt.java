package org.jnss.pki;

import org.jnss.pk11.Digests;
import org.jnss.natives.Nss3;
import org.jnss.asn1.Codec;
import org.jnss.asn1.Oids;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;

import java.util.ArrayList;
import java.util.List;

/**
 * The format_lines() of the PKI objects a certificate is made of, as
 * python-nss produces them: algorithm ids, public keys, extensions and their
 * decoded forms, general names, the signature. Everything is decoded by NSS
 * (its templates and CERT_Decode* functions) inside a {@link Scratch} scope
 * and copied out before the scope ends.
 */
public final class PkiFmt {
    private PkiFmt() {}

    static final int SEC_OID_PKCS1_RSA_PSS_SIGNATURE = 307;

    // ---- bit string tables ---------------------------------------------------

    private static final String[] KEY_USAGE = {
            "Digital Signature", "Non-Repudiation", "Key Encipherment", "Data Encipherment",
            "Key Agreement", "Certificate Signing", "CRL Signing", "Encipher Only"};
    private static final int[] KEY_USAGE_ENUM = {
            NssConstants.KU_DIGITAL_SIGNATURE, NssConstants.KU_NON_REPUDIATION, NssConstants.KU_KEY_ENCIPHERMENT,
            NssConstants.KU_DATA_ENCIPHERMENT, NssConstants.KU_KEY_AGREEMENT, NssConstants.KU_KEY_CERT_SIGN,
            NssConstants.KU_CRL_SIGN, NssConstants.KU_ENCIPHER_ONLY};
    private static final String[] CERT_TYPE = {
            "SSL Client", "SSL Server", "Email", "Object Signing", "Reserved", "SSL CA", "Email CA", "Object Signing CA"};

    /** A bit string: the bits (bit 0 is the high bit of the first octet) and how many there are. */
    record Bits(byte[] data, long count) {
        boolean bit(long i) {
            int octet = (int) (i / 8);
            return octet < data.length && (data[octet] & (0x80 >> (i % 8))) != 0;
        }
    }

    /** The set bits that have a name in the table, in bit order (python-nss's bitstr_table_to_tuple). */
    static List<String> bitNames(Bits bits, String[] table) {
        List<String> out = new ArrayList<>();
        long len = Math.min(table.length, bits.count());
        for (int i = 0; i < len; i++) if (bits.bit(i) && table[i] != null) out.add(table[i]);
        return out;
    }

    /**
     * python-nss's der_bitstring_to_nss_bitstring: a DER BIT STRING (with tag and
     * length) as NSS bits; SEC_ERROR_BAD_DATA when malformed. Reproduces its
     * reading of long-form lengths (the octet after the length is skipped), but
     * never reads outside the data: missing octets are zero bits.
     */
    static Bits derBitString(byte[] src) {
        int p = 0, n = src.length;
        if (n - p <= 0) throw badData();
        int octet = src[p++] & 0xff;
        if ((octet & 0x1f) != 3) throw badData();
        if (n - p <= 0) throw badData();
        long dataLen = src[p++] & 0xff;
        if ((dataLen & 0x80) != 0) {
            int lenCount = (int) (dataLen & 0x7f);
            if (lenCount > n - p) throw badData();
            dataLen = 0;
            octet = at(src, p++);
            for (; lenCount > 0; lenCount--) {
                dataLen = ((dataLen << 8) | octet) & 0xffffffffffffffffL;
                octet = at(src, p++);
            }
        }
        if (n - p <= 0) throw badData();
        int unused = src[p++] & 0xff;
        if (dataLen <= 1) throw badData();
        dataLen--;
        long bits = (dataLen << 3) - (unused & 7);
        byte[] data = p < n ? java.util.Arrays.copyOfRange(src, p, n) : new byte[0];
        return new Bits(data, bits);
    }

    private static int at(byte[] b, int i) {
        return i >= 0 && i < b.length ? b[i] & 0xff : 0;
    }

    private static NSPRError badData() {
        return new NSPRError(null, ErrorConstants.SEC_ERROR_BAD_DATA);
    }

    static List<String> keyUsage(byte[] value) {
        return bitNames(derBitString(value), KEY_USAGE);
    }

    static List<String> certType(byte[] value) {
        return bitNames(derBitString(value), CERT_TYPE);
    }

    // ---- algorithm identifiers -------------------------------------------

    /** AlgorithmID.format_lines of the SECAlgorithmID at alg. */
    static void algorithm(Lines lines, int level, long alg) {
        byte[] oid = Scratch.itemBytes(alg + Layout.ALG_ALGORITHM);
        byte[] params = Scratch.itemBytes(alg + Layout.ALG_PARAMETERS);
        algorithm(lines, level, oid, params);
    }

    static void algorithm(Lines lines, int level, byte[] oid, byte[] params) {
        lines.pair(level, "Algorithm", Oids.describe(oid));
        int tag = Oids.tagOf(oid);
        if (Nss3.SEC_PKCS5IsAlgorithmPBEAlgTag(tag) != 0) {
            // python-nss decodes PBE parameters here; certificates never carry them
            String label = switch (tag) {
                case NssConstants.SEC_OID_PKCS5_PBES2 -> "Encryption";
                case NssConstants.SEC_OID_PKCS5_PBMAC1 -> "MAC";
                default -> "Parameters";
            };
            lines.label(level, label);
            pbeParams(lines, level + 1, tag, params);
        }
        if (tag == SEC_OID_PKCS1_RSA_PSS_SIGNATURE) {
            lines.label(level, "Parameters");
            rsaPssParams(lines, level + 1, params);
        }
        if (!(params.length == 0 || (params.length == 2 && params[0] == 5 && params[1] == 0))) {
            lines.label(level, "Raw Parameter Data");
            lines.hex(level + 1, params);
        }
    }

    // ---- PKCS#5 / PKCS#12 password based encryption parameters (PKCS#12 shrouded keys)

    /**
     * The parameters of a PBE algorithm: PBES2 (key derivation function and
     * cipher, each an algorithm identifier), PBKDF2 (salt, iteration count, key
     * length, PRF: all four required, as python-nss decodes them) or PKCS#5 v1 /
     * PKCS#12 PBE (salt, iteration count). Nothing when they cannot be decoded. The DER is walked with every length bounded
     * by the data.
     */
    private static void pbeParams(Lines lines, int level, int tag, byte[] params) {
        Lines out = new Lines();
        try {
            Der seq = Der.sequence(params);
            if (seq == null) return;
            if (tag == NssConstants.SEC_OID_PKCS5_PBES2) {
                byte[][] kdf = seq.algorithmId(), enc = seq.algorithmId();
                if (kdf == null || enc == null) return;
                out.label(level, "KDF");
                algorithm(out, level + 1, kdf[0], kdf[1]);
                out.label(level, "Cipher");
                algorithm(out, level + 1, enc[0], enc[1]);
            } else if (tag == NssConstants.SEC_OID_PKCS5_PBKDF2) {
                // python-nss's template has no optional member: parameters without the key
                // length or the PRF (both optional in PKCS #5, and openssl leaves the key
                // length out) are not decoded, and nothing is shown
                byte[] salt = seq.next(0x04), count = seq.next(0x02), keyLen = seq.next(0x02);
                byte[][] prf = seq.algorithmId();
                if (salt == null || count == null || keyLen == null || prf == null) return;
                out.pair(level, "Salt", Codec.hex(salt));
                out.pair(level, "Iteration Count", new java.math.BigInteger(1, count).toString());
                out.pair(level, "Key Length", new java.math.BigInteger(1, keyLen).toString());
                out.label(level, "KDF Algorithm");
                algorithm(out, level + 1, prf[0], prf[1]);
            } else if (tag != NssConstants.SEC_OID_PKCS5_PBMAC1) {
                byte[] salt = seq.next(0x04), count = seq.next(0x02);
                if (salt == null || count == null) return;
                out.pair(level, "Salt", Codec.hex(salt));
                out.pair(level, "Iteration Count", new java.math.BigInteger(1, count).toString());
            }
        } catch (RuntimeException e) {
            return;
        }
        lines.addAll(out);
    }

    /** A bounded reader of the elements of one DER SEQUENCE. */
    private static final class Der {
        private final byte[] b;
        private int pos;
        private final int end;

        private Der(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        /** The contents of the SEQUENCE that is the whole of data, or null. */
        static Der sequence(byte[] data) {
            if (data == null) return null;
            Der d = new Der(data, 0, data.length);
            int[] c = d.tlv(0x30);
            return c == null || c[1] != data.length ? null : new Der(data, c[0], c[1]);
        }

        int peekTag() {
            return pos < end ? b[pos] & 0xff : -1;
        }

        /** {contents start, contents end} of the next element if it has the tag; advances. */
        private int[] tlv(int tag) {
            if (pos + 2 > end || (b[pos] & 0xff) != tag) return null;
            int p = pos + 1;
            int len = b[p++] & 0xff;
            if (len >= 0x80) {
                int n = len & 0x7f;
                if (n == 0 || n > 3 || p + n > end) return null;
                len = 0;
                for (int i = 0; i < n; i++) len = (len << 8) | (b[p++] & 0xff);
            }
            if (len > end - p) return null;
            pos = p + len;
            return new int[]{p, p + len};
        }

        /** The contents of the next element if it has the tag. */
        byte[] next(int tag) {
            int[] c = tlv(tag);
            return c == null ? null : java.util.Arrays.copyOfRange(b, c[0], c[1]);
        }

        /** The next AlgorithmIdentifier as {OID contents, parameters DER (possibly empty)}. */
        byte[][] algorithmId() {
            int[] c = tlv(0x30);
            if (c == null) return null;
            Der in = new Der(b, c[0], c[1]);
            byte[] oid = in.next(0x06);
            if (oid == null) return null;
            byte[] params = java.util.Arrays.copyOfRange(b, in.pos, c[1]);
            return new byte[][]{oid, params};
        }
    }

    /** RSA-PSS parameters; nothing when they cannot be decoded (as python-nss). */
    private static void rsaPssParams(Lines lines, int level, byte[] params) {
        Lines out = new Lines();
        try (Scratch s = new Scratch()) {
            long p = s.calloc(Layout.PSS_SIZE);
            if (Nss3.SEC_QuickDERDecodeItem(s.arena(), p, Nss3.NSS_Get_SECKEY_RSAPSSParamsTemplate(0, 0),
                    s.item(params)) != 0)
                return;
            long hash = Mem.getPointer(p, Layout.PSS_HASH);
            out.pair(level, "Hash algorithm",
                    hash != 0 ? Oids.describe(Scratch.itemBytes(hash + Layout.ALG_ALGORITHM)) : "default, SHA-1");
            long mask = Mem.getPointer(p, Layout.PSS_MASK);
            String maskAlg, maskHash;
            if (mask != 0) {
                maskAlg = Oids.describe(Scratch.itemBytes(mask + Layout.ALG_ALGORITHM));
                long maskHashAlg = s.calloc(Layout.ALG_SIZE);
                if (Nss3.SEC_QuickDERDecodeItem(s.arena(), maskHashAlg, Nss3.NSS_Get_SECOID_AlgorithmIDTemplate(0, 0),
                        mask + Layout.ALG_PARAMETERS) == 0)
                    maskHash = Oids.describe(Scratch.itemBytes(maskHashAlg + Layout.ALG_ALGORITHM));
                else
                    maskHash = "Invalid mask generation algorithm parameters";
            } else {
                maskAlg = "default, MGF1";
                maskHash = "default, SHA-1";
            }
            out.pair(level, "Mask Algorithm", maskAlg);
            out.pair(level, "Mask hash algorithm", maskHash);
            long salt = p + Layout.PSS_SALT;
            out.pair(level, "Salt length", Mem.getPointer(salt, Layout.ITEM_DATA) != 0
                    ? DerFormat.integer(Scratch.itemBytes(salt)).toString() : "default, 20");
        }
        lines.addAll(out);
    }

    // ---- public keys -----------------------------------------------------

    static String keyTypeStr(int keyType) {
        return switch (keyType) {
            case 0 -> "NULL";
            case 1 -> "RSA";
            case 2 -> "DSA";
            case 3 -> "Fortezza";
            case 4 -> "Diffie Helman";
            case 5 -> "Key Exchange Algorithm";
            case 6 -> "Elliptic Curve";
            default -> String.format("unknown(%#x)", keyType);
        };
    }

    /** SubjectPublicKeyInfo.format_lines of the CERTSubjectPublicKeyInfo at spki. */
    static void subjectPublicKeyInfo(Lines lines, int level, long spki) {
        Lines out = new Lines();
        out.label(level, "Public Key Algorithm");
        algorithm(out, level + 1, spki + Layout.SPKI_ALGORITHM);
        long pk = Nss3.SECKEY_ExtractPublicKey(spki);
        if (pk == 0) throw NSPRError.last();
        try {
            publicKey(out, level, pk);
        } finally {
            Nss3.SECKEY_DestroyPublicKey(pk);
        }
        lines.addAll(out);
    }

    /** PublicKey.format_lines of a SECKEYPublicKey. */
    static void publicKey(Lines lines, int level, long pk) {
        int keyType = Mem.getInt(pk, Layout.PK_KEY_TYPE);
        long u = pk + Layout.PK_U;
        switch (keyType) {
            case 1 -> {
                lines.label(level, "RSA Public Key");
                integerItem(lines, level + 1, "Modulus", u + Layout.RSA_MODULUS);
                integerItem(lines, level + 1, "Exponent", u + Layout.RSA_EXPONENT);
            }
            case 2 -> {
                lines.label(level, "DSA Public Key");
                integerItem(lines, level + 1, "Prime", u + Layout.DSA_PRIME);
                integerItem(lines, level + 1, "SubPrime", u + Layout.DSA_SUBPRIME);
                integerItem(lines, level + 1, "Base", u + Layout.DSA_BASE);
                integerItem(lines, level + 1, "Public Value", u + Layout.DSA_PUBLIC_VALUE);
            }
            case 0, 3, 4, 5, 6, 7, 8 -> lines.pair(level, "Key Type", keyTypeStr(keyType));
            default -> { }
        }
    }

    private static void integerItem(Lines lines, int level, String label, long item) {
        lines.label(level, label);
        Asn1Fmt.integerLines(lines, level + 1, Scratch.itemBytes(item));
    }

    // ---- general names ---------------------------------------------------

    /** A general name: its type, its rendering (AsString) and its type label (AsTypeString). */
    record GeneralName(int type, String value, String typeString) {
        /** AsLabeledString */
        String labeled() {
            return typeString + ": " + value;
        }
    }

    /** Reads the CERTGeneralName at gn (python-nss's CERTGeneralName_to_pystr and type string). */
    static GeneralName generalName(long gn) {
        int type = Mem.getInt(gn, Layout.GN_TYPE);
        long other = gn + Layout.GN_NAME;
        String value = switch (type) {
            case 1 -> DerFormat.str(DerFormat.any(Scratch.itemBytes(other)));
            case 2, 3, 7 -> DerFormat.escapedAscii(Scratch.itemBytes(other));
            case 4, 6 -> DerFormat.str(DerFormat.any(Scratch.itemBytes(other)));
            case 5 -> NameCodec.nameToAscii(other);
            case 8 -> Asn1Fmt.ipAddress(Scratch.itemBytes(other));
            case 9 -> Oids.describe(Scratch.itemBytes(other));
            default -> throw new IllegalArgumentException("unknown type [" + (type - 1) + "]");
        };
        String typeString = switch (type) {
            case 1 -> "Other Name (" + Oids.describe(Scratch.itemBytes(gn + Layout.GN_OTHNAME_OID)) + ")";
            case 2 -> "RFC822 Name";
            case 3 -> "DNS name";
            case 4 -> "X400 Address";
            case 5 -> "Directory Name";
            case 6 -> "EDI Party";
            case 7 -> "URI";
            case 8 -> "IP Address";
            case 9 -> "Registered ID";
            default -> "unknown type [" + (type - 1) + "]";
        };
        return new GeneralName(type, value, typeString);
    }

    /** The names of a circular CERTGeneralName list (empty for a null head). */
    static List<GeneralName> generalNames(long head) {
        List<GeneralName> out = new ArrayList<>();
        if (head == 0) return out;
        long cur = head;
        for (int guard = 0; guard < 100_000; guard++) {
            out.add(generalName(cur));
            // CERT_GetNextGeneralName's step, read here (a JNA call per name otherwise): the list
            // links point at the next name's link field
            long next = Mem.getPointer(cur, Layout.GN_LIST);
            if (next == 0) break;
            cur = next - Layout.GN_LIST;
            if (cur == head) break;
        }
        return out;
    }

    private static void textLines(Lines lines, int level, List<String> items) {
        for (String s : items) lines.text(level, s);
    }

    private static List<String> values(List<GeneralName> names) {
        List<String> out = new ArrayList<>();
        for (GeneralName n : names) out.add(n.value());
        return out;
    }

    /** Python str() of a tuple of byte strings. */
    static String tupleStr(List<String> items) {
        if (items.isEmpty()) return "()";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(BStr.repr(items.get(i)));
        }
        if (items.size() == 1) b.append(',');
        return b.append(')').toString();
    }

    // ---- extensions ------------------------------------------------------

    /** The extensions of a NULL-terminated CERTCertExtension array. */
    static List<CertificateExtension> extensions(long array) {
        List<CertificateExtension> out = new ArrayList<>();
        for (long ext : Scratch.pointerArray(array)) out.add(CertificateExtension.fromNative(ext));
        return out;
    }

    /** CertificateExtension.format_lines */
    static void extension(Lines lines, int level, CertificateExtension ext) {
        Lines out = new Lines();
        out.pair(level, "Name", Oids.describe(ext.oid()));
        out.pair(level, "Critical", ext.critical());
        byte[] v = ext.value();
        switch (Oids.tagOf(ext.oid())) {
            case NssConstants.SEC_OID_X509_KEY_USAGE -> {
                out.label(level, "Usages");
                textLines(out, level + 1, keyUsage(v));
            }
            case NssConstants.SEC_OID_NS_CERT_EXT_CERT_TYPE -> {
                out.label(level, "Types");
                textLines(out, level + 1, certType(v));
            }
            case NssConstants.SEC_OID_X509_SUBJECT_KEY_ID -> {
                out.label(level, "Data");
                byte[] id = DerFormat.stripTagAndLength(v);
                if (id == null) throw new IllegalArgumentException("malformed ASN.1 DER data");
                out.hex(level + 1, id);
            }
            case NssConstants.SEC_OID_X509_CRL_DIST_POINTS -> CRLDistributionPts.decode(v).lines(out, level);
            case NssConstants.SEC_OID_X509_AUTH_INFO_ACCESS -> AuthorityInfoAccesses.decode(v).lines(out, level);
            case NssConstants.SEC_OID_X509_AUTH_KEY_ID -> AuthKeyID.decode(v).lines(out, level);
            case NssConstants.SEC_OID_X509_EXT_KEY_USAGE -> {
                out.label(level, "Usages");
                textLines(out, level + 1, oidSequence(v));
            }
            case NssConstants.SEC_OID_X509_BASIC_CONSTRAINTS -> BasicConstraints.decode(v).lines(out, level);
            case NssConstants.SEC_OID_X509_SUBJECT_ALT_NAME, NssConstants.SEC_OID_X509_ISSUER_ALT_NAME -> {
                out.label(level, "Names");
                textLines(out, level + 1, values(altNames(v)));
            }
            default -> { }
        }
        lines.addAll(out);
    }

    /** x509_ext_key_usage(value, AsString): the descriptions of a SEQUENCE OF OID. */
    static List<String> oidSequence(byte[] value) {
        List<String> out = new ArrayList<>();
        for (byte[] oid : Oids.sequence(value)) out.add(Oids.describe(oid));
        return out;
    }

    /** x509_alt_name(value): the general names of an alternative name extension. */
    static List<GeneralName> altNames(byte[] value) {
        try (Scratch s = new Scratch()) {
            long names = Nss3.CERT_DecodeAltNameExtension(s.arena(), s.item(value));
            if (names == 0) throw NSPRError.last();
            return generalNames(names);
        }
    }

    // ---- signature -------------------------------------------------------

    /**
     * Appends the MD5 and SHA1 fingerprints of data, each a label and its
     * digest's hex lines one level in (fingerprint_format_lines()).
     *
     * @param lines the lines to append to
     * @param level the indentation level of the labels
     * @param data the data to digest (e.g. a certificate's DER)
     * @throws NSPRError when NSS cannot digest (SEC_ERROR_NO_MODULE before NSS
     *         is initialized)
     */
    public static void fingerprints(Lines lines, int level, byte[] data) {
        lines.label(level, "Fingerprint (MD5)");
        lines.hex(level + 1, Digests.md5Digest(data));
        lines.label(level, "Fingerprint (SHA1)");
        lines.hex(level + 1, Digests.sha1Digest(data));
    }
}
