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
# the certificate is the project's test CA, test-vectors/certs/ca.pem)
CERT = """-----BEGIN CERTIFICATE-----
MIIDIzCCAgugAwIBAgIBATANBgkqhkiG9w0BAQsFADAzMQswCQYDVQQGEwJVUzEN
MAsGA1UEChMEam5zczEVMBMGA1UEAxMMam5zcyBUZXN0IENBMB4XDTI2MTAyOTAx
NTUxOFoXDTQ2MTAyOTAxNTUxOFowMzELMAkGA1UEBhMCVVMxDTALBgNVBAoTBGpu
c3MxFTATBgNVBAMTDGpuc3MgVGVzdCBDQTCCASIwDQYJKoZIhvcNAQEBBQADggEP
ADCCAQoCggEBAM/EUjYKz9gFPuvN51PhPfWwqsWMgwj/iodEIDK3lzP3YPXGpAXO
xdY0wy9s1d9Rp1dldk3cFzYham4t6F77z/RKGK3G46kHBYEUp3A1Kl7z33nuxCDX
rVG+qn2gOQ4FjkGfHoG2a2CT+KOMZe++wCInBMFbBnjYCVkEmqoeJCyi8Ku6x7xp
wZg/nUH/vSND2dSI/cbfZgpdS6blkmyG46emF/it9ClDxy0Lw6j0dKTuS78u5P6z
Gwnp94VDyHeGyd4OHUX8ROYhXcCswDx50OTSC/lqUnU8Gciy0NqP/WkbIEYcnJak
GyN1mI1cWBPOli+hLuCoYoKIS/FFzQCYRKMCAwEAAaNCMEAwHQYDVR0OBBYEFBES
ExQVFhcYGRobHB0eHyAhIiMkMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQD
AgEGMA0GCSqGSIb3DQEBCwUAA4IBAQCjPfLBPA0LiCaAdRZ42CFUzzQf2Pr8at6O
vw6FwoDqAJBcTURJlm2OT9RWsmT9gAGFdMdde163XNHFvVy/nYjw58Qxpe7BWWsJ
CzcD1p77vdhkNMsxHaupb8ylj03JWUhbi42U4tiEk0sc/StPY7XY1IJOyz9BeB1x
owvk/lJQTf6QFMS5qSmCID/o4nH2IJbnEVLnX90OOYRKFA0NRAGwUGpXRQufAzl3
9P2ye08bCvBzPzQjE04xQqnuvWMo5wWn5kfQPMG3cNzMQ2e5Zb4+F7ymNQSmnTw4
fcs8R5/R5ADt/FMP3+7fFMdEkE7CjAQqy0t9c9PciEtyNQvW6pzY
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
