#pragma once

#include "config/Validation.h"

#include <QString>

namespace qks::gui {

// A broken rule in the user's language, from its id and values ("muss model.d_model (2048)
// teilen"); core's English `rule` only where the id is unknown here.
QString configIssueText(const ConfigIssue& issue);

} // namespace qks::gui
