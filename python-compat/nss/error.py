# nss.error, bound from org.jnss.error.Errors; its docstring is that class's Javadoc (the binder sets __doc__).
from org.jnss.error import ErrorTable as _ErrorTable
from org.jnss.error import NSPRError as _NSPRErrorJ
from org.jnss.python import Binder as _Binder
from org.jnss.python import Convert as _Convert

_Binder.bindModule(globals(), 'org.jnss.error.Errors')


class _ReadOnly(object):
    """A read-only member of an exception (a C READONLY member: TypeError on assignment in Python 2)."""
    __slots__ = ('_key',)

    def __init__(self, key):
        self._key = key

    def __get__(self, obj, cls):
        if obj is None:
            return self
        return obj.__dict__.get(self._key)

    def __set__(self, obj, value):
        raise TypeError('readonly attribute')

    def __delete__(self, obj):
        raise TypeError('readonly attribute')


def _parse(name, names, args, kwds):
    """Binds args/kwds to names as CPython 2.7's PyArg_ParseTupleAndKeywords does (all optional)."""
    if len(args) + len(kwds) > len(names):
        raise TypeError('%s() takes at most %d arguments (%d given)' % (name, len(names), len(args) + len(kwds)))
    values = list(args) + [None] * (len(names) - len(args))
    given = [i < len(args) for i in range(len(names))]
    for i, key in enumerate(names):
        if key in kwds:
            if i < len(args):
                raise TypeError("Argument given by name ('%s') and position (%d)" % (key, i + 1))
            values[i] = kwds[key]
            given[i] = True
    for key in kwds:
        if key not in names:
            raise TypeError("'%s' is an invalid keyword argument for this function" % key)
    return values, given


def _message_arg(v):
    if v is None:
        return None
    if isinstance(v, unicode):
        return v.encode('utf-8')
    if isinstance(v, str):
        return v
    raise TypeError('must be a string or None, not %s' % type(v).__name__)


def _code_arg(v):
    """python-nss's IntOrNoneConvert: a Python 2 int (64 bits; bool included) or None, which means
    the current error (-1). The value is stored in a C int."""
    if v is None:
        return -1
    if isinstance(v, (int, long)):
        if not -2 ** 63 <= v < 2 ** 63:
            # python-nss goes on with -1 and this error pending (raised at a later statement)
            raise OverflowError('Python int too large to convert to C long')
        return int((v + 2 ** 31) % 2 ** 32 - 2 ** 31)
    raise TypeError('must be int or None, not %s' % type(v).__name__)


def _usages_arg(v):
    """CPython 2's 'I' format: any int or long, masked to 32 bits."""
    if isinstance(v, float):
        raise TypeError('integer argument expected, got float')
    if not isinstance(v, (int, long)):
        raise TypeError('an integer is required')
    return int(v & 0xffffffff)


class NSPRError(StandardError):
    """NSPRError(error_message=None, error_code=None)

    Raised when an NSPR, NSS or SSL call fails.

    error_code (alias errno) is the NSPR/NSS/SSL error number; when it is
    not given (or None) the calling thread's current error is used.
    error_desc (alias strerror) reads "(NAME) description". str() is
    error_desc, preceded by "error_message: " when a message was given.
    As in python-nss 1.0.1, the error_message attribute itself is None.
    """

    errno = _ReadOnly('_error_code')
    error_code = _ReadOnly('_error_code')
    strerror = _ReadOnly('_error_desc')
    error_desc = _ReadOnly('_error_desc')
    error_message = _ReadOnly('_error_message')

    def __init__(self, *args, **kwds):
        StandardError.__init__(self, *args)
        (message, code), given = _parse('NSPRError', ('error_message', 'error_code'), args, kwds)
        self._setup(_message_arg(message), _code_arg(code))

    def _setup(self, message, code, error_text=None):
        if code == -1:
            current = _NSPRErrorJ.last()
            code, error_text = current.getErrorCode(), current.getErrorText()
        # a str made in Java: str() of the unicode Jython gives would load the codecs,
        # which needs a file (nothing may be opened on the way to an error)
        desc = _Convert.str(_ErrorTable.describe(code, error_text))
        text = desc if message is None else '%s: %s' % (message, desc)
        d = self.__dict__
        d['_error_code'] = code
        d['_error_desc'] = desc
        d['_error_message'] = None
        d['_str'] = text
        d['message'] = text

    def __str__(self):
        return self.__dict__['_str']


class CertVerifyError(NSPRError):
    """CertVerifyError(error_message=None, error_code=None, usages=None, log=None)

    A certificate verification failure: an NSPRError that also carries
    usages, the bit mask of the usages that did verify (an unsigned int),
    and log, the CertVerifyLog of the verification (or None). str() ends
    with " usages=0x" and the mask in hex (python-nss's format is "%U usages=0x%x").
    """

    usages = _ReadOnly('_usages')
    log = _ReadOnly('_log')

    def __init__(self, *args, **kwds):
        (message, code, usages, log), given = _parse(
            'CertVerifyError', ('error_message', 'error_code', 'usages', 'log'), args, kwds)
        message = _message_arg(message)
        code = _code_arg(code)
        usages = _usages_arg(usages) if given[2] else 0
        # python-nss initialises the NSPRError part with no positional arguments
        StandardError.__init__(self)
        self._setup(message, code)
        d = self.__dict__
        d['_usages'] = usages
        d['_log'] = log

    def __str__(self):
        return '%s usages=0x%x' % (NSPRError.__str__(self), self.__dict__['_usages'])


def _raised(message, code, error_text=None, usages=None, log=None, _types=(NSPRError, CertVerifyError)):
    """The exception the binding raises for an NSS failure (org.jnss.python.PyErrors): what
    NSPRError(error_message=message, error_code=code) makes, or CertVerifyError's with usages and
    log when usages is given, without parsing arguments (the values come checked from Java), and
    always of this module's own classes, as python-nss's C code makes its own types.
    error_text is NSPR's text for the error, put before the description as python-nss does."""
    if usages is None:
        inst = StandardError.__new__(_types[0])
    else:
        inst = StandardError.__new__(_types[1])
    inst._setup(message, code, error_text)
    if usages is not None:
        d = inst.__dict__
        d['_usages'] = usages
        d['_log'] = log
    return inst


del _Binder
