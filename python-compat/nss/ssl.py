# nss.ssl, bound from org.jnss.ssl.Ssl; its docstring is that class's Javadoc (the binder sets __doc__).
from __future__ import absolute_import
import nss.nss as _nss  # the types SSL returns (Certificate, SecItem)
import nss.io as _io    # SSLSocket's base type, Socket
from org.jnss.python import Binder as _Binder
_Binder.bindModule(globals(), 'org.jnss.ssl.Ssl')
del _Binder, _nss, _io, absolute_import
