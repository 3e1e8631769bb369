# busybox ash: pipelines and background jobs through fork, with applets that busybox runs inside the forked
# shell without exec (sort, head, cut, awk, seq, expr, md5sum, ls are "NOEXEC" applets in this build).
printf '%s\n' pear apple fig banana cherry | sort | head -n 3
seq 1 12 | awk '{ s += $1 } NR % 4 == 0 { print NR, s }'
printf 'a:1:x\nb:2:y\nc:3:z\n' | cut -d: -f2,3 | sort -r
echo "count: $(seq 5 | { n=0; while read -r v; do n=$((n + v)); done; echo $n; })"
{ echo first; echo second; } | { read -r a; read -r b; echo "$b then $a"; }
( echo bg job ) &
wait $!
echo "waited: $?"
( exit 9 ) &
wait $!
echo "background status: $?"
echo hello | md5sum
expr 6 \* 7
expr length "hello world"
seq 3 | sort -r | head -n 2
echo abc | { read -r x; echo "${x}def" | sort; }
i=0
seq 4 | while read -r n; do i=$((i + n)); echo "sum so far $i"; done
echo "outer i still $i"
set -o pipefail 2>/dev/null && { (exit 3) | true; echo "pipefail status $?"; }
