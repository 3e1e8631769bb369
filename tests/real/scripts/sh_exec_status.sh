# busybox ash starting other programs (sh, env, xargs running echo) by fork + exec and reading their exit
# status and signals: qemu-user cannot run this script, see real.test.ts.
sh -c 'exit 7'
echo "sh exit: $?"
env A=1 B=two sh -c 'echo "A=$A B=$B"'
printf '1\n2\n3\n4\n5\n' | xargs -n 2 echo item
sh -c 'kill -TERM $$'
echo "killed: $?"
sh -c 'echo out; echo err >&2' 2>/dev/null | tr a-z A-Z
true | false
echo "pipeline: $?"
for n in 0 1 2; do sh -c "exit $n"; echo "child $n -> $?"; done
sh -c 'echo "child sees $0 $1 $#"' zero one two
