#include "kernels/SoftmaxMath.h"

#include <cmath>

#if defined(QKS_HAVE_LIBMVEC) && defined(__x86_64__)
#include <immintrin.h>
#define QKS_LIBMVEC_AVX2 1
// glibc's AVX2 expf over 8 lanes (the vector function ABI name 'd' = AVX2, N8 = 8 lanes).
extern "C" __m256 _ZGVdN8v_expf(__m256 x);
#endif

namespace qks {

namespace {

template <typename T>
T maxOfScalar(const T* x, int64_t n)
{
    T max = x[0];
    for (int64_t j = 1; j < n; ++j)
        max = x[j] > max ? x[j] : max;
    return max;
}

template <typename T>
T expShiftedSumScalar(T* x, int64_t n, T shift)
{
    T sum = 0;
    for (int64_t j = 0; j < n; ++j) {
        x[j] = std::exp(x[j] - shift);
        sum += x[j];
    }
    return sum;
}

#ifdef QKS_LIBMVEC_AVX2
__attribute__((target("avx2,fma"))) float maxOfAvx2(const float* x, int64_t n)
{
    if (n < 8)
        return maxOfScalar(x, n);
    __m256 acc = _mm256_loadu_ps(x);
    int64_t j = 8;
    for (; j + 8 <= n; j += 8)
        acc = _mm256_max_ps(_mm256_loadu_ps(x + j), acc);
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, acc);
    float max = maxOfScalar(lanes, 8);
    for (; j < n; ++j)
        max = x[j] > max ? x[j] : max;
    return max;
}

__attribute__((target("avx2,fma"))) float expShiftedSumAvx2(float* x, int64_t n, float shift)
{
    const __m256 s = _mm256_set1_ps(shift);
    __m256 acc = _mm256_setzero_ps();
    int64_t j = 0;
    for (; j + 8 <= n; j += 8) {
        const __m256 e = _ZGVdN8v_expf(_mm256_sub_ps(_mm256_loadu_ps(x + j), s));
        _mm256_storeu_ps(x + j, e);
        acc = _mm256_add_ps(acc, e);
    }
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, acc);
    float sum = 0;
    for (float lane : lanes)
        sum += lane;
    return sum + expShiftedSumScalar(x + j, n - j, shift);
}
#endif

} // namespace

bool softmaxMathIsVectorized()
{
#ifdef QKS_LIBMVEC_AVX2
    static const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return avx2;
#else
    return false;
#endif
}

float maxOf(const float* x, int64_t n)
{
#ifdef QKS_LIBMVEC_AVX2
    if (softmaxMathIsVectorized())
        return maxOfAvx2(x, n);
#endif
    return maxOfScalar(x, n);
}

double maxOf(const double* x, int64_t n)
{
    return maxOfScalar(x, n);
}

float expShiftedSum(float* x, int64_t n, float shift)
{
#ifdef QKS_LIBMVEC_AVX2
    if (softmaxMathIsVectorized())
        return expShiftedSumAvx2(x, n, shift);
#endif
    return expShiftedSumScalar(x, n, shift);
}

double expShiftedSum(double* x, int64_t n, double shift)
{
    return expShiftedSumScalar(x, n, shift);
}

} // namespace qks
