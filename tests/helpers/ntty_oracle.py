#!/usr/bin/env python3
"""The host kernel's N_TTY line discipline as an oracle (for tests/tty.test.ts).

usage: ntty_oracle.py CASES_JSON
Each case: {"set": {"iflag": n, "oflag": n, "lflag": n, "cc": {"index": value}},
            "ops": [{"in": text}, {"read": n}, {"write": text}, {"set": {...}}, {"flush": queue},
                    {"fionread": 1}]}
on a fresh pty: "in" types text on the master (one batch) and records what the master shows;
"read" is a blocking read(2) of the slave (null when it would wait); "write" writes on the slave
(recording the count, or "EAGAIN" while output is stopped) and what the master shows; "fionread"
records FIONREAD. Text is latin-1. Prints a JSON list of {"echo": [...], "reads": [...]}.
"""
import array, fcntl, json, os, pty, select, sys, termios, time


def run(case):
    m, s = pty.openpty()
    os.set_blocking(m, False)
    try:
        def apply(st):
            a = termios.tcgetattr(s)
            for i, k in enumerate(["iflag", "oflag", "cflag", "lflag"]):
                if k in st:
                    a[i] = st[k]
            for k, v in st.get("cc", {}).items():
                i = int(k)
                a[6][i] = v if i in (termios.VMIN, termios.VTIME) else bytes([v])
            termios.tcsetattr(s, termios.TCSANOW, a)

        def shown():
            time.sleep(0.03)
            buf = bytearray()
            while select.select([m], [], [], 0.02)[0]:
                try:
                    d = os.read(m, 65536)
                except OSError:
                    break
                if not d:
                    break
                buf.extend(d)
            return buf.decode("latin-1")

        apply(case.get("set", {}))
        echo, reads = [], []
        for op in case["ops"]:
            if "in" in op:
                os.write(m, op["in"].encode("latin-1"))
                echo.append(shown())
            elif "read" in op:
                # a blocking read returns now when poll says so (or VMIN is 0); else it would wait
                time.sleep(0.02)
                ready = select.select([s], [], [], 0.05)[0]
                if ready or termios.tcgetattr(s)[6][termios.VMIN] == 0:
                    os.set_blocking(s, False)
                    try:
                        reads.append(os.read(s, op["read"]).decode("latin-1"))
                    except BlockingIOError:
                        reads.append(None)
                    os.set_blocking(s, True)
                else:
                    reads.append(None)
            elif "write" in op:
                os.set_blocking(s, False)
                try:
                    reads.append(os.write(s, op["write"].encode("latin-1")))
                except BlockingIOError:
                    reads.append("EAGAIN")
                os.set_blocking(s, True)
                echo.append(shown())
            elif "set" in op:
                apply(op["set"])
            elif "flush" in op:
                termios.tcflush(s, op["flush"])
            elif "fionread" in op:
                b = array.array("i", [0])
                fcntl.ioctl(s, termios.FIONREAD, b)
                reads.append(b[0])
        return {"echo": echo, "reads": reads}
    finally:
        os.close(m)
        os.close(s)


print(json.dumps([run(c) for c in json.loads(sys.argv[1])]))
