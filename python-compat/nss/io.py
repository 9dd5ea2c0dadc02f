"""This module implements the NSPR IO functions"""
from org.jnss.python import Binder as _Binder
_Binder.bindModule(globals(), 'org.jnss.io.Io')
del _Binder
