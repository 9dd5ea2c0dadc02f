"""NSS cryptography, certificates and PKI (python-nss compatible, on the JVM)."""
from org.jnss.python import Binder as _Binder
_Binder.bindModule(globals(), 'org.jnss.nss.Nss')
del _Binder
