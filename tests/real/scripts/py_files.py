import os, sys, struct, hashlib, base64, zlib, csv, io
print(sys.argv[1:], os.getcwd() == os.path.realpath("."), sys.stdin.read().split())
with open("orders.csv", newline="") as f:
    rows = list(csv.DictReader(f))
total = sum(int(r["qty"]) * float(r["price"]) for r in rows)
print(len(rows), [r["name"] for r in rows], f"{total:.2f}")
os.makedirs("out/sub", exist_ok=True)
with open("out/report.txt", "w") as f:
    for r in sorted(rows, key=lambda r: r["name"]):
        f.write(f"{r['name']:<10}{int(r['qty']) * float(r['price']):>10.2f}\n")
with open("out/report.txt") as f:
    lines = f.readlines()
print(len(lines), repr(lines[0]), os.path.getsize("out/report.txt"))
with open("out/sub/data.bin", "wb") as f:
    f.write(struct.pack("<IhdQ", 0xDEADBEEF, -2, 1.5, 2**63 + 1))
    f.seek(0, 2)
    print("size", f.tell())
raw = open("out/sub/data.bin", "rb").read()
print(struct.unpack("<IhdQ", raw), raw[:6].hex())
os.rename("out/sub/data.bin", "out/data.bin")
print(sorted(os.listdir("out")), os.path.isdir("out/sub"), os.path.exists("out/sub/data.bin"))
os.rmdir("out/sub")
blob = b"".join(struct.pack("<I", (i * 2654435761) & 0xFFFFFFFF) for i in range(50000))
h = hashlib.sha256(blob)
print(type(h).__module__, h.hexdigest(), hashlib.md5(b"abc").hexdigest(), hashlib.sha1(blob).hexdigest())
print(hashlib.sha512(b"abc").hexdigest()[:32], hashlib.blake2b(b"abc", digest_size=16).hexdigest())
text = "".join(f"line {i}: {i * i}\n" for i in range(5000)).encode()
z = zlib.compress(text, 6)
print(len(text), len(z), zlib.crc32(text), zlib.adler32(blob), zlib.decompress(z) == text)
print(base64.b64encode(b"real programs\x00\xff").decode(), base64.b64decode("aGVsbG8="), base64.b16encode(b"\x01\xab"))
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["a,b", 'q"uote', 3])
print(repr(buf.getvalue()))
try:
    open("missing.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
print(os.stat("orders.csv").st_size, oct(os.stat("out").st_mode & 0o777 | 0), os.environ.get("LANG"), os.environ.get("NOPE"))
