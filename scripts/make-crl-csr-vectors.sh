#!/usr/bin/env bash
# make-crl-csr-vectors.sh: (re)creates the CRL and certificate request test
# vectors under test-vectors/crl/ and test-vectors/csr/ with NSS's certutil and
# crlutil (package libnss3-tools) and openssl (for requests with attributes
# certutil cannot add).
#
#   crl/ca.der, ca.pem        the CRL issuer: RSA 2048 CA, certSigning+crlSigning,
#                             valid for 50 years from the run (import it into a
#                             database to import the CRLs; its key is not kept)
#   crl/other-ca.der          another CA (for "wrong issuer" checks)
#   crl/crl.der, crl.pem      v2 CRL signed by ca: entries with and without reason
#                             codes / invalidity dates, CRL number, authority key id
#   crl/empty.der             v2 CRL without entries
#   csr/rsa.der, rsa.pem      certutil request: RSA key, subject with several RDNs,
#                             extension request (key usage, EKU, SAN, basic constraints,
#                             subject key id)
#   csr/ec.der                certutil request: EC P-256 key, no attributes
#   csr/dsa.der               certutil request: DSA key, one extension
#   csr/attrs.der, attrs.pem  openssl request: challengePassword, unstructuredName and
#                             an extension request, in that order
#
# Dates inside the CRLs are fixed; keys and the CA's validity change on every
# run. Tests compare with the reference python-nss on the files as they are.
#
# Usage: scripts/make-crl-csr-vectors.sh [output-dir]   (default: test-vectors)
set -euo pipefail

top=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
out=${1:-$top/test-vectors}
for tool in certutil crlutil openssl; do
    command -v $tool >/dev/null 2>&1 || { echo "$tool not found (apt-get install libnss3-tools openssl)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/db
mkdir -p "$db" "$out/crl" "$out/csr"
rm -f "$out"/crl/* "$out"/csr/*
certutil -N -d "sql:$db" --empty-password
head -c 2048 /dev/urandom > "$work/noise"

run() { "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; }

# ---- CAs ---------------------------------------------------------------------
run certutil -S -d "sql:$db" -z "$work/noise" -n ca -t "CT,C,C" -x -s "CN=jnss CRL Test CA,O=jnss,C=US" \
    -m 10 -w -1 -v 600 -k rsa -g 2048 -Z SHA256 --keyUsage certSigning,crlSigning,critical -2 <<EOF
y
-1
y
EOF
certutil -L -d "sql:$db" -n ca -r > "$out/crl/ca.der"
certutil -L -d "sql:$db" -n ca -a > "$out/crl/ca.pem"
run certutil -S -d "sql:$db" -z "$work/noise" -n other-ca -t "C,," -x -s "CN=jnss Other CA,O=jnss,C=US" \
    -m 11 -w -1 -v 600 -k rsa -g 2048 -Z SHA256 --keyUsage certSigning,crlSigning
certutil -L -d "sql:$db" -n other-ca -r > "$out/crl/other-ca.der"

# ---- CRLs --------------------------------------------------------------------
cat > "$work/crl.txt" <<EOF
update=20240101000000Z
nextupdate=20490101000000Z
addext crlNumber 0 42
addext authKeyId 0 "CN=jnss CRL Test CA,O=jnss,C=US" 10
addcert 1001 20240102030405Z
addext reasonCode 0 1
addcert 1002 20240103000000Z
addext reasonCode 0 6
addext invalidityDate 0 20231231000000Z
addcert 1003-1004 20240104000000Z
addcert 4294967296 20240105000000Z
addext reasonCode 0 10
EOF
run crlutil -G -d "sql:$db" -n ca -c "$work/crl.txt" -o "$out/crl/crl.der" -Z SHA256
openssl crl -inform DER -in "$out/crl/crl.der" -outform PEM -out "$out/crl/crl.pem"

cat > "$work/empty.txt" <<EOF
update=20240201000000Z
nextupdate=20490101000000Z
addext crlNumber 0 1
EOF
run crlutil -G -d "sql:$db" -n ca -c "$work/empty.txt" -o "$out/crl/empty.der" -Z SHA256

# ---- certificate requests (certutil) -------------------------------------------
# basic constraints (not a CA) and a subject key id, as DER for --extGeneric
printf '\x30\x00' > "$work/bc.der"
printf '\x04\x14\x0b\x0a\x09\x08\x07\x06\x05\x04\x03\x02\x01\x00\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8' > "$work/skid.der"
run certutil -R -d "sql:$db" -z "$work/noise" -k rsa -g 2048 -Z SHA256 \
    -s "CN=csr.example.com,OU=Web,O=jnss,L=Raleigh,ST=North Carolina,C=US" \
    --keyUsage digitalSignature,keyEncipherment,critical --extKeyUsage serverAuth,clientAuth \
    --extSAN "dns:csr.example.com,dns:www.csr.example.com,ip:192.0.2.1" \
    --extGeneric "2.5.29.19:critical:$work/bc.der,2.5.29.14:not-critical:$work/skid.der" -o "$out/csr/rsa.der"
openssl req -inform DER -in "$out/csr/rsa.der" -outform PEM -out "$out/csr/rsa.pem"
run certutil -R -d "sql:$db" -z "$work/noise" -k ec -q nistp256 -Z SHA256 -s "CN=ec.csr.example.com,O=jnss" \
    -o "$out/csr/ec.der"
run certutil -R -d "sql:$db" -z "$work/noise" -k dsa -Z SHA256 -s "CN=dsa.csr.example.com,O=jnss" \
    --keyUsage digitalSignature -o "$out/csr/dsa.der"

# ---- a request with attributes (openssl) -----------------------------------------
cat > "$work/req.cnf" <<EOF
[req]
distinguished_name = dn
attributes = attrs
req_extensions = exts
prompt = no
[dn]
CN = attrs.example.com
O = jnss
[attrs]
challengePassword = s3cret pass
unstructuredName = jnss unstructured
[exts]
basicConstraints = critical, CA:FALSE
subjectAltName = DNS:attrs.example.com, email:admin@example.com
EOF
run openssl req -new -newkey rsa:2048 -nodes -keyout "$work/key.pem" -config "$work/req.cnf" -sha256 \
    -outform DER -out "$out/csr/attrs.der"
openssl req -inform DER -in "$out/csr/attrs.der" -outform PEM -out "$out/csr/attrs.pem"

chmod 644 "$out"/crl/* "$out"/csr/*
echo "CRL/CSR test vectors written to $out/crl and $out/csr" >&2
