#include "model/Autocast.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

namespace qks {

bool cudaAutocastEnabled()
{
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    return at::autocast::is_autocast_enabled(at::kCUDA);
#else
    return at::autocast::is_enabled();
#endif
}

AutocastScope::AutocastScope(const torch::Device& device, bool enabled)
{
    if (!enabled || !device.is_cuda())
        return;
    m_active = true;
    m_previous = cudaAutocastEnabled();
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    m_previousDtype = at::autocast::get_autocast_dtype(at::kCUDA);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
#else
    m_previousDtype = at::autocast::get_autocast_gpu_dtype();
    at::autocast::set_enabled(true);
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
#endif
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    if (at::autocast::decrement_nesting() == 0)
        at::autocast::clear_cache();
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
    at::autocast::set_autocast_enabled(at::kCUDA, m_previous);
    at::autocast::set_autocast_dtype(at::kCUDA, m_previousDtype);
#else
    at::autocast::set_enabled(m_previous);
    at::autocast::set_autocast_gpu_dtype(m_previousDtype);
#endif
}

} // namespace qks
