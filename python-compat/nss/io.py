# nss.io, bound from org.jnss.io.Io; its docstring is that class's Javadoc (the binder sets __doc__).
from org.jnss.python import Binder as _Binder
_Binder.bindModule(globals(), 'org.jnss.io.Io')
del _Binder
