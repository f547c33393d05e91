<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Overwrite the runs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the results and checkpoints of %1 in %2?

This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete and start anew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output folder holds runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds runs of this study:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue them (each from its newest checkpoint, with the run&apos;s own settings), start fresh in a new folder, or overwrite them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume each run from its newest checkpoint; conditions without a run start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run there has a checkpoint to continue from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::Application</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: --export-figures needs at least one results folder and --out OUTDIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: unknown theme &apos;%1&apos;; use paper or dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: unknown size &apos;%1&apos;; use one-column, two-column or wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: --dpi must be a whole number from 36 to 2400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: --smoothing must be a number from 0 to 0.99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: wrote %1 files to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: cannot open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: unknown figure &apos;%1&apos;; use a file stem such as 2_key_pr_causal, or side-by-side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QK Studio: attention-key rank collapse under QK-Norm.
Opens results folders; exports the study&apos;s figures without a display.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study or condition folders to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the study&apos;s figures of DIR... and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for --export-figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated: png, svg, pdf, csv (default png).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper or dark (default paper for exports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one-column (3.5 in), two-column (7 in) or wide (default two-column).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG resolution (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EMA smoothing weight 0-0.99 for exported line figures (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time opening DIR... and drawing every figure, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the window with DIR... open as a PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language: en, de, zh_CN (default: Preferences, else the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the study described by a configuration file (as saved by New Study, or qkstudio-cli config).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --run: save the window at 25%, 50% and 75% of the study as PREFIX-25.png ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --run: quit when every run has ended (exit code as qkstudio-cli).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: --quit-when-done needs --run CONFIG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: the tab to show (e.g. 2_key_pr_causal, side-by-side), or new-study for the dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: %1 already holds runs of this study:
  %2
Continue them with --resume, replace them with --overwrite (their results and checkpoints are deleted), or set study.out to another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: --resume continues the runs in the folder; --overwrite deletes them: use one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --run: continue the runs the output folder holds from their newest checkpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --run: delete the runs the output folder holds (results, checkpoints), then start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qkstudio: skipped %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::ChartBuilder</name>
    <message>
        <source> (raw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (train)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (val)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean Key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-layer key PR at %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-layer key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ effect Δ(A−B), mean |Δ| %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm effect Δ(B−C), mean |Δ| %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The causal decomposition needs the three conditions QK, QK_frozen and NoQK of one study, visible and probed at a common checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal decomposition per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal decomposition per layer at %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Δ key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train &amp; Validation Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key Rank Collapse — Does γ or Normalization Drive It?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ Coefficient of Variation (Learned γ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run is visible. Open a results folder (File → Open Results Folder) or tick a run in the runs panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visible runs have no data for this figure and x axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (every step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A = %1, B = %2, C = %3
A≠B≈C → γ drives it
A≈B≠C → normalization
All differ → both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-layer key PR nearest %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-layer key PR at each run&apos;s last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: mean |Δ| γ %2, norm %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ effect Δ(A−B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm effect Δ(B−C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (95% CI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, n = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (n = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery (final − minimum key PR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens at the minimum (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sweep is open. Open a sweep&apos;s folder (study.sweep): each point opens as a study and this figure plots a summary metric against the swept value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No point of the open sweeps has results for this metric yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::ConfigDialog</name>
    <message>
        <source>Residual width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transformer blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query heads; d_k = d_model / n_heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key/value heads (grouped-query attention); must divide n_heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed-forward width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding rows (tied with the output layer); every token id must be below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence length T of every training sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RoPE frequency base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation of the weight initialization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequences per micro-step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-steps per optimizer step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token budget per condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muon step size (block matrices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muon momentum (Nesterov)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW step size (embedding, norm weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global gradient-norm clip at every optimizer step; 0 = off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the initialization and the data order (the same for every condition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads; 0 = every core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bf16 autocast on CUDA (never on the CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe interval in micro-steps, after the probe at 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denser probe interval before early_until; 0 = off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-step where the dense early probing ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also probe after the last micro-step when it is off the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also record the key PR after RoPE (extra keys in results.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also save a checkpoint after this many tokens; 0 = only at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints kept per run, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a checkpoint when the run ends or is stopped (needed to resume)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token data folder (prepared, llm.c shards or Hugging Face arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text folder (.txt, .jsonl), tokenized first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: train a byte-level BPE on the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto (first GPU, else CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains a few micro-steps of this model on random tokens to measure the speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number, e.g. 0.02 or 1e-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n text file(s); tokenized into %1 before training</source>
        <translation>
            <numerusform>%n text file; tokenized into %1 before training</numerusform>
            <numerusform>%n text files; tokenized into %1 before training</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder holds no .txt or .jsonl files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least the tokenizer&apos;s vocabulary size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 training and %3 validation sequences of %4 tokens · %5 tokens · ids %6–%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · vocabulary %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · the budget is %1 passes over the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose at least one condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose an output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run needs about %1 of memory but the device has %2: lower train.batch_size (raising gradient_accumulation_steps keeps the tokens per step) or the model size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters: %1 per run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory per run: weights %1 + gradients %2 + optimizer %3 + activations %4 ≈ %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the device has %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Time: about %1 for %n run(s) at %2 tokens/s (%3; probes add a little)</source>
        <translation>
            <numerusform>Time: about %1 for %n run at %2 tokens/s (%3; probes add a little)</numerusform>
            <numerusform>Time: about %1 for %n runs at %2 tokens/s (%3; probes add a little)</numerusform>
        </translation>
    </message>
    <message>
        <source>last measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: press Measure speed for an estimate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU kernels: fused (faster, equal up to rounding) or reference (the original&apos;s operations, bit for bit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only each block&apos;s input and recompute the block in backward: auto (only when the memory estimate exceeds the device), on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation checkpointing is on: each block is recomputed in backward, about a third more compute for far less memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU with fused kernels: split each micro-batch into this many shards trained side by side, each on its share of the threads; 0 = auto (one per thread when they divide the batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA: record each micro-step&apos;s forward and backward pass once as a CUDA graph and replay it (fewer kernel launches; needs a CUDA build with LibTorch 2.x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is training %2: a measurement now would share the device and read low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CUDA graph keeps its activations for the whole run: the probe&apos;s passes need about %1 beside them (in the total).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time: %1 is training %2; Measure speed waits until it is free, since a measurement beside a run reads low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: probe.early_every (%1 micro-steps) is not a multiple of gradient_accumulation_steps (%2): probes between two optimizer steps measure the same weights, so the early PR curve rises in steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>micro-steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llm.c shards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one shard file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n core(s)</source>
        <translation>
            <numerusform>CPU, %n core</numerusform>
            <numerusform>CPU, %n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>seeds are whole numbers separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give at least one seed, e.g. 42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 42, or 42, 43, 44</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation sequences in the probe batch, drawn at random from the seed once and kept for the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation batches averaged for the validation loss; 0 = no validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shuffled: new random validation batches at every probe, the same for every condition (the original study); fixed: the same batches at every probe (less noise on little data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys the PR measures: pre_rope (k_norm output, the published study) or post_rope (after RoPE, the published pilot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One seed, or several separated by commas: each seed sets the initial weights, the data order, the probe batch and the validation draws, and trains every condition into seed_&lt;n&gt;; the app then shows the mean with a 95% band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs: %1 (conditions %2 × seeds %3 × sweep points %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tiny-cpu: the demo (minutes on a laptop); pocket-u: a U-shaped key PR curve on a laptop, three seeds (docs/pocket-u.md); pilot-500k and study-50m: the published runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::ConfigRules</name>
    <message>
        <source>must be positive (is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must divide %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must leave an even head size d_k = d_model / n_heads for RoPE pairs (d_k is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least 2 (one next-token target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be greater than 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a positive finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch_size × max_seq_len × gradient_accumulation_steps (tokens per optimizer step) must fit a 64-bit integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least one optimizer step: batch_size × max_seq_len × gradient_accumulation_steps = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with the other model sizes gives about %1 parameters, more than 2^50; a size is mistyped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with model.max_seq_len and the model sizes needs about %1 bytes of activations, more than 2^60; a size is mistyped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must lie in [0, 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be zero or positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0 (off) or positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0 (all cores) or positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0 (only at the end) or positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be %1 (is &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 0 (auto) or 1..train.batch_size (is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least 1 micro-step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must name a token folder (make one with qkstudio-cli prepare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must name an output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must list at least one of QK, QK_frozen, NoQK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown condition &quot;%1&quot; (expected QK, QK_frozen or NoQK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists &quot;%1&quot; twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 3.4e38 in size, as training computes in 32-bit floats (is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most %2 (4 × this machine&apos;s %3 hardware threads; is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most 2^50 (about 1.1e15) tokens, far beyond any run (is %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with train.tokens schedules about %1 probes, more than 1,000,000; raise probe.every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lists %1 seeds, more than 1000; a study of that many is mistyped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweeps &quot;%1&quot;, which is not a setting a sweep can vary (a section.key outside the study section)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives &quot;%1&quot; no values; list at least one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has %1 points, more than 1000; sweep fewer values</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::ExportDialog</name>
    <message>
        <source>Current figure (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All figures of the study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (plotted data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper (white, print and grayscale friendly)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark (the study&apos;s palette)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One column (%1 × %2 in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two columns (%1 × %2 in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wide (%1 × %2 in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> dpi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution of PNG files; SVG and PDF are vector graphics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n file to %1.</numerusform>
            <numerusform>Wrote %n files to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureData</name>
    <message>
        <source>Key PR per layer and checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final γ per layer and key dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean γ per layer and checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean γ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ is not learned in this run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureExporter</name>
    <message>
        <source>Cannot allocate a %1 dpi image of this size; choose a lower dpi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported by QK Studio %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown format &apos;%1&apos;; use png, svg, pdf and csv, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No format given; use png, svg, pdf and csv, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its legend does not fit a %1 figure beside the plot; export it at a larger size (two-column or wide), or hide some runs or studies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no finite value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every value is %1: a heatmap would show one colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureKind</name>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-layer PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal decomposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ-CV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PR heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ heatmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::FigurePanel</name>
    <message>
        <source>Checkpoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint the bars show; the rightmost is the final one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: 0, 8, 15, 23, 30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated layer numbers; empty for the study&apos;s choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final γ (layer × dimension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean γ over time (layer × checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean γ over time is recorded by QK Studio runs, not by the published files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No layer %1: the visible runs have layers 0–%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Against:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The swept setting on the x axis; the other swept settings give one line each.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::HeatmapPainter</name>
    <message>
        <source>No data for this heatmap in the visible runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every value is %1: nothing varies to colour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::HeatmapView</name>
    <message>
        <source>%1 %2, %3 %4: %5 = %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::LiveBinding</name>
    <message>
        <source>queued: tokenize the text into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started (resuming) on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished (%1 tokens in %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped; resume it from its checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::MainWindow</name>
    <message>
        <source>QK Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a results folder (Ctrl+O) or drop one here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Results Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plotted Data as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About QK Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Smoothing </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debiased exponential moving average, as in TensorBoard (0 = raw).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> X axis </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Theme </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open results</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies)</source>
        <translation>
            <numerusform>%n study</numerusform>
            <numerusform>%n studies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation>
            <numerusform>%n with errors</numerusform>
            <numerusform>%n with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) do not record this x axis</source>
        <translation>
            <numerusform>%n run does not record this x axis</numerusform>
            <numerusform>%n runs do not record this x axis</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Results Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a figure tab to export its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plotted Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About QK Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;QK Studio %1&lt;/h3&gt;&lt;p&gt;Attention-key rank collapse under QK-Norm, studied while an LLM pretrains.&lt;/p&gt;&lt;p&gt;Opens the study&apos;s results.json folders, draws every figure of the study, compares studies side by side and exports paper figures.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Study…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Queued Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Selected Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Output Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Study…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1 (%2): %3% · %4 tokens/s · ETA %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message>
        <source>Study started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run in the runs panel to resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) in %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results up to the last probe are kept on disk and stay on screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected run (or, with none selected, the runs training now) at the end of its optimizer step, saving a checkpoint; queued runs stay queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every run training now, saving checkpoints, and cancel the queued runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the runs waiting to start; running runs go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the selected run from its newest checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is training in this window. Stop it and save a checkpoint before quitting? It can be resumed later from that checkpoint (Study → Resume Selected Run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop, Save and Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving checkpoint… the run stops at the end of its current step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close all studies?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Close the %n open study folder(s)? Nothing is deleted: the folders stay on disk and File → Open Recent opens them again.</source>
        <translation>
            <numerusform>Close the %n open study folder? Nothing is deleted: the folder stays on disk and File → Open Recent opens it again.</numerusform>
            <numerusform>Close the %n open study folders? Nothing is deleted: the folders stay on disk and File → Open Recent opens them again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps and wall time are recorded by QK Studio runs; the published files have tokens only. Fraction of run puts studies of different lengths on one axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic x axis: a short run next to a long one stays readable. The probe at 0 tokens has no place on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the run again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 holds %3 but no checkpoint to continue from.

Starting it again begins at zero tokens and replaces these results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept open while their runs train: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No study of several seeds is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mean with 95% Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Every Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when QK Studio starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart theme:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::RunStyle</name>
    <message>
        <source>Learned γ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen γ=1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QK-Norm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::RunsPanel</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error (showing last good data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>live · %n probe(s)</source>
        <translation>
            <numerusform>live · %n probe</numerusform>
            <numerusform>live · %n probes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s)</source>
        <translation>
            <numerusform>%n probe</numerusform>
            <numerusform>%n probes</numerusform>
        </translation>
    </message>
    <message>
        <source>Last written %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in File Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Init PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min PR (at)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final PR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (val)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean key PR at the first probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest mean key PR and the tokens where it was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last train loss, and in brackets the last validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% · %2 tok/s · ETA %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped (resumable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the first probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume from Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled (no checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped at %1% (resumable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped at %1% (no checkpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · mean of %n seed(s)</source>
        <translation>
            <numerusform>%1 · mean of %n seed</numerusform>
            <numerusform>%1 · mean of %n seeds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): the mean over the seed folders&apos; runs, with a 95% band
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s) · %1 of %2 seeds at the last</source>
        <translation>
            <numerusform>%n probe · %1 of %2 seeds at the last</numerusform>
            <numerusform>%n probes · %1 of %2 seeds at the last</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n seed(s)</source>
        <translation>
            <numerusform>%1 · %n seed</numerusform>
            <numerusform>%1 · %n seeds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qks::gui::SplitView</name>
    <message>
        <source>Figure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link axes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides show the same ranges, and zooming one zooms the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: the two studies&apos; x ranges differ by more than 10×, so linked axes would squeeze the shorter one. Tick to link them anyway.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::StudyController</name>
    <message>
        <source>%1 is already queued or running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started: %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::StudyStore</name>
    <message>
        <source>%1 is not a folder. Open a study folder (one subfolder per condition) or a condition folder that holds results.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results.json in %1 or in its subfolders. A study folder holds one subfolder per condition (QK, QK_frozen, NoQK), each with a results.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>results.json is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No point of the sweep in %1 has results yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qks::gui::SweepEditor</name>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each point of the grid is a study of its own, in a folder named by its values; empty: no sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0.006, 0.012, 0.024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweeps %1 twice; keep one row for it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
