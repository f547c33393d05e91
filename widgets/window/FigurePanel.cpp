#include "window/FigurePanel.h"

#include "charts/ChartBuilder.h"
#include "charts/HeatmapView.h"
#include "charts/InteractiveChartView.h"
#include "charts/SweepFigure.h"
#include "results/SweepSummary.h"
#include "store/RunStyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>

namespace qks::gui {

FigurePanel::FigurePanel(FigureKind kind, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    buildControls();
    if (isHeatmap(kind)) {
        m_heatmapView = new HeatmapView(this);
        layout->addWidget(m_heatmapView, 1);
    } else {
        m_chartView = new InteractiveChartView(this);
        layout->addWidget(m_chartView, 1);
    }
}

void FigurePanel::buildControls()
{
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    const auto notify = [this] { Q_EMIT optionsChanged(); };
    switch (m_kind) {
    case FigureKind::PerLayerPr:
    case FigureKind::CausalDecomposition: {
        bar->addWidget(new QLabel(tr("Checkpoint:"), this));
        m_checkpoint = new QSlider(Qt::Horizontal, this);
        m_checkpoint->setToolTip(tr("The checkpoint the bars show; the rightmost is the final one."));
        m_checkpoint->setMinimumWidth(240);
        bar->addWidget(m_checkpoint, 1);
        m_checkpointLabel = new QLabel(this);
        m_checkpointLabel->setMinimumWidth(110);
        bar->addWidget(m_checkpointLabel);
        connect(m_checkpoint, &QSlider::valueChanged, this, [this, notify](int v) {
            if (v >= 0 && v < m_checkpoints.size())
                m_checkpointLabel->setText(tr("%1 tokens").arg(tokensText(m_checkpoints[v])));
            notify();
        });
        break;
    }
    case FigureKind::GammaCv: {
        bar->addWidget(new QLabel(tr("Layers:"), this));
        m_layers = new QLineEdit(this);
        m_layers->setPlaceholderText(tr("default: 0, 8, 15, 23, 30"));
        m_layers->setToolTip(tr("Comma-separated layer numbers; empty for the study's choice."));
        m_layers->setMaximumWidth(260);
        bar->addWidget(m_layers);
        m_layersNote = new QLabel(this);
        m_layersNote->setObjectName(QStringLiteral("layers-note"));
        m_layersNote->setStyleSheet(QStringLiteral("color: #f85149;"));
        bar->addWidget(m_layersNote);
        bar->addStretch(1);
        connect(m_layers, &QLineEdit::editingFinished, this, notify);
        break;
    }
    case FigureKind::PrHeatmap:
    case FigureKind::GammaHeatmap: {
        bar->addWidget(new QLabel(tr("Run:"), this));
        m_run = new QComboBox(this);
        m_run->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        bar->addWidget(m_run);
        connect(m_run, &QComboBox::activated, this, notify);
        if (m_kind == FigureKind::GammaHeatmap) {
            m_gammaMode = new QComboBox(this);
            m_gammaMode->addItem(tr("Final γ (layer × dimension)"));
            m_gammaMode->addItem(tr("Mean γ over time (layer × checkpoint)"));
            m_gammaMode->setToolTip(tr("Mean γ over time is recorded by QK Studio runs, not by the published files."));
            bar->addWidget(m_gammaMode);
            connect(m_gammaMode, &QComboBox::activated, this, notify);
        }
        bar->addStretch(1);
        break;
    }
    case FigureKind::Sweep: {
        bar->addWidget(new QLabel(tr("Metric:"), this));
        m_sweepMetric = new QComboBox(this);
        m_sweepMetric->setObjectName(QStringLiteral("sweep-metric"));
        for (const std::string& metric : sweepMetricNames())
            m_sweepMetric->addItem(sweepMetricLabel(QString::fromStdString(metric)), QString::fromStdString(metric));
        bar->addWidget(m_sweepMetric);
        bar->addWidget(new QLabel(tr("Against:"), this));
        m_sweepKey = new QComboBox(this);
        m_sweepKey->setObjectName(QStringLiteral("sweep-key"));
        m_sweepKey->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_sweepKey->setToolTip(tr("The swept setting on the x axis; the other swept settings give one line each."));
        bar->addWidget(m_sweepKey);
        bar->addStretch(1);
        connect(m_sweepMetric, &QComboBox::activated, this, notify);
        connect(m_sweepKey, &QComboBox::activated, this, notify);
        break;
    }
    case FigureKind::Loss:
    case FigureKind::KeyPr:
        delete bar;
        return;
    }
    static_cast<QVBoxLayout*>(layout())->addLayout(bar);
}

QVector<int> parseLayerList(const QString& text, QStringList* invalid)
{
    // What is typed stays as typed: "-3", "3.5" or "abc" are named as not layers, never
    // rewritten into other numbers.
    QVector<int> layers;
    for (const QString& raw : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        bool ok = false;
        const int layer = part.toInt(&ok);
        if (ok && layer >= 0)
            layers.push_back(layer);
        else if (invalid)
            *invalid << part;
    }
    return layers;
}

FigureOptions FigurePanel::options() const
{
    FigureOptions o = m_global;
    if (m_checkpoint && m_checkpoint->value() >= 0 && m_checkpoint->value() < m_checkpoints.size() &&
        m_checkpoint->value() != m_checkpoints.size() - 1)
        o.checkpointTokens = m_checkpoints[m_checkpoint->value()];
    if (m_layers)
        o.gammaCvLayers = parseLayerList(m_layers->text(), nullptr);
    if (m_run && m_run->currentIndex() >= 0) {
        const QStringList key = m_run->currentData().toStringList();
        if (key.size() == 2) {
            o.heatmapStudy = key[0].toInt();
            o.heatmapTag = key[1];
        }
    }
    if (m_gammaMode)
        o.gammaOverTime = m_gammaMode->currentIndex() == 1;
    if (m_sweepMetric)
        o.sweepMetric = m_sweepMetric->currentData().toString();
    if (m_sweepKey)
        o.sweepKey = m_sweepKey->currentText();
    return o;
}

void FigurePanel::updateCheckpointChoices(const QVector<OpenStudy>& studies)
{
    if (!m_checkpoint)
        return;
    QVector<int64_t> tokens;
    for (const OpenStudy& s : studies) {
        for (const RunEntry& r : s.runs) {
            if (r.visible && r.ok())
                tokens.append(QVector<int64_t>(r.results->tokens.begin(), r.results->tokens.end()));
        }
    }
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    // Stay at the end while the run grows (live), else keep the chosen token count.
    const bool atEnd = m_checkpoints.isEmpty() || m_checkpoint->value() >= m_checkpoints.size() - 1;
    const int64_t chosen = m_checkpoints.isEmpty() ? 0 : m_checkpoints[std::clamp<qsizetype>(m_checkpoint->value(), 0, m_checkpoints.size() - 1)];
    m_checkpoints = tokens;
    QSignalBlocker block(m_checkpoint);
    m_checkpoint->setRange(0, std::max<int>(0, int(tokens.size()) - 1));
    int value = int(tokens.size()) - 1;
    if (!atEnd) {
        const auto it = std::lower_bound(tokens.begin(), tokens.end(), chosen);
        value = it == tokens.end() ? value : int(it - tokens.begin());
    }
    m_checkpoint->setValue(std::max(0, value));
    m_checkpoint->setEnabled(tokens.size() > 1);
    m_checkpointLabel->setText(tokens.isEmpty() ? QString() : tr("%1 tokens").arg(tokensText(tokens[m_checkpoint->value()])));
}

void FigurePanel::updateRunChoices(const QVector<OpenStudy>& studies)
{
    if (!m_run)
        return;
    const QVariant previous = m_run->currentData();
    QSignalBlocker block(m_run);
    m_run->clear();
    for (int s = 0; s < studies.size(); ++s) {
        for (const RunEntry& r : studies[s].runs) {
            if (!r.ok())
                continue;
            const QString text = studies.size() > 1 ? QStringLiteral("%1 — %2").arg(conditionLabel(r.tag), studies[s].name)
                                                    : conditionLabel(r.tag);
            m_run->addItem(text, QStringList{QString::number(s), r.tag});
        }
    }
    const int index = m_run->findData(previous);
    m_run->setCurrentIndex(index >= 0 ? index : 0);
}

// The swept keys of the open sweeps; the chosen one stays while it is still swept.
void FigurePanel::updateSweepKeys(const QVector<OpenStudy>& studies)
{
    if (!m_sweepKey)
        return;
    const QStringList keys = sweptKeys(openSweeps(studies));
    QStringList shown;
    for (int i = 0; i < m_sweepKey->count(); ++i)
        shown << m_sweepKey->itemText(i);
    if (keys == shown)
        return;
    const QString previous = m_sweepKey->currentText();
    QSignalBlocker block(m_sweepKey);
    m_sweepKey->clear();
    m_sweepKey->addItems(keys);
    m_sweepKey->setCurrentIndex(std::max(0, int(keys.indexOf(previous))));
}

void FigurePanel::refresh(const QVector<OpenStudy>& studies, const FigureOptions& global, const ChartTheme& theme)
{
    m_global = global;
    updateCheckpointChoices(studies);
    updateRunChoices(studies);
    updateSweepKeys(studies);
    const FigureOptions o = options();
    if (m_heatmapView) {
        m_heatmapView->setData(buildHeatmap(m_kind, studies, o), theme);
        return;
    }
    m_chartView->setFigure(buildChartFigure(m_kind, studies, o, theme, std::max(200, m_chartView->width())), true);
    if (m_layersNote) {
        // A layer the visible runs do not have is said, not silently left out.
        int layers = 0;
        for (const OpenStudy& s : studies)
            for (const RunEntry& r : s.runs)
                if (r.visible && r.ok())
                    layers = std::max(layers, int(r.results->layerCount()));
        QStringList missing;
        parseLayerList(m_layers->text(), &missing); // what is not a layer number at all
        for (int layer : o.gammaCvLayers)
            if (layers > 0 && layer >= layers)
                missing << QString::number(layer);
        m_layersNote->setText(missing.isEmpty()
                                  ? QString()
                                  : tr("No layer %1: the visible runs have layers 0–%2.").arg(missing.join(QStringLiteral(", "))).arg(std::max(0, layers - 1)));
    }
}

void FigurePanel::resetZoom()
{
    if (m_chartView)
        m_chartView->resetZoom();
}

} // namespace qks::gui
