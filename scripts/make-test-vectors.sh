#!/usr/bin/env bash
# make-test-vectors.sh: (re)creates the PKI test vectors under test-vectors/ with
# NSS's certutil (package libnss3-tools).
#
#   test-vectors/db/            NSS database (sql:), empty password, holding every
#                               certificate below with its private key; the CA is
#                               trusted "CT,C,C"
#   test-vectors/certs/NAME.der DER of each certificate
#   test-vectors/certs/NAME.pem the same, PEM armoured
#
# Subjects, serial numbers, extensions, key types and validity windows are fixed;
# keys are fresh on every run, and validity is relative to the time of the run
# (certutil only knows "months from now"): tests compare with the reference
# python-nss on the files as they are, never with hard-coded dates or keys.
# Extensions certutil only builds interactively are encoded here (a few lines of
# DER in Python, py2/py3) and added with --extGeneric.
#
# Usage: scripts/make-test-vectors.sh [output-dir]   (default: test-vectors)
set -euo pipefail

top=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
out=${1:-$top/test-vectors}
command -v certutil >/dev/null 2>&1 || { echo "certutil not found: apt-get install libnss3-tools" >&2; exit 1; }
python=$(command -v python3 || command -v python) || { echo "python3 is needed to encode extensions" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

db=$out/db
rm -rf "$db" "$out/certs"
mkdir -p "$db" "$out/certs"
certutil -N -d "sql:$db" --empty-password
head -c 2048 /dev/urandom > "$work/noise"

# ---- extension values (DER), written to $work/ext-*.der ------------------------
"$python" - "$work" <<'EOF'
import sys, os, socket
out = sys.argv[1]

def tlv(tag, body):
    n = len(body)
    if n < 0x80:
        ln = bytearray([n])
    else:
        s = bytearray()
        while n:
            s.insert(0, n & 0xff)
            n >>= 8
        ln = bytearray([0x80 | len(s)]) + s
    return bytes(bytearray([tag]) + ln + bytearray(body))

def seq(*items): return tlv(0x30, b''.join(items))
def oid(dotted):
    parts = [int(p) for p in dotted.split('.')]
    body = bytearray([40 * parts[0] + parts[1]])
    for v in parts[2:]:
        chunk = bytearray([v & 0x7f])
        v >>= 7
        while v:
            chunk.insert(0, 0x80 | (v & 0x7f))
            v >>= 7
        body += chunk
    return tlv(0x06, bytes(body))
def integer(v):
    b = bytearray()
    while True:
        b.insert(0, v & 0xff)
        v >>= 8
        if v == 0 and not (b[0] & 0x80):
            break
    return tlv(0x02, bytes(b))
def octets(b): return tlv(0x04, b)
def ia5(tag, s): return tlv(tag, s.encode('ascii'))
def utf8(s): return tlv(0x0c, s.encode('utf-8'))
def printable(s): return tlv(0x13, s.encode('ascii'))
def name(*rdns):
    return seq(*[tlv(0x31, b''.join(seq(oid(o), v) for o, v in rdn)) for rdn in rdns])

ca_name = name([('2.5.4.6', printable('US'))], [('2.5.4.10', utf8('jnss'))], [('2.5.4.3', utf8('jnss Test CA'))])
ca_keyid = bytes(bytearray(range(0x11, 0x11 + 20)))

exts = {
    # basic constraints
    'bc-ca': seq(tlv(0x01, b'\xff')),
    'bc-ca-len1': seq(tlv(0x01, b'\xff'), integer(1)),
    'bc-leaf': seq(),
    # subject key ids
    'skid-ca': octets(ca_keyid),
    'skid-leaf': octets(bytes(bytearray(range(0xa0, 0xa0 + 20)))),
    # authority key ids: key id only, and key id + issuer name + serial
    'akid': seq(tlv(0x80, ca_keyid)),
    'akid-full': seq(tlv(0x80, ca_keyid), tlv(0xa1, tlv(0xa4, ca_name)), tlv(0x82, b'\x01')),
    # CRL distribution points: a URI; a URI with reasons and a CRL issuer; a relative name
    'crldp': seq(
        seq(tlv(0xa0, tlv(0xa0, ia5(0x86, 'http://crl.example.com/ca.crl')))),
        seq(tlv(0xa0, tlv(0xa0, ia5(0x86, 'ldap://ldap.example.com/cn=jnss%20Test%20CA?certificateRevocationList'))),
            tlv(0x81, b'\x05\x60'),
            tlv(0xa2, tlv(0xa4, ca_name))),
        seq(tlv(0xa0, tlv(0xa1, seq(oid('2.5.4.3'), utf8('CRL1')))))),
    # authority information access: OCSP and CA issuers
    'aia': seq(seq(oid('1.3.6.1.5.5.7.48.1'), ia5(0x86, 'http://ocsp.example.com')),
               seq(oid('1.3.6.1.5.5.7.48.2'), ia5(0x86, 'http://www.example.com/ca.crt'))),
    # certificate policies: one policy with a CPS pointer
    'cp': seq(seq(oid('2.23.140.1.2.2'),
                  seq(seq(oid('1.3.6.1.5.5.7.2.1'), ia5(0x16, 'https://www.example.com/cps'))))),
    # issuer alternative name: a URI and an email address
    'ian': seq(ia5(0x86, 'https://www.example.com/'), ia5(0x81, 'ca@example.com')),
    # subject alternative names certutil cannot spell: other name, registered id, directory name
    'san-misc': seq(tlv(0xa0, oid('1.3.6.1.4.1.311.20.2.3') + tlv(0xa0, utf8('upn@example.com'))),
                    tlv(0x88, oid('1.2.3.4')[2:]),
                    tlv(0xa4, name([('2.5.4.3', utf8('dirname'))])),
                    ia5(0x82, 'misc.example.com')),
    # a private extension NSS does not know
    'private': seq(utf8('jnss private extension'), integer(42)),
}
for k, v in exts.items():
    with open(os.path.join(out, 'ext-%s.der' % k), 'wb') as f:
        f.write(v)
EOF

ext() { # ext OID critical|not-critical NAME ...  -> --extGeneric argument
    local spec="" sep=""
    while [ $# -gt 0 ]; do
        spec="$spec$sep$1:$2:$work/ext-$3.der"; sep=","; shift 3
    done
    printf -- '--extGeneric %s' "$spec"
}

mk() { # mk NICK TRUST -- certutil -S arguments...
    local nick=$1 trust=$2; shift 3
    certutil -S -d "sql:$db" -z "$work/noise" -n "$nick" -t "$trust" "$@" >/dev/null 2>"$work/err" \
        || { cat "$work/err" >&2; exit 1; }
    certutil -L -d "sql:$db" -n "$nick" -r > "$out/certs/$nick.der"
    certutil -L -d "sql:$db" -n "$nick" -a > "$out/certs/$nick.pem"
}

BC=2.5.29.19 SKID=2.5.29.14 AKID=2.5.29.35 CRLDP=2.5.29.31 AIA=1.3.6.1.5.5.7.1.1 CP=2.5.29.32 IAN=2.5.29.18 SAN=2.5.29.17

# CA: RSA 2048, self-signed, SHA-256
# shellcheck disable=SC2046
mk ca "CT,C,C" -- -x -s "CN=jnss Test CA,O=jnss,C=US" -m 1 -w -1 -v 240 -k rsa -g 2048 -Z SHA256 \
    --keyUsage certSigning,crlSigning,critical $(ext $BC critical bc-ca $SKID not-critical skid-ca)

# server: every extension the API decodes
# shellcheck disable=SC2046
mk server ",," -- -c ca -s "CN=server.example.com,OU=Web Operations,O=jnss,L=Raleigh,ST=North Carolina,C=US" \
    -m 1000 -w -1 -v 120 -k rsa -g 2048 -Z SHA256 \
    --keyUsage digitalSignature,keyEncipherment,critical --extKeyUsage serverAuth,clientAuth \
    --nsCertType sslServer \
    --extSAN "dns:server.example.com,dns:www.example.com,ip:192.0.2.10,ip:2001:db8::1,email:webmaster@example.com,uri:https://server.example.com/" \
    $(ext $BC critical bc-leaf $SKID not-critical skid-leaf $AKID not-critical akid \
          $CRLDP not-critical crldp $AIA not-critical aia $CP not-critical cp)

# client: RSA 3072, email in the subject, full authority key id, S/MIME
# shellcheck disable=SC2046
mk client ",," -- -c ca -s "E=client@example.com,CN=jnss Test Client,OU=People,O=jnss,C=US" \
    -m 1001 -w -1 -v 120 -k rsa -g 3072 -Z SHA384 \
    --keyUsage digitalSignature,nonRepudiation,keyEncipherment --extKeyUsage clientAuth,emailProtection \
    --nsCertType sslClient,smime -7 client@example.com $(ext $AKID not-critical akid-full)

# EC P-256 key, signed by the RSA CA
# shellcheck disable=SC2046
mk ec ",," -- -c ca -s "CN=ec.example.com,O=jnss,C=US" -m 1002 -w -1 -v 120 -k ec -q nistp256 -Z SHA256 \
    --keyUsage digitalSignature,keyAgreement --extSAN dns:ec.example.com $(ext $AKID not-critical akid)

# EC P-384 self-signed CA (ECDSA signature), path length 1
# shellcheck disable=SC2046
mk ec-ca "C,," -- -x -s "CN=jnss EC Test CA,O=jnss,C=US" -m 2 -w -1 -v 240 -k ec -q nistp384 -Z SHA384 \
    --keyUsage certSigning,crlSigning,critical $(ext $BC critical bc-ca-len1 $IAN not-critical ian)

# DSA key, signed by the RSA CA
mk dsa ",," -- -c ca -s "CN=dsa.example.com,O=jnss,C=US" -m 1003 -w -1 -v 120 -k dsa -Z SHA256

# RSA-PSS signature made by the CA; an RSA-PSS (restricted) key, self-signed with it
mk pss ",," -- -c ca --pss-sign -s "CN=pss.example.com,O=jnss,C=US" -m 1004 -w -1 -v 120 -k rsa -g 2048 -Z SHA256
mk pss-key ",," -- -x --pss --pss-sign -s "CN=pss-key.example.com,O=jnss,C=US" -m 1007 -w -1 -v 120 -k rsa -g 2048 -Z SHA384

# expired (valid from 36 to 24 months ago) and not yet valid (from 24 months on)
mk expired ",," -- -c ca -s "CN=expired.example.com,O=jnss,C=US" -m 1005 -w -36 -v 12 -k rsa -g 2048 -Z SHA256 \
    --keyUsage digitalSignature,keyEncipherment --extKeyUsage serverAuth
mk notyetvalid ",," -- -c ca -s "CN=notyetvalid.example.com,O=jnss,C=US" -m 1006 -w 24 -v 12 -k rsa -g 2048 -Z SHA256 \
    --keyUsage digitalSignature,keyEncipherment --extKeyUsage serverAuth

# names: UTF-8, a multi-valued RDN, many attribute types, an unknown attribute type;
# other-name / registered-id / directory-name alternative names; an unknown extension
# shellcheck disable=SC2046
mk names ",," -- -c ca \
    -s "CN=Jürgen Müller+UID=jmueller,OU=Zürich ✓,OU=R&D,O=\"jnss, Inc.\",DC=example,DC=com,L=Genève,ST=GE,C=CH,serialNumber=42,title=Dr.,OID.2.5.4.97=#130956415443482d313233,E=jm@example.com" \
    -m 77 -w -1 -v 120 -k rsa -g 2048 -Z SHA256 \
    --extSAN "email:jm@example.com" $(ext $SAN not-critical san-misc 1.3.6.1.4.1.99999.1 critical private)

# the largest serial number certutil takes (2^31-1) and a SHA-1 signature
mk serial ",," -- -c ca -s "CN=serial.example.com,O=jnss,C=US" -m 2147483647 -w -1 -v 120 -k rsa -g 2048 -Z SHA1

rm -f "$db"/*.bak
echo "test vectors written to $out: $(ls "$out/certs" | grep -c '\.der$') certificates" >&2

# what the reference python-nss prints for them (test-vectors/expected/), when python3-nss is installed
if "${PYNSS_REFERENCE_PYTHON:-/usr/bin/python3}" -c 'import nss.nss' >/dev/null 2>&1; then
    "$top/scripts/make-expected-outputs.py" "$out"
else
    echo "python3-nss not installed: test-vectors/expected/ not regenerated (scripts/make-expected-outputs.py)" >&2
fi
