#pragma once

#include "results/RunResults.h"
#include "results/SeedAggregate.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>
#include <utility>

namespace qks::gui {

// The x axis of the line figures. Tokens are always recorded; steps and wall time only in
// files our trainer wrote (extra keys "micro_steps" and "wall_time"), not in the published ones.
// A fraction of the run (tokens over the run's planned tokens, else its last probe's) puts
// studies of any length on one axis.
enum class XAxisKind { Tokens, Steps, WallTime, FractionOfRun };

// One x value per probe: tokens in millions, optimizer steps (micro-steps divided by the
// recorded gradient accumulation), or wall time in minutes. Empty when the run does not record it.
std::optional<QVector<double>> probeXValues(const RunResults& r, XAxisKind kind);

// (x, y) per probe with a value; null losses (the probe at 0 tokens) and non-finite values are left out.
QVector<QPointF> lossPoints(const RunResults& r, const QVector<double>& x, bool validation);
QVector<QPointF> meanPrPoints(const RunResults& r, const QVector<double>& x);
QVector<QPointF> gammaCvPoints(const RunResults& r, int layer, const QVector<double>& x);

// A band over seeds: (x, lower) and (x, upper) at each probe with a 95% interval (two seeds or
// more there); empty without any.
std::pair<QVector<QPointF>, QVector<QPointF>> bandPoints(const ProbeEstimates& estimates, const QVector<double>& x);

// The lowest point (the earliest on a tie), if any.
std::optional<QPointF> minimumPoint(const QVector<QPointF>& points);

// The probe whose token count is the largest not above `tokens` (the first probe if none is).
int probeAtOrBefore(const RunResults& r, int64_t tokens);

// The probe whose token count is nearest to `tokens` (the earlier one on a tie).
int probeNearest(const RunResults& r, int64_t tokens);

// Layer PR of each layer at one probe (NaN where missing).
QVector<double> layerPrAt(const RunResults& r, int probe);

// Study figure 4: per layer, Δ(A−B) = PR(learned γ) − PR(frozen γ), the "γ effect", and
// Δ(B−C) = PR(frozen γ) − PR(no QK-norm), the "norm effect", at the probe with the given
// token count (the final checkpoint by default), with the mean absolute effect over layers.
struct CausalDecomposition {
    int64_t tokens = 0;
    QVector<double> gammaEffect;
    QVector<double> normEffect;
    double meanAbsGamma = 0.0;
    double meanAbsNorm = 0.0;
};
// Empty when the runs disagree on the layer count or share no token count.
std::optional<CausalDecomposition> causalDecomposition(const RunResults& learned, const RunResults& frozen,
                                                       const RunResults& none, std::optional<int64_t> tokens = {});

// γ-CV layers to draw by default: the study's 0, 8, 15, 23, 30 where they exist, else up to
// five layers spread evenly over the model.
QVector<int> defaultGammaCvLayers(int layerCount);

// A matrix for a heatmap, rows drawn top to bottom.
struct HeatmapData {
    QString title;
    QString rowAxis;             // e.g. "Layer"
    QString columnAxis;          // e.g. "Tokens"
    QString valueLabel;          // colour bar label, e.g. "Key PR"
    int rows = 0;
    int columns = 0;
    QVector<double> values;      // rows × columns, row-major; NaN = no value
    QStringList rowLabels;       // one per row
    QStringList columnLabels;    // one per column

    double at(int row, int column) const { return values[row * columns + column]; }
    bool isEmpty() const { return rows == 0 || columns == 0; }
    // Every finite value equal (frozen γ is 1 everywhere): a colour map would show nothing.
    bool isConstant() const;
    // At least one finite value.
    bool hasValues() const;
    QString constantNote;        // why it may be constant, for the message that replaces it
};

// Layer × checkpoint key PR.
HeatmapData prHeatmap(const RunResults& r);
// Layer × dimension γ at the end of training (QK only); empty when not written yet.
HeatmapData gammaFinalHeatmap(const RunResults& r);
// Layer × checkpoint mean γ, where our trainer recorded it (extra "gamma_mean"); else empty.
HeatmapData gammaMeanHeatmap(const RunResults& r);

// Token counts as the axes show them ("0", "7.9M").
QString tokensText(int64_t tokens);

} // namespace qks::gui
