#pragma once

#include "probe/KeyProbe.h"
#include "results/RunResults.h"
#include "train/TrainEvents.h"

#include <filesystem>
#include <optional>

namespace qks {

// Appends a run's probes to its results.json. A probe is taken in two halves so that its
// eigen-solves run on the CPU pool while the next micro-step trains: start() holds the probe's
// numbers so far (losses, the keys captured) and finish() waits for the solves, appends the
// whole probe to the results, rewrites results.json atomically and sends the ProbeEvent.
// finish() must run before anything that needs the results whole: a checkpoint, a stop, a
// failure, the end of the run.
class ProbeRecorder {
public:
    // Which keys mean_pr and layer_pr hold, and what goes under extra keys.
    struct RecordedKeys {
        bool postRopePrimary = false; // probe.key_point post_rope: pre-RoPE under pre_rope_mean_pr/_layer_pr
        bool postRopeExtra = false;   // probe.post_rope: post-RoPE under post_rope_mean_pr/_layer_pr
    };

    // `results` is the run's, already holding any probes of an earlier (resumed) part.
    ProbeRecorder(RunResults& results, std::filesystem::path resultsPath, EventSink sink, RecordedKeys keys);

    // Finishes any probe still pending, then holds this one.
    void start(ProbeEvent event, PendingKeyProbe keys);

    // Records the pending probe, if any.
    void finish();

private:
    struct Pending {
        ProbeEvent event;
        PendingKeyProbe keys;
    };

    void append(const ProbeEvent& event, const KeyProbeResult& keys);

    RunResults& m_results;
    std::filesystem::path m_path;
    EventSink m_sink;
    RecordedKeys m_keys;
    std::optional<Pending> m_pending;
};

// The results of a run that has recorded nothing yet: the tag, the per-layer series for
// `layers` layers (γ's only where the condition has one), and the extras every run writes
// (its label, run id and configuration).
RunResults newRunResults(const std::string& tag, const std::string& label, const std::string& runId,
                         const nlohmann::ordered_json& config, int64_t layers, bool hasGamma);

} // namespace qks
