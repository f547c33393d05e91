// Python json interop: floats print as Python's repr, dumps match json.dumps(indent=2), and
// Python's bare NaN/Infinity words become readable. Expected strings come from CPython 3.11.
#include "results/PythonJson.h"

#include <QtTest>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

using namespace qks;
using nlohmann::ordered_json;

Q_DECLARE_METATYPE(std::string)

class TestPythonJson final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void floatReprMatchesPython_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<std::string>("repr");
        auto row = [](const char* repr, double v) { QTest::newRow(repr) << v << std::string(repr); };
        // Ties between two 17-digit candidates: Grisu2 (nlohmann) prints ...063 here.
        row("1.1755752563476562", 1.1755752563476562);
        row("64.87576293945312", 64.87576293945312);
        row("0.1", 0.1);
        row("0.3333333333333333", 1.0 / 3.0);
        row("2.5", 2.5);
        row("100.0", 100.0);
        row("0.0", 0.0);
        row("-0.0", -0.0);
        row("123456789.0", 123456789.0);
        row("0.0001", 0.0001);
        row("0.001234", 0.001234);
        row("1e-05", 1e-05);
        row("1.5e-05", 1.5e-05);
        row("-1.5e-07", -1.5e-07);
        row("1000000000000000.0", 1e15);
        row("1e+16", 1e16);
        row("1e+22", 1e22);
        row("1.2345678901234567e+19", 12345678901234567890.0);
        row("5e-324", 5e-324);
        row("1.7976931348623157e+308", 1.7976931348623157e+308);
        row("NaN", std::numeric_limits<double>::quiet_NaN());
        row("-Infinity", -std::numeric_limits<double>::infinity());
    }
    void floatReprMatchesPython()
    {
        QFETCH(double, value);
        QFETCH(std::string, repr);
        QCOMPARE(pythonFloatRepr(value), repr);
    }

    void floatReprReadsBackExactly()
    {
        std::mt19937_64 rng(11);
        std::uniform_int_distribution<uint64_t> bits;
        int checked = 0;
        for (int i = 0; i < 20000; ++i) {
            const uint64_t b = bits(rng);
            double v;
            std::memcpy(&v, &b, sizeof v);
            if (!std::isfinite(v))
                continue;
            const std::string s = pythonFloatRepr(v);
            QCOMPARE(std::strtod(s.c_str(), nullptr), v);
            QVERIFY2(s.size() <= 24, s.c_str());
            ++checked;
        }
        QVERIFY(checked > 19000);
    }

    void dumpMatchesJsonDumpsIndent2()
    {
        ordered_json j = ordered_json::object();
        j["a"] = "\u00b5\x7f\x01\t\"\\ \U0001F600";
        j["b"] = ordered_json::array();
        j["c"] = ordered_json::object();
        j["d"] = {1, {{"x", ordered_json::array()}}};
        j["e"] = true;
        j["f"] = nullptr;
        // python3 -c 'import json; print(json.dumps({...}, indent=2))'
        const std::string expected = "{\n"
                                     "  \"a\": \"\\u00b5\\u007f\\u0001\\t\\\"\\\\ \\ud83d\\ude00\",\n"
                                     "  \"b\": [],\n"
                                     "  \"c\": {},\n"
                                     "  \"d\": [\n"
                                     "    1,\n"
                                     "    {\n"
                                     "      \"x\": []\n"
                                     "    }\n"
                                     "  ],\n"
                                     "  \"e\": true,\n"
                                     "  \"f\": null\n"
                                     "}";
        QCOMPARE(dumpPythonStyle(j, 2), expected);
    }

    void dumpWritesNonFiniteAsNull()
    {
        const ordered_json j = {std::nan(""), 1.5, std::numeric_limits<double>::infinity(), -7, 18446744073709551615ull};
        QCOMPARE(dumpPythonStyle(j, 0), std::string("[\nnull,\n1.5,\nnull,\n-7,\n18446744073709551615\n]"));
    }

    void nonFiniteWordsAreQuotedOutsideStrings()
    {
        const std::string in = "{\"a\": \"x\\\\\", \"b\": [NaN, -Infinity, Infinity], \"c\": \"NaN \\\"Infinity\\\"\"}";
        const std::string out = "{\"a\": \"x\\\\\", \"b\": [\"NaN\", \"-Infinity\", \"Infinity\"], "
                                "\"c\": \"NaN \\\"Infinity\\\"\"}";
        QCOMPARE(quotePythonNonFinite(in), out);
        QCOMPARE(quotePythonNonFinite("[1.5, null]"), std::string("[1.5, null]"));

        double v = 0;
        QVERIFY(pythonNonFiniteValue("NaN", v) && std::isnan(v));
        QVERIFY(pythonNonFiniteValue("-Infinity", v) && v < 0 && std::isinf(v));
        QVERIFY(!pythonNonFiniteValue("nan", v));
        QVERIFY(!pythonNonFiniteValue("inf", v));
    }
};

QTEST_APPLESS_MAIN(TestPythonJson)
#include "test_python_json.moc"
