#!/usr/bin/env python3
"""Regenerates the Java constant interfaces of the core from the reference
API inventory (test-vectors/reference/python-nss-1.0.1-api.tsv).

One interface per python-nss module; the module classes implement it, so the
constants are plain Java fields (usable from JShell) and the binder exposes
every one of them under its python-nss name.

Each constant gets a Javadoc comment from the group it belongs to (the
GROUPS tables below), made specific from data where there is some: an OID
tag's dotted form and NSS's description, an error code's message, a cipher
suite's algorithms. That data comes from the reference python-nss, so run
this with the interpreter that has it:

    /usr/bin/python3 scripts/gen-constants.py

The build never runs this script; it only compiles what it wrote. Every
constant must fall in exactly one group: the script stops if a new one does
not, rather than emit it undocumented.
"""
import os
import re
import sys
import tempfile

try:
    import nss.error as nss_error
    import nss.nss as nss
    import nss.ssl as ssl
except ImportError:
    sys.exit('gen-constants.py needs the reference python-nss: run it with /usr/bin/python3')

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
INVENTORY = os.path.join(TOP, 'test-vectors', 'reference', 'python-nss-1.0.1-api.tsv')
TARGETS = {
    'nss.error': ('org.jnss.error', 'ErrorConstants'),
    'nss.io': ('org.jnss.io', 'IoConstants'),
    'nss.nss': ('org.jnss.nss', 'NssConstants'),
    'nss.ssl': ('org.jnss.ssl', 'SslConstants'),
}
WIDTH = 100


# ---------------------------------------------------------------- text helpers

def esc(text):
    """Makes text (data from NSS) safe inside a Javadoc comment."""
    return (text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('@', '&#64;').replace('*/', '*&#47;'))


def code(text):
    return '{@code %s}' % text


def hex_flag(value):
    return '0x%X' % value


def sentence(text):
    text = text.strip()
    return text if text.rstrip('"').endswith(('.', '!', '?')) else text + '.'


# ---------------------------------------------------------------- groups
#
# A group: a key (how the class comment names it), a test on the constant's
# name, a sentence for the class comment (what the group is and where it is
# used), and a function giving each constant's own comment. The first group
# whose test matches a name owns it.

class Group:
    def __init__(self, key, test, summary, describe, note_aliases=True):
        self.key = key
        self.note_aliases = note_aliases  # say "same value as" where members share a value
        self.test = test
        self.summary = summary
        self.describe = describe
        self.members = []


def prefix(*prefixes):
    return lambda name: name.startswith(prefixes)


def names(*listed):
    return lambda name: name in listed


def flag(label, entries):
    """A describe function for bit flags: label, the value in hex, the entry's text."""
    return lambda name, value: '%s %s: %s.' % (label, hex_flag(value), entries[name])


def table(entries, fallback=None):
    """A describe function from a {name: text} table ({value}/{hex} are filled in)."""
    def describe(name, value):
        text = entries.get(name, fallback)
        if text is None:
            raise SystemExit('no description for %s' % name)
        return text.replace('{value}', str(value)).replace('{hex}', hex_flag(value))
    return describe


# nss.nss ------------------------------------------------------------------

def oid_tag(name, value):
    if name == 'SEC_OID_UNKNOWN':
        return ('The tag NSS gives an OID it does not know (and the answer of {@code oid_tag} '
                'for one).')
    dotted = nss.oid_dotted_decimal(value)
    if dotted.startswith('OID.'):
        dotted = dotted[4:]
    return 'OID tag for %s, "%s".' % (dotted, esc(nss.oid_str(value)))


def pkcs11(kind):
    def describe(name, value):
        return 'PKCS #11 %s, value 0x%08X.' % (kind, value)
    return describe


REPR_KINDS = {
    'AsObject': 'Representation kind: each item as a python-nss object (e.g. a {@code GeneralName}).',
    'AsString': 'Representation kind: each item as descriptive text.',
    'AsTypeString': 'Representation kind: the type of each item, as text (e.g. "URI").',
    'AsTypeEnum': 'Representation kind: the type of each item, as its integer constant '
                  '(e.g. {@code certURI}).',
    'AsLabeledString': 'Representation kind: each item as text preceded by its type '
                       '(e.g. "URI: http://...").',
    'AsEnum': 'Representation kind: each item as its integer constant.',
    'AsEnumName': 'Representation kind: each item as the name of its constant.',
    'AsEnumDescription': 'Representation kind: each item as a readable description of its constant.',
    'AsIndex': 'Representation kind: each item as its bit position in the bit string.',
    'AsDottedDecimal': 'Representation kind: each OID in dotted-decimal form.',
}

TRUST_FLAGS = {
    'CERTDB_TERMINAL_RECORD': 'the trust record is final for this certificate as a peer '
                              '(certutil letter p; NSS\'s former CERTDB_VALID_PEER)',
    'CERTDB_TRUSTED': 'trusted as a peer (with the terminal record: certutil letter P)',
    'CERTDB_SEND_WARN': 'warn when the certificate is used (certutil letter w)',
    'CERTDB_VALID_CA': 'a valid CA: it may issue certificates (certutil letter c)',
    'CERTDB_TRUSTED_CA': 'trusted to issue server certificates (certutil letter C)',
    'CERTDB_NS_TRUSTED_CA': 'trusted CA in Netscape\'s historical sense',
    'CERTDB_USER': 'a user certificate: its private key is held (certutil letter u)',
    'CERTDB_TRUSTED_CLIENT_CA': 'trusted to issue client certificates (certutil letter T)',
    'CERTDB_GOVT_APPROVED_CA': 'historical: a CA allowed strong cryptography in export builds '
                               '(certutil letter g)',
}

KEY_USAGES = {
    'KU_DIGITAL_SIGNATURE': 'digitalSignature (bit 0 of the extension)',
    'KU_NON_REPUDIATION': 'nonRepudiation (bit 1)',
    'KU_KEY_ENCIPHERMENT': 'keyEncipherment (bit 2)',
    'KU_DATA_ENCIPHERMENT': 'dataEncipherment (bit 3)',
    'KU_KEY_AGREEMENT': 'keyAgreement (bit 4)',
    'KU_KEY_CERT_SIGN': 'keyCertSign (bit 5)',
    'KU_CRL_SIGN': 'cRLSign (bit 6)',
    'KU_ENCIPHER_ONLY': 'encipherOnly (bit 7)',
    'KU_ALL': 'all eight bits of the extension together',
    'KU_DIGITAL_SIGNATURE_OR_NON_REPUDIATION': 'NSS\'s internal value for "digitalSignature '
                                               'or nonRepudiation"; never in a certificate',
    'KU_KEY_AGREEMENT_OR_ENCIPHERMENT': 'NSS\'s internal value for "keyAgreement or '
                                        'keyEncipherment, by key type"; never in a certificate',
    'KU_NS_GOVT_APPROVED': 'NSS\'s internal, historical "government approved" bit; '
                           'never in a certificate and not part of KU_ALL',
}

NSS_INIT = {
    'NSS_INIT_READONLY': 'open the databases read-only',
    'NSS_INIT_NOCERTDB': 'open no certificate or key database (only the in-memory one)',
    'NSS_INIT_NOMODDB': 'open no module database (load only NSS\'s own PKCS #11 module)',
    'NSS_INIT_FORCEOPEN': 'go on initialising when the databases cannot be opened',
    'NSS_INIT_NOROOTINIT': 'do not look for the built-in root certificates module',
    'NSS_INIT_OPTIMIZESPACE': 'use smaller tables and caches',
    'NSS_INIT_PK11THREADSAFE': 'load only PKCS #11 modules that are thread-safe',
    'NSS_INIT_PK11RELOAD': 'accept PKCS #11 modules another component already initialised',
    'NSS_INIT_NOPK11FINALIZE': 'never finalise a PKCS #11 module at shutdown',
    'NSS_INIT_RESERVED': 'reserved by NSS; no effect',
    'NSS_INIT_COOPERATE': 'the four flags NSS recommends when another component (e.g. a Java '
                          'PKCS #11 provider) uses the same modules',
}

CRL_DECODE = {
    'CRL_DECODE_DEFAULT_OPTIONS': 'no option: decode the whole CRL and copy its DER',
    'CRL_DECODE_DONT_COPY_DER': 'do not copy the DER: it must outlive the CRL',
    'CRL_DECODE_SKIP_ENTRIES': 'do not decode the list of revoked certificates',
    'CRL_DECODE_KEEP_BAD_CRL': 'keep a CRL that fails to decode, marked bad',
    'CRL_DECODE_ADOPT_HEAP_DER': 'the CRL takes ownership of the DER buffer',
}

CERT_USAGE = {
    'SSLClient': 'a TLS client',
    'SSLServer': 'a TLS server',
    'SSLServerWithStepUp': 'a TLS server allowed the historical export "step-up"',
    'SSLCA': 'a CA issuing TLS certificates',
    'EmailSigner': 'signing email (S/MIME)',
    'EmailRecipient': 'receiving encrypted email (S/MIME)',
    'ObjectSigner': 'signing code or objects',
    'UserCertImport': 'importing a user\'s own certificate',
    'VerifyCA': 'a CA, for any purpose',
    'ProtectedObjectSigner': 'signing protected objects',
    'StatusResponder': 'an OCSP status responder',
    'AnyCA': 'any CA',
    'CheckAllUsages': 'no usage required: verification reports every usage the certificate has',
}

GENERAL_NAMES = {
    'certOtherName': 'otherName', 'certRFC822Name': 'rfc822Name (an email address)',
    'certDNSName': 'dNSName (a host name)', 'certX400Address': 'x400Address',
    'certDirectoryName': 'directoryName (a distinguished name)',
    'certEDIPartyName': 'ediPartyName', 'certURI': 'uniformResourceIdentifier (a URI)',
    'certIPAddress': 'iPAddress', 'certRegisterID': 'registeredID (an OID)',
}

CRL_REASONS = {
    'crlEntryReasonUnspecified': 'unspecified', 'crlEntryReasonKeyCompromise': 'keyCompromise',
    'crlEntryReasonCaCompromise': 'cACompromise',
    'crlEntryReasonAffiliationChanged': 'affiliationChanged',
    'crlEntryReasonSuperseded': 'superseded',
    'crlEntryReasonCessationOfOperation': 'cessationOfOperation',
    'crlEntryReasoncertificatedHold': 'certificateHold',
    'crlEntryReasonRemoveFromCRL': 'removeFromCRL', 'crlEntryReasonPrivilegeWithdrawn': 'privilegeWithdrawn',
    'crlEntryReasonAaCompromise': 'aACompromise',
}

KEY_TYPES = {
    'nullKey': 'no key', 'rsaKey': 'an RSA key', 'dsaKey': 'a DSA key',
    'fortezzaKey': 'a Fortezza key (historical)', 'dhKey': 'a Diffie-Hellman key',
    'keaKey': 'a KEA key (historical)', 'ecKey': 'an elliptic-curve key',
}

NSS_GROUPS = [
    Group('{@code SEC_OID_*}', prefix('SEC_OID_'),
          'NSS\'s OID tags (SECOidTag): small integers standing for the OIDs NSS knows; taken '
          'wherever python-nss accepts an OID ({@code oid_str}, {@code oid_dotted_decimal}, '
          '{@code oid_tag_name}, {@code create_pbev2_algorithm_id}, ...) and given by '
          '{@code oid_tag} and the {@code oid_tag} properties. Each constant names its OID '
          'in dotted form and NSS\'s description of it. The numbering is NSS\'s, not a standard.',
          oid_tag),
    Group('{@code CKM_*}', prefix('CKM_'),
          'PKCS #11 mechanism types: the {@code mechanism} argument of {@code PK11Slot.key_gen}, '
          '{@code create_context_by_sym_key}, {@code import_sym_key}, {@code generate_new_param}, '
          '{@code PK11SymKey.derive}/{@code wrap_sym_key}, ...; {@code key_mechanism_type_name} '
          'names a value.',
          pkcs11('mechanism type (CK_MECHANISM_TYPE)')),
    Group('{@code CKA_*}', prefix('CKA_'),
          'PKCS #11 attribute types: the {@code operation} argument of '
          '{@code create_context_by_sym_key}, {@code import_sym_key} and {@code PK11SymKey.derive} '
          '(e.g. {@code CKA_ENCRYPT}); {@code pk11_attribute_type_name} names a value.',
          lambda n, v: ('Start of the vendor-defined PKCS #11 attribute types, value 0x%08X.' % v
                        if n == 'CKA_VENDOR_DEFINED' else pkcs11('attribute type (CK_ATTRIBUTE_TYPE)')(n, v))),
    Group('{@code As*}', prefix('As'),
          'Representation kinds: the {@code repr_kind} argument of the functions that return '
          'a value in several forms ({@code GeneralName.get_name}, {@code Certificate.trust_flags}, '
          '{@code key_usage_flags}, {@code SecItem.get_oid_sequence}, ...).',
          table(REPR_KINDS)),
    Group('{@code CERTDB_*}', prefix('CERTDB_'),
          'Certificate trust flags: the bits of a certificate\'s trust for one purpose '
          '({@code Certificate.ssl_trust_flags}, {@code email_trust_flags}, '
          '{@code signing_trust_flags}); {@code Certificate.trust_flags} names them.',
          flag('Trust flag', TRUST_FLAGS)),
    Group('{@code KU_*}', prefix('KU_'),
          'Key usage flags: the bits of the X.509 key usage extension as NSS numbers them; '
          '{@code key_usage_flags} and {@code x509_key_usage} name them.',
          flag('Key usage', KEY_USAGES)),
    Group('{@code NSS_INIT_*}', prefix('NSS_INIT_'),
          'Initialisation flags: the {@code flags} argument of {@code nss_initialize} and '
          '{@code nss_init_context}, combined with |; {@code nss_init_flags} names them.',
          flag('Initialisation flag', NSS_INIT)),
    Group('{@code CRL_DECODE_*}', prefix('CRL_DECODE_'),
          'CRL decoding options: the {@code decode_options} argument of {@code decode_der_crl} '
          'and {@code import_crl}, combined with |.',
          flag('CRL decoding option', CRL_DECODE)),
    Group('{@code CRL_IMPORT_*}', prefix('CRL_IMPORT_'),
          'CRL import options: the {@code import_options} argument of {@code import_crl}.',
          table({'CRL_IMPORT_DEFAULT_OPTIONS': 'CRL import option {hex}: check the CRL before importing it.',
                 'CRL_IMPORT_BYPASS_CHECKS': 'CRL import option {hex}: import without checking the CRL.'})),
    Group('{@code SEC_CRL_TYPE}, {@code SEC_KRL_TYPE}', names('SEC_CRL_TYPE', 'SEC_KRL_TYPE'),
          'Revocation list types: the {@code type} argument of {@code decode_der_crl}, '
          '{@code import_crl} and {@code CertDB.find_crl_by_name}/{@code find_crl_by_cert}.',
          table({'SEC_CRL_TYPE': 'Revocation list type: a certificate revocation list (CRL).',
                 'SEC_KRL_TYPE': 'Revocation list type: a key revocation list (KRL, historical).'})),
    Group('{@code certificateUsage*}', prefix('certificateUsage'),
          'Certificate usage flags (NSS\'s SECCertificateUsage bits): the {@code required_usages} '
          'argument of {@code Certificate.verify}, {@code verify_now} and {@code verify_with_log}, '
          'combined with |, and the bits of the usages they return; {@code cert_usage_flags} '
          'names them.',
          lambda n, v: 'Certificate usage flag %s: %s.' % (hex_flag(v), CERT_USAGE[n[len('certificateUsage'):]])),
    Group('{@code certUsage*}', prefix('certUsage'),
          'Certificate usages (NSS\'s SECCertUsage, one purpose each, not bits): e.g. the '
          '{@code usages} argument of {@code Certificate.get_cert_chain}.',
          lambda n, v: 'Certificate usage: %s.' % CERT_USAGE[n[len('certUsage'):]]),
    Group('{@code cert*Name}, {@code certURI}, ... (general name types)', names(*GENERAL_NAMES),
          'General name types: the kinds of an X.509 GeneralName ({@code GeneralName.type_enum}); '
          '{@code cert_general_name_type_name} names them.',
          lambda n, v: 'General name type: %s.' % GENERAL_NAMES[n]),
    Group('{@code crlEntryReason*}', prefix('crlEntryReason'),
          'CRL entry reason codes (X.509 CRLReason); {@code cert_crl_reason_name} names them and '
          '{@code CRLDistributionPoint.get_reasons} gives them with {@code AsEnum}.',
          lambda n, v: 'CRL entry reason: %s.' % CRL_REASONS[n]),
    Group('{@code nullKey}, {@code rsaKey}, ... (key types)', names(*KEY_TYPES),
          'Public key types (NSS\'s KeyType): {@code PublicKey.key_type}.',
          lambda n, v: 'Key type: %s.' % KEY_TYPES[n]),
    Group('{@code generalName}, {@code relativeDistinguishedName}',
          names('generalName', 'relativeDistinguishedName'),
          'The two forms of a CRL distribution point\'s name.',
          table({'generalName': 'Distribution point name form: a sequence of general names.',
                 'relativeDistinguishedName': 'Distribution point name form: a name relative to '
                                              'the CRL issuer\'s name.'})),
    Group('{@code secCertTime*}', prefix('secCertTime'),
          'Validity period checks: what {@code Certificate.check_valid_times} returns.',
          table({'secCertTimeValid': 'Validity check: the time is within the validity period.',
                 'secCertTimeExpired': 'Validity check: the certificate has expired.',
                 'secCertTimeNotValidYet': 'Validity check: the certificate is not valid yet.'})),
    Group('{@code ocspMode_*}', prefix('ocspMode_'),
          'OCSP failure modes: the argument of {@code set_ocsp_failure_mode}.',
          table({'ocspMode_FailureIsVerificationFailure':
                 'OCSP failure mode (NSS\'s default): no good OCSP response means verification fails.',
                 'ocspMode_FailureIsNotAVerificationFailure':
                 'OCSP failure mode: when no valid OCSP response can be had, the certificate is '
                 'taken as good.'})),
    Group('{@code ssl_kea_*}', prefix('ssl_kea_'),
          'TLS key exchange kinds: the {@code kea} argument of {@code SSLSocket.config_secure_server} '
          'and what {@code Certificate.find_kea_type} returns.',
          table({'ssl_kea_null': 'Key exchange kind: none.', 'ssl_kea_rsa': 'Key exchange kind: RSA.',
                 'ssl_kea_dh': 'Key exchange kind: Diffie-Hellman.',
                 'ssl_kea_fortezza': 'Key exchange kind: Fortezza (historical).',
                 'ssl_kea_ecdh': 'Key exchange kind: elliptic-curve Diffie-Hellman.'})),
    Group('{@code PK11CertList*}', prefix('PK11CertList'),
          'Certificate list kinds: the {@code type} argument of {@code list_certs}.',
          table({'PK11CertListUnique': 'Certificate list kind: every certificate, once.',
                 'PK11CertListUser': 'Certificate list kind: user certificates (with a private key), '
                                     'every instance.',
                 'PK11CertListRootUnique': 'Certificate list kind: CA certificates without a private '
                                           'key, once each (NSS deprecates it for PK11CertListCAUnique).',
                 'PK11CertListCA': 'Certificate list kind: CA certificates, every instance.',
                 'PK11CertListCAUnique': 'Certificate list kind: CA certificates, once each.',
                 'PK11CertListUserUnique': 'Certificate list kind: user certificates, once each.',
                 'PK11CertListAll': 'Certificate list kind: every certificate, every instance.'})),
    Group('{@code PK11_DIS_*}', prefix('PK11_DIS_'),
          'Why a PKCS #11 slot is disabled: what {@code PK11Slot.get_disabled_reason} returns; '
          '{@code pk11_disabled_reason_name} and {@code pk11_disabled_reason_str} name them.',
          table({'PK11_DIS_NONE': 'Slot disabled reason: none (the slot is not disabled).',
                 'PK11_DIS_USER_SELECTED': 'Slot disabled reason: the user disabled it.',
                 'PK11_DIS_COULD_NOT_INIT_TOKEN': 'Slot disabled reason: its token could not be '
                                                  'initialised.',
                 'PK11_DIS_TOKEN_VERIFY_FAILED': 'Slot disabled reason: its token failed verification.',
                 'PK11_DIS_TOKEN_NOT_PRESENT': 'Slot disabled reason: its token is not present.'})),
    Group('{@code PK11_Origin*}', prefix('PK11_Origin'),
          'Where a symmetric key came from: the {@code origin} argument of {@code import_sym_key}.',
          table({'PK11_OriginNULL': 'Key origin: none (a null key).',
                 'PK11_OriginDerive': 'Key origin: derived from another key.',
                 'PK11_OriginGenerated': 'Key origin: generated (password-based keys included).',
                 'PK11_OriginFortezzaHack': 'Key origin: NSS\'s historical Fortezza marker.',
                 'PK11_OriginUnwrap': 'Key origin: unwrapped or decrypted.'})),
    Group('{@code PKCS12_*}', prefix('PKCS12_'),
          'PKCS #12 ciphers: the {@code cipher} argument of {@code pkcs12_enable_cipher} and '
          '{@code pkcs12_set_preferred_cipher}; {@code pkcs12_cipher_name} names them.',
          table({'PKCS12_RC2_CBC_40': 'PKCS #12 cipher {hex}: RC2-CBC, 40-bit key.',
                 'PKCS12_RC2_CBC_128': 'PKCS #12 cipher {hex}: RC2-CBC, 128-bit key.',
                 'PKCS12_RC4_40': 'PKCS #12 cipher {hex}: RC4, 40-bit key.',
                 'PKCS12_RC4_128': 'PKCS #12 cipher {hex}: RC4, 128-bit key.',
                 'PKCS12_DES_56': 'PKCS #12 cipher {hex}: DES-CBC, 56-bit key.',
                 'PKCS12_DES_EDE3_168': 'PKCS #12 cipher {hex}: triple DES (EDE3-CBC), 168-bit key.'})),
    Group('{@code SEC_CERT_NICKNAMES_*}', prefix('SEC_CERT_NICKNAMES_'),
          'Which nicknames {@code get_cert_nicknames} lists (its {@code what} argument).',
          table({'SEC_CERT_NICKNAMES_ALL': 'Nickname selection: every certificate.',
                 'SEC_CERT_NICKNAMES_USER': 'Nickname selection: user certificates.',
                 'SEC_CERT_NICKNAMES_SERVER': 'Nickname selection: server certificates.',
                 'SEC_CERT_NICKNAMES_CA': 'Nickname selection: CA certificates.'})),
    Group('{@code OCTETS_PER_LINE_DEFAULT}', names('OCTETS_PER_LINE_DEFAULT'),
          'Formatting of binary data as hex lines.',
          table({'OCTETS_PER_LINE_DEFAULT': 'Octets per line ({value}) python-nss uses when it shows '
                                            'binary data as hex lines; a value for the '
                                            '{@code octets_per_line} argument of {@code data_to_hex}.'})),
]


# nss.ssl -------------------------------------------------------------------

SSL_OPTIONS = {
    'SSL_SECURITY': 'use SSL/TLS on the socket at all (on by default)',
    'SSL_SOCKS': 'connect through SOCKS; NSS no longer supports it',
    'SSL_REQUEST_CERTIFICATE': 'a server asks the client for a certificate',
    'SSL_HANDSHAKE_AS_CLIENT': 'handshake as the client even on an accepted connection',
    'SSL_HANDSHAKE_AS_SERVER': 'handshake as the server even on a connection this side opened',
    'SSL_ENABLE_SSL2': 'enable SSL 2.0 (obsolete; NSS no longer implements it)',
    'SSL_ENABLE_SSL3': 'enable SSL 3.0 (superseded by the version range functions)',
    'SSL_NO_CACHE': 'do not use the session cache',
    'SSL_REQUIRE_CERTIFICATE': 'when a server requires the client\'s certificate: one of the '
                               'SSL_REQUIRE_* values',
    'SSL_ENABLE_FDX': 'allow reading and writing at the same time from two threads',
    'SSL_V2_COMPATIBLE_HELLO': 'send the client hello in SSL 2.0 format (obsolete)',
    'SSL_ENABLE_TLS': 'enable TLS (superseded by the version range functions)',
    'SSL_ROLLBACK_DETECTION': 'detect version rollback attacks (on by default)',
    'SSL_NO_STEP_DOWN': 'historical export step-down control; NSS no longer supports it',
    'SSL_BYPASS_PKCS11': 'historical PKCS #11 bypass; NSS no longer supports it',
    'SSL_NO_LOCKS': 'use no locks: the socket is used by one thread only',
}

SSL_REQUIRE = {
    'SSL_REQUIRE_NEVER': 'never require the client\'s certificate',
    'SSL_REQUIRE_ALWAYS': 'require it on every handshake',
    'SSL_REQUIRE_FIRST_HANDSHAKE': 'require it on the first handshake only (NSS\'s default)',
    'SSL_REQUIRE_NO_ERROR': 'request it on every handshake, but its absence is no error',
}

VERSIONS = {2: 'SSL 2.0', 0x300: 'SSL 3.0', 0x301: 'TLS 1.0', 0x302: 'TLS 1.1',
            0x303: 'TLS 1.2', 0x304: 'TLS 1.3'}


def ssl_version(name, value):
    text = 'Protocol version %s (0x%04X)' % (VERSIONS[value], value)
    long_name = ssl.ssl_library_version_name(value)
    short_name = ssl.ssl_library_version_name(value, nss.AsString)
    if name == long_name:
        return '%s; python-nss\'s short name for it: %s.' % (text, code(short_name))
    return '%s: python-nss\'s short name for %s.' % (text, code(long_name))


def is_cipher_suite(name):
    if name.startswith(('SSL_CK_', 'SSL_EN_')):
        return False
    return ('_WITH_' in name or name.endswith('_SCSV')
            or name.startswith(('TLS_AES_', 'TLS_CHACHA20_')))


def cipher_suite(name, value):
    if name == 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV':
        return ('Signalling value 0x%04X (RFC 5746): a client supports secure renegotiation; '
                'not a cipher suite.' % value)
    if name == 'TLS_FALLBACK_SCSV':
        return ('Signalling value 0x%04X (RFC 7507): a client is retrying with a lower version; '
                'not a cipher suite.' % value)
    if name == 'SSL_NULL_WITH_NULL_NULL':
        return 'Cipher suite 0x%04X: no key exchange, no encryption, no MAC (the initial state).' % value
    text = 'Cipher suite 0x%04X' % value
    try:
        info = ssl.get_cipher_suite_info(value)
    except Exception:  # NSS has no details of suites it does not implement
        return text + '.'
    parts = []
    if info.kea_type_name == 'TLS 1.3':
        parts.append('a TLS 1.3 suite (key exchange and authentication are negotiated apart)')
    elif info.kea_type_name == info.auth_algorithm_name:
        parts.append('key exchange and authentication %s' % info.kea_type_name)
    else:
        parts.append('key exchange %s, authentication %s' % (info.kea_type_name, info.auth_algorithm_name))
    cipher = info.symmetric_cipher_name
    parts.append('cipher %s' % cipher if info.symmetric_key_bits == 0
                 else 'cipher %s with a %d-bit key' % (cipher, info.symmetric_key_bits))
    parts.append('MAC %s' % info.mac_algorithm_name)
    return esc('%s: %s.' % (text, ', '.join(parts)))


SSL_GROUPS = [
    Group('cipher suites ({@code TLS_*}, {@code SSL_*_WITH_*})', is_cipher_suite,
          'Cipher suites (their TLS registry values): the {@code cipher} argument of '
          '{@code SSLSocket.set_cipher_pref}, {@code set_default_cipher_pref}, '
          '{@code set_cipher_policy}, {@code get_cipher_suite_info} and '
          '{@code ssl_cipher_suite_name}, and {@code SSLChannelInfo.cipher_suite}. Where NSS '
          'implements a suite, its comment names the algorithms as NSS does.',
          cipher_suite),
    Group('{@code SSL_LIBRARY_VERSION_*}, {@code ssl2}, {@code ssl3}, {@code tls1.*}',
          lambda n: n.startswith('SSL_LIBRARY_VERSION_') or n in ('ssl2', 'ssl3') or n.startswith('tls1.'),
          'Protocol versions: the arguments of {@code set_ssl_version_range}, '
          '{@code set_default_ssl_version_range}, what the {@code get_*_ssl_version_range} '
          'functions return with {@code AsEnum}, and {@code ssl_library_version_name}. The lower-case '
          'names are python-nss\'s short names for the same values (in Java, {@code tls1.0} is '
          '{@code tls1_0}).',
          ssl_version, note_aliases=False),
    Group('SSL options ({@code SSL_SECURITY}, {@code SSL_ENABLE_*}, ...)', names(*SSL_OPTIONS),
          'SSL options: the {@code option} argument of {@code SSLSocket.set_ssl_option}, '
          '{@code SSLSocket.get_ssl_option}, {@code set_ssl_default_option} and '
          '{@code get_ssl_default_option}.',
          lambda n, v: 'An SSL option for {@code SSLSocket.set_ssl_option}: %s.' % SSL_OPTIONS[n]),
    Group('{@code SSL_REQUIRE_*}', names(*SSL_REQUIRE),
          'Values of the {@code SSL_REQUIRE_CERTIFICATE} option.',
          lambda n, v: 'Value of the SSL_REQUIRE_CERTIFICATE option: %s.' % SSL_REQUIRE[n]),
    Group('{@code SSL_ALLOWED}, {@code SSL_NOT_ALLOWED}, {@code SSL_RESTRICTED}',
          names('SSL_ALLOWED', 'SSL_NOT_ALLOWED', 'SSL_RESTRICTED'),
          'Cipher policies: the {@code policy} argument of {@code set_cipher_policy} and what '
          '{@code get_cipher_policy} returns.',
          table({'SSL_NOT_ALLOWED': 'Cipher policy: not allowed (or not implemented).',
                 'SSL_ALLOWED': 'Cipher policy: allowed.',
                 'SSL_RESTRICTED': 'Cipher policy: allowed only with historical "step-up" '
                                   'certificates.'})),
    Group('{@code SSL_SECURITY_STATUS_*}', prefix('SSL_SECURITY_STATUS_'),
          'Security levels: the first item of what {@code SSLSocket.get_security_status} returns.',
          table({'SSL_SECURITY_STATUS_NOOPT': 'Security level: not available.',
                 'SSL_SECURITY_STATUS_OFF': 'Security level: the connection is not protected.',
                 'SSL_SECURITY_STATUS_ON_HIGH': 'Security level: protected with a strong cipher.',
                 'SSL_SECURITY_STATUS_ON_LOW': 'Security level: protected with a weak '
                                               '(export-grade) cipher.'})),
    Group('{@code SSL_VARIANT_*}', prefix('SSL_VARIANT_'),
          'Protocol variants: the {@code protocol_variant} argument of the version range functions.',
          table({'SSL_VARIANT_STREAM': 'Protocol variant: TLS over a stream (e.g. TCP).',
                 'SSL_VARIANT_DATAGRAM': 'Protocol variant: DTLS, over datagrams (e.g. UDP).'})),
    Group('{@code SSL_CK_*}', prefix('SSL_CK_'),
          'SSL 2.0 cipher kinds (historical: NSS no longer implements SSL 2.0).',
          lambda n, v: 'SSL 2.0 cipher kind %d (historical).' % v),
    Group('{@code SSL_EN_*}', prefix('SSL_EN_'),
          'NSS\'s historical numbers for the SSL 2.0 ciphers (0xFF00 plus the cipher kind).',
          lambda n, v: 'NSS\'s number 0x%04X for an SSL 2.0 cipher (historical).' % v),
    Group('{@code SRTP_*}', prefix('SRTP_'),
          'DTLS-SRTP protection profiles (RFC 5764), as NSS numbers them.',
          lambda n, v: 'DTLS-SRTP protection profile 0x%04X.' % v),
]


# nss.io --------------------------------------------------------------------

SOCKET_OPTIONS = {
    'PR_SockOpt_Nonblocking': 'non-blocking mode',
    'PR_SockOpt_Linger': 'linger on close while data remains to be sent',
    'PR_SockOpt_Reuseaddr': 'allow reuse of the local address',
    'PR_SockOpt_Keepalive': 'send keep-alive probes',
    'PR_SockOpt_RecvBufferSize': 'size of the receive buffer',
    'PR_SockOpt_SendBufferSize': 'size of the send buffer',
    'PR_SockOpt_IpTimeToLive': 'IP time to live',
    'PR_SockOpt_IpTypeOfService': 'IP type of service',
    'PR_SockOpt_AddMember': 'join a multicast group',
    'PR_SockOpt_DropMember': 'leave a multicast group',
    'PR_SockOpt_McastInterface': 'interface for outgoing multicast',
    'PR_SockOpt_McastTimeToLive': 'time to live of outgoing multicast',
    'PR_SockOpt_McastLoopback': 'loop outgoing multicast back to this host',
    'PR_SockOpt_NoDelay': 'send at once, without coalescing small writes (no Nagle algorithm)',
    'PR_SockOpt_MaxSegment': 'maximum TCP segment size',
    'PR_SockOpt_Broadcast': 'allow sending broadcast datagrams',
}

IO_GROUPS = [
    Group('{@code PR_AF_*}', prefix('PR_AF_'),
          'Address families: the {@code family} argument of {@code Socket}, {@code SSLSocket}, '
          '{@code NetworkAddress} and {@code AddrInfo}; {@code addr_family_name} names them.',
          table({'PR_AF_INET': 'Address family: IPv4.', 'PR_AF_INET6': 'Address family: IPv6.',
                 'PR_AF_LOCAL': 'Address family: local (Unix domain) sockets.',
                 'PR_AF_UNSPEC': 'Address family: unspecified (any).'})),
    Group('{@code PR_AI_*}', prefix('PR_AI_'),
          'Address lookup flags: the {@code flags} argument of {@code AddrInfo}, combined with |.',
          table({'PR_AI_ALL': 'Address lookup flag {hex}: with PR_AI_V4MAPPED, return the IPv6 addresses '
                              'and the IPv4 ones mapped to IPv6.',
                 'PR_AI_V4MAPPED': 'Address lookup flag {hex}: return IPv4 addresses as IPv4-mapped '
                                   'IPv6 addresses.',
                 'PR_AI_ADDRCONFIG': 'Address lookup flag {hex}: return only address families this '
                                     'host has configured.',
                 'PR_AI_NOCANONNAME': 'Address lookup flag {hex}: do not look up the canonical name.',
                 'PR_AI_DEFAULT': 'Address lookup flags {hex}: PR_AI_V4MAPPED | PR_AI_ADDRCONFIG.'})),
    Group('{@code PR_DESC_*}', prefix('PR_DESC_'),
          'Descriptor types: the {@code type} argument of {@code Socket} and {@code SSLSocket}, '
          'and {@code Socket.desc_type}.',
          table({'PR_DESC_FILE': 'Descriptor type: a file.',
                 'PR_DESC_SOCKET_TCP': 'Descriptor type: a TCP socket.',
                 'PR_DESC_SOCKET_UDP': 'Descriptor type: a UDP socket.',
                 'PR_DESC_LAYERED': 'Descriptor type: a layer over another descriptor.',
                 'PR_DESC_PIPE': 'Descriptor type: a pipe.'})),
    Group('{@code PR_INTERVAL_*}', prefix('PR_INTERVAL_'),
          'Interval values: {@code PR_INTERVAL_NO_WAIT} and {@code PR_INTERVAL_NO_TIMEOUT} for the '
          '{@code timeout} arguments of the socket methods; {@code PR_INTERVAL_MIN} and '
          '{@code PR_INTERVAL_MAX} bound {@code ticks_per_second}.',
          table({'PR_INTERVAL_NO_WAIT': 'Timeout: do not wait.',
                 'PR_INTERVAL_NO_TIMEOUT': 'Timeout: wait without limit ({hex}).',
                 'PR_INTERVAL_MIN': 'Lowest rate NSPR\'s interval clock may tick at: {value} ticks per second.',
                 'PR_INTERVAL_MAX': 'Highest rate NSPR\'s interval clock may tick at: {value} ticks per second.'})),
    Group('{@code PR_IpAddr*}', prefix('PR_IpAddr'),
          'Special addresses: the {@code addr} argument of {@code NetworkAddress}.',
          table({'PR_IpAddrNull': 'Special address: none (NSPR leaves the address unset).',
                 'PR_IpAddrAny': 'Special address: any local address.',
                 'PR_IpAddrLoopback': 'Special address: the loopback address.',
                 'PR_IpAddrV4Mapped': 'Special address: an IPv4-mapped IPv6 address.'})),
    Group('{@code PR_POLL_*}', prefix('PR_POLL_'),
          'Poll flags: what {@code Socket.poll} waits for and reports, combined with |.',
          table({'PR_POLL_READ': 'Poll flag {hex}: readable.',
                 'PR_POLL_WRITE': 'Poll flag {hex}: writable.',
                 'PR_POLL_EXCEPT': 'Poll flag {hex}: exceptional condition (e.g. out-of-band data).',
                 'PR_POLL_ERR': 'Poll flag {hex}, reported only: an error.',
                 'PR_POLL_NVAL': 'Poll flag {hex}, reported only: the descriptor is not valid.',
                 'PR_POLL_HUP': 'Poll flag {hex}, reported only: the peer hung up.'})),
    Group('{@code PR_SHUTDOWN_*}', prefix('PR_SHUTDOWN_'),
          'Which direction {@code Socket.shutdown} closes (its {@code how} argument).',
          table({'PR_SHUTDOWN_RCV': 'Shut down receiving.', 'PR_SHUTDOWN_SEND': 'Shut down sending.',
                 'PR_SHUTDOWN_BOTH': 'Shut down receiving and sending.'})),
    Group('{@code PR_SockOpt_*}', prefix('PR_SockOpt_'),
          'Socket options: the {@code option} argument of {@code Socket.get_socket_option} and '
          '{@code Socket.set_socket_option}.',
          lambda n, v: 'Socket option: %s.' % SOCKET_OPTIONS[n]),
]


# nss.error -----------------------------------------------------------------

ERROR_FAMILIES = [  # (lowest code, highest code, family)
    (-6000, -5000, 'NSPR error'),
    (-8192, -7192, 'NSS security library error (SEC)'),
    (-12288, -11288, 'NSS SSL library error (SSL)'),
]


def error_code(name, value):
    message = nss_error.get_nspr_error_string(value)
    if value == 0:
        return 'No error ("%s").' % esc(message)
    family = next(f for lo, hi, f in ERROR_FAMILIES if lo <= value < hi)
    if not message:
        return '%s %d.' % (family, value)
    return '%s %d: "%s"' % (family, value, esc(message.strip()))


ERROR_GROUPS = [
    Group('{@code PR_*}', prefix('PR_'),
          'NSPR errors (codes -6000 to -5925; {@code PR_MAX_ERROR} marks the end of the range).',
          error_code),
    Group('{@code SEC_ERROR_*}, {@code SEC_INTERNAL_ONLY}, {@code XP_*}', prefix('SEC_', 'XP_'),
          'NSS security library errors (codes from -8192).',
          error_code),
    Group('{@code SSL_ERROR_*}', prefix('SSL_ERROR_'),
          'NSS SSL library errors (codes from -12288).',
          error_code),
    Group('{@code SUCCESS}', names('SUCCESS'), 'No error (0).', error_code),
]

GROUPS = {'nss.nss': NSS_GROUPS, 'nss.ssl': SSL_GROUPS, 'nss.io': IO_GROUPS, 'nss.error': ERROR_GROUPS}

CLASS_TEXT = {
    'nss.nss': 'Every value is the one python-nss 1.0.1 gives the name.',
    'nss.ssl': 'Every value is the one python-nss 1.0.1 gives the name.',
    'nss.io': 'Every value is the one python-nss 1.0.1 gives the name.',
    'nss.error': 'An error\'s code is what {@link NSPRError#getErrorCode()} (Python: '
                 '{@code error_code}) gives; each constant quotes the message python-nss has '
                 'for it.',
}


# ---------------------------------------------------------------- output

def wrap(text, first, rest):
    """text in lines of at most WIDTH characters, the first starting with first, the others with rest."""
    lines, line = [], first
    for word in re.findall(r'(?:\{@[^}]*\}|\S)+', text):  # an inline tag is never split
        if len(line) + 1 + len(word) > WIDTH and line.strip() not in ('*', ''):
            lines.append(line)
            line = rest
        line += ' ' + word
    lines.append(line)
    return lines


def javadoc(text, indent):
    """A Javadoc comment for text, on one line when it fits."""
    one = '%s/** %s */' % (indent, text)
    if len(one) <= WIDTH:
        return [one]
    return [indent + '/**'] + wrap(text, indent + ' *', indent + ' *') + [indent + ' */']


def describe_all(module, consts):
    groups = GROUPS[module]
    docs = {}
    for name, value in consts:
        group = next((g for g in groups if g.test(name)), None)
        if group is None:
            raise SystemExit('%s.%s belongs to no group: add it to GROUPS in %s'
                             % (module, name, os.path.basename(__file__)))
        group.members.append((name, value))
        docs[name] = [sentence(group.describe(name, value))]
    for group in (g for g in groups if g.note_aliases):  # members sharing a value say so
        by_value = {}
        for name, value in group.members:
            by_value.setdefault(value, []).append(name)
        for name, value in group.members:
            others = [n for n in by_value[value] if n != name]
            if others:
                docs[name].append('Same value as %s.' % ', '.join(code(n) for n in others))
    return {name: ' '.join(parts) for name, parts in docs.items()}


def class_comment(module):
    lines = ['/**']
    lines += wrap('The integer constants of python-nss\'s {@code %s} module, with its values. %s'
                  % (module, CLASS_TEXT[module]), ' *', ' *')
    lines += [' *', ' * <p>Groups:', ' * <ul>']
    for group in GROUPS[module]:
        lines += wrap('<li>%s (%d): %s</li>' % (group.key, len(group.members), group.summary),
                      ' *', ' *    ')
    return lines + [' * </ul>', ' */']


def main():
    consts = {m: [] for m in TARGETS}
    with open(INVENTORY) as fh:
        next(fh)
        for line in fh:
            f = line.rstrip('\n').split('\t')
            if f[2] == 'constant' and f[0] in consts:
                consts[f[0]].append((f[1], int(f[3])))
    # Some reference functions (cipher suite details) need NSS up; NSS may
    # write files into the working directory, so that is a temporary one.
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as scratch:
        os.chdir(scratch)
        nss.nss_init_nodb()
        try:
            for module, (pkg, cls) in TARGETS.items():
                write(module, pkg, cls, consts[module])
        finally:
            nss.nss_shutdown()
            os.chdir(cwd)


def write(module, pkg, cls, consts):
    docs = describe_all(module, consts)
    out = ['// Generated by scripts/gen-constants.py from the python-nss 1.0.1 API inventory. Do not edit.',
           'package %s;' % pkg, '']
    if any(not n.isidentifier() for n, _ in consts):
        out += ['import org.jnss.core.Python;', '']
    out += class_comment(module)
    out += ['@SuppressWarnings("unused")', 'public interface %s {' % cls]
    for name, value in sorted(consts, key=lambda c: c[0]):
        out += javadoc(docs[name], '    ')
        java_name = name
        if not name.isidentifier():  # e.g. nss.ssl's 'tls1.0'
            java_name = ''.join(c if c.isalnum() or c == '_' else '_' for c in name)
            out.append('    @Python("%s")' % name)
        if -2**31 <= value < 2**31:
            out.append('    int %s = %d;' % (java_name, value))
        else:
            out.append('    long %s = %dL;' % (java_name, value))
    out.append('}')
    path = os.path.join(TOP, 'src', 'main', 'java', *pkg.split('.'), cls + '.java')
    with open(path, 'w') as fh:
        fh.write('\n'.join(out) + '\n')
    print('%s: %d constants -> %s' % (module, len(consts), os.path.relpath(path, TOP)))


if __name__ == '__main__':
    sys.exit(main())
