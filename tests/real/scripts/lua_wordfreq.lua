-- lua5.4 running a script file with arguments: reads the files named, counts words, writes a report file.
local counts, order, lines = {}, {}, 0
for i = 1, #arg do
  local f = assert(io.open(arg[i], "r"))
  for line in f:lines() do
    lines = lines + 1
    for w in line:lower():gmatch("%a+") do
      if not counts[w] then counts[w] = 0; order[#order + 1] = w end
      counts[w] = counts[w] + 1
    end
  end
  f:close()
end
table.sort(order, function(a, b) if counts[a] ~= counts[b] then return counts[a] > counts[b] end return a < b end)
local out = assert(io.open("report.txt", "w"))
for i = 1, math.min(5, #order) do
  out:write(string.format("%-8s %3d %5.1f%%\n", order[i], counts[order[i]], 100 * counts[order[i]] / #order))
end
out:close()
for line in io.lines("report.txt") do print(line) end
print(arg[0], #arg, lines, #order)
local ok, err = io.open("missing.txt")
print(ok, err)
print(os.rename("report.txt", "final.txt"), io.open("report.txt") == nil, os.remove("nope") == nil)
local data = io.read("a")
print(#data, data:upper())
io.stderr:write("done on stderr\n")
os.exit(3)
