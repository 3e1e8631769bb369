# busybox ash running file applets found through PATH (a directory of symlinks to busybox), some of them
# (cat, tail) by fork + exec: qemu-user cannot run this script, see real.test.ts.
mkdir -p proj/src proj/doc
echo 'int main(void) { return 0; }' > proj/src/main.c
echo '# Title' > proj/doc/README
cp proj/src/main.c proj/src/copy.c
mv proj/doc/README proj/README.md
cat proj/README.md proj/src/copy.c
ls proj proj/src
find proj | sort
rm proj/src/copy.c
cp -r proj backup
rm -r proj
ls
find backup -type f | sort
cat backup/nope
echo "cat status $?"
nosuchcmd
echo "nosuchcmd status $?"
./backup/README.md
echo "not executable status $?"
printf 'line %s\n' 1 2 3 4 5 > five.txt
tail -n 2 five.txt
cat < five.txt | tail -n 1
