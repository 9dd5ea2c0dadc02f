#!/usr/bin/env bash
# make-pkcs12-vectors.sh: (re)creates the PKCS#12 test vectors under
# test-vectors/pkcs12/ with NSS's pk12util and certutil (package libnss3-tools),
# from the certificates and keys of test-vectors/db (scripts/make-test-vectors.sh).
#
#   pkcs12/server.p12    server certificate, key and CA; pk12util's defaults
#                        (PBES2/PBKDF2 with AES-256 for the key, AES-128 for the
#                        certificates, SHA-256 MAC); password "pk12_passwd"
#   pkcs12/legacy.p12    client certificate, key and CA; PKCS #12 V2 PBE with
#                        SHA-1 and 3-key triple DES for the key, 40 bit RC2 for
#                        the certificates, SHA-1 MAC; password "pk12_passwd"
#   pkcs12/ec.p12        EC certificate and key; AES-128 for the key, no
#                        certificate encryption; password "pk12_passwd"
#   pkcs12/unicode.p12   DSA certificate and key under the nickname "dsa-sérvér"
#                        (UTF-8); password "pässwörd" (UTF-8)
#   pkcs12/collide.p12   client certificate and key under the nickname "server"
#                        (a nickname collision once server.p12 is imported);
#                        password "pk12_passwd"
#   pkcs12/passwords.txt the passwords, one "file password" a line
#
# Salts and keys change on every run; tests compare with the reference
# python-nss on the files as they are.
#
# --iter N re-encodes every file with openssl (same contents, nicknames, passwords
# and algorithms) at N iterations of the password-based encryption and MAC instead
# of pk12util's 600000, which make each decoding cost a large part of a second. It
# is for fuzzing (scripts/fuzz.py --vectors): the committed files keep pk12util's.
#
# Usage: scripts/make-pkcs12-vectors.sh [--iter N] [output-dir]   (default: test-vectors)
set -euo pipefail

top=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
iter=
if [ "${1:-}" = --iter ]; then
    iter=${2:?--iter needs a count}
    shift 2
fi
out=${1:-$top/test-vectors}
[ -z "$iter" ] || command -v openssl >/dev/null 2>&1 || { echo "openssl not found (needed by --iter)" >&2; exit 1; }
for tool in certutil pk12util; do
    command -v $tool >/dev/null 2>&1 || { echo "$tool not found: apt-get install libnss3-tools" >&2; exit 1; }
done
db=sql:$out/db
[ -f "$out/db/cert9.db" ] || { echo "no database in $out/db: run scripts/make-test-vectors.sh first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=$out/pkcs12
mkdir -p "$dir"
rm -f "$dir"/*.p12 "$dir"/passwords.txt

pw=pk12_passwd
pk12util -o "$dir/server.p12" -n server -d "$db" -K "" -W "$pw" >/dev/null
pk12util -o "$dir/legacy.p12" -n client -d "$db" -K "" -W "$pw" \
    -c "PKCS #12 V2 PBE With SHA-1 And 3KEY Triple DES-CBC" \
    -C "PKCS #12 V2 PBE With SHA-1 And 40 Bit RC2 CBC" -M SHA-1 >/dev/null
pk12util -o "$dir/ec.p12" -n ec -d "$db" -K "" -W "$pw" -c AES-128-CBC -C NONE >/dev/null

# a copy of the database where the DSA certificate has a non-ASCII nickname
mkdir -p "$work/db"
certutil -N -d "sql:$work/db" --empty-password
pk12util -o "$work/dsa.p12" -n dsa -d "$db" -K "" -W "$pw" >/dev/null
pk12util -i "$work/dsa.p12" -d "sql:$work/db" -K "" -W "$pw" >/dev/null
certutil --rename -n dsa --new-n "dsa-sérvér" -d "sql:$work/db"
pk12util -o "$dir/unicode.p12" -n "dsa-sérvér" -d "sql:$work/db" -K "" -W "pässwörd" >/dev/null
mkdir -p "$work/db2"
certutil -N -d "sql:$work/db2" --empty-password
pk12util -o "$work/client.p12" -n client -d "$db" -K "" -W "$pw" >/dev/null
pk12util -i "$work/client.p12" -d "sql:$work/db2" -K "" -W "$pw" >/dev/null
certutil --rename -n client --new-n server -d "sql:$work/db2"
pk12util -o "$dir/collide.p12" -n server -d "sql:$work/db2" -K "" -W "$pw" >/dev/null

# reencode FILE PASSWORD NICKNAME CERT-PBE KEY-PBE MAC [openssl option]: FILE again at $iter iterations
reencode() {
    openssl pkcs12 ${7:-} -in "$dir/$1" -nodes -passin "pass:$2" -out "$work/plain.pem" 2>/dev/null
    # openssl looks for the key's certificate among all and reports each mismatch: quiet
    openssl pkcs12 ${7:-} -export -in "$work/plain.pem" -name "$3" -caname ca -certpbe "$4" -keypbe "$5" \
        -macalg "$6" -iter "$iter" -passout "pass:$2" -out "$dir/$1" 2>/dev/null
    rm -f "$work/plain.pem"
}
if [ -n "$iter" ]; then
    reencode server.p12 "$pw" server AES-128-CBC AES-256-CBC sha256
    reencode legacy.p12 "$pw" client PBE-SHA1-RC2-40 PBE-SHA1-3DES sha1 -legacy
    reencode ec.p12 "$pw" ec NONE AES-128-CBC sha256
    reencode unicode.p12 "pässwörd" "dsa-sérvér" AES-128-CBC AES-256-CBC sha256
    reencode collide.p12 "$pw" server AES-128-CBC AES-256-CBC sha256
fi

printf '%s\n' "server.p12 $pw" "legacy.p12 $pw" "ec.p12 $pw" "unicode.p12 pässwörd" "collide.p12 $pw" > "$dir/passwords.txt"
chmod 644 "$dir"/*
for f in server legacy ec collide; do pk12util -l "$dir/$f.p12" -W "$pw" >/dev/null; done
pk12util -l "$dir/unicode.p12" -W "pässwörd" >/dev/null
echo "PKCS#12 vectors written to $dir"
