#include "study/FieldHelp.h"

#include <QCoreApplication>
#include <QHash>

namespace qks::gui {

QString describeField(const QString& key)
{
    static const QHash<QString, const char*> text = {
        {QStringLiteral("model.d_model"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Residual width")},
        {QStringLiteral("model.n_layers"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Transformer blocks")},
        {QStringLiteral("model.n_heads"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Query heads; d_k = d_model / n_heads")},
        {QStringLiteral("model.n_kv_heads"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Key/value heads (grouped-query attention); must divide n_heads")},
        {QStringLiteral("model.d_ff"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Feed-forward width")},
        {QStringLiteral("model.vocab_size"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Embedding rows (tied with the output layer); every token id must be below it")},
        {QStringLiteral("model.max_seq_len"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Sequence length T of every training sequence")},
        {QStringLiteral("model.rope_base"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "RoPE frequency base")},
        {QStringLiteral("model.init_std"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Standard deviation of the weight initialization")},
        {QStringLiteral("train.batch_size"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Sequences per micro-step")},
        {QStringLiteral("train.gradient_accumulation_steps"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Micro-steps per optimizer step")},
        {QStringLiteral("train.tokens"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Token budget per condition")},
        {QStringLiteral("train.muon_lr"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Muon step size (block matrices)")},
        {QStringLiteral("train.muon_momentum"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Muon momentum (Nesterov)")},
        {QStringLiteral("train.adamw_lr"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "AdamW step size (embedding, norm weights)")},
        {QStringLiteral("train.weight_decay"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "AdamW decoupled weight decay")},
        {QStringLiteral("train.grad_clip"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Global gradient-norm clip at every optimizer step; 0 = off")},
        {QStringLiteral("train.seed"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Seed of the initialization and the data order (the same for every condition)")},
        {QStringLiteral("train.threads"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CPU threads; 0 = every core")},
        {QStringLiteral("train.bf16_autocast"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "bf16 autocast on CUDA (never on the CPU)")},
        {QStringLiteral("train.activation_checkpointing"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Keep only each block's input and recompute the block in backward: auto (only when the memory estimate exceeds the device), on or off")},
        {QStringLiteral("train.kernels"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CPU kernels: fused (faster, equal up to rounding) or reference (the original's operations, bit for bit)")},
        {QStringLiteral("train.cpu_shards"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CPU with fused kernels: split each micro-batch into this many shards trained side by side, each on its share of the threads; 0 = auto (one per thread when they divide the batch)")},
        {QStringLiteral("train.cuda_graph"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "CUDA: record each micro-step's forward and backward pass once as a CUDA graph and replay it (fewer kernel launches; needs a CUDA build with LibTorch 2.x)")},
        {QStringLiteral("probe.every"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Probe interval in micro-steps, after the probe at 0")},
        {QStringLiteral("probe.early_every"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Denser probe interval before early_until; 0 = off")},
        {QStringLiteral("probe.early_until"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Micro-step where the dense early probing ends")},
        {QStringLiteral("probe.at_end"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Also probe after the last micro-step when it is off the grid")},
        {QStringLiteral("probe.batch"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Validation sequences in the probe batch, drawn at random from the seed once and kept for the run")},
        {QStringLiteral("probe.val_batches"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Validation batches averaged for the validation loss; 0 = no validation loss")},
        {QStringLiteral("probe.val_sampling"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "shuffled: new random validation batches at every probe, the same for every condition (the original study); fixed: the same batches at every probe (less noise on little data)")},
        {QStringLiteral("probe.key_point"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "The keys the PR measures: pre_rope (k_norm output, the published study) or post_rope (after RoPE, the published pilot)")},
        {QStringLiteral("probe.post_rope"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Also record the key PR after RoPE (extra keys in results.json)")},
        {QStringLiteral("study.seeds"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "One seed, or several separated by commas: each seed sets the initial weights, the data order, the probe batch and the validation draws, and trains every condition into seed_<n>; the app then shows the mean with a 95% band")},
        {QStringLiteral("checkpoint.every_tokens"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Also save a checkpoint after this many tokens; 0 = only at the end")},
        {QStringLiteral("checkpoint.keep"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Checkpoints kept per run, newest first")},
        {QStringLiteral("checkpoint.at_end"), QT_TRANSLATE_NOOP("qks::gui::ConfigDialog", "Save a checkpoint when the run ends or is stopped (needed to resume)")},
    };
    const auto it = text.find(key);
    return it == text.end() ? QString() : QCoreApplication::translate("qks::gui::ConfigDialog", it.value());
}

} // namespace qks::gui
