// hello_cpp: libstdc++ basics: iostream, string, vector, map, sort, exceptions.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Shape {
    virtual ~Shape() = default;
    virtual std::string name() const = 0;
    virtual long area() const = 0;
};

struct Rect : Shape {
    long w, h;
    Rect(long w_, long h_) : w(w_), h(h_) {}
    std::string name() const override { return "rect"; }
    long area() const override { return w * h; }
};

struct Square : Rect {
    explicit Square(long s) : Rect(s, s) {}
    std::string name() const override { return "square"; }
};

class Tracker {
public:
    explicit Tracker(std::string n) : name_(std::move(n)) { ++live; }
    ~Tracker() { --live; std::cout << "  ~Tracker(" << name_ << ")\n"; }
    static int live;
private:
    std::string name_;
};
int Tracker::live = 0;

int parse_positive(const std::string &s)
{
    std::size_t pos = 0;
    int v = std::stoi(s, &pos);
    if (pos != s.size())
        throw std::invalid_argument("trailing junk in '" + s + "'");
    if (v <= 0)
        throw std::out_of_range("not positive: " + std::to_string(v));
    return v;
}

} // namespace

int main()
{
    std::cout << "Hello from C++!" << std::endl;

    std::string s = "The quick brown fox jumps over the lazy dog";
    std::vector<std::string> words;
    std::istringstream in(s);
    for (std::string w; in >> w;)
        words.push_back(w);
    std::cout << "words: " << words.size() << "\n";

    std::sort(words.begin(), words.end());
    for (const auto &w : words)
        std::cout << " [" << w << "]";
    std::cout << "\n";

    std::map<char, int> freq;
    for (char c : s)
        if (c != ' ')
            ++freq[static_cast<char>(std::tolower(static_cast<unsigned char>(c)))];
    std::cout << "distinct letters: " << freq.size() << "\n";
    for (const auto &kv : freq)
        if (kv.second > 1)
            std::cout << " " << kv.first << "=" << kv.second;
    std::cout << "\n";

    std::vector<long> v(1000);
    std::iota(v.begin(), v.end(), -500);
    std::sort(v.begin(), v.end(), [](long a, long b) {
        long ka = (a * 7919) % 1009, kb = (b * 7919) % 1009;
        return ka != kb ? ka < kb : a < b;
    });
    unsigned long acc = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
        acc = acc * 31 + static_cast<unsigned long>(v[i]);
    std::cout << "sorted checksum: " << acc << " first=" << v.front()
              << " last=" << v.back() << "\n";

    std::vector<std::unique_ptr<Shape>> shapes;
    shapes.push_back(std::make_unique<Rect>(3, 4));
    shapes.push_back(std::make_unique<Square>(5));
    shapes.push_back(std::make_unique<Rect>(10, 1));
    for (const auto &sh : shapes)
        std::cout << sh->name() << " area " << sh->area() << "\n";

    const char *inputs[] = {"42", "17x", "-3", "oops", "2147483648"};
    for (const char *txt : inputs) {
        try {
            Tracker t(txt);
            int val = parse_positive(txt);
            std::cout << "parsed " << val << "\n";
        } catch (const std::invalid_argument &e) {
            std::cout << "invalid_argument: " << e.what() << "\n";
        } catch (const std::out_of_range &e) {
            std::cout << "out_of_range: " << e.what() << "\n";
        }
    }
    std::cout << "live trackers: " << Tracker::live << "\n";

    try {
        std::vector<int> small(3);
        std::cout << small.at(7) << "\n";
    } catch (const std::exception &e) {
        std::cout << "caught std::exception from at(): "
                  << (std::string(e.what()).find("range") != std::string::npos ? "range error" : "other")
                  << "\n";
    }

    try {
        throw 12345;
    } catch (int x) {
        std::cout << "caught int " << x << "\n";
    }

    std::cout.setf(std::ios::fixed);
    std::cout.precision(3);
    std::cout << "pi ~ " << 3.14159265358979 << ", hex " << std::hex << 48879 << std::dec << "\n";
    std::cerr << "this line goes to std::cerr" << std::endl;
    return 0;
}
