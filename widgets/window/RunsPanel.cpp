#include "window/RunsPanel.h"

#include "app/AppTheme.h"
#include "results/SeedSummary.h"
#include "results/Summary.h"
#include "store/FigureData.h"
#include "store/RunOnDisk.h"
#include "store/RunStyle.h"
#include "store/StudyStore.h"

#include <QDateTime>
#include <QEvent>
#include <QPen>
#include <QLocale>
#include <QTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace qks::gui {

namespace {

enum Column { NameColumn, StatusColumn, TokensColumn };
constexpr int StudyRole = Qt::UserRole + 1;
constexpr int RunRole = Qt::UserRole + 2;

// A short line in a study's dash, as its curves are drawn.
QIcon dashSample(Qt::PenStyle style, const QColor& color)
{
    QPixmap pixmap(28, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setPen(QPen(color, 2, style, Qt::FlatCap));
    p.drawLine(QPointF(1, 7), QPointF(27, 7));
    return QIcon(pixmap);
}

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(color.darker(140));
    p.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 2, 2);
    return QIcon(pixmap);
}

} // namespace

RunsPanel::RunsPanel(StudyStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_tree(new QTreeWidget(this))
    , m_summary(new QTableWidget(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_summary);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter);
    m_summary->setColumnCount(5);
    m_summary->setHorizontalHeaderLabels({tr("Run"), tr("Init PR"), tr("Min PR (at)"), tr("Final PR"), tr("Loss (val)")});
    m_summary->horizontalHeaderItem(1)->setToolTip(tr("Mean key PR at the first probe"));
    m_summary->horizontalHeaderItem(2)->setToolTip(tr("Lowest mean key PR and the tokens where it was reached"));
    m_summary->horizontalHeaderItem(4)->setToolTip(tr("Last train loss, and in brackets the last validation loss"));
    m_summary->verticalHeader()->setVisible(false);
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    // Every column as wide as its text (German labels are longer); a narrow panel scrolls
    // sideways instead of cutting "Eingefroren γ=1" to "Eing… γ=1".
    m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_summary->horizontalHeader()->setStretchLastSection(false);
    m_summary->setTextElideMode(Qt::ElideNone);
    m_summary->setIconSize(QSize(28, 14));
    m_summary->setWordWrap(false);
    m_summary->verticalHeader()->setDefaultSectionSize(m_summary->fontMetrics().height() + 6);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Run"), tr("Status"), tr("Tokens")});
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(TokensColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeWidget::itemChanged, this, &RunsPanel::itemChanged);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &RunsPanel::showContextMenu);
    connect(store, &StudyStore::studiesChanged, this, &RunsPanel::rebuild);
    connect(store, &StudyStore::dataChanged, this, &RunsPanel::refresh);
    connect(store, &StudyStore::visibilityChanged, this, &RunsPanel::fillSummary); // hidden runs leave the table
    rebuild();
}

std::pair<QString, QString> RunsPanel::selectedRun() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return {};
    const int study = item->data(NameColumn, StudyRole).toInt();
    const int run = item->data(NameColumn, RunRole).toInt();
    const auto& studies = m_store->studies();
    if (study < 0 || study >= studies.size())
        return {};
    if (run < 0 || run >= studies[study].runs.size())
        return {studies[study].path, QString()};
    const RunEntry& entry = studies[study].runs[run];
    // One seed's run lives in its seed folder; a mean stands for every seed's run of its tag.
    if (entry.seed && !entry.aggregate)
        return {QFileInfo(entry.folder).absolutePath(), entry.tag};
    return {studies[study].path, entry.tag};
}

void RunsPanel::fillRun(QTreeWidgetItem* item, int study, int run)
{
    const RunEntry& r = m_store->studies()[study].runs[run];
    QString name = conditionLabel(r.tag);
    if (r.aggregate)
        name = tr("%1 · mean of %n seed(s)", nullptr, r.seedCount()).arg(name);
    else if (r.seed)
        name = tr("%1 · seed %2").arg(name).arg(*r.seed);
    item->setText(NameColumn, name);
    item->setIcon(NameColumn, swatch(conditionColor(r.tag)));
    item->setCheckState(NameColumn, r.visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(NameColumn, r.aggregate ? tr("%1 (%2): the mean over the seed folders' runs, with a 95% band\n%3")
                                                   .arg(conditionLabel(r.tag), r.tag, QDir::toNativeSeparators(m_store->studies()[study].path))
                                             : tr("%1 (%2)\n%3").arg(conditionLabel(r.tag), r.tag, QDir::toNativeSeparators(r.folder)));
    QString status;
    QString tip;
    const auto liveText = [](const LiveRun& live) -> QString {
        switch (live.state) {
        case JobState::Queued: return tr("queued");
        case JobState::Running: {
            if (live.totalTokens <= 0)
                return tr("starting");
            const int percent = int(100.0 * double(live.tokens) / double(live.totalTokens));
            const QString eta = live.etaSeconds >= 0 ? QTime(0, 0).addSecs(int(live.etaSeconds)).toString(QStringLiteral("H:mm:ss"))
                                                     : QStringLiteral("–");
            return tr("%1% · %2 tok/s · ETA %3").arg(percent).arg(QLocale().toString(qlonglong(std::lround(live.tokensPerSecond)))).arg(eta);
        }
        case JobState::Stopping: return tr("stopping…");
        case JobState::Stopped: return tr("stopped (resumable)");
        case JobState::Failed: return tr("failed");
        case JobState::Cancelled: return tr("cancelled");
        case JobState::Finished: return QString();
        }
        return QString();
    };
    // A run this window trains or queues says where it is from its live state; reading its
    // folder (lock, checkpoints, results) at every probe would only repeat the store's work.
    // An aggregate has no folder of its own; its seeds' folders are read as their own rows.
    const RunOnDisk disk = (r.live && r.live->active()) || r.aggregate ? RunOnDisk{} : runOnDisk(r);
    QString live = r.live ? liveText(*r.live) : QString();
    // A run this window stopped or cancelled says whether it can go on from a checkpoint.
    if (r.live && (r.live->state == JobState::Stopped || r.live->state == JobState::Cancelled))
        live = disk.resumable ? tr("stopped (resumable)") : tr("cancelled (no checkpoint)");
    if (!live.isEmpty()) {
        status = live;
        tip = r.live->message.isEmpty() ? r.error : r.live->message;
        item->setForeground(StatusColumn, r.live->state == JobState::Failed ? kErrorColor : kActiveColor);
        if (r.live->state == JobState::Cancelled || r.live->state == JobState::Stopped)
            item->setData(StatusColumn, Qt::ForegroundRole, QVariant());
    } else if (!r.ok() && r.error.isEmpty()) {
        status = tr("waiting for the first probe");
    } else if (!r.error.isEmpty()) {
        status = r.ok() ? tr("error (showing last good data)") : tr("error");
        tip = r.error;
        item->setForeground(StatusColumn, kErrorColor);
    } else {
        const int probes = int(r.results->probeCount());
        // Live only while its writer runs (the folder's run.lock names it): a run whose writer
        // was stopped or killed reads as stopped, however recently it wrote.
        tip = tr("Last written %1").arg(QLocale().toString(r.modified, QLocale::ShortFormat));
        item->setData(StatusColumn, Qt::ForegroundRole, QVariant());
        if (disk.writer != RunOnDisk::Writer::None && !r.live) {
            status = tr("live · %n probe(s)", nullptr, probes);
            item->setForeground(StatusColumn, kActiveColor);
        } else if (disk.incomplete) {
            const int percent = int(100.0 * double(r.results->tokens.back()) / double(disk.plannedTokens));
            status = disk.resumable ? tr("stopped at %1% (resumable)").arg(percent)
                                    : tr("stopped at %1% (no checkpoint)").arg(percent);
            tip += QLatin1Char('\n') + tr("%1 of %2 tokens").arg(tokensText(r.results->tokens.back()), tokensText(disk.plannedTokens));
        } else if (r.aggregate) {
            const size_t reached = r.aggregate->seedsAtProbe.empty() ? 0 : r.aggregate->seedsAtProbe.back();
            status = reached < r.aggregate->seeds.size()
                         ? tr("%n probe(s) · %1 of %2 seeds at the last", nullptr, probes).arg(reached).arg(r.aggregate->seeds.size())
                         : tr("%n probe(s)", nullptr, probes);
        } else {
            status = tr("%n probe(s)", nullptr, probes);
        }
    }
    item->setText(StatusColumn, status);
    item->setToolTip(StatusColumn, tip);
    const bool hasTokens = r.ok() && !r.results->tokens.empty();
    if (r.live && r.live->state == JobState::Running && r.live->tokens > 0)
        item->setText(TokensColumn, tokensText(r.live->tokens));
    else
        item->setText(TokensColumn, hasTokens ? tokensText(r.results->tokens.back()) : QStringLiteral("–"));
    item->setTextAlignment(TokensColumn, Qt::AlignRight | Qt::AlignVCenter);
}

// A multi-seed condition's row: each metric over its seeds as "mean ± half-width of the 95%
// interval", as `qkstudio-cli summary` gives it (the same metrics, the same estimate).
QStringList RunsPanel::seedSummaryCells(const OpenStudy& s, const QString& tag) const
{
    std::map<std::string, std::vector<double>> values;
    for (const RunEntry& r : s.seedRuns) {
        if (r.tag != tag || !r.ok())
            continue;
        const ConditionSummary sum = summarizeRun(*r.results);
        for (const std::string& metric : seedMetricNames())
            if (const auto v = seedMetricValue(sum, metric); v && std::isfinite(*v))
                values[metric].push_back(*v);
    }
    const QLocale locale;
    const auto cell = [&](const std::string& metric, int decimals) {
        const auto e = estimate(values[metric]);
        if (!e)
            return QStringLiteral("–");
        const auto show = [&](double v) {
            return metric == "min_pr_tokens" ? tokensText(int64_t(std::llround(v))) : locale.toString(v, 'f', decimals);
        };
        return e->ci95 ? tr("%1 ± %2").arg(show(e->mean), show((e->ci95->second - e->ci95->first) / 2)) : show(e->mean);
    };
    return {cell("init_pr", 2), tr("%1 (%2)").arg(cell("min_pr", 2), cell("min_pr_tokens", 0)), cell("final_pr", 2),
            tr("%1 (%2)").arg(cell("final_loss", 3), cell("final_val_loss", 3))};
}

void RunsPanel::fillSummary()
{
    const QLocale locale;
    const auto fixed = [&](const std::optional<double>& v, int decimals) {
        return v ? locale.toString(*v, 'f', decimals) : QStringLiteral("–");
    };
    // Rows of the runs shown in the figures (visible, with results), grouped under their study
    // once several are open: three studies are not nine rows of "Learned γ".
    const auto& studies = m_store->studies();
    const auto shown = [](const RunEntry& r) { return r.visible && r.ok(); };
    int studiesWithRows = 0, rows = 0;
    for (const OpenStudy& s : studies) {
        const int n = int(std::count_if(s.runs.cbegin(), s.runs.cend(), shown));
        studiesWithRows += n > 0 ? 1 : 0;
        rows += n;
    }
    const bool grouped = studiesWithRows > 1;
    m_summary->clearSpans();
    m_summary->setRowCount(rows + (grouped ? studiesWithRows : 0));
    int row = 0;
    for (const OpenStudy& s : studies) {
        if (std::none_of(s.runs.cbegin(), s.runs.cend(), shown))
            continue;
        if (grouped) {
            auto* header = new QTableWidgetItem(dashSample(studyPenStyle(s.styleIndex), palette().color(QPalette::Text)), s.name);
            QFont bold = header->font();
            bold.setBold(true);
            header->setFont(bold);
            header->setToolTip(QDir::toNativeSeparators(s.path));
            m_summary->setItem(row, 0, header);
            m_summary->setSpan(row, 0, 1, m_summary->columnCount());
            ++row;
        }
        for (const RunEntry& r : s.runs) {
            if (!shown(r))
                continue;
            QString labelText = conditionLabel(r.tag);
            if (r.aggregate)
                labelText = tr("%1 (n = %2)").arg(labelText).arg(r.seedCount());
            else if (r.seed)
                labelText = tr("%1 · seed %2").arg(labelText).arg(*r.seed);
            auto* label = new QTableWidgetItem(swatch(conditionColor(r.tag)), labelText);
            label->setToolTip(QStringLiteral("%1 — %2\n%3").arg(conditionLabel(r.tag), s.name, QDir::toNativeSeparators(r.folder)));
            m_summary->setItem(row, 0, label);
            QStringList cells;
            if (r.aggregate) {
                cells = seedSummaryCells(s, r.tag);
            } else {
                const ConditionSummary sum = summarizeRun(*r.results);
                const QString minText = sum.min_pr ? QStringLiteral("%1 (%2)").arg(fixed(sum.min_pr, 2), tokensText(*sum.min_pr_tokens))
                                                   : QStringLiteral("–");
                const QString lossText = QStringLiteral("%1 (%2)").arg(fixed(sum.final_loss, 3), fixed(sum.final_val_loss, 3));
                cells = {fixed(sum.initial_pr, 2), minText, fixed(sum.final_pr, 2), lossText};
            }
            for (int c = 0; c < cells.size(); ++c) {
                auto* item = new QTableWidgetItem(cells[c]);
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_summary->setItem(row, c + 1, item);
            }
            ++row;
        }
    }
}

void RunsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        fillSummary(); // the study rows' dash samples are drawn in the text colour
}

void RunsPanel::rebuild()
{
    m_filling = true;
    m_tree->clear();
    const auto& studies = m_store->studies();
    for (int s = 0; s < studies.size(); ++s) {
        auto* top = new QTreeWidgetItem(m_tree);
        top->setText(NameColumn, studies[s].multiSeed()
                                     ? tr("%1 · %n seed(s)", nullptr, int(studies[s].seeds.size())).arg(studies[s].name)
                                     : studies[s].name);
        top->setToolTip(NameColumn, QDir::toNativeSeparators(studies[s].path));
        top->setData(NameColumn, StudyRole, s);
        top->setData(NameColumn, RunRole, -1);
        top->setFlags(top->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        QFont bold = top->font(NameColumn);
        bold.setBold(true);
        top->setFont(NameColumn, bold);
        for (int r = 0; r < studies[s].runs.size(); ++r) {
            auto* child = new QTreeWidgetItem(top);
            child->setFlags(child->flags() | Qt::ItemIsUserCheckable);
            child->setData(NameColumn, StudyRole, s);
            child->setData(NameColumn, RunRole, r);
            fillRun(child, s, r);
        }
        top->setExpanded(true);
    }
    m_filling = false;
    fillSummary();
}

void RunsPanel::refresh()
{
    m_filling = true;
    for (int s = 0; s < m_tree->topLevelItemCount(); ++s) {
        QTreeWidgetItem* top = m_tree->topLevelItem(s);
        for (int r = 0; r < top->childCount(); ++r)
            fillRun(top->child(r), s, r);
    }
    m_filling = false;
    fillSummary();
}

void RunsPanel::itemChanged(QTreeWidgetItem* item, int column)
{
    if (m_filling || column != NameColumn)
        return;
    const int run = item->data(NameColumn, RunRole).toInt();
    if (run < 0)
        return; // the study row: Qt propagates its checkbox to the children
    m_store->setRunVisible(item->data(NameColumn, StudyRole).toInt(), run, item->checkState(NameColumn) == Qt::Checked);
}

void RunsPanel::showContextMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = m_tree->itemAt(pos);
    if (!item)
        return;
    const int study = item->data(NameColumn, StudyRole).toInt();
    const int run = item->data(NameColumn, RunRole).toInt();
    const auto& studies = m_store->studies();
    if (study < 0 || study >= studies.size())
        return;
    const QString folder = run >= 0 ? studies[study].runs[run].folder : studies[study].path;
    QMenu menu(this);
    const QString studyPath = studies[study].path;
    if (run >= 0) {
        const RunEntry& entry = studies[study].runs[run];
        const QString tag = entry.tag;
        if (entry.live && entry.live->state == JobState::Running) {
            menu.addAction(tr("Stop"), this, [this, studyPath, tag] { Q_EMIT stopRequested(studyPath, tag); });
        } else if (!entry.live || !entry.live->active()) {
            // Resume where there is a checkpoint; Start where the run never saved one (a
            // cancelled or failed start); nothing for a finished run or one written elsewhere.
            const RunOnDisk disk = runOnDisk(entry);
            const bool finished = entry.ok() && !disk.incomplete && disk.plannedTokens > 0;
            if (disk.writer == RunOnDisk::Writer::None && !finished) {
                if (disk.resumable)
                    menu.addAction(tr("Resume from Checkpoint"), this, [this, studyPath, tag] { Q_EMIT resumeRequested(studyPath, tag); });
                else
                    menu.addAction(tr("Start"), this, [this, studyPath, tag] { Q_EMIT resumeRequested(studyPath, tag); });
            }
        }
        menu.addSeparator();
    }
    menu.addAction(tr("Show in File Manager"), this,
                   [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    menu.addAction(tr("Reload"), m_store, &StudyStore::rescan);
    menu.addSeparator();
    menu.addAction(tr("Close Study"), this, [this, study] { m_store->close(study); });
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace qks::gui
