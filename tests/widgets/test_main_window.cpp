// The analysis window on the offscreen platform: runs panel, figure tabs, smoothing, legends,
// log axes, hover, zoom reduction, side-by-side linking, several studies, and a corrupt file.
// Starting, stopping and closing runs and studies: test_run_lifecycle.
#include "app/AppTheme.h"
#include "charts/HeatmapPainter.h"
#include "charts/HeatmapView.h"
#include "charts/InteractiveChartView.h"
#include "charts/LogAxis.h"
#include "results/ResultsJson.h"
#include "store/RunStyle.h"
#include "store/StudyStore.h"
#include "window/FigurePanel.h"
#include "window/MainWindow.h"
#include "window/RunsPanel.h"
#include "window/SplitView.h"

#include "WindowTestSupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QCategoryAxis>
#include <QCheckBox>
#include <QSlider>
#include <QHoverEvent>
#include <QToolTip>
#include <QLineSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QValueAxis>

using namespace qks;
using namespace qks::gui;

using qks::testing::lineNamed;
const QString& kStudy = qks::testing::kPublishedStudy;

class TestMainWindow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openingThePublishedStudyFillsRunsAndCharts();
    void perLayerAndDecompositionShowTheFinalCheckpoint();
    void smoothingDrawsTheRawCurveFaintBehind();
    void legendClickHidesACurveAndItsCompanions();
    void logAxesLabelOneTwoFiveWhereNoPowerOfTenIsInRange();
    void hoverShowsTheNearestPointsRunAndValues();
    void studiesKeepTheirLineStyleWhenOthersAreHidden();
    void hidingARunInTheRunsPanelRemovesItsCurves();
    void longSeriesAreReducedAndReducedAgainOnZoom();
    void sideBySideLinksTheAxes();
    void studiesOfVeryDifferentLengths();
    void corruptResultsAreReportedNotFatal();
    void heatmapsShowTheChosenRun();
    void summaryGroupsShownRunsByStudy();
    void constantHeatmapsAndMissingLayersAreSaid();
    void smallerThingsLookAsIntended();
};


void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestMainWindow::openingThePublishedStudyFillsRunsAndCharts()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.refreshAll();
    QTreeWidget* tree = w.runsPanel()->tree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem* study = tree->topLevelItem(0);
    QCOMPARE(study->text(0), QStringLiteral("qk_norm_50m_study"));
    QCOMPARE(study->childCount(), 3);
    QCOMPARE(study->child(0)->text(0), QStringLiteral("Learned γ"));
    QCOMPARE(study->child(2)->text(0), QStringLiteral("No QK-Norm"));
    QCOMPARE(study->child(1)->text(2), QStringLiteral("49.2M"));
    QVERIFY(study->child(1)->text(1).contains(QStringLiteral("26")));
    QCOMPARE(study->child(0)->checkState(0), Qt::Checked);

    QChart* pr = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    QLineSeries* learned = lineNamed(pr, QStringLiteral("Learned γ"));
    QVERIFY(learned);
    QVERIFY(lineNamed(pr, QStringLiteral("Frozen γ=1")));
    QVERIFY(lineNamed(pr, QStringLiteral("No QK-Norm")));
    QCOMPARE(learned->count(), 26);
    QVERIFY(std::abs(learned->at(0).y() - 86.85) < 0.01); // init PR 86.85
    QCOMPARE(learned->at(25).x(), 49.152);
    QVERIFY(std::abs(learned->at(25).y() - 65.70) < 0.01); // final PR 65.70
    QCOMPARE(pr->property("qksTitle").toString(), QStringLiteral("Key Rank Collapse — Does γ or Normalization Drive It?"));
    // The reading guide says which condition is A, B and C before it uses them.
    QString guide;
    for (QGraphicsItem* item : pr->childItems())
        for (QGraphicsItem* child : item->childItems())
            if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(child))
                guide += text->text();
    QVERIFY2(guide.startsWith(QStringLiteral("A = Learned γ, B = Frozen γ=1, C = No QK-Norm\nA≠B≈C")), qPrintable(guide));

    QChart* loss = w.figurePanel(FigureKind::Loss)->chartView()->chart();
    QLineSeries* val = lineNamed(loss, QStringLiteral("No QK-Norm (val)"));
    QVERIFY(val);
    QCOMPARE(val->pen().style(), Qt::DashLine);
    QCOMPARE(lineNamed(loss, QStringLiteral("No QK-Norm (train)"))->pen().style(), Qt::SolidLine);
    QVERIFY(std::abs(val->at(val->count() - 1).y() - 3.505) < 0.001);

    QChart* cv = w.figurePanel(FigureKind::GammaCv)->chartView()->chart();
    for (int layer : {0, 8, 15, 23, 30})
        QVERIFY2(lineNamed(cv, QStringLiteral("Layer %1").arg(layer)), qPrintable(QString::number(layer)));
}

void TestMainWindow::perLayerAndDecompositionShowTheFinalCheckpoint()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.refreshAll();
    const RunResults qk = readResults((kStudy + QStringLiteral("/QK/results.json")).toStdString());
    QChart* bars = w.figurePanel(FigureKind::PerLayerPr)->chartView()->chart();
    auto* series = qobject_cast<QBarSeries*>(bars->series().first());
    QVERIFY(series);
    QCOMPARE(series->count(), 3);
    QCOMPARE(series->barSets()[0]->count(), 32);
    QCOMPARE(series->barSets()[0]->at(12), qk.layer_pr[12].back());
    QVERIFY(bars->title().contains(QStringLiteral("49.2M")));

    QChart* causal = w.figurePanel(FigureKind::CausalDecomposition)->chartView()->chart();
    auto* effects = qobject_cast<QBarSeries*>(causal->series().first());
    QVERIFY(effects);
    QCOMPARE(effects->count(), 2);
    QVERIFY(effects->barSets()[0]->label().startsWith(QStringLiteral("γ effect Δ(A−B), mean |Δ|")));
}

void TestMainWindow::smoothingDrawsTheRawCurveFaintBehind()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.setSmoothing(0.6);
    w.refreshAll();
    QChart* pr = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    QLineSeries* raw = lineNamed(pr, QStringLiteral("Learned γ (raw)"));
    QLineSeries* smooth = lineNamed(pr, QStringLiteral("Learned γ"));
    QVERIFY(raw && smooth);
    QVERIFY(raw->pen().color().alphaF() < 0.5);
    QCOMPARE(raw->at(3), QPointF(raw->at(3).x(), raw->at(3).y()));
    QVERIFY(smooth->at(3).y() > raw->at(3).y()); // the smoothed curve lags the steep fall
    // The raw curve is not a legend entry of its own.
    const FigureLegend* legend = w.figurePanel(FigureKind::KeyPr)->chartView()->figure().legendItem;
    QVERIFY(legend);
    QStringList entries;
    for (const LegendEntry& e : legend->entries())
        entries << e.text;
    QCOMPARE(entries, (QStringList{QStringLiteral("Learned γ"), QStringLiteral("Frozen γ=1"), QStringLiteral("No QK-Norm")}));
}

void TestMainWindow::logAxesLabelOneTwoFiveWhereNoPowerOfTenIsInRange()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.setLogY(true);
    w.refreshAll();
    // Key PR spans about 51 to 87 and the loss about 3.5 to 8.3: no power of ten in either.
    const auto labelsOf = [&](FigureKind kind) {
        QChart* chart = w.figurePanel(kind)->chartView()->chart();
        auto* axis = qobject_cast<QCategoryAxis*>(chart->axes(Qt::Vertical).first());
        return axis ? axis->categoriesLabels() : QStringList{QStringLiteral("not a log axis")};
    };
    const QStringList pr = labelsOf(FigureKind::KeyPr);
    QVERIFY2(pr.size() >= 3 && pr.contains(QStringLiteral("60")) && pr.contains(QStringLiteral("80")), qPrintable(pr.join(u',')));
    const QStringList loss = labelsOf(FigureKind::Loss);
    QVERIFY2(loss.size() >= 3 && loss.contains(QStringLiteral("4")) && loss.contains(QStringLiteral("5")),
             qPrintable(loss.join(u',')));
    // The curve is drawn where its value is: the first point of "Learned γ" sits at log10(86.8…).
    QChart* chart = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    QLineSeries* learned = lineNamed(chart, QStringLiteral("Learned γ"));
    QVERIFY(learned && learned->count() > 0);
    QVERIFY(std::abs(std::pow(10.0, learned->at(0).y()) - 86.8) < 0.1);
    // Minor gridlines: a second, unlabelled axis between the labelled values.
    QCOMPARE(chart->axes(Qt::Vertical).size(), qsizetype(2));
    const LogTicks wide = logTicks(3, 700);
    QCOMPARE(wide.major, (QVector<double>{5, 10, 20, 50, 100, 200, 500}));
    QVERIFY(wide.minor.contains(3) && wide.minor.contains(40) && wide.minor.contains(600) && !wide.minor.contains(50));
    QCOMPARE(logTicks(1e-3, 1e4).major, (QVector<double>{1e-3, 1e-2, 1e-1, 1, 10, 100, 1000, 1e4}));
    QVERIFY(logTicks(15.1, 15.9).major.size() >= 2); // no integer multiple in range: still labelled

    // Home after a zoom gives the first view back, ticks included.
    InteractiveChartView* view = w.figurePanel(FigureKind::Loss)->chartView();
    w.setLogY(false);
    w.refreshAll();
    auto* x = qobject_cast<QValueAxis*>(view->chart()->axes(Qt::Horizontal).first());
    const double firstStep = x->tickInterval();
    const QRectF home = view->visibleRange();
    view->setXRange(10, 12);
    QVERIFY(x->tickInterval() != firstStep);
    view->resetZoom();
    QCOMPARE(view->visibleRange(), home);
    QCOMPARE(x->tickInterval(), firstStep);
}

void TestMainWindow::legendClickHidesACurveAndItsCompanions()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.setSmoothing(0.5);
    w.refreshAll();
    InteractiveChartView* view = w.figurePanel(FigureKind::KeyPr)->chartView();
    QChart* pr = view->chart();
    QLineSeries* smooth = lineNamed(pr, QStringLiteral("Frozen γ=1"));
    QLineSeries* raw = lineNamed(pr, QStringLiteral("Frozen γ=1 (raw)"));
    FigureLegend* legend = view->figure().legendItem;
    QVERIFY(legend && smooth && raw);
    QCOMPARE(legend->entries()[1].text, QStringLiteral("Frozen γ=1"));
    Q_EMIT legend->entryClicked(1);
    QVERIFY(!smooth->isVisible());
    QVERIFY(!raw->isVisible());
    QVERIFY(lineNamed(pr, QStringLiteral("Learned γ"))->isVisible());
    QVERIFY(legend->isFaded(1)); // still there, faded, to click back
    QVERIFY(!legend->isFaded(0));
    Q_EMIT legend->entryClicked(1);
    QVERIFY(smooth->isVisible());
    QVERIFY(raw->isVisible());
    QVERIFY(!legend->isFaded(1));
    // Hidden stays hidden when the figure is drawn again (another option, new data).
    Q_EMIT legend->entryClicked(1);
    w.setLogY(true);
    w.refreshAll();
    QVERIFY(view->figure().legendItem->isFaded(1));
    QVERIFY(!lineNamed(view->chart(), QStringLiteral("Frozen γ=1"))->isVisible());
}

void TestMainWindow::hoverShowsTheNearestPointsRunAndValues()
{
    MainWindow w;
    w.resize(1200, 800);
    QVERIFY(w.openFolder(kStudy, true));
    w.show();
    w.showFigure(FigureKind::KeyPr);
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.refreshAll();
    InteractiveChartView* view = w.figurePanel(FigureKind::KeyPr)->chartView();
    QCoreApplication::processEvents();
    QChart* chart = view->chart();
    QLineSeries* learned = lineNamed(chart, QStringLiteral("Learned γ"));
    QVERIFY(learned);
    const RunResults qk = readResults((kStudy + QStringLiteral("/QK/results.json")).toStdString());
    // The mouse a few pixels off the 10th probe of the learned-γ curve.
    const QPointF data(double(qk.tokens[10]) / 1e6, qk.mean_pr[10]);
    const QPointF inChart = chart->mapToPosition(data, learned);
    const QPoint at = view->mapFromScene(chart->mapToScene(inChart)) + QPoint(2, -3);
    QHoverEvent hover(QEvent::HoverMove, QPointF(at), QPointF(at), QPointF(at - QPoint(1, 1)));
    QCoreApplication::sendEvent(view->viewport(), &hover);
    const QString tip = view->hoverText();
    QVERIFY2(tip.contains(QStringLiteral("Learned γ")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("qk_norm_50m_study")), qPrintable(tip));
    QVERIFY2(tip.contains(QLocale().toString(qk.mean_pr[10], 'g', 6)), qPrintable(tip));
    QVERIFY2(tip.contains(QLocale().toString(double(qk.tokens[10]) / 1e6, 'g', 6)), qPrintable(tip));
    // The tooltip request that follows a pause keeps the data tooltip (the scene alone would hide it).
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view->viewport(), &help);
    QVERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), tip);
    // Far from every curve (the top left corner of the plot): no tooltip.
    const QPoint corner = view->mapFromScene(chart->mapToScene(chart->plotArea().topLeft() + QPointF(3, 3)));
    QHoverEvent away(QEvent::HoverMove, QPointF(corner), QPointF(corner), QPointF(at));
    QCoreApplication::sendEvent(view->viewport(), &away);
    QVERIFY2(view->hoverText().isEmpty(), qPrintable(view->hoverText()));

    // Bars: the hovered bar's run, layer and value.
    w.showFigure(FigureKind::PerLayerPr);
    InteractiveChartView* bars = w.figurePanel(FigureKind::PerLayerPr)->chartView();
    QCoreApplication::processEvents();
    auto* series = qobject_cast<QBarSeries*>(bars->chart()->series().first());
    QVERIFY(series);
    // Layer 12, the first of three bars (Learned γ): a third of the way into the bar group.
    const double x = 12 - series->barWidth() / 2 + series->barWidth() / 6;
    const QPointF barTop = bars->chart()->mapToPosition(QPointF(x, qk.layer_pr[12].back() / 2), series);
    const QPoint overBar = bars->mapFromScene(bars->chart()->mapToScene(barTop));
    QHoverEvent onBar(QEvent::HoverMove, QPointF(overBar), QPointF(overBar), QPointF(overBar));
    QCoreApplication::sendEvent(bars->viewport(), &onBar);
    QVERIFY2(bars->hoverText().startsWith(QStringLiteral("Learned γ")), qPrintable(bars->hoverText()));
    QVERIFY2(bars->hoverText().contains(QLocale().toString(qk.layer_pr[12].back(), 'g', 6)), qPrintable(bars->hoverText()));
}

void TestMainWindow::studiesKeepTheirLineStyleWhenOthersAreHidden()
{
    QTemporaryDir copies;
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    for (const QString& name : {QStringLiteral("second"), QStringLiteral("third")}) {
        const QString dir = copies.path() + QLatin1Char('/') + name + QStringLiteral("/QK");
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::copy(kStudy + QStringLiteral("/QK/results.json"), dir + QStringLiteral("/results.json")));
        QVERIFY(w.openFolder(copies.path() + QLatin1Char('/') + name, true));
    }
    w.refreshAll();
    QChart* pr = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    QCOMPARE(lineNamed(pr, QStringLiteral("Learned γ — qk_norm_50m_study"))->pen().style(), Qt::SolidLine);
    QCOMPARE(lineNamed(pr, QStringLiteral("Learned γ — second"))->pen().style(), Qt::DashLine);
    QCOMPARE(lineNamed(pr, QStringLiteral("Learned γ — third"))->pen().style(), Qt::DotLine);
    // The legend tells the studies apart by their dash, not by nine "condition — folder" labels.
    QStringList entries;
    for (const LegendEntry& e : w.figurePanel(FigureKind::KeyPr)->chartView()->figure().legendItem->entries())
        entries << e.text;
    QVERIFY2(entries.contains(QStringLiteral("second")) && entries.contains(QStringLiteral("third")), qPrintable(entries.join(u',')));
    // Hiding the second study leaves the third dotted.
    w.store()->setRunVisible(1, 0, false);
    w.refreshAll();
    pr = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    QVERIFY(!lineNamed(pr, QStringLiteral("Learned γ — second")));
    QCOMPARE(lineNamed(pr, QStringLiteral("Learned γ — third"))->pen().style(), Qt::DotLine);
}

void TestMainWindow::hidingARunInTheRunsPanelRemovesItsCurves()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.refreshAll();
    w.runsPanel()->tree()->topLevelItem(0)->child(2)->setCheckState(0, Qt::Unchecked);
    QVERIFY(!w.store()->studies()[0].runs[2].visible);
    w.refreshAll();
    QChart* pr = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    QVERIFY(!lineNamed(pr, QStringLiteral("No QK-Norm")));
    QVERIFY(lineNamed(pr, QStringLiteral("Learned γ")));
    // Without NoQK there is no decomposition, and the chart says why.
    QVERIFY(!w.figurePanel(FigureKind::CausalDecomposition)->chartView()->figure().emptyReason.isEmpty());
}

void TestMainWindow::longSeriesAreReducedAndReducedAgainOnZoom()
{
    QTemporaryDir dir;
    RunResults r;
    r.tag = "QK";
    r.layer_pr.assign(1, {});
    for (int i = 0; i < 100000; ++i) {
        r.tokens.push_back(int64_t(i) * 1000);
        r.loss.push_back(i == 0 ? std::optional<double>() : std::optional<double>(4.0));
        r.val_loss.push_back(std::nullopt);
        r.mean_pr.push_back(50.0 + (i % 97) * 0.1);
        r.layer_pr[0].push_back(r.mean_pr.back());
    }
    QDir().mkpath(dir.path() + QStringLiteral("/QK"));
    writeResults(r, (dir.path() + QStringLiteral("/QK/results.json")).toStdString());

    MainWindow w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(w.openFolder(dir.path(), true));
    w.showFigure(FigureKind::KeyPr);
    w.refreshAll();
    InteractiveChartView* view = w.figurePanel(FigureKind::KeyPr)->chartView();
    QCoreApplication::processEvents();
    const int width = int(view->chart()->plotArea().width());
    const int shown = view->shownPointCount(0);
    QVERIFY2(shown > 0 && shown <= 4 * std::max(width, 50) + 2, qPrintable(QString::number(shown)));
    QCOMPARE(view->figure().series[0].points.size(), qsizetype(100000)); // the data itself is whole

    // Zoom to 1% of the range: the reduction is redone for what is visible.
    view->setXRange(10.0, 11.0); // tokens in millions
    QCoreApplication::processEvents();
    const QLineSeries* line = qobject_cast<QLineSeries*>(view->figure().series[0].series);
    int inside = 0;
    for (int i = 0; i < line->count(); ++i)
        inside += (line->at(i).x() >= 10.0 && line->at(i).x() <= 11.0) ? 1 : 0;
    QVERIFY2(inside >= 1000 - 2, qPrintable(QString::number(inside))); // all 1001 points fit: none dropped
    QVERIFY(view->isZoomed());
    view->resetZoom();
    QVERIFY(!view->isZoomed());
}

void TestMainWindow::sideBySideLinksTheAxes()
{
    MainWindow w;
    w.resize(1400, 800);
    w.show();
    QVERIFY(w.openFolder(kStudy, true));
    QVERIFY(w.openFolder(kStudy + QStringLiteral("/QK"), true));
    w.showSideBySide();
    w.refreshAll();
    SplitView* split = w.splitView();
    InteractiveChartView* left = split->view(0);
    InteractiveChartView* right = split->view(1);
    QCOMPARE(left->visibleRange(), right->visibleRange()); // both start from the shared range
    QCOMPARE(left->chart()->series().isEmpty(), false);
    QVERIFY(lineNamed(left->chart(), QStringLiteral("No QK-Norm")));
    QVERIFY(!lineNamed(right->chart(), QStringLiteral("No QK-Norm"))); // the right study is QK alone
    left->chart()->zoomIn(QRectF(left->chart()->plotArea().topLeft(), left->chart()->plotArea().size() / 2));
    QCoreApplication::processEvents();
    QVERIFY(left->isZoomed());
    QCOMPARE(right->visibleRange(), left->visibleRange());
}

void TestMainWindow::studiesOfVeryDifferentLengths()
{
    // A short study: the published QK's first three probes (0 to ~4M tokens of 49M), planned
    // for 4M tokens as our trainer records it.
    QTemporaryDir dir;
    const QString shortStudy = dir.path() + QStringLiteral("/short");
    RunResults r = readResults((kStudy + QStringLiteral("/QK/results.json")).toStdString());
    const size_t keep = 3;
    r.tokens.resize(keep);
    r.loss.resize(keep);
    r.val_loss.resize(keep);
    r.mean_pr.resize(keep);
    for (auto& layer : r.layer_pr)
        layer.resize(keep);
    for (auto& layer : r.gamma_cv)
        layer.resize(keep);
    r.extra["config"] = {{"train", {{"tokens", r.tokens.back()}}}};
    QVERIFY(QDir().mkpath(shortStudy + QStringLiteral("/QK")));
    writeResults(r, (shortStudy + QStringLiteral("/QK/results.json")).toStdString());

    MainWindow w;
    w.resize(1400, 800);
    w.show();
    QVERIFY(w.openFolder(kStudy, true));
    QVERIFY(w.openFolder(shortStudy, true));
    w.showSideBySide();
    w.refreshAll();
    SplitView* split = w.splitView();
    // Each side names its study, and linking starts off: the ranges differ by more than 10×.
    QVERIFY(split->view(0)->figure().title.endsWith(QStringLiteral(" — qk_norm_50m_study")));
    QVERIFY(split->view(1)->figure().title.endsWith(QStringLiteral(" — short")));
    QVERIFY(!split->findChild<QCheckBox*>()->isChecked());
    QVERIFY(split->view(1)->visibleRange().right() < split->view(0)->visibleRange().right() / 5);

    // Fraction of the run: both end at 1.
    w.setXAxis(XAxisKind::FractionOfRun);
    w.refreshAll();
    QChart* pr = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    for (const QString& name : {QStringLiteral("Learned γ — qk_norm_50m_study"), QStringLiteral("Learned γ — short")}) {
        QLineSeries* line = lineNamed(pr, name);
        QVERIFY2(line, qPrintable(name));
        QCOMPARE(line->at(line->count() - 1).x(), 1.0);
    }
    w.setXAxis(XAxisKind::Tokens);

    // Per-layer bars at the slider's tokens take each run's nearest checkpoint and say which.
    w.refreshAll();
    FigurePanel* bars = w.figurePanel(FigureKind::PerLayerPr);
    auto* slider = bars->findChild<QSlider*>();
    QVERIFY(slider);
    slider->setValue(8); // well past the short study's end: it shows its last probe
    w.refreshAll();
    const QString title = bars->chartView()->figure().title;
    QStringList entries;
    for (const LegendEntry& e : bars->chartView()->figure().legendItem->entries())
        entries << e.text;
    QVERIFY2(entries.join(u'|').contains(QStringLiteral(" at ")), qPrintable(entries.join(u'|')));
    QVERIFY2(title.contains(QStringLiteral("nearest")), qPrintable(title));
    QVERIFY2(entries.contains(QStringLiteral("short at ") + tokensText(r.tokens.back())), qPrintable(entries.join(u'|')));
}

void TestMainWindow::corruptResultsAreReportedNotFatal()
{
    QTemporaryDir dir;
    for (const char* tag : {"QK", "NoQK"}) {
        QDir().mkpath(dir.path() + QLatin1Char('/') + QLatin1String(tag));
        QFile::copy(kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"),
                    dir.path() + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"));
    }
    QFile bad(dir.path() + QStringLiteral("/NoQK/results.json"));
    QVERIFY(bad.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
    bad.write("{\"tag\": \"NoQK\", \"tokens\": [0], \"loss\": [null], \"val_loss\": [null], \"mean_pr\": [1, 2]");
    bad.close();

    MainWindow w;
    QVERIFY(w.openFolder(dir.path(), true));
    w.refreshAll();
    QTreeWidgetItem* noqk = w.runsPanel()->tree()->topLevelItem(0)->child(1);
    QCOMPARE(noqk->text(1), QStringLiteral("error"));
    QVERIFY(noqk->toolTip(1).contains(QStringLiteral("results.json")));
    QChart* pr = w.figurePanel(FigureKind::KeyPr)->chartView()->chart();
    QVERIFY(lineNamed(pr, QStringLiteral("Learned γ")));
    QVERIFY(!lineNamed(pr, QStringLiteral("No QK-Norm")));
}

void TestMainWindow::heatmapsShowTheChosenRun()
{
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.refreshAll();
    const HeatmapData& pr = w.figurePanel(FigureKind::PrHeatmap)->heatmapView()->data();
    QCOMPARE(pr.rows, 32);
    QCOMPARE(pr.columns, 26);
    QVERIFY(pr.title.contains(QStringLiteral("Learned γ")));
    const HeatmapData& gamma = w.figurePanel(FigureKind::GammaHeatmap)->heatmapView()->data();
    QCOMPARE(gamma.columns, 128);
}

void TestMainWindow::summaryGroupsShownRunsByStudy()
{
    QTemporaryDir dir;
    const QString second = dir.path() + QStringLiteral("/second");
    for (const char* tag : {"QK", "NoQK"}) {
        QVERIFY(QDir().mkpath(second + QLatin1Char('/') + QLatin1String(tag)));
        QVERIFY(QFile::copy(kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"),
                            second + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json")));
    }
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    QVERIFY(w.openFolder(second, true));
    w.store()->setRunVisible(0, 1, false); // hide the published Frozen γ=1
    w.refreshAll();
    QTableWidget* table = w.runsPanel()->summary();
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text();
    QCOMPARE(rows, (QStringList{QStringLiteral("qk_norm_50m_study"), QStringLiteral("Learned γ"), QStringLiteral("No QK-Norm"),
                                QStringLiteral("second"), QStringLiteral("Learned γ"), QStringLiteral("No QK-Norm")}));
    QCOMPARE(table->columnSpan(0, 0), table->columnCount());
    // Numbers in the user's format, and no label cut: each column holds its widest text.
    QVERIFY(table->item(1, 3)->text().contains(QLocale().decimalPoint()));
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->columnSpan(r, 0) > 1)
            continue;
        const int need = table->fontMetrics().horizontalAdvance(table->item(r, 0)->text());
        QVERIFY2(table->columnWidth(0) >= need, qPrintable(table->item(r, 0)->text()));
    }
}

void TestMainWindow::constantHeatmapsAndMissingLayersAreSaid()
{
    // Frozen γ's mean-γ matrix is 1 everywhere: the heatmap says so instead of one colour.
    HeatmapData frozen;
    frozen.rows = 2;
    frozen.columns = 3;
    frozen.values = {1, 1, 1, 1, 1, 1};
    QVERIFY(frozen.isConstant());
    frozen.values[4] = 1.0001;
    QVERIFY(!frozen.isConstant());

    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.refreshAll();
    FigurePanel* cv = w.figurePanel(FigureKind::GammaCv);
    auto* layers = cv->findChild<QLineEdit*>();
    auto* note = cv->findChild<QLabel*>(QStringLiteral("layers-note"));
    QVERIFY(layers && note);
    layers->setText(QStringLiteral("3, 99, -3, abc, 3.5"));
    Q_EMIT layers->editingFinished();
    w.refreshAll();
    QCOMPARE(layers->text(), QStringLiteral("3, 99, -3, abc, 3.5")); // kept as typed, not rewritten
    for (const char* named : {"99", "-3", "abc", "3.5", "0–31"})
        QVERIFY2(note->text().contains(QString::fromUtf8(named)), qPrintable(note->text()));
    QVERIFY(lineNamed(cv->chartView()->chart(), QStringLiteral("Layer 3")));
    QVERIFY(!lineNamed(cv->chartView()->chart(), QStringLiteral("Layer 35")));
    layers->setText(QStringLiteral("3"));
    Q_EMIT layers->editingFinished();
    w.refreshAll();
    QVERIFY(note->text().isEmpty());
}

void TestMainWindow::smallerThingsLookAsIntended()
{
    // γ-CV layers: a sequential palette by depth, apart from the conditions' colours, the same
    // for the same depth in any study.
    QVector<QColor> layers;
    for (int l = 0; l < 32; ++l)
        layers << layerColor(l, 32);
    for (const char* tag : {"QK", "QK_frozen", "NoQK"})
        QVERIFY(!layers.contains(conditionColor(QLatin1String(tag))));
    const auto luminance = [](const QColor& c) { return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF(); };
    for (int l = 1; l < 32; ++l)
        QVERIFY2(luminance(layers[l]) >= luminance(layers[l - 1]) - 0.01, qPrintable(QString::number(l)));
    QVERIFY(luminance(layers[31]) > luminance(layers[0]) + 0.3);
    QCOMPARE(layerColor(2, 4), layerColor(2, 4));

    // Colour-bar ticks at round values.
    const auto same = [](const QVector<double>& a, const QVector<double>& b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (std::abs(a[i] - b[i]) > 1e-9)
                return false;
        return true;
    };
    QVERIFY(same(colorBarTicks(0.8867, 1.439), {1.0, 1.2, 1.4}));
    QVERIFY(same(colorBarTicks(35.2, 111.0), {40, 60, 80, 100}));

    // An unchecked check box stands out from the dark theme's background.
    applyAppPalette(ChartTheme::dark());
    QCheckBox box; // no text: only the indicator is drawn
    box.setChecked(false);
    box.resize(box.sizeHint());
    const QImage image = box.grab().toImage();
    const QColor background = box.palette().color(QPalette::Window);
    double brightest = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            brightest = std::max(brightest, double(image.pixelColor(x, y).lightnessF()));
    applyAppPalette(ChartTheme::paper());
    QVERIFY2(brightest > background.lightnessF() + 0.3, qPrintable(QString::number(brightest)));

    // Numbers in the user's format: German decimal commas in the summary table.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    MainWindow w;
    QVERIFY(w.openFolder(kStudy, true));
    w.refreshAll();
    const QString finalPr = w.runsPanel()->summary()->item(0, 3)->text();
    QLocale::setDefault(QLocale::c());
    QCOMPARE(finalPr, QStringLiteral("65,70"));
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
