"""NSPR, NSS and SSL error codes and the exceptions python-nss raises."""
from org.jnss.error import ErrorTable as _ErrorTable
from org.jnss.natives import Nspr4 as _Nspr4
from org.jnss.python import Binder as _Binder

_Binder.bindModule(globals(), 'org.jnss.error.Errors')


class _ReadOnly(object):
    """A read-only attribute of an exception instance."""
    __slots__ = ('_name',)

    def __init__(self, name):
        self._name = name

    def __get__(self, obj, cls):
        if obj is None:
            return self
        return obj.__dict__[self._name]

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')


def _desc(code):
    return str(_ErrorTable.describe(code))


class NSPRError(StandardError):
    """NSPRError(error_message=None, error_code=None)

    Raised when an NSPR or NSS call fails. error_code is the NSPR/NSS/SSL
    error number (the thread's current error when not given); error_desc
    its "(NAME) description"; error_message an optional detail. errno and
    strerror are aliases of error_code and error_desc.
    """

    error_code = _ReadOnly('_error_code')
    error_desc = _ReadOnly('_error_desc')
    error_message = _ReadOnly('_error_message')
    errno = _ReadOnly('_error_code')
    strerror = _ReadOnly('_error_desc')

    def __init__(self, *args, **kwds):
        error_message, error_code = _nspr_args('NSPRError', ('error_message', 'error_code'), args, kwds)[:2]
        StandardError.__init__(self, *args)
        self._setup(error_message, error_code)

    def _setup(self, error_message, error_code):
        if error_message is not None and not isinstance(error_message, basestring):
            raise TypeError('must be a string or None, not %s' % type(error_message).__name__)
        if error_code is None:
            error_code = _Nspr4.PR_GetError()
        d = self.__dict__
        d['_error_code'] = int(error_code)
        d['_error_desc'] = _desc(int(error_code))
        d['_error_message'] = None if error_message is None else str(error_message)

    def __str__(self):
        if self._error_message is not None:
            return '%s: %s' % (self._error_message, self._error_desc)
        return self._error_desc


class CertVerifyError(NSPRError):
    """CertVerifyError(error_message=None, error_code=None, usages=None, log=None)

    A certificate verification failure: as NSPRError, plus usages (the
    usages that did verify, a bit mask) and log (a CertVerifyLog, or None).
    """

    usages = _ReadOnly('_usages')
    log = _ReadOnly('_log')

    def __init__(self, *args, **kwds):
        error_message, error_code, usages, log = _nspr_args(
            'CertVerifyError', ('error_message', 'error_code', 'usages', 'log'), args, kwds)
        StandardError.__init__(self)
        self._setup(error_message, error_code)
        self.__dict__['_usages'] = 0 if usages is None else int(usages)
        self.__dict__['_log'] = log

    def __str__(self):
        return '%s usages=%#x' % (NSPRError.__str__(self), self._usages)


def _nspr_args(name, names, args, kwds):
    if len(args) > len(names):
        raise TypeError('%s() takes at most %d arguments (%d given)' % (name, len(names), len(args)))
    values = list(args) + [None] * (len(names) - len(args))
    for k, v in kwds.items():
        if k not in names:
            raise TypeError("'%s' is an invalid keyword argument for %s()" % (k, name))
        i = names.index(k)
        if i < len(args):
            raise TypeError("argument for %s() given by name ('%s') and position (%d)" % (name, k, i + 1))
        values[i] = v
    return values
