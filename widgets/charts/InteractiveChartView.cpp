#include "charts/InteractiveChartView.h"

#include "charts/LogAxis.h"
#include "store/SeriesMath.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHoverEvent>
#include <QLocale>
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
    viewport()->setMouseTracking(true); // hover tooltips need moves without a button held
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
    // Entries the user hid stay hidden when the figure is rebuilt (new data, another option).
    QStringList hidden;
    if (m_figure.legendItem) {
        for (int i = 0; i < m_figure.legendItem->entries().size(); ++i)
            if (m_figure.legendItem->isFaded(i))
                hidden << m_figure.legendItem->entries()[i].text;
    }
    QChart* old = chart();
    m_figure = std::move(figure);
    m_hoverText.clear();
    setChart(m_figure.chart);
    delete old;
    setRubberBand(m_figure.lineFigure ? QChartView::RectangleRubberBand : QChartView::NoRubberBand);

    if (m_figure.legendItem) {
        connect(m_figure.legendItem, &FigureLegend::entryClicked, this, &InteractiveChartView::toggleLegendEntry);
        for (int i = 0; i < m_figure.legendItem->entries().size(); ++i)
            if (hidden.contains(m_figure.legendItem->entries()[i].text) && !m_figure.legendItem->isFaded(i))
                toggleLegendEntry(i);
    }
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
        if (isLogAxis(axis)) {
            if (!m_relabelling) {
                m_relabelling = true;
                updateLogTicks(static_cast<QCategoryAxis*>(axis));
                m_relabelling = false;
            }
            continue;
        }
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
            p.series->replace(toPlotted(m_figure, minMaxPerColumn(p.points, rawX(m_figure, range.left()),
                                                                  rawX(m_figure, range.right()), columns)));
    }
}

void InteractiveChartView::toggleLegendEntry(int index)
{
    FigureLegend* legend = m_figure.legendItem;
    if (!legend || index < 0 || index >= legend->entries().size())
        return;
    const LegendEntry& entry = legend->entries()[index];
    const bool show = legend->isFaded(index);
    if (!entry.barSets.isEmpty()) {
        // A bar set cannot be hidden alone; make it transparent instead.
        for (QBarSet* set : entry.barSets) {
            const bool hidden = set->property("qksHidden").toBool();
            if (hidden == !show)
                continue;
            if (!show) {
                set->setProperty("qksColor", set->color());
                set->setProperty("qksBorder", set->borderColor());
                set->setColor(Qt::transparent);
                set->setBorderColor(Qt::transparent);
            } else {
                set->setColor(set->property("qksColor").value<QColor>());
                set->setBorderColor(set->property("qksBorder").value<QColor>());
            }
            set->setProperty("qksHidden", !show);
            for (QAbstractSeries* s : m_figure.chart->series())
                if (!set->objectName().isEmpty() && s->property("qksErrorOf").toString() == set->objectName())
                    s->setVisible(show);
        }
        for (int i = 0; i < legend->entries().size(); ++i) {
            const QList<QBarSet*>& sets = legend->entries()[i].barSets;
            if (!sets.isEmpty())
                legend->setFaded(i, std::all_of(sets.cbegin(), sets.cend(),
                                                [](QBarSet* b) { return b->property("qksHidden").toBool(); }));
        }
        return;
    }
    for (QAbstractSeries* s : m_figure.chart->series()) {
        if (entry.groups.contains(s->property("qksGroup").toString()))
            s->setVisible(show);
    }
    // An entry is faded when every curve it names is hidden (a study's curves can be hidden
    // through their condition's entry as well as their own).
    QSet<QString> visibleGroups;
    for (QAbstractSeries* s : m_figure.chart->series()) {
        if (s->isVisible())
            visibleGroups.insert(s->property("qksGroup").toString());
    }
    for (int i = 0; i < legend->entries().size(); ++i) {
        const QStringList& groups = legend->entries()[i].groups;
        if (groups.isEmpty())
            continue;
        legend->setFaded(i, std::none_of(groups.cbegin(), groups.cend(),
                                         [&](const QString& g) { return visibleGroups.contains(g); }));
    }
}

QString InteractiveChartView::hoverTextAt(QPointF viewPos) const
{
    if (!chart() || m_figure.series.isEmpty())
        return {};
    const QPointF chartPos = chart()->mapFromScene(mapToScene(viewPos.toPoint()));
    if (!chart()->plotArea().adjusted(-4, -4, 4, 4).contains(chartPos))
        return {};
    const QLocale locale;
    const auto number = [&](double v) { return locale.toString(v, 'g', 6); };
    const auto describe = [&](const PlottedSeries& p, const QString& x, double y) {
        QString text = p.name;
        if (!p.study.isEmpty() && !p.name.contains(p.study))
            text += QLatin1Char('\n') + p.study;
        return text + QLatin1Char('\n') + m_figure.xTitle + QStringLiteral(": ") + x + QLatin1Char('\n') +
               m_figure.yTitle + QStringLiteral(": ") + number(y);
    };
    if (!m_figure.lineFigure) {
        // Bars: the layer under the cursor, then the bar set by its slot within the layer.
        const QPointF value = chart()->mapToValue(chartPos);
        const int layer = int(std::lround(value.x()));
        QVector<const PlottedSeries*> sets;
        QAbstractBarSeries* bars = nullptr;
        for (QAbstractSeries* s : chart()->series())
            bars = bars ? bars : qobject_cast<QAbstractBarSeries*>(s);
        if (!bars)
            return {};
        for (const PlottedSeries& p : m_figure.series)
            sets.push_back(&p);
        const qsizetype n = sets.size();
        if (n == 0 || n != bars->count())
            return {};
        const double offset = value.x() - layer + bars->barWidth() / 2;
        if (offset < 0 || offset >= bars->barWidth())
            return {};
        const int slot = std::clamp(int(offset / bars->barWidth() * double(n)), 0, int(n) - 1);
        if (bars->barSets()[slot]->property("qksHidden").toBool())
            return {};
        for (const QPointF& p : sets[slot]->points) {
            if (int(std::lround(p.x())) == layer)
                return describe(*sets[slot], QString::number(layer), p.y());
        }
        return {};
    }
    // Lines: the recorded point nearest the cursor on screen, within 24 pixels.
    const PlottedSeries* best = nullptr;
    QPointF bestPoint;
    double bestDistance = 24.0;
    const double cursorX = chart()->mapToValue(chartPos).x();
    for (const PlottedSeries& p : m_figure.series) {
        if (!p.series || p.background || !p.series->isVisible())
            continue;
        const QPointF* nearest = nearestByX(p.points, rawX(m_figure, cursorX));
        if (!nearest)
            continue;
        const QPointF at = chart()->mapToPosition(toPlotted(m_figure, *nearest), p.series);
        const double d = std::hypot(at.x() - chartPos.x(), at.y() - chartPos.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = &p;
            bestPoint = *nearest;
        }
    }
    return best ? describe(*best, number(bestPoint.x()), bestPoint.y()) : QString();
}

bool InteractiveChartView::viewportEvent(QEvent* event)
{
    if ((event->type() == QEvent::MouseMove || event->type() == QEvent::HoverMove) && !m_panning) {
        const QPointF pos = event->type() == QEvent::MouseMove ? static_cast<QMouseEvent*>(event)->position()
                                                                : static_cast<QHoverEvent*>(event)->position();
        const bool buttons = event->type() == QEvent::MouseMove && static_cast<QMouseEvent*>(event)->buttons() != Qt::NoButton;
        const QString text = buttons ? QString() : hoverTextAt(pos);
        if (text != m_hoverText) {
            m_hoverText = text;
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(viewport()->mapToGlobal(pos.toPoint()), text, this);
        }
    } else if (event->type() == QEvent::ToolTip) {
        // The scene answers a tooltip request by hiding any tooltip when no item has one;
        // keep the data tooltip instead.
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = hoverTextAt(help->pos());
        if (!text.isEmpty()) {
            m_hoverText = text;
            QToolTip::showText(help->globalPos(), text, this);
            return true;
        }
    } else if (event->type() == QEvent::Leave || event->type() == QEvent::HoverLeave) {
        m_hoverText.clear();
        QToolTip::hideText();
    }
    return QChartView::viewportEvent(event);
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
