"""Changes a certificate's trust in the database it is given (harness example: --db)."""
from __future__ import print_function
import sys
import nss.nss as nss

nss.nss_init_read_write('sql:' + sys.argv[1])
cert = nss.find_cert_from_nickname(sys.argv[2])
print('before:', cert.ssl_trust_str)
cert.set_trust_attributes(sys.argv[3], nss.get_default_certdb(), nss.get_internal_key_slot())
print('after: ', nss.find_cert_from_nickname(sys.argv[2]).ssl_trust_str)
print('database:', sys.argv[1])
