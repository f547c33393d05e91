#pragma once

#include <QString>

namespace qks::gui {

// What a New Study setting does ("model.n_heads" → "Query heads; d_k = d_model / n_heads"),
// translated; empty for a key without help. The form shows it as the field's tooltip.
QString describeField(const QString& key);

} // namespace qks::gui
