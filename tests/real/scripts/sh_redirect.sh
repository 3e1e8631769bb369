# busybox ash: redirections, file descriptors, here-documents, read loops. Builtins only.
echo one > f.txt
echo two >> f.txt
{ echo out; echo err >&2; } > both.txt 2>&1
while read -r line; do echo "got: $line"; done < f.txt
exec 3> fd3.txt
echo "via fd 3" >&3
echo "again fd 3" 1>&3
exec 3>&-
read -r first < both.txt
echo "first of both: $first"
exec 4< both.txt
read -r a <&4
read -r b <&4
exec 4<&-
echo "fd 4 read: $a, $b"
n=0
while IFS=: read -r k v; do
  n=$((n + 1))
  echo "$n $k=$v"
done <<EOF2
alpha:1
beta:$((1 + 1))
gamma:${NOT_SET:-unset}
EOF2
while read -r l; do echo "[$l]"; done <<'EOF2'
$not expanded $(nor this) `or this`
	tab-indented line
EOF2
while read -r l; do echo "{$l}"; done <<-EOF2
	leading tabs stripped
		both of them
	EOF2
echo "to stderr" >&2
echo "missing:" 
read -r x < nope.txt
echo "read status $?"
echo data > noclobber.txt
set -C
(echo more > noclobber.txt) 2>/dev/null || echo "noclobber refused"
set +C
echo "sizes: $(while read -r l; do echo -n "${#l} "; done < f.txt)"
printf 'no newline at end' > partial.txt
while read -r l || [ -n "$l" ]; do echo "partial: $l"; done < partial.txt
