import re, sys, math, collections, functools, itertools, operator
s = "The quick brown fox jumps over the lazy dog"
print(len(s), s.upper()[4:9], s.find("fox"), s.split()[-2:], s.title().swapcase())
print(re.sub(r"\b(\w)(\w*)\b", lambda m: m.group(2) + m.group(1) + "ay", s))
print(" ".join(w[::-1] if len(w) > 4 else w for w in s.split()), "-".join(sorted(set(s.lower()) - set(" "))))
counts = collections.Counter(c for c in s.lower() if c.isalpha())
print(sorted(counts.most_common(), key=lambda kv: (-kv[1], kv[0]))[:5])
d = {w: len(w) for w in s.split()}
d["extra"] = -1
del d["The"]
print(d, list(d.items())[:2], max(d, key=d.get), sum(d.values()))
nums = [(i * 37) % 11 for i in range(1, 11)]
print(nums, sorted(nums, reverse=True), nums[::3], [x for x in nums if x % 2], functools.reduce(operator.mul, nums[:5]))
print(list(itertools.accumulate(range(1, 8))), list(zip("abc", range(3))), list(itertools.permutations("xyz", 2))[:4])
print(2 ** 200, math.factorial(30), (-7) // 2, -7 % 3, divmod(17, -5), int("ff", 16), bin(10), 7 / 2)
print(0.1 + 0.2, repr(1 / 3), f"{math.pi:10.4f}|{12345.678:,.2f}|{255:#06x}|{0.000123:e}|{1e22:g}|{-0.0}|{1e-7}")
print(round(2.5), round(3.5), round(2.675, 2), float("inf") > 1e308, math.isnan(float("nan")), math.sqrt(2), math.log(1e10, 10))
print("%5d|%-6s|%08.3f|%x|%r" % (42, "ab", math.pi, 48879, "q'uote"), "{:>8}|{:^7}|{!r}".format("r", "c", b"\x00\xff"))

class Account:
    count = 0
    def __init__(self, owner, balance=0.0):
        self.owner, self._balance = owner, balance
        Account.count += 1
    @property
    def balance(self):
        return self._balance
    def deposit(self, v):
        if v <= 0:
            raise ValueError(f"deposit must be positive, got {v}")
        self._balance += v
        return self
    def __add__(self, other):
        return Account(f"{self.owner}&{other.owner}", self.balance + other.balance)
    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance:.2f})"

class Savings(Account):
    rate = 0.05
    def interest(self):
        return round(self.balance * self.rate, 2)

a = Savings("ada", 10).deposit(5.5)
print(a, a + Account("bob", 1), isinstance(a, Account), Account.count, a.interest(), Savings.__mro__[1].__name__)
try:
    a.deposit(-1)
except ValueError as e:
    print("error:", e)
def gen(n):
    for i in range(n):
        yield i * i
    return "done"
g = gen(3)
print(list(g), sum(gen(100)), any(x > 9000 for x in gen(100)), next(iter(gen(0)), "empty"))
print("caf\u00e9 \u65e5\u672c".encode(), "caf\u00e9".encode().decode("latin-1"), sys.getsizeof(0) > 0, sys.byteorder, sys.maxsize)
