/* C11 atomics (stdatomic.h) on 8/16/32/64-bit objects with every memory
 * order: fetch_add/sub/and/or/xor, exchange, compare_exchange strong and
 * weak (success and failure), load/store, atomic_flag, fences; results are
 * checked against plain arithmetic and folded into a checksum.
 * Built twice: ext_atomics_lse (-march=armv8.1-a: inline LSE instructions
 * LDADD/LDCLR/LDEOR/LDSET/SWP/CAS) and ext_atomics_llsc (-march=armv8-a
 * -mno-outline-atomics: LDXR/STXR and LDAXR/STLXR loops). Single-threaded,
 * so the output is deterministic. */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t checksum = 0xcbf29ce484222325ull;
static int bad;

static void mix(uint64_t v) {
  for (int i = 0; i < 8; i++) {
    checksum ^= (v >> (8 * i)) & 0xff;
    checksum *= 0x100000001b3ull;
  }
}

#define CHECK(cond) do { if (!(cond)) { bad++; printf("FAIL line %d: %s\n", __LINE__, #cond); } } while (0)

/* One test body per width; ORD_* loop over the memory orders. */
#define DEFINE_TEST(NAME, T, AT)                                                              \
  static AT NAME##_obj;                                                                      \
  static void NAME(T seed) {                                                                 \
    static const memory_order rmw_orders[] = {memory_order_relaxed, memory_order_consume,    \
                                              memory_order_acquire, memory_order_release,    \
                                              memory_order_acq_rel, memory_order_seq_cst};   \
    static const memory_order load_orders[] = {memory_order_relaxed, memory_order_consume,   \
                                               memory_order_acquire, memory_order_seq_cst};  \
    static const memory_order store_orders[] = {memory_order_relaxed, memory_order_release,  \
                                                memory_order_seq_cst};                       \
    T model = seed;                                                                          \
    atomic_init(&NAME##_obj, seed);                                                          \
    for (int round = 0; round < 40; round++) {                                               \
      memory_order mo = rmw_orders[round % 6];                                               \
      T arg = (T)(seed * (T)(round + 3) + (T)round * (T)0x9e3779b97f4a7c15ull);             \
      T old;                                                                                 \
      old = atomic_fetch_add_explicit(&NAME##_obj, arg, mo);                                 \
      CHECK(old == model); model = (T)(model + arg); mix(old);                               \
      old = atomic_fetch_sub_explicit(&NAME##_obj, (T)(arg >> 1), mo);                       \
      CHECK(old == model); model = (T)(model - (T)(arg >> 1)); mix(old);                     \
      old = atomic_fetch_or_explicit(&NAME##_obj, (T)(arg << 3), mo);                        \
      CHECK(old == model); model = (T)(model | (T)(arg << 3)); mix(old);                     \
      old = atomic_fetch_and_explicit(&NAME##_obj, (T)~(arg >> 2), mo);                      \
      CHECK(old == model); model = (T)(model & (T)~(arg >> 2)); mix(old);                    \
      old = atomic_fetch_xor_explicit(&NAME##_obj, (T)(arg * 7), mo);                        \
      CHECK(old == model); model = (T)(model ^ (T)(arg * 7)); mix(old);                      \
      old = atomic_exchange_explicit(&NAME##_obj, (T)(model + 1), mo);                       \
      CHECK(old == model); model = (T)(model + 1); mix(old);                                 \
      /* compare_exchange: failure order may not be release/acq_rel nor stronger than mo */ \
      memory_order fo = (mo == memory_order_release || mo == memory_order_relaxed)           \
                            ? memory_order_relaxed                                           \
                            : (mo == memory_order_acq_rel ? memory_order_acquire : mo);      \
      T expected = (T)(model ^ 1);                                                           \
      _Bool ok = atomic_compare_exchange_strong_explicit(&NAME##_obj, &expected, arg, mo, fo); \
      CHECK(!ok && expected == model); mix(ok); mix(expected);                               \
      ok = atomic_compare_exchange_strong_explicit(&NAME##_obj, &expected, arg, mo, fo);     \
      CHECK(ok && expected == model); model = arg; mix(ok);                                  \
      expected = model;                                                                      \
      int tries = 0;                                                                         \
      while (!atomic_compare_exchange_weak_explicit(&NAME##_obj, &expected, (T)(model * 3), mo, fo)) \
        tries++;                                                                             \
      CHECK(tries < 100 && expected == model); model = (T)(model * 3);                       \
      expected = (T)(model + 5);                                                             \
      ok = atomic_compare_exchange_weak_explicit(&NAME##_obj, &expected, 0, mo, fo);         \
      CHECK(!ok && expected == model); mix(expected);                                        \
      atomic_store_explicit(&NAME##_obj, (T)(model + (T)round), store_orders[round % 3]);   \
      model = (T)(model + (T)round);                                                         \
      T l = atomic_load_explicit(&NAME##_obj, load_orders[round % 4]);                       \
      CHECK(l == model); mix(l);                                                             \
      /* the plain operators are seq_cst read-modify-writes */                               \
      T pre = NAME##_obj++;                                                                  \
      CHECK(pre == model); model++;                                                          \
      T post = (NAME##_obj += arg);                                                          \
      model = (T)(model + arg); CHECK(post == model); mix(post);                             \
      post = (NAME##_obj ^= seed);                                                           \
      model = (T)(model ^ seed); CHECK(post == model); mix(post);                            \
    }                                                                                        \
    printf("%-6s seed %20llu final %20llu\n", #NAME, (unsigned long long)seed,              \
           (unsigned long long)atomic_load(&NAME##_obj));                                    \
  }

DEFINE_TEST(u8, uint8_t, _Atomic uint8_t)
DEFINE_TEST(i16, int16_t, _Atomic int16_t)
DEFINE_TEST(u32, uint32_t, _Atomic uint32_t)
DEFINE_TEST(u64, uint64_t, _Atomic uint64_t)

static _Atomic(int *) ptr;
static int cells[4];
static atomic_flag flag = ATOMIC_FLAG_INIT;
static _Atomic long counter;

int main(void) {
  printf("lock-free: char %d short %d int %d long %d llong %d pointer %d\n", ATOMIC_CHAR_LOCK_FREE,
         ATOMIC_SHORT_LOCK_FREE, ATOMIC_INT_LOCK_FREE, ATOMIC_LONG_LOCK_FREE, ATOMIC_LLONG_LOCK_FREE,
         ATOMIC_POINTER_LOCK_FREE);
  printf("is_lock_free u64 %d\n", (int)atomic_is_lock_free(&u64_obj));
  u8(0xa5);
  u8(3);
  i16(-12345);
  i16(777);
  u32(0xdeadbeefu);
  u32(17);
  u64(0x0123456789abcdefull);
  u64(0xfedcba9876543210ull);

  /* Pointers: exchange and CAS on an _Atomic(int *). */
  atomic_store(&ptr, &cells[0]);
  int *old = atomic_exchange(&ptr, &cells[1]);
  CHECK(old == &cells[0]);
  int *exp = &cells[2];
  CHECK(!atomic_compare_exchange_strong(&ptr, &exp, &cells[3]) && exp == &cells[1]);
  CHECK(atomic_compare_exchange_strong(&ptr, &exp, &cells[3]));
  int *p = atomic_fetch_add(&ptr, 0);
  printf("pointer ends at cell %d\n", (int)(p - cells));

  /* atomic_flag */
  int t1 = atomic_flag_test_and_set(&flag);
  int t2 = atomic_flag_test_and_set_explicit(&flag, memory_order_acquire);
  atomic_flag_clear_explicit(&flag, memory_order_release);
  int t3 = atomic_flag_test_and_set_explicit(&flag, memory_order_relaxed);
  printf("flag: %d %d %d\n", t1, t2, t3);

  /* fences and a counting loop */
  for (long i = 0; i < 10000; i++) {
    atomic_fetch_add_explicit(&counter, i, memory_order_relaxed);
    if ((i & 1023) == 0) {
      atomic_thread_fence(memory_order_seq_cst);
      atomic_signal_fence(memory_order_acq_rel);
    }
  }
  atomic_thread_fence(memory_order_acquire);
  atomic_thread_fence(memory_order_release);
  printf("counter %ld\n", atomic_load(&counter));
  CHECK(atomic_load(&counter) == 10000L * 9999 / 2);

  printf("checksum %016llx\n", (unsigned long long)checksum);
  printf("%s\n", bad ? "FAIL" : "PASS");
  return bad ? 1 : 0;
}
