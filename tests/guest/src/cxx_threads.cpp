// cxx_threads: the C++ thread library over the kernel's threads and futexes.
// std::thread (with arguments, moved-in state, hardware_concurrency only
// compared), std::mutex / lock_guard / unique_lock / scoped_lock,
// std::condition_variable (a work queue with a shutdown flag, wait_for timing
// out, wait with a predicate), std::async (async and deferred policies),
// std::promise / std::future / std::shared_future / std::packaged_task,
// exceptions thrown in threads and carried out through std::exception_ptr and
// future::get(), broken promises, std::call_once (also when the first call
// throws), std::shared_mutex, std::atomic, and thread_local objects whose
// constructors and destructors run once per thread (and for the main thread
// at exit, after main returns).
//
// Output is deterministic: threads record into per-thread slots or into
// mutex-protected lists that are sorted before printing; only the main
// thread prints (and the main thread's thread_local destructor, at exit).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <numeric>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

// ---- thread_local objects with constructors and destructors ----

static std::mutex log_mutex;
static std::vector<std::string> tl_log; // appended by constructors/destructors of worker threads

struct Tracker {
    int id = -1;
    int uses = 0;
    Tracker()
    {
        std::lock_guard<std::mutex> g(log_mutex);
        constructed++;
    }
    ~Tracker()
    {
        if (id == 0) {
            // the main thread's object: destroyed during exit(), after main returned
            std::printf("thread_local destructor for the main thread at exit: uses %d\n", uses);
            std::fflush(stdout);
            return;
        }
        std::lock_guard<std::mutex> g(log_mutex);
        destroyed++;
        tl_log.push_back("destroyed id " + std::to_string(id) + " after " + std::to_string(uses) + " uses");
    }
    static int constructed, destroyed;
};
int Tracker::constructed = 0;
int Tracker::destroyed = 0;

static thread_local Tracker tracker;
static thread_local int tl_counter = 100;

static void use_tracker(int id, int times)
{
    tracker.id = id;
    for (int i = 0; i < times; i++) {
        tracker.uses++;
        tl_counter++;
    }
}

static void test_thread_local()
{
    use_tracker(0, 3); // constructs the main thread's object
    std::vector<std::thread> ts;
    std::vector<int> counters(4);
    for (int i = 1; i <= 4; i++)
        ts.emplace_back([i, &counters] {
            use_tracker(i, i * 10);
            counters[i - 1] = tl_counter;
        });
    for (auto &t : ts)
        t.join();
    std::sort(tl_log.begin(), tl_log.end());
    std::printf("thread_local: constructed %d, destroyed %d (main's object still alive)\n", Tracker::constructed,
                Tracker::destroyed);
    for (auto &s : tl_log)
        std::printf("  %s\n", s.c_str());
    std::printf("  per-thread counters:");
    for (int c : counters)
        std::printf(" %d", c);
    std::printf("; main's counter %d\n", tl_counter);
}

// ---- std::thread basics ----

static void test_threads()
{
    std::vector<long> results(6);
    std::vector<std::thread> ts;
    for (int i = 0; i < 6; i++)
        ts.emplace_back(
            [](long n, long *out) {
                long s = 0;
                for (long k = 1; k <= n; k++)
                    s += k * k;
                *out = s;
            },
            1000L * (i + 1), &results[i]);
    for (auto &t : ts)
        t.join();
    std::printf("sums of squares:");
    for (long r : results)
        std::printf(" %ld", r);
    std::printf("\n");

    auto owned = std::make_unique<std::string>("moved into the thread");
    std::string seen;
    std::thread t([p = std::move(owned), &seen] { seen = *p; });
    std::thread::id tid = t.get_id();
    bool joinable = t.joinable();
    t.join();
    std::printf("%s; joinable before join %d, after %d; id differs from main %d\n", seen.c_str(), joinable,
                t.joinable(), tid != std::this_thread::get_id());
    try {
        t.join();
    } catch (const std::system_error &e) {
        std::printf("join twice: system_error %s\n", e.code() == std::errc::invalid_argument ? "invalid_argument" : "other");
    }
    std::thread d([] {});
    d.detach();
    std::printf("detached: joinable %d; hardware_concurrency >= 1: %d\n", d.joinable(),
                std::thread::hardware_concurrency() >= 1);
}

// ---- mutexes and a condition-variable work queue ----

static void test_queue()
{
    std::mutex m;
    std::condition_variable cv;
    std::deque<int> q;
    bool shutting_down = false;
    std::vector<long> per_worker(3);
    std::vector<int> handled(3);
    std::vector<std::thread> workers;
    for (int w = 0; w < 3; w++)
        workers.emplace_back([&, w] {
            for (;;) {
                std::unique_lock<std::mutex> lk(m);
                cv.wait(lk, [&] { return !q.empty() || shutting_down; });
                if (q.empty())
                    return;
                int v = q.front();
                q.pop_front();
                lk.unlock();
                per_worker[w] += v;
                handled[w]++;
            }
        });
    for (int i = 1; i <= 3000; i++) {
        {
            std::lock_guard<std::mutex> g(m);
            q.push_back(i);
        }
        cv.notify_one();
    }
    {
        std::lock_guard<std::mutex> g(m);
        shutting_down = true;
    }
    cv.notify_all();
    for (auto &t : workers)
        t.join();
    long total = std::accumulate(per_worker.begin(), per_worker.end(), 0L);
    int count = std::accumulate(handled.begin(), handled.end(), 0);
    std::printf("work queue: %d items handled, sum %ld (expect %ld), queue empty %d\n", count, total,
                3000L * 3001 / 2, q.empty());

    std::unique_lock<std::mutex> lk(m);
    auto t0 = std::chrono::steady_clock::now();
    std::cv_status st = cv.wait_for(lk, 30ms);
    auto waited = std::chrono::steady_clock::now() - t0;
    std::printf("wait_for 30 ms with nobody notifying: %s, waited >= 30 ms %d\n",
                st == std::cv_status::timeout ? "timeout" : "no_timeout", waited >= 30ms);
    bool pred = cv.wait_for(lk, 10ms, [] { return false; });
    std::printf("wait_for with a false predicate: %d\n", pred);
    lk.unlock();

    std::mutex a, b;
    long x = 0;
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; i++)
        ts.emplace_back([&, i] {
            for (int k = 0; k < 5000; k++) {
                if (i % 2) {
                    std::scoped_lock both(a, b); // deadlock-free in either order
                    x++;
                } else {
                    std::scoped_lock both(b, a);
                    x++;
                }
            }
        });
    for (auto &t : ts)
        t.join();
    std::printf("scoped_lock over two mutexes in opposite orders: %ld\n", x);
    std::timed_mutex tm;
    tm.lock();
    bool got = true;
    std::thread other([&] { got = tm.try_lock_for(20ms); });
    other.join();
    tm.unlock();
    std::printf("timed_mutex try_lock_for while held elsewhere: %d\n", got);
}

// ---- futures ----

static int square_or_throw(int v)
{
    if (v < 0)
        throw std::domain_error("negative input " + std::to_string(v));
    return v * v;
}

static void test_futures()
{
    std::vector<std::future<int>> fs;
    for (int i = 1; i <= 5; i++)
        fs.push_back(std::async(std::launch::async, square_or_throw, i));
    std::printf("async:");
    for (auto &f : fs)
        std::printf(" %d", f.get());
    std::printf("\n");

    std::thread::id caller = std::this_thread::get_id(), ran_on;
    auto deferred = std::async(std::launch::deferred, [&] {
        ran_on = std::this_thread::get_id();
        return 7;
    });
    std::future_status fst = deferred.wait_for(0ms);
    int dv = deferred.get();
    std::printf("deferred: status %s, value %d, ran on the calling thread %d\n",
                fst == std::future_status::deferred ? "deferred" : "other", dv, ran_on == caller);

    auto bad = std::async(std::launch::async, square_or_throw, -3);
    try {
        bad.get();
        std::printf("no exception?\n");
    } catch (const std::domain_error &e) {
        std::printf("exception from an async task: domain_error \"%s\"\n", e.what());
    }

    std::promise<std::string> p;
    std::future<std::string> pf = p.get_future();
    std::shared_future<std::string> sf = pf.share();
    std::vector<std::string> copies(3);
    std::vector<std::thread> readers;
    for (int i = 0; i < 3; i++)
        readers.emplace_back([&, i] { copies[i] = sf.get() + " #" + std::to_string(i); });
    std::this_thread::sleep_for(5ms);
    p.set_value("shared value");
    for (auto &t : readers)
        t.join();
    std::printf("shared_future: %s | %s | %s\n", copies[0].c_str(), copies[1].c_str(), copies[2].c_str());

    std::packaged_task<int(int, int)> task([](int a, int b) { return a * 100 + b; });
    std::future<int> tf = task.get_future();
    std::thread tt(std::move(task), 4, 2);
    tt.join();
    std::printf("packaged_task on a thread: %d\n", tf.get());

    std::future<int> broken;
    {
        std::promise<int> dropped;
        broken = dropped.get_future();
    }
    try {
        broken.get();
    } catch (const std::future_error &e) {
        std::printf("promise destroyed unset: future_error %s\n",
                    e.code() == std::future_errc::broken_promise ? "broken_promise" : "other");
    }

    std::promise<void> twice;
    twice.set_value();
    try {
        twice.set_value();
    } catch (const std::future_error &e) {
        std::printf("set_value twice: future_error %s\n",
                    e.code() == std::future_errc::promise_already_satisfied ? "promise_already_satisfied" : "other");
    }

    std::promise<int> slow;
    std::future<int> sfut = slow.get_future();
    std::future_status ws = sfut.wait_for(20ms);
    slow.set_value(1);
    std::printf("wait_for on an unset future: %s, then %d\n", ws == std::future_status::timeout ? "timeout" : "other",
                sfut.get());
}

// ---- exceptions carried between threads ----

static void test_exception_ptr()
{
    std::vector<std::exception_ptr> errors(4);
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; i++)
        ts.emplace_back([&errors, i] {
            try {
                switch (i) {
                case 0: throw std::runtime_error("runtime error in thread 0");
                case 1: throw std::out_of_range("out of range in thread 1");
                case 2: throw 42;
                default: std::vector<int>().at(5); // throws std::out_of_range from the library
                }
            } catch (...) {
                errors[i] = std::current_exception();
            }
        });
    for (auto &t : ts)
        t.join();
    for (int i = 0; i < 4; i++) {
        try {
            std::rethrow_exception(errors[i]);
        } catch (const std::out_of_range &e) {
            std::printf("thread %d: out_of_range%s\n", i, i == 1 ? (std::string(": ") + e.what()).c_str() : " (from at())");
        } catch (const std::exception &e) {
            std::printf("thread %d: exception: %s\n", i, e.what());
        } catch (int v) {
            std::printf("thread %d: int %d\n", i, v);
        }
    }

    // nested exceptions across a thread boundary
    std::exception_ptr nested;
    std::thread t([&] {
        try {
            try {
                throw std::invalid_argument("inner");
            } catch (...) {
                std::throw_with_nested(std::runtime_error("outer"));
            }
        } catch (...) {
            nested = std::current_exception();
        }
    });
    t.join();
    try {
        std::rethrow_exception(nested);
    } catch (const std::runtime_error &e) {
        std::printf("nested: %s", e.what());
        try {
            std::rethrow_if_nested(e);
        } catch (const std::invalid_argument &inner) {
            std::printf(" <- %s\n", inner.what());
        }
    }
}

// ---- call_once, shared_mutex, atomics ----

static void test_misc()
{
    std::once_flag flag;
    std::atomic<int> calls{0}, attempts{0};
    std::vector<std::thread> ts;
    for (int i = 0; i < 6; i++)
        ts.emplace_back([&] {
            try {
                std::call_once(flag, [&] {
                    int n = ++attempts;
                    if (n == 1)
                        throw std::runtime_error("first attempt fails");
                    ++calls;
                });
            } catch (const std::runtime_error &) {
            }
        });
    for (auto &t : ts)
        t.join();
    std::printf("call_once: attempts %d, successful calls %d\n", attempts.load(), calls.load());

    std::shared_mutex sm;
    std::atomic<int> readers_now{0}, max_readers{0};
    long value = 0;
    bool writer_saw_reader = false;
    ts.clear();
    for (int i = 0; i < 4; i++)
        ts.emplace_back([&] {
            for (int k = 0; k < 300; k++) {
                std::shared_lock<std::shared_mutex> r(sm);
                int n = ++readers_now;
                int m = max_readers.load();
                while (n > m && !max_readers.compare_exchange_weak(m, n)) {
                }
                --readers_now;
            }
        });
    for (int i = 0; i < 2; i++)
        ts.emplace_back([&] {
            for (int k = 0; k < 500; k++) {
                std::unique_lock<std::shared_mutex> w(sm);
                if (readers_now.load() != 0)
                    writer_saw_reader = true;
                value++;
            }
        });
    for (auto &t : ts)
        t.join();
    std::printf("shared_mutex: value %ld, a writer saw a reader %d\n", value, writer_saw_reader);

    std::atomic<long> sum{0};
    std::atomic<unsigned> bits{0};
    std::atomic_flag spin = ATOMIC_FLAG_INIT;
    long guarded = 0;
    ts.clear();
    for (int i = 0; i < 8; i++)
        ts.emplace_back([&, i] {
            for (int k = 0; k < 10000; k++) {
                sum.fetch_add(k, std::memory_order_relaxed);
                while (spin.test_and_set(std::memory_order_acquire)) {
                }
                guarded++;
                spin.clear(std::memory_order_release);
            }
            bits.fetch_or(1u << i);
        });
    for (auto &t : ts)
        t.join();
    std::printf("atomics: sum %ld (expect %ld), bits %#x, spinlock-guarded counter %ld\n", sum.load(),
                8L * (9999L * 10000 / 2), bits.load(), guarded);

    auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(15ms);
    std::printf("sleep_for 15 ms: slept at least that long %d\n", std::chrono::steady_clock::now() - t0 >= 15ms);
}

int main()
{
    std::setvbuf(stdout, nullptr, _IOFBF, 1 << 16);
    test_thread_local();
    test_threads();
    test_queue();
    test_futures();
    test_exception_ptr();
    test_misc();
    std::printf("main returns\n");
    return 0;
}
