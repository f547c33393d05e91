#include "config/SeedStudies.h"

namespace qks {

std::string seedFolderName(int64_t seed)
{
    return "seed_" + std::to_string(seed);
}

bool isMultiSeed(const StudyConfig& config)
{
    return config.study.seeds.size() > 1;
}

std::vector<StudyConfig> seedStudies(const StudyConfig& config)
{
    if (!isMultiSeed(config)) {
        StudyConfig one = config;
        if (!one.study.seeds.empty())
            one.train.seed = one.study.seeds.front();
        return {one};
    }
    std::vector<StudyConfig> out;
    for (const int64_t seed : config.study.seeds) {
        StudyConfig one = config;
        one.train.seed = seed;
        one.study.seeds.clear();
        one.study.out = (std::filesystem::path(config.study.out) / seedFolderName(seed)).string();
        out.push_back(std::move(one));
    }
    return out;
}

} // namespace qks
