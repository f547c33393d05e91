// render_icon IN.svg OUTDIR size...
//
// Renders the application icon into a hicolor tree: OUTDIR/<s>x<s>/apps/<name>.png for each
// size, where <name> is the SVG's base name. Run at build time with QT_QPA_PLATFORM=offscreen;
// QSvgRenderer and QImage need no display. Exits non-zero with a message on any failure.
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "render_icon: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4)
        return fail(QStringLiteral("usage: render_icon IN.svg OUTDIR size..."));

    // A QGuiApplication makes the font database and image plugins available; the offscreen
    // platform is enough and is the default here when none is set.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    const QString inPath = QString::fromLocal8Bit(argv[1]);
    const QString outDir = QString::fromLocal8Bit(argv[2]);
    const QString name = QFileInfo(inPath).completeBaseName();

    QSvgRenderer renderer(inPath);
    if (!renderer.isValid())
        return fail(QStringLiteral("cannot read SVG '%1'").arg(inPath));

    for (int i = 3; i < argc; ++i) {
        bool ok = false;
        const int size = QString::fromLocal8Bit(argv[i]).toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return fail(QStringLiteral("bad size '%1'").arg(QString::fromLocal8Bit(argv[i])));

        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }

        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(outDir).arg(size);
        if (!QDir().mkpath(dir))
            return fail(QStringLiteral("cannot create directory '%1'").arg(dir));
        const QString outPath = QStringLiteral("%1/%2.png").arg(dir, name);
        if (!image.convertToFormat(QImage::Format_ARGB32).save(outPath, "PNG"))
            return fail(QStringLiteral("cannot write '%1'").arg(outPath));
    }
    return 0;
}
