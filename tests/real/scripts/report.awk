# busybox awk: fields, associative arrays, printf formats, string builtins, arithmetic. (This build of busybox has
# no libm support in awk: sqrt, exp, ^ and the like are "not compiled in".)
BEGIN { FS = ","; OFS = " | " }
NR == 1 { next }
{
  total[$1] += $3 * $4
  count[$1]++
  qty += $3
  if ($4 > max) { max = $4; maxname = $2 }
}
END {
  n = split("north,south,east,west", order, ",")
  for (i = 1; i <= n; i++) {
    r = order[i]
    if (r in total)
      printf "%-6s %3d %10.2f %8.3e\n", toupper(substr(r, 1, 1)) substr(r, 2), count[r], total[r], total[r] / count[r]
  }
  print "qty", qty, "max", maxname, max, NR
  print length("hello"), index("banana", "an"), sprintf("%05d|%x|%o|%c|%5.1f%%", 42, 255, 8, 65, 99.44), int(-3.7), 7 % 3, -7 % 3
  print 1e6, 1e-5, 100000 * 100000, 0.1 + 0.2, 1 / 3, 2147483647 + 1, -0.5 * 3, "10" + 5, "3x" * 2
  s = "a-b-c"
  gsub(/-/, "+", s)
  print s, match("foobar", /o+/), RSTART, RLENGTH, tolower("MiXeD")
  m = split("x1y22z333", parts, /[0-9]+/)
  print m, parts[1], parts[2], parts[3]
}
