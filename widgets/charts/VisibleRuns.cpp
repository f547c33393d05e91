#include "charts/VisibleRuns.h"

#include "store/RunStyle.h"

#include <QCoreApplication>

namespace qks::gui {

QVector<VisibleRun> visibleRuns(const QVector<OpenStudy>& studies, int* studiesShown)
{
    QVector<VisibleRun> out;
    int shown = 0;
    for (const OpenStudy& s : studies) {
        bool any = false;
        for (const RunEntry& r : s.runs) {
            if (r.visible && r.ok()) {
                out.push_back({s.styleIndex, s.name, &r});
                any = true;
            }
        }
        shown += any ? 1 : 0;
    }
    if (studiesShown)
        *studiesShown = shown;
    return out;
}

QString runName(const VisibleRun& v, int studiesShown, const QString& suffix)
{
    QString name = conditionLabel(v.run->tag);
    if (v.run->aggregate)
        name += QCoreApplication::translate("qks::gui::ChartBuilder", " (n = %1)").arg(v.run->seedCount());
    else if (v.run->seed)
        name += QCoreApplication::translate("qks::gui::ChartBuilder", " (seed %1)").arg(*v.run->seed);
    name += suffix;
    if (studiesShown > 1)
        name += QStringLiteral(" — ") + v.studyName;
    return name;
}

} // namespace qks::gui
