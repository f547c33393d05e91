#include "probe/Spectral.h"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

#include <algorithm>
#include <cmath>

namespace qks {

namespace {

template <typename Values>
double prFromSigma(const Values& sigma)
{
    double sum = 0.0, sumSq = 0.0;
    for (double s : sigma) {
        s = std::abs(s);
        sum += s;
        sumSq += s * s;
    }
    return sumSq > 0.0 ? sum * sum / sumSq : 0.0;
}

} // namespace

double participationRatioFromGram(const double* gram, int dk)
{
    if (dk <= 0)
        return 0.0;
    const Eigen::Map<const Eigen::MatrixXd> g(gram, dk, dk);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(g, Eigen::EigenvaluesOnly);
    if (solver.info() != Eigen::Success)
        return std::nan(""); // only for non-finite input: a NaN Gram has no spectrum to report
    std::vector<double> sigma;
    sigma.reserve(static_cast<size_t>(dk));
    for (Eigen::Index i = 0; i < solver.eigenvalues().size(); ++i)
        sigma.push_back(std::sqrt(std::max(solver.eigenvalues()[i], 0.0)));
    return prFromSigma(sigma);
}

Eigen::MatrixXd gramEigenvectors(const double* gram, int dk)
{
    const Eigen::Map<const Eigen::MatrixXd> g(gram, dk, dk);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(g, Eigen::ComputeEigenvectors);
    if (solver.info() != Eigen::Success)
        return Eigen::MatrixXd::Constant(dk, dk, std::nan(""));
    return solver.eigenvectors();
}

double participationRatioFromKeys(const Eigen::MatrixXd& K)
{
    if (K.size() == 0)
        return 0.0;
    const Eigen::MatrixXd gram = K.transpose() * K;
    const Eigen::MatrixXd projected = K * gramEigenvectors(gram.data(), static_cast<int>(gram.rows()));
    std::vector<double> sigma;
    for (Eigen::Index i = 0; i < projected.cols(); ++i)
        sigma.push_back(projected.col(i).norm());
    return prFromSigma(sigma);
}

double participationRatioFromSingularValues(const std::vector<double>& sigma)
{
    return prFromSigma(sigma);
}

double participationRatioBySvd(const Eigen::MatrixXd& K)
{
    if (K.size() == 0)
        return 0.0;
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(K); // no U, V: singular values only
    const Eigen::VectorXd s = svd.singularValues();
    return prFromSigma(std::vector<double>(s.data(), s.data() + s.size()));
}

} // namespace qks
