#include "study/ConfigDialog.h"

#include "data/TextCorpus.h"
#include "data/TokenDataset.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace qks::gui {

std::optional<PrepareOptions> ConfigDialog::prepareOptions() const
{
    if (m_dataKind->currentIndex() != 1)
        return std::nullopt;
    const StudyConfig c = config();
    PrepareOptions o;
    o.textDir = m_dataPath->text().trimmed().toStdString();
    o.outDir = c.data.path;
    o.seqLen = c.model.max_seq_len;
    o.vocabSize = m_tokenizer->text().trimmed().isEmpty() ? m_vocabForText->text().toLongLong() : 0;
    o.tokenizerPath = m_tokenizer->text().trimmed().toStdString();
    return o;
}

// Shows what the data source holds and files its problems under m_fieldErrors.
void ConfigDialog::updateDataPreview(const StudyConfig& c)
{
    if (m_dataKind->currentIndex() == 1)
        previewTextFolder(c);
    else
        previewTokenFolder(c);
}

void ConfigDialog::previewTextFolder(const StudyConfig& c)
{
    const QString dir = m_dataPath->text().trimmed();
    try {
        const auto files = listTextFiles(dir.toStdString());
        m_dataPreview->setText(tr("%n text file(s); tokenized into %1 before training", nullptr, int(files.size()))
                                   .arg(QDir::toNativeSeparators(QString::fromStdString(c.data.path))));
        if (files.empty())
            m_fieldErrors.insert(QStringLiteral("data.path"), tr("the folder holds no .txt or .jsonl files"));
    } catch (const std::exception& e) {
        m_dataPreview->setText(QString());
        m_fieldErrors.insert(QStringLiteral("data.path"), QString::fromUtf8(e.what()));
    }
    if (m_tokenizer->text().trimmed().isEmpty() && m_vocabForText->text().toLongLong() > c.model.vocab_size)
        m_fieldErrors.insert(QStringLiteral("model.vocab_size"), tr("must be at least the tokenizer's vocabulary size"));
}

void ConfigDialog::previewTokenFolder(const StudyConfig& c)
{
    DataCheck& check = m_dataCheck;
    if (check.path != c.data.path || check.seqLen != c.model.max_seq_len || check.vocabSize != c.model.vocab_size) {
        check = DataCheck{c.data.path, c.model.max_seq_len, c.model.vocab_size, std::nullopt, QString()};
        try {
            check.info = TokenDataset::open(c.data.path, c.model.max_seq_len, c.model.vocab_size).info();
        } catch (const std::exception& e) {
            check.error = QString::fromUtf8(e.what());
        }
    }
    if (!check.info) {
        m_dataPreview->setText(QString());
        m_fieldErrors.insert(QStringLiteral("data.path"), check.error);
        return;
    }
    const TokenDatasetInfo& i = *check.info;
    // The core names the layout in one English word; the preview says it in the user's language.
    const QString layout = i.format == "prepared"   ? tr("prepared")
                           : i.format == "shards"   ? tr("llm.c shards")
                           : i.format == "file"     ? tr("one shard file")
                           : i.format == "hf-arrow" ? tr("Hugging Face arrow")
                                                    : QString::fromStdString(i.format);
    QString text = tr("%1 · %2 training and %3 validation sequences of %4 tokens · %5 tokens · ids %6–%7")
                       .arg(layout, QLocale().toString(qlonglong(i.trainSequences)),
                            QLocale().toString(qlonglong(i.valSequences)), QString::number(i.seqLen),
                            QLocale().toString(qlonglong(i.totalTokens)), QString::number(i.minId),
                            QString::number(i.maxId));
    if (i.metaVocabSize > 0)
        text += tr(" · vocabulary %1").arg(i.metaVocabSize);
    // The run sees each training sequence at most once per pass; say when it will repeat.
    const int64_t tokensPerPass = i.trainSequences * i.seqLen;
    if (tokensPerPass > 0 && c.train.tokens > tokensPerPass)
        text += tr(" · the budget is %1 passes over the data").arg(double(c.train.tokens) / tokensPerPass, 0, 'f', 1);
    m_dataPreview->setText(text);
}

} // namespace qks::gui
