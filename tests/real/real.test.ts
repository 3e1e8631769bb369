// Real-programs tier: programs nobody in this repository wrote, fetched at test time by tests/real/setup.sh
// (never committed): busybox-static, lua5.4, python3.11-minimal and sqlite3 from Debian's arm64 packages with
// their shared libraries, esbuild (Go, static) and biome (Rust, musl, static) from the npm registry.
//
// Each case runs the program under a64play (`node bin/a64play.js [-L SYSROOT] PROG ARGS`) and compares
// stdout, stderr, the exit status and the files left in its working directory, byte for byte, with the
// reference: qemu-aarch64 run live the same way (`qemu-aarch64 [-L SYSROOT] PROG ARGS`), or, for the cases
// qemu-user cannot run, an expected result written by hand (see `handWritten`).
//
// How a case runs, for both sides:
// - working directory: a fresh directory at the same absolute path for both runs (removed and made again
//   between them), holding the case's `files`;
// - environment: exactly PATH=<a directory of symlinks to busybox, one per applet>, LANG=C, TZ=UTC and
//   HOME=<the working directory>, plus the case's `env`; nothing is inherited;
// - dynamically linked programs get `-L SYSROOT`, static ones nothing; a case marked `withSysroot` (busybox sh
//   starting the dynamically linked programs) gets `-L SYSROOT` and SYSROOT/usr/bin on PATH after the applets;
// - stdin: the case's `stdin`, or empty input.
// Nothing is normalized except what a case's `normalize` says (only biome's report of how long it took).
//
// qemu-user cannot be the reference where a guest execve()s another aarch64 program (busybox sh running cat
// through an applet symlink, or lua5.4): it hands execve to the host kernel, which cannot run aarch64 code
// without binfmt_misc. Those cases carry a result written by hand from Linux semantics (`handWritten`).
//
// Setup: locally, beforeAll runs tests/real/setup.sh (downloads once into tests/real/.cache/, then takes
// milliseconds). With CI set, it only checks (`setup.sh --check`) and fails every case loudly when .ci/run
// did not install the programs: CI must never skip this tier. A64PLAY_REAL_CACHE moves the cache;
// A64PLAY_REAL_DUMP=DIR writes each run's stdout, stderr, status and file list there, for debugging.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQemu } from '../helpers/qemu.mjs';

const realDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(realDir, '..', '..');
const a64play = path.join(repoRoot, 'bin', 'a64play.js');
const setupScript = path.join(realDir, 'setup.sh');
const cacheDir = process.env.A64PLAY_REAL_CACHE ?? path.join(realDir, '.cache');
const sysroot = path.join(cacheDir, 'sysroot');
const dumpDir = process.env.A64PLAY_REAL_DUMP;
const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

type ProgramName = 'busybox' | 'lua' | 'python' | 'sqlite3' | 'ls' | 'tar' | 'esbuild' | 'biome';

const programs: Record<ProgramName, { file: string; dynamic: boolean }> = {
  busybox: { file: path.join(sysroot, 'bin', 'busybox'), dynamic: false },
  lua: { file: path.join(sysroot, 'usr', 'bin', 'lua5.4'), dynamic: true },
  python: { file: path.join(sysroot, 'usr', 'bin', 'python3.11'), dynamic: true },
  sqlite3: { file: path.join(sysroot, 'usr', 'bin', 'sqlite3'), dynamic: true },
  ls: { file: path.join(sysroot, 'bin', 'ls'), dynamic: true },
  tar: { file: path.join(sysroot, 'bin', 'tar'), dynamic: true },
  esbuild: { file: path.join(cacheDir, 'npm', 'esbuild', 'bin', 'esbuild'), dynamic: false },
  biome: { file: path.join(cacheDir, 'npm', 'biome', 'biome'), dynamic: false },
};

// The applets the scripts call by name; each becomes a symlink to busybox in the PATH directory.
const APPLETS = [
  'awk', 'basename', 'cat', 'cp', 'cut', 'date', 'echo', 'env', 'expr', 'false', 'find', 'grep', 'head', 'kill',
  'ln', 'ls', 'md5sum', 'mkdir', 'mv', 'printf', 'readlink', 'rm', 'rmdir', 'sed', 'seq', 'sh', 'sha256sum',
  'sort', 'tail', 'tee', 'touch', 'tr', 'true', 'uniq', 'wc', 'xargs',
];

interface Outcome {
  stdout: string; // see decodeOutput: string equality is byte equality
  stderr: string;
  status: number | string; // exit code, 128 + signal number, or a description of a failure to run
}

interface RunResult extends Outcome {
  files: string[]; // what the run left in its working directory: "path type mode sha256-or-link-target"
}

interface RealCase {
  name: string;
  program: ProgramName;
  args: string[];
  stdin?: string | Buffer;
  files?: Record<string, string | Buffer>; // relative path -> content, written before each run
  env?: Record<string, string>;
  // The exit status the reference must have (default 0): guards against a broken reference run.
  status?: number;
  // Run with -L SYSROOT and the sysroot's usr/bin on PATH (after the applets), for a static program
  // (busybox sh) that starts the dynamically linked ones.
  withSysroot?: boolean;
  // Expected result written by hand, for cases qemu-user cannot run: the text says why.
  handWritten?: { why: string; expected: Outcome };
  // Rewrites applied to stdout and stderr of both runs, only for output that is truly nondeterministic.
  normalize?: { pattern: RegExp; replacement: string; why: string }[];
  timeoutMs?: number; // per run; default DEFAULT_TIMEOUT_MS
}

const DEFAULT_TIMEOUT_MS = 30_000;

// "in 155ms", "in 1.2s", "in 12µs".
const DURATION = /\bin \d+(?:\.\d+)?\S*?s\b/g;

const script = (name: string): string => fs.readFileSync(path.join(realDir, 'scripts', name), 'utf8');
const scriptBytes = (name: string): Buffer => fs.readFileSync(path.join(realDir, 'scripts', name));

// Deterministic binary test data (xorshift32), big enough that hashing it runs real loops.
function pseudoRandomBytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const SMALL_TXT = 'alpha beta\ngamma\n\ndelta epsilon zeta\n';
const DATA_BIN = pseudoRandomBytes(256 * 1024, 0x2545f491);
const FRUITS_TXT = 'apple\nBanana\ncherry\nbanana split\nelderberry\nfig\nbananana\n';
const RECORDS =
  'root:0:/root\nbin:2:/bin\ndaemon:1:/usr/sbin\nsys:3:/dev\nsync:4:/bin\ngames:5:/usr/games\n' +
  'man:6:/var/cache/man\nnobody:65534:/nonexistent\nalice:1000:/home/alice\nbob:1000:/home/bob\n';
const SALES_CSV =
  'region,product,qty,price\nnorth,lamp,2,19.99\nsouth,desk,1,149.5\nnorth,penguin,3,7.25\n' +
  'east,compiler,1,999\nsouth,lamp,1,19.99\nnorth,kernel,1,0\n';
const PY_ENV = { PYTHONDONTWRITEBYTECODE: '1' };

/**
 * A tar archive made by the host's tar (a tool here, not a program under test): directories with modes
 * 0750 and 0700, files 0640 and 0600, fixed owners and times, so both sides extract the same bytes.
 */
const TREE_TAR: Buffer = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'a64play-tar-'));
  try {
    fs.mkdirSync(path.join(dir, 'pkg', 'lib', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pkg', 'README'), 'read me\n');
    fs.writeFileSync(path.join(dir, 'pkg', 'lib', 'deep', 'data.bin'), Buffer.alloc(5000, 3));
    fs.chmodSync(path.join(dir, 'pkg', 'README'), 0o640);
    fs.chmodSync(path.join(dir, 'pkg', 'lib', 'deep', 'data.bin'), 0o600);
    fs.chmodSync(path.join(dir, 'pkg', 'lib', 'deep'), 0o700);
    fs.chmodSync(path.join(dir, 'pkg', 'lib'), 0o750);
    const r = spawnSync('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-cf', '-', 'pkg'], { cwd: dir });
    if (r.status !== 0) throw new Error(`the host's tar could not make the test archive: ${r.stderr}`);
    return r.stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

// busybox sh -c SCRIPT sh: $0 is "sh", so ash's messages start with "sh: ".
const sh = (file: string) => ['sh', '-c', script(file), 'sh'];

const HAND_WRITTEN_WHY =
  'busybox ash runs cat, tr, uniq, wc, sed, grep, tail, tee, env, xargs and sh by fork + execve of the applet ' +
  'symlink; qemu-user hands execve of an aarch64 binary to the host kernel, which cannot run it without ' +
  'binfmt_misc. Expected output written by hand from Linux and busybox 1.35 semantics, then cross-checked once ' +
  'against the amd64 build of the same busybox-static version run natively.';

const cases: RealCase[] = [
  // ---- busybox applets called through the busybox binary ---------------------------------------------------
  { name: 'busybox_echo', program: 'busybox', args: ['echo', '-e', 'tab\\there\\nline two \\0101\\x42', 'and', 'more'] },
  { name: 'busybox_echo_n', program: 'busybox', args: ['echo', '-n', 'no newline,', 'two args'] },
  {
    name: 'busybox_printf',
    program: 'busybox',
    // Two rounds of the format: printf reuses it until the arguments run out.
    args: ['printf', '%5d|%-5s|%x|%o|%e|%.3f|%c|%b|%%|%s\n', '42', 'ab', '255', '8', '12345.678', '2.71828', 'xyz', 'a\\tb', 'end',
      '-7', 'abcdefg', '4096', '511', '-0.000123', '1e3', 'q', 'c\\nd', 'second'],
  },
  { name: 'busybox_seq', program: 'busybox', args: ['seq', '-s', ',', '-w', '5', '3', '20'] },
  { name: 'busybox_seq_float', program: 'busybox', args: ['seq', '0', '0.25', '1.5'] },
  { name: 'busybox_sort_keys', program: 'busybox', args: ['sort', '-t', ':', '-k', '2,2n', '-k', '1,1r'], stdin: RECORDS },
  { name: 'busybox_sort_unique', program: 'busybox', args: ['sort', '-u', '-f', 'fruits.txt'], files: { 'fruits.txt': FRUITS_TXT } },
  { name: 'busybox_uniq_count', program: 'busybox', args: ['uniq', '-c'], stdin: 'a\na\nb\nc\nc\nc\na\n' },
  {
    name: 'busybox_md5sum',
    program: 'busybox',
    args: ['md5sum', 'data.bin', 'small.txt'],
    files: { 'data.bin': DATA_BIN, 'small.txt': SMALL_TXT },
  },
  {
    name: 'busybox_sha256sum',
    program: 'busybox',
    args: ['sha256sum', 'data.bin', 'small.txt', '-'],
    files: { 'data.bin': DATA_BIN, 'small.txt': SMALL_TXT },
    stdin: SMALL_TXT,
  },
  {
    name: 'busybox_sha256sum_check',
    program: 'busybox',
    args: ['sha256sum', '-c', 'sums.txt'],
    files: {
      'data.bin': DATA_BIN,
      'small.txt': SMALL_TXT,
      'sums.txt': `${sha256(SMALL_TXT)}  small.txt\n${sha256('something else')}  data.bin\n`,
    },
    status: 1,
  },
  {
    name: 'busybox_wc',
    program: 'busybox',
    args: ['wc', 'small.txt', 'data.bin', 'fruits.txt'],
    files: { 'data.bin': DATA_BIN, 'small.txt': SMALL_TXT, 'fruits.txt': FRUITS_TXT },
  },
  { name: 'busybox_tr_words', program: 'busybox', args: ['tr', '-cs', 'A-Za-z', '\\n'], stdin: 'Hello, world!  It is 2024... OK?\n' },
  { name: 'busybox_tr_upper_delete', program: 'busybox', args: ['tr', '-d', '0-9'], stdin: 'r2d2 and c3po\n' },
  {
    name: 'busybox_sed',
    program: 'busybox',
    args: ['sed', '-e', '1d', '-e', 's/a/A/g', '-e', '/^b/s/$/ !/', '-E', '-e', 's/(e)(l+)/<\\2\\1>/', '-e', '$a\\the end', 'fruits.txt'],
    files: { 'fruits.txt': FRUITS_TXT },
  },
  { name: 'busybox_sed_n', program: 'busybox', args: ['sed', '-n', '/an/{=;p}'], stdin: FRUITS_TXT },
  {
    name: 'busybox_awk',
    program: 'busybox',
    args: ['awk', '-f', 'report.awk', 'sales.csv'],
    files: { 'report.awk': scriptBytes('report.awk'), 'sales.csv': SALES_CSV },
  },
  {
    name: 'busybox_awk_inline',
    program: 'busybox',
    args: ['awk', '-F:', '-v', 'min=3', '$2 >= min { n++; printf "%-8s %6d %s\\n", $1, $2, toupper($3) } END { print n " of " NR }'],
    stdin: RECORDS,
  },
  { name: 'busybox_expr', program: 'busybox', args: ['expr', '(', '7', '+', '5', ')', '*', '3', '-', '100', '/', '7'] },
  { name: 'busybox_expr_match', program: 'busybox', args: ['expr', 'abcdef', ':', '\\(abc\\)'] },
  { name: 'busybox_expr_zero', program: 'busybox', args: ['expr', 'abc', ':', 'x*'], status: 1 },
  { name: 'busybox_date', program: 'busybox', args: ['date', '-u', '-d', '@1234567890', '+%Y-%m-%d %H:%M:%S %a %b %j %s'] },
  {
    name: 'busybox_grep',
    program: 'busybox',
    args: ['grep', '-n', '-i', '-E', 'ba(na)+|cherry', 'fruits.txt'],
    files: { 'fruits.txt': FRUITS_TXT },
  },
  { name: 'busybox_grep_nomatch', program: 'busybox', args: ['grep', '-c', 'zebra', 'fruits.txt'], files: { 'fruits.txt': FRUITS_TXT }, status: 1 },
  {
    name: 'busybox_cat_missing',
    program: 'busybox',
    args: ['cat', 'small.txt', 'nope.txt', 'small.txt'],
    files: { 'small.txt': SMALL_TXT },
    status: 1,
  },
  {
    name: 'busybox_ls_find',
    program: 'busybox',
    args: ['find', '.', '-type', 'f', '-name', '*.txt'],
    files: { 'a.txt': 'a\n', 'b.bin': 'b', 'sub/c.txt': 'c\n', 'sub/deeper/d.txt': '', 'sub/e.md': '' },
  },
  {
    name: 'busybox_ls',
    program: 'busybox',
    args: ['ls', '-1', '-a', '-F', '-R'],
    files: { 'a.txt': 'a\n', 'b.bin': 'b', 'sub/c.txt': 'c\n', 'sub/deeper/d.txt': '' },
  },

  // ---- busybox sh: builtins, forks, NOEXEC applets (qemu-user runs these: no execve) -------------------------
  { name: 'sh_builtins', program: 'busybox', args: sh('sh_builtins.sh'), status: 4 },
  { name: 'sh_redirect', program: 'busybox', args: sh('sh_redirect.sh') },
  { name: 'sh_pipes', program: 'busybox', args: sh('sh_pipes.sh') },
  { name: 'sh_files', program: 'busybox', args: sh('sh_files.sh') },

  // ---- busybox sh: programs started by fork + execve (expected output written by hand) -----------------------
  {
    name: 'sh_exec_text',
    program: 'busybox',
    args: sh('sh_exec_text.sh'),
    handWritten: {
      why: HAND_WRITTEN_WHY,
      // uniq -c prints "%7lu "; wc prints a lone count without padding when it reads stdin for one column.
      expected: {
        stdout: [
          '      4 the',
          '      2 a',
          '      2 cat',
          '      2 dog',
          '2',
          '2:the dog sat on the log',
          '3:a cat and a dog',
          'the dog stood on the log',
          'lines: 3',
          'words: 17',
          'CAT ON',
          'DOG ON',
          'CAT A',
          '0',
          'grep status 1',
          'the dog sat on the log',
          'the dog sat on the log',
          '',
        ].join('\n'),
        stderr: '',
        status: 0,
      },
    },
  },
  {
    name: 'sh_exec_files',
    program: 'busybox',
    args: sh('sh_exec_files.sh'),
    handWritten: {
      why: HAND_WRITTEN_WHY,
      // ash numbers the lines of a -c script from 0 (shell/ash.c: `lineno = 0; // bash compat`), so the
      // commands on lines 18 and 20 of the file are reported as lines 17 and 19. execve of a file without x
      // permission fails with EACCES: status 126; a command not on PATH: status 127.
      expected: {
        stdout: [
          '# Title',
          'int main(void) { return 0; }',
          'proj:',
          'README.md',
          'doc',
          'src',
          '',
          'proj/src:',
          'copy.c',
          'main.c',
          'proj',
          'proj/README.md',
          'proj/doc',
          'proj/src',
          'proj/src/copy.c',
          'proj/src/main.c',
          'backup',
          'backup/README.md',
          'backup/src/main.c',
          'cat status 1',
          'nosuchcmd status 127',
          'not executable status 126',
          'line 4',
          'line 5',
          'line 5',
          '',
        ].join('\n'),
        stderr: [
          "cat: can't open 'backup/nope': No such file or directory",
          'sh: line 17: nosuchcmd: not found',
          'sh: line 19: ./backup/README.md: Permission denied',
          '',
        ].join('\n'),
        status: 0,
      },
    },
  },
  {
    name: 'sh_exec_status',
    program: 'busybox',
    args: sh('sh_exec_status.sh'),
    handWritten: {
      why: HAND_WRITTEN_WHY,
      // A child killed by SIGTERM: wait status 128 + 15, and ash reports the foreground job's signal on
      // stderr with strsignal() ("Terminated"), as it does for every signal but SIGINT and SIGPIPE.
      expected: {
        stdout: [
          'sh exit: 7',
          'A=1 B=two',
          'item 1 2',
          'item 3 4',
          'item 5',
          'killed: 143',
          'OUT',
          'pipeline: 1',
          'child 0 -> 0',
          'child 1 -> 1',
          'child 2 -> 2',
          'child sees zero one 2',
          '',
        ].join('\n'),
        stderr: 'Terminated\n',
        status: 0,
      },
    },
  },

  {
    name: 'sh_exec_dynamic',
    program: 'busybox',
    args: sh('sh_exec_dynamic.sh'),
    withSysroot: true,
    env: PY_ENV,
    handWritten: {
      why:
        'busybox ash starts lua5.4, sqlite3 and python3.11 by fork + execve; qemu-user hands execve of an aarch64 ' +
        'binary to the host kernel, which cannot run it without binfmt_misc. Expected output written by hand: ' +
        'each line is what the program prints for that input (each command was also run alone under qemu-aarch64).',
      expected: {
        stdout: ['42-Lua 5.4', '2|ABC| 3.14', "['a', 'b c'] 1024 (3, 11)", 'lua exit 5', 'XY', 'sum\t6', ''].join('\n'),
        stderr: '',
        status: 0,
      },
    },
  },

  // ---- lua5.4 (dynamically linked: glibc, libreadline, libtinfo) --------------------------------------------
  { name: 'lua_basics', program: 'lua', args: ['basics.lua'], files: { 'basics.lua': scriptBytes('lua_basics.lua') } },
  {
    name: 'lua_wordfreq',
    program: 'lua',
    args: ['wordfreq.lua', 'a.txt', 'b.txt'],
    files: {
      'wordfreq.lua': scriptBytes('lua_wordfreq.lua'),
      'a.txt': 'The cat sat on the mat.\nThe dog sat on the log.\n',
      'b.txt': 'A cat and a dog; the end.\n',
    },
    stdin: 'stdin for lua\n',
    status: 3,
  },
  {
    name: 'lua_error',
    program: 'lua',
    args: ['-e', 'local function f(t) return t.x.y end\nprint("before")\nf({})'],
    status: 1,
  },

  // ---- python3.11 (dynamically linked; hashlib goes through OpenSSL's libcrypto) ----------------------------
  // PYTHONDONTWRITEBYTECODE: otherwise the first run writes __pycache__ into the sysroot and later runs
  // (the a64play one) load those instead of compiling the same sources.
  { name: 'python_basics', program: 'python', args: ['-c', script('py_basics.py')], env: PY_ENV, timeoutMs: 90_000 },
  { name: 'python_sockets', program: 'python', args: ['-c', script('py_sockets.py')], env: PY_ENV, timeoutMs: 90_000 },
  {
    name: 'python_files',
    program: 'python',
    args: ['-c', script('py_files.py'), 'arg1', 'arg two'],
    files: { 'orders.csv': 'name,qty,price\nlamp,2,19.99\ndesk,1,149.50\npenguin,3,7.25\n' },
    stdin: 'one two three\n',
    env: PY_ENV,
    timeoutMs: 90_000,
  },
  {
    name: 'python_error',
    program: 'python',
    args: ['-c', 'import sys\ndef f(d):\n    return d["missing"]\nprint("before", flush=True)\nif len(sys.argv) > 1:\n    f({})\n', 'x'],
    status: 1,
    env: PY_ENV,
    timeoutMs: 90_000,
  },

  // ---- sqlite3 (dynamically linked: libsqlite3, zlib, readline) ---------------------------------------------
  { name: 'sqlite_shop', program: 'sqlite3', args: ['shop.db'], stdin: scriptBytes('sqlite_shop.sql') },
  {
    name: 'sqlite_args',
    program: 'sqlite3',
    args: ['-header', '-csv', ':memory:', "SELECT 1 AS one, 'two, quoted' AS two, 3.5 * 2 AS seven, NULL AS nil_value, x'41' AS blob"],
  },
  { name: 'sqlite_error', program: 'sqlite3', args: ['err.db'], stdin: scriptBytes('sqlite_error.sql'), status: 1 },
  { name: 'sqlite_error_bail', program: 'sqlite3', args: ['-bail', 'err.db'], stdin: scriptBytes('sqlite_error.sql'), status: 1 },

  // ---- esbuild (Go, statically linked) ------------------------------------------------------------------------
  { name: 'esbuild_version', program: 'esbuild', args: ['--version'] },
  { name: 'esbuild_transform', program: 'esbuild', args: ['--loader=ts', '--format=cjs', '--target=es2019'], stdin: scriptBytes('esbuild/transform.ts.txt') },
  {
    name: 'esbuild_bundle',
    program: 'esbuild',
    args: ['src/main.ts', '--bundle', '--format=esm', '--target=es2020', '--log-level=warning'],
    files: {
      'src/main.ts': scriptBytes('esbuild/main.ts.txt'),
      'src/util.ts': scriptBytes('esbuild/util.ts.txt'),
      'src/data.json': scriptBytes('esbuild/data.json'),
    },
  },
  {
    name: 'esbuild_bundle_minify',
    program: 'esbuild',
    // --log-level=warning: the summary esbuild prints otherwise ends with the build's duration.
    args: ['src/main.ts', '--bundle', '--minify', '--platform=node', '--outfile=out/bundle.js', '--log-level=warning'],
    files: {
      'src/main.ts': scriptBytes('esbuild/main.ts.txt'),
      'src/util.ts': scriptBytes('esbuild/util.ts.txt'),
      'src/data.json': scriptBytes('esbuild/data.json'),
    },
  },
  { name: 'esbuild_error', program: 'esbuild', args: ['--loader=ts'], stdin: 'let x = ;\n', status: 1 },

  // ---- GNU coreutils ls and GNU tar (dynamically linked: libacl, libselinux) --------------------------------
  // ls -l asks every file for its SELinux label and ACL (extended attributes); tar -x as root restores each
  // directory's mode through fchmodat(AT_SYMLINK_NOFOLLOW), which glibc does with O_PATH and /proc/self/fd.
  {
    name: 'coreutils_ls_long',
    program: 'ls',
    args: ['-lnR', '--time-style=+T', '.'],
    files: { 'a.txt': 'a\n', 'b.bin': 'bb', 'sub/c.txt': 'c\n', 'sub/deeper/d.txt': '' },
  },
  {
    name: 'tar_create',
    program: 'tar',
    args: ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '-cvf', 'out.tar', 'tree'],
    files: { 'tree/a.txt': 'alpha\n', 'tree/sub/b.txt': 'beta\n', 'tree/sub/deeper/c.bin': Buffer.alloc(3000, 7) },
  },
  { name: 'tar_extract', program: 'tar', args: ['-xvf', 'in.tar'], files: { 'in.tar': TREE_TAR } },

  // ---- biome (Rust, aarch64-unknown-linux-musl, statically linked) -------------------------------------------
  { name: 'biome_version', program: 'biome', args: ['--version'] },
  { name: 'biome_format_stdin', program: 'biome', args: ['format', '--stdin-file-path=messy.ts'], stdin: scriptBytes('biome/messy.ts.txt') },
  {
    name: 'biome_format_write',
    program: 'biome',
    args: ['format', '--write', 'messy.ts'],
    files: { 'messy.ts': scriptBytes('biome/messy.ts.txt') },
    normalize: [{ pattern: DURATION, replacement: 'in <duration>', why: 'biome reports how long it took' }],
  },
  {
    name: 'biome_lint',
    program: 'biome',
    args: ['lint', 'lint.js'],
    files: { 'lint.js': scriptBytes('biome/lint.js') },
    status: 1,
    normalize: [{ pattern: DURATION, replacement: 'in <duration>', why: 'biome reports how long it took' }],
  },
];

// ---- running ------------------------------------------------------------------------------------------------

const qemu = findQemu();
let tmpRoot = '';
let appletDir = '';
let setupError: Error | null = null;
let programsBefore: string[] = [];

function signalNumber(name: string): number {
  return (os.constants.signals as Record<string, number | undefined>)[name] ?? -1;
}

// Every entry under dir, sorted: "path type mode content-hash-or-link-target".
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, r);
      const st = fs.lstatSync(full);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out.push(`${r} link ${mode} -> ${fs.readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.push(`${r} dir ${mode}`);
        walk(r);
      } else if (st.isFile()) out.push(`${r} file ${mode} ${st.size} ${sha256(fs.readFileSync(full))}`);
      else out.push(`${r} other ${mode}`);
    }
  };
  walk('');
  return out;
}

// UTF-8 when the bytes are valid UTF-8 (biome and esbuild draw with box characters: readable diffs), else
// latin1 behind a marker. Both decodings are one-to-one, and the marker starts with a lone surrogate, which no
// UTF-8 decoding yields, so two outputs give equal strings exactly when their bytes are equal.
const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeOutput(bytes: Buffer | null | undefined): string {
  if (!bytes || bytes.length === 0) return '';
  try {
    return utf8.decode(bytes);
  } catch {
    return `\uD800[not UTF-8, shown as latin1] ${bytes.toString('latin1')}`;
  }
}

// The programs' own files (sysroot, npm packages): path, type, size and mtime of each. No run may change them.
function programFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const st = fs.lstatSync(full);
      out.push(`${path.relative(cacheDir, full)} ${st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : st.size} ${st.mtimeMs}`);
      if (st.isDirectory()) walk(full);
    }
  };
  walk(sysroot);
  walk(path.join(cacheDir, 'npm'));
  return out;
}

function applyNormalize(c: RealCase, text: string): string {
  for (const n of c.normalize ?? []) text = text.replace(n.pattern, n.replacement);
  return text;
}

function runOnce(c: RealCase, engine: 'qemu' | 'a64play'): RunResult {
  const work = path.join(tmpRoot, 'work', c.name);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
    fs.writeFileSync(path.join(work, rel), content);
  }
  const prog = programs[c.program];
  const progArgs = [...(prog.dynamic || c.withSysroot ? ['-L', sysroot] : []), prog.file, ...c.args];
  const PATH = c.withSysroot ? `${appletDir}:${path.join(sysroot, 'usr', 'bin')}` : appletDir;
  const [command, args] = engine === 'qemu' ? [qemu as string, progArgs] : [process.execPath, [a64play, ...progArgs]];
  const timeout = c.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const res = spawnSync(command, args, {
    cwd: work,
    env: { PATH, LANG: 'C', TZ: 'UTC', HOME: work, ...(c.env ?? {}) },
    input: c.stdin ?? '',
    timeout,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  let status: number | string;
  if (res.error) {
    const code = (res.error as NodeJS.ErrnoException).code;
    status = code === 'ETIMEDOUT' ? `timed out after ${timeout} ms` : `could not run: ${res.error.message}`;
  } else if (res.signal) {
    status = 128 + signalNumber(res.signal);
  } else {
    status = res.status ?? 'no status';
  }
  const result: RunResult = {
    stdout: applyNormalize(c, decodeOutput(res.stdout)),
    stderr: applyNormalize(c, decodeOutput(res.stderr)),
    status,
    files: snapshot(work),
  };
  if (dumpDir) {
    fs.mkdirSync(dumpDir, { recursive: true });
    const base = path.join(dumpDir, `${c.name}.${engine}`);
    fs.writeFileSync(`${base}.stdout`, res.stdout ?? '');
    fs.writeFileSync(`${base}.stderr`, res.stderr ?? '');
    fs.writeFileSync(`${base}.status`, `${status}\n`);
    fs.writeFileSync(`${base}.files`, result.files.join('\n') + '\n');
  }
  return result;
}

describe('real programs', () => {
  beforeAll(() => {
    // CI must have installed everything through .ci/run: only check there. Locally, fetch what is missing.
    const res = spawnSync('bash', [setupScript, ...(inCI ? ['--check'] : [])], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15 * 60_000,
    });
    if (res.status !== 0) {
      setupError = new Error(
        `tests/real/setup.sh${inCI ? ' --check' : ''} failed (status ${res.status ?? res.signal}):\n${res.stderr}${res.stdout}`,
      );
      return;
    }
    tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'a64play-real-'));
    appletDir = path.join(tmpRoot, 'applets');
    fs.mkdirSync(appletDir);
    for (const applet of APPLETS) fs.symlinkSync(programs.busybox.file, path.join(appletDir, applet));
    programsBefore = programFiles();
  }, 16 * 60_000);

  afterAll(() => {
    if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  });

  it('has a consistent case list', () => {
    const names = new Set<string>();
    for (const c of cases) {
      expect(names.has(c.name), `duplicate case ${c.name}`).toBe(false);
      names.add(c.name);
      if (c.handWritten) expect(c.status, `${c.name}: the hand-written result carries the status`).toBeUndefined();
    }
  });

  for (const c of cases) {
    const runs = c.handWritten ? 1 : 2;
    it(
      `${c.name}: ${c.program} ${c.handWritten ? '(hand-written expectation)' : '(vs qemu-aarch64)'}`,
      () => {
        if (setupError) throw setupError;
        let expected: Outcome | RunResult;
        if (c.handWritten) {
          expected = c.handWritten.expected;
        } else {
          if (!qemu) throw new Error('qemu-aarch64 is not installed (apt-get install qemu-user): it is the reference');
          const reference = runOnce(c, 'qemu');
          // A reference that failed in a way the case does not expect (a library missing, qemu lacking
          // something) would make the comparison meaningless.
          expect(reference.status, `qemu-aarch64 reference run of ${c.name}; stderr:\n${reference.stderr}`).toBe(c.status ?? 0);
          expected = reference;
        }
        const actual = runOnce(c, 'a64play');
        if (c.handWritten) {
          const { files: _files, ...outcome } = actual;
          expect(outcome).toEqual(expected);
        } else {
          expect(actual).toEqual(expected);
        }
      },
      runs * (c.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 10_000,
    );
  }

  // Runs after the cases (a describe block's tests run in order): neither side may have written into the
  // programs' files (a -L prefix is read-only by intent; a stray __pycache__ would change later runs).
  it('left the sysroot and the npm packages as setup.sh unpacked them', () => {
    if (setupError) throw setupError;
    expect(programFiles()).toEqual(programsBefore);
  });
});
