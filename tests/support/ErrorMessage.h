#pragma once

// Runs `f`, expects a qks::DataError (or the error type given), and returns its message; any
// other outcome comes back as "WRONG EXCEPTION: ..." or "NO EXCEPTION" so a QVERIFY on the text
// shows what happened.
#include "common/Error.h"

#include <QString>
#include <exception>
#include <utility>

template <typename Expected, typename F>
QString errorMessageOf(F&& f)
{
    try {
        f();
    } catch (const Expected& e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        return QStringLiteral("WRONG EXCEPTION: ") + QString::fromStdString(e.what());
    }
    return QStringLiteral("NO EXCEPTION");
}

template <typename F>
QString dataErrorOf(F&& f)
{
    return errorMessageOf<qks::DataError>(std::forward<F>(f));
}
