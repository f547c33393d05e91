#pragma once

#include "config/StudyConfig.h"

#include <string>

namespace qks {

// What to change after the loss became NaN or infinite. It names the settings that can make
// training diverge and differ from the published study's values (StudyConfig's defaults):
// model.init_std, train.weight_decay, train.muon_lr, train.adamw_lr, train.adamw_eps,
// train.grad_clip, the momenta. A NaN from a 100× init_std must not be blamed on the learning
// rates. With none changed it suggests the learning rates and the gradient clip.
// `firstStep`: the loss came from the initial weights, before any update, so only the
// initialisation (or the data) can be the cause.
std::string divergenceHint(const StudyConfig& config, bool firstStep);

} // namespace qks
