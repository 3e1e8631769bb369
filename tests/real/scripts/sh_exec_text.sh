# busybox ash pipelines through applets that busybox runs by fork + exec of /proc/self/exe (cat, tr, uniq, wc,
# sed, grep, tail, tee are not NOEXEC applets): qemu-user cannot run this script, see real.test.ts.
printf 'the cat sat on the mat\nthe dog sat on the log\na cat and a dog\n' > t.txt
cat t.txt | tr ' ' '\n' | sort | uniq -c | sort -k1,1nr -k2,2 | head -n 4
grep -c sat t.txt
grep -n dog t.txt
sed -e 's/sat/stood/' -e '/^a /d' t.txt | tail -n 1
echo "lines: $(wc -l < t.txt)"
echo "words: $(cat t.txt | wc -w)"
tr a-z A-Z < t.txt | cut -d' ' -f2,4
grep -c zebra t.txt
echo "grep status $?"
cat t.txt | tee copy.txt | grep -v cat
cat copy.txt | sed -n '2p'
