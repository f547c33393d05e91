#include "study/ConfigIssueText.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <iterator>

namespace qks::gui {

namespace {

// The English of core/config/Validation.cpp with its values as %1, %2: what English users
// read is what the CLI prints.
struct RuleSource {
    ConfigRule id;
    const char* text;
};

constexpr RuleSource kRules[] = {
    {ConfigRule::Positive, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be positive (is %1)")},
    {ConfigRule::Divides, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must divide %1 (%2)")},
    {ConfigRule::EvenHeadSize, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must leave an even head size d_k = d_model / n_heads for RoPE pairs (d_k is %1)")},
    {ConfigRule::AtLeastTwoTokens, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be at least 2 (one next-token target)")},
    {ConfigRule::GreaterThanOne, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be greater than 1")},
    {ConfigRule::PositiveFinite, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be a positive finite number")},
    {ConfigRule::StepTokensOverflow, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "batch_size × max_seq_len × gradient_accumulation_steps (tokens per optimizer step) must fit a 64-bit integer")},
    {ConfigRule::AtLeastOneStep, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be at least one optimizer step: batch_size × max_seq_len × gradient_accumulation_steps = %1")},
    {ConfigRule::TooManyParameters, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "with the other model sizes gives about %1 parameters, more than 2^50; a size is mistyped")},
    {ConfigRule::TooMuchActivationMemory, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "with model.max_seq_len and the model sizes needs about %1 bytes of activations, more than 2^60; a size is mistyped")},
    {ConfigRule::InUnitInterval, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must lie in [0, 1)")},
    {ConfigRule::ZeroOrPositive, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be zero or positive")},
    {ConfigRule::ZeroOffOrPositive, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be 0 (off) or positive")},
    {ConfigRule::ZeroAllCoresOrPositive, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be 0 (all cores) or positive")},
    {ConfigRule::ZeroAtEndOrPositive, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be 0 (only at the end) or positive")},
    {ConfigRule::NotNegative, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must not be negative")},
    {ConfigRule::OneOf, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be %1 (is \"%2\")")},
    {ConfigRule::CpuShardsRange, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be 0 (auto) or 1..train.batch_size (is %1)")},
    {ConfigRule::AtLeastOneMicroStep, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be at least 1 micro-step")},
    {ConfigRule::NeedsTokenFolder, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must name a token folder (make one with qkstudio-cli prepare)")},
    {ConfigRule::AtLeastOne, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be at least 1")},
    {ConfigRule::NeedsOutputFolder, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must name an output folder")},
    {ConfigRule::NeedsCondition, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must list at least one of QK, QK_frozen, NoQK")},
    {ConfigRule::UnknownCondition, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "unknown condition \"%1\" (expected QK, QK_frozen or NoQK)")},
    {ConfigRule::ListedTwice, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "lists \"%1\" twice")},
    {ConfigRule::Float32Range, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be at most 3.4e38 in size, as training computes in 32-bit floats (is %1)")},
    {ConfigRule::TokensRange, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be at most 2^50 (about 1.1e15) tokens, far beyond any run (is %1)")},
    {ConfigRule::TooManyProbes, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "with train.tokens schedules about %1 probes, more than 1,000,000; raise probe.every")},
    {ConfigRule::TooManySeeds, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "lists %1 seeds, more than 1000; a study of that many is mistyped")},
    {ConfigRule::SweepUnknownKey, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "sweeps \"%1\", which is not a setting a sweep can vary (a section.key outside the study section)")},
    {ConfigRule::SweepEmpty, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "gives \"%1\" no values; list at least one")},
    {ConfigRule::SweepTooLarge, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "has %1 points, more than 1000; sweep fewer values")},
    {ConfigRule::ThreadsRange, QT_TRANSLATE_NOOP("qks::gui::ConfigRules", "must be at most %2 (4 × this machine's %3 hardware threads; is %1)")},
};

// "auto, on or off" in the user's language; the choices themselves are setting values.
QString choiceList(const QStringList& choices)
{
    QString list = choices.value(0);
    for (qsizetype i = 1; i < choices.size(); ++i) {
        const bool last = i + 1 == choices.size();
        list = (last ? QCoreApplication::translate("qks::gui::ConfigRules", "%1 or %2")
                     : QCoreApplication::translate("qks::gui::ConfigRules", "%1, %2"))
                   .arg(list, choices[i]);
    }
    return list;
}

} // namespace

QString configIssueText(const ConfigIssue& issue)
{
    const auto source = std::find_if(std::begin(kRules), std::end(kRules),
                                     [&](const RuleSource& r) { return r.id == issue.id; });
    if (source == std::end(kRules))
        return QString::fromStdString(issue.rule);
    QStringList args;
    for (const std::string& a : issue.args)
        args << QString::fromStdString(a);
    const QString text = QCoreApplication::translate("qks::gui::ConfigRules", source->text);
    if (issue.id == ConfigRule::OneOf) // the value, then the choices
        return text.arg(choiceList(args.mid(1)), args.value(0));
    // One pass over the text, so a value holding "%1" stays as it is.
    switch (args.size()) {
    case 0: return text;
    case 1: return text.arg(args[0]);
    case 2: return text.arg(args[0], args[1]);
    default: return text.arg(args[0], args[1], args[2]);
    }
}

} // namespace qks::gui
