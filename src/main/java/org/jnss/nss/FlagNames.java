package org.jnss.nss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Names of key usage and certificate type bits as python-nss lists them (sorted, unknown bits as a literal). */
final class FlagNames {
    private FlagNames() {}

    private static final Object[][] KEY_USAGE = {
            {NssConstants.KU_DIGITAL_SIGNATURE, "KU_DIGITAL_SIGNATURE"},
            {NssConstants.KU_NON_REPUDIATION, "KU_NON_REPUDIATION"},
            {NssConstants.KU_KEY_ENCIPHERMENT, "KU_KEY_ENCIPHERMENT"},
            {NssConstants.KU_DATA_ENCIPHERMENT, "KU_DATA_ENCIPHERMENT"},
            {NssConstants.KU_KEY_AGREEMENT, "KU_KEY_AGREEMENT"},
            {NssConstants.KU_KEY_CERT_SIGN, "KU_KEY_CERT_SIGN"},
            {NssConstants.KU_CRL_SIGN, "KU_CRL_SIGN"},
            {NssConstants.KU_ENCIPHER_ONLY, "KU_ENCIPHER_ONLY"},
            {NssConstants.KU_DIGITAL_SIGNATURE_OR_NON_REPUDIATION, "KU_DIGITAL_SIGNATURE_OR_NON_REPUDIATION"},
            {NssConstants.KU_KEY_AGREEMENT_OR_ENCIPHERMENT, "KU_KEY_AGREEMENT_OR_ENCIPHERMENT"},
            {NssConstants.KU_NS_GOVT_APPROVED, "KU_NS_GOVT_APPROVED"},
    };

    /** NS_CERT_TYPE_* and EXT_KEY_USAGE_* of certt.h (python-nss exports no constants for them). */
    private static final Object[][] CERT_TYPE = {
            {0x80, "NS_CERT_TYPE_SSL_CLIENT"},
            {0x40, "NS_CERT_TYPE_SSL_SERVER"},
            {0x20, "NS_CERT_TYPE_EMAIL"},
            {0x10, "NS_CERT_TYPE_OBJECT_SIGNING"},
            {0x08, "NS_CERT_TYPE_RESERVED"},
            {0x04, "NS_CERT_TYPE_SSL_CA"},
            {0x02, "NS_CERT_TYPE_EMAIL_CA"},
            {0x01, "NS_CERT_TYPE_OBJECT_SIGNING_CA"},
            {0x8000, "EXT_KEY_USAGE_TIME_STAMP"},
            {0x4000, "EXT_KEY_USAGE_STATUS_RESPONDER"},
    };

    private static List<String> names(int flags, Object[][] table) {
        List<String> out = new ArrayList<>();
        for (Object[] f : table) {
            int bit = (Integer) f[0];
            if ((flags & bit) == 0) continue;
            flags &= ~bit;
            out.add((String) f[1]);
        }
        if (flags != 0) out.add("unknown bit flags %#x");
        Collections.sort(out);
        return out;
    }

    static List<String> keyUsage(int flags) { return names(flags, KEY_USAGE); }

    static List<String> certType(int flags) { return names(flags, CERT_TYPE); }
}
