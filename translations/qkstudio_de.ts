<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Overwrite the runs?</source>
        <translation>Läufe überschreiben?</translation>
    </message>
    <message>
        <source>Delete the results and checkpoints of %1 in %2?

This cannot be undone.</source>
        <translation>Ergebnisse und Checkpoints von %1 in %2 löschen?

Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete and start anew</source>
        <translation>Löschen und neu beginnen</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>The output folder holds runs</source>
        <translation>Der Ausgabeordner enthält Läufe</translation>
    </message>
    <message>
        <source>%1 already holds runs of this study:</source>
        <translation>%1 enthält bereits Läufe dieser Studie:</translation>
    </message>
    <message>
        <source>Continue them (each from its newest checkpoint, with the run&apos;s own settings), start fresh in a new folder, or overwrite them.</source>
        <translation>Fortsetzen (jeweils ab dem neuesten Checkpoint, mit den eigenen Einstellungen des Laufs), in einem neuen Ordner neu beginnen oder überschreiben.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume each run from its newest checkpoint; conditions without a run start</source>
        <translation>Jeden Lauf ab seinem neuesten Checkpoint fortsetzen; Bedingungen ohne Lauf beginnen neu</translation>
    </message>
    <message>
        <source>No run there has a checkpoint to continue from</source>
        <translation>Kein Lauf dort hat einen Checkpoint zum Fortsetzen</translation>
    </message>
    <message>
        <source>Start in %1</source>
        <translation>In %1 beginnen</translation>
    </message>
    <message>
        <source>Overwrite…</source>
        <translation>Überschreiben…</translation>
    </message>
</context>
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
        <source>Interface language: en, de, zh_CN (default: Preferences, else the system&apos;s).</source>
        <translation>Sprache der Oberfläche: en, de, zh_CN (Standard: Einstellungen, sonst die des Systems).</translation>
    </message>
    <message>
        <source>Start the study described by a configuration file (as saved by New Study, or qkstudio-cli config).</source>
        <translation>Die in einer Konfigurationsdatei beschriebene Studie starten (wie von „Neue Studie“ oder qkstudio-cli config gespeichert).</translation>
    </message>
    <message>
        <source>With --run: save the window at 25%, 50% and 75% of the study as PREFIX-25.png ...</source>
        <translation>Mit --run: das Fenster bei 25%, 50% und 75% der Studie als PREFIX-25.png ... speichern</translation>
    </message>
    <message>
        <source>With --run: quit when every run has ended (exit code as qkstudio-cli).</source>
        <translation>Mit --run: beenden, sobald alle Läufe abgeschlossen sind (Exit-Code wie bei qkstudio-cli).</translation>
    </message>
    <message>
        <source>qkstudio: --quit-when-done needs --run CONFIG</source>
        <translation>qkstudio: --quit-when-done benötigt --run CONFIG</translation>
    </message>
    <message>
        <source>With --screenshot: the tab to show (e.g. 2_key_pr_causal, side-by-side), or new-study for the dialog.</source>
        <translation>Mit --screenshot: der anzuzeigende Reiter (z. B. 2_key_pr_causal, side-by-side) oder new-study für den Dialog.</translation>
    </message>
    <message>
        <source>qkstudio: %1 already holds runs of this study:
  %2
Continue them with --resume, replace them with --overwrite (their results and checkpoints are deleted), or set study.out to another folder.</source>
        <translation>qkstudio: %1 enthält bereits Läufe dieser Studie:
  %2
Setzen Sie sie mit --resume fort, ersetzen Sie sie mit --overwrite (ihre Ergebnisse und Checkpoints werden gelöscht) oder setzen Sie study.out auf einen anderen Ordner.</translation>
    </message>
    <message>
        <source>qkstudio: --resume continues the runs in the folder; --overwrite deletes them: use one</source>
        <translation>qkstudio: --resume setzt die Läufe im Ordner fort, --overwrite löscht sie: nur eines angeben</translation>
    </message>
    <message>
        <source>With --run: continue the runs the output folder holds from their newest checkpoints.</source>
        <translation>Mit --run: die Läufe im Ausgabeordner ab ihren neuesten Checkpoints fortsetzen.</translation>
    </message>
    <message>
        <source>With --run: delete the runs the output folder holds (results, checkpoints), then start.</source>
        <translation>Mit --run: die Läufe im Ausgabeordner (Ergebnisse, Checkpoints) löschen, dann beginnen.</translation>
    </message>
    <message>
        <source>qkstudio: skipped %1: %2</source>
        <translation>qkstudio: %1 übersprungen: %2</translation>
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
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
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
    <message>
        <source> (every step)</source>
        <translation> (jeder Schritt)</translation>
    </message>
    <message>
        <source>A = %1, B = %2, C = %3
A≠B≈C → γ drives it
A≈B≠C → normalization
All differ → both</source>
        <translation>A = %1, B = %2, C = %3
A≠B≈C → γ ist die Ursache
A≈B≠C → Normalisierung
Alle verschieden → beides</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation> bei %1</translation>
    </message>
    <message>
        <source>Per-layer key PR nearest %1 tokens</source>
        <translation>Schlüssel-PR pro Schicht nahe %1 Tokens</translation>
    </message>
    <message>
        <source>Per-layer key PR at each run&apos;s last checkpoint</source>
        <translation>Schlüssel-PR pro Schicht beim letzten Checkpoint jedes Laufs</translation>
    </message>
    <message>
        <source>Fraction of run</source>
        <translation>Anteil des Laufs</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>every step</source>
        <translation>jeder Schritt</translation>
    </message>
    <message>
        <source>γ CV</source>
        <translation>γ-VK</translation>
    </message>
    <message>
        <source>%1: mean |Δ| γ %2, norm %3</source>
        <translation>%1: mittleres |Δ| γ %2, Norm. %3</translation>
    </message>
    <message>
        <source>γ effect Δ(A−B)</source>
        <translation>γ-Effekt Δ(A−B)</translation>
    </message>
    <message>
        <source>norm effect Δ(B−C)</source>
        <translation>Normalisierungseffekt Δ(B−C)</translation>
    </message>
    <message>
        <source> (95% CI)</source>
        <translation> (95-%-KI)</translation>
    </message>
    <message>
        <source>, n = %1</source>
        <translation>, n = %1</translation>
    </message>
    <message>
        <source> (n = %1)</source>
        <translation> (n = %1)</translation>
    </message>
    <message>
        <source> (seed %1)</source>
        <translation> (Seed %1)</translation>
    </message>
    <message>
        <source>Minimum key PR</source>
        <translation>Minimale Key-PR</translation>
    </message>
    <message>
        <source>Final key PR</source>
        <translation>Finale Key-PR</translation>
    </message>
    <message>
        <source>Recovery (final − minimum key PR)</source>
        <translation>Erholung (finale − minimale Key-PR)</translation>
    </message>
    <message>
        <source>Tokens at the minimum (M)</source>
        <translation>Tokens beim Minimum (M)</translation>
    </message>
    <message>
        <source>Final validation loss</source>
        <translation>Finaler Validierungsverlust</translation>
    </message>
    <message>
        <source>Initial key PR</source>
        <translation>Anfängliche Key-PR</translation>
    </message>
    <message>
        <source>Final train loss</source>
        <translation>Finaler Trainingsverlust</translation>
    </message>
    <message>
        <source>Sweep: %1</source>
        <translation>Sweep: %1</translation>
    </message>
    <message>
        <source>No sweep is open. Open a sweep&apos;s folder (study.sweep): each point opens as a study and this figure plots a summary metric against the swept value.</source>
        <translation>Kein Sweep geöffnet. Öffnen Sie den Ordner eines Sweeps (study.sweep): Jeder Punkt wird als Studie geöffnet, und diese Abbildung zeigt eine Kennzahl über dem variierten Wert.</translation>
    </message>
    <message>
        <source>No point of the open sweeps has results for this metric yet.</source>
        <translation>Noch kein Punkt der geöffneten Sweeps hat Ergebnisse für diese Kennzahl.</translation>
    </message>
</context>
<context>
    <name>qks::gui::ConfigDialog</name>
    <message>
        <source>Residual width</source>
        <translation>Breite des Residualstroms</translation>
    </message>
    <message>
        <source>Transformer blocks</source>
        <translation>Transformer-Blöcke</translation>
    </message>
    <message>
        <source>Query heads; d_k = d_model / n_heads</source>
        <translation>Abfrage-Köpfe; d_k = d_model / n_heads</translation>
    </message>
    <message>
        <source>Key/value heads (grouped-query attention); must divide n_heads</source>
        <translation>Schlüssel-/Wert-Köpfe (Grouped-Query-Attention); n_heads muss ein Vielfaches davon sein</translation>
    </message>
    <message>
        <source>Feed-forward width</source>
        <translation>Breite der Feed-Forward-Schicht</translation>
    </message>
    <message>
        <source>Embedding rows (tied with the output layer); every token id must be below it</source>
        <translation>Zeilen der Embedding-Matrix (mit der Ausgabeschicht geteilt); jede Token-ID muss kleiner sein</translation>
    </message>
    <message>
        <source>Sequence length T of every training sequence</source>
        <translation>Sequenzlänge T jeder Trainingssequenz</translation>
    </message>
    <message>
        <source>RoPE frequency base</source>
        <translation>RoPE-Frequenzbasis</translation>
    </message>
    <message>
        <source>Standard deviation of the weight initialization</source>
        <translation>Standardabweichung der Gewichtsinitialisierung</translation>
    </message>
    <message>
        <source>Sequences per micro-step</source>
        <translation>Sequenzen pro Mikroschritt</translation>
    </message>
    <message>
        <source>Micro-steps per optimizer step</source>
        <translation>Mikroschritte pro Optimiererschritt</translation>
    </message>
    <message>
        <source>Token budget per condition</source>
        <translation>Token-Budget pro Bedingung</translation>
    </message>
    <message>
        <source>Muon step size (block matrices)</source>
        <translation>Muon-Schrittweite (Matrizen der Blöcke)</translation>
    </message>
    <message>
        <source>Muon momentum (Nesterov)</source>
        <translation>Muon-Momentum (Nesterov)</translation>
    </message>
    <message>
        <source>AdamW step size (embedding, norm weights)</source>
        <translation>AdamW-Schrittweite (Embedding, Norm-Gewichte)</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay</source>
        <translation>Entkoppelter Weight Decay von AdamW</translation>
    </message>
    <message>
        <source>Global gradient-norm clip at every optimizer step; 0 = off</source>
        <translation>Globales Clipping der Gradientennorm bei jedem Optimiererschritt; 0 = aus</translation>
    </message>
    <message>
        <source>Seed of the initialization and the data order (the same for every condition)</source>
        <translation>Seed für Initialisierung und Datenreihenfolge (für alle Bedingungen gleich)</translation>
    </message>
    <message>
        <source>CPU threads; 0 = every core</source>
        <translation>CPU-Threads; 0 = alle Kerne</translation>
    </message>
    <message>
        <source>bf16 autocast on CUDA (never on the CPU)</source>
        <translation>bf16-Autocast auf CUDA (nie auf der CPU)</translation>
    </message>
    <message>
        <source>Probe interval in micro-steps, after the probe at 0</source>
        <translation>Messintervall in Mikroschritten, nach der Messung bei 0</translation>
    </message>
    <message>
        <source>Denser probe interval before early_until; 0 = off</source>
        <translation>Dichteres Messintervall vor early_until; 0 = aus</translation>
    </message>
    <message>
        <source>Micro-step where the dense early probing ends</source>
        <translation>Mikroschritt, an dem die dichten frühen Messungen enden</translation>
    </message>
    <message>
        <source>Also probe after the last micro-step when it is off the grid</source>
        <translation>Auch nach dem letzten Mikroschritt messen, wenn er nicht auf dem Raster liegt</translation>
    </message>
    <message>
        <source>Also record the key PR after RoPE (extra keys in results.json)</source>
        <translation>Auch das Schlüssel-PR nach RoPE aufzeichnen (zusätzliche Einträge in results.json)</translation>
    </message>
    <message>
        <source>Also save a checkpoint after this many tokens; 0 = only at the end</source>
        <translation>Zusätzlich nach jeweils so vielen Tokens einen Checkpoint speichern; 0 = nur am Ende</translation>
    </message>
    <message>
        <source>Checkpoints kept per run, newest first</source>
        <translation>Pro Lauf aufbewahrte Checkpoints, die neuesten zuerst</translation>
    </message>
    <message>
        <source>Save a checkpoint when the run ends or is stopped (needed to resume)</source>
        <translation>Einen Checkpoint speichern, wenn der Lauf endet oder angehalten wird (zum Fortsetzen erforderlich)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation>Geschwindigkeit messen</translation>
    </message>
    <message>
        <source>New Study</source>
        <translation>Neue Studie</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Load Configuration</source>
        <translation>Konfiguration laden</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Save Configuration</source>
        <translation>Konfiguration speichern</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Token data folder (prepared, llm.c shards or Hugging Face arrow)</source>
        <translation>Token-Datenordner (vorbereitet, llm.c-Shards oder Hugging Face arrow)</translation>
    </message>
    <message>
        <source>Text folder (.txt, .jsonl), tokenized first</source>
        <translation>Textordner (.txt, .jsonl), wird zuerst tokenisiert</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>empty: train a byte-level BPE on the text</source>
        <translation>leer: ein Byte-Level-BPE auf dem Text trainieren</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>Tokenizer:</translation>
    </message>
    <message>
        <source>Vocabulary size:</source>
        <translation>Vokabulargröße:</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <source>Data Folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>auto (first GPU, else CPU)</source>
        <translation>automatisch (erste GPU, sonst CPU)</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <source>Output Folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Trains a few micro-steps of this model on random tokens to measure the speed</source>
        <translation>Trainiert dieses Modell einige Mikroschritte lang auf zufälligen Tokens, um die Geschwindigkeit zu messen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be a number, e.g. 0.02 or 1e-8</source>
        <translation>muss eine Zahl sein, z. B. 0.02 oder 1e-8</translation>
    </message>
    <message numerus="yes">
        <source>%n text file(s); tokenized into %1 before training</source>
        <translation>
            <numerusform>%n Textdatei; wird vor dem Training nach %1 tokenisiert</numerusform>
            <numerusform>%n Textdateien; werden vor dem Training nach %1 tokenisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>the folder holds no .txt or .jsonl files</source>
        <translation>der Ordner enthält keine .txt- oder .jsonl-Dateien</translation>
    </message>
    <message>
        <source>must be at least the tokenizer&apos;s vocabulary size</source>
        <translation>muss mindestens so groß wie das Vokabular des Tokenizers sein</translation>
    </message>
    <message>
        <source>%1 · %2 training and %3 validation sequences of %4 tokens · %5 tokens · ids %6–%7</source>
        <translation>%1 · %2 Trainings- und %3 Validierungssequenzen zu je %4 Tokens · %5 Tokens · IDs %6–%7</translation>
    </message>
    <message>
        <source> · vocabulary %1</source>
        <translation> · Vokabular %1</translation>
    </message>
    <message>
        <source> · the budget is %1 passes over the data</source>
        <translation> · das Budget entspricht %1 Durchläufen über die Daten</translation>
    </message>
    <message>
        <source>choose at least one condition</source>
        <translation>wählen Sie mindestens eine Bedingung</translation>
    </message>
    <message>
        <source>choose an output folder</source>
        <translation>wählen Sie einen Ausgabeordner</translation>
    </message>
    <message>
        <source>the run needs about %1 of memory but the device has %2: lower train.batch_size (raising gradient_accumulation_steps keeps the tokens per step) or the model size</source>
        <translation>der Lauf benötigt etwa %1 Speicher, das Gerät hat aber %2: verringern Sie train.batch_size (eine Erhöhung von gradient_accumulation_steps erhält die Tokens pro Schritt) oder die Modellgröße</translation>
    </message>
    <message>
        <source>Parameters: %1 per run.</source>
        <translation>Parameter: %1 pro Lauf.</translation>
    </message>
    <message>
        <source>Memory per run: weights %1 + gradients %2 + optimizer %3 + activations %4 ≈ %5</source>
        <translation>Speicher pro Lauf: Gewichte %1 + Gradienten %2 + Optimierer %3 + Aktivierungen %4 ≈ %5</translation>
    </message>
    <message>
        <source> (the device has %1)</source>
        <translation> (das Gerät hat %1)</translation>
    </message>
    <message numerus="yes">
        <source>Time: about %1 for %n run(s) at %2 tokens/s (%3; probes add a little)</source>
        <translation>
            <numerusform>Zeit: etwa %1 für %n Lauf bei %2 tokens/s (%3; Messungen kosten etwas zusätzlich)</numerusform>
            <numerusform>Zeit: etwa %1 für %n Läufe bei %2 tokens/s (%3; Messungen kosten etwas zusätzlich)</numerusform>
        </translation>
    </message>
    <message>
        <source>last measurement</source>
        <translation>zuletzt gemessen</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <source>Time: press Measure speed for an estimate.</source>
        <translation>Zeit: Klicken Sie auf „Geschwindigkeit messen“, um eine Schätzung zu erhalten.</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <source>CPU kernels: fused (faster, equal up to rounding) or reference (the original&apos;s operations, bit for bit)</source>
        <translation>CPU-Kernel: fused (schneller, gleich bis auf Rundung) oder reference (die Operationen des Originals, Bit für Bit)</translation>
    </message>
    <message>
        <source>Keep only each block&apos;s input and recompute the block in backward: auto (only when the memory estimate exceeds the device), on or off</source>
        <translation>Nur die Eingabe jedes Blocks behalten und den Block im Rückwärtsschritt neu berechnen: auto (nur wenn die Speicherschätzung das Gerät übersteigt), on oder off</translation>
    </message>
    <message>
        <source>The CUDA graph keeps its activations for the whole run: the probe&apos;s passes need about %1 beside them (in the total).</source>
        <translation>Der CUDA-Graph hält seine Aktivierungen den ganzen Lauf über: Die Durchläufe der Messung brauchen etwa %1 zusätzlich (in der Summe enthalten).</translation>
    </message>
    <message>
        <source>Activation checkpointing is on: each block is recomputed in backward, about a third more compute for far less memory.</source>
        <translation>Aktivierungs-Checkpointing ist an: Jeder Block wird im Rückwärtsschritt neu berechnet, etwa ein Drittel mehr Rechenzeit für weit weniger Speicher.</translation>
    </message>
    <message>
        <source>CPU with fused kernels: split each micro-batch into this many shards trained side by side, each on its share of the threads; 0 = auto (one per thread when they divide the batch)</source>
        <translation>CPU mit fusionierten Kernels: jeden Mikro-Batch in so viele Teile aufteilen, die nebeneinander trainiert werden, jeder mit seinem Anteil der Threads; 0 = auto (einer pro Thread, wenn sie den Batch teilen)</translation>
    </message>
    <message>
        <source>CUDA: record each micro-step&apos;s forward and backward pass once as a CUDA graph and replay it (fewer kernel launches; needs a CUDA build with LibTorch 2.x)</source>
        <translation>CUDA: Vorwärts- und Rückwärtsschritt jedes Mikroschritts einmal als CUDA-Graph aufzeichnen und wieder abspielen (weniger Kernel-Starts; braucht einen CUDA-Build mit LibTorch 2.x)</translation>
    </message>
    <message>
        <source>%1 is training %2: a measurement now would share the device and read low</source>
        <translation>%1 trainiert gerade %2: eine Messung jetzt müsste sich das Gerät teilen und fiele zu niedrig aus</translation>
    </message>
    <message>
        <source>Time: %1 is training %2; Measure speed waits until it is free, since a measurement beside a run reads low.</source>
        <translation>Zeit: %1 trainiert gerade %2; „Geschwindigkeit messen“ wartet, bis es frei ist, denn eine Messung neben einem Lauf fällt zu niedrig aus.</translation>
    </message>
    <message>
        <source>Note: probe.early_every (%1 micro-steps) is not a multiple of gradient_accumulation_steps (%2): probes between two optimizer steps measure the same weights, so the early PR curve rises in steps.</source>
        <translation>Hinweis: probe.early_every (%1 Mikroschritte) ist kein Vielfaches von gradient_accumulation_steps (%2): Messungen zwischen zwei Optimiererschritten sehen dieselben Gewichte, daher steigt die frühe PR-Kurve in Stufen.</translation>
    </message>
    <message>
        <source>micro-steps</source>
        <translation>Mikroschritte</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>vorbereitet</translation>
    </message>
    <message>
        <source>llm.c shards</source>
        <translation>llm.c-Shards</translation>
    </message>
    <message>
        <source>one shard file</source>
        <translation>eine Shard-Datei</translation>
    </message>
    <message>
        <source>Hugging Face arrow</source>
        <translation>Hugging-Face-Arrow</translation>
    </message>
    <message numerus="yes">
        <source>CPU, %n core(s)</source>
        <translation>
            <numerusform>CPU, %n Kern</numerusform>
            <numerusform>CPU, %n Kerne</numerusform>
        </translation>
    </message>
    <message>
        <source>seeds are whole numbers separated by commas</source>
        <translation>Seeds sind ganze Zahlen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>give at least one seed, e.g. 42</source>
        <translation>mindestens einen Seed angeben, z. B. 42</translation>
    </message>
    <message>
        <source>e.g. 42, or 42, 43, 44</source>
        <translation>z. B. 42 oder 42, 43, 44</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>Seeds:</translation>
    </message>
    <message>
        <source>Validation sequences in the probe batch, drawn at random from the seed once and kept for the run</source>
        <translation>Validierungssequenzen im Probe-Batch, einmal zufällig aus dem Seed gezogen und für den ganzen Lauf behalten</translation>
    </message>
    <message>
        <source>Validation batches averaged for the validation loss; 0 = no validation loss</source>
        <translation>Validierungs-Batches, über die der Validierungsverlust gemittelt wird; 0 = kein Validierungsverlust</translation>
    </message>
    <message>
        <source>shuffled: new random validation batches at every probe, the same for every condition (the original study); fixed: the same batches at every probe (less noise on little data)</source>
        <translation>shuffled: bei jeder Probe neue zufällige Validierungs-Batches, für jede Bedingung dieselben (die Originalstudie); fixed: bei jeder Probe dieselben Batches (weniger Rauschen bei wenig Daten)</translation>
    </message>
    <message>
        <source>The keys the PR measures: pre_rope (k_norm output, the published study) or post_rope (after RoPE, the published pilot)</source>
        <translation>Die Keys, deren PR gemessen wird: pre_rope (Ausgabe von k_norm, die veröffentlichte Studie) oder post_rope (nach RoPE, der veröffentlichte Pilot)</translation>
    </message>
    <message>
        <source>One seed, or several separated by commas: each seed sets the initial weights, the data order, the probe batch and the validation draws, and trains every condition into seed_&lt;n&gt;; the app then shows the mean with a 95% band</source>
        <translation>Ein Seed oder mehrere, durch Kommas getrennt: Jeder Seed bestimmt die Anfangsgewichte, die Datenreihenfolge, den Probe-Batch und die Validierungsziehungen und trainiert jede Bedingung in seed_&lt;n&gt;; die App zeigt dann den Mittelwert mit einem 95-%-Band</translation>
    </message>
    <message>
        <source>Runs: %1 (conditions %2 × seeds %3 × sweep points %4)</source>
        <translation>Läufe: %1 (Bedingungen %2 × Seeds %3 × Sweep-Punkte %4)</translation>
    </message>
    <message>
        <source>Sweep:</source>
        <translation>Sweep:</translation>
    </message>
    <message>
        <source>tiny-cpu: the demo (minutes on a laptop); pocket-u: a U-shaped key PR curve on a laptop, three seeds (docs/pocket-u.md); pilot-500k and study-50m: the published runs</source>
        <translation>tiny-cpu: die Demo (Minuten auf einem Laptop); pocket-u: eine U-förmige Key-PR-Kurve auf einem Laptop, drei Seeds (docs/pocket-u.md); pilot-500k und study-50m: die veröffentlichten Läufe</translation>
    </message>
</context>
<context>
    <name>qks::gui::ConfigRules</name>
    <message>
        <source>must be positive (is %1)</source>
        <translation>muss positiv sein (ist %1)</translation>
    </message>
    <message>
        <source>must divide %1 (%2)</source>
        <translation>muss %1 (%2) teilen</translation>
    </message>
    <message>
        <source>must leave an even head size d_k = d_model / n_heads for RoPE pairs (d_k is %1)</source>
        <translation>muss für die RoPE-Paare eine gerade Kopfgröße d_k = d_model / n_heads ergeben (d_k ist %1)</translation>
    </message>
    <message>
        <source>must be at least 2 (one next-token target)</source>
        <translation>muss mindestens 2 sein (ein Ziel für die Vorhersage des nächsten Tokens)</translation>
    </message>
    <message>
        <source>must be greater than 1</source>
        <translation>muss größer als 1 sein</translation>
    </message>
    <message>
        <source>must be a positive finite number</source>
        <translation>muss eine positive endliche Zahl sein</translation>
    </message>
    <message>
        <source>batch_size × max_seq_len × gradient_accumulation_steps (tokens per optimizer step) must fit a 64-bit integer</source>
        <translation>batch_size × max_seq_len × gradient_accumulation_steps (Tokens pro Optimiererschritt) muss in eine 64-Bit-Ganzzahl passen</translation>
    </message>
    <message>
        <source>must be at least one optimizer step: batch_size × max_seq_len × gradient_accumulation_steps = %1</source>
        <translation>muss mindestens einen Optimiererschritt umfassen: batch_size × max_seq_len × gradient_accumulation_steps = %1</translation>
    </message>
    <message>
        <source>with the other model sizes gives about %1 parameters, more than 2^50; a size is mistyped</source>
        <translation>ergibt mit den anderen Modellgrößen etwa %1 Parameter, mehr als 2^50; eine Größe ist vertippt</translation>
    </message>
    <message>
        <source>with model.max_seq_len and the model sizes needs about %1 bytes of activations, more than 2^60; a size is mistyped</source>
        <translation>braucht mit model.max_seq_len und den Modellgrößen etwa %1 Byte an Aktivierungen, mehr als 2^60; eine Größe ist vertippt</translation>
    </message>
    <message>
        <source>must lie in [0, 1)</source>
        <translation>muss in [0, 1) liegen</translation>
    </message>
    <message>
        <source>must be zero or positive</source>
        <translation>muss null oder positiv sein</translation>
    </message>
    <message>
        <source>must be 0 (off) or positive</source>
        <translation>muss 0 (aus) oder positiv sein</translation>
    </message>
    <message>
        <source>must be 0 (all cores) or positive</source>
        <translation>muss 0 (alle Kerne) oder positiv sein</translation>
    </message>
    <message>
        <source>must be 0 (only at the end) or positive</source>
        <translation>muss 0 (nur am Ende) oder positiv sein</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>must be %1 (is &quot;%2&quot;)</source>
        <translation>muss %1 sein (ist „%2“)</translation>
    </message>
    <message>
        <source>must be 0 (auto) or 1..train.batch_size (is %1)</source>
        <translation>muss 0 (automatisch) oder 1..train.batch_size sein (ist %1)</translation>
    </message>
    <message>
        <source>must be at least 1 micro-step</source>
        <translation>muss mindestens 1 Mikroschritt sein</translation>
    </message>
    <message>
        <source>must name a token folder (make one with qkstudio-cli prepare)</source>
        <translation>muss einen Token-Ordner angeben (mit qkstudio-cli prepare erstellen)</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>must name an output folder</source>
        <translation>muss einen Ausgabeordner angeben</translation>
    </message>
    <message>
        <source>must list at least one of QK, QK_frozen, NoQK</source>
        <translation>muss mindestens eine der Bedingungen QK, QK_frozen, NoQK enthalten</translation>
    </message>
    <message>
        <source>unknown condition &quot;%1&quot; (expected QK, QK_frozen or NoQK)</source>
        <translation>unbekannte Bedingung „%1“ (erwartet: QK, QK_frozen oder NoQK)</translation>
    </message>
    <message>
        <source>lists &quot;%1&quot; twice</source>
        <translation>enthält „%1“ zweimal</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>must be at most 3.4e38 in size, as training computes in 32-bit floats (is %1)</source>
        <translation>muss betragsmäßig höchstens 3.4e38 sein, da das Training mit 32-Bit-Gleitkommazahlen rechnet (ist %1)</translation>
    </message>
    <message>
        <source>must be at most %2 (4 × this machine&apos;s %3 hardware threads; is %1)</source>
        <translation>darf höchstens %2 sein (4 × die %3 Hardware-Threads dieses Rechners; ist %1)</translation>
    </message>
    <message>
        <source>must be at most 2^50 (about 1.1e15) tokens, far beyond any run (is %1)</source>
        <translation>darf höchstens 2^50 (etwa 1.1e15) Tokens betragen, weit mehr als jeder Lauf (ist %1)</translation>
    </message>
    <message>
        <source>with train.tokens schedules about %1 probes, more than 1,000,000; raise probe.every</source>
        <translation>plant mit train.tokens etwa %1 Messungen, mehr als 1.000.000; probe.every erhöhen</translation>
    </message>
    <message>
        <source>lists %1 seeds, more than 1000; a study of that many is mistyped</source>
        <translation>listet %1 Seeds, mehr als 1000; eine Studie dieser Größe ist ein Tippfehler</translation>
    </message>
    <message>
        <source>sweeps &quot;%1&quot;, which is not a setting a sweep can vary (a section.key outside the study section)</source>
        <translation>variiert „%1“, keine Einstellung, die ein Sweep variieren kann (ein section.key außerhalb des Abschnitts study)</translation>
    </message>
    <message>
        <source>gives &quot;%1&quot; no values; list at least one</source>
        <translation>gibt „%1“ keine Werte; mindestens einen angeben</translation>
    </message>
    <message>
        <source>has %1 points, more than 1000; sweep fewer values</source>
        <translation>hat %1 Punkte, mehr als 1000; weniger Werte variieren</translation>
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
    <message>
        <source>%1 not written: %2.</source>
        <translation>%1 nicht geschrieben: %2.</translation>
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
    <message>
        <source>γ is not learned in this run</source>
        <translation>γ wird in diesem Lauf nicht gelernt</translation>
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
    <message>
        <source>its legend does not fit a %1 figure beside the plot; export it at a larger size (two-column or wide), or hide some runs or studies</source>
        <translation>seine Legende passt neben dem Diagramm nicht in eine Abbildung der Größe %1; exportieren Sie in einer größeren Größe (two-column oder wide) oder blenden Sie Läufe oder Studien aus</translation>
    </message>
    <message>
        <source>%1 was not written: %2</source>
        <translation>%1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <source>it holds no finite value</source>
        <translation>sie enthält keinen endlichen Wert</translation>
    </message>
    <message>
        <source>every value is %1: a heatmap would show one colour</source>
        <translation>jeder Wert ist %1: eine Heatmap zeigte nur eine Farbe</translation>
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
    <message>
        <source>Sweep</source>
        <translation>Sweep</translation>
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
    <message>
        <source>No layer %1: the visible runs have layers 0–%2.</source>
        <translation>Keine Schicht %1: die sichtbaren Läufe haben die Schichten 0–%2.</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Kennzahl:</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>Über:</translation>
    </message>
    <message>
        <source>The swept setting on the x axis; the other swept settings give one line each.</source>
        <translation>Die variierte Einstellung auf der x-Achse; die anderen variierten Einstellungen ergeben je eine Linie.</translation>
    </message>
</context>
<context>
    <name>qks::gui::HeatmapPainter</name>
    <message>
        <source>No data for this heatmap in the visible runs.</source>
        <translation>Die sichtbaren Läufe enthalten keine Daten für diese Heatmap.</translation>
    </message>
    <message>
        <source>Every value is %1: nothing varies to colour.</source>
        <translation>Jeder Wert ist %1: nichts variiert, nichts zu färben.</translation>
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
    <name>qks::gui::LiveBinding</name>
    <message>
        <source>queued: tokenize the text into %1</source>
        <translation>in Warteschlange: Text nach %1 tokenisieren</translation>
    </message>
    <message>
        <source>started (resuming) on %1</source>
        <translation>gestartet auf %1 (wird fortgesetzt)</translation>
    </message>
    <message>
        <source>started on %1</source>
        <translation>gestartet auf %1</translation>
    </message>
    <message>
        <source>finished (%1 tokens in %2 s)</source>
        <translation>abgeschlossen (%1 Tokens in %2 s)</translation>
    </message>
    <message>
        <source>stopped; resume it from its checkpoint</source>
        <translation>angehalten; Sie können ihn von seinem Checkpoint aus fortsetzen</translation>
    </message>
    <message>
        <source>cancelled: %1</source>
        <translation>abgebrochen: %1</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>fehlgeschlagen (%1)</translation>
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
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;Study</source>
        <translation>&amp;Studie</translation>
    </message>
    <message>
        <source>&amp;New Study…</source>
        <translation>&amp;Neue Studie…</translation>
    </message>
    <message>
        <source>Stop &amp;All</source>
        <translation>&amp;Alle anhalten</translation>
    </message>
    <message>
        <source>&amp;Cancel Queued Runs</source>
        <translation>Läufe in Warteschlange a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Resume Selected Run</source>
        <translation>Ausgewählten Lauf &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Open Output Folder</source>
        <translation>Ausgabe&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>New Study…</source>
        <translation>Neue Studie…</translation>
    </message>
    <message>
        <source>Training %1 (%2): %3% · %4 tokens/s · ETA %5</source>
        <translation>Training %1 (%2): %3% · %4 tokens/s · Restzeit %5</translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n in Warteschlange</numerusform>
            <numerusform>%n in Warteschlange</numerusform>
        </translation>
    </message>
    <message>
        <source>Study started: %1</source>
        <translation>Studie gestartet: %1</translation>
    </message>
    <message>
        <source>Cannot start the study</source>
        <translation>Die Studie kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>Select a run in the runs panel to resume it.</source>
        <translation>Wählen Sie im Bereich „Läufe“ einen Lauf aus, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>%1 (%2) in %3 failed: %4</source>
        <translation>%1 (%2) in %3 ist fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>Results up to the last probe are kept on disk and stay on screen.</source>
        <translation>Die Ergebnisse bis zur letzten Messung bleiben auf dem Datenträger erhalten und weiterhin sichtbar.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>&amp;Stop Run</source>
        <translation>&amp;Lauf anhalten</translation>
    </message>
    <message>
        <source>Stop the selected run (or, with none selected, the runs training now) at the end of its optimizer step, saving a checkpoint; queued runs stay queued</source>
        <translation>Den ausgewählten Lauf (ohne Auswahl die gerade trainierenden Läufe) am Ende seines Optimiererschritts anhalten und einen Checkpoint speichern; wartende Läufe bleiben in der Warteschlange</translation>
    </message>
    <message>
        <source>Stop every run training now, saving checkpoints, and cancel the queued runs</source>
        <translation>Alle gerade trainierenden Läufe anhalten (mit Checkpoints) und die wartenden Läufe abbrechen</translation>
    </message>
    <message>
        <source>Remove the runs waiting to start; running runs go on</source>
        <translation>Die wartenden Läufe entfernen; laufende Läufe gehen weiter</translation>
    </message>
    <message>
        <source>Continue the selected run from its newest checkpoint</source>
        <translation>Den ausgewählten Lauf ab seinem neuesten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>A run is training in this window. Stop it and save a checkpoint before quitting? It can be resumed later from that checkpoint (Study → Resume Selected Run).</source>
        <translation>In diesem Fenster trainiert ein Lauf. Vor dem Beenden anhalten und einen Checkpoint speichern? Er lässt sich später ab diesem Checkpoint fortsetzen (Studie → Ausgewählten Lauf fortsetzen).</translation>
    </message>
    <message>
        <source>Stop, Save and Quit</source>
        <translation>Anhalten, speichern und beenden</translation>
    </message>
    <message>
        <source>Keep Training</source>
        <translation>Weiter trainieren</translation>
    </message>
    <message>
        <source>Saving checkpoint… the run stops at the end of its current step.</source>
        <translation>Checkpoint wird gespeichert… der Lauf hält am Ende seines aktuellen Schritts an.</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird angehalten</translation>
    </message>
    <message>
        <source>Close all studies?</source>
        <translation>Alle Studien schließen?</translation>
    </message>
    <message numerus="yes">
        <source>Close the %n open study folder(s)? Nothing is deleted: the folders stay on disk and File → Open Recent opens them again.</source>
        <translation>
            <numerusform>Den %n geöffneten Studienordner schließen? Nichts wird gelöscht: der Ordner bleibt auf dem Datenträger, und Datei → Zuletzt geöffnet öffnet ihn wieder.</numerusform>
            <numerusform>Die %n geöffneten Studienordner schließen? Nichts wird gelöscht: die Ordner bleiben auf dem Datenträger, und Datei → Zuletzt geöffnet öffnet sie wieder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close All</source>
        <translation>Alle schließen</translation>
    </message>
    <message>
        <source>Fraction of run</source>
        <translation>Anteil des Laufs</translation>
    </message>
    <message>
        <source>Steps and wall time are recorded by QK Studio runs; the published files have tokens only. Fraction of run puts studies of different lengths on one axis.</source>
        <translation>Schritte und Laufzeit zeichnen QK-Studio-Läufe auf; die veröffentlichten Dateien enthalten nur Tokens. „Anteil des Laufs“ bringt Studien unterschiedlicher Länge auf eine Achse.</translation>
    </message>
    <message>
        <source>Log x</source>
        <translation>x logarithmisch</translation>
    </message>
    <message>
        <source>Logarithmic x axis: a short run next to a long one stays readable. The probe at 0 tokens has no place on it.</source>
        <translation>Logarithmische x-Achse: ein kurzer Lauf neben einem langen bleibt lesbar. Die Messung bei 0 Tokens hat darauf keinen Platz.</translation>
    </message>
    <message>
        <source>Start the run again?</source>
        <translation>Lauf neu beginnen?</translation>
    </message>
    <message>
        <source>%1 in %2 holds %3 but no checkpoint to continue from.

Starting it again begins at zero tokens and replaces these results.</source>
        <translation>%1 in %2 enthält %3, aber keinen Checkpoint zum Fortsetzen.

Ein Neubeginn startet bei null Tokens und ersetzt diese Ergebnisse.</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>Start nicht möglich</translation>
    </message>
    <message>
        <source>Kept open while their runs train: %1</source>
        <translation>Geöffnet gelassen, solange ihre Läufe trainieren: %1</translation>
    </message>
    <message>
        <source>S&amp;eeds</source>
        <translation>S&amp;eeds</translation>
    </message>
    <message>
        <source>No study of several seeds is open</source>
        <translation>Keine Studie mit mehreren Seeds geöffnet</translation>
    </message>
    <message>
        <source>&amp;Mean with 95% Band</source>
        <translation>&amp;Mittelwert mit 95-%-Band</translation>
    </message>
    <message>
        <source>&amp;Every Seed</source>
        <translation>&amp;Jeder Seed</translation>
    </message>
    <message>
        <source>Seed %1</source>
        <translation>Seed %1</translation>
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
            <numerusform>aktiv · %n Messung</numerusform>
            <numerusform>aktiv · %n Messungen</numerusform>
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
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>wird gestartet</translation>
    </message>
    <message>
        <source>%1% · %2 tok/s · ETA %3</source>
        <translation>%1% · %2 tok/s · Restzeit %3</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>wird angehalten…</translation>
    </message>
    <message>
        <source>stopped (resumable)</source>
        <translation>angehalten (fortsetzbar)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>waiting for the first probe</source>
        <translation>wartet auf die erste Messung</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume from Checkpoint</source>
        <translation>Vom Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>cancelled (no checkpoint)</source>
        <translation>abgebrochen (kein Checkpoint)</translation>
    </message>
    <message>
        <source>stopped at %1% (resumable)</source>
        <translation>angehalten bei %1% (fortsetzbar)</translation>
    </message>
    <message>
        <source>stopped at %1% (no checkpoint)</source>
        <translation>angehalten bei %1% (kein Checkpoint)</translation>
    </message>
    <message>
        <source>%1 of %2 tokens</source>
        <translation>%1 von %2 Tokens</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message numerus="yes">
        <source>%1 · mean of %n seed(s)</source>
        <translation>
            <numerusform>%1 · Mittel aus %n Seed</numerusform>
            <numerusform>%1 · Mittel aus %n Seeds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · seed %2</source>
        <translation>%1 · Seed %2</translation>
    </message>
    <message>
        <source>%1 (%2): the mean over the seed folders&apos; runs, with a 95% band
%3</source>
        <translation>%1 (%2): der Mittelwert über die Läufe der Seed-Ordner, mit einem 95-%-Band
%3</translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s) · %1 of %2 seeds at the last</source>
        <translation>
            <numerusform>%n Probe · %1 von %2 Seeds bei der letzten</numerusform>
            <numerusform>%n Proben · %1 von %2 Seeds bei der letzten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1 (n = %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n seed(s)</source>
        <translation>
            <numerusform>%1 · %n Seed</numerusform>
            <numerusform>%1 · %n Seeds</numerusform>
        </translation>
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
    <message>
        <source>Off: the two studies&apos; x ranges differ by more than 10×, so linked axes would squeeze the shorter one. Tick to link them anyway.</source>
        <translation>Aus: die x-Bereiche der beiden Studien unterscheiden sich um mehr als das 10-Fache; gekoppelte Achsen würden die kürzere zusammendrücken. Zum Koppeln trotzdem ankreuzen.</translation>
    </message>
</context>
<context>
    <name>qks::gui::StudyController</name>
    <message>
        <source>%1 is already queued or running.</source>
        <translation>%1 ist bereits in der Warteschlange oder läuft.</translation>
    </message>
    <message>
        <source>not started: %1 failed</source>
        <translation>nicht gestartet: %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
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
    <message>
        <source>seed %1: %2</source>
        <translation>Seed %1: %2</translation>
    </message>
    <message>
        <source>No point of the sweep in %1 has results yet.</source>
        <translation>Noch kein Punkt des Sweeps in %1 hat Ergebnisse.</translation>
    </message>
</context>
<context>
    <name>qks::gui::SweepEditor</name>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Values (comma-separated)</source>
        <translation>Werte (durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>Each point of the grid is a study of its own, in a folder named by its values; empty: no sweep</source>
        <translation>Jeder Punkt des Rasters ist eine eigene Studie, in einem nach seinen Werten benannten Ordner; leer: kein Sweep</translation>
    </message>
    <message>
        <source>Add Setting</source>
        <translation>Einstellung hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>e.g. 0.006, 0.012, 0.024</source>
        <translation>z. B. 0.006, 0.012, 0.024</translation>
    </message>
    <message>
        <source>sweeps %1 twice; keep one row for it</source>
        <translation>variiert %1 zweimal; eine Zeile dafür behalten</translation>
    </message>
</context>
</TS>
