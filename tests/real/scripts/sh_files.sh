# busybox ash with the file applets busybox runs without exec (mkdir, cp, mv, rm, ls, find, touch, ln, sort).
mkdir -p proj/src proj/doc
echo 'int main(void) { return 0; }' > proj/src/main.c
echo '# Title' > proj/doc/README
touch proj/src/empty.h
cp proj/src/main.c proj/src/copy.c
mv proj/doc/README proj/README.md
ln -s README.md proj/link.md
ls proj proj/src
find proj | sort
find proj -name '*.c' -type f | sort
ls -a proj/doc
rm proj/src/copy.c
rmdir proj/doc
cp -r proj backup
rm -r proj
ls
find backup | sort
mkdir backup 2>&1; echo "mkdir status $?"
rm nope.txt 2>&1; echo "rm status $?"
mv nope.txt x 2>&1; echo "mv status $?"
ls nope 2>&1; echo "ls status $?"
while read -r l; do echo "read back: $l"; done < backup/link.md
