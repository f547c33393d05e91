// results.json: the published files load unchanged and round-trip, corrupt files fail with a
// DataError that names the file and the problem (never a crash), writes are atomic, extra keys
// survive, and non-finite numbers never reach the file as invalid JSON.
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "results/ResultsJson.h"

#include <QTemporaryDir>
#include <QtTest>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <functional>
#include <random>

using namespace qks;
using nlohmann::ordered_json;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::function<void(ordered_json&)>)

namespace {

using Mutation = std::function<void(ordered_json&)>;

fs::path publishedDir()
{
    return fs::path(QKS_FIXTURES_DIR) / "published" / "qk_norm_50m_study";
}

fs::path publishedFile(const std::string& tag)
{
    return publishedDir() / tag / "results.json";
}

ordered_json publishedJson(const std::string& tag)
{
    return ordered_json::parse(readFile(publishedFile(tag)));
}

// The DataError message, or a failure marker when something else (or nothing) was thrown.
std::string dataErrorOf(const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const DataError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("WRONG EXCEPTION: ") + e.what();
    }
    return "NO EXCEPTION";
}

bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

// Same values, NaN equal to NaN (a null PR reads back as NaN).
bool sameValues(const std::vector<double>& a, const std::vector<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    }
    return true;
}

bool sameResults(const RunResults& a, const RunResults& b)
{
    if (a.tag != b.tag || a.tokens != b.tokens || a.loss != b.loss || a.val_loss != b.val_loss)
        return false;
    if (!sameValues(a.mean_pr, b.mean_pr) || a.layer_pr.size() != b.layer_pr.size()
        || a.gamma_cv.size() != b.gamma_cv.size() || a.gamma_final != b.gamma_final || a.extra != b.extra)
        return false;
    for (size_t l = 0; l < a.layer_pr.size(); ++l) {
        if (!sameValues(a.layer_pr[l], b.layer_pr[l]))
            return false;
    }
    for (size_t l = 0; l < a.gamma_cv.size(); ++l) {
        if (!sameValues(a.gamma_cv[l], b.gamma_cv[l]))
            return false;
    }
    return true;
}

// Lines that differ between two texts, for reporting how close the bytes are.
int differingLines(const std::string& a, const std::string& b)
{
    QStringList la = QString::fromStdString(a).split('\n');
    QStringList lb = QString::fromStdString(b).split('\n');
    int diff = std::abs(int(la.size()) - int(lb.size()));
    for (int i = 0; i < std::min(la.size(), lb.size()); ++i)
        diff += la[i] != lb[i];
    return diff;
}

RunResults smallRun()
{
    RunResults r;
    r.tag = "QK";
    r.tokens = {0, 100, 200};
    r.loss = {std::nullopt, 7.5, 6.25};
    r.val_loss = {std::nullopt, 7.0, 6.0};
    r.mean_pr = {30.0, 20.0, 25.0};
    r.layer_pr = {{31.0, 21.0, 26.0}, {29.0, 19.0, 24.0}};
    r.gamma_cv = {{0.0, 0.1, 0.2}, {0.0, 0.05, 0.1}};
    r.gamma_final = std::vector<std::vector<float>>{{1.0f, 1.5f}, {0.5f, 2.0f}};
    return r;
}

} // namespace

class TestResultsJson final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void publishedFilesLoad_data()
    {
        QTest::addColumn<std::string>("tag");
        QTest::newRow("QK") << std::string("QK");
        QTest::newRow("QK_frozen") << std::string("QK_frozen");
        QTest::newRow("NoQK") << std::string("NoQK");
    }
    void publishedFilesLoad()
    {
        QFETCH(std::string, tag);
        const RunResults r = readResults(publishedFile(tag));
        QCOMPARE(r.tag, tag);
        QCOMPARE(r.probeCount(), size_t(26));
        QCOMPARE(r.tokens.front(), int64_t(0));
        QCOMPARE(r.tokens[1], int64_t(1966080));
        QCOMPARE(r.tokens.back(), int64_t(49152000));
        QVERIFY(!r.loss.front().has_value());
        QVERIFY(!r.val_loss.front().has_value());
        QVERIFY(r.loss.back().has_value());
        QCOMPARE(r.layerCount(), size_t(32));
        QCOMPARE(r.gamma_cv.size(), tag == "NoQK" ? size_t(0) : size_t(32));
        QCOMPARE(r.gamma_final.has_value(), tag == "QK");
        if (r.gamma_final) {
            QCOMPARE(r.gamma_final->size(), size_t(32));
            for (const auto& g : *r.gamma_final)
                QCOMPARE(g.size(), size_t(128));
        }
        QVERIFY(r.extra.empty());
        QVERIFY(validateResults(r).empty());
        // The published mean_pr is the plain mean of the 32 layer values.
        for (size_t i = 0; i < r.probeCount(); ++i) {
            double sum = 0;
            for (const auto& layer : r.layer_pr)
                sum += layer[i];
            QVERIFY(std::abs(sum / 32.0 - r.mean_pr[i]) <= 1e-12 * r.mean_pr[i]);
        }
    }

    void publishedValuesMatchTheFiles()
    {
        // Values copied from the files with Python's repr (QCOMPARE allows 1e-12 relative).
        const RunResults qk = readResults(publishedFile("QK"));
        QCOMPARE(*qk.loss[1], 7.253808816274007);
        QCOMPARE(*qk.loss.back(), 3.6175389885902405);
        QCOMPARE(*qk.val_loss[1], 6.467169284820557);
        QCOMPARE(qk.mean_pr.front(), 86.84670659899712);
        QCOMPARE(qk.mean_pr.back(), 65.6977965310216);
        QCOMPARE(qk.layer_pr[0][0], 111.65017127990723);
        QCOMPARE(qk.layer_pr[31][25], 68.59372329711914);
        QCOMPARE(qk.gamma_cv[15][25], 0.15530533388922832);
        QCOMPARE(qk.gamma_cv[0][0], 0.0);
        QVERIFY((*qk.gamma_final)[0][0] == 1.1404305696487427f);
        QVERIFY(double((*qk.gamma_final)[31][127]) == 1.0526454448699951); // exactly a float32

        const RunResults frozen = readResults(publishedFile("QK_frozen"));
        QCOMPARE(frozen.layer_pr[31][25], 63.580697536468506);
        QCOMPARE(*frozen.val_loss[1], 6.473829865455627);
        for (const auto& layer : frozen.gamma_cv) // γ fixed at 1: no spread, ever
            for (double cv : layer)
                QCOMPARE(cv, 0.0);

        const RunResults noqk = readResults(publishedFile("NoQK"));
        QCOMPARE(noqk.layer_pr[0][0], 111.09026145935059);
        QCOMPARE(noqk.mean_pr.back(), 63.25383783876896);
        QCOMPARE(*noqk.val_loss[1], 6.471683621406555);
    }

    void roundTripKeepsEveryValue_data() { publishedFilesLoad_data(); }
    void roundTripKeepsEveryValue()
    {
        QFETCH(std::string, tag);
        const std::string original = readFile(publishedFile(tag));
        const RunResults r = parseResults(original, tag);
        const std::string written = resultsToJsonText(r);
        // As JSON values the documents are identical (key order aside, numbers bit for bit).
        QVERIFY(nlohmann::json::parse(written) == nlohmann::json::parse(original));
        // Key order follows the schema, as the Python writer's.
        const ordered_json reparsed = ordered_json::parse(written);
        std::vector<std::string> keys;
        for (const auto& [k, v] : reparsed.items())
            keys.push_back(k);
        std::vector<std::string> expected = {"tag", "tokens", "loss", "val_loss", "mean_pr", "layer_pr", "gamma_cv"};
        if (tag == "QK")
            expected.push_back("gamma_final");
        QCOMPARE(keys, expected);
        QVERIFY(sameResults(parseResults(written, "written"), r));
        // Byte for byte: the writer reproduces json.dump(indent=2), floats as Python's repr.
        const int diff = differingLines(original, written);
        qInfo("%s: %zu bytes published, %zu written, %d differing lines", tag.c_str(), original.size(),
              written.size(), diff);
        QCOMPARE(written, original);
    }

    void writeIsAtomicAndReadable()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const fs::path dir = tmp.path().toStdString();
        const fs::path file = dir / "QK" / "results.json";
        const RunResults r = readResults(publishedFile("QK"));
        writeResults(r, file); // creates the condition folder
        QVERIFY(sameResults(readResults(file), r));

        RunResults second = smallRun();
        writeResults(second, file); // replaces the old file
        QVERIFY(sameResults(readResults(file), second));

        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir / "QK"))
            names.push_back(e.path().filename().string());
        QCOMPARE(names, std::vector<std::string>{"results.json"}); // no temporary left behind
    }

    void invalidResultsAreNotWritten()
    {
        QTemporaryDir tmp;
        const fs::path file = fs::path(tmp.path().toStdString()) / "results.json";
        writeResults(smallRun(), file);
        const std::string before = readFile(file);

        RunResults bad = smallRun();
        bad.loss.pop_back();
        const std::string msg = dataErrorOf([&] { writeResults(bad, file); });
        QVERIFY2(contains(msg, "loss has 2 values but tokens has 3"), msg.c_str());
        QVERIFY2(contains(msg, file.string()), msg.c_str());
        QCOMPARE(readFile(file), before);
    }

    void extrasSurviveAndFollowTheSchemaKeys()
    {
        ordered_json doc = publishedJson("QK_frozen");
        doc["post_rope_layer_pr"] = {{"0", {1.5, 2.5}}, {"1", {3.5, nullptr}}};
        doc["wall_time"] = 1234.5;
        doc["steps"] = 3120;
        doc["notes"] = "re-run on H100 \u00b5";
        // An extra key placed before the schema keys still comes back after them.
        ordered_json reordered = {{"config", {{"seed", 42}}}};
        for (const auto& [k, v] : doc.items())
            reordered[k] = v;

        const RunResults r = parseResults(reordered.dump(2), "with-extras.json");
        QCOMPARE(r.extra.size(), size_t(5));
        QCOMPARE(r.extra["steps"].get<int>(), 3120);
        QVERIFY(r.extra["post_rope_layer_pr"]["1"][1].is_null());

        const ordered_json written = ordered_json::parse(resultsToJsonText(r));
        std::vector<std::string> keys;
        for (const auto& [k, v] : written.items())
            keys.push_back(k);
        const std::vector<std::string> expected = {"tag", "tokens", "loss", "val_loss", "mean_pr", "layer_pr",
                                                   "gamma_cv", "config", "post_rope_layer_pr", "wall_time",
                                                   "steps", "notes"};
        QCOMPARE(keys, expected);
        QCOMPARE(written["notes"].get<std::string>(), std::string("re-run on H100 \u00b5"));
        QVERIFY(contains(resultsToJsonText(r), "\\u00b5")); // ASCII output, as Python's default
        QVERIFY(sameResults(parseResults(written.dump(), "again"), r));
    }

    void extraMayNotReplaceASchemaKey()
    {
        RunResults r = smallRun();
        r.extra["mean_pr"] = {1, 2, 3};
        const auto problems = validateResults(r);
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY(contains(problems[0], "\"mean_pr\""));
        QVERIFY(contains(dataErrorOf([&] { resultsToJsonText(r); }), "mean_pr"));
    }

    void nonFiniteValuesAreWrittenAsNull()
    {
        RunResults r = smallRun();
        r.mean_pr[1] = std::nan("");
        r.layer_pr[0][2] = INFINITY;
        r.gamma_cv[1][0] = -INFINITY;
        r.loss[2] = std::nan("");
        (*r.gamma_final)[1][0] = std::nanf("");
        r.extra["wall_time"] = std::nan("");
        const std::string text = resultsToJsonText(r);
        QVERIFY(!contains(text, "nan") && !contains(text, "NaN") && !contains(text, "inf"));
        const auto strict = nlohmann::json::parse(text); // throws on invalid JSON
        QVERIFY(strict["mean_pr"][1].is_null());
        QVERIFY(strict["loss"][2].is_null());
        QVERIFY(strict["wall_time"].is_null());

        const RunResults back = parseResults(text, "nonfinite");
        QVERIFY(std::isnan(back.mean_pr[1]));
        QVERIFY(std::isnan(back.layer_pr[0][2]));
        QVERIFY(std::isnan(back.gamma_cv[1][0]));
        QVERIFY(std::isnan((*back.gamma_final)[1][0]));
        QVERIFY(!back.loss[2].has_value()); // a NaN loss has no value to keep
        QCOMPARE(back.mean_pr[2], 25.0);
    }

    void pythonNonFiniteWordsAreAccepted()
    {
        // What json.dump writes for a run whose loss diverged.
        // (No raw string literals here: moc mis-parses them and then skips the class.)
        const std::string text = "{\"tag\": \"NaN Infinity \\\"NaN\\\"\", \"tokens\": [0, 10],\n"
                                 "\"loss\": [null, NaN], \"val_loss\": [null, Infinity],\n"
                                 "\"mean_pr\": [NaN, 3.0], \"layer_pr\": {\"0\": [NaN, 3.0]},\n"
                                 "\"gamma_cv\": {\"0\": [1.0, -Infinity]}}";
        const RunResults r = parseResults(text, "python.json");
        QCOMPARE(r.tag, std::string("NaN Infinity \"NaN\"")); // words inside strings untouched
        QVERIFY(r.loss[1].has_value() && std::isnan(*r.loss[1]));
        QCOMPARE(*r.val_loss[1], double(INFINITY));
        QVERIFY(std::isnan(r.mean_pr[0]));
        QVERIFY(std::isnan(r.layer_pr[0][0]));
        QCOMPARE(r.gamma_cv[0][1], -double(INFINITY));
        // Read, but out of a PR's range: refused by validation, not by the parser.
        std::string negative = text;
        negative.replace(negative.find("[NaN, 3.0]"), 10, "[NaN, -Infinity]");
        QVERIFY_THROWS_EXCEPTION(DataError, parseResults(negative, "python.json"));

    }

    void corruptContentFailsWithAClearMessage_data()
    {
        QTest::addColumn<std::string>("tag");
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<std::string>("expected");
        auto row = [](const char* name, const char* tag, Mutation m, const char* expected) {
            QTest::newRow(name) << std::string(tag) << m << std::string(expected);
        };
        row("missing mean_pr", "QK", [](ordered_json& d) { d.erase("mean_pr"); },
            "required key \"mean_pr\" is missing");
        row("missing tag", "NoQK", [](ordered_json& d) { d.erase("tag"); }, "required key \"tag\" is missing");
        row("missing layer_pr", "NoQK", [](ordered_json& d) { d.erase("layer_pr"); },
            "required key \"layer_pr\" is missing");
        row("short val_loss", "QK", [](ordered_json& d) { d["val_loss"].erase(25); },
            "val_loss has 25 values but tokens has 26");
        row("long tokens", "QK_frozen", [](ordered_json& d) { d["tokens"].push_back(51118080); },
            "loss has 26 values but tokens has 27");
        row("short layer", "NoQK", [](ordered_json& d) { d["layer_pr"]["3"].erase(0); },
            "layer_pr[\"3\"] has 25 values but tokens has 26");
        row("layer key 32", "NoQK",
            [](ordered_json& d) {
                d["layer_pr"]["32"] = d["layer_pr"]["31"];
                d["layer_pr"].erase("31");
            },
            "\"layer_pr\" has the key \"32\"; its keys must be the layer indices \"0\" to \"31\"");
        row("layer key 07", "NoQK",
            [](ordered_json& d) {
                d["layer_pr"]["07"] = d["layer_pr"]["7"];
                d["layer_pr"].erase("7");
            },
            "has the key \"07\"");
        row("layer key name", "QK_frozen",
            [](ordered_json& d) {
                d["gamma_cv"]["layer0"] = d["gamma_cv"]["0"];
                d["gamma_cv"].erase("0");
            },
            "\"gamma_cv\" has the key \"layer0\"");
        row("layer_pr array", "NoQK", [](ordered_json& d) { d["layer_pr"] = ordered_json::array(); },
            "\"layer_pr\" must be an object keyed by layer index");
        row("gamma_cv layers", "QK", [](ordered_json& d) { d["gamma_cv"].erase("31"); },
            "gamma_cv has 31 layers but layer_pr has 32");
        row("gamma_final width", "QK", [](ordered_json& d) { d["gamma_final"]["5"].erase(0); },
            "gamma_final[\"5\"] has 127 values but gamma_final[\"0\"] has 128");
        row("text in mean_pr", "QK", [](ordered_json& d) { d["mean_pr"][2] = "abc"; },
            "mean_pr[2] must be a number or null, found string \"abc\"");
        row("bool in loss", "QK", [](ordered_json& d) { d["loss"][4] = true; },
            "loss[4] must be a number or null, found boolean");
        row("text token", "QK", [](ordered_json& d) { d["tokens"][1] = "1966080"; },
            "tokens[1] must be a whole number of tokens, found string");
        row("fractional token", "QK", [](ordered_json& d) { d["tokens"][1] = 1.5; },
            "tokens[1] must be a whole number of tokens, found 1.5");
        row("loss object", "QK", [](ordered_json& d) { d["loss"] = ordered_json::object(); },
            "\"loss\" must be an array, found object");
        row("numeric tag", "QK", [](ordered_json& d) { d["tag"] = 5; }, "\"tag\" must be a string");
        row("empty tag", "QK", [](ordered_json& d) { d["tag"] = ""; }, "tag is empty");
        row("tokens decrease", "QK", [](ordered_json& d) { std::swap(d["tokens"][3], d["tokens"][4]); },
            "tokens decrease at probe 4 (7864320 then 5898240)");
        row("negative tokens", "QK", [](ordered_json& d) { d["tokens"][0] = -1; }, "tokens[0] is negative");
        row("null in layer map", "QK", [](ordered_json& d) { d["layer_pr"]["0"] = nullptr; },
            "\"layer_pr[\"0\"]\" must be an array, found null");
        row("top-level array", "QK", [](ordered_json& d) { d = ordered_json::array({1, 2}); },
            "the top level must be a JSON object");
    }
    void corruptContentFailsWithAClearMessage()
    {
        QFETCH(std::string, tag);
        QFETCH(Mutation, mutate);
        QFETCH(std::string, expected);
        ordered_json doc = publishedJson(tag);
        mutate(doc);
        const std::string msg = dataErrorOf([&] { parseResults(doc.dump(2), "runs/x/results.json"); });
        QVERIFY2(contains(msg, expected), msg.c_str());
        QVERIFY2(contains(msg, "runs/x/results.json: "), msg.c_str());
        QVERIFY2(contains(msg, "rerun the condition"), msg.c_str());
    }

    void notJsonFailsWithAClearMessage_data()
    {
        QTest::addColumn<std::string>("text");
        QTest::addColumn<std::string>("expected");
        const std::string qk = readFile(publishedFile("QK"));
        QTest::newRow("truncated") << qk.substr(0, qk.size() / 2) << std::string("unexpected end of input");
        QTest::newRow("last brace missing") << qk.substr(0, qk.size() - 1) << std::string("unexpected end");
        QTest::newRow("empty") << std::string() << std::string("(the file is empty)");
        QTest::newRow("blank") << std::string(" \n") << std::string("(the file is empty)");
        QTest::newRow("text") << std::string("hello") << std::string("syntax error");
        QTest::newRow("binary") << std::string("\x00\xff\xfe{", 4) << std::string("not valid JSON");
        QTest::newRow("two documents") << std::string("{} {}") << std::string("not valid JSON");
    }
    void notJsonFailsWithAClearMessage()
    {
        QFETCH(std::string, text);
        QFETCH(std::string, expected);
        const std::string msg = dataErrorOf([&] { parseResults(text, "runs/QK/results.json"); });
        QVERIFY2(contains(msg, "runs/QK/results.json is not valid JSON"), msg.c_str());
        QVERIFY2(contains(msg, expected), msg.c_str());
        QVERIFY2(contains(msg, "truncated or corrupt"), msg.c_str());
    }

    void readResultsNamesTheFile()
    {
        QTemporaryDir tmp;
        const fs::path file = fs::path(tmp.path().toStdString()) / "results.json";
        writeFileAtomically(file, "{\"tag\": \"QK\"");
        const std::string msg = dataErrorOf([&] { readResults(file); });
        QVERIFY2(contains(msg, file.string() + " is not valid JSON"), msg.c_str());

        bool ioError = false;
        try {
            readResults(file.parent_path() / "missing.json");
        } catch (const IoError& e) {
            ioError = contains(e.what(), "missing.json");
        }
        QVERIFY(ioError);
    }

    // Every prefix and thousands of single-byte corruptions: a DataError or a valid parse,
    // never another exception or a crash.
    void damagedBytesNeverCrash()
    {
        const std::string qk = readFile(publishedFile("QK_frozen"));
        int rejected = 0, accepted = 0;
        auto attempt = [&](const std::string& text) {
            try {
                parseResults(text, "damaged");
                ++accepted;
            } catch (const DataError&) {
                ++rejected;
            }
        };
        for (size_t n = 0; n < qk.size(); n += 97)
            attempt(qk.substr(0, n));
        std::mt19937_64 rng(20240601);
        std::uniform_int_distribution<size_t> pos(0, qk.size() - 1);
        const std::string alphabet = "{}[]\",:0123456789.-eE nulltrfasNaI\\\x01\xff";
        std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
        for (int i = 0; i < 3000; ++i) {
            std::string text = qk;
            text[pos(rng)] = alphabet[pick(rng)];
            attempt(text);
        }
        QVERIFY(rejected > 1000);
        QVERIFY(accepted > 0); // e.g. one digit changed into another still parses
    }

    void validateListsEveryProblem()
    {
        QVERIFY(validateResults(smallRun()).empty());
        RunResults r = smallRun();
        r.mean_pr.push_back(1.0);
        r.layer_pr[1].pop_back();
        (*r.gamma_final)[1].push_back(1.0f);
        r.gamma_cv.pop_back();
        const auto problems = validateResults(r);
        QCOMPARE(problems.size(), size_t(4));
        QVERIFY(contains(problems[0], "mean_pr has 4 values but tokens has 3"));
        QVERIFY(contains(problems[1], "layer_pr[\"1\"] has 2 values"));
        QVERIFY(contains(problems[2], "gamma_cv has 1 layers but layer_pr has 2"));
        QVERIFY(contains(problems[3], "gamma_final[\"1\"] has 3 values"));
    }

    // A hand-edited 1e308 PR printed as a 309-digit number; a negative loss is no cross-entropy.
    void valuesOutOfTheirRangeAreRefused()
    {
        RunResults r = smallRun();
        r.layer_pr[0][1] = 1e308;
        r.loss[2] = -1.0;
        auto problems = validateResults(r);
        QCOMPARE(problems.size(), size_t(2));
        QVERIFY(contains(problems[0], "loss[2] is -1; a cross-entropy loss is never negative"));
        QVERIFY(contains(problems[1], "layer_pr[\"0\"][1] is 1e+308; a participation ratio lies between 1 and the head width"));
        r = smallRun();
        r.mean_pr[0] = -1e308;
        r.val_loss[1] = -0.5;
        QCOMPARE(validateResults(r).size(), size_t(2));
        // NaN (a diverged probe) and the published values stay valid.
        r = smallRun();
        r.mean_pr[1] = std::numeric_limits<double>::quiet_NaN();
        r.loss[1] = std::nullopt;
        QVERIFY(validateResults(r).empty());
    }

    void aFolderNamedResultsJsonIsNamed()
    {
        QTemporaryDir tmp;
        const std::filesystem::path folder = std::filesystem::path(tmp.path().toStdString()) / "results.json";
        std::filesystem::create_directory(folder);
        try {
            readResults(folder);
            QFAIL("a folder read as results");
        } catch (const DataError& e) {
            QVERIFY2(contains(e.what(), "is a folder, not a file"), e.what());
        }
    }

    void smallRunWritesInSchemaLayout()
    {
        RunResults r = smallRun();
        r.gamma_cv.clear();
        r.gamma_final.reset();
        const std::string expected = "{\n  \"tag\": \"QK\",\n  \"tokens\": [\n    0,\n    100,\n    200\n  ],\n"
                                     "  \"loss\": [\n    null,\n    7.5,\n    6.25\n  ],\n"
                                     "  \"val_loss\": [\n    null,\n    7.0,\n    6.0\n  ],\n"
                                     "  \"mean_pr\": [\n    30.0,\n    20.0,\n    25.0\n  ],\n"
                                     "  \"layer_pr\": {\n    \"0\": [\n      31.0,\n      21.0,\n      26.0\n    ],\n"
                                     "    \"1\": [\n      29.0,\n      19.0,\n      24.0\n    ]\n  },\n"
                                     "  \"gamma_cv\": {}\n}";
        QCOMPARE(resultsToJsonText(r), expected);
    }

    void layerKeysAreWrittenInNumericOrder()
    {
        RunResults r = smallRun();
        r.layer_pr.assign(12, {1.0, 2.0, 3.0});
        r.gamma_cv.clear();
        r.gamma_final.reset();
        const std::string text = resultsToJsonText(r);
        const ordered_json doc = ordered_json::parse(text);
        std::vector<std::string> keys;
        for (const auto& [k, v] : doc["layer_pr"].items())
            keys.push_back(k);
        QCOMPARE(keys.front(), std::string("0"));
        QCOMPARE(keys[2], std::string("2"));   // not "10", as a string sort would give
        QCOMPARE(keys.back(), std::string("11"));

        // Readers accept the layers in any order.
        ordered_json shuffled = ordered_json::parse(text);
        ordered_json layers = ordered_json::object();
        for (int l = 11; l >= 0; --l)
            layers[std::to_string(l)] = {double(l), 0.0, 0.0};
        shuffled["layer_pr"] = layers;
        const RunResults back = parseResults(shuffled.dump(), "shuffled");
        QCOMPARE(back.layer_pr[7][0], 7.0);
    }
};

QTEST_APPLESS_MAIN(TestResultsJson)
#include "test_results_json.moc"
