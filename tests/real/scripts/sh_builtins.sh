# busybox ash: functions, loops, case, parameter expansion, arithmetic, command substitution, subshells, traps.
# Forks (command substitution, subshells) but runs no other program.
fib() {
  local n=$1
  if [ "$n" -lt 2 ]; then echo "$n"; return; fi
  echo $(( $(fib $((n - 1))) + $(fib $((n - 2))) ))
}
i=0
out=""
while [ $i -lt 10 ]; do out="$out $(fib $i)"; i=$((i + 1)); done
echo "fib:$out"
for w in alpha beta gamma "two words"; do
  case $w in
    a*) echo "$w starts with a" ;;
    *ta) echo "$w ends with ta" ;;
    *\ *) echo "'$w' has a space" ;;
    *) echo "$w: ${#w} chars, cut ${w%m*}" ;;
  esac
done
s="path/to/file.tar.gz"
echo "${s##*/} ${s%%.*} ${s#*/} ${s%.*} ${s:5:2} ${unset_var:-default} ${s/to/TO}"
set -- one "two words" three
echo "$# args: $2"
shift
echo "now $1; all: $*"
x=$( (echo inner; exit 3) )
echo "sub=$x status=$?"
echo "nested: $(echo "a $(echo "b $(echo c)")")"
echo "pipe: $(printf '%s\n' c a b | { read first; echo "first=$first"; })"
printf '%05.1f|%-6s|%x|%o|%c|%s|%b\n' 3.14159 ab 255 8 Zed "$((7 * 6))" 'tab\there'
echo $(( (1 << 40) + 07 + 0x10 )) $(( -17 / 5 )) $(( -17 % 5 )) $(( 3 > 2 && 2 > 3 )) $(( i += 5 )) $i
(cd /; echo "subshell in $(pwd)"); [ "$(pwd)" != / ] && echo "parent stayed"
count=0
until [ $count -ge 3 ]; do count=$((count + 1)); [ $count -eq 2 ] && continue; echo "until $count"; done
for n in 1 2 3 4 5; do [ $n -eq 4 ] && break; echo -n "$n "; done; echo
trap 'echo "bye from trap, status $?"' EXIT
false || echo "false failed with $?"
! true; echo "negated: $?"
echo done
exit 4
