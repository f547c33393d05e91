#pragma once

// Runs the built `qkstudio` as a user would from a shell without a display: no DISPLAY and no
// QT_QPA_PLATFORM, so the program must choose the offscreen platform itself.
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace qks::testing {

struct GuiRun {
    int code;
    QString out;
    QString err;
};

inline GuiRun runGui(const QStringList& args, int timeoutMs = 300000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    // Settings of the test's own, not the user's.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/qks-test-config"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(QKS_GUI_PATH), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace qks::testing
