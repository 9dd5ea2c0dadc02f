# nss.nss, bound from org.jnss.nss.Nss; its docstring is that class's Javadoc (the binder sets __doc__).
from __future__ import absolute_import
# as python-nss, which imports nss.error with each module: an error raised once no file
# descriptor is left (or the disk is gone) must not need one to load its class
import nss.error as _error
from org.jnss.python import Binder as _Binder
_Binder.bindModule(globals(), 'org.jnss.nss.Nss')
del _Binder, _error, absolute_import
