// `cpack -G DEB` makes a package with both programs, the icons, the .desktop file and the
// AppStream metainfo, whose programs start from the unpacked tree.
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int code;
    QString out;
};

Run run(const QString& program, const QStringList& args, const QString& cwd = {})
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(300000))
        return {-1, QStringLiteral("timed out")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

} // namespace

class TestPackage final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void debPackageInstallsAndStarts();
};

void TestPackage::debPackageInstallsAndStarts()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        QFAIL("dpkg-deb is missing: run scripts/setup.sh (it installs dpkg-dev)");
    QTemporaryDir out;
    const Run pack = run(QStringLiteral("cpack"), {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out.path()},
                         QStringLiteral(QKS_BUILD_DIR));
    QVERIFY2(pack.code == 0, qPrintable(pack.out));
    const QString deb = out.path() + QStringLiteral("/qkstudio_" QKS_VERSION_TEXT "_amd64.deb");
    QVERIFY2(QFile::exists(deb), qPrintable(pack.out));

    const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-I"), deb});
    QVERIFY(info.code == 0);
    for (const char* dep : {"libqt6charts6", "libqt6widgets6", "libtorch1.13", "libopenblas0-openmp"})
        QVERIFY2(info.out.contains(QLatin1String(dep)), dep);

    const Run list = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), deb});
    for (const char* file : {"./usr/bin/qkstudio", "./usr/bin/qkstudio-cli",
                             "./usr/share/applications/io.github.qkstudio.QKStudio.desktop",
                             "./usr/share/metainfo/io.github.qkstudio.QKStudio.metainfo.xml",
                             "./usr/share/icons/hicolor/48x48/apps/qkstudio.png",
                             "./usr/share/icons/hicolor/scalable/apps/qkstudio.svg"})
        QVERIFY2(list.out.contains(QLatin1String(file)), file);

    const QString root = out.path() + QStringLiteral("/root");
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, root}).code, 0);
    const Run version = run(root + QStringLiteral("/usr/bin/qkstudio"), {QStringLiteral("--version")});
    QCOMPARE(version.out.trimmed().split(QLatin1Char('\n')).last(), QStringLiteral("qkstudio " QKS_VERSION_TEXT));
    const Run cli = run(root + QStringLiteral("/usr/bin/qkstudio-cli"),
                        {QStringLiteral("summary"), QStringLiteral(QKS_FIXTURES_DIR "/published/qk_norm_50m_study")});
    QVERIFY2(cli.code == 0 && cli.out.contains(QStringLiteral("65.70")), qPrintable(cli.out));
    if (!QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty()) {
        const Run desktop = run(QStringLiteral("desktop-file-validate"),
                                {root + QStringLiteral("/usr/share/applications/io.github.qkstudio.QKStudio.desktop")});
        QVERIFY2(desktop.code == 0, qPrintable(desktop.out));
    }
}

QTEST_GUILESS_MAIN(TestPackage)
#include "test_package.moc"
