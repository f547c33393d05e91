#pragma once

#include <cstdint>

namespace qks {

// The two passes of a softmax row that a plain loop does not vectorize here (the build targets
// any x86-64): the maximum, and the exponentials with their sum. AVX2 versions are picked at
// run time; results equal the plain loops' up to the expf's rounding and the sum's order.

// max_j x[j] (n ≥ 1). A NaN may be skipped here; it still reaches the sum through exp.
float maxOf(const float* x, int64_t n);
double maxOf(const double* x, int64_t n);

// x[j] = exp(x[j] − shift) for j < n, in place; returns their sum. The softmax's one
// transcendental pass: 8 lanes at a time through glibc's vector expf (libmvec, ≤ 4 ulp) on
// CPUs with AVX2, std::exp otherwise and for double.
float expShiftedSum(float* x, int64_t n, float shift);
double expShiftedSum(double* x, int64_t n, double shift);

// Whether the float versions run 8 lanes wide on this CPU.
bool softmaxMathIsVectorized();

} // namespace qks
