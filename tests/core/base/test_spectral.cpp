// Participation ratio: the Gram-eigenvalue path the probe uses agrees with an SVD of K, and
// known spectra give their exact PR.
//
// How close the Gram path can be: forming KᵀK squares the spectrum, so an eigenvalue is only
// known to about ε·λ_max (ε = 2.2e-16), i.e. a singular value to about sqrt(ε)·σ_max ≈
// 1.5e-8·σ_max. Well-conditioned keys therefore agree to ~1e-15, but every singular value near
// zero comes back as ~1e-8·σ_max of rounding noise. That bounds the agreement for exactly
// rank-deficient K (~1e-7 relative, measured) and for spectra reaching down to 1e-9·σ_max
// (~1e-9). Real key matrices sit far from both; the tolerances below follow this analysis.
#include "probe/Spectral.h"

#include <QtTest>

#include <Eigen/Dense>

#include <cmath>
#include <random>
#include <vector>

using namespace qks;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

MatrixXd gaussian(Eigen::Index rows, Eigen::Index cols, std::mt19937_64& rng)
{
    std::normal_distribution<double> n;
    MatrixXd m(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i)
            m(i, j) = n(rng);
    return m;
}

// `cols` orthonormal columns, from the QR of a Gaussian matrix.
MatrixXd orthonormal(Eigen::Index rows, Eigen::Index cols, std::mt19937_64& rng)
{
    Eigen::HouseholderQR<MatrixXd> qr(gaussian(rows, cols, rng));
    return qr.householderQ() * MatrixXd::Identity(rows, cols);
}

// A rows×d matrix whose singular values are exactly `sigma` (up to rounding): U·diag(σ)·Vᵀ.
MatrixXd withSingularValues(Eigen::Index rows, const std::vector<double>& sigma, std::mt19937_64& rng)
{
    const auto d = static_cast<Eigen::Index>(sigma.size());
    const VectorXd s = Eigen::Map<const VectorXd>(sigma.data(), d);
    return orthonormal(rows, d, rng) * s.asDiagonal() * orthonormal(d, d, rng).transpose();
}

double prFromGramOf(const MatrixXd& K)
{
    const MatrixXd gram = K.transpose() * K; // (d_k, d_k), what the probe computes on the device
    return participationRatioFromGram(gram.data(), static_cast<int>(K.cols()));
}

double relativeDifference(double a, double b)
{
    return std::abs(a - b) / std::abs(b);
}

} // namespace

class TestSpectral final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gramMatchesSvdOnGaussianKeys_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("dk");
        QTest::newRow("4096x128") << 4096 << 128;
        QTest::newRow("300x32") << 300 << 32;
        QTest::newRow("16384x64") << 16384 << 64;
        QTest::newRow("130x128") << 130 << 128; // barely tall: widely spread spectrum
        QTest::newRow("50x4") << 50 << 4;
    }
    void gramMatchesSvdOnGaussianKeys()
    {
        QFETCH(int, rows);
        QFETCH(int, dk);
        std::mt19937_64 rng(1000 + rows + dk);
        const MatrixXd K = gaussian(rows, dk, rng);
        const double svd = participationRatioBySvd(K);
        const double gram = prFromGramOf(K);
        QVERIFY2(relativeDifference(gram, svd) < 1e-9,
                 qPrintable(QString("gram %1 svd %2").arg(gram, 0, 'g', 17).arg(svd, 0, 'g', 17)));
        // A tall Gaussian matrix uses most of its directions; a PR near d_k proves the test
        // compares real spectra rather than two equally broken numbers.
        QVERIFY(svd > 0.3 * dk && svd <= dk);
        if (rows >= 100 * dk)
            QVERIFY(svd > 0.95 * dk);
    }

    void gramMatchesSvdOnIllConditionedKeys_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("dk");
        QTest::addColumn<double>("lowExp");
        QTest::addColumn<double>("tolerance");
        // Singular values log-spaced from 10^lowExp to 1e3 (U·diag·Vᵀ with random U, V).
        QTest::newRow("1e-6..1e3, 1000x128") << 1000 << 128 << -6.0 << 5e-9; // measured ~8e-10
        QTest::newRow("1e-6..1e3, 300x32") << 300 << 32 << -6.0 << 5e-9;
        QTest::newRow("1e-2..1e3, 2048x128") << 2048 << 128 << -2.0 << 1e-12; // resolvable: exact
    }
    void gramMatchesSvdOnIllConditionedKeys()
    {
        QFETCH(int, rows);
        QFETCH(int, dk);
        QFETCH(double, lowExp);
        QFETCH(double, tolerance);
        std::vector<double> sigma(static_cast<size_t>(dk));
        for (int i = 0; i < dk; ++i)
            sigma[static_cast<size_t>(i)] = std::pow(10.0, lowExp + (3.0 - lowExp) * i / (dk - 1));
        std::mt19937_64 rng(77 + dk);
        const MatrixXd K = withSingularValues(rows, sigma, rng);
        const double exact = participationRatioFromSingularValues(sigma);
        const double svd = participationRatioBySvd(K);
        const double gram = prFromGramOf(K);
        QVERIFY(relativeDifference(svd, exact) < 1e-12); // the construction and the reference
        QVERIFY2(relativeDifference(gram, svd) < tolerance,
                 qPrintable(QString("gram %1 svd %2").arg(gram, 0, 'g', 17).arg(svd, 0, 'g', 17)));
    }

    void gramMatchesSvdOnRankDeficientKeys()
    {
        std::mt19937_64 rng(5);
        // Rank 5 of 64 as a product of thin Gaussian factors.
        const MatrixXd K = gaussian(500, 5, rng) * gaussian(5, 64, rng);
        const double svd = participationRatioBySvd(K);
        const double gram = prFromGramOf(K);
        QVERIFY(svd > 1.0 && svd < 5.0 + 1e-9);
        // 59 zero singular values each come back as ~1e-8·σ_max of noise (header comment).
        QVERIFY2(relativeDifference(gram, svd) < 1e-6,
                 qPrintable(QString("gram %1 svd %2").arg(gram, 0, 'g', 17).arg(svd, 0, 'g', 17)));

        // Known spectrum 1..5 then zeros: PR = 15² / 55.
        std::vector<double> sigma(64, 0.0);
        for (int i = 0; i < 5; ++i)
            sigma[static_cast<size_t>(i)] = i + 1.0;
        const MatrixXd L = withSingularValues(400, sigma, rng);
        QVERIFY(std::abs(participationRatioBySvd(L) - 225.0 / 55.0) < 1e-12);
        QVERIFY(std::abs(prFromGramOf(L) - 225.0 / 55.0) < 1e-6);
    }

    // The probe's actual path (Gram eigenvectors, then σ = ‖K·v‖) meets 1e-9 everywhere,
    // including where the eigenvalues alone cannot.
    void probePathMatchesSvdWithin1e9_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("gaussian 4096x128") << "gaussian";
        QTest::newRow("ill-conditioned 1e-3..1e3") << "ill";
        QTest::newRow("rank 5 of 64") << "rank";
        QTest::newRow("rank 1 of 32") << "rank1";
    }
    void probePathMatchesSvdWithin1e9()
    {
        QFETCH(QString, kind);
        std::mt19937_64 rng(99);
        MatrixXd K;
        if (kind == "gaussian") {
            K = gaussian(4096, 128, rng);
        } else if (kind == "ill") {
            std::vector<double> sigma(128);
            for (int i = 0; i < 128; ++i)
                sigma[static_cast<size_t>(i)] = std::pow(10.0, -3.0 + 6.0 * i / 127); // condition 1e6
            K = withSingularValues(1000, sigma, rng);
        } else if (kind == "rank") {
            K = gaussian(500, 5, rng) * gaussian(5, 64, rng);
        } else {
            K = gaussian(300, 1, rng) * gaussian(1, 32, rng);
        }
        const double svd = participationRatioBySvd(K);
        const double probe = participationRatioFromKeys(K);
        QVERIFY2(relativeDifference(probe, svd) < 1e-9,
                 qPrintable(QString("probe path %1 svd %2 (eigenvalues alone %3)")
                                .arg(probe, 0, 'g', 17).arg(svd, 0, 'g', 17).arg(prFromGramOf(K), 0, 'g', 17)));
    }

    void knownSpectra()
    {
        // From singular values directly.
        QCOMPARE(participationRatioFromSingularValues({3, 3, 3, 3}), 4.0);
        QCOMPARE(participationRatioFromSingularValues({0, 0, 5}), 1.0);
        QCOMPARE(participationRatioFromSingularValues({2, 2, 0, 0}), 2.0);
        QCOMPARE(participationRatioFromSingularValues({1, 2, 3}), 36.0 / 14.0);
        QCOMPARE(participationRatioFromSingularValues(std::vector<double>(128, 0.7)), 128.0);

        // The same spectra through K and through its Gram.
        std::mt19937_64 rng(9);
        const int dk = 128;
        const MatrixXd allEqual = 2.5 * orthonormal(1000, dk, rng); // σ_i = 2.5 for all i
        QVERIFY(std::abs(prFromGramOf(allEqual) - dk) < 1e-9);
        QVERIFY(std::abs(participationRatioBySvd(allEqual) - dk) < 1e-9);

        std::vector<double> one(dk, 0.0);
        one[17] = 4.0;
        const MatrixXd single = withSingularValues(1000, one, rng);
        QVERIFY(std::abs(prFromGramOf(single) - 1.0) < 1e-6);
        QVERIFY(std::abs(participationRatioBySvd(single) - 1.0) < 1e-12);

        std::vector<double> two(dk, 0.0);
        two[3] = two[90] = 1.5;
        const MatrixXd pair = withSingularValues(1000, two, rng);
        QVERIFY(std::abs(prFromGramOf(pair) - 2.0) < 2e-6);
        QVERIFY(std::abs(participationRatioBySvd(pair) - 2.0) < 1e-12);

        // A diagonal Gram is its own spectrum: σ = (3, 4) -> 49 / 25.
        const double gram[4] = {9.0, 0.0, 0.0, 16.0};
        QCOMPARE(participationRatioFromGram(gram, 2), 49.0 / 25.0);
    }

    void scaleDoesNotChangePr()
    {
        std::mt19937_64 rng(3);
        const MatrixXd K = gaussian(600, 32, rng);
        const double pr = prFromGramOf(K);
        QVERIFY(relativeDifference(prFromGramOf(1e-3 * K), pr) < 1e-12);
        QVERIFY(relativeDifference(prFromGramOf(1e4 * K), pr) < 1e-12);
    }

    void roundingNegativeEigenvaluesAreClamped()
    {
        // diag(4, -1e-12, 0): the tiny negative eigenvalue is rounding, not an imaginary σ.
        const double gram[9] = {4.0, 0, 0, 0, -1e-12, 0, 0, 0, 0};
        const double pr = participationRatioFromGram(gram, 3);
        QVERIFY(!std::isnan(pr));
        QCOMPARE(pr, 1.0);
    }

    void zeroKeysHavePrZero()
    {
        const std::vector<double> zeros(64 * 64, 0.0);
        QCOMPARE(participationRatioFromGram(zeros.data(), 64), 0.0);
        QCOMPARE(participationRatioFromSingularValues(std::vector<double>(8, 0.0)), 0.0);
        QCOMPARE(participationRatioFromSingularValues({}), 0.0);
        QCOMPARE(participationRatioBySvd(MatrixXd::Zero(100, 16)), 0.0);
        QCOMPARE(participationRatioBySvd(MatrixXd()), 0.0);
        QCOMPARE(participationRatioFromGram(nullptr, 0), 0.0);
    }

    void onlyTheLowerTriangleIsRead()
    {
        std::mt19937_64 rng(21);
        const MatrixXd K = gaussian(200, 16, rng);
        MatrixXd gram = K.transpose() * K;
        const double pr = participationRatioFromGram(gram.data(), 16);
        gram.triangularView<Eigen::StrictlyUpper>().setConstant(1e6); // garbage above the diagonal
        QCOMPARE(participationRatioFromGram(gram.data(), 16), pr);
    }
};

QTEST_APPLESS_MAIN(TestSpectral)
#include "test_spectral.moc"
