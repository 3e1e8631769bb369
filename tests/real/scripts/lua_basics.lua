-- strings
local s = "The quick brown fox jumps over the lazy dog"
print(#s, s:upper():sub(5, 9), s:find("fox"), s:match("(%a+) dog$"))
print((s:gsub("%w+", function(w) return #w > 4 and w:reverse() or nil end)))
print(string.format("%5d|%-6s|%08.3f|%x|%g|%q", 42, "ab", math.pi, 48879, 1e20, "tab\tquote\""))
print(("ab"):rep(3, "-"), ("%d items"):format(7), string.byte("A"), string.char(72, 105))
-- tables
local t = {}
for i = 1, 10 do t[#t + 1] = (i * 37) % 11 end
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ","), #t, select("#", table.unpack(t)))
table.insert(t, 1, "first"); table.remove(t); print(t[1], t[#t], #t)
local counts = {}
for w in s:lower():gmatch("%a") do counts[w] = (counts[w] or 0) + 1 end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
local parts = {}
for _, k in ipairs(keys) do if counts[k] > 1 then parts[#parts + 1] = k .. "=" .. counts[k] end end
print(table.concat(parts, " "))
-- numbers
print(7 // 2, 7 / 2, -7 // 2, 7 % -3, 2^53, math.maxinteger + 1 == math.mininteger, 1e308 * 10, -(0/0) ~= -(0/0))
print(math.type(1), math.type(1.0), math.tointeger(3.0), 0x10, 1 << 62, 5 & 3, 5 | 3, 5 ~ 3, ~0)
print(string.format("%.17g %.17g %a", 0.1, 1/3, 1.5), math.floor(-3.5), math.ceil(-3.5), math.fmod(7, 3), math.sqrt(2))
print(tostring(1e15), tostring(1e16), 2^63, math.abs(math.mininteger), 10 // 0.0, -10 % math.huge)
-- a small class
local Account = {}
Account.__index = Account
Account.__tostring = function(a) return string.format("Account(%s, %.2f)", a.owner, a.balance) end
Account.__add = function(a, b) return Account.new(a.owner .. "&" .. b.owner, a.balance + b.balance) end
function Account.new(owner, balance) return setmetatable({owner = owner, balance = balance or 0}, Account) end
function Account:deposit(v) if v <= 0 then error("deposit must be positive", 2) end self.balance = self.balance + v; return self end
local a = Account.new("ada", 10):deposit(5.5)
print(a, a + Account.new("bob", 1), getmetatable(a) == Account)
print(pcall(a.deposit, a, -1))
print(select(2, pcall(error, {code = 7})).code, select(2, pcall(error, "plain", 0)))
-- closures and coroutines
local function counter() local n = 0; return function() n = n + 1; return n end end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2())
local gen = coroutine.wrap(function(n) for i = 1, n do coroutine.yield(i * i) end return "done" end)
print(gen(4), gen(), gen(), gen(), gen())
goto skip
print("not printed")
::skip::
print(string.pack(">I2i3", 258, -2):byte(1, -1))
print(string.unpack("<i4", "\1\0\0\128"), utf8.char(233, 26085), utf8.len("h\u{e9}llo"))
print(os.time({year = 2000, month = 1, day = 1, hour = 0}), os.date("!%Y-%m-%d %H:%M:%S", 1234567890))
