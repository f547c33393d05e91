#include "window/SplitView.h"

#include "charts/ChartBuilder.h"
#include "charts/InteractiveChartView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qks::gui {

SplitView::SplitView(QWidget* parent)
    : QWidget(parent)
    , m_figure(new QComboBox(this))
    , m_leftStudy(new QComboBox(this))
    , m_rightStudy(new QComboBox(this))
    , m_linked(new QCheckBox(tr("Link axes"), this))
    , m_left(new InteractiveChartView(this))
    , m_right(new InteractiveChartView(this))
{
    for (FigureKind kind : {FigureKind::KeyPr, FigureKind::Loss, FigureKind::GammaCv, FigureKind::PerLayerPr,
                            FigureKind::CausalDecomposition})
        m_figure->addItem(figureDisplayName(kind), int(kind));

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(6, 4, 6, 0);
    controls->addWidget(new QLabel(tr("Figure:"), this));
    controls->addWidget(m_figure);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("Left:"), this));
    controls->addWidget(m_leftStudy, 1);
    controls->addWidget(new QLabel(tr("Right:"), this));
    controls->addWidget(m_rightStudy, 1);
    m_linked->setChecked(true);
    m_linked->setToolTip(tr("Both sides show the same ranges, and zooming one zooms the other."));
    controls->addWidget(m_linked);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_left);
    splitter->addWidget(m_right);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    for (QComboBox* box : {m_figure, m_leftStudy, m_rightStudy})
        connect(box, &QComboBox::activated, this, &SplitView::choicesChanged);
    connect(m_linked, &QCheckBox::toggled, this, &SplitView::choicesChanged);
    link(m_left, m_right);
    link(m_right, m_left);
}

void SplitView::link(InteractiveChartView* from, InteractiveChartView* to)
{
    connect(from, &InteractiveChartView::rangeChanged, this, [this, to](QRectF range) {
        if (m_linking || range.isNull() || !m_linked->isChecked())
            return;
        m_linking = true;
        to->setXRange(range.left(), range.right());
        to->setYRange(range.top(), range.bottom());
        m_linking = false;
    });
}

void SplitView::fillStudyChoices(const QVector<OpenStudy>& studies)
{
    for (QComboBox* box : {m_leftStudy, m_rightStudy}) {
        const int previous = box->currentIndex();
        QSignalBlocker block(box);
        box->clear();
        for (const OpenStudy& s : studies)
            box->addItem(s.name, s.path);
        box->setCurrentIndex(previous >= 0 && previous < studies.size() ? previous : -1);
    }
    // Default: the first two studies, or the same one twice.
    if (m_leftStudy->currentIndex() < 0 && !studies.isEmpty())
        m_leftStudy->setCurrentIndex(0);
    if (m_rightStudy->currentIndex() < 0 && !studies.isEmpty())
        m_rightStudy->setCurrentIndex(studies.size() > 1 ? 1 : 0);
}

void SplitView::setStudies(int left, int right)
{
    m_leftStudy->setCurrentIndex(left);
    m_rightStudy->setCurrentIndex(right);
    Q_EMIT choicesChanged();
}

void SplitView::refresh(const QVector<OpenStudy>& studies, const FigureOptions& global, const ChartTheme& theme)
{
    fillStudyChoices(studies);
    const auto kind = FigureKind(m_figure->currentData().toInt());
    const auto one = [&](int index) {
        QVector<OpenStudy> only;
        if (index >= 0 && index < studies.size())
            only.push_back(studies[index]);
        return only;
    };
    BuiltFigure left = buildChartFigure(kind, one(m_leftStudy->currentIndex()), global, theme, m_left->width());
    BuiltFigure right = buildChartFigure(kind, one(m_rightStudy->currentIndex()), global, theme, m_right->width());
    // Each side names its study: the two charts are otherwise alike.
    if (m_leftStudy->currentIndex() >= 0)
        setFigureTitle(left, left.title + QStringLiteral(" — ") + m_leftStudy->currentText(), theme);
    if (m_rightStudy->currentIndex() >= 0)
        setFigureTitle(right, right.title + QStringLiteral(" — ") + m_rightStudy->currentText(), theme);
    // Linking a 786K-token study to a 50M-token one squeezes the short one into a sliver: when
    // the x extents differ by more than 10×, turn linking off once for this pair (the user may
    // turn it back on).
    const QString pair = m_leftStudy->currentData().toString() + QLatin1Char('|') +
                         m_rightStudy->currentData().toString() + QLatin1Char('|') +
                         QString::number(int(kind)) + QLatin1Char('|') + QString::number(int(global.xAxis));
    if (pair != m_autoLinkChecked && !left.home.isNull() && !right.home.isNull() && left.lineFigure) {
        m_autoLinkChecked = pair;
        const double a = std::abs(rawX(left, left.home.right())), b = std::abs(rawX(right, right.home.right()));
        const bool far = std::min(a, b) <= 0 || std::max(a, b) / std::min(a, b) > 10.0;
        if (far && m_linked->isChecked()) {
            QSignalBlocker block(m_linked);
            m_linked->setChecked(false);
        }
        m_linked->setToolTip(far ? tr("Off: the two studies' x ranges differ by more than 10×, so linked axes "
                                      "would squeeze the shorter one. Tick to link them anyway.")
                                 : tr("Both sides show the same ranges, and zooming one zooms the other."));
    }
    // Linked, both sides start from the range that holds both studies, aligned on tokens.
    if (m_linked->isChecked()) {
        const QRectF shared =
            left.home.isNull() ? right.home : right.home.isNull() ? left.home : left.home.united(right.home);
        left.home = shared;
        right.home = shared;
    }
    m_linking = true;
    m_left->setFigure(std::move(left));
    m_right->setFigure(std::move(right));
    m_left->resetZoom();
    m_right->resetZoom();
    m_linking = false;
}

void SplitView::setLinked(bool linked)
{
    m_linked->setChecked(linked);
}

void SplitView::resetZoom()
{
    m_left->resetZoom();
}

} // namespace qks::gui
