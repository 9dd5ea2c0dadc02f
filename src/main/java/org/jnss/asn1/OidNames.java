package org.jnss.asn1;

import org.jnss.core.ArgumentError;
import org.jnss.core.CInts;
import org.jnss.core.KeyError;
import org.jnss.core.NotFoundError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names of OIDs as python-nss resolves them: the canonical attribute type names
 * of X.500 names (NSS's alg1485 table), dotted decimal strings, SEC_OID_* names
 * (with or without the prefix, any case), tags and SecItems; and the module
 * functions of nss.nss that name OIDs (oid_str, oid_tag, oid_tag_name,
 * oid_dotted_decimal).
 */
public final class OidNames {
    private OidNames() {}

    /**
     * The tag python-nss's C code returns for "could not be determined"
     * (never a real SECOidTag). {@link #tagOf} returns it for the integer -1,
     * which python-nss's callers take for their error return (a SystemError
     * in Python); callers check for it as python-nss's do.
     */
    public static final int ERROR = -1;

    private record AvaProps(String name, int tag, int valueType) {}

    private static final int UTF8 = 12, PRINTABLE = 19, IA5 = 22;

    /** python-nss's copy of NSS's dn_ava_props table, in its order. */
    private static final AvaProps[] AVA_PROPS = {
            new AvaProps("CN", NssConstants.SEC_OID_AVA_COMMON_NAME, UTF8),
            new AvaProps("ST", NssConstants.SEC_OID_AVA_STATE_OR_PROVINCE, UTF8),
            new AvaProps("O", NssConstants.SEC_OID_AVA_ORGANIZATION_NAME, UTF8),
            new AvaProps("OU", NssConstants.SEC_OID_AVA_ORGANIZATIONAL_UNIT_NAME, UTF8),
            new AvaProps("dnQualifier", NssConstants.SEC_OID_AVA_DN_QUALIFIER, PRINTABLE),
            new AvaProps("C", NssConstants.SEC_OID_AVA_COUNTRY_NAME, PRINTABLE),
            new AvaProps("serialNumber", NssConstants.SEC_OID_AVA_SERIAL_NUMBER, PRINTABLE),
            new AvaProps("L", NssConstants.SEC_OID_AVA_LOCALITY, UTF8),
            new AvaProps("title", NssConstants.SEC_OID_AVA_TITLE, UTF8),
            new AvaProps("SN", NssConstants.SEC_OID_AVA_SURNAME, UTF8),
            new AvaProps("givenName", NssConstants.SEC_OID_AVA_GIVEN_NAME, UTF8),
            new AvaProps("initials", NssConstants.SEC_OID_AVA_INITIALS, UTF8),
            new AvaProps("generationQualifier", NssConstants.SEC_OID_AVA_GENERATION_QUALIFIER, UTF8),
            new AvaProps("DC", NssConstants.SEC_OID_AVA_DC, IA5),
            new AvaProps("MAIL", NssConstants.SEC_OID_RFC1274_MAIL, IA5),
            new AvaProps("UID", NssConstants.SEC_OID_RFC1274_UID, UTF8),
            new AvaProps("postalAddress", NssConstants.SEC_OID_AVA_POSTAL_ADDRESS, UTF8),
            new AvaProps("postalCode", NssConstants.SEC_OID_AVA_POSTAL_CODE, UTF8),
            new AvaProps("postOfficeBox", NssConstants.SEC_OID_AVA_POST_OFFICE_BOX, UTF8),
            new AvaProps("houseIdentifier", NssConstants.SEC_OID_AVA_HOUSE_IDENTIFIER, UTF8),
            new AvaProps("E", NssConstants.SEC_OID_PKCS9_EMAIL_ADDRESS, IA5),
    };

    /**
     * The canonical name of an X.500 attribute type, as NSS writes it in
     * names ("CN", "O", "OU", "E", "DC", ...).
     *
     * @param tag the attribute type's SECOidTag
     * @return the name, or null for a type without one
     */
    public static String avaName(int tag) {
        for (AvaProps p : AVA_PROPS) if (p.tag == tag) return p.name;
        return null;
    }

    /**
     * The ASN.1 string type NSS encodes a value of this attribute type as.
     *
     * @param tag the attribute type's SECOidTag
     * @return the universal tag number: 19 (PrintableString, e.g. for C and
     *         serialNumber), 22 (IA5String, e.g. for E and DC) or 12
     *         (UTF8String, the rest and unknown types)
     */
    public static int avaValueType(int tag) {
        for (AvaProps p : AVA_PROPS) if (p.tag == tag) return p.valueType;
        return UTF8;
    }

    private static int avaTag(String name) {
        for (AvaProps p : AVA_PROPS) if (p.name.equalsIgnoreCase(name)) return p.tag;
        return NssConstants.SEC_OID_UNKNOWN;
    }

    private static volatile Map<String, Integer> tagByName;

    private static Map<String, Integer> tagByName() {
        Map<String, Integer> m = tagByName;
        if (m != null) return m;
        m = new HashMap<>();
        for (Field f : NssConstants.class.getFields()) {
            if (!f.getName().startsWith("SEC_OID_") || f.getType() != int.class || !Modifier.isStatic(f.getModifiers()))
                continue;
            try {
                int v = f.getInt(null);
                String lower = f.getName().toLowerCase(Locale.ROOT);
                m.put(lower, v);
                m.put(lower.substring("sec_oid_".length()), v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return tagByName = m;
    }

    private static volatile Map<Integer, String> nameByTag;

    /**
     * The SEC_OID_* name of a tag (e.g. "SEC_OID_AVA_COMMON_NAME"). Of two
     * names for one tag, the one python-nss registers last.
     *
     * @param tag a SECOidTag
     * @return the name, or null when no SEC_OID_* constant has that value
     */
    public static String tagName(int tag) {
        Map<Integer, String> m = nameByTag;
        if (m == null) {
            m = new HashMap<>();
            for (Field f : NssConstants.class.getFields()) {
                if (!f.getName().startsWith("SEC_OID_") || f.getType() != int.class) continue;
                try {
                    m.putIfAbsent(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            m.put(NssConstants.SEC_OID_PKCS12_KEY_USAGE, "SEC_OID_PKCS12_KEY_USAGE");
            m.put(NssConstants.SEC_OID_ANSIX962_ECDSA_SIGNATURE_WITH_SHA1_DIGEST, "SEC_OID_ANSIX962_ECDSA_SIGNATURE_WITH_SHA1_DIGEST");
            m.put(NssConstants.SEC_OID_SECG_EC_SECP192R1, "SEC_OID_SECG_EC_SECP192R1");
            m.put(NssConstants.SEC_OID_SECG_EC_SECP256R1, "SEC_OID_SECG_EC_SECP256R1");
            nameByTag = m;
        }
        return m.get(tag);
    }

    /**
     * Whether text is a dotted-decimal OID as python-nss recognises one:
     * digits and dots, an optional "OID." prefix (any case) and trailing white
     * space, at least one number, no empty component.
     *
     * @param s the text
     * @return true for e.g. "2.5.4.3", "OID.2.5.4.3" or "3"
     */
    static boolean isOidString(String s) {
        int p = 0, n = s.length(), ints = 0, dots = 0;
        if (s.regionMatches(true, 0, "OID.", 0, 4)) p = 4;
        while (p < n) {
            char c = s.charAt(p);
            if (c >= '0' && c <= '9') {
                ints++;
                while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') p++;
            } else if (c == '.') {
                dots++;
                p++;
            } else {
                if (Character.isWhitespace(c)) {
                    while (p < n && Character.isWhitespace(s.charAt(p))) p++;
                    if (p == n) break;
                }
                return false;
            }
        }
        return ints > 0 && ints == dots + 1;
    }

    /**
     * The SECOidTag an argument names, as python-nss reads OID arguments.
     * A string is tried as a canonical attribute name ("cn", any case), then
     * as dotted decimal ("2.5.4.3", "OID.2.5.4.3"), then as a SEC_OID_* name
     * with or without the prefix, any case ("sec_oid_ava_common_name",
     * "ava_common_name"); an integer is the tag itself (its low 32 bits; one
     * that does not fit a C long is an OverflowError); a SecItem holds the
     * OID's contents.
     *
     * @param o a String, Boolean, Integer, Long, BigInteger or SecItem
     * @return the tag; SEC_OID_UNKNOWN (0) for a dotted decimal string or SecItem
     *         naming an OID NSS does not know
     * @throws IllegalArgumentException (ValueError) when NSS cannot encode a
     *         dotted decimal string
     * @throws KeyError when a string names no OID
     * @throws ArgumentError (TypeError) for any other type
     * @throws ArithmeticException (OverflowError) for an integer beyond 64 signed bits
     */
    public static int tagOf(Object o) {
        if (o instanceof String s) return tagOfString(s);
        if (CInts.isInteger(o)) return (int) CInts.asLong(o);          // C's conversion: the low 32 bits
        if (o instanceof SecItem item) return Oids.tagOf(item.toByteArray());
        throw new ArgumentError("oid must be a string, an integer, or a SecItem, not " + PyTypeNames.of(o));
    }

    private static int tagOfString(String s) {
        int tag = avaTag(s);
        if (tag != NssConstants.SEC_OID_UNKNOWN) return tag;
        if (isOidString(s)) {
            Integer t = Oids.tagOfDotted(s);
            if (t == null) throw new IllegalArgumentException("failed to convert oid string \"" + s + "\" to SECItem");
            return t;
        }
        Integer t = tagByName().get(s.toLowerCase(Locale.ROOT));
        if (t == null) throw new KeyError("oid tag name not found: " + s);
        return t;
    }

    /**
     * The tag the module functions take an OID argument for: {@link #anyTagOf},
     * and ValueError when the OID is not one NSS knows.
     *
     * @param oid as for {@link #tagOf}
     * @return the tag, never SEC_OID_UNKNOWN
     * @throws IllegalArgumentException (ValueError) "unable to convert to known OID"
     *         for an OID NSS does not know, and as {@link #tagOf}
     */
    static int knownTagOf(Object oid) {
        int tag = anyTagOf(oid);
        if (tag == NssConstants.SEC_OID_UNKNOWN) throw new IllegalArgumentException("unable to convert to known OID");
        return tag;
    }

    /**
     * {@link #tagOf} as python-nss's callers check it: an integer is taken as C
     * takes it into a SECOidTag (its low 32 bits, unchecked: NSS answers for the
     * tag; pkcs12_map_cipher takes tag 0); -1 is python-nss's error return
     * without an exception (SystemError).
     *
     * @param oid as for {@link #tagOf}
     * @return the tag, possibly SEC_OID_UNKNOWN
     * @throws IllegalStateException (SystemError) for the tag {@link #ERROR}, and as {@link #tagOf}
     */
    public static int anyTagOf(Object oid) {
        int tag = tagOf(oid);
        if (tag == ERROR) throw new IllegalStateException("error return without exception set");
        return tag;
    }

    /**
     * Tags past NSS's built-in table live in its dynamic table, which NSS reads
     * without a check when it is not initialised (a crash in python-nss).
     */
    private static void requireKnownTag(int tag) {
        if (!NssRuntime.isInitialized() && tagName(tag) == null)
            throw new NSPRError(null, ErrorConstants.SEC_ERROR_NOT_INITIALIZED);
    }

    /**
     * The description of a tag for messages.
     *
     * @param tag a SECOidTag
     * @return NSS's description, or "unknown(0x..)" when NSS does not know the tag
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED for a tag beyond NSS's built-in
     *         table before NSS is initialized
     */
    public static String tagText(int tag) {
        requireKnownTag(tag);
        String d = Oids.knownDescriptionOfTag(tag);
        return d == null ? String.format("unknown(%#x)", tag) : d;
    }

    /**
     * NSS's description of an OID, e.g. "X520 Common Name" for
     * {@code oid_str('cn')}.
     *
     * @param oid the OID: a SEC_OID_* tag (int), a name (an attribute name such
     *        as 'cn', a SEC_OID_* name with or without the prefix, any case), a
     *        dotted decimal string ('2.5.4.3' or 'OID.2.5.4.3'), or a SecItem
     *        holding the OID's DER contents
     * @return the description
     * @throws IllegalArgumentException (ValueError) "unable to convert to known OID"
     *         when NSS does not know the OID
     * @throws KeyError when a name names no OID
     * @throws ArgumentError (TypeError) when oid is of another type
     * @throws NSPRError SEC_ERROR_UNRECOGNIZED_OID for an integer NSS has no OID for
     */
    @Python("oid_str(oid, /)")
    public static String oidStr(Object oid) {
        int tag = knownTagOf(oid);
        requireKnownTag(tag);
        return Oids.descriptionOfTag(tag);
    }

    /**
     * The SEC_OID_* tag (an int) of an OID, e.g. SEC_OID_AVA_COMMON_NAME for
     * {@code oid_tag('2.5.4.3')}. An integer is returned as it is.
     *
     * @param oid the OID, in any of the forms {@link #oidStr oid_str()} takes
     * @return the tag
     * @throws IllegalArgumentException (ValueError) "unable to convert to known OID"
     *         when NSS does not know the OID
     * @throws KeyError when a name names no OID
     * @throws ArgumentError (TypeError) when oid is of another type
     */
    @Python("oid_tag(oid, /)")
    public static int oidTag(Object oid) {
        return knownTagOf(oid);
    }

    /**
     * The name of an OID's SEC_OID_* constant, e.g. "SEC_OID_AVA_COMMON_NAME"
     * for {@code oid_tag_name('cn')}.
     *
     * @param oid the OID, in any of the forms {@link #oidStr oid_str()} takes
     * @return the constant's name
     * @throws IllegalArgumentException (ValueError) "unable to convert to known OID"
     *         when NSS does not know the OID
     * @throws KeyError when a name names no OID, or no constant has the tag
     * @throws ArgumentError (TypeError) when oid is of another type
     */
    @Python("oid_tag_name(oid, /)")
    public static String oidTagName(Object oid) {
        int tag = knownTagOf(oid);
        String n = tagName(tag);
        // python-nss formats the tag with "%#x", which Python 2 renders without the 0x
        if (n == null) throw new NotFoundError("oid tag not found: " + Integer.toHexString(tag));
        return n;
    }

    /**
     * The dotted decimal form of an OID, as NSS writes it: "OID.2.5.4.3" for
     * {@code oid_dotted_decimal('cn')}. A SecItem's contents are rendered
     * whatever OID they hold, known to NSS or not ("" when NSS renders
     * nothing, e.g. for fewer than two octets).
     *
     * @param oid the OID, in any of the forms {@link #oidStr oid_str()} takes
     * @return the dotted text with its "OID." prefix
     * @throws IllegalArgumentException (ValueError) "unable to convert to known OID"
     *         when NSS does not know an OID given by tag, name or dotted string
     * @throws KeyError when a name names no OID
     * @throws ArgumentError (TypeError) when oid is of another type
     * @throws NSPRError SEC_ERROR_UNRECOGNIZED_OID for an integer NSS has no OID for
     */
    @Python("oid_dotted_decimal(oid, /)")
    public static String oidDottedDecimal(Object oid) {
        byte[] contents;
        if (oid instanceof SecItem item) {
            contents = item.toByteArray();
        } else {
            int tag = knownTagOf(oid);
            requireKnownTag(tag);
            contents = Oids.contentsOfTag(tag);
        }
        String d = Oids.dottedString(contents);
        return d == null ? "" : d;
    }
}
