// The causal reading guide of figure 2 goes to the corner of the plot where it hides the least
// of the curves: lower left when that is empty, elsewhere when the data lies there.
#include "charts/ChartAnnotation.h"
#include "charts/ChartTheme.h"

#include <QChart>
#include <QGraphicsRectItem>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

using namespace qks::gui;

namespace {

// A 900×560 chart of one line through `points` on [0, 10] × [0, 10], with the guide added.
struct Figure {
    explicit Figure(const QList<QPointF>& points)
    {
        auto* line = new QLineSeries;
        line->append(points);
        chart.addSeries(line);
        auto* x = new QValueAxis;
        auto* y = new QValueAxis;
        x->setRange(0, 10);
        y->setRange(0, 10);
        chart.addAxis(x, Qt::AlignBottom);
        chart.addAxis(y, Qt::AlignLeft);
        line->attachAxis(x);
        line->attachAxis(y);
        chart.resize(900, 560);
        chart.legend()->hide();
        addCausalAnnotation(&chart, ChartTheme(), QStringLiteral("A≠B≈C → γ drives it\nA≈B≠C → normalization\nAll differ → both"));
        chart.resize(901, 560); // lay the plot area out again, as a window or an export does
    }
    QRectF guide() const
    {
        for (QGraphicsItem* item : chart.childItems())
            if (auto* box = dynamic_cast<QGraphicsRectItem*>(item); box && box->zValue() == 20)
                return box->mapRectToParent(box->rect());
        return {};
    }
    QChart chart;
};

} // namespace

class TestChartAnnotation final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void staysLowerLeftWhenItIsEmpty()
    {
        Figure f({{0, 9}, {5, 8}, {10, 9}}); // the curve runs along the top
        const QRectF plot = f.chart.plotArea(), guide = f.guide();
        QVERIFY(!guide.isEmpty());
        QVERIFY(guide.left() < plot.center().x() && guide.top() > plot.center().y());
        QCOMPARE(seriesSamplesInside(&f.chart, guide), 0);
    }

    void movesAwayFromACurveInTheLowerLeft()
    {
        // The tiny demo's NoQK curve: a fast drop into the lower left, then a flat tail.
        Figure f({{0, 9}, {0.5, 2}, {1, 1}, {2, 1.5}, {5, 6}, {10, 8}});
        const QRectF plot = f.chart.plotArea(), guide = f.guide();
        QVERIFY(!guide.isEmpty());
        const QRectF lowerLeft(QPointF(plot.left() + 8, plot.bottom() - 8 - guide.height()), guide.size());
        QVERIFY(seriesSamplesInside(&f.chart, lowerLeft) > 0);
        QCOMPARE(seriesSamplesInside(&f.chart, guide), 0);
        QVERIFY(guide.left() > plot.center().x()); // lower right is free
        QVERIFY(guide.top() > plot.center().y());
    }
};

QTEST_MAIN(TestChartAnnotation)
#include "test_chart_annotation.moc"
