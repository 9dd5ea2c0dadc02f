"""NSS SSL/TLS sockets (python-nss compatible, on the JVM)."""
from org.jnss.python import Binder as _Binder
_Binder.bindModule(globals(), 'org.jnss.ssl.Ssl')
del _Binder
