"""scripts/compare: the migration harness. Runs python-nss scripts under the
reference python-nss (CPython) and under pynss, and compares what they print.

    scripts/compare [options] script.py [args...]    one script
    scripts/compare [options] DIR                    every *.py under DIR, no arguments
    scripts/compare [options] --manifest FILE        the cases a manifest lists
    scripts/compare --scan DIR|FILE...               what will not work or will differ on the JVM

A case is the same when standard output, standard error and exit status are
equal after normalisation. Exit status: 0 when every case is the same, 1 when
one differs or fails to run, 2 on usage errors.

Options:
  --reference PYTHON   the interpreter with python-nss (default: $PYNSS_REFERENCE_PYTHON
                       or /usr/bin/python3; a Python 2 with python-nss works too)
  --db DIR             an NSS database directory the script changes: each side of each
                       case gets its own copy, and DIR in the arguments (also as
                       sql:DIR, dbm:DIR, --opt=DIR) is replaced by that copy; may be repeated
  --stdin FILE         the standard input of both runs (none otherwise)
  --timeout SECONDS    per run (default 300); a run that takes longer is an error
  --ignore-stderr      compare standard output and exit status only
  --normalize REGEX    replaced by '<...>' in both outputs before comparing; may be repeated
  --rule NAME          apply a shipped rule that is off by default (hex-bytes, timestamps)
  --strict             apply none of the shipped rules (user patterns still apply)
  --rules              list the shipped normalisation rules and exit
  -j N, --jobs N       cases run in parallel (default: the number of cores)
  --report DIR         write DIR/report.html and DIR/junit.xml
  --record DIR         run the reference only and store its outputs in DIR (golden outputs)
  --golden DIR         compare pynss with the outputs stored in DIR instead of running
                       the reference (needs no CPython python-nss)
  --                   the next argument is the script even if more .py files follow

Manifest (--manifest FILE): one case per line, `[case options] script.py args...`,
split as a POSIX shell would (quotes, backslashes, # starts a comment), paths relative to the manifest's
directory, which is also the working directory of both runs. Blank lines and lines
starting with # are ignored. Case options: --name NAME (the case's name in reports;
default: the script and its arguments), --db DIR, --stdin FILE, --timeout SECONDS,
--ignore-stderr, --normalize REGEX, --rule NAME, --strict. A line with options and
no script sets them for every case after it.
"""
from __future__ import print_function

import difflib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
RULES_FILE = os.path.join(TOP, 'src', 'main', 'resources', 'org', 'jnss', 'harness', 'normalisations.txt')
JYTHON = sys.platform.startswith('java')
PY2 = sys.version_info[0] == 2
if PY2:
    import Queue as queue
    text_type = unicode  # noqa: F821 (Python 2 only)
else:
    import queue
    text_type = str

SAME, NORMALISED, DIFFERENT, ERROR, RECORDED = 'same', 'same after normalisation', 'different', 'error', 'recorded'


class Usage(Exception):
    pass


def usage(message):
    raise Usage(message)


# ---------------------------------------------------------------- normalisation

class Rule(object):
    """One normalisation: a name, why, a pattern and its replacement."""

    def __init__(self, name, what, pattern, replace, applies='both', default=True):
        self.name, self.what, self.replace, self.applies, self.default = name, what, replace, applies, default
        try:
            self.regex = re.compile(pattern, re.MULTILINE)
        except re.error as e:
            usage('bad pattern %r: %s' % (pattern, e))

    def apply(self, stream, text):
        """(text rewritten, whether the pattern matched)."""
        if self.applies not in ('both', stream):
            return text, False
        new, n = self.regex.subn(self.replace, text)
        return new, n > 0


def load_rules(path=RULES_FILE):
    """The shipped rules of normalisations.txt, in file order."""
    rules, block = [], None
    with io.open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    for line in lines + ['[]']:
        if line.startswith('#') or not line.strip():
            continue
        if line.startswith('['):
            if block is not None:
                rules.append(Rule(block['name'], block.get('what', ''), block['pattern'], block.get('replace', ''),
                                  block.get('applies', 'both'), block.get('default', 'yes') == 'yes'))
            block = {'name': line.strip()[1:-1]}
            continue
        key, _, value = line.partition(':')
        block[key.strip()] = value[1:] if value.startswith(' ') else value
    return rules


def user_rule(pattern):
    return Rule("'%s'" % pattern, 'given by the user', pattern, '<...>')


# ---------------------------------------------------------------- cases

class Case(object):
    """One script run with its arguments, and how to compare its outputs."""

    def __init__(self, name, script, args, cwd):
        self.name, self.script, self.args, self.cwd = name, script, list(args), cwd
        self.dbs, self.stdin, self.timeout, self.ignore_stderr = [], None, 300.0, False
        self.user_rules, self.rule_names, self.strict = [], [], False
        self.result = None

    def rules(self, shipped):
        chosen = [r for r in shipped if (r.default and not self.strict) or r.name in self.rule_names]
        return chosen + self.user_rules

    def ident(self):
        """The case's file name stem in golden directories."""
        return re.sub(r'[^A-Za-z0-9._-]+', '_', self.name).strip('_')[:120] or 'case'


CASE_OPTIONS = ('--name', '--db', '--stdin', '--timeout', '--normalize', '--rule')
CASE_FLAGS = ('--ignore-stderr', '--strict')


def apply_case_option(case, option, value, base, shipped_names):
    if option == '--name':
        case.name = value
    elif option == '--db':
        path = os.path.join(base, value)
        if not os.path.isdir(path):
            usage('--db %s is not a directory' % value)
        case.dbs.append((value, os.path.abspath(path)))
    elif option == '--stdin':
        path = os.path.join(base, value)
        if not os.path.isfile(path):
            usage('--stdin %s: no such file' % value)
        case.stdin = os.path.abspath(path)
    elif option == '--timeout':
        try:
            case.timeout = float(value)
        except ValueError:
            usage('--timeout needs a number of seconds, not %r' % value)
    elif option == '--normalize':
        case.user_rules.append(user_rule(value))
    elif option == '--rule':
        if value not in shipped_names:
            usage('no rule named %r (scripts/compare --rules lists them)' % value)
        case.rule_names.append(value)
    elif option == '--ignore-stderr':
        case.ignore_stderr = True
    elif option == '--strict':
        case.strict = True


def read_manifest(path, defaults, shipped_names):
    """The cases of a manifest file; defaults is a list of (option, value) given on the command line."""
    base = os.path.dirname(os.path.abspath(path))
    cases, line_defaults, names = [], [], set()
    with open(path) as f:
        lines = f.read().splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError as e:
            usage('%s:%d: %s' % (path, number, e))
        options, i = [], 0
        while i < len(words) and words[i].startswith('--'):
            if words[i] in CASE_FLAGS:
                options.append((words[i], None))
                i += 1
            elif words[i] in CASE_OPTIONS and i + 1 < len(words):
                options.append((words[i], words[i + 1]))
                i += 2
            else:
                usage('%s:%d: unknown or incomplete case option %s' % (path, number, words[i]))
        if i == len(words):
            line_defaults.extend(o for o in options if o[0] != '--name')
            continue
        script, args = words[i], words[i + 1:]
        if not os.path.isfile(os.path.join(base, script)):
            usage('%s:%d: no such script: %s' % (path, number, script))
        case = Case(' '.join([script] + args), script, args, base)
        for option, value in defaults:
            apply_case_option(case, option, value, os.getcwd(), shipped_names)
        for option, value in line_defaults + options:
            apply_case_option(case, option, value, base, shipped_names)
        if case.name in names:
            usage('%s:%d: two cases named %r (give one --name)' % (path, number, case.name))
        names.add(case.name)
        cases.append(case)
    if not cases:
        usage('%s lists no cases' % path)
    return cases


def directory_cases(directory, defaults, shipped_names):
    """Every *.py under directory, run without arguments from directory."""
    base = os.path.abspath(directory)
    scripts = []
    for root, dirs, files in os.walk(base):
        dirs.sort()
        scripts.extend(os.path.relpath(os.path.join(root, f), base) for f in sorted(files) if f.endswith('.py'))
    if not scripts:
        usage('no *.py under %s' % directory)
    cases = []
    for script in scripts:
        case = Case(script, script, [], base)
        for option, value in defaults:
            apply_case_option(case, option, value, os.getcwd(), shipped_names)
        cases.append(case)
    return cases


# ---------------------------------------------------------------- running

def cores():
    if JYTHON:
        from java.lang import Runtime
        return Runtime.getRuntime().availableProcessors()
    return os.cpu_count() or 1


def run_process(command, cwd, stdin, timeout):
    """(stdout bytes, stderr bytes, exit status or 'timeout', seconds)."""
    env = dict(os.environ)
    env['PYTHONDONTWRITEBYTECODE'] = '1'
    extra = {} if (JYTHON or PY2) else {'start_new_session': True}
    start = time.time()
    p = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, **extra)
    expired = []

    def kill():
        expired.append(True)
        try:
            if extra:
                import signal
                os.killpg(p.pid, signal.SIGKILL)
            else:
                p.kill()
        except OSError:
            pass
    timer = threading.Timer(timeout, kill)
    timer.daemon = True
    timer.start()
    try:
        out, err = p.communicate(stdin)
    finally:
        timer.cancel()
    return out, err, ('timeout' if expired else p.returncode), time.time() - start


def side_arguments(case, workdir):
    """The case's arguments with each database replaced by a fresh copy in workdir."""
    args = list(case.args)
    for n, (given, absolute) in enumerate(case.dbs):
        copy = os.path.join(workdir, 'db%d' % n)
        shutil.copytree(absolute, copy)
        for form in set([given.rstrip('/'), absolute]):
            pattern = re.compile(r'(^|[:=])' + re.escape(form) + r'(?=$|/)')
            args = [pattern.sub(lambda m: m.group(1) + copy, a) for a in args]
    return args


def decode(data):
    return data.decode('utf-8', 'replace')


def run_side(case, interpreter):
    """A dict with the side's stdout, stderr, status and seconds."""
    workdir = tempfile.mkdtemp(prefix='jnss-compare-')
    try:
        args = side_arguments(case, workdir)
        stdin = b''
        if case.stdin:
            with open(case.stdin, 'rb') as f:
                stdin = f.read()
        try:
            out, err, status, seconds = run_process(interpreter + [case.script] + args, case.cwd, stdin, case.timeout)
        except OSError as e:
            return {'stdout': u'', 'stderr': u'cannot run %s: %s\n' % (interpreter[0], e), 'status': 'not run',
                    'seconds': 0.0}
        out, err = decode(out), decode(err)
        # the database copies have different paths on each side
        for n in range(len(case.dbs)):
            copy = os.path.join(workdir, 'db%d' % n)
            out, err = out.replace(copy, '<db%d>' % n), err.replace(copy, '<db%d>' % n)
        # paths under the case's directory as the script names them (CPython 3 makes __main__'s absolute)
        here = os.path.join(case.cwd, '')
        out, err = out.replace(here, ''), err.replace(here, '')
        return {'stdout': out, 'stderr': err, 'status': status, 'seconds': seconds}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def write_text(path, text):
    with io.open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text_type(text))


def read_text(path):
    with io.open(path, encoding='utf-8', newline='') as f:
        return f.read()


def record(case, side, directory):
    """Stores the reference's outputs (and how to run the case, for org.jnss.harness.GoldenScripts)."""
    stem = os.path.join(directory, case.ident())
    write_text(stem + '.stdout', side['stdout'])
    write_text(stem + '.stderr', side['stderr'])
    write_text(stem + '.status', u'%s\n' % side['status'])
    rel = lambda p: os.path.relpath(p, directory).replace(os.sep, '/')
    lines = ['name=' + case.name, 'dir=' + rel(case.cwd), 'script=' + case.script]
    lines += ['arg=' + a for a in case.args]
    lines += ['db=%s=%s' % (given, rel(absolute)) for given, absolute in case.dbs]
    if case.stdin:
        lines.append('stdin=' + rel(case.stdin))
    lines.append('timeout=%g' % case.timeout)
    if case.ignore_stderr:
        lines.append('ignore-stderr=true')
    if case.strict:
        lines.append('strict=true')
    lines += ['rule=' + n for n in case.rule_names]
    lines += ['normalize=' + r.regex.pattern for r in case.user_rules]
    write_text(stem + '.case', u'\n'.join(lines) + u'\n')


def golden(case, directory):
    stem = os.path.join(directory, case.ident())
    if not os.path.exists(stem + '.stdout'):
        return None
    status = read_text(stem + '.status').strip()
    return {'stdout': read_text(stem + '.stdout'), 'stderr': read_text(stem + '.stderr'),
            'status': int(status) if re.match(r'^-?[0-9]+$', status) else status, 'seconds': None}


def compare_sides(case, ref, jvm, shipped):
    """Fills case.result: outcome, rules that made it the same, diffs."""
    result = {'ref': ref, 'jvm': jvm, 'rules': [], 'diffs': [], 'error': None}
    case.result = result
    errors = ['%s: %s' % (name, 'timed out after %gs' % case.timeout
                          if side['status'] == 'timeout' else side['stderr'].strip())
              for name, side in (('python-nss', ref), ('pynss', jvm)) if side['status'] in ('timeout', 'not run')]
    if errors:
        result['outcome'] = ERROR
        result['error'] = '; '.join(errors)
    streams = ['stdout'] if case.ignore_stderr else ['stdout', 'stderr']
    raw_same = all(ref[s] == jvm[s] for s in streams)
    used = []
    texts = {}
    for s in streams:
        a, b = ref[s], jvm[s]
        for rule in case.rules(shipped):
            a, hit_a = rule.apply(s, a)
            b, hit_b = rule.apply(s, b)
            if (hit_a or hit_b) and rule.name not in used:
                used.append(rule.name)
        texts[s] = (a, b)
        if a != b:
            result['diffs'].append((s, a, b))
    same = not result['diffs'] and ref['status'] == jvm['status']
    if result['error']:
        return result
    if same:
        result['outcome'] = SAME if raw_same else NORMALISED
        result['rules'] = [] if raw_same else used
    else:
        result['outcome'] = DIFFERENT
    return result


def unified(label, a, b):
    lines = list(difflib.unified_diff(a.splitlines(True), b.splitlines(True),
                                      '%s (python-nss)' % label, '%s (pynss)' % label))
    return ''.join(l if l.endswith('\n') else l + '\n' for l in lines)


def case_diff_text(case):
    """The plain-text account of a case that is not the same."""
    r = case.result
    parts = []
    if r['error']:
        parts.append('error: %s\n' % r['error'])
    for label, a, b in r['diffs']:
        parts.append(unified(label, a, b))
    if r['ref']['status'] != r['jvm']['status']:
        parts.append('exit status: python-nss %s, pynss %s\n' % (r['ref']['status'], r['jvm']['status']))
    return ''.join(parts)


def run_cases(cases, opts, shipped):
    pynss = [os.path.join(HERE, 'pynss')]
    reference = [opts['reference']]
    if opts['golden'] is None and not os.path.exists(opts['reference']) and '/' in opts['reference']:
        usage('no reference interpreter %s (give --reference, or compare with --golden DIR)' % opts['reference'])
    if opts['record'] is None:
        # pynss builds the project first when its sources changed: not part of any case's output
        subprocess.call(pynss + ['-c', 'pass'], stdout=open(os.devnull, 'w'), stderr=subprocess.STDOUT)
    if opts['record'] is not None and not os.path.isdir(opts['record']):
        os.makedirs(opts['record'])
    work = queue.Queue()
    for case in cases:
        work.put(case)
    done = [0]
    lock = threading.Lock()
    tty = sys.stderr.isatty() and len(cases) > 1

    def progress(case):
        with lock:
            done[0] += 1
            if tty:
                sys.stderr.write('\r\x1b[K[%d/%d] %s: %s' % (done[0], len(cases), case.name[:60],
                                                           case.result['outcome']))
                sys.stderr.flush()

    def worker():
        while True:
            try:
                case = work.get_nowait()
            except queue.Empty:
                return
            try:
                if opts['record'] is not None:
                    ref = run_side(case, reference)
                    record(case, ref, opts['record'])
                    failed = ref['status'] in ('timeout', 'not run')
                    case.result = {'ref': ref, 'jvm': None, 'rules': [], 'diffs': [],
                                   'outcome': ERROR if failed else RECORDED,
                                   'error': ('python-nss: timed out after %gs' % case.timeout) if failed else None}
                else:
                    if opts['golden'] is not None:
                        ref = golden(case, opts['golden'])
                    else:
                        ref = run_side(case, reference)
                    jvm = run_side(case, pynss)
                    if ref is None:
                        case.result = {'ref': {'stdout': u'', 'stderr': u'', 'status': None, 'seconds': None},
                                       'jvm': jvm, 'rules': [], 'diffs': [], 'outcome': ERROR,
                                       'error': 'no golden output for this case in %s (record it with --record)'
                                                % opts['golden']}
                    else:
                        compare_sides(case, ref, jvm, shipped)
            except Exception as e:  # a harness failure in one case must not hide the others
                case.result = {'ref': None, 'jvm': None, 'rules': [], 'diffs': [], 'outcome': ERROR,
                               'error': 'harness: %s: %s' % (type(e).__name__, e)}
            progress(case)

    threads = [threading.Thread(target=worker) for _ in range(max(1, min(opts['jobs'], len(cases))))]
    for t in threads:
        t.daemon = True
        t.start()
    for t in threads:
        while t.is_alive():
            t.join(0.2)
    if tty:
        sys.stderr.write('\r\x1b[K')


# ---------------------------------------------------------------- reports

def seconds(side):
    if side is None or side.get('seconds') is None:
        return '-'
    return '%.2f' % side['seconds']


def outcome_text(case):
    r = case.result
    if r['outcome'] == NORMALISED:
        return 'same after normalisation: ' + ', '.join(r['rules'])
    return r['outcome']


def summary_table(cases):
    width = min(60, max(len('case'), max(len(c.name) for c in cases)))
    rows = ['%-*s  %-9s  %-9s  %s' % (width, 'case', 'python-nss', 'pynss', 'result')]
    for c in cases:
        name = c.name if len(c.name) <= width else c.name[:width - 3] + '...'
        rows.append('%-*s  %9s  %9s  %s' % (width, name, seconds(c.result['ref']), seconds(c.result['jvm']),
                                             outcome_text(c)))
    counts = {}
    for c in cases:
        counts[c.result['outcome']] = counts.get(c.result['outcome'], 0) + 1
    total = '%d case%s: ' % (len(cases), '' if len(cases) == 1 else 's')
    words = []
    for key in (SAME, NORMALISED, DIFFERENT, ERROR, RECORDED):
        if counts.get(key):
            words.append('%d %s' % (counts[key], key))
    rows.append(total + ', '.join(words))
    return '\n'.join(rows) + '\n'


def h(text):
    return (text_type(text).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;'))


INVALID_XML = re.compile(u'[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def x(text):
    return h(INVALID_XML.sub(u'?', text_type(text)))


def html_report(cases, title):
    out = [u'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title>\n<style>\n'
           u'body{font-family:sans-serif;margin:1em 2em}table{border-collapse:collapse}\n'
           u'td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}\n'
           u'.same{color:#060}.different,.error{color:#a00;font-weight:bold}\n'
           u'pre{background:#f6f6f6;padding:4px;white-space:pre-wrap}\n'
           u'table.diff{font-family:monospace;font-size:90%%}.diff_add{background:#cfc}.diff_chg{background:#ff8}'
           u'.diff_sub{background:#fcc}\n</style></head><body>\n<h1>%s</h1>\n' % (h(title), h(title))]
    out.append(u'<pre>%s</pre>\n' % h(summary_table(cases).splitlines()[-1]))
    out.append(u'<table><tr><th>case</th><th>result</th><th>python-nss (s)</th><th>pynss (s)</th></tr>\n')
    for n, c in enumerate(cases):
        r = c.result
        css = 'same' if r['outcome'] in (SAME, NORMALISED, RECORDED) else r['outcome']
        name = h(c.name) if css == 'same' else u'<a href="#case%d">%s</a>' % (n, h(c.name))
        out.append(u'<tr><td>%s</td><td class="%s">%s</td><td>%s</td><td>%s</td></tr>\n'
                   % (name, css, h(outcome_text(c)), seconds(r['ref']), seconds(r['jvm'])))
    out.append(u'</table>\n')
    differ = difflib.HtmlDiff(wrapcolumn=90)
    for n, c in enumerate(cases):
        r = c.result
        if r['outcome'] not in (DIFFERENT, ERROR):
            continue
        out.append(u'<h2 id="case%d">%s: %s</h2>\n' % (n, h(c.name), h(r['outcome'])))
        out.append(u'<p>command: <code>%s</code> (in %s)</p>\n' % (h(' '.join([c.script] + c.args)), h(c.cwd)))
        if r['error']:
            out.append(u'<p class="error">%s</p>\n' % h(r['error']))
        if r['ref'] and r['jvm']:
            out.append(u'<p>exit status: python-nss %s, pynss %s</p>\n' % (h(r['ref']['status']), h(r['jvm']['status'])))
            for label, a, b in r['diffs']:
                out.append(u'<h3>%s (after normalisation)</h3>\n' % label)
                out.append(text_type(differ.make_table(a.splitlines(), b.splitlines(), 'python-nss', 'pynss')))
            for side, label in (('ref', 'python-nss'), ('jvm', 'pynss')):
                for stream in ('stdout', 'stderr'):
                    out.append(u'<details><summary>%s %s (as printed)</summary><pre>%s</pre></details>\n'
                               % (label, stream, h(r[side][stream])))
    out.append(u'</body></html>\n')
    return u''.join(out)


def junit_report(cases, suite):
    failures = sum(1 for c in cases if c.result['outcome'] == DIFFERENT)
    errors = sum(1 for c in cases if c.result['outcome'] == ERROR)
    total_time = sum((c.result['jvm'] or {}).get('seconds') or 0 for c in cases)
    out = [u'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n',
           u'  <testsuite name="%s" tests="%d" failures="%d" errors="%d" skipped="0" time="%.3f" timestamp="%s"'
           u' hostname="%s">\n' % (x(suite), len(cases), failures, errors, total_time,
                                   time.strftime('%Y-%m-%dT%H:%M:%S'), x(os.uname()[1] if hasattr(os, 'uname') else 'localhost'))]
    for c in cases:
        r = c.result
        t = (r['jvm'] or {}).get('seconds') or (r['ref'] or {}).get('seconds') or 0
        out.append(u'    <testcase name="%s" classname="%s" time="%.3f">\n' % (x(c.name), x(suite), t))
        if r['outcome'] == DIFFERENT:
            out.append(u'      <failure message="outputs differ" type="different">%s</failure>\n' % x(case_diff_text(c)))
        elif r['outcome'] == ERROR:
            out.append(u'      <error message="%s" type="error">%s</error>\n' % (x(r['error']), x(case_diff_text(c))))
        if r['outcome'] == NORMALISED:
            out.append(u'      <system-out>same after normalisation: %s</system-out>\n' % x(', '.join(r['rules'])))
        out.append(u'    </testcase>\n')
    out.append(u'  </testsuite>\n</testsuites>\n')
    return u''.join(out)


# ---------------------------------------------------------------- static scan

# modules Jython 2.7 has no working version of (some exist but fail without fork or a terminal)
UNUSABLE = {
    'pty': 'pty needs os.fork and termios, which the JVM does not have',
    'tty': 'tty needs termios, which the JVM does not have',
    'termios': 'no termios on the JVM',
    'fcntl': 'no fcntl on the JVM',
    'resource': 'no resource module on the JVM',
    'multiprocessing': 'no multiprocessing on Jython (use threads or subprocess)',
    'ctypes': "Jython's ctypes is partial; C libraries are called through Java (JNA) instead",
}
# attributes looked up on these modules are checked under pynss
CHECKED_MODULES = ('os', 'signal', 'socket', 'select', 'time', 'sys', 'posix')
PY3_ONLY = [
    (re.compile(r'^\s*nonlocal\b'), 'nonlocal is Python 3 only'),
    (re.compile(r'^\s*async\s+(def|with|for)\b'), 'async is Python 3 only'),
    (re.compile(r'\bawait\s+\w'), 'await is Python 3 only'),
    (re.compile(r'\byield\s+from\b'), "'yield from' is Python 3 only"),
    (re.compile(r'^\s*raise\b.*\bfrom\b'), "'raise ... from' is Python 3 only"),
    (re.compile(r'^\s*def\s+\w+\s*\(.*\*\s*,'), 'keyword-only parameters are Python 3 only'),
    (re.compile(r'^\s*def\s+\w+\s*\(.*\)\s*->'), 'return annotations are Python 3 only'),
    (re.compile(r'^\s*(\w+\s*,\s*)*\*\w+\s*(,\s*\w+\s*)*=[^=]'), 'starred assignment is Python 3 only'),
]
STRING = re.compile(r'''(?i)([rbuf]{0,2})("""|\'\'\'|"|')''')


def code_lines(source):
    """The source's lines with string contents and comments blanked, and the f-string lines."""
    out, fstrings, i, n = [], set(), 0, len(source)
    buf, line = [], 1
    while i < n:
        ch = source[i]
        if ch == '#':
            j = source.find('\n', i)
            i = n if j < 0 else j
            continue
        m = STRING.match(source, i)
        if m and (i == 0 or not (source[i - 1].isalnum() or source[i - 1] == '_')):
            prefix, quote = m.group(1).lower(), m.group(2)
            if 'f' in prefix:
                fstrings.add(line)
            j = m.end()
            while j < n:
                if source[j] == '\\' and 'r' not in prefix:
                    j += 2
                    continue
                if source.startswith(quote, j):
                    break
                if source[j] == '\n' and len(quote) == 1:
                    break
                j += 1
            body = source[m.end():j]
            buf.append(m.group(0) + re.sub(r'[^\n]', ' ', body) + quote)
            line += body.count('\n')
            i = j + len(quote)
            continue
        if ch == '\n':
            line += 1
        buf.append(ch)
        i += 1
    out = ''.join(buf).split('\n')
    return out, fstrings


IMPORT = re.compile(r'^(\s*)(?:import\s+(.+)|from\s+(\.*[\w.]*)\s+import\b)')


def scan_source(path, source):
    """(findings [(line, message)], imports [(line, module)], attributes [(line, module, name)])."""
    lines, fstrings = code_lines(source)
    findings, imports, attrs = [], [], []
    has_print_function = re.search(r'from\s+__future__\s+import\s+[^\n]*print_function', source) is not None
    tries = []  # [indent, imports in the body, guarded]
    aliases = {}
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        indent = len(text) - len(text.lstrip())
        stripped = text.strip()
        while tries and indent <= tries[-1][0]:
            frame = tries[-1]
            if indent == frame[0] and re.match(r'except\b', stripped):
                if re.match(r'except\s*:|except\b.*\b(ImportError|Exception|BaseException)\b', stripped):
                    frame[2] = True
                break
            if indent == frame[0] and re.match(r'(else|finally)\b', stripped):
                break
            tries.pop()
            if not frame[2]:
                imports.extend(frame[1])
            elif tries:
                pass
        if re.match(r'try\s*:', stripped):
            tries.append([indent, [], False])
        m = IMPORT.match(text)
        if m:
            found = []
            if m.group(2):
                for part in m.group(2).split(','):
                    words = part.split()
                    if words:
                        found.append(words[0])
                        if len(words) == 3 and words[1] == 'as':
                            aliases[words[2]] = words[0]
            elif not m.group(3).startswith('.') and m.group(3) != '__future__':
                found.append(m.group(3))
                if m.group(3) in CHECKED_MODULES:
                    names = re.sub(r'.*\bimport\b', '', text).replace('(', ' ').replace(')', ' ')
                    for name in names.split(','):
                        words = name.split()
                        if words and words[0] != '*':
                            attrs.append((number, m.group(3), words[0]))
            entries = [(number, name) for name in found]
            if tries and indent > tries[-1][0]:
                tries[-1][1].extend(entries)
            else:
                imports.extend(entries)
        for module, name in re.findall(r'\b(\w+)\.(\w+)', text):
            module = aliases.get(module, module)
            if module in CHECKED_MODULES:
                attrs.append((number, module, name))
        for regex, message in PY3_ONLY:
            if regex.search(text):
                findings.append((number, message))
        if number in fstrings:
            findings.append((number, 'f-strings are Python 3 only'))
        if not has_print_function and re.search(r'\bprint\s*\(.*\b(end|sep|file)\s*=', text):
            findings.append((number, "print(..., end=/sep=/file=) needs 'from __future__ import print_function'"))
    for frame in tries:
        if not frame[2]:
            imports.extend(frame[1])
    return findings, imports, attrs


CHECKER = r'''
import sys, json, pkgutil
job = json.loads(sys.stdin.read())
answer = {'modules': {}, 'attrs': {}, 'compile': {}}
base = list(sys.path)
for directory, names in job['modules']:
    sys.path[:] = [directory] + base
    sys.path_importer_cache.clear()
    for name in names:
        top = name.split('.')[0]
        ok = top in sys.builtin_module_names or top in sys.modules
        if not ok:
            try:
                ok = pkgutil.find_loader(top) is not None
            except Exception:
                ok = False
        answer['modules'][directory + '\0' + name] = ok
sys.path[:] = base
for module, name in job['attrs']:
    try:
        m = __import__(module)
        answer['attrs'][module + '.' + name] = hasattr(m, name)
    except Exception:
        answer['attrs'][module + '.' + name] = True
for path in job['compile']:
    try:
        compile(open(path).read(), path, 'exec')
    except SyntaxError as e:
        answer['compile'][path] = [e.lineno or 0, str(e.msg)]
    except Exception:
        pass
sys.stdout.write(json.dumps(answer))
'''


def scan(paths):
    """Prints per script and line what will not work or will differ under pynss; returns the exit status."""
    import json
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith('.py'))
        elif os.path.isfile(p):
            files.append(p)
        else:
            usage('no such file or directory: %s' % p)
    if not files:
        usage('no *.py to scan')
    scanned = {}
    job = {'modules': [], 'attrs': [], 'compile': [os.path.abspath(f) for f in files]}
    attrs = set()
    for f in files:
        with open(f, 'rb') as fh:
            source = fh.read().decode('utf-8', 'replace')
        findings, imports, used = scan_source(f, source)
        scanned[f] = (findings, imports, used)
        job['modules'].append([os.path.dirname(os.path.abspath(f)), sorted(set(n for _, n in imports))])
        attrs.update((m, n) for _, m, n in used)
    job['attrs'] = sorted(attrs)
    p = subprocess.Popen([os.path.join(HERE, 'pynss'), '-c', CHECKER], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate(json.dumps(job).encode('utf-8'))
    if p.returncode != 0:
        sys.stderr.write('compare: the pynss check failed:\n%s' % decode(err))
        return 2
    answer = json.loads(decode(out))
    total = 0
    for f in files:
        findings, imports, used = scanned[f]
        directory = os.path.dirname(os.path.abspath(f))
        report = list(findings)
        for number, name in imports:
            top = name.split('.')[0]
            if top in UNUSABLE:
                report.append((number, 'import %s: %s' % (name, UNUSABLE[top])))
            elif not answer['modules'].get(directory + '\0' + name, True):
                report.append((number, 'import %s: not found on pynss\'s module path (C extension or not installed:'
                                       ' pure-Python packages install with scripts/pynss -m pip install NAME)' % name))
        seen = set()
        for number, module, name in used:
            if not answer['attrs'].get(module + '.' + name, True) and (number, module, name) not in seen:
                seen.add((number, module, name))
                hint = ' (the JVM cannot fork: start a second process with subprocess)' if 'fork' in name else ''
                report.append((number, '%s.%s does not exist under pynss%s' % (module, name, hint)))
        error = answer['compile'].get(os.path.abspath(f))
        if error:
            report.append((error[0], 'Jython 2.7 cannot compile this: %s' % error[1]))
        for number, message in sorted(set(report)):
            print('%s:%d: %s' % (f, number, message))
        total += len(set(report))
    print('%d finding%s in %d script%s' % (total, '' if total == 1 else 's', len(files), '' if len(files) == 1 else 's'))
    return 1 if total else 0


# ---------------------------------------------------------------- command line

def parse(argv):
    opts = {'reference': os.environ.get('PYNSS_REFERENCE_PYTHON', '/usr/bin/python3'), 'jobs': None,
            'report': None, 'record': None, 'golden': None, 'manifest': None, 'scan': False, 'defaults': []}
    i = 0
    while i < len(argv) and argv[i].startswith('-'):
        a = argv[i]
        if a == '--':
            i += 1
            break
        if a in ('--help', '-h'):
            sys.stdout.write(__doc__)
            sys.exit(0)
        if a == '--rules':
            for r in load_rules():
                print('%-22s %s%s\n    pattern: %s' % (r.name, r.what, '' if r.default else ' (off unless --rule %s)'
                                                        % r.name, r.regex.pattern))
            sys.exit(0)
        if a == '--scan':
            opts['scan'] = True
            i += 1
            continue
        if a in CASE_FLAGS:
            opts['defaults'].append((a, None))
            i += 1
            continue
        if i + 1 >= len(argv):
            usage('%s needs a value' % a)
        value = argv[i + 1]
        if a in CASE_OPTIONS and a != '--name':
            opts['defaults'].append((a, value))
        elif a == '--reference':
            opts['reference'] = value
        elif a in ('-j', '--jobs'):
            if not re.match(r'^[1-9][0-9]*$', value):
                usage('%s needs a positive number' % a)
            opts['jobs'] = int(value)
        elif a in ('--report', '--record', '--golden', '--manifest'):
            opts[a[2:]] = value
        else:
            usage('unknown option ' + a)
        i += 2
    rest = argv[i:]
    if opts['record'] is not None and opts['golden'] is not None:
        usage('--record and --golden exclude each other')
    return opts, rest


def main(argv):
    opts, rest = parse(argv)
    if opts['scan']:
        if not rest:
            usage('--scan needs a directory or scripts')
        return scan(rest)
    shipped = load_rules()
    shipped_names = set(r.name for r in shipped)
    if opts['golden'] is not None and not os.path.isdir(opts['golden']):
        usage('--golden %s is not a directory' % opts['golden'])
    single = False
    if opts['manifest'] is not None:
        if rest:
            usage('--manifest takes its cases from the manifest, not from the command line')
        if not os.path.isfile(opts['manifest']):
            usage('no such manifest: ' + opts['manifest'])
        cases = read_manifest(opts['manifest'], opts['defaults'], shipped_names)
        title = opts['manifest']
    elif len(rest) == 1 and os.path.isdir(rest[0]):
        cases = directory_cases(rest[0], opts['defaults'], shipped_names)
        title = rest[0]
    else:
        if not rest:
            usage('no script given')
        script, args = rest[0], rest[1:]
        if not os.path.isfile(script):
            usage('no such script: ' + script)
        if '--' not in argv and any(a.endswith('.py') and os.path.isfile(a) for a in args):
            usage('several scripts given (%s): list them in a --manifest, or give a directory; '
                  "put -- before the script when a .py file is one of its arguments"
                  % ', '.join([script] + [a for a in args if a.endswith('.py')]))
        case = Case(' '.join([script] + args), script, args, os.getcwd())
        for option, value in opts['defaults']:
            apply_case_option(case, option, value, os.getcwd(), shipped_names)
        cases = [case]
        title = script
        single = True
    if opts['record'] is not None or opts['golden'] is not None:
        seen = {}
        for c in cases:
            if c.ident() in seen:
                usage('cases %r and %r share the golden file name %s (give one --name)'
                      % (seen[c.ident()], c.name, c.ident()))
            seen[c.ident()] = c.name
    opts['jobs'] = opts['jobs'] or cores()
    run_cases(cases, opts, shipped)
    if single and opts['record'] is None:
        c = cases[0]
        sys.stdout.write(case_diff_text(c))
        if c.result['outcome'] == NORMALISED:
            sys.stdout.write('same after normalisation: %s\n' % ', '.join(c.result['rules']))
        sys.stdout.write('same output\n' if c.result['outcome'] in (SAME, NORMALISED) else 'outputs differ\n')
    else:
        for c in cases:
            if c.result['outcome'] in (DIFFERENT, ERROR):
                sys.stdout.write('==== %s: %s\n%s' % (c.name, c.result['outcome'], case_diff_text(c)))
        sys.stdout.write(summary_table(cases))
    if opts['report'] is not None:
        if not os.path.isdir(opts['report']):
            os.makedirs(opts['report'])
        suite = 'compare ' + os.path.basename(title)
        write_text(os.path.join(opts['report'], 'report.html'), html_report(cases, 'scripts/compare: ' + title))
        write_text(os.path.join(opts['report'], 'junit.xml'), junit_report(cases, suite))
        sys.stdout.write('report: %s\n' % os.path.join(opts['report'], 'report.html'))
    ok = (SAME, NORMALISED, RECORDED)
    return 0 if all(c.result['outcome'] in ok for c in cases) else 1


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv[1:]))
    except Usage as e:
        sys.stderr.write('compare: %s\n(see scripts/compare --help)\n' % e)
        sys.exit(2)
