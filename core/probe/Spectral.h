#pragma once

#include <Eigen/Core>

#include <vector>

namespace qks {

// Participation ratio of a key matrix K, PR = (Σσ)² / Σσ² over its singular values σ: how many
// directions the keys effectively use, from 1 (one direction) to d_k (all equally).
//
// By convention PR is 0 when every σ is 0: a zero key matrix has no spectrum, and 0 keeps the
// value finite so it can be plotted and averaged without turning the layer mean into NaN.

// From the symmetric d_k×d_k Gram matrix KᵀK (σ² = λ), which is all the probe moves off the
// device: eigenvalues only, float64. Only the lower triangle of the column-major array is read,
// so a symmetric matrix in either storage order works. Rounding makes the eigenvalues of a
// rank-deficient Gram slightly negative; they are clamped to 0 before the square root.
double participationRatioFromGram(const double* gram, int dk);

// Eigenvectors of the symmetric d_k×d_k Gram KᵀK, one per column (lower triangle read).
Eigen::MatrixXd gramEigenvectors(const double* gram, int dk);

// The probe's path in full: eigenvectors V of KᵀK, then σ_i = ‖K·v_i‖. Squaring the spectrum
// in KᵀK leaves singular values below ~1e-8·σ_max as rounding noise (a rank-deficient K would
// gain ~1e-7 relative PR); projecting K onto V recovers them, so the result agrees with an SVD
// of K to ~1e-12 while costing one more d_k-wide product, not an SVD of the (B·T)×d_k matrix.
double participationRatioFromKeys(const Eigen::MatrixXd& K);

// From singular values directly (negative entries are a caller error and count by magnitude).
double participationRatioFromSingularValues(const std::vector<double>& sigma);

// The reference: singular values of K itself (Eigen's BDCSVD), as the published code did with
// torch.linalg.svdvals. Costs an SVD of the (B·T)×d_k matrix; tests and checks only.
double participationRatioBySvd(const Eigen::MatrixXd& K);

} // namespace qks
