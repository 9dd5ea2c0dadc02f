# nss.nss, bound from org.jnss.nss.Nss; its docstring is that class's Javadoc (the binder sets __doc__).
from org.jnss.python import Binder as _Binder
_Binder.bindModule(globals(), 'org.jnss.nss.Nss')
del _Binder
