#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace qks {

// Conclusions over several seeds (issue 22 §3): the mean of a metric with the half-width of its
// 95% confidence interval, and the same for differences paired by seed. sd is the sample
// standard deviation (n − 1); the interval is Student-t, mean ± t(0.975, n − 1)·sd/√n. With one
// seed there is no spread to speak of: sd and the interval are absent, not zero.
struct Estimate {
    double mean = 0.0;
    std::optional<double> sd;
    size_t n = 0;
    std::optional<std::pair<double, double>> ci95; // [lo, hi]
};

// Over the finite values; nothing when there is none.
std::optional<Estimate> estimate(const std::vector<double>& values);

// Values of `a` minus values of `b` for the seeds both have, in seed order.
std::vector<double> pairedDifferences(const std::map<int64_t, double>& a, const std::map<int64_t, double>& b);

// The 0.975 quantile of Student's t with `dof` degrees of freedom (dof ≥ 1).
double studentT975(size_t dof);

// {"mean", "sd", "n", "ci95": [lo, hi]}, nulls where absent; null for no estimate.
nlohmann::ordered_json estimateToJson(const std::optional<Estimate>& e);

} // namespace qks
