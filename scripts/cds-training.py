# A short, representative run whose loaded classes go into the CDS archive
# that makes pynss start fast (see scripts/pynss).
import os
import sys
import nss.error
import nss.io as io
import nss.ssl as ssl
import nss.nss as nss


# what most programs do first: a certificate read and printed, its fields, digests, a cipher, a TLS socket
# (their classes, and the lambdas and method handles these calls make, belong in the archive too;
# the certificate is the project's test server certificate, test-vectors/certs/server.pem, whose ten
# extensions are those of most certificates found in the wild)
CERT = """-----BEGIN CERTIFICATE-----
MIIFrzCCBJegAwIBAgICA+gwDQYJKoZIhvcNAQELBQAwMzELMAkGA1UEBhMCVVMx
DTALBgNVBAoTBGpuc3MxFTATBgNVBAMTDGpuc3MgVGVzdCBDQTAeFw0yNjEwMjkw
MTU1MThaFw0zNjEwMjkwMTU1MThaMH0xCzAJBgNVBAYTAlVTMRcwFQYDVQQIEw5O
b3J0aCBDYXJvbGluYTEQMA4GA1UEBxMHUmFsZWlnaDENMAsGA1UEChMEam5zczEX
MBUGA1UECxMOV2ViIE9wZXJhdGlvbnMxGzAZBgNVBAMTEnNlcnZlci5leGFtcGxl
LmNvbTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAN6AkkAmNpi1DxOQ
Rt2VwT6+RZNu1QCBKBwktNMrAA6Yd758Y1vBirvvBvKjc28Zxvn8EXceTzPefDyZ
fxSR3621PF9FT18h1uKLk/b5anL2QJnS4eA3J0Rowj7KIl/CL4hNxWbM1AawyXXe
roK7p7k6MCGT/jwJxC4Iv28A1m89hHOTZUfG1sMN2WJW4Er0V3n2wh6U+T8cMLlj
on/hCabVkPOPs/sDRvSx1BJEXMfxJ1AdFu7pE05XhxI3AHSY8+syCJ0lCMdSMN17
3j5kUzxwk3QOTNbZe/BFHXDt6SZGjO3ZEZzr/axjJLrCHO42TKx3NCBIzsytB3Nv
aWRC2ZMCAwEAAaOCAoEwggJ9MD4GA1UdIAQ3MDUwMwYGZ4EMAQICMCkwJwYIKwYB
BQUHAgEWG2h0dHBzOi8vd3d3LmV4YW1wbGUuY29tL2NwczBeBggrBgEFBQcBAQRS
MFAwIwYIKwYBBQUHMAGGF2h0dHA6Ly9vY3NwLmV4YW1wbGUuY29tMCkGCCsGAQUF
BzAChh1odHRwOi8vd3d3LmV4YW1wbGUuY29tL2NhLmNydDCBzgYDVR0fBIHGMIHD
MCOgIaAfhh1odHRwOi8vY3JsLmV4YW1wbGUuY29tL2NhLmNybDCBiKBJoEeGRWxk
YXA6Ly9sZGFwLmV4YW1wbGUuY29tL2NuPWpuc3MlMjBUZXN0JTIwQ0E/Y2VydGlm
aWNhdGVSZXZvY2F0aW9uTGlzdIECBWCiN6Q1MDMxCzAJBgNVBAYTAlVTMQ0wCwYD
VQQKDARqbnNzMRUwEwYDVQQDDAxqbnNzIFRlc3QgQ0EwEaAPoQ0wCwYDVQQDDARD
UkwxMB8GA1UdIwQYMBaAFBESExQVFhcYGRobHB0eHyAhIiMkMB0GA1UdDgQWBBSg
oaKjpKWmp6ipqqusra6vsLGyszAMBgNVHRMBAf8EAjAAMHoGA1UdEQRzMHGCEnNl
cnZlci5leGFtcGxlLmNvbYIPd3d3LmV4YW1wbGUuY29thwTAAAIKhxAgAQ24AAAA
AAAAAAAAAAABgRV3ZWJtYXN0ZXJAZXhhbXBsZS5jb22GG2h0dHBzOi8vc2VydmVy
LmV4YW1wbGUuY29tLzARBglghkgBhvhCAQEEBAMCBkAwHQYDVR0lBBYwFAYIKwYB
BQUHAwEGCCsGAQUFBwMCMA4GA1UdDwEB/wQEAwIFoDANBgkqhkiG9w0BAQsFAAOC
AQEAS6GsPvobyuN3K8rm/IqAhcbsQhffeR8Xaj45O4302OmxLhSQ34ZO3y5B5CP4
JByEodesyGWDNz6KvvMiutAQIPqbrUecHDDpRNSI47MC11GDyMCQAfhgy7YKmAjO
vM0DZMfHtae4x6V5nLDZKjpSIqC/w2kBUaMtCNKqttqo8FrJ35w0FAbxMk69tF+Z
JbiiZpimjV2LwAnv1wOCLaghVL9ZdtLBTYJVcW3aW9pW2wFw+CSF4Qda6Uacxnht
86LmIOhxFSrBwdv2f7MluxFADLCab5rD7G91ByKXOT9voCYBt7Xm2PhTTseYdej3
C+Rra6ASK2KACXkURKmz9pbZiw==
-----END CERTIFICATE-----"""

def exercise():
    cert = nss.Certificate(nss.base64_to_binary(''.join(CERT.splitlines()[1:-1])))
    str(cert)
    str(cert.subject), cert.serial_number, cert.valid_not_after_str, str(cert.subject_public_key_info)
    nss.SecItem('abc').data
    ctx = nss.create_digest_context(nss.SEC_OID_SHA256)
    ctx.digest_begin()
    ctx.digest_op('abc')
    ctx.digest_final()
    slot = nss.get_best_slot(nss.CKM_AES_CBC_PAD)
    key = slot.key_gen(nss.CKM_AES_CBC_PAD, None, 16)
    iv = nss.param_from_iv(nss.CKM_AES_CBC_PAD, nss.SecItem('\0' * 16))
    ctx = nss.create_context_by_sym_key(nss.CKM_AES_CBC_PAD, nss.CKA_ENCRYPT, key, iv)
    ctx.cipher_op('x' * 32)
    ctx.digest_final()
    sock = ssl.SSLSocket(io.PR_AF_INET)
    sock.set_ssl_option(ssl.SSL_HANDSHAKE_AS_CLIENT, True)
    sock.set_socket_option(io.PR_SockOpt_NoDelay, True)
    sock.set_hostname('server.example.com')
    io.NetworkAddress(io.PR_IpAddrLoopback, 443)
    sock.close()


def main(strict=False):
    """The run (strict: a failing call raises, for the tests; else the archive is made anyway)."""
    # the posix module binds libc at its first call that needs it (logging calls os.getpid() for
    # every record, tempfile for its names): the binding's classes belong in the archive
    os.getpid()
    nss.nss_init_nodb()
    nss.sha256_digest('abc')
    nss.data_to_hex(nss.sha1_digest('abc'))
    try:
        nss.oid_str('no such oid')
    except Exception:
        pass
    try:
        exercise()
    except Exception:       # a token that refuses one of these (FIPS mode, say) still leaves an archive
        if strict:
            raise
    nss.nss_shutdown()


if __name__ == '__main__':
    main()
