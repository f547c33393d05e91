#include "app/GuiBenchmark.h"

#include "charts/ChartBuilder.h"
#include "charts/InteractiveChartView.h"
#include "window/FigurePanel.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTabWidget>

#include <algorithm>
#include <cmath>

namespace qks::gui {

namespace {

double medianOf(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0.0 : v[v.size() / 2];
}

// Paints a widget into an image the way the screen would get it.
void paintWidget(QWidget* w)
{
    QImage image(w->size(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    w->render(&painter);
}

// One synthetic run with `points` probes: a noisy U, the shape of the study's PR curve.
OpenStudy syntheticStudy(int points)
{
    auto r = std::make_shared<RunResults>();
    r->tag = "QK";
    r->layer_pr.assign(1, {});
    uint64_t state = 42;
    for (int i = 0; i < points; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double noise = double(state >> 11) / double(1ULL << 53) - 0.5;
        const double t = double(i) / points;
        const double pr = 55.0 + 30.0 * std::pow(2.0 * t - 0.3, 2) + 4.0 * noise;
        r->tokens.push_back(int64_t(i) * 16384);
        r->loss.push_back(3.5 + noise);
        r->val_loss.push_back(std::nullopt);
        r->mean_pr.push_back(pr);
        r->layer_pr[0].push_back(pr);
    }
    OpenStudy s;
    s.name = QStringLiteral("synthetic");
    RunEntry e;
    e.tag = QStringLiteral("QK");
    e.results = r;
    s.runs.push_back(e);
    return s;
}

double timeLongCurve(const OpenStudy& study, bool reduce, int width)
{
    QElapsedTimer timer;
    timer.start();
    InteractiveChartView view;
    view.resize(width, 700);
    BuiltFigure fig = buildChartFigure(FigureKind::KeyPr, {study}, FigureOptions{}, ChartTheme::dark(), reduce ? width : 0);
    view.setFigure(std::move(fig));
    // Without reduction the chart keeps all points (the view's reduce timer never runs here).
    if (reduce)
        QCoreApplication::processEvents();
    paintWidget(&view);
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int runGuiBenchmark(const QStringList& folders, int repeats, QTextStream& out, QTextStream& err)
{
    QVector<double> openMs, drawMs, totalMs;
    int runs = 0;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        MainWindow window;
        window.resize(1400, 860);
        window.show();
        QElapsedTimer open;
        open.start();
        for (const QString& f : folders) {
            if (!window.openFolder(f, true)) {
                err << "qkstudio: cannot open " << f << "\n";
                return 3;
            }
        }
        openMs.push_back(open.nsecsElapsed() / 1e6);
        QElapsedTimer draw;
        draw.start();
        window.refreshAll();
        for (int t = 0; t < window.tabs()->count(); ++t) {
            window.tabs()->setCurrentIndex(t);
            paintWidget(&window);
        }
        drawMs.push_back(draw.nsecsElapsed() / 1e6);
        totalMs.push_back(timer.nsecsElapsed() / 1e6);
        runs = 0;
        for (const OpenStudy& s : window.store()->studies())
            runs += int(s.runs.size());
    }
    out << "open + draw every figure: " << folders.size() << " folder(s), " << runs << " run(s), "
        << repeats << " repeat(s) in fresh windows (1400x860)\n";
    out << QString::asprintf("  read results.json   median %8.1f ms   min %8.1f ms\n", medianOf(openMs),
                             *std::min_element(openMs.begin(), openMs.end()));
    out << QString::asprintf("  build + paint tabs  median %8.1f ms   min %8.1f ms\n", medianOf(drawMs),
                             *std::min_element(drawMs.begin(), drawMs.end()));
    out << QString::asprintf("  total (incl. window) median %7.1f ms   min %8.1f ms\n", medianOf(totalMs),
                             *std::min_element(totalMs.begin(), totalMs.end()));

    const OpenStudy longRun = syntheticStudy(100000);
    QVector<double> reduced, full;
    for (int i = 0; i < 3; ++i) {
        reduced.push_back(timeLongCurve(longRun, true, 1200));
        full.push_back(timeLongCurve(longRun, false, 1200));
    }
    out << QString::asprintf("100,000-point curve, build + first paint: reduced %.1f ms, every point %.1f ms "
                             "(%.1fx), median of 3\n",
                             medianOf(reduced), medianOf(full), medianOf(full) / std::max(1e-9, medianOf(reduced)));
    out.flush();
    return 0;
}

} // namespace qks::gui
