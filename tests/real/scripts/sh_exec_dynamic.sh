# busybox ash starting the sysroot's dynamically linked programs (found on PATH) by fork + execve: the
# loader and libraries come from the -L prefix in the children too. qemu-user cannot run this script, see
# real.test.ts.
echo 'print(("%d-%s"):format(6 * 7, _VERSION))' | lua5.4 -
sqlite3 :memory: "select 1 + 1, upper('abc'), printf('%5.2f', 3.14159)"
python3.11 -c 'import sys; print(sys.argv[1:], 2 ** 10, sys.version_info[:2])' a 'b c'
lua5.4 -e 'os.exit(5)'
echo "lua exit $?"
echo "select 'x' || 'y';" | sqlite3 | tr a-z A-Z
seq 3 | lua5.4 -e 'local s = 0 for l in io.lines() do s = s + tonumber(l) end print("sum", s)'
