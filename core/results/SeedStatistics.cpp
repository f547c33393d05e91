#include "results/SeedStatistics.h"

#include <cmath>
#include <limits>

namespace qks {

namespace {

// The regularized incomplete beta function I_x(a, b), by its continued fraction (modified
// Lentz), valid for x < (a + 1) / (a + b + 2); the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) covers
// the rest.
double incompleteBetaFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    d = 1.0 / (std::abs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m <= 500; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + aa * d;
        d = 1.0 / (std::abs(d) < tiny ? tiny : d);
        c = 1.0 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + aa * d;
        d = 1.0 / (std::abs(d) < tiny ? tiny : d);
        c = 1.0 + aa / c;
        c = std::abs(c) < tiny ? tiny : c;
        const double step = d * c;
        h *= step;
        if (std::abs(step - 1.0) < 1e-15)
            break;
    }
    return h;
}

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
                                  b * std::log1p(-x));
    if (x < (a + 1.0) / (a + b + 2.0))
        return front * incompleteBetaFraction(a, b, x) / a;
    return 1.0 - front * incompleteBetaFraction(b, a, 1.0 - x) / b;
}

// P(T ≤ t) for Student's t with ν degrees of freedom, t ≥ 0.
double studentCdf(double t, double nu)
{
    return 1.0 - 0.5 * regularizedIncompleteBeta(nu / 2.0, 0.5, nu / (nu + t * t));
}

} // namespace

double studentT975(size_t dof)
{
    if (dof == 0)
        return std::numeric_limits<double>::quiet_NaN();
    // Bisection on the CDF: monotone, and 200 halvings of [0, 1000] reach double precision.
    const double nu = double(dof);
    double lo = 0.0, hi = 1000.0;
    for (int i = 0; i < 200 && hi - lo > 1e-14 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (studentCdf(mid, nu) < 0.975 ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

std::optional<Estimate> estimate(const std::vector<double>& values)
{
    std::vector<double> finite;
    for (double v : values)
        if (std::isfinite(v))
            finite.push_back(v);
    if (finite.empty())
        return std::nullopt;
    Estimate e;
    e.n = finite.size();
    double sum = 0.0;
    for (double v : finite)
        sum += v;
    e.mean = sum / double(e.n);
    if (e.n < 2)
        return e;
    double squares = 0.0; // two passes: no cancellation for values far from zero
    for (double v : finite)
        squares += (v - e.mean) * (v - e.mean);
    e.sd = std::sqrt(squares / double(e.n - 1));
    const double half = studentT975(e.n - 1) * *e.sd / std::sqrt(double(e.n));
    e.ci95 = std::make_pair(e.mean - half, e.mean + half);
    return e;
}

std::vector<double> pairedDifferences(const std::map<int64_t, double>& a, const std::map<int64_t, double>& b)
{
    std::vector<double> out;
    for (const auto& [seed, value] : a) {
        const auto other = b.find(seed);
        if (other != b.end())
            out.push_back(value - other->second);
    }
    return out;
}

nlohmann::ordered_json estimateToJson(const std::optional<Estimate>& e)
{
    if (!e)
        return nullptr;
    nlohmann::ordered_json j;
    j["mean"] = e->mean;
    j["sd"] = e->sd ? nlohmann::ordered_json(*e->sd) : nlohmann::ordered_json(nullptr);
    j["n"] = e->n;
    j["ci95"] = e->ci95 ? nlohmann::ordered_json::array({e->ci95->first, e->ci95->second})
                        : nlohmann::ordered_json(nullptr);
    return j;
}

} // namespace qks
