#include "charts/InteractiveChartView.h"

#include "store/SeriesMath.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QLegend>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace qks::gui {

namespace {

std::pair<double, double> axisRange(QAbstractAxis* axis)
{
    if (auto* v = qobject_cast<QValueAxis*>(axis))
        return {v->min(), v->max()};
    if (auto* l = qobject_cast<QLogValueAxis*>(axis))
        return {l->min(), l->max()};
    return {0.0, 1.0};
}

QAbstractAxis* firstAxis(QChart* chart, Qt::Orientation o)
{
    const auto axes = chart->axes(o);
    return axes.isEmpty() ? nullptr : axes.first();
}

// The recorded point nearest to x (points sorted by x).
const QPointF* nearestByX(const QVector<QPointF>& points, double x)
{
    if (points.isEmpty())
        return nullptr;
    auto it = std::lower_bound(points.begin(), points.end(), x, [](const QPointF& p, double v) { return p.x() < v; });
    if (it == points.end())
        return &points.back();
    if (it != points.begin() && std::abs((it - 1)->x() - x) < std::abs(it->x() - x))
        --it;
    return &*it;
}

} // namespace

InteractiveChartView::InteractiveChartView(QWidget* parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_reduceTimer.setSingleShot(true);
    m_reduceTimer.setInterval(0);
    connect(&m_reduceTimer, &QTimer::timeout, this, &InteractiveChartView::reduce);
}

InteractiveChartView::~InteractiveChartView() = default;

void InteractiveChartView::setFigure(BuiltFigure figure, bool keepZoom)
{
    const bool zoomed = keepZoom && isZoomed() && figure.lineFigure && m_figure.lineFigure &&
                        figure.xTitle == m_figure.xTitle && figure.yTitle == m_figure.yTitle;
    const QRectF previous = visibleRange();
    QChart* old = chart();
    m_figure = std::move(figure);
    m_hiddenFromLegend.clear();
    setChart(m_figure.chart);
    delete old;
    setRubberBand(m_figure.lineFigure ? QChartView::RectangleRubberBand : QChartView::NoRubberBand);

    for (QLegendMarker* m : m_figure.chart->legend()->markers()) {
        if (!m->isVisible())
            m_hiddenFromLegend.insert(m->series());
    }
    connectLegend();
    connectHover();
    for (QAbstractAxis* axis : m_figure.chart->axes()) {
        if (auto* v = qobject_cast<QValueAxis*>(axis))
            connect(v, &QValueAxis::rangeChanged, this, &InteractiveChartView::axisRangeChanged);
        else if (auto* l = qobject_cast<QLogValueAxis*>(axis))
            connect(l, &QLogValueAxis::rangeChanged, this, &InteractiveChartView::axisRangeChanged);
    }
    if (zoomed) {
        setXRange(previous.left(), previous.right());
        setYRange(previous.top(), previous.bottom());
    }
    scheduleReduce();
}

QRectF InteractiveChartView::visibleRange() const
{
    if (!chart())
        return {};
    QAbstractAxis* x = firstAxis(chart(), Qt::Horizontal);
    QAbstractAxis* y = firstAxis(chart(), Qt::Vertical);
    if (!x || !y)
        return {};
    const auto [x0, x1] = axisRange(x);
    const auto [y0, y1] = axisRange(y);
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

bool InteractiveChartView::isZoomed() const
{
    const QRectF r = visibleRange();
    const QRectF h = m_figure.home;
    const auto differs = [](double a, double b) { return std::abs(a - b) > 1e-9 * std::max(1.0, std::abs(b)); };
    return !r.isNull() && (differs(r.left(), h.left()) || differs(r.right(), h.right()) ||
                           differs(r.top(), h.top()) || differs(r.bottom(), h.bottom()));
}

void InteractiveChartView::resetZoom()
{
    if (!chart() || m_figure.home.isNull())
        return;
    setXRange(m_figure.home.left(), m_figure.home.right());
    setYRange(m_figure.home.top(), m_figure.home.bottom());
    Q_EMIT rangeChanged(visibleRange());
}

void InteractiveChartView::setXRange(double lo, double hi)
{
    if (!chart())
        return;
    m_settingRange = true;
    if (QAbstractAxis* x = firstAxis(chart(), Qt::Horizontal))
        x->setRange(lo, hi);
    m_settingRange = false;
    scheduleReduce();
}

void InteractiveChartView::setYRange(double lo, double hi)
{
    if (!chart())
        return;
    m_settingRange = true;
    if (QAbstractAxis* y = firstAxis(chart(), Qt::Vertical))
        y->setRange(lo, hi);
    m_settingRange = false;
}

int InteractiveChartView::shownPointCount(int seriesIndex) const
{
    if (seriesIndex < 0 || seriesIndex >= m_figure.series.size() || !m_figure.series[seriesIndex].series)
        return 0;
    return int(m_figure.series[seriesIndex].series->count());
}

void InteractiveChartView::axisRangeChanged()
{
    // Round ticks for whatever range is shown now (zoom, pan, a linked view).
    for (QAbstractAxis* axis : chart()->axes()) {
        auto* v = qobject_cast<QValueAxis*>(axis);
        if (v && v->tickType() == QValueAxis::TicksDynamic && !m_figure.series.isEmpty() && m_figure.lineFigure) {
            const double step = niceTickStep(v->max() - v->min(), 5);
            if (step != v->tickInterval())
                v->setTickInterval(step);
        }
    }
    scheduleReduce();
    if (!m_settingRange)
        Q_EMIT rangeChanged(visibleRange());
}

void InteractiveChartView::scheduleReduce()
{
    if (m_figure.lineFigure)
        m_reduceTimer.start();
}

void InteractiveChartView::reduce()
{
    if (!chart() || !m_figure.lineFigure)
        return;
    const QRectF range = visibleRange();
    const int columns = std::max(50, int(chart()->plotArea().width()));
    for (PlottedSeries& p : m_figure.series) {
        if (p.series)
            p.series->replace(minMaxPerColumn(p.points, range.left(), range.right(), columns));
    }
}

void InteractiveChartView::connectLegend()
{
    for (QLegendMarker* marker : m_figure.chart->legend()->markers()) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] { toggleGroup(marker->series()); });
    }
}

void InteractiveChartView::toggleGroup(QAbstractSeries* clicked)
{
    QLegendMarker* marker = nullptr;
    for (QLegendMarker* m : m_figure.chart->legend()->markers(clicked)) {
        if (m->isVisible())
            marker = m;
    }
    if (auto* bars = qobject_cast<QAbstractBarSeries*>(clicked)) {
        // A bar set cannot be hidden alone; make it transparent instead.
        QBarSet* set = nullptr;
        if (marker) {
            for (QBarSet* s : bars->barSets()) {
                if (s->label() == marker->label())
                    set = s;
            }
        }
        if (!set)
            return;
        const bool hidden = set->property("qksHidden").toBool();
        if (!hidden) {
            set->setProperty("qksColor", set->color());
            set->setProperty("qksBorder", set->borderColor());
            set->setColor(Qt::transparent);
            set->setBorderColor(Qt::transparent);
        } else {
            set->setColor(set->property("qksColor").value<QColor>());
            set->setBorderColor(set->property("qksBorder").value<QColor>());
        }
        set->setProperty("qksHidden", !hidden);
        QColor label = marker->labelBrush().color();
        label.setAlphaF(hidden ? 1.0 : 0.4);
        marker->setLabelBrush(label);
        return;
    }
    const QVariant group = clicked->property("qksGroup");
    const bool show = !clicked->isVisible();
    for (QAbstractSeries* s : m_figure.chart->series()) {
        if (s == clicked || (group.isValid() && s->property("qksGroup") == group))
            s->setVisible(show);
    }
    // Hiding a series hides its legend entry; keep the entry, faded, so it can be clicked back.
    for (QLegendMarker* m : m_figure.chart->legend()->markers()) {
        const bool helper = m_hiddenFromLegend.contains(m->series());
        m->setVisible(!helper);
        if (m->series() == clicked || (group.isValid() && m->series()->property("qksGroup") == group)) {
            QColor label = m->labelBrush().color();
            label.setAlphaF(show ? 1.0 : 0.4);
            m->setLabelBrush(label);
        }
    }
}

void InteractiveChartView::connectHover()
{
    for (const PlottedSeries& p : m_figure.series) {
        if (!p.series)
            continue;
        const QString name = p.name;
        const QVector<QPointF>* points = &p.points;
        connect(p.series, &QXYSeries::hovered, this, [this, name, points](const QPointF& at, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const QPointF* nearest = nearestByX(*points, at.x());
            if (!nearest)
                return;
            QToolTip::showText(QCursor::pos(), tr("%1\n%2: %3\n%4: %5")
                                                   .arg(name, m_figure.xTitle, QString::number(nearest->x(), 'g', 6),
                                                        m_figure.yTitle, QString::number(nearest->y(), 'g', 6)),
                               this);
        });
    }
    for (QAbstractSeries* s : m_figure.chart->series()) {
        auto* bars = qobject_cast<QAbstractBarSeries*>(s);
        if (!bars)
            continue;
        connect(bars, &QAbstractBarSeries::hovered, this, [this](bool status, int index, QBarSet* set) {
            if (!status) {
                QToolTip::hideText();
                return;
            }
            QToolTip::showText(QCursor::pos(), tr("%1\n%2 %3: %4")
                                                   .arg(set->label(), m_figure.xTitle, QString::number(index),
                                                        QString::number(set->at(index), 'g', 6)),
                               this);
        });
    }
}

void InteractiveChartView::mousePressEvent(QMouseEvent* event)
{
    const bool pan = event->button() == Qt::MiddleButton ||
                     (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (pan && m_figure.lineFigure) {
        m_panning = true;
        m_lastPan = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void InteractiveChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint pos = event->position().toPoint();
        const QPoint delta = pos - m_lastPan;
        m_lastPan = pos;
        chart()->scroll(-delta.x(), delta.y());
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void InteractiveChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    // Qt zooms out on a right click; with our reset on double click, keep that behaviour.
    QChartView::mouseReleaseEvent(event);
}

void InteractiveChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    resetZoom();
    event->accept();
}

void InteractiveChartView::wheelEvent(QWheelEvent* event)
{
    if (!m_figure.lineFigure || !chart()) {
        QChartView::wheelEvent(event);
        return;
    }
    // Zoom about the plot centre: 15% per notch.
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0)
        return;
    chart()->zoom(std::pow(1.15, notches));
    event->accept();
}

void InteractiveChartView::keyPressEvent(QKeyEvent* event)
{
    if (!chart()) {
        QChartView::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: chart()->zoomIn(); break;
    case Qt::Key_Minus: chart()->zoomOut(); break;
    case Qt::Key_Left: chart()->scroll(-20, 0); break;
    case Qt::Key_Right: chart()->scroll(20, 0); break;
    case Qt::Key_Up: chart()->scroll(0, 20); break;
    case Qt::Key_Down: chart()->scroll(0, -20); break;
    case Qt::Key_Home:
    case Qt::Key_0: resetZoom(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void InteractiveChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    scheduleReduce();
}

} // namespace qks::gui
