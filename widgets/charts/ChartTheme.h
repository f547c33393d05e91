#pragma once

#include <QColor>
#include <QFont>
#include <QString>

#include <optional>

namespace qks::gui {

// Colours and fonts of a figure. Dark is the study's own palette (docs/design.md §1.12); paper is white,
// prints well, and stays readable in grayscale because every condition also gets its own
// marker shape.
struct ChartTheme {
    QString name;               // "dark" or "paper", as the command line spells it
    QColor background;          // around the plot
    QColor plotBackground;      // inside the axes
    QColor text;                // tick labels, legend
    QColor title;               // figure and axis titles
    QColor spine;               // axis lines and plot frame
    QColor grid;
    QColor legendBackground;
    QColor annotationBackground;
    bool markers = false;       // draw a per-condition marker shape on each curve
    double fontScale = 1.0;     // smaller type for one-column figures

    // The condition's line colour in this theme.
    QColor runColor(const QString& tag) const;
    // 0 circle, 1 square, 2 triangle, 3 star... per condition (used when `markers`).
    int markerShape(const QString& tag) const;

    // Fonts in pixels of the figure's layout (96 per inch), so a figure keeps its look at any dpi.
    QFont titleFont() const;
    QFont labelFont() const;
    QFont tickFont() const;
    QFont legendFont() const;

    static ChartTheme dark();
    static ChartTheme paper();
    static std::optional<ChartTheme> byName(const QString& name);
};

} // namespace qks::gui
