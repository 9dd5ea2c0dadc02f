package org.jnss.pki;

import org.jnss.nss.SecItem;
import org.jnss.core.NameTable;
import org.jnss.core.Python;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;

import java.util.ArrayList;
import java.util.List;

/**
 * The flag and name helpers of nss.nss, as python-nss 1.0.1 has them: bit
 * flags to names (cert_usage_flags, cert_type_flags, key_usage_flags,
 * nss_init_flags, Certificate.trust_flags), DER bit
 * strings and extension values to names (x509_key_usage, x509_cert_type,
 * x509_ext_key_usage, x509_alt_name) and the CRL reason and general name type
 * name lookups. Bound in {@link Nss}.
 */
public final class PkiFlags {
    private PkiFlags() {}

    /**
     * One named bit flag of a python-nss constant table.
     *
     * @param value the flag's bit(s)
     * @param name the constant's name, e.g. "KU_DIGITAL_SIGNATURE"
     * @param description the readable description, e.g. "Digital Signature"
     */
    public record Flag(int value, String name, String description) {}

    /** The certificateUsage* flags (certificate usages as verification returns them), in python-nss's order. */
    public static final Flag[] CERT_USAGE = {
            new Flag(NssConstants.certificateUsageSSLClient, "certificateUsageSSLClient", "SSL Client"),
            new Flag(NssConstants.certificateUsageSSLServer, "certificateUsageSSLServer", "SSL Server"),
            new Flag(NssConstants.certificateUsageSSLServerWithStepUp, "certificateUsageSSLServerWithStepUp", "SSL Server With StepUp"),
            new Flag(NssConstants.certificateUsageSSLCA, "certificateUsageSSLCA", "SSL CA"),
            new Flag(NssConstants.certificateUsageEmailSigner, "certificateUsageEmailSigner", "Email Signer"),
            new Flag(NssConstants.certificateUsageEmailRecipient, "certificateUsageEmailRecipient", "Email Recipient"),
            new Flag(NssConstants.certificateUsageObjectSigner, "certificateUsageObjectSigner", "Object Signer"),
            new Flag(NssConstants.certificateUsageUserCertImport, "certificateUsageUserCertImport", "User Certificate Import"),
            new Flag(NssConstants.certificateUsageVerifyCA, "certificateUsageVerifyCA", "Verify CA"),
            new Flag(NssConstants.certificateUsageProtectedObjectSigner, "certificateUsageProtectedObjectSigner", "Protected Object Signer"),
            new Flag(NssConstants.certificateUsageStatusResponder, "certificateUsageStatusResponder", "Status Responder"),
            new Flag(NssConstants.certificateUsageAnyCA, "certificateUsageAnyCA", "Any CA"),
    };

    /** NS_CERT_TYPE_* (certt.h); the first eight are the bits of the Netscape cert type extension, in bit order. */
    public static final Flag[] CERT_TYPE = {
            new Flag(0x80, "NS_CERT_TYPE_SSL_CLIENT", "SSL Client"),
            new Flag(0x40, "NS_CERT_TYPE_SSL_SERVER", "SSL Server"),
            new Flag(0x20, "NS_CERT_TYPE_EMAIL", "Email"),
            new Flag(0x10, "NS_CERT_TYPE_OBJECT_SIGNING", "Object Signing"),
            new Flag(0x08, "NS_CERT_TYPE_RESERVED", "Reserved"),
            new Flag(0x04, "NS_CERT_TYPE_SSL_CA", "SSL CA"),
            new Flag(0x02, "NS_CERT_TYPE_EMAIL_CA", "Email CA"),
            new Flag(0x01, "NS_CERT_TYPE_OBJECT_SIGNING_CA", "Object Signing CA"),
            new Flag(0x8000, "EXT_KEY_USAGE_TIME_STAMP", "Key Usage Timestamp"),
            new Flag(0x4000, "EXT_KEY_USAGE_STATUS_RESPONDER", "Key Usage Status Responder"),
    };

    /** KU_*; the first eight are the bits of the key usage extension, in bit order. */
    public static final Flag[] KEY_USAGE = {
            new Flag(NssConstants.KU_DIGITAL_SIGNATURE, "KU_DIGITAL_SIGNATURE", "Digital Signature"),
            new Flag(NssConstants.KU_NON_REPUDIATION, "KU_NON_REPUDIATION", "Non-Repudiation"),
            new Flag(NssConstants.KU_KEY_ENCIPHERMENT, "KU_KEY_ENCIPHERMENT", "Key Encipherment"),
            new Flag(NssConstants.KU_DATA_ENCIPHERMENT, "KU_DATA_ENCIPHERMENT", "Data Encipherment"),
            new Flag(NssConstants.KU_KEY_AGREEMENT, "KU_KEY_AGREEMENT", "Key Agreement"),
            new Flag(NssConstants.KU_KEY_CERT_SIGN, "KU_KEY_CERT_SIGN", "Certificate Signing"),
            new Flag(NssConstants.KU_CRL_SIGN, "KU_CRL_SIGN", "CRL Signing"),
            new Flag(NssConstants.KU_ENCIPHER_ONLY, "KU_ENCIPHER_ONLY", "Encipher Only"),
            new Flag(NssConstants.KU_DIGITAL_SIGNATURE_OR_NON_REPUDIATION, "KU_DIGITAL_SIGNATURE_OR_NON_REPUDIATION",
                    "Digital Signature or Non-Repudiation"),
            new Flag(NssConstants.KU_KEY_AGREEMENT_OR_ENCIPHERMENT, "KU_KEY_AGREEMENT_OR_ENCIPHERMENT",
                    "Key Agreement or Data Encipherment"),
            new Flag(NssConstants.KU_NS_GOVT_APPROVED, "KU_NS_GOVT_APPROVED", "Government Approved"),
    };

    /** CERTDB_* trust flags (certdb.h), for Certificate.trust_flags and the *_trust_str properties. */
    static final Flag[] TRUST = {
            new Flag(NssConstants.CERTDB_TERMINAL_RECORD, "CERTDB_TERMINAL_RECORD", "Terminal Record"),
            new Flag(NssConstants.CERTDB_TRUSTED, "CERTDB_TRUSTED", "Trusted"),
            new Flag(NssConstants.CERTDB_SEND_WARN, "CERTDB_SEND_WARN", "Warn When Sending"),
            new Flag(NssConstants.CERTDB_VALID_CA, "CERTDB_VALID_CA", "Valid CA"),
            new Flag(NssConstants.CERTDB_TRUSTED_CA, "CERTDB_TRUSTED_CA", "Trusted CA"),
            new Flag(NssConstants.CERTDB_NS_TRUSTED_CA, "CERTDB_NS_TRUSTED_CA", "Netscape Trusted CA"),
            new Flag(NssConstants.CERTDB_USER, "CERTDB_USER", "User"),
            new Flag(NssConstants.CERTDB_TRUSTED_CLIENT_CA, "CERTDB_TRUSTED_CLIENT_CA", "Trusted Client CA"),
            new Flag(NssConstants.CERTDB_GOVT_APPROVED_CA, "CERTDB_GOVT_APPROVED_CA", "Step-up"),
    };

    private static void checkFlagsKind(int reprKind) {
        if (reprKind != NssConstants.AsEnum && reprKind != NssConstants.AsEnumName
                && reprKind != NssConstants.AsEnumDescription)
            throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
    }

    /**
     * python-nss's "unknown bit flags %#x" for the bits no flag names, as
     * python-nss under Python 2 printed it: PyString_FromFormat skips the
     * '#' flag and formats the C int with "%x", so plain lowercase hex of
     * the 32 bits, without 0x. (Python 3's PyUnicode_FromFormat gives up at
     * the '#' and copies "%#x" literally, which the Python 3 reference shows.)
     */
    static String unknownBits(int bits) {
        return "unknown bit flags " + Integer.toHexString(bits);
    }

    /**
     * The flags set in flags as a sorted list of values, names or
     * descriptions, plus {@link #unknownBits} for the bits left. Sorted as
     * Python 2 sorts: numbers before strings. The one implementation of
     * cert_usage_flags, cert_type_flags, key_usage_flags, nss_init_flags
     * and Certificate.trust_flags.
     *
     * @param table the named flags; a flag's bits count once (the first flag
     *        that has them takes them)
     * @param flags the bitmask
     * @param reprKind AsEnum (Integer values), AsEnumName (names) or
     *        AsEnumDescription (descriptions)
     * @return the sorted entries; an "unknown bit flags N" text (N in hex) for
     *         the bits no flag names
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    public static List<Object> flags(Flag[] table, int flags, int reprKind) {
        checkFlagsKind(reprKind);
        List<Integer> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Flag f : table) {
            if ((flags & f.value()) == 0) continue;
            flags &= ~f.value();
            if (reprKind == NssConstants.AsEnum) values.add(f.value());
            else texts.add(reprKind == NssConstants.AsEnumName ? f.name() : f.description());
        }
        if (flags != 0) texts.add(unknownBits(flags));
        values.sort(null);
        texts.sort(null);
        List<Object> out = new ArrayList<>(values);
        out.addAll(texts);
        return out;
    }

    // ---- DER bit strings and extension values ------------------------------

    /**
     * The set bits of a DER BIT STRING that the first eight flags of table
     * name (bit 0 is table[0]), in bit order.
     *
     * @param table the flags; the first eight are the bit string's bits in order
     * @param der the BIT STRING's DER encoding, tag and length included
     * @param reprKind AsEnum (the flags' values), AsEnumName, AsEnumDescription
     *        or AsIndex (the bit numbers)
     * @return the entries (a tuple in Python)
     * @throws org.jnss.error.NSPRError SEC_ERROR_BAD_DATA when der is not a BIT STRING
     * @throws IllegalArgumentException (ValueError) for another representation
     *         kind (only checked when a bit is set)
     */
    public static Object[] bitString(Flag[] table, byte[] der, int reprKind) {
        PkiFmt.Bits bits = PkiFmt.derBitString(der);
        List<Object> out = new ArrayList<>();
        long n = Math.min(8, bits.count());
        for (int i = 0; i < n; i++) {
            if (!bits.bit(i)) continue;
            Flag f = table[i];
            out.add(switch (reprKind) {
                case NssConstants.AsEnum -> f.value();
                case NssConstants.AsEnumName -> f.name();
                case NssConstants.AsEnumDescription -> f.description();
                case NssConstants.AsIndex -> i;
                default -> throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
            });
        }
        return out.toArray();
    }

    /**
     * x509_alt_name: the general names of an alternative name extension, per
     * repr_kind (AsObject: GeneralName objects). The value is decoded before
     * the kind is checked, as python-nss does.
     *
     * @param value the extension's DER value
     * @param reprKind AsObject, AsString, AsTypeString, AsTypeEnum or AsLabeledString
     * @return the names in the chosen representation
     * @throws org.jnss.error.NSPRError when NSS cannot decode the value (CERT_DecodeAltNameExtension)
     * @throws IllegalArgumentException (ValueError) for another representation
     *         kind (only checked when there is a name)
     */
    public static Object[] altNames(byte[] value, int reprKind) {
        return GeneralName.tuple(GeneralName.wrap(PkiFmt.altNames(value)), reprKind);
    }

    // ---- name <-> value lookups ----------------------------------------------

    /**
     * The CERTCRLEntryReasonCode constants of CRL entries (crlEntryReason*),
     * read as C enums: {@code cert_crl_reason_name(reason)} gives a code's name
     * (KeyError when none has it), {@code cert_crl_reason_from_name(name)} a
     * name's code, the name in any case, with or without the "crlEntry" prefix
     * ("crlEntryReasonKeyCompromise" and "reasonkeycompromise" both give 1).
     */
    @Python.Lookup(name = "cert_crl_reason_name(reason, /)", value = "cert_crl_reason_from_name(name, /)")
    public static final NameTable CRL_REASONS = NameTable.of("CRL reason", NssConstants.class, "crlEntry",
            NameTable.Width.UNSIGNED_32, "crlEntryReasonUnspecified", "crlEntryReasonKeyCompromise",
            "crlEntryReasonCaCompromise", "crlEntryReasonAffiliationChanged", "crlEntryReasonSuperseded",
            "crlEntryReasonCessationOfOperation", "crlEntryReasoncertificatedHold", "crlEntryReasonRemoveFromCRL",
            "crlEntryReasonPrivilegeWithdrawn", "crlEntryReasonAaCompromise");

    /**
     * The CERTGeneralNameType constants (cert*: certDNSName, certURI, ...),
     * read as C enums: {@code cert_general_name_type_name(type)} gives a
     * type's name (KeyError when none has it),
     * {@code cert_general_name_type_from_name(name)} a name's type, the name
     * in any case, with or without the "cert" prefix ("certDNSName" and
     * "dnsname" both give 3).
     */
    @Python.Lookup(name = "cert_general_name_type_name(type, /)", value = "cert_general_name_type_from_name(name, /)")
    public static final NameTable GENERAL_NAME_TYPES = NameTable.of("GeneralName type", NssConstants.class, "cert",
            NameTable.Width.UNSIGNED_32, "certOtherName", "certRFC822Name", "certDNSName", "certX400Address",
            "certDirectoryName", "certEDIPartyName", "certURI", "certIPAddress", "certRegisterID");

    // ---- module functions of nss.nss ----

    /**
     * Names the certificateUsage* bits set in a bitmask, such as the usages
     * Certificate.verify() returns: e.g. {@code ['SSL Client', 'SSL Server']}.
     * Bits no flag names become one "unknown bit flags N" entry (N in hex).
     *
     * @param flags the bitmask
     * @param reprKind AsEnum (the values), AsEnumName (the constants' names) or
     *        AsEnumDescription (readable descriptions, the default)
     * @return the sorted entries (a list in Python)
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("cert_usage_flags(flags, repr_kind=AsEnumDescription)")
    public static List<Object> certUsageFlags(int flags, int reprKind) {
        return flags(CERT_USAGE, flags, reprKind);
    }

    /**
     * Names the NS_CERT_TYPE_* bits set in a bitmask, such as
     * Certificate.cert_type: e.g. {@code ['NS_CERT_TYPE_SSL_CLIENT', 'NS_CERT_TYPE_SSL_SERVER']}.
     * Bits no flag names become one "unknown bit flags N" entry (N in hex).
     *
     * @param flags the bitmask
     * @param reprKind AsEnum (the values), AsEnumName (the constants' names, the
     *        default) or AsEnumDescription (readable descriptions)
     * @return the sorted entries (a list in Python)
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("cert_type_flags(flags, repr_kind=AsEnumName)")
    public static List<Object> certTypeFlags(int flags, int reprKind) {
        return flags(CERT_TYPE, flags, reprKind);
    }

    /**
     * Names the KU_* key usage bits set in a bitmask: e.g.
     * {@code ['KU_DIGITAL_SIGNATURE']} for 0x80. Bits no flag names become one
     * "unknown bit flags N" entry (N in hex).
     *
     * @param flags the bitmask
     * @param reprKind AsEnum (the values), AsEnumName (the constants' names, the
     *        default) or AsEnumDescription (readable descriptions)
     * @return the sorted entries (a list in Python)
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("key_usage_flags(flags, repr_kind=AsEnumName)")
    public static List<Object> keyUsageFlags(int flags, int reprKind) {
        return flags(KEY_USAGE, flags, reprKind);
    }

    /**
     * The usages a key usage extension sets, decoded from its DER value (a BIT
     * STRING), in bit order: e.g. {@code ('Digital Signature', 'Key Encipherment')}.
     *
     * @param bitstr the extension's value, e.g. {@code cert.get_extension(SEC_OID_X509_KEY_USAGE).value}
     * @param reprKind AsEnum (KU_* values), AsEnumName (KU_* names),
     *        AsEnumDescription (descriptions, the default) or AsIndex (bit numbers)
     * @return the entries (a tuple in Python)
     * @throws org.jnss.error.NSPRError SEC_ERROR_BAD_DATA when the value is not a BIT STRING
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("x509_key_usage(bitstr, repr_kind=AsEnumDescription)")
    public static Object[] x509KeyUsage(SecItem bitstr, int reprKind) {
        return bitString(KEY_USAGE, bitstr.toByteArray(), reprKind);
    }

    /**
     * The certificate types a Netscape cert type extension sets, decoded from
     * its DER value (a BIT STRING), in bit order: e.g. {@code ('SSL Server',)}.
     *
     * @param bitstr the extension's value
     * @param reprKind AsEnum (NS_CERT_TYPE_* values), AsEnumName (their names),
     *        AsEnumDescription (descriptions, the default) or AsIndex (bit numbers)
     * @return the entries (a tuple in Python)
     * @throws org.jnss.error.NSPRError SEC_ERROR_BAD_DATA when the value is not a BIT STRING
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("x509_cert_type(bitstr, repr_kind=AsEnumDescription)")
    public static Object[] x509CertType(SecItem bitstr, int reprKind) {
        return bitString(CERT_TYPE, bitstr.toByteArray(), reprKind);
    }

    /**
     * The purposes an extended key usage extension lists, decoded from its
     * DER value (a SEQUENCE OF OID): e.g. {@code ('TLS Web Server Authentication Certificate',)}.
     *
     * @param secItem the extension's value
     * @param reprKind AsString (NSS's descriptions, the default), AsObject
     *        (SecItems of the OIDs), AsDottedDecimal ("OID.1.3.6.1.5.5.7.3.1")
     *        or AsEnum (SEC_OID_* tags)
     * @return the entries (a tuple in Python)
     * @throws org.jnss.error.NSPRError when NSS cannot decode the value (SEC_ERROR_BAD_DER)
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("x509_ext_key_usage(sec_item, repr_kind=AsString)")
    public static Object[] x509ExtKeyUsage(SecItem secItem, int reprKind) {
        return secItem.getOidSequence(reprKind);
    }

    /**
     * The names a subject or issuer alternative name extension lists,
     * decoded from its DER value: e.g. {@code ('www.example.com', '10.0.0.1')}.
     *
     * @param secItem the extension's value
     * @param reprKind AsString (the names, the default), AsObject (GeneralName
     *        objects), AsTypeString ("DNS name"), AsTypeEnum (certDNSName, ...)
     *        or AsLabeledString ("DNS name: www.example.com")
     * @return the entries (a tuple in Python)
     * @throws org.jnss.error.NSPRError when NSS cannot decode the value
     * @throws IllegalArgumentException (ValueError) for another representation kind
     */
    @Python("x509_alt_name(sec_item, repr_kind=AsString)")
    public static Object[] x509AltName(SecItem secItem, int reprKind) {
        return altNames(secItem.toByteArray(), reprKind);
    }
}
