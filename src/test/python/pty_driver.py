"""Drives a command through a pseudo-terminal, as a user at a terminal would.

Run by Python 3 (test_prompt.py starts it):  pty_driver.py STEPS_JSON COMMAND ARG...
STEPS_JSON is a list of steps, each ["send", text] (keys to type, one at a time; the text may hold
control characters and escape sequences) or ["expect", text, seconds] (wait until the
output so far ends with text, or the time is up). Prints one JSON object: the output
seen by each step, the exit status and the seconds from the last key to the exit.
"""
import json
import os
import pty
import select
import sys
import time


def keys(text):
    """Splits text into keys: characters, and ESC [ x sequences as one key."""
    i = 0
    while i < len(text):
        n = 3 if text.startswith('\x1b[', i) else 1
        yield text[i:i + n]
        i += n


def main():
    steps = json.loads(sys.argv[1])
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[2], sys.argv[2:])
    outputs = []
    last_key = time.time()

    def read(seconds, until=None):
        out = b''
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            out += data
            if until is not None and out.endswith(until):
                break
        return out

    for step in steps:
        if step[0] == 'send':
            for key in keys(step[1]):
                os.write(fd, key.encode('utf-8'))
                # typed, not pasted: the line editor takes a Tab or an escape followed at once
                # by more input as part of a paste, so a control key waits for it to act
                time.sleep(0.05 if key.isalnum() or key in ' .=+()\'"' else 0.3)
            last_key = time.time()
            outputs.append('')
        else:
            outputs.append(read(step[2], step[1].encode('utf-8')).decode('utf-8', 'replace'))
    status = None
    deadline = time.time() + 10
    while time.time() < deadline:
        read(0.05)
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.WEXITSTATUS(code) if os.WIFEXITED(code) else -os.WTERMSIG(code)
            break
    exit_seconds = time.time() - last_key
    if status is None:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    print(json.dumps({'outputs': outputs, 'status': status, 'exit_seconds': exit_seconds}))


if __name__ == '__main__':
    main()
