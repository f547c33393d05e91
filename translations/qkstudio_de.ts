<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>qks::gui::Application</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>qkstudio: --export-figures needs at least one results folder and --out OUTDIR</source>
        <translation>qkstudio: --export-figures benötigt mindestens einen Ergebnisordner und --out OUTDIR</translation>
    </message>
    <message>
        <source>qkstudio: unknown theme &apos;%1&apos;; use paper or dark</source>
        <translation>qkstudio: unbekanntes Design „%1“; verwenden Sie paper oder dark</translation>
    </message>
    <message>
        <source>qkstudio: unknown size &apos;%1&apos;; use one-column, two-column or wide</source>
        <translation>qkstudio: unbekannte Größe „%1“; verwenden Sie one-column, two-column oder wide</translation>
    </message>
    <message>
        <source>qkstudio: --dpi must be a whole number from 36 to 2400</source>
        <translation>qkstudio: --dpi muss eine ganze Zahl von 36 bis 2400 sein</translation>
    </message>
    <message>
        <source>qkstudio: --smoothing must be a number from 0 to 0.99</source>
        <translation>qkstudio: --smoothing muss eine Zahl von 0 bis 0.99 sein</translation>
    </message>
    <message>
        <source>qkstudio: wrote %1 files to %2</source>
        <translation>qkstudio: %1 Dateien nach %2 geschrieben</translation>
    </message>
    <message>
        <source>qkstudio: cannot open %1</source>
        <translation>qkstudio: %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>qkstudio: unknown figure &apos;%1&apos;; use a file stem such as 2_key_pr_causal, or side-by-side</source>
        <translation>qkstudio: unbekannte Abbildung „%1“; verwenden Sie einen Dateinamensstamm wie 2_key_pr_causal oder side-by-side</translation>
    </message>
    <message>
        <source>qkstudio: cannot write %1</source>
        <translation>qkstudio: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>QK Studio: attention-key rank collapse under QK-Norm.
Opens results folders; exports the study&apos;s figures without a display.</source>
        <translation>QK Studio: Rangkollaps der Attention-Schlüssel unter QK-Norm.
Öffnet Ergebnisordner; exportiert die Abbildungen der Studie ohne Bildschirm.</translation>
    </message>
    <message>
        <source>Study or condition folders to open.</source>
        <translation>Zu öffnende Studien- oder Bedingungsordner.</translation>
    </message>
    <message>
        <source>Write the study&apos;s figures of DIR... and exit.</source>
        <translation>Die Abbildungen der Studie aus DIR... schreiben und beenden.</translation>
    </message>
    <message>
        <source>Folder for --export-figures.</source>
        <translation>Ordner für --export-figures.</translation>
    </message>
    <message>
        <source>Comma-separated: png, svg, pdf, csv (default png).</source>
        <translation>Kommagetrennt: png, svg, pdf, csv (Standard: png).</translation>
    </message>
    <message>
        <source>paper or dark (default paper for exports).</source>
        <translation>paper oder dark (Standard für Exporte: paper).</translation>
    </message>
    <message>
        <source>one-column (3.5 in), two-column (7 in) or wide (default two-column).</source>
        <translation>one-column (3,5 Zoll), two-column (7 Zoll) oder wide (Standard: two-column).</translation>
    </message>
    <message>
        <source>PNG resolution (default 300).</source>
        <translation>PNG-Auflösung (Standard: 300).</translation>
    </message>
    <message>
        <source>EMA smoothing weight 0-0.99 for exported line figures (default 0).</source>
        <translation>EMA-Glättungsgewicht 0-0.99 für exportierte Liniendiagramme (Standard: 0).</translation>
    </message>
    <message>
        <source>Time opening DIR... and drawing every figure, then exit.</source>
        <translation>Die Zeit für das Öffnen von DIR... und das Zeichnen aller Abbildungen messen, dann beenden.</translation>
    </message>
    <message>
        <source>Save the window with DIR... open as a PNG and exit.</source>
        <translation>Das Fenster mit geöffnetem DIR... als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>With --screenshot: the tab to show (e.g. 2_key_pr_causal, side-by-side).</source>
        <translation>Mit --screenshot: der anzuzeigende Tab (z. B. 2_key_pr_causal, side-by-side).</translation>
    </message>
    <message>
        <source>Interface language: en, de, zh_CN (default: Preferences, else the system&apos;s).</source>
        <translation>Sprache der Oberfläche: en, de, zh_CN (Standard: Einstellungen, sonst die des Systems).</translation>
    </message>
</context>
<context>
    <name>qks::gui::ChartBuilder</name>
    <message>
        <source> (raw)</source>
        <translation> (roh)</translation>
    </message>
    <message>
        <source> minimum</source>
        <translation> Minimum</translation>
    </message>
    <message>
        <source> (train)</source>
        <translation> (Training)</translation>
    </message>
    <message>
        <source> (val)</source>
        <translation> (Validierung)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Mean Key PR</source>
        <translation>Mittleres Schlüssel-PR</translation>
    </message>
    <message>
        <source>A≠B≈C → γ drives it
A≈B≠C → normalization
All differ → both</source>
        <translation>A≠B≈C → γ ist die Ursache
A≈B≠C → Normalisierung
Alle verschieden → beides</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>γ coefficient of variation</source>
        <translation>Variationskoeffizient von γ</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Per-layer key PR at %1 tokens</source>
        <translation>Schlüssel-PR pro Schicht bei %1 Tokens</translation>
    </message>
    <message>
        <source>Per-layer key PR</source>
        <translation>Schlüssel-PR pro Schicht</translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation>Schlüssel-PR</translation>
    </message>
    <message>
        <source>γ effect Δ(A−B), mean |Δ| %1</source>
        <translation>γ-Effekt Δ(A−B), mittleres |Δ| %1</translation>
    </message>
    <message>
        <source>norm effect Δ(B−C), mean |Δ| %1</source>
        <translation>Normalisierungseffekt Δ(B−C), mittleres |Δ| %1</translation>
    </message>
    <message>
        <source>The causal decomposition needs the three conditions QK, QK_frozen and NoQK of one study, visible and probed at a common checkpoint.</source>
        <translation>Die kausale Zerlegung benötigt die drei Bedingungen QK, QK_frozen und NoQK einer Studie; sie müssen sichtbar und an einem gemeinsamen Checkpoint gemessen sein.</translation>
    </message>
    <message>
        <source>Causal decomposition per layer</source>
        <translation>Kausale Zerlegung pro Schicht</translation>
    </message>
    <message>
        <source>Causal decomposition per layer at %1 tokens</source>
        <translation>Kausale Zerlegung pro Schicht bei %1 Tokens</translation>
    </message>
    <message>
        <source>Δ key PR</source>
        <translation>Δ Schlüssel-PR</translation>
    </message>
    <message>
        <source>Tokens (M)</source>
        <translation>Tokens (Mio.)</translation>
    </message>
    <message>
        <source>Optimizer steps</source>
        <translation>Optimiererschritte</translation>
    </message>
    <message>
        <source>Wall time (min)</source>
        <translation>Laufzeit (min)</translation>
    </message>
    <message>
        <source>Train &amp; Validation Loss</source>
        <translation>Trainings- und Validierungsverlust</translation>
    </message>
    <message>
        <source>Key Rank Collapse — Does γ or Normalization Drive It?</source>
        <translation>Rangkollaps der Schlüssel — verursacht ihn γ oder die Normalisierung?</translation>
    </message>
    <message>
        <source>γ Coefficient of Variation (Learned γ)</source>
        <translation>Variationskoeffizient von γ (Gelerntes γ)</translation>
    </message>
    <message>
        <source>No run is visible. Open a results folder (File → Open Results Folder) or tick a run in the runs panel.</source>
        <translation>Kein Lauf ist sichtbar. Öffnen Sie einen Ergebnisordner (Datei → Ergebnisordner öffnen) oder aktivieren Sie einen Lauf im Bereich „Läufe“.</translation>
    </message>
    <message>
        <source>The visible runs have no data for this figure and x axis.</source>
        <translation>Die sichtbaren Läufe enthalten keine Daten für diese Abbildung und x-Achse.</translation>
    </message>
</context>
<context>
    <name>qks::gui::ExportDialog</name>
    <message>
        <source>Current figure (%1)</source>
        <translation>Aktuelle Abbildung (%1)</translation>
    </message>
    <message>
        <source>All figures of the study</source>
        <translation>Alle Abbildungen der Studie</translation>
    </message>
    <message>
        <source>CSV (plotted data)</source>
        <translation>CSV (dargestellte Daten)</translation>
    </message>
    <message>
        <source>Export Figures</source>
        <translation>Abbildungen exportieren</translation>
    </message>
    <message>
        <source>Paper (white, print and grayscale friendly)</source>
        <translation>Papier (weiß, druck- und graustufenfreundlich)</translation>
    </message>
    <message>
        <source>Dark (the study&apos;s palette)</source>
        <translation>Dunkel (Farbpalette der Studie)</translation>
    </message>
    <message>
        <source>One column (%1 × %2 in)</source>
        <translation>Einspaltig (%1 × %2 Zoll)</translation>
    </message>
    <message>
        <source>Two columns (%1 × %2 in)</source>
        <translation>Zweispaltig (%1 × %2 Zoll)</translation>
    </message>
    <message>
        <source>Wide (%1 × %2 in)</source>
        <translation>Breit (%1 × %2 Zoll)</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Resolution of PNG files; SVG and PDF are vector graphics.</source>
        <translation>Auflösung der PNG-Dateien; SVG und PDF sind Vektorgrafiken.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Export Folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>Abbildungen:</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formate:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Design:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>PNG resolution:</source>
        <translation>PNG-Auflösung:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Choose at least one format.</source>
        <translation>Wählen Sie mindestens ein Format.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) to %1.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation>Ordner anzeigen</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureData</name>
    <message>
        <source>Key PR per layer and checkpoint</source>
        <translation>Schlüssel-PR pro Schicht und Checkpoint</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation>Schlüssel-PR</translation>
    </message>
    <message>
        <source>Final γ per layer and key dimension</source>
        <translation>Finales γ pro Schicht und Schlüsseldimension</translation>
    </message>
    <message>
        <source>Key dimension</source>
        <translation>Schlüsseldimension</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>Mean γ per layer and checkpoint</source>
        <translation>Mittleres γ pro Schicht und Checkpoint</translation>
    </message>
    <message>
        <source>mean γ</source>
        <translation>mittleres γ</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureExporter</name>
    <message>
        <source>Cannot allocate a %1 dpi image of this size; choose a lower dpi.</source>
        <translation>Für ein Bild dieser Größe mit %1 dpi kann kein Speicher reserviert werden; wählen Sie einen niedrigeren dpi-Wert.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported by QK Studio %1</source>
        <translation>Exportiert mit QK Studio %1</translation>
    </message>
    <message>
        <source>Unknown format &apos;%1&apos;; use png, svg, pdf and csv, separated by commas.</source>
        <translation>Unbekanntes Format „%1“; verwenden Sie png, svg, pdf und csv, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>No format given; use png, svg, pdf and csv, separated by commas.</source>
        <translation>Kein Format angegeben; verwenden Sie png, svg, pdf und csv, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigureKind</name>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Key PR</source>
        <translation>Schlüssel-PR</translation>
    </message>
    <message>
        <source>Per-layer PR</source>
        <translation>PR pro Schicht</translation>
    </message>
    <message>
        <source>Causal decomposition</source>
        <translation>Kausale Zerlegung</translation>
    </message>
    <message>
        <source>γ-CV</source>
        <translation>γ-CV</translation>
    </message>
    <message>
        <source>PR heatmap</source>
        <translation>PR-Heatmap</translation>
    </message>
    <message>
        <source>γ heatmap</source>
        <translation>γ-Heatmap</translation>
    </message>
</context>
<context>
    <name>qks::gui::FigurePanel</name>
    <message>
        <source>Checkpoint:</source>
        <translation>Checkpoint:</translation>
    </message>
    <message>
        <source>The checkpoint the bars show; the rightmost is the final one.</source>
        <translation>Der Checkpoint, den die Balken zeigen; ganz rechts steht der letzte.</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Schichten:</translation>
    </message>
    <message>
        <source>default: 0, 8, 15, 23, 30</source>
        <translation>Standard: 0, 8, 15, 23, 30</translation>
    </message>
    <message>
        <source>Comma-separated layer numbers; empty for the study&apos;s choice.</source>
        <translation>Kommagetrennte Schichtnummern; leer lassen für die Auswahl der Studie.</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Lauf:</translation>
    </message>
    <message>
        <source>Final γ (layer × dimension)</source>
        <translation>Finales γ (Schicht × Dimension)</translation>
    </message>
    <message>
        <source>Mean γ over time (layer × checkpoint)</source>
        <translation>Mittleres γ im Zeitverlauf (Schicht × Checkpoint)</translation>
    </message>
    <message>
        <source>Mean γ over time is recorded by QK Studio runs, not by the published files.</source>
        <translation>Das mittlere γ im Zeitverlauf wird von QK-Studio-Läufen aufgezeichnet, nicht von den veröffentlichten Dateien.</translation>
    </message>
</context>
<context>
    <name>qks::gui::HeatmapPainter</name>
    <message>
        <source>No data for this heatmap in the visible runs.</source>
        <translation>Die sichtbaren Läufe enthalten keine Daten für diese Heatmap.</translation>
    </message>
</context>
<context>
    <name>qks::gui::HeatmapView</name>
    <message>
        <source>%1 %2, %3 %4: %5 = %6</source>
        <translation>%1 %2, %3 %4: %5 = %6</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
</context>
<context>
    <name>qks::gui::InteractiveChartView</name>
    <message>
        <source>%1
%2: %3
%4: %5</source>
        <translation>%1
%2: %3
%4: %5</translation>
    </message>
    <message>
        <source>%1
%2 %3: %4</source>
        <translation>%1
%2 %3: %4</translation>
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
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Open a results folder (Ctrl+O) or drop one here.</source>
        <translation>Öffnen Sie einen Ergebnisordner (Strg+O) oder ziehen Sie einen hierher.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Results Folder…</source>
        <translation>&amp;Ergebnisordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Export Figures…</source>
        <translation>Abbildungen e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export Plotted Data as &amp;CSV…</source>
        <translation>Dargestellte Daten als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Close All</source>
        <translation>&amp;Alle schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <source>&amp;Paper Theme</source>
        <translation>&amp;Papier-Design</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About QK Studio</source>
        <translation>Ü&amp;ber QK Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Abbildungen</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source> Smoothing </source>
        <translation> Glättung </translation>
    </message>
    <message>
        <source>Debiased exponential moving average, as in TensorBoard (0 = raw).</source>
        <translation>Bias-korrigierter exponentieller gleitender Durchschnitt wie in TensorBoard (0 = Rohdaten).</translation>
    </message>
    <message>
        <source> X axis </source>
        <translation> X-Achse </translation>
    </message>
    <message>
        <source>Tokens (M)</source>
        <translation>Tokens (Mio.)</translation>
    </message>
    <message>
        <source>Optimizer steps</source>
        <translation>Optimiererschritte</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Steps and wall time are recorded by QK Studio runs; the published files have tokens only.</source>
        <translation>Schritte und Laufzeit werden von QK-Studio-Läufen aufgezeichnet; die veröffentlichten Dateien enthalten nur Tokens.</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>y logarithmisch</translation>
    </message>
    <message>
        <source> Theme </source>
        <translation> Design </translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Cannot open results</source>
        <translation>Ergebnisse können nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies)</source>
        <translation>
            <numerusform>%n Studie</numerusform>
            <numerusform>%n Studien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation>
            <numerusform>%n mit Fehlern</numerusform>
            <numerusform>%n mit Fehlern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) do not record this x axis</source>
        <translation>
            <numerusform>%n Lauf zeichnet diese x-Achse nicht auf</numerusform>
            <numerusform>%n Läufe zeichnen diese x-Achse nicht auf</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Open Results Folder</source>
        <translation>Ergebnisordner öffnen</translation>
    </message>
    <message>
        <source>Choose a figure tab to export its data.</source>
        <translation>Wählen Sie einen Abbildungs-Tab, um dessen Daten zu exportieren.</translation>
    </message>
    <message>
        <source>Export Plotted Data</source>
        <translation>Dargestellte Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>About QK Studio</source>
        <translation>Über QK Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QK Studio %1&lt;/h3&gt;&lt;p&gt;Attention-key rank collapse under QK-Norm, studied while an LLM pretrains.&lt;/p&gt;&lt;p&gt;Opens the study&apos;s results.json folders, draws every figure of the study, compares studies side by side and exports paper figures.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QK Studio %1&lt;/h3&gt;&lt;p&gt;Rangkollaps der Attention-Schlüssel unter QK-Norm, untersucht während des Vortrainings eines LLM.&lt;/p&gt;&lt;p&gt;Öffnet die results.json-Ordner der Studie, zeichnet alle Abbildungen der Studie, vergleicht Studien nebeneinander und exportiert Abbildungen für Veröffentlichungen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>qks::gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>A new language takes effect when QK Studio starts again.</source>
        <translation>Eine neue Sprache wird beim nächsten Start von QK Studio wirksam.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Chart theme:</source>
        <translation>Diagrammdesign:</translation>
    </message>
</context>
<context>
    <name>qks::gui::RunStyle</name>
    <message>
        <source>Learned γ</source>
        <translation>Gelerntes γ</translation>
    </message>
    <message>
        <source>Frozen γ=1</source>
        <translation>Eingefrorenes γ=1</translation>
    </message>
    <message>
        <source>No QK-Norm</source>
        <translation>Ohne QK-Norm</translation>
    </message>
</context>
<context>
    <name>qks::gui::RunsPanel</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>%1 (%2)
%3</source>
        <translation>%1 (%2)
%3</translation>
    </message>
    <message>
        <source>error (showing last good data)</source>
        <translation>Fehler (letzte gültige Daten werden angezeigt)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>live · %n probe(s)</source>
        <translation>
            <numerusform>live · %n Messung</numerusform>
            <numerusform>live · %n Messungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s)</source>
        <translation>
            <numerusform>%n Messung</numerusform>
            <numerusform>%n Messungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Last written %1</source>
        <translation>Zuletzt geschrieben: %1</translation>
    </message>
    <message>
        <source>Show in File Manager</source>
        <translation>Im Dateimanager anzeigen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Close Study</source>
        <translation>Studie schließen</translation>
    </message>
    <message>
        <source>Init PR</source>
        <translation>Anfangs-PR</translation>
    </message>
    <message>
        <source>Min PR (at)</source>
        <translation>Min. PR (bei)</translation>
    </message>
    <message>
        <source>Final PR</source>
        <translation>End-PR</translation>
    </message>
    <message>
        <source>Loss (val)</source>
        <translation>Verlust (Val.)</translation>
    </message>
    <message>
        <source>Mean key PR at the first probe</source>
        <translation>Mittleres Schlüssel-PR bei der ersten Messung</translation>
    </message>
    <message>
        <source>Lowest mean key PR and the tokens where it was reached</source>
        <translation>Niedrigstes mittleres Schlüssel-PR und die Tokenzahl, bei der es erreicht wurde</translation>
    </message>
    <message>
        <source>Last train loss, and in brackets the last validation loss</source>
        <translation>Letzter Trainingsverlust, in Klammern der letzte Validierungsverlust</translation>
    </message>
</context>
<context>
    <name>qks::gui::SplitView</name>
    <message>
        <source>Figure:</source>
        <translation>Abbildung:</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Rechts:</translation>
    </message>
    <message>
        <source>Link axes</source>
        <translation>Achsen koppeln</translation>
    </message>
    <message>
        <source>Both sides show the same ranges, and zooming one zooms the other.</source>
        <translation>Beide Seiten zeigen dieselben Bereiche; Zoomen auf einer Seite zoomt auch die andere.</translation>
    </message>
</context>
<context>
    <name>qks::gui::StudyStore</name>
    <message>
        <source>%1 is not a folder. Open a study folder (one subfolder per condition) or a condition folder that holds results.json.</source>
        <translation>%1 ist kein Ordner. Öffnen Sie einen Studienordner (ein Unterordner pro Bedingung) oder einen Bedingungsordner, der results.json enthält.</translation>
    </message>
    <message>
        <source>No results.json in %1 or in its subfolders. A study folder holds one subfolder per condition (QK, QK_frozen, NoQK), each with a results.json.</source>
        <translation>Weder in %1 noch in seinen Unterordnern gibt es eine results.json. Ein Studienordner enthält pro Bedingung (QK, QK_frozen, NoQK) einen Unterordner mit je einer results.json.</translation>
    </message>
    <message>
        <source>results.json is missing</source>
        <translation>results.json fehlt</translation>
    </message>
</context>
</TS>
