#!/usr/bin/env python3
"""Runs a command on a new pseudo-terminal and plays a keyboard script (for tests/tty.test.ts).

usage: pty_run.py SPEC_JSON
SPEC: {"cmd": [...], "cwd": "...", "env": {...}, "rows": 24, "cols": 80, "timeout": 20,
       "steps": [{"expect": "regex"}, {"send": "text"}, {"sleep": seconds}, {"resize": [rows, cols]}]}
"expect" waits until the regex matches what the terminal received after the previous match. Text
is latin-1 (one character per byte). Prints one JSON object: {"output": everything the terminal
received, "status": exit status (128+N for a signal), "timedOut": bool, "failedStep": index of an
"expect" that never matched, or null}.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time


def main():
    spec = json.loads(sys.argv[1])
    rows, cols = spec.get("rows", 24), spec.get("cols", 80)
    pid, master = pty.fork()
    if pid == 0:
        if spec.get("cwd"):
            os.chdir(spec["cwd"])
        os.execvpe(spec["cmd"][0], spec["cmd"], spec.get("env") or dict(os.environ))
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    deadline = time.monotonic() + spec.get("timeout", 20)
    out = bytearray()
    pos = 0
    failed = None

    def pump(t):
        """Reads what arrives within t seconds; False once the terminal is closed."""
        r, _, _ = select.select([master], [], [], max(0.0, t))
        if not r:
            return True
        try:
            data = os.read(master, 65536)
        except OSError:
            return False
        out.extend(data)
        return bool(data)

    for i, step in enumerate(spec.get("steps", [])):
        if "expect" in step:
            rx = re.compile(step["expect"].encode("latin-1"), re.S)
            while True:
                m = rx.search(bytes(out), pos)
                if m:
                    pos = m.end()
                    break
                if time.monotonic() > deadline or not pump(deadline - time.monotonic()):
                    failed = i
                    break
            if failed is not None:
                break
        elif "send" in step:
            os.write(master, step["send"].encode("latin-1"))
        elif "sleep" in step:
            end = time.monotonic() + step["sleep"]
            while time.monotonic() < end and pump(end - time.monotonic()):
                pass
        elif "resize" in step:
            r, c = step["resize"]
            fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", r, c, 0, 0))

    timed_out = False
    status = None
    while status is None:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(st)
            status = code if code >= 0 else 128 - code
        elif time.monotonic() > deadline:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = -1
        else:
            pump(0.05)
    while pump(0.05):
        r, _, _ = select.select([master], [], [], 0)
        if not r:
            break
    print(json.dumps({"output": out.decode("latin-1"), "status": status, "timedOut": timed_out, "failedStep": failed}))


main()
