package org.jnss.ssl;

import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Ssl3;

import java.util.List;

/**
 * What NSS says about one cipher suite (SSL_GetCipherSuiteInfo), copied to the
 * Java heap; Python's {@code nss.ssl.SSLCipherSuiteInfo}. Made by
 * {@link Ssl#getCipherSuiteInfo} ({@code get_cipher_suite_info()}) only:
 * python-nss's own constructor makes an object whose use crashes, so none is
 * offered here. Immutable; owns no native memory. Its {@code str()} (and
 * {@code toString()}) lists every field, one per line.
 *
 * <p>The numeric fields are NSS's enumeration values (SSLAuthType,
 * SSLKEAType, SSLCipherAlgorithm, SSLMACAlgorithm), each beside its name.
 */
public final class SSLCipherSuiteInfo extends FormattedValue {
    /** sizeof(SSLCipherSuiteInfo) in NSS 3.87 and the field offsets (offsetof, /usr/include/nss/sslt.h) */
    static final int SIZE = 104;
    private static final int SUITE = 2, SUITE_NAME = 8, AUTH_NAME = 16, AUTH = 24, KEA_NAME = 32, KEA = 40,
            SYM_NAME = 48, SYM = 56, SYM_BITS = 60, SYM_SPACE = 62, EFFECTIVE_BITS = 64, MAC_NAME = 72, MAC = 80,
            MAC_BITS = 84, FLAGS = 86;

    private final int cipherSuite, authAlgorithm, keaType, symCipher, symKeyBits, symKeySpace, effectiveKeyBits,
            macAlgorithm, macBits;
    private final String cipherSuiteName, authAlgorithmName, keaTypeName, symCipherName, macAlgorithmName;
    private final boolean fips, exportable, nonstandard;

    private SSLCipherSuiteInfo(long p) {
        cipherSuite = Mem.getShort(p, SUITE) & 0xffff;
        cipherSuiteName = Mem.cString(Mem.getPointer(p, SUITE_NAME));
        authAlgorithmName = Mem.cString(Mem.getPointer(p, AUTH_NAME));
        authAlgorithm = Mem.getInt(p, AUTH);
        keaTypeName = Mem.cString(Mem.getPointer(p, KEA_NAME));
        keaType = Mem.getInt(p, KEA);
        symCipherName = Mem.cString(Mem.getPointer(p, SYM_NAME));
        symCipher = Mem.getInt(p, SYM);
        symKeyBits = Mem.getShort(p, SYM_BITS) & 0xffff;
        symKeySpace = Mem.getShort(p, SYM_SPACE) & 0xffff;
        effectiveKeyBits = Mem.getShort(p, EFFECTIVE_BITS) & 0xffff;
        macAlgorithmName = Mem.cString(Mem.getPointer(p, MAC_NAME));
        macAlgorithm = Mem.getInt(p, MAC);
        macBits = Mem.getShort(p, MAC_BITS) & 0xffff;
        int flags = Mem.getByte(p, FLAGS);
        fips = (flags & 1) != 0;
        exportable = (flags & 2) != 0;
        nonstandard = (flags & 4) != 0;
    }

    /** A copy of another's fields (a new object, as python-nss makes one per call). */
    private SSLCipherSuiteInfo(SSLCipherSuiteInfo o) {
        cipherSuite = o.cipherSuite;
        cipherSuiteName = o.cipherSuiteName;
        authAlgorithmName = o.authAlgorithmName;
        authAlgorithm = o.authAlgorithm;
        keaTypeName = o.keaTypeName;
        keaType = o.keaType;
        symCipherName = o.symCipherName;
        symCipher = o.symCipher;
        symKeyBits = o.symKeyBits;
        symKeySpace = o.symKeySpace;
        effectiveKeyBits = o.effectiveKeyBits;
        macAlgorithmName = o.macAlgorithmName;
        macAlgorithm = o.macAlgorithm;
        macBits = o.macBits;
        fips = o.fips;
        exportable = o.exportable;
        nonstandard = o.nonstandard;
    }

    /**
     * What NSS answered for each suite it implements: its answer comes from a
     * table compiled into libssl3, the same for the whole process (reading it
     * anew, with five strings, took four times python-nss's whole call).
     */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, SSLCipherSuiteInfo> KNOWN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** SSL_GetCipherSuiteInfo for the suite (its low 16 bits, as python-nss passes it). */
    static SSLCipherSuiteInfo of(int suite) {
        Integer key = suite & 0xffff;
        SSLCipherSuiteInfo known = KNOWN.get(key);
        if (known == null) {
            long p = Mem.calloc(SIZE);
            try {
                if (Ssl3.SSL_GetCipherSuiteInfo((short) suite, p, SIZE) != 0) throw NSPRError.last();
                known = new SSLCipherSuiteInfo(p);
            } finally {
                Mem.free(p);
            }
            KNOWN.put(key, known);       // at most one per 16-bit value NSS implements
        }
        return new SSLCipherSuiteInfo(known);
    }

    /**
     * The cipher suite's value, e.g. 0x1301.
     *
     * @return the suite value
     */
    @Python("cipher_suite")
    public int getCipherSuite() {
        return cipherSuite;
    }

    /**
     * The cipher suite's name, e.g. {@code "TLS_AES_128_GCM_SHA256"}.
     *
     * @return the name (str)
     */
    @Python("cipher_suite_name")
    public String getCipherSuiteName() {
        return cipherSuiteName;
    }

    /**
     * How the server is authenticated, as NSS's SSLAuthType value.
     *
     * @return the authentication type; its name is {@link #getAuthAlgorithmName()}
     */
    @Python("auth_algorithm")
    public int getAuthAlgorithm() {
        return authAlgorithm;
    }

    /**
     * The name of the authentication algorithm, e.g. {@code "RSA"}.
     *
     * @return the name (str)
     */
    @Python("auth_algorithm_name")
    public String getAuthAlgorithmName() {
        return authAlgorithmName;
    }

    /**
     * The key exchange, as NSS's SSLKEAType value ({@code nss.ssl_kea_*} in Python).
     *
     * @return the key exchange type; its name is {@link #getKeaTypeName()}
     */
    @Python("kea_type")
    public int getKeaType() {
        return keaType;
    }

    /**
     * The name of the key exchange, e.g. {@code "ECDHE"}.
     *
     * @return the name (str)
     */
    @Python("kea_type_name")
    public String getKeaTypeName() {
        return keaTypeName;
    }

    /**
     * The bulk cipher, as NSS's SSLCipherAlgorithm value.
     *
     * @return the cipher algorithm; its name is {@link #getSymmetricCipherName()}
     */
    @Python("symmetric_cipher")
    public int getSymmetricCipher() {
        return symCipher;
    }

    /**
     * The name of the bulk cipher, e.g. {@code "AES-GCM"}.
     *
     * @return the name (str)
     */
    @Python("symmetric_cipher_name")
    public String getSymmetricCipherName() {
        return symCipherName;
    }

    /**
     * The size of the bulk cipher's key in bits, parity bits included (3DES: 192).
     *
     * @return the key size in bits
     */
    @Python("symmetric_key_bits")
    public int getSymmetricKeyBits() {
        return symKeyBits;
    }

    /**
     * The bulk cipher's key space in bits, as NSS reports it (3DES: 156).
     *
     * @return the key space in bits
     */
    @Python("symmetric_key_space")
    public int getSymmetricKeySpace() {
        return symKeySpace;
    }

    /**
     * The bulk cipher's effective strength in bits (3DES: 112).
     *
     * @return the effective key size in bits
     */
    @Python("effective_key_bits")
    public int getEffectiveKeyBits() {
        return effectiveKeyBits;
    }

    /**
     * The message authentication, as NSS's SSLMACAlgorithm value.
     *
     * @return the MAC algorithm; its name is {@link #getMacAlgorithmName()}
     */
    @Python("mac_algorithm")
    public int getMacAlgorithm() {
        return macAlgorithm;
    }

    /**
     * The name of the message authentication, e.g. {@code "AEAD"} or {@code "SHA256"}.
     *
     * @return the name (str)
     */
    @Python("mac_algorithm_name")
    public String getMacAlgorithmName() {
        return macAlgorithmName;
    }

    /**
     * The size of the message authentication code, in bits.
     *
     * @return the MAC size in bits
     */
    @Python("mac_bits")
    public int getMacBits() {
        return macBits;
    }

    /**
     * Whether the suite is approved for FIPS 140 mode.
     *
     * @return true if FIPS-approved
     */
    @Python("is_fips")
    public boolean isFips() {
        return fips;
    }

    /**
     * Whether the suite is one of the old export-grade suites.
     *
     * @return true if exportable
     */
    @Python("is_exportable")
    public boolean isExportable() {
        return exportable;
    }

    /**
     * Whether the suite is not defined by a standard (a vendor's suite).
     *
     * @return true if nonstandard
     */
    @Python("is_nonstandard")
    public boolean isNonstandard() {
        return nonstandard;
    }

    private static String named(String name, int value) {
        return name + " (0x" + Integer.toHexString(value) + ")";
    }

    /**
     * The suite's description as python-nss's {@code format_lines()} gives it:
     * the suite's name and value, then each field indented one level further.
     *
     * @param level the indentation level of the first line
     * @return the lines
     */
    @Override
    public Lines lines(int level) {
        Lines out = new Lines();
        List<Object[]> l = out.list;
        l.add(new Object[]{level, "Cipher Suite:", named(cipherSuiteName, cipherSuite)});
        int in = level + 1;
        l.add(new Object[]{in, "Auth Algorithm:", named(authAlgorithmName, authAlgorithm)});
        l.add(new Object[]{in, "Key Exchange Type:", named(keaTypeName, keaType)});
        l.add(new Object[]{in, "Symmetric Cipher:", named(symCipherName, symCipher)});
        l.add(new Object[]{in, "Symmetric Key Bits:", Integer.toString(symKeyBits)});
        l.add(new Object[]{in, "Effective Symmetric Key Bits:", Integer.toString(effectiveKeyBits)});
        l.add(new Object[]{in, "Symmetric Key Space:", Integer.toString(symKeySpace)});
        l.add(new Object[]{in, "MAC Algorithm:", named(macAlgorithmName, macAlgorithm)});
        l.add(new Object[]{in, "MAC Bits:", Integer.toString(macBits)});
        l.add(new Object[]{in, "FIPS:", fips ? "True" : "False"});
        l.add(new Object[]{in, "Exportable:", exportable ? "True" : "False"});
        l.add(new Object[]{in, "Nonstandard:", nonstandard ? "True" : "False"});
        return out;
    }
}
