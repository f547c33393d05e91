#pragma once

#include "store/StudyStore.h"

#include <QString>
#include <QVector>

namespace qks::gui {

// A visible run with what its legend entry needs.
struct VisibleRun {
    int style = 0;           // the study's line style (OpenStudy::styleIndex)
    QString studyName;
    const RunEntry* run = nullptr;
    const RunResults& results() const { return *run->results; }
};

// The runs to plot, study by study; `studiesShown` counts the studies with one of them.
QVector<VisibleRun> visibleRuns(const QVector<OpenStudy>& studies, int* studiesShown);

// The legend name: the condition's label, with the study's name once two studies are shown.
QString runName(const VisibleRun& v, int studiesShown, const QString& suffix = {});

} // namespace qks::gui
