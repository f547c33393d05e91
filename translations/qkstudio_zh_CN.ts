<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>With --screenshot: the tab to show (e.g. 2_key_pr_causal, side-by-side).</source>
        <translation>与 --screenshot 一起使用：要显示的标签页（如 2_key_pr_causal、side-by-side）。</translation>
    </message>
    <message>
        <source>Interface language: en, de, zh_CN (default: Preferences, else the system&apos;s).</source>
        <translation>界面语言：en、de、zh_CN（默认：首选项中的设置，否则使用系统语言）。</translation>
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
        <source>A≠B≈C → γ drives it
A≈B≠C → normalization
All differ → both</source>
        <translation>A≠B≈C → 由 γ 驱动
A≈B≠C → 由归一化驱动
全部不同 → 两者共同作用</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>γ coefficient of variation</source>
        <translation>γ 变异系数</translation>
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
</context>
<context>
    <name>qks::gui::HeatmapPainter</name>
    <message>
        <source>No data for this heatmap in the visible runs.</source>
        <translation>可见的运行中没有此热力图的数据。</translation>
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
    <name>qks::gui::InteractiveChartView</name>
    <message>
        <source>%1
%2: %3
%4: %5</source>
        <translation>%1
%2：%3
%4：%5</translation>
    </message>
    <message>
        <source>%1
%2 %3: %4</source>
        <translation>%1
%2 %3：%4</translation>
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
        <source>Steps and wall time are recorded by QK Studio runs; the published files have tokens only.</source>
        <translation>步数和实际耗时由 QK Studio 运行记录；已发布的文件仅包含 Token 数。</translation>
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
</context>
</TS>
