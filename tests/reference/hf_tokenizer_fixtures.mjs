// Builds the Hugging Face tokenizer.json fixtures under tests/fixtures/tokenizer/ and the ids
// Hugging Face tokenizers gives for a set of texts, for test_hf_tokenizers.
//
//   npm install --prefix /tmp/hftok @anush008/tokenizers@0.6.0   # tokenizers 0.22.2, not a project dependency
//   NODE_PATH=/tmp/hftok/node_modules node tests/reference/hf_tokenizer_fixtures.mjs
//
// Every fixture reuses the vocabulary and merges of hf_bpe_512.json (256 bytes + 255 merges
// trained on Moby Dick + <|endoftext|>) and wraps them in the structure under test:
//   smollm2_like        SmolLM2's layout (the study's tokenizer): 17 special tokens at ids
//                       0-16, also in model.vocab; Sequence[Digits(individual), ByteLevel];
//                       merges as "a b" strings
//   hf_features_split   Llama 3 flavour: NFC, Split with Llama 3's regex + ByteLevel without
//                       regex, ignore_merges, a TemplateProcessing post-processor (ignored:
//                       ids are those of add_special_tokens=False), added tokens with lstrip,
//                       rstrip, single_word, normalized
//   hf_features_unk     NFKC, Split behaviours MergedWithNext / MergedWithPrevious / Removed,
//                       Digits, ByteLevel with add_prefix_space, byte tokens missing (unk_token
//                       with fuse_unk), a repeated merge (the last rank counts)
//   hf_features_invert  Split with invert and Contiguous, a String pattern, individual digits
// For each text the cases file holds the ids of encode(text, add_special_tokens=False)
// ("ids"), the ids when special added tokens are ordinary text ("ids_special_as_text",
// computed on a copy without the special added tokens), and Hugging Face's decode of "ids".
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Tokenizer } = require('@anush008/tokenizers');
const hfVersion = require('@anush008/tokenizers/package.json').version;

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(here, '..', 'fixtures', 'tokenizer');
const base = JSON.parse(fs.readFileSync(path.join(dir, 'hf_bpe_512.json'), 'utf8'));
const baseTokens = Object.entries(base.model.vocab).sort((a, b) => a[1] - b[1]).map(([t]) => t)
    .filter((t) => t !== '<|endoftext|>');
const baseMerges = base.model.merges.map((m) => (Array.isArray(m) ? m : m.split(' ')));

const LLAMA3 = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const byteLevel = (addPrefixSpace, useRegex) =>
    ({ type: 'ByteLevel', add_prefix_space: addPrefixSpace, trim_offsets: true, use_regex: useRegex });
const added = (id, content, o = {}) => ({
    id, content, single_word: o.single_word ?? false, lstrip: o.lstrip ?? false,
    rstrip: o.rstrip ?? false, normalized: o.normalized ?? !(o.special ?? true), special: o.special ?? true,
});
// The byte-level spelling of UTF-8 text (GPT-2's bytes_to_unicode).
const byteChar = (() => {
    const bs = [];
    for (let b = 33; b <= 126; ++b) bs.push(b);
    for (let b = 161; b <= 172; ++b) bs.push(b);
    for (let b = 174; b <= 255; ++b) bs.push(b);
    const map = new Map(bs.map((b) => [b, String.fromCodePoint(b)]));
    let n = 0;
    for (let b = 0; b < 256; ++b) if (!map.has(b)) map.set(b, String.fromCodePoint(256 + n++));
    return map;
})();
const toByteLevel = (s) => Array.from(Buffer.from(s, 'utf8')).map((b) => byteChar.get(b)).join('');

function tokenizerJson({ tokens, merges, addedTokens, normalizer = null, preTokenizer,
    postProcessor = byteLevel(true, false), model = {}, mergesAsStrings = false }) {
    const vocab = {};
    tokens.forEach((t, i) => { vocab[t] = i; });
    return {
        version: '1.0', truncation: null, padding: null, added_tokens: addedTokens, normalizer,
        pre_tokenizer: preTokenizer, post_processor: postProcessor, decoder: byteLevel(true, true),
        model: {
            type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null,
            end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false,
            ...model, vocab, merges: mergesAsStrings ? merges.map((m) => m.join(' ')) : merges,
        },
    };
}

function smollm2Like() {
    const specials = ['<|endoftext|>', '<|im_start|>', '<|im_end|>', '<repo_name>', '<reponame>',
        '<file_sep>', '<filename>', '<gh_stars>', '<issue_start>', '<issue_comment>', '<issue_closed>',
        '<jupyter_start>', '<jupyter_text>', '<jupyter_code>', '<jupyter_output>', '<jupyter_script>',
        '<empty_output>'];
    return tokenizerJson({
        tokens: [...specials, ...baseTokens],
        merges: baseMerges,
        addedTokens: specials.map((s, i) => added(i, s)),
        preTokenizer: { type: 'Sequence', pretokenizers: [{ type: 'Digits', individual_digits: true }, byteLevel(false, true)] },
        mergesAsStrings: true,
    });
}

function featuresSplit() {
    // Whole words in the vocabulary without merges leading to them: only ignore_merges finds them.
    const extra = ['Ġwhale', 'ĠcafÃ©', 'Ġthere'].filter((t) => !baseTokens.includes(t));
    const tokens = [...baseTokens, ...extra, '<|endoftext|>'];
    const n = tokens.length;
    return tokenizerJson({
        tokens,
        merges: baseMerges,
        // Special tokens last: tokenizers renumbers added tokens in list order when it loads
        // a file, so the copy without them (ids_special_as_text) keeps the others' ids.
        addedTokens: [
            added(n - 1, '<|endoftext|>'),
            added(n, '<mask>', { special: false, lstrip: true, rstrip: true }),
            added(n + 1, '[X]', { special: false, single_word: true }),
            added(n + 2, 'café', { special: false }), // normalized: matches NFD input after NFC
            added(n + 3, 'ﬁ', { special: false, normalized: false }),
            added(n + 4, '<|begin_of_text|>'),
            added(n + 5, '<|eot_id|>', { special: true, rstrip: true }),
        ],
        normalizer: { type: 'Sequence', normalizers: [{ type: 'NFC' }] },
        preTokenizer: { type: 'Sequence', pretokenizers: [
            { type: 'Split', pattern: { Regex: LLAMA3 }, behavior: 'Isolated', invert: false },
            byteLevel(false, false)] },
        postProcessor: {
            type: 'TemplateProcessing',
            single: [{ SpecialToken: { id: '<|begin_of_text|>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
            pair: [{ Sequence: { id: 'A', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } }],
            special_tokens: { '<|begin_of_text|>': { id: '<|begin_of_text|>', ids: [n + 4], tokens: ['<|begin_of_text|>'] } },
        },
        model: { ignore_merges: true },
    });
}

function featuresUnk() {
    // No tokens for most lead bytes of 3- and 4-byte UTF-8 (CJK, emoji): they become <unk>.
    // (0xE2 stays: the merges spell the em dash with it.)
    const used = new Set(baseMerges.flat());
    const missing = new Set();
    for (let b = 0xe3; b <= 0xf4; ++b) if (!used.has(byteChar.get(b))) missing.add(byteChar.get(b));
    const tokens = [...baseTokens.filter((t) => !missing.has(t)), '<unk>', '<|endoftext|>'];
    return tokenizerJson({
        tokens,
        merges: [...baseMerges, baseMerges[0]], // 'Ġ t' again: its rank is now the last
        addedTokens: [added(tokens.length - 1, '<|endoftext|>')],
        normalizer: { type: 'NFKC' },
        preTokenizer: { type: 'Sequence', pretokenizers: [
            { type: 'Split', pattern: { String: '-' }, behavior: 'MergedWithNext', invert: false },
            { type: 'Split', pattern: { Regex: '[,;]' }, behavior: 'MergedWithPrevious', invert: false },
            { type: 'Split', pattern: { Regex: '\\s+' }, behavior: 'Removed', invert: false },
            { type: 'Digits', individual_digits: false },
            byteLevel(true, true)] },
        model: { unk_token: '<unk>', fuse_unk: true },
    });
}

function featuresInvert() {
    return tokenizerJson({
        tokens: [...baseTokens, '<|endoftext|>'],
        merges: baseMerges,
        addedTokens: [added(baseTokens.length, '<|endoftext|>')],
        preTokenizer: { type: 'Sequence', pretokenizers: [
            { type: 'Split', pattern: { Regex: '\\p{L}+' }, behavior: 'Contiguous', invert: true },
            { type: 'Split', pattern: { String: 'the' }, behavior: 'Isolated', invert: false },
            { type: 'Digits', individual_digits: true },
            byteLevel(false, false)] },
        mergesAsStrings: true,
    });
}

const texts = [
    'Call me Ishmael. Some years ago—never mind how long precisely—having little money,',
    "I'm sure they'll say it's fine, don't you think? We've SEEN it. THEY'LL",
    '2024-01-02 3.14159 1,000,000 and 1234567890 x²+y³ Ⅻ ١٢٣٤ ½',
    'naïve café Zürich 東京 Ελληνικά русский עברית',
    'cafe\u0301 and cafe\u0301s, ﬁne Ｆｕｌｌｗｉｄｔｈ ① ｶﾀｶﾅ',
    'emoji 👍🏽 👨‍👩‍👧 🇩🇪 ok😀😀',
    '  tabs\t\tand   spaces \r\n\r\n  trailing   ',
    'nbsp\u00a0and\u3000ideographic\u2028line\u0085nel\ufeffbom',
    '<|endoftext|>Hello<|im_start|>user\nHi there<|im_end|>\n<|endoftext|>',
    'a<|endoftext|>b <|endoftext <|endoftext|><|endoftext|> <|begin_of_text|>x<|eot_id|>  y',
    'I saw a <mask> dog and   <mask>   cats<mask>.',
    '[X]y [X] x[X] ([X]) _[X] [X]é [X]',
    'the-final--countdown; well,, the end; thethe',
    'def foo(x):\n    return x ** 2  # comment\n',
    'the whale there café whale, whales',
    '',
    ' ',
    '\n\n\n',
    '9'.repeat(100) + ' ' + 'e'.repeat(300),
];

async function cases(json) {
    const tok = Tokenizer.fromString(JSON.stringify(json));
    const plain = JSON.parse(JSON.stringify(json));
    plain.added_tokens = plain.added_tokens.filter((t) => !t.special);
    const asText = Tokenizer.fromString(JSON.stringify(plain));
    const out = [];
    for (const text of texts) {
        const ids = (await tok.encode(text, null, { addSpecialTokens: false })).getIds();
        const idsAsText = (await asText.encode(text, null, { addSpecialTokens: false })).getIds();
        const decoded = await tok.decode(ids, false);
        out.push({ text, ids, ids_special_as_text: idsAsText, decoded });
    }
    return out;
}

const fixtures = {
    smollm2_like: smollm2Like(),
    hf_features_split: featuresSplit(),
    hf_features_unk: featuresUnk(),
    hf_features_invert: featuresInvert(),
};
for (const [name, json] of Object.entries(fixtures)) {
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(json, null, 1) + '\n');
    const result = {
        produced_by: `Hugging Face tokenizers 0.22.2 (npm @anush008/tokenizers ${hfVersion}), tests/reference/hf_tokenizer_fixtures.mjs`,
        cases: await cases(json),
    };
    fs.writeFileSync(path.join(dir, `${name}_cases.json`), JSON.stringify(result, null, 1) + '\n');
    console.log(`${name}: ${Object.keys(json.model.vocab).length} vocab, ${texts.length} cases`);
}
