#include "config/Condition.h"

namespace qks {

const std::vector<Condition>& studyConditions()
{
    static const std::vector<Condition> conditions = {
        {"QK", "Learned γ", QkNormMode::Learned},
        {"QK_frozen", "Frozen γ=1", QkNormMode::Frozen},
        {"NoQK", "No QK-Norm", QkNormMode::None},
    };
    return conditions;
}

std::optional<Condition> conditionForTag(std::string_view tag)
{
    for (const Condition& c : studyConditions())
        if (c.tag == tag)
            return c;
    return std::nullopt;
}

} // namespace qks
