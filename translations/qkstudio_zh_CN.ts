<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>Overwrite the runs?</source>
        <translation>覆盖这些运行？</translation>
    </message>
    <message>
        <source>Delete the results and checkpoints of %1 in %2?

This cannot be undone.</source>
        <translation>删除 %2 中 %1 的结果和检查点？

此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete and start anew</source>
        <translation>删除并重新开始</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>The output folder holds runs</source>
        <translation>输出文件夹中已有运行</translation>
    </message>
    <message>
        <source>%1 already holds runs of this study:</source>
        <translation>%1 中已有此研究的运行：</translation>
    </message>
    <message>
        <source>Continue them (each from its newest checkpoint, with the run&apos;s own settings), start fresh in a new folder, or overwrite them.</source>
        <translation>继续运行（各自从最新检查点开始，使用该运行自己的设置）、在新文件夹中重新开始，或覆盖它们。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Resume each run from its newest checkpoint; conditions without a run start</source>
        <translation>从最新检查点继续每个运行；没有运行的条件将重新开始</translation>
    </message>
    <message>
        <source>No run there has a checkpoint to continue from</source>
        <translation>那里没有可继续的检查点</translation>
    </message>
    <message>
        <source>Start in %1</source>
        <translation>在 %1 中开始</translation>
    </message>
    <message>
        <source>Overwrite…</source>
        <translation>覆盖…</translation>
    </message>
</context>
<context>
    <name>qks::gui::Application</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>qkstudio: --export-figures needs at least one results folder and --out OUTDIR</source>
        <translation>qkstudio: --export-figures 需要至少一个结果文件夹以及 --out OUTDIR</translation>
    </message>
    <message>
        <source>qkstudio: unknown theme &apos;%1&apos;; use paper or dark</source>
        <translation>qkstudio: 未知主题“%1”；请使用 paper 或 dark</translation>
    </message>
    <message>
        <source>qkstudio: unknown size &apos;%1&apos;; use one-column, two-column or wide</source>
        <translation>qkstudio: 未知尺寸“%1”；请使用 one-column、two-column 或 wide</translation>
    </message>
    <message>
        <source>qkstudio: --dpi must be a whole number from 36 to 2400</source>
        <translation>qkstudio: --dpi 必须是 36 到 2400 之间的整数</translation>
    </message>
    <message>
        <source>qkstudio: --smoothing must be a number from 0 to 0.99</source>
        <translation>qkstudio: --smoothing 必须是 0 到 0.99 之间的数值</translation>
    </message>
    <message>
        <source>qkstudio: wrote %1 files to %2</source>
        <translation>qkstudio: 已将 %1 个文件写入 %2</translation>
    </message>
    <message>
        <source>qkstudio: cannot open %1</source>
        <translation>qkstudio: 无法打开 %1</translation>
    </message>
    <message>
        <source>qkstudio: unknown figure &apos;%1&apos;; use a file stem such as 2_key_pr_causal, or side-by-side</source>
        <translation>qkstudio: 未知图表“%1”；请使用文件名主干（如 2_key_pr_causal）或 side-by-side</translation>
    </message>
    <message>
        <source>qkstudio: cannot write %1</source>
        <translation>qkstudio: 无法写入 %1</translation>
    </message>
    <message>
        <source>QK Studio: attention-key rank collapse under QK-Norm.
Opens results folders; exports the study&apos;s figures without a display.</source>
        <translation>QK Studio：QK-Norm 下注意力键的秩坍缩。
打开结果文件夹；无需显示器即可导出研究的图表。</translation>
    </message>
    <message>
        <source>Study or condition folders to open.</source>
        <translation>要打开的研究文件夹或条件文件夹。</translation>
    </message>
    <message>
        <source>Write the study&apos;s figures of DIR... and exit.</source>
        <translation>写出 DIR... 中研究的图表，然后退出。</translation>
    </message>
    <message>
        <source>Folder for --export-figures.</source>
        <translation>--export-figures 的输出文件夹。</translation>
    </message>
    <message>
        <source>Comma-separated: png, svg, pdf, csv (default png).</source>
        <translation>以逗号分隔：png,svg,pdf,csv（默认 png）。</translation>
    </message>
    <message>
        <source>paper or dark (default paper for exports).</source>
        <translation>paper 或 dark（导出时默认 paper）。</translation>
    </message>
    <message>
        <source>one-column (3.5 in), two-column (7 in) or wide (default two-column).</source>
        <translation>one-column（3.5 英寸）、two-column（7 英寸）或 wide（默认 two-column）。</translation>
    </message>
    <message>
        <source>PNG resolution (default 300).</source>
        <translation>PNG 分辨率（默认 300）。</translation>
    </message>
    <message>
        <source>EMA smoothing weight 0-0.99 for exported line figures (default 0).</source>
        <translation>导出折线图的 EMA 平滑权重，取值 0-0.99（默认 0）。</translation>
    </message>
    <message>
        <source>Time opening DIR... and drawing every figure, then exit.</source>
        <translation>测量打开 DIR... 并绘制所有图表的耗时，然后退出。</translation>
    </message>
    <message>
        <source>Save the window with DIR... open as a PNG and exit.</source>
        <translation>打开 DIR... 后将窗口保存为 PNG，然后退出。</translation>
    </message>
    <message>
        <source>Interface language: en, de, zh_CN (default: Preferences, else the system&apos;s).</source>
        <translation>界面语言：en、de、zh_CN（默认：首选项中的设置，否则使用系统语言）。</translation>
    </message>
    <message>
        <source>Start the study described by a configuration file (as saved by New Study, or qkstudio-cli config).</source>
        <translation>启动配置文件所描述的研究（由“新建研究”或 qkstudio-cli config 保存的文件）。</translation>
    </message>
    <message>
        <source>With --run: save the window at 25%, 50% and 75% of the study as PREFIX-25.png ...</source>
        <translation>与 --run 一起使用：在研究进行到 25%、50% 和 75% 时保存窗口，文件名为 PREFIX-25.png ...</translation>
    </message>
    <message>
        <source>With --run: quit when every run has ended (exit code as qkstudio-cli).</source>
        <translation>与 --run 一起使用：所有运行结束后退出（退出码与 qkstudio-cli 相同）。</translation>
    </message>
    <message>
        <source>qkstudio: --quit-when-done needs --run CONFIG</source>
        <translation>qkstudio: --quit-when-done 需要 --run CONFIG</translation>
    </message>
    <message>
        <source>With --screenshot: the tab to show (e.g. 2_key_pr_causal, side-by-side), or new-study for the dialog.</source>
        <translation>与 --screenshot 一起使用：要显示的标签页（例如 2_key_pr_causal、side-by-side），或 new-study 表示对话框。</translation>
    </message>
    <message>
        <source>qkstudio: %1 already holds runs of this study:
  %2
Continue them with --resume, replace them with --overwrite (their results and checkpoints are deleted), or set study.out to another folder.</source>
        <translation>qkstudio: %1 中已有此研究的运行：
  %2
用 --resume 继续，用 --overwrite 替换（其结果和检查点将被删除），或将 study.out 设为另一个文件夹。</translation>
    </message>
    <message>
        <source>qkstudio: --resume continues the runs in the folder; --overwrite deletes them: use one</source>
        <translation>qkstudio: --resume 继续文件夹中的运行；--overwrite 删除它们：只能选一个</translation>
    </message>
    <message>
        <source>With --run: continue the runs the output folder holds from their newest checkpoints.</source>
        <translation>与 --run 一起：从最新检查点继续输出文件夹中的运行。</translation>
    </message>
    <message>
        <source>With --run: delete the runs the output folder holds (results, checkpoints), then start.</source>
        <translation>与 --run 一起：删除输出文件夹中的运行（结果、检查点），然后开始。</translation>
    </message>
    <message>
        <source>qkstudio: skipped %1: %2</source>
        <translation>qkstudio：已跳过 %1：%2</translation>
    </message>
</context>
<context>
    <name>qks::gui::ChartBuilder</name>
    <message>
        <source> (raw)</source>
        <translation> (原始)</translation>
    </message>
    <message>
        <source> minimum</source>
        <translation> 最小值</translation>
    </message>
    <message>
        <source> (train)</source>
        <translation> (训练)</translation>
    </message>
    <message>
        <source> (val)</source>
        <translation> (验证)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Mean Key PR</source>
        <translation>平均键 PR</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Per-layer key PR at %1 tokens</source>
        <translation>%1 Token 时各层的键 PR</translation>
    </message>
    <message>
        <source>Per-layer key PR</source>
        <translation>各层键 PR</translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation>键 PR</translation>
    </message>
    <message>
        <source>γ effect Δ(A−B), mean |Δ| %1</source>
        <translation>γ 效应 Δ(A−B)，平均 |Δ| %1</translation>
    </message>
    <message>
        <source>norm effect Δ(B−C), mean |Δ| %1</source>
        <translation>归一化效应 Δ(B−C)，平均 |Δ| %1</translation>
    </message>
    <message>
        <source>The causal decomposition needs the three conditions QK, QK_frozen and NoQK of one study, visible and probed at a common checkpoint.</source>
        <translation>因果分解需要同一研究的三个条件 QK、QK_frozen 和 NoQK，且三者均可见，并在同一检查点进行过探测。</translation>
    </message>
    <message>
        <source>Causal decomposition per layer</source>
        <translation>各层因果分解</translation>
    </message>
    <message>
        <source>Causal decomposition per layer at %1 tokens</source>
        <translation>%1 Token 时的各层因果分解</translation>
    </message>
    <message>
        <source>Δ key PR</source>
        <translation>Δ 键 PR</translation>
    </message>
    <message>
        <source>Tokens (M)</source>
        <translation>Token 数 (百万)</translation>
    </message>
    <message>
        <source>Optimizer steps</source>
        <translation>优化器步数</translation>
    </message>
    <message>
        <source>Wall time (min)</source>
        <translation>实际耗时 (分钟)</translation>
    </message>
    <message>
        <source>Train &amp; Validation Loss</source>
        <translation>训练与验证损失</translation>
    </message>
    <message>
        <source>Key Rank Collapse — Does γ or Normalization Drive It?</source>
        <translation>键秩坍缩——由 γ 还是归一化驱动？</translation>
    </message>
    <message>
        <source>γ Coefficient of Variation (Learned γ)</source>
        <translation>γ 变异系数 (可学习 γ)</translation>
    </message>
    <message>
        <source>No run is visible. Open a results folder (File → Open Results Folder) or tick a run in the runs panel.</source>
        <translation>没有可见的运行。请打开结果文件夹（文件 → 打开结果文件夹），或在“运行”面板中勾选一个运行。</translation>
    </message>
    <message>
        <source>The visible runs have no data for this figure and x axis.</source>
        <translation>可见的运行中没有此图表和 x 轴的数据。</translation>
    </message>
    <message>
        <source> (every step)</source>
        <translation> (每步)</translation>
    </message>
    <message>
        <source>A = %1, B = %2, C = %3
A≠B≈C → γ drives it
A≈B≠C → normalization
All differ → both</source>
        <translation>A = %1，B = %2，C = %3
A≠B≈C → 由 γ 驱动
A≈B≠C → 由归一化驱动
全部不同 → 两者共同作用</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Per-layer key PR nearest %1 tokens</source>
        <translation>最接近 %1 词元处的各层键 PR</translation>
    </message>
    <message>
        <source>Per-layer key PR at each run&apos;s last checkpoint</source>
        <translation>各运行最后检查点处的各层键 PR</translation>
    </message>
    <message>
        <source>Fraction of run</source>
        <translation>运行进度比例</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>every step</source>
        <translation>每一步</translation>
    </message>
    <message>
        <source>γ CV</source>
        <translation>γ 变异系数</translation>
    </message>
    <message>
        <source>%1: mean |Δ| γ %2, norm %3</source>
        <translation>%1：平均 |Δ| γ %2，归一化 %3</translation>
    </message>
    <message>
        <source>γ effect Δ(A−B)</source>
        <translation>γ 效应 Δ(A−B)</translation>
    </message>
    <message>
        <source>norm effect Δ(B−C)</source>
        <translation>归一化效应 Δ(B−C)</translation>
    </message>
    <message>
        <source> (95% CI)</source>
        <translation>（95% 置信区间）</translation>
    </message>
    <message>
        <source>, n = %1</source>
        <translation>，n = %1</translation>
    </message>
    <message>
        <source> (n = %1)</source>
        <translation>（n = %1）</translation>
    </message>
    <message>
        <source> (seed %1)</source>
        <translation>（种子 %1）</translation>
    </message>
    <message>
        <source>Minimum key PR</source>
        <translation>最小键 PR</translation>
    </message>
    <message>
        <source>Final key PR</source>
        <translation>最终键 PR</translation>
    </message>
    <message>
        <source>Recovery (final − minimum key PR)</source>
        <translation>恢复量（最终 − 最小键 PR）</translation>
    </message>
    <message>
        <source>Tokens at the minimum (M)</source>
        <translation>最小值处的 token 数（M）</translation>
    </message>
    <message>
        <source>Final validation loss</source>
        <translation>最终验证损失</translation>
    </message>
    <message>
        <source>Initial key PR</source>
        <translation>初始键 PR</translation>
    </message>
    <message>
        <source>Final train loss</source>
        <translation>最终训练损失</translation>
    </message>
    <message>
        <source>Sweep: %1</source>
        <translation>扫描：%1</translation>
    </message>
    <message>
        <source>No sweep is open. Open a sweep&apos;s folder (study.sweep): each point opens as a study and this figure plots a summary metric against the swept value.</source>
        <translation>没有打开扫描。请打开扫描的文件夹（study.sweep）：每个点作为一个研究打开，此图绘制汇总指标随扫描值的变化。</translation>
    </message>
    <message>
        <source>No point of the open sweeps has results for this metric yet.</source>
        <translation>已打开的扫描中还没有点具有此指标的结果。</translation>
    </message>
</context>
<context>
    <name>qks::gui::ConfigDialog</name>
    <message>
        <source>Residual width</source>
        <translation>残差流宽度</translation>
    </message>
    <message>
        <source>Transformer blocks</source>
        <translation>Transformer 块数</translation>
    </message>
    <message>
        <source>Query heads; d_k = d_model / n_heads</source>
        <translation>查询头数；d_k = d_model / n_heads</translation>
    </message>
    <message>
        <source>Key/value heads (grouped-query attention); must divide n_heads</source>
        <translation>键/值头数（分组查询注意力）；n_heads 必须是它的整数倍</translation>
    </message>
    <message>
        <source>Feed-forward width</source>
        <translation>前馈层宽度</translation>
    </message>
    <message>
        <source>Embedding rows (tied with the output layer); every token id must be below it</source>
        <translation>嵌入矩阵行数（与输出层共享）；每个 Token ID 都必须小于该值</translation>
    </message>
    <message>
        <source>Sequence length T of every training sequence</source>
        <translation>每个训练序列的序列长度 T</translation>
    </message>
    <message>
        <source>RoPE frequency base</source>
        <translation>RoPE 频率基数</translation>
    </message>
    <message>
        <source>Standard deviation of the weight initialization</source>
        <translation>权重初始化的标准差</translation>
    </message>
    <message>
        <source>Sequences per micro-step</source>
        <translation>每个微步的序列数</translation>
    </message>
    <message>
        <source>Micro-steps per optimizer step</source>
        <translation>每个优化器步的微步数</translation>
    </message>
    <message>
        <source>Token budget per condition</source>
        <translation>每个条件的 Token 预算</translation>
    </message>
    <message>
        <source>Muon step size (block matrices)</source>
        <translation>Muon 步长（块内矩阵）</translation>
    </message>
    <message>
        <source>Muon momentum (Nesterov)</source>
        <translation>Muon 动量（Nesterov）</translation>
    </message>
    <message>
        <source>AdamW step size (embedding, norm weights)</source>
        <translation>AdamW 步长（嵌入、归一化权重）</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay</source>
        <translation>AdamW 解耦权重衰减</translation>
    </message>
    <message>
        <source>Global gradient-norm clip at every optimizer step; 0 = off</source>
        <translation>每个优化器步的全局梯度范数裁剪；0 = 关闭</translation>
    </message>
    <message>
        <source>Seed of the initialization and the data order (the same for every condition)</source>
        <translation>初始化和数据顺序的随机种子（所有条件相同）</translation>
    </message>
    <message>
        <source>CPU threads; 0 = every core</source>
        <translation>CPU 线程数；0 = 使用全部核心</translation>
    </message>
    <message>
        <source>bf16 autocast on CUDA (never on the CPU)</source>
        <translation>在 CUDA 上使用 bf16 autocast（CPU 上从不使用）</translation>
    </message>
    <message>
        <source>Probe interval in micro-steps, after the probe at 0</source>
        <translation>探测间隔（以微步计），在第 0 步探测之后</translation>
    </message>
    <message>
        <source>Denser probe interval before early_until; 0 = off</source>
        <translation>early_until 之前更密集的探测间隔；0 = 关闭</translation>
    </message>
    <message>
        <source>Micro-step where the dense early probing ends</source>
        <translation>密集早期探测结束时的微步</translation>
    </message>
    <message>
        <source>Also probe after the last micro-step when it is off the grid</source>
        <translation>最后一个微步不在探测间隔上时，也在其后进行探测</translation>
    </message>
    <message>
        <source>Also record the key PR after RoPE (extra keys in results.json)</source>
        <translation>同时记录 RoPE 之后的键 PR（results.json 中的额外字段）</translation>
    </message>
    <message>
        <source>Also save a checkpoint after this many tokens; 0 = only at the end</source>
        <translation>每隔这么多 Token 额外保存一个检查点；0 = 仅在结束时保存</translation>
    </message>
    <message>
        <source>Checkpoints kept per run, newest first</source>
        <translation>每个运行保留的检查点数（优先保留最新的）</translation>
    </message>
    <message>
        <source>Save a checkpoint when the run ends or is stopped (needed to resume)</source>
        <translation>运行结束或停止时保存检查点（继续运行时需要）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation>测量速度</translation>
    </message>
    <message>
        <source>New Study</source>
        <translation>新建研究</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Load Configuration</source>
        <translation>加载配置</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Save Configuration</source>
        <translation>保存配置</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Token data folder (prepared, llm.c shards or Hugging Face arrow)</source>
        <translation>Token 数据文件夹（已准备的数据、llm.c 分片或 Hugging Face arrow）</translation>
    </message>
    <message>
        <source>Text folder (.txt, .jsonl), tokenized first</source>
        <translation>文本文件夹（.txt、.jsonl），先进行分词</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>empty: train a byte-level BPE on the text</source>
        <translation>留空：在文本上训练字节级 BPE</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <source>Vocabulary size:</source>
        <translation>词表大小：</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>auto (first GPU, else CPU)</source>
        <translation>自动（首个 GPU，否则 CPU）</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Trains a few micro-steps of this model on random tokens to measure the speed</source>
        <translation>用随机 Token 训练此模型几个微步，以测量速度</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be a number, e.g. 0.02 or 1e-8</source>
        <translation>必须是数值，例如 0.02 或 1e-8</translation>
    </message>
    <message numerus="yes">
        <source>%n text file(s); tokenized into %1 before training</source>
        <translation>
            <numerusform>%n 个文本文件；训练前将分词并写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder holds no .txt or .jsonl files</source>
        <translation>该文件夹中没有 .txt 或 .jsonl 文件</translation>
    </message>
    <message>
        <source>must be at least the tokenizer&apos;s vocabulary size</source>
        <translation>必须不小于分词器的词表大小</translation>
    </message>
    <message>
        <source>%1 · %2 training and %3 validation sequences of %4 tokens · %5 tokens · ids %6–%7</source>
        <translation>%1 · %2 个训练序列和 %3 个验证序列，每个 %4 Token · 共 %5 Token · ID %6–%7</translation>
    </message>
    <message>
        <source> · vocabulary %1</source>
        <translation> · 词表 %1</translation>
    </message>
    <message>
        <source> · the budget is %1 passes over the data</source>
        <translation> · 预算相当于遍历数据 %1 遍</translation>
    </message>
    <message>
        <source>choose at least one condition</source>
        <translation>请至少选择一个条件</translation>
    </message>
    <message>
        <source>choose an output folder</source>
        <translation>请选择输出文件夹</translation>
    </message>
    <message>
        <source>the run needs about %1 of memory but the device has %2: lower train.batch_size (raising gradient_accumulation_steps keeps the tokens per step) or the model size</source>
        <translation>该运行约需 %1 内存，但设备只有 %2：请减小 train.batch_size（同时增大 gradient_accumulation_steps 可保持每步 Token 数不变）或减小模型规模</translation>
    </message>
    <message>
        <source>Parameters: %1 per run.</source>
        <translation>参数量：每个运行 %1。</translation>
    </message>
    <message>
        <source>Memory per run: weights %1 + gradients %2 + optimizer %3 + activations %4 ≈ %5</source>
        <translation>每个运行的内存：权重 %1 + 梯度 %2 + 优化器 %3 + 激活值 %4 ≈ %5</translation>
    </message>
    <message>
        <source> (the device has %1)</source>
        <translation> (设备共有 %1)</translation>
    </message>
    <message numerus="yes">
        <source>Time: about %1 for %n run(s) at %2 tokens/s (%3; probes add a little)</source>
        <translation>
            <numerusform>时间：%n 个运行约需 %1，速度 %2 tokens/s（%3；探测会略微增加耗时）</numerusform>
        </translation>
    </message>
    <message>
        <source>last measurement</source>
        <translation>上次测量</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Time: press Measure speed for an estimate.</source>
        <translation>时间：点击“测量速度”以获取估算。</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>CPU kernels: fused (faster, equal up to rounding) or reference (the original&apos;s operations, bit for bit)</source>
        <translation>CPU 内核：fused（更快，仅舍入误差不同）或 reference（与原始实现逐项相同的运算，逐位一致）</translation>
    </message>
    <message>
        <source>Keep only each block&apos;s input and recompute the block in backward: auto (only when the memory estimate exceeds the device), on or off</source>
        <translation>只保留每个块的输入，在反向传播中重新计算该块：auto（仅当内存估计超出设备内存时）、on 或 off</translation>
    </message>
    <message>
        <source>The CUDA graph keeps its activations for the whole run: the probe&apos;s passes need about %1 beside them (in the total).</source>
        <translation>CUDA 图在整个运行期间保留其激活：探测的前向传播还需额外约 %1（已计入总量）。</translation>
    </message>
    <message>
        <source>Activation checkpointing is on: each block is recomputed in backward, about a third more compute for far less memory.</source>
        <translation>激活检查点已开启：每个块在反向传播中重新计算，计算量约增加三分之一，内存占用大幅减少。</translation>
    </message>
    <message>
        <source>CPU with fused kernels: split each micro-batch into this many shards trained side by side, each on its share of the threads; 0 = auto (one per thread when they divide the batch)</source>
        <translation>CPU 且使用融合内核时：将每个微批次拆分为这么多份并行训练，每份使用其分得的线程；0 = 自动（线程数能整除批次时每个线程一份）</translation>
    </message>
    <message>
        <source>CUDA: record each micro-step&apos;s forward and backward pass once as a CUDA graph and replay it (fewer kernel launches; needs a CUDA build with LibTorch 2.x)</source>
        <translation>CUDA：将每个微步的前向和反向传播录制一次为 CUDA 图并重放（减少内核启动；需要基于 LibTorch 2.x 的 CUDA 构建）</translation>
    </message>
    <message>
        <source>%1 is training %2: a measurement now would share the device and read low</source>
        <translation>%1 正在训练 %2：此时测量会与其共用设备，结果偏低</translation>
    </message>
    <message>
        <source>Time: %1 is training %2; Measure speed waits until it is free, since a measurement beside a run reads low.</source>
        <translation>时间：%1 正在训练 %2；“测量速度”会等到设备空闲，因为与运行同时测量的结果偏低。</translation>
    </message>
    <message>
        <source>Note: probe.early_every (%1 micro-steps) is not a multiple of gradient_accumulation_steps (%2): probes between two optimizer steps measure the same weights, so the early PR curve rises in steps.</source>
        <translation>注意：probe.early_every（%1 个微步）不是 gradient_accumulation_steps（%2）的整数倍：两个优化器步骤之间的探测看到的是相同的权重，因此早期 PR 曲线呈阶梯状上升。</translation>
    </message>
    <message>
        <source>micro-steps</source>
        <translation>微步</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>已准备</translation>
    </message>
    <message>
        <source>llm.c shards</source>
        <translation>llm.c 分片</translation>
    </message>
    <message>
        <source>one shard file</source>
        <translation>单个分片文件</translation>
    </message>
    <message>
        <source>Hugging Face arrow</source>
        <translation>Hugging Face arrow</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n core(s)</source>
        <translation>
            <numerusform>CPU，%n 个核心</numerusform>
        </translation>
    </message>
    <message>
        <source>seeds are whole numbers separated by commas</source>
        <translation>种子为以逗号分隔的整数</translation>
    </message>
    <message>
        <source>give at least one seed, e.g. 42</source>
        <translation>至少给出一个种子，例如 42</translation>
    </message>
    <message>
        <source>e.g. 42, or 42, 43, 44</source>
        <translation>例如 42，或 42, 43, 44</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Validation sequences in the probe batch, drawn at random from the seed once and kept for the run</source>
        <translation>探针批次中的验证序列，由种子随机抽取一次，整个运行中保持不变</translation>
    </message>
    <message>
        <source>Validation batches averaged for the validation loss; 0 = no validation loss</source>
        <translation>验证损失所平均的验证批次数；0 = 不计算验证损失</translation>
    </message>
    <message>
        <source>shuffled: new random validation batches at every probe, the same for every condition (the original study); fixed: the same batches at every probe (less noise on little data)</source>
        <translation>shuffled：每次探针使用新的随机验证批次，各条件相同（原始研究）；fixed：每次探针使用相同批次（数据少时噪声更小）</translation>
    </message>
    <message>
        <source>The keys the PR measures: pre_rope (k_norm output, the published study) or post_rope (after RoPE, the published pilot)</source>
        <translation>PR 所测量的键：pre_rope（k_norm 输出，已发表的研究）或 post_rope（RoPE 之后，已发表的预实验）</translation>
    </message>
    <message>
        <source>One seed, or several separated by commas: each seed sets the initial weights, the data order, the probe batch and the validation draws, and trains every condition into seed_&lt;n&gt;; the app then shows the mean with a 95% band</source>
        <translation>一个种子，或以逗号分隔的多个种子：每个种子决定初始权重、数据顺序、探针批次和验证抽样，并将每个条件训练到 seed_&lt;n&gt; 中；应用随后显示带 95% 区间带的均值</translation>
    </message>
    <message>
        <source>Runs: %1 (conditions %2 × seeds %3 × sweep points %4)</source>
        <translation>运行：%1（条件 %2 × 种子 %3 × 扫描点 %4）</translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <source>tiny-cpu: the demo (minutes on a laptop); pocket-u: a U-shaped key PR curve on a laptop, three seeds (docs/pocket-u.md); pilot-500k and study-50m: the published runs</source>
        <translation>tiny-cpu：演示（在笔记本上几分钟）；pocket-u：在笔记本上得到 U 形的键 PR 曲线，三个种子（docs/pocket-u.md）；pilot-500k 和 study-50m：已发表的运行</translation>
    </message>
</context>
<context>
    <name>qks::gui::ConfigRules</name>
    <message>
        <source>must be positive (is %1)</source>
        <translation>必须为正数（当前为 %1）</translation>
    </message>
    <message>
        <source>must divide %1 (%2)</source>
        <translation>必须能整除 %1（%2）</translation>
    </message>
    <message>
        <source>must leave an even head size d_k = d_model / n_heads for RoPE pairs (d_k is %1)</source>
        <translation>必须使头维度 d_k = d_model / n_heads 为偶数，以便 RoPE 成对旋转（d_k 为 %1）</translation>
    </message>
    <message>
        <source>must be at least 2 (one next-token target)</source>
        <translation>必须至少为 2（至少要有一个预测下一个 Token 的目标）</translation>
    </message>
    <message>
        <source>must be greater than 1</source>
        <translation>必须大于 1</translation>
    </message>
    <message>
        <source>must be a positive finite number</source>
        <translation>必须是有限的正数</translation>
    </message>
    <message>
        <source>batch_size × max_seq_len × gradient_accumulation_steps (tokens per optimizer step) must fit a 64-bit integer</source>
        <translation>batch_size × max_seq_len × gradient_accumulation_steps（每个优化器步的 Token 数）必须能用 64 位整数表示</translation>
    </message>
    <message>
        <source>must be at least one optimizer step: batch_size × max_seq_len × gradient_accumulation_steps = %1</source>
        <translation>必须至少够一个优化器步：batch_size × max_seq_len × gradient_accumulation_steps = %1</translation>
    </message>
    <message>
        <source>with the other model sizes gives about %1 parameters, more than 2^50; a size is mistyped</source>
        <translation>与其他模型尺寸一起约得到 %1 个参数，超过 2^50；某个尺寸输入有误</translation>
    </message>
    <message>
        <source>with model.max_seq_len and the model sizes needs about %1 bytes of activations, more than 2^60; a size is mistyped</source>
        <translation>结合 model.max_seq_len 和各模型尺寸约需 %1 字节的激活值，超过 2^60；某个尺寸输入有误</translation>
    </message>
    <message>
        <source>must lie in [0, 1)</source>
        <translation>必须位于区间 [0, 1) 内</translation>
    </message>
    <message>
        <source>must be zero or positive</source>
        <translation>必须为零或正数</translation>
    </message>
    <message>
        <source>must be 0 (off) or positive</source>
        <translation>必须为 0（关闭）或正数</translation>
    </message>
    <message>
        <source>must be 0 (all cores) or positive</source>
        <translation>必须为 0（使用全部核心）或正数</translation>
    </message>
    <message>
        <source>must be 0 (only at the end) or positive</source>
        <translation>必须为 0（仅在结束时）或正数</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>must be %1 (is &quot;%2&quot;)</source>
        <translation>必须为 %1（当前为“%2”）</translation>
    </message>
    <message>
        <source>must be 0 (auto) or 1..train.batch_size (is %1)</source>
        <translation>必须为 0（自动）或 1..train.batch_size（当前为 %1）</translation>
    </message>
    <message>
        <source>must be at least 1 micro-step</source>
        <translation>必须至少为 1 个微步</translation>
    </message>
    <message>
        <source>must name a token folder (make one with qkstudio-cli prepare)</source>
        <translation>必须指定一个 Token 文件夹（可用 qkstudio-cli prepare 生成）</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>必须至少为 1</translation>
    </message>
    <message>
        <source>must name an output folder</source>
        <translation>必须指定输出文件夹</translation>
    </message>
    <message>
        <source>must list at least one of QK, QK_frozen, NoQK</source>
        <translation>必须至少列出 QK、QK_frozen、NoQK 中的一个</translation>
    </message>
    <message>
        <source>unknown condition &quot;%1&quot; (expected QK, QK_frozen or NoQK)</source>
        <translation>未知条件“%1”（应为 QK、QK_frozen 或 NoQK）</translation>
    </message>
    <message>
        <source>lists &quot;%1&quot; twice</source>
        <translation>“%1”被列出了两次</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>must be at most 3.4e38 in size, as training computes in 32-bit floats (is %1)</source>
        <translation>绝对值不得超过 3.4e38，因为训练以 32 位浮点数计算（当前为 %1）</translation>
    </message>
    <message>
        <source>must be at most %2 (4 × this machine&apos;s %3 hardware threads; is %1)</source>
        <translation>不得超过 %2（本机 %3 个硬件线程的 4 倍；当前为 %1）</translation>
    </message>
    <message>
        <source>must be at most 2^50 (about 1.1e15) tokens, far beyond any run (is %1)</source>
        <translation>不得超过 2^50（约 1.1e15）个词元，远超任何运行（当前为 %1）</translation>
    </message>
    <message>
        <source>with train.tokens schedules about %1 probes, more than 1,000,000; raise probe.every</source>
        <translation>与 train.tokens 一起将安排约 %1 次探测，超过 1,000,000 次；请增大 probe.every</translation>
    </message>
    <message>
        <source>lists %1 seeds, more than 1000; a study of that many is mistyped</source>
        <translation>列出了 %1 个种子，超过 1000；如此规模的研究应是输入错误</translation>
    </message>
    <message>
        <source>sweeps &quot;%1&quot;, which is not a setting a sweep can vary (a section.key outside the study section)</source>
        <translation>扫描了“%1”，这不是扫描可以改变的设置（study 部分之外的 section.key）</translation>
    </message>
    <message>
        <source>gives &quot;%1&quot; no values; list at least one</source>
        <translation>没有为“%1”给出取值；请至少列出一个</translation>
    </message>
    <message>
        <source>has %1 points, more than 1000; sweep fewer values</source>
        <translation>有 %1 个点，超过 1000；请减少扫描取值</translation>
    </message>
</context>
<context>
    <name>qks::gui::ExportDialog</name>
    <message>
        <source>Current figure (%1)</source>
        <translation>当前图表 (%1)</translation>
    </message>
    <message>
        <source>All figures of the study</source>
        <translation>研究的全部图表</translation>
    </message>
    <message>
        <source>CSV (plotted data)</source>
        <translation>CSV (绘图数据)</translation>
    </message>
    <message>
        <source>Export Figures</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Paper (white, print and grayscale friendly)</source>
        <translation>论文 (白底，适合打印和灰度)</translation>
    </message>
    <message>
        <source>Dark (the study&apos;s palette)</source>
        <translation>深色 (研究的配色)</translation>
    </message>
    <message>
        <source>One column (%1 × %2 in)</source>
        <translation>单栏 (%1 × %2 英寸)</translation>
    </message>
    <message>
        <source>Two columns (%1 × %2 in)</source>
        <translation>双栏 (%1 × %2 英寸)</translation>
    </message>
    <message>
        <source>Wide (%1 × %2 in)</source>
        <translation>宽幅 (%1 × %2 英寸)</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Resolution of PNG files; SVG and PDF are vector graphics.</source>
        <translation>PNG 文件的分辨率；SVG 和 PDF 为矢量图形。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>PNG resolution:</source>
        <translation>PNG 分辨率：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个文件写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation>显示文件夹</translation>
    </message>
    <message>
        <source>%1 not written: %2.</source>
        <translation>%1 未写入：%2。</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureData</name>
    <message>
        <source>Key PR per layer and checkpoint</source>
        <translation>各层在各检查点的键 PR</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation>键 PR</translation>
    </message>
    <message>
        <source>Final γ per layer and key dimension</source>
        <translation>各层在各键维度上的最终 γ</translation>
    </message>
    <message>
        <source>Key dimension</source>
        <translation>键维度</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>Mean γ per layer and checkpoint</source>
        <translation>各层在各检查点的平均 γ</translation>
    </message>
    <message>
        <source>mean γ</source>
        <translation>平均 γ</translation>
    </message>
    <message>
        <source>γ is not learned in this run</source>
        <translation>此运行中 γ 未被学习</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureExporter</name>
    <message>
        <source>Cannot allocate a %1 dpi image of this size; choose a lower dpi.</source>
        <translation>无法为此尺寸分配 %1 dpi 的图像；请选择更低的 dpi。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported by QK Studio %1</source>
        <translation>由 QK Studio %1 导出</translation>
    </message>
    <message>
        <source>Unknown format &apos;%1&apos;; use png, svg, pdf and csv, separated by commas.</source>
        <translation>未知格式“%1”；请使用 png、svg、pdf 和 csv，并以英文逗号分隔。</translation>
    </message>
    <message>
        <source>No format given; use png, svg, pdf and csv, separated by commas.</source>
        <translation>未指定格式；请使用 png、svg、pdf 和 csv，并以英文逗号分隔。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>its legend does not fit a %1 figure beside the plot; export it at a larger size (two-column or wide), or hide some runs or studies</source>
        <translation>其图例无法与图表一起放入 %1 尺寸的图中；请以更大尺寸（two-column 或 wide）导出，或隐藏部分运行或研究</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 未写入：%2</translation>
    </message>
    <message>
        <source>it holds no finite value</source>
        <translation>其中没有有限值</translation>
    </message>
    <message>
        <source>every value is %1: a heatmap would show one colour</source>
        <translation>所有值都是 %1：热图只会显示一种颜色</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureKind</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation>键 PR</translation>
    </message>
    <message>
        <source>Per-layer PR</source>
        <translation>各层 PR</translation>
    </message>
    <message>
        <source>Causal decomposition</source>
        <translation>因果分解</translation>
    </message>
    <message>
        <source>γ-CV</source>
        <translation>γ 变异系数</translation>
    </message>
    <message>
        <source>PR heatmap</source>
        <translation>PR 热力图</translation>
    </message>
    <message>
        <source>γ heatmap</source>
        <translation>γ 热力图</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigurePanel</name>
    <message>
        <source>Checkpoint:</source>
        <translation>检查点：</translation>
    </message>
    <message>
        <source>The checkpoint the bars show; the rightmost is the final one.</source>
        <translation>柱形所显示的检查点；最右侧为最终检查点。</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>default: 0, 8, 15, 23, 30</source>
        <translation>默认：0, 8, 15, 23, 30</translation>
    </message>
    <message>
        <source>Comma-separated layer numbers; empty for the study&apos;s choice.</source>
        <translation>以逗号分隔的层编号；留空则使用研究的默认选择。</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>运行：</translation>
    </message>
    <message>
        <source>Final γ (layer × dimension)</source>
        <translation>最终 γ (层 × 维度)</translation>
    </message>
    <message>
        <source>Mean γ over time (layer × checkpoint)</source>
        <translation>平均 γ 随时间变化 (层 × 检查点)</translation>
    </message>
    <message>
        <source>Mean γ over time is recorded by QK Studio runs, not by the published files.</source>
        <translation>随时间变化的平均 γ 由 QK Studio 运行记录，已发布的文件中不包含此数据。</translation>
    </message>
    <message>
        <source>No layer %1: the visible runs have layers 0–%2.</source>
        <translation>没有第 %1 层：可见运行的层为 0–%2。</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>横轴：</translation>
    </message>
    <message>
        <source>The swept setting on the x axis; the other swept settings give one line each.</source>
        <translation>x 轴上的扫描设置；其他扫描设置各成一条线。</translation>
    </message>
</context>
<context>
    <name>qks::gui::HeatmapPainter</name>
    <message>
        <source>No data for this heatmap in the visible runs.</source>
        <translation>可见的运行中没有此热力图的数据。</translation>
    </message>
    <message>
        <source>Every value is %1: nothing varies to colour.</source>
        <translation>所有值都是 %1：没有可着色的变化。</translation>
    </message>
</context>
<context>
    <name>qks::gui::HeatmapView</name>
    <message>
        <source>%1 %2, %3 %4: %5 = %6</source>
        <translation>%1 %2，%3 %4：%5 = %6</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>无值</translation>
    </message>
</context>
<context>
    <name>qks::gui::LiveBinding</name>
    <message>
        <source>queued: tokenize the text into %1</source>
        <translation>排队中：将文本分词并写入 %1</translation>
    </message>
    <message>
        <source>started (resuming) on %1</source>
        <translation>已在 %1 上启动（继续运行）</translation>
    </message>
    <message>
        <source>started on %1</source>
        <translation>已在 %1 上启动</translation>
    </message>
    <message>
        <source>finished (%1 tokens in %2 s)</source>
        <translation>已完成（%1 Token，用时 %2 秒）</translation>
    </message>
    <message>
        <source>stopped; resume it from its checkpoint</source>
        <translation>已停止；可从其检查点继续</translation>
    </message>
    <message>
        <source>cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
</context>
<context>
    <name>qks::gui::MainWindow</name>
    <message>
        <source>QK Studio</source>
        <translation>QK Studio</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排对比</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Open a results folder (Ctrl+O) or drop one here.</source>
        <translation>请打开结果文件夹 (Ctrl+O) 或将其拖放到此处。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Results Folder…</source>
        <translation>打开结果文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export Figures…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>Export Plotted Data as &amp;CSV…</source>
        <translation>将绘图数据导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close All</source>
        <translation>全部关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>并排对比(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Paper Theme</source>
        <translation>论文主题(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About QK Studio</source>
        <translation>关于 QK Studio(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source> Smoothing </source>
        <translation> 平滑 </translation>
    </message>
    <message>
        <source>Debiased exponential moving average, as in TensorBoard (0 = raw).</source>
        <translation>去偏指数移动平均，与 TensorBoard 相同（0 = 原始数据）。</translation>
    </message>
    <message>
        <source> X axis </source>
        <translation> X 轴 </translation>
    </message>
    <message>
        <source>Tokens (M)</source>
        <translation>Token 数 (百万)</translation>
    </message>
    <message>
        <source>Optimizer steps</source>
        <translation>优化器步数</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>实际耗时</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>对数 y 轴</translation>
    </message>
    <message>
        <source> Theme </source>
        <translation> 主题 </translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>Cannot open results</source>
        <translation>无法打开结果</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies)</source>
        <translation>
            <numerusform>%n 个研究</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n 个运行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation>
            <numerusform>%n 个出错</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) do not record this x axis</source>
        <translation>
            <numerusform>%n 个运行未记录此 x 轴</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <source>Open Results Folder</source>
        <translation>打开结果文件夹</translation>
    </message>
    <message>
        <source>Choose a figure tab to export its data.</source>
        <translation>请选择一个图表标签页以导出其数据。</translation>
    </message>
    <message>
        <source>Export Plotted Data</source>
        <translation>导出绘图数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>About QK Studio</source>
        <translation>关于 QK Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QK Studio %1&lt;/h3&gt;&lt;p&gt;Attention-key rank collapse under QK-Norm, studied while an LLM pretrains.&lt;/p&gt;&lt;p&gt;Opens the study&apos;s results.json folders, draws every figure of the study, compares studies side by side and exports paper figures.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QK Studio %1&lt;/h3&gt;&lt;p&gt;研究 LLM 预训练过程中 QK-Norm 下注意力键的秩坍缩。&lt;/p&gt;&lt;p&gt;打开研究的 results.json 文件夹，绘制研究的全部图表，并排对比多个研究，并导出论文图表。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>研究(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New Study…</source>
        <translation>新建研究(&amp;N)…</translation>
    </message>
    <message>
        <source>Stop &amp;All</source>
        <translation>全部停止(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Cancel Queued Runs</source>
        <translation>取消排队中的运行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resume Selected Run</source>
        <translation>继续所选运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open Output Folder</source>
        <translation>打开输出文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>New Study…</source>
        <translation>新建研究…</translation>
    </message>
    <message>
        <source>Training %1 (%2): %3% · %4 tokens/s · ETA %5</source>
        <translation>正在训练 %1 (%2)：%3% · %4 tokens/s · 剩余 %5</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n 个排队中</numerusform>
        </translation>
    </message>
    <message>
        <source>Study started: %1</source>
        <translation>研究已启动：%1</translation>
    </message>
    <message>
        <source>Cannot start the study</source>
        <translation>无法启动研究</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>Select a run in the runs panel to resume it.</source>
        <translation>请在“运行”面板中选择一个运行以继续。</translation>
    </message>
    <message>
        <source>%1 (%2) in %3 failed: %4</source>
        <translation>%3 中的 %1 (%2) 失败：%4</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>Results up to the last probe are kept on disk and stay on screen.</source>
        <translation>截至最后一次探测的结果会保留在磁盘上，并继续显示。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 的 %1</translation>
    </message>
    <message>
        <source>&amp;Stop Run</source>
        <translation>停止运行(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the selected run (or, with none selected, the runs training now) at the end of its optimizer step, saving a checkpoint; queued runs stay queued</source>
        <translation>在优化器步骤结束时停止所选运行（未选择时停止正在训练的运行）并保存检查点；排队的运行保持排队</translation>
    </message>
    <message>
        <source>Stop every run training now, saving checkpoints, and cancel the queued runs</source>
        <translation>停止所有正在训练的运行（保存检查点），并取消排队的运行</translation>
    </message>
    <message>
        <source>Remove the runs waiting to start; running runs go on</source>
        <translation>移除等待开始的运行；正在运行的继续</translation>
    </message>
    <message>
        <source>Continue the selected run from its newest checkpoint</source>
        <translation>从最新检查点继续所选运行</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A run is training in this window. Stop it and save a checkpoint before quitting? It can be resumed later from that checkpoint (Study → Resume Selected Run).</source>
        <translation>此窗口中有运行正在训练。退出前停止它并保存检查点？之后可从该检查点继续（研究 → 继续所选运行）。</translation>
    </message>
    <message>
        <source>Stop, Save and Quit</source>
        <translation>停止、保存并退出</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>Saving checkpoint… the run stops at the end of its current step.</source>
        <translation>正在保存检查点…… 运行将在当前步骤结束时停止。</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Close all studies?</source>
        <translation>关闭所有研究？</translation>
    </message>
    <message numerus="yes">
        <source>Close the %n open study folder(s)? Nothing is deleted: the folders stay on disk and File → Open Recent opens them again.</source>
        <translation>
            <numerusform>关闭 %n 个已打开的研究文件夹？不会删除任何内容：文件夹保留在磁盘上，可通过“文件 → 最近打开”再次打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Close All</source>
        <translation>全部关闭</translation>
    </message>
    <message>
        <source>Fraction of run</source>
        <translation>运行进度比例</translation>
    </message>
    <message>
        <source>Steps and wall time are recorded by QK Studio runs; the published files have tokens only. Fraction of run puts studies of different lengths on one axis.</source>
        <translation>步数和耗时由 QK Studio 的运行记录；已发布的文件只有词元数。“运行进度比例”可将不同长度的研究放在同一坐标轴上。</translation>
    </message>
    <message>
        <source>Log x</source>
        <translation>对数 x</translation>
    </message>
    <message>
        <source>Logarithmic x axis: a short run next to a long one stays readable. The probe at 0 tokens has no place on it.</source>
        <translation>对数 x 轴：短运行与长运行并列时仍清晰可读。0 词元处的测量无法显示在其上。</translation>
    </message>
    <message>
        <source>Start the run again?</source>
        <translation>重新开始该运行？</translation>
    </message>
    <message>
        <source>%1 in %2 holds %3 but no checkpoint to continue from.

Starting it again begins at zero tokens and replaces these results.</source>
        <translation>%2 中的 %1 包含 %3，但没有可继续的检查点。

重新开始将从零词元开始，并替换这些结果。</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>无法开始</translation>
    </message>
    <message>
        <source>Kept open while their runs train: %1</source>
        <translation>其运行仍在训练，保持打开：%1</translation>
    </message>
    <message>
        <source>S&amp;eeds</source>
        <translation>种子(&amp;E)</translation>
    </message>
    <message>
        <source>No study of several seeds is open</source>
        <translation>没有打开多种子研究</translation>
    </message>
    <message>
        <source>&amp;Mean with 95% Band</source>
        <translation>均值与 95% 区间带(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Every Seed</source>
        <translation>每个种子(&amp;E)</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>种子 %1</translation>
    </message>
</context>
<context>
    <name>qks::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>A new language takes effect when QK Studio starts again.</source>
        <translation>新语言将在 QK Studio 重新启动后生效。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Chart theme:</source>
        <translation>图表主题：</translation>
    </message>
</context>
<context>
    <name>qks::gui::RunStyle</name>
    <message>
        <source>Learned γ</source>
        <translation>可学习 γ</translation>
    </message>
    <message>
        <source>Frozen γ=1</source>
        <translation>冻结 γ=1</translation>
    </message>
    <message>
        <source>No QK-Norm</source>
        <translation>无 QK-Norm</translation>
    </message>
</context>
<context>
    <name>qks::gui::RunsPanel</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <source>%1 (%2)
%3</source>
        <translation>%1 (%2)
%3</translation>
    </message>
    <message>
        <source>error (showing last good data)</source>
        <translation>错误 (显示最近一次有效数据)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message numerus="yes">
        <source>live · %n probe(s)</source>
        <translation>
            <numerusform>实时 · %n 次探测</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s)</source>
        <translation>
            <numerusform>%n 次探测</numerusform>
        </translation>
    </message>
    <message>
        <source>Last written %1</source>
        <translation>最后写入：%1</translation>
    </message>
    <message>
        <source>Show in File Manager</source>
        <translation>在文件管理器中显示</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Close Study</source>
        <translation>关闭研究</translation>
    </message>
    <message>
        <source>Init PR</source>
        <translation>初始 PR</translation>
    </message>
    <message>
        <source>Min PR (at)</source>
        <translation>最低 PR (位置)</translation>
    </message>
    <message>
        <source>Final PR</source>
        <translation>最终 PR</translation>
    </message>
    <message>
        <source>Loss (val)</source>
        <translation>损失 (验证)</translation>
    </message>
    <message>
        <source>Mean key PR at the first probe</source>
        <translation>第一次探测时的平均键 PR</translation>
    </message>
    <message>
        <source>Lowest mean key PR and the tokens where it was reached</source>
        <translation>最低平均键 PR 及达到时的 Token 数</translation>
    </message>
    <message>
        <source>Last train loss, and in brackets the last validation loss</source>
        <translation>最后的训练损失，括号内为最后的验证损失</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>%1% · %2 tok/s · ETA %3</source>
        <translation>%1% · %2 tok/s · 剩余 %3</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>stopped (resumable)</source>
        <translation>已停止 (可继续)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>waiting for the first probe</source>
        <translation>等待第一次探测</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume from Checkpoint</source>
        <translation>从检查点继续</translation>
    </message>
    <message>
        <source>cancelled (no checkpoint)</source>
        <translation>已取消（无检查点）</translation>
    </message>
    <message>
        <source>stopped at %1% (resumable)</source>
        <translation>停止于 %1%（可继续）</translation>
    </message>
    <message>
        <source>stopped at %1% (no checkpoint)</source>
        <translation>停止于 %1%（无检查点）</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 / %2 词元</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message numerus="yes">
        <source>%1 · mean of %n seed(s)</source>
        <translation>
            <numerusform>%1 · %n 个种子的均值</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · 种子 %2</translation>
    </message>
    <message>
        <source>%1 (%2): the mean over the seed folders&apos; runs, with a 95% band
%3</source>
        <translation>%1（%2）：各种子文件夹中运行的均值，带 95% 区间带
%3</translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s) · %1 of %2 seeds at the last</source>
        <translation>
            <numerusform>%n 次探针 · 最后一次有 %2 个种子中的 %1 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1（n = %2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n seed(s)</source>
        <translation>
            <numerusform>%1 · %n 个种子</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qks::gui::SplitView</name>
    <message>
        <source>Figure:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>左侧：</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>右侧：</translation>
    </message>
    <message>
        <source>Link axes</source>
        <translation>联动坐标轴</translation>
    </message>
    <message>
        <source>Both sides show the same ranges, and zooming one zooms the other.</source>
        <translation>两侧显示相同范围，缩放一侧时另一侧同步缩放。</translation>
    </message>
    <message>
        <source>Off: the two studies&apos; x ranges differ by more than 10×, so linked axes would squeeze the shorter one. Tick to link them anyway.</source>
        <translation>已关闭：两项研究的 x 范围相差超过 10 倍，联动坐标轴会挤压较短的一项。勾选可仍然联动。</translation>
    </message>
</context>
<context>
    <name>qks::gui::StudyController</name>
    <message>
        <source>%1 is already queued or running.</source>
        <translation>%1 已在排队或正在运行。</translation>
    </message>
    <message>
        <source>not started: %1 failed</source>
        <translation>未启动：%1 失败</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>在启动前已取消</translation>
    </message>
</context>
<context>
    <name>qks::gui::StudyStore</name>
    <message>
        <source>%1 is not a folder. Open a study folder (one subfolder per condition) or a condition folder that holds results.json.</source>
        <translation>%1 不是文件夹。请打开研究文件夹（每个条件一个子文件夹）或包含 results.json 的条件文件夹。</translation>
    </message>
    <message>
        <source>No results.json in %1 or in its subfolders. A study folder holds one subfolder per condition (QK, QK_frozen, NoQK), each with a results.json.</source>
        <translation>%1 及其子文件夹中均没有 results.json。研究文件夹中每个条件（QK、QK_frozen、NoQK）各有一个子文件夹，其中各包含一个 results.json。</translation>
    </message>
    <message>
        <source>results.json is missing</source>
        <translation>缺少 results.json</translation>
    </message>
    <message>
        <source>seed %1: %2</source>
        <translation>种子 %1：%2</translation>
    </message>
    <message>
        <source>No point of the sweep in %1 has results yet.</source>
        <translation>%1 中的扫描还没有任何点有结果。</translation>
    </message>
</context>
<context>
    <name>qks::gui::SweepEditor</name>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Values (comma-separated)</source>
        <translation>取值（逗号分隔）</translation>
    </message>
    <message>
        <source>Each point of the grid is a study of its own, in a folder named by its values; empty: no sweep</source>
        <translation>网格中的每个点都是一个独立的研究，位于以其取值命名的文件夹中；留空：不扫描</translation>
    </message>
    <message>
        <source>Add Setting</source>
        <translation>添加设置</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>e.g. 0.006, 0.012, 0.024</source>
        <translation>例如 0.006, 0.012, 0.024</translation>
    </message>
    <message>
        <source>sweeps %1 twice; keep one row for it</source>
        <translation>%1 被扫描了两次；请只保留一行</translation>
    </message>
</context>
</TS>
