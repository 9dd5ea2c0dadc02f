package org.jnss.nss;

import org.jnss.core.ArgumentError;
import org.jnss.core.Py;
import org.jnss.core.PyTypeNames;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The module's line-formatting and flag-list helpers that the examples use
 * with format_lines() results: make_line_fmt_tuples, indented_format,
 * cert_usage_flags and cert_type_flags (bound in {@link Nss}).
 */
final class LineFormat {
    private LineFormat() {}

    /** str() of a value handed over by Python: Java scalars, core objects through their __str__. */
    static String str(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof String s) return s;
        if (v instanceof byte[] b) return BStr.of(b);
        for (Method m : v.getClass().getMethods()) {
            Py py = m.getAnnotation(Py.class);
            if (py != null && py.value().equals("__str__()") && m.getParameterCount() == 0) {
                try {
                    Object r = m.invoke(v);
                    return r instanceof byte[] b ? BStr.of(b) : String.valueOf(r);
                } catch (ReflectiveOperationException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(String.valueOf(c));
                }
            }
        }
        return Asn1Fmt.str(v);
    }

    private static List<?> sequence(Object obj) {
        if (obj instanceof Object[] a) return Arrays.asList(a);
        String type = PyTypeNames.of(obj);
        if (obj instanceof List<?> l && (type.equals("list") || type.equals("tuple"))) return l;
        return null;
    }

    static List<Object[]> makeLineFmtTuples(int level, Object obj) {
        List<Object[]> out = new ArrayList<>();
        List<?> items = sequence(obj);
        if (items == null) {
            out.add(new Object[]{level, BStr.bytes(str(obj))});
        } else {
            for (Object item : items) out.add(new Object[]{level, BStr.bytes(str(item))});
        }
        return out;
    }

    static byte[] indentedFormat(Object lineFmtTuples, int indentLen) {
        String type = PyTypeNames.of(lineFmtTuples);
        if (!(lineFmtTuples instanceof List<?> list) || !type.equals("list"))
            throw new ArgumentError("indented_format() argument 1 must be list, not " + type);
        List<Object[]> lines = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object t = list.get(i);
            String tt = PyTypeNames.of(t);
            List<?> tuple = t instanceof Object[] a ? Arrays.asList(a)
                    : t instanceof List<?> l && tt.equals("tuple") ? l : null;
            if (tuple == null)
                throw new ArgumentError("line_fmt_tuples[" + i + "] must be a tuple, not " + tt);
            if (tuple.isEmpty() || tuple.size() > 3)
                throw new ArgumentError("line_fmt_tuples[" + i + "] tuple must have 1-3 items, not "
                        + tuple.size() + " items");
            Object level = tuple.get(0);
            if (!(level instanceof Integer || level instanceof Long))
                throw new ArgumentError("item[0] in the tuple at line_fmt_tuples[" + i
                        + "] list must be an integer, not " + PyTypeNames.of(level));
            Object[] line = new Object[tuple.size()];
            line[0] = ((Number) level).intValue();
            for (int k = 1; k < tuple.size(); k++) {
                Object s = tuple.get(k);
                if (s instanceof byte[] b) s = BStr.of(b);
                if (!(s instanceof String))
                    throw new ArgumentError("item[" + k + "] in the tuple at line_fmt_tuples[" + i
                            + "] list must be a string, not " + PyTypeNames.of(s));
                line[k] = s;
            }
            lines.add(line);
        }
        return BStr.bytes(Fmt.indented(lines, indentLen));
    }

    // ---- flag lists ------------------------------------------------------------

    private static final Object[][] CERT_USAGE = {
            {NssConstants.certificateUsageSSLClient, "certificateUsageSSLClient", "SSL Client"},
            {NssConstants.certificateUsageSSLServer, "certificateUsageSSLServer", "SSL Server"},
            {NssConstants.certificateUsageSSLServerWithStepUp, "certificateUsageSSLServerWithStepUp",
                    "SSL Server With StepUp"},
            {NssConstants.certificateUsageSSLCA, "certificateUsageSSLCA", "SSL CA"},
            {NssConstants.certificateUsageEmailSigner, "certificateUsageEmailSigner", "Email Signer"},
            {NssConstants.certificateUsageEmailRecipient, "certificateUsageEmailRecipient", "Email Recipient"},
            {NssConstants.certificateUsageObjectSigner, "certificateUsageObjectSigner", "Object Signer"},
            {NssConstants.certificateUsageUserCertImport, "certificateUsageUserCertImport",
                    "User Certificate Import"},
            {NssConstants.certificateUsageVerifyCA, "certificateUsageVerifyCA", "Verify CA"},
            {NssConstants.certificateUsageProtectedObjectSigner, "certificateUsageProtectedObjectSigner",
                    "Protected Object Signer"},
            {NssConstants.certificateUsageStatusResponder, "certificateUsageStatusResponder", "Status Responder"},
            {NssConstants.certificateUsageAnyCA, "certificateUsageAnyCA", "Any CA"},
    };

    /** NS_CERT_TYPE_* and EXT_KEY_USAGE_* of certt.h (python-nss exports no constants for them). */
    private static final Object[][] CERT_TYPE = {
            {0x80, "NS_CERT_TYPE_SSL_CLIENT", "SSL Client"},
            {0x40, "NS_CERT_TYPE_SSL_SERVER", "SSL Server"},
            {0x20, "NS_CERT_TYPE_EMAIL", "Email"},
            {0x10, "NS_CERT_TYPE_OBJECT_SIGNING", "Object Signing"},
            {0x08, "NS_CERT_TYPE_RESERVED", "Reserved"},
            {0x04, "NS_CERT_TYPE_SSL_CA", "SSL CA"},
            {0x02, "NS_CERT_TYPE_EMAIL_CA", "Email CA"},
            {0x01, "NS_CERT_TYPE_OBJECT_SIGNING_CA", "Object Signing CA"},
            {0x4000, "EXT_KEY_USAGE_STATUS_RESPONDER", "Key Usage Status Responder"},
            {0x8000, "EXT_KEY_USAGE_TIME_STAMP", "Key Usage Timestamp"},
    };

    private static List<Object> flags(long flags, int reprKind, Object[][] table) {
        if (reprKind != NssConstants.AsEnum && reprKind != NssConstants.AsEnumName
                && reprKind != NssConstants.AsEnumDescription)
            throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
        List<Object> out = new ArrayList<>();
        for (Object[] f : table) {
            int bit = (Integer) f[0];
            if ((flags & bit) == 0) continue;
            flags &= ~bit;
            out.add(reprKind == NssConstants.AsEnum ? (Object) bit
                    : BStr.bytes((String) (reprKind == NssConstants.AsEnumName ? f[1] : f[2])));
        }
        if (reprKind == NssConstants.AsEnum) {
            out.sort((a, b) -> Integer.compare((Integer) a, (Integer) b));
            if (flags != 0) out.add(BStr.bytes("unknown bit flags %#x"));
        } else {
            if (flags != 0) out.add(BStr.bytes("unknown bit flags %#x"));
            out.sort((a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b));
        }
        return out;
    }

    static List<Object> certUsageFlags(long flags, int reprKind) {
        return flags(flags, reprKind, CERT_USAGE);
    }

    static List<Object> certTypeFlags(long flags, int reprKind) {
        return flags(flags, reprKind, CERT_TYPE);
    }
}
