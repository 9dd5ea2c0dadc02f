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
 * Java heap. Made by {@code get_cipher_suite_info()} only: python-nss's own
 * constructor makes an object whose use crashes, so none is offered here.
 */
@Python.Type(doc = "An object representing an SSL cipher suite (see get_cipher_suite_info())")
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

    /** SSL_GetCipherSuiteInfo for the suite (its low 16 bits, as python-nss passes it). */
    static SSLCipherSuiteInfo of(int suite) {
        long p = Mem.calloc(SIZE);
        try {
            if (Ssl3.SSL_GetCipherSuiteInfo((short) suite, p, SIZE) != 0) throw NSPRError.last();
            return new SSLCipherSuiteInfo(p);
        } finally {
            Mem.free(p);
        }
    }

    @Python("cipher_suite") public int getCipherSuite() { return cipherSuite; }
    @Python("cipher_suite_name") public String getCipherSuiteName() { return cipherSuiteName; }
    @Python("auth_algorithm") public int getAuthAlgorithm() { return authAlgorithm; }
    @Python("auth_algorithm_name") public String getAuthAlgorithmName() { return authAlgorithmName; }
    @Python("kea_type") public int getKeaType() { return keaType; }
    @Python("kea_type_name") public String getKeaTypeName() { return keaTypeName; }
    @Python("symmetric_cipher") public int getSymmetricCipher() { return symCipher; }
    @Python("symmetric_cipher_name") public String getSymmetricCipherName() { return symCipherName; }
    @Python("symmetric_key_bits") public int getSymmetricKeyBits() { return symKeyBits; }
    @Python("symmetric_key_space") public int getSymmetricKeySpace() { return symKeySpace; }
    @Python("effective_key_bits") public int getEffectiveKeyBits() { return effectiveKeyBits; }
    @Python("mac_algorithm") public int getMacAlgorithm() { return macAlgorithm; }
    @Python("mac_algorithm_name") public String getMacAlgorithmName() { return macAlgorithmName; }
    @Python("mac_bits") public int getMacBits() { return macBits; }
    @Python("is_fips") public boolean isFips() { return fips; }
    @Python("is_exportable") public boolean isExportable() { return exportable; }
    @Python("is_nonstandard") public boolean isNonstandard() { return nonstandard; }

    private static String named(String name, int value) {
        return name + " (0x" + Integer.toHexString(value) + ")";
    }

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
