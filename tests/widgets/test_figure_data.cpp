// What the figures plot, checked against the published files read with Qt's own JSON parser
// (independent of ours) and against the published numbers in docs/design.md §1.10.
#include "results/ResultsJson.h"
#include "store/FigureData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace qks;
using namespace qks::gui;

namespace {

const QString kStudy = QStringLiteral(QKS_FIXTURES_DIR "/published/qk_norm_50m_study");

RunResults load(const char* tag)
{
    return readResults((kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json")).toStdString());
}

QJsonObject loadQt(const char* tag)
{
    QFile f(kStudy + QLatin1Char('/') + QLatin1String(tag) + QStringLiteral("/results.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open the published fixture");
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

class TestFigureData final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tokensAxisIsInMillions();
    void stepsAndWallTimeNeedRecordedData();
    void lossSkipsTheNullAtZeroTokens();
    void minimaMatchThePublishedNumbers();
    void causalDecompositionMatchesAnIndependentComputation();
    void causalDecompositionNeedsACommonCheckpoint();
    void gammaCvLayersFollowTheStudy();
    void heatmapsHaveTheStudysShape();
};

void TestFigureData::tokensAxisIsInMillions()
{
    const RunResults r = load("QK");
    const auto x = probeXValues(r, XAxisKind::Tokens);
    QVERIFY(x);
    QCOMPARE(x->size(), qsizetype(26));
    QCOMPARE(x->front(), 0.0);
    QCOMPARE(x->back(), 49.152); // 49,152,000 tokens at the last probe
}

void TestFigureData::stepsAndWallTimeNeedRecordedData()
{
    RunResults r = load("QK");
    QVERIFY(!probeXValues(r, XAxisKind::Steps));    // the published files record tokens only
    QVERIFY(!probeXValues(r, XAxisKind::WallTime));
    nlohmann::ordered_json micro = nlohmann::ordered_json::array(), wall = nlohmann::ordered_json::array();
    for (size_t i = 0; i < r.probeCount(); ++i) {
        micro.push_back(int64_t(i) * 120);
        wall.push_back(double(i) * 30.0);
    }
    r.extra["micro_steps"] = micro;
    r.extra["wall_time"] = wall;
    r.extra["config"] = {{"train", {{"gradient_accumulation_steps", 4}}}};
    const auto steps = probeXValues(r, XAxisKind::Steps);
    QVERIFY(steps);
    QCOMPARE(steps->at(2), 60.0); // 240 micro-steps / 4 accumulation = 60 optimizer steps
    QCOMPARE(probeXValues(r, XAxisKind::WallTime)->at(2), 1.0); // 60 s = 1 min
}

void TestFigureData::lossSkipsTheNullAtZeroTokens()
{
    const RunResults r = load("NoQK");
    const QJsonObject j = loadQt("NoQK");
    const auto x = *probeXValues(r, XAxisKind::Tokens);
    const QVector<QPointF> train = lossPoints(r, x, false);
    QCOMPARE(train.size(), qsizetype(25));
    QCOMPARE(train.front().y(), j.value(QStringLiteral("loss")).toArray().at(1).toDouble());
    QCOMPARE(lossPoints(r, x, true).back().y(), j.value(QStringLiteral("val_loss")).toArray().last().toDouble());
}

void TestFigureData::minimaMatchThePublishedNumbers()
{
    // docs/design.md §1.10: minimum 55.17 at 7.9M / 51.84 (file: 51.845) at 9.8M / 51.28 at 7.9M.
    const struct {
        const char* tag;
        double pr;
        double tokensM;
    } expected[] = {{"QK", 55.17, 7.864}, {"QK_frozen", 51.845, 9.830}, {"NoQK", 51.28, 7.864}};
    for (const auto& e : expected) {
        const RunResults r = load(e.tag);
        const auto m = minimumPoint(meanPrPoints(r, *probeXValues(r, XAxisKind::Tokens)));
        QVERIFY(m);
        QVERIFY2(std::abs(m->y() - e.pr) < 0.006, e.tag);
        QVERIFY2(std::abs(m->x() - e.tokensM) < 0.001, e.tag);
    }
}

void TestFigureData::causalDecompositionMatchesAnIndependentComputation()
{
    const auto d = causalDecomposition(load("QK"), load("QK_frozen"), load("NoQK"));
    QVERIFY(d);
    QCOMPARE(d->tokens, int64_t(49152000));
    const QJsonObject a = loadQt("QK"), b = loadQt("QK_frozen"), c = loadQt("NoQK");
    double sumGamma = 0, sumNorm = 0;
    for (int l = 0; l < 32; ++l) {
        const QString key = QString::number(l);
        const double pa = a[QStringLiteral("layer_pr")].toObject()[key].toArray().last().toDouble();
        const double pb = b[QStringLiteral("layer_pr")].toObject()[key].toArray().last().toDouble();
        const double pc = c[QStringLiteral("layer_pr")].toObject()[key].toArray().last().toDouble();
        QCOMPARE(d->gammaEffect[l], pa - pb);
        QCOMPARE(d->normEffect[l], pb - pc);
        sumGamma += std::abs(pa - pb);
        sumNorm += std::abs(pb - pc);
    }
    QVERIFY(std::abs(d->meanAbsGamma - sumGamma / 32) < 1e-12);
    QVERIFY(std::abs(d->meanAbsNorm - sumNorm / 32) < 1e-12);

    // At an earlier checkpoint (the QK minimum, 7,864,320 tokens).
    const auto early = causalDecomposition(load("QK"), load("QK_frozen"), load("NoQK"), int64_t(7864320));
    QVERIFY(early);
    const double pa = a[QStringLiteral("layer_pr")].toObject()[QStringLiteral("5")].toArray().at(4).toDouble();
    const double pb = b[QStringLiteral("layer_pr")].toObject()[QStringLiteral("5")].toArray().at(4).toDouble();
    QCOMPARE(early->gammaEffect[5], pa - pb);
}

void TestFigureData::causalDecompositionNeedsACommonCheckpoint()
{
    RunResults a = load("QK"), b = load("QK_frozen"), c = load("NoQK");
    // Between checkpoints: the shared one nearest the tokens asked for (here the first, 0).
    const auto near = causalDecomposition(a, b, c, int64_t(12345));
    QVERIFY(near);
    QCOMPARE(near->tokens, int64_t(0));
    // Past a run's end: its last checkpoint the others share.
    const auto past = causalDecomposition(a, b, c, int64_t(1) << 40);
    QVERIFY(past);
    QCOMPARE(past->tokens, a.tokens.back());
    // No checkpoint in common: nothing to compare.
    RunResults shifted = c;
    for (int64_t& t : shifted.tokens)
        t += 1;
    QVERIFY(!causalDecomposition(a, b, shifted, int64_t(12345)));
    c.layer_pr.pop_back(); // a model with another depth cannot be compared layer by layer
    QVERIFY(!causalDecomposition(a, b, c));
}

void TestFigureData::gammaCvLayersFollowTheStudy()
{
    QCOMPARE(defaultGammaCvLayers(32), (QVector<int>{0, 8, 15, 23, 30}));
    QCOMPARE(defaultGammaCvLayers(4), (QVector<int>{0, 1, 2, 3}));
    QCOMPARE(defaultGammaCvLayers(12), (QVector<int>{0, 3, 6, 8, 11}));
    QCOMPARE(defaultGammaCvLayers(1), (QVector<int>{0}));
}

void TestFigureData::heatmapsHaveTheStudysShape()
{
    const RunResults qk = load("QK");
    const HeatmapData pr = prHeatmap(qk);
    QCOMPARE(pr.rows, 32);
    QCOMPARE(pr.columns, 26);
    QCOMPARE(pr.at(7, 25), qk.layer_pr[7][25]);
    QCOMPARE(pr.columnLabels.at(4), QStringLiteral("7.9M"));
    const HeatmapData g = gammaFinalHeatmap(qk);
    QCOMPARE(g.rows, 32);
    QCOMPARE(g.columns, 128);
    QCOMPARE(g.at(3, 17), double((*qk.gamma_final)[3][17]));
    QVERIFY(gammaFinalHeatmap(load("NoQK")).isEmpty());
    QVERIFY(gammaMeanHeatmap(qk).isEmpty()); // not recorded in the published files
}

QTEST_APPLESS_MAIN(TestFigureData)
#include "test_figure_data.moc"
