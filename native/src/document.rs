//! Mirrors `core.schema.to_document` + `indexer.bulk.serialise` (the `_bulk` source, as orjson
//! writes it) and the common path of `indexer.extract.encoding.decode`; `Extractor::prepare`
//! is `indexer.bulk.prepare_file` for a text dump, from bytes to the document's id and JSON.

use std::fmt::Write as _;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::gazetteer::Gazetteer;
use crate::pyutil;
use crate::text_dump::{Fields, TextDump};

/// What a release's document is built from: the text parser's fields and the gazetteer's.
pub struct ReleaseDoc<'a> {
    pub fields: &'a Fields,
    /// `fields.body` joined by newlines (`Release.body_text`), as the gazetteer read it.
    pub body: &'a str,
    pub countries: &'a [String],
    pub places: &'a [String],
    pub path: &'a str,
    pub indexed_at: &'a str,
}

/// `schema._normalise`: NFKC, plain quotes and dashes, one space between words, casefolded,
/// in one pass (the replacements and casefolding commute: both map one character at a time,
/// and the replacements give ASCII that casefolds to itself). NFKC runs only when some
/// character has a compatibility form: supported text holds no combining marks, so nothing
/// else can compose.
fn normalise(text: &str) -> String {
    let composed: String;
    let text = if needs_nfkc(text) {
        composed = text.nfkc().collect();
        &composed
    } else {
        text
    };
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut space = false; // a run of whitespace since the last word: one space, if a word follows
    let mut i = 0;
    while i < bytes.len() {
        if let Some(window) = bytes.get(i..i + WINDOW) {
            let first_ws = matches!(window[0], b' ' | b'\n');
            if plain_window(window) && (!first_ws || !space && !out.is_empty()) {
                // ASCII words single-spaced (newlines between paragraphs are spaces too).
                if space {
                    out.push(b' ');
                    space = false;
                }
                out.extend(window.iter().map(|&b| {
                    if b == b'\n' {
                        b' '
                    } else {
                        b.to_ascii_lowercase()
                    }
                }));
                i += WINDOW;
                continue;
            }
            let end = i + WINDOW;
            while i < end {
                i = normalise_step(text, i, &mut out, &mut space);
            }
            continue;
        }
        i = normalise_step(text, i, &mut out, &mut space);
    }
    String::from_utf8(out).expect("whole characters were copied")
}

/// Bytes looked at together by the fast paths (their tests vectorise).
const WINDOW: usize = 32;

/// Whether a window is ASCII with no control but `\n`, no two whitespace bytes in a row, and
/// ends in a word's byte: then normalising it maps byte to byte.
fn plain_window(w: &[u8]) -> bool {
    let odd = w.iter().fold(false, |acc, &b| {
        acc | (b >= 0x80) | ((b < 0x20) & (b != b'\n'))
    });
    let ws = |b: u8| (b == b' ') | (b == b'\n');
    let doubled = w
        .iter()
        .zip(&w[1..])
        .fold(false, |acc, (&a, &b)| acc | (ws(a) & ws(b)));
    !odd && !doubled && !ws(w[WINDOW - 1])
}

/// One character of `normalise`'s general path, from byte `i`; returns the next offset.
fn normalise_step(text: &str, i: usize, out: &mut Vec<u8>, space: &mut bool) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        if pyutil::is_space(b as char) {
            *space = !out.is_empty();
            return i + 1;
        }
        if *space {
            out.push(b' ');
            *space = false;
        }
        out.push(b.to_ascii_lowercase());
        return i + 1;
    }
    let c = text[i..]
        .chars()
        .next()
        .expect("a character starts at a lead byte");
    if pyutil::is_space(c) {
        *space = !out.is_empty();
        return i + c.len_utf8();
    }
    if *space {
        out.push(b' ');
        *space = false;
    }
    let mut buf = [0u8; 4];
    match c {
        '\u{2019}' | '\u{2018}' => out.push(b'\''),
        '\u{201c}' | '\u{201d}' => out.push(b'"'),
        '\u{2013}' | '\u{2014}' => out.push(b'-'),
        c => {
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    i + c.len_utf8()
}

/// Whether some character has a compatibility form (NFKC changes it), looking only at the
/// characters that start with a lead byte.
fn needs_nfkc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(window) = bytes.get(i..i + WINDOW) {
            if window.iter().fold(true, |acc, &b| acc & (b < 0x80)) {
                i += WINDOW;
                continue;
            }
        }
        if bytes[i] >= 0xc0 {
            let c = text[i..]
                .chars()
                .next()
                .expect("a character starts at a lead byte");
            if nfkc_changes(c) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Whether NFKC changes a (non-ASCII) character on its own.
fn nfkc_changes(c: char) -> bool {
    !c.is_ascii() && !std::iter::once(c).nfkc().eq(std::iter::once(c))
}

/// `schema._hash`: sha256 of the normalised title, the date and the normalised body.
pub fn content_hash(title: &str, date: &str, body: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(normalise(title).as_bytes());
    hasher.update(b"\x1f");
    hasher.update(date.as_bytes());
    hasher.update(b"\x1f");
    hasher.update(normalise(body).as_bytes());
    hex(&hasher.finalize())
}

/// `bulk.unit_hash`: blake2b with a 16-byte digest, in hex (blake2b_simd: AVX2 where the
/// CPU has it, ~3x the portable crate on a 4 KB file).
pub fn unit_hash(data: &[u8]) -> String {
    let digest = blake2b_simd::Params::new().hash_length(16).hash(data);
    hex(digest.as_bytes())
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// `len(s.split())`, a byte at a time (whitespace is ASCII or U+00A0 in supported text).
fn count_words(s: &str) -> usize {
    let bytes = s.as_bytes();
    let ws = |b: u8| (b == b' ') | (b == b'\t') | (b == b'\n');
    if !bytes.windows(2).any(|w| w == [0xc2, 0xa0]) {
        // No no-break space: a word starts at every non-space byte after a space byte.
        let starts: usize = bytes
            .iter()
            .zip(&bytes[1.min(bytes.len())..])
            .map(|(&a, &b)| usize::from(ws(a) & !ws(b)))
            .sum();
        return starts + usize::from(bytes.first().is_some_and(|&b| !ws(b)));
    }
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let width = pyutil::space_width(bytes, i);
        let space = width > 0;
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += width.max(1);
    }
    words
}

/// `schema.place_display`: whitespace squeezed; a place in capitals in title case.
pub fn place_display(place: &str) -> Option<String> {
    let place = pyutil::squeeze(place);
    if place.is_empty() {
        return None;
    }
    Some(if pyutil::is_upper(&place) {
        pyutil::title(&place)
    } else {
        place
    })
}

/// A JSON document written as orjson writes one: compact, UTF-8, keys in insertion order.
struct Json {
    out: Vec<u8>,
    first: bool,
}

impl Json {
    fn new(capacity: usize) -> Self {
        let mut out = Vec::with_capacity(capacity);
        out.push(b'{');
        Json { out, first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.string(key);
        self.out.push(b':');
    }

    /// A string, escaped as orjson escapes: `"`, `\`, and control characters (the short
    /// forms for \b \t \n \f \r, else `\u00xx`); everything else is written as UTF-8.
    fn string(&mut self, s: &str) {
        self.out.push(b'"');
        let bytes = s.as_bytes();
        let needs = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let end = match bytes.get(i..i + WINDOW) {
                Some(window) if !window.iter().fold(false, |acc, &b| acc | needs(b)) => {
                    i += WINDOW; // nearly every window
                    continue;
                }
                Some(_) => i + WINDOW,
                None => bytes.len(),
            };
            for (j, &b) in bytes.iter().enumerate().take(end).skip(i) {
                if !needs(b) {
                    continue;
                }
                self.out.extend_from_slice(&bytes[start..j]);
                match b {
                    b'"' => self.out.extend_from_slice(b"\\\""),
                    b'\\' => self.out.extend_from_slice(b"\\\\"),
                    b'\n' => self.out.extend_from_slice(b"\\n"),
                    b'\t' => self.out.extend_from_slice(b"\\t"),
                    b'\r' => self.out.extend_from_slice(b"\\r"),
                    0x08 => self.out.extend_from_slice(b"\\b"),
                    0x0c => self.out.extend_from_slice(b"\\f"),
                    _ => {
                        let _ = write!(VecWriter(&mut self.out), "\\u{:04x}", b);
                    }
                }
                start = j + 1;
            }
            i = end;
        }
        self.out.extend_from_slice(&bytes[start..]);
        self.out.push(b'"');
    }

    fn opt(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        match value {
            Some(s) => self.string(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn list(&mut self, key: &str, values: &[String]) {
        self.key(key);
        self.out.push(b'[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.string(v);
        }
        self.out.push(b']');
    }

    fn int(&mut self, key: &str, value: Option<i64>) {
        self.key(key);
        match value {
            Some(n) => {
                let _ = write!(VecWriter(&mut self.out), "{n}");
            }
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.out.push(b'}');
        self.out
    }
}

struct VecWriter<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for VecWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// `schema.to_document` serialised: (document id, `_bulk` source bytes).
pub fn document(doc: &ReleaseDoc) -> (String, Vec<u8>) {
    let f = doc.fields;
    let body = doc.body;
    let words = count_words(body);
    let date = f.date.as_deref();
    let hash = content_hash(&f.title, date.unwrap_or(""), body);
    let display = f.place.as_deref().and_then(place_display);
    let places: Vec<String> = if !doc.places.is_empty() {
        doc.places.to_vec()
    } else if f.place.as_deref().is_some_and(|p| !p.is_empty()) {
        display.iter().cloned().collect()
    } else {
        Vec::new()
    };
    let sources: Vec<String> = if !f.sources.is_empty() {
        f.sources.clone()
    } else {
        f.source.iter().cloned().collect()
    };
    let mut json = Json::new(body.len() + f.title.len() + 1024);
    json.str("title", &f.title);
    json.str("body", body);
    json.opt("type", f.kind.as_deref());
    json.opt("source", f.source.as_deref());
    json.list("sources", &sources);
    json.list("closed_sources", &f.closed_sources);
    json.list("fields_of_work", &f.fields_of_work);
    json.opt("place", f.place.as_deref());
    json.opt("place_display", display.as_deref());
    json.list("places", &places);
    json.list("countries", doc.countries);
    json.opt("date", date);
    json.int(
        "year",
        date.and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()),
    );
    json.str("path", doc.path);
    json.opt("origin", None);
    json.str("format", "text");
    json.int("body_words", Some(words.max(1) as i64));
    json.str("content_hash", &hash);
    json.str("indexed_at", doc.indexed_at);
    json.opt("crawled_at", None);
    (hash[..ID_CHARS].to_owned(), json.finish())
}

const ID_CHARS: usize = 20;

/// The common path of `encoding.decode` + `extract.looks_like_html`: strict UTF-8 without a
/// BOM, CRs, mojibake or anything `pyutil::supported` refuses, not starting with markup or a
/// binary signature, and not blank. None: let Python decode (and word any refusal).
pub struct Decoder {
    magic: Vec<Vec<u8>>,
    max_bytes: usize,
    mojibake: regex::Regex,
}

impl Decoder {
    pub fn decode<'a>(&self, data: &'a [u8]) -> Option<&'a str> {
        if data.len() > self.max_bytes
            || data.starts_with(b"\xef\xbb\xbf")
            || data.starts_with(b"\xff\xfe")
            || data.starts_with(b"\xfe\xff")
            || data.starts_with(b"\x00\x00\xfe\xff")
            || self.magic.iter().any(|m| data.starts_with(m))
        {
            return None;
        }
        let text = std::str::from_utf8(data).ok()?;
        let lead = pyutil::supported_with_lead(text)?;
        match text.trim_start_matches(pyutil::is_space).chars().next() {
            None | Some('<') => return None, // blank, or markup: Python words or parses it
            _ => {}
        }
        if lead && self.mojibake.is_match(text) {
            return None;
        }
        Some(text)
    }
}

/// `prepare_file` for a text dump: bytes to (document id, source), or None for Python.
#[pyclass(frozen)]
pub struct Extractor {
    decoder: Decoder,
    text_dump: TextDump,
    gazetteer: Gazetteer,
}

impl Extractor {
    /// The document for `data` read from `path`, or None where Python must decide (anything
    /// `Decoder` refuses, a file holding no release: its reason is Python's to word).
    pub fn prepare_bytes(
        &self,
        data: &[u8],
        path: &str,
        indexed_at: &str,
    ) -> Option<(String, Vec<u8>)> {
        let text = self.decoder.decode(data)?;
        let fields = self.text_dump.parse_text(text).ok()?;
        let body = fields.body.join("\n");
        let mut countries = self.gazetteer.find_countries(&[&fields.title, &body], true);
        for state in self
            .gazetteer
            .place_parts(fields.dateline_place.as_deref())
            .1
        {
            if !countries.contains(&state) {
                countries.push(state);
            }
        }
        let places = self.gazetteer.place_parts(fields.place.as_deref()).0;
        Some(document(&ReleaseDoc {
            fields: &fields,
            body: &body,
            countries: &countries,
            places: &places,
            path,
            indexed_at,
        }))
    }
}

#[pymethods]
impl Extractor {
    /// `Extractor(tables)`: `tables` from `indexer.native.tables()`.
    #[new]
    fn new(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        let get = |key: &str| -> PyResult<Bound<'_, PyAny>> {
            tables
                .get_item(key)?
                .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(key.to_owned()))
        };
        let magic: Vec<Vec<u8>> = get("magic")?.extract()?;
        let max_bytes: usize = get("max_bytes")?.extract()?;
        let mojibake: String = get("mojibake")?.extract()?;
        let mojibake = regex::Regex::new(&mojibake)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        Ok(Extractor {
            decoder: Decoder {
                magic,
                max_bytes,
                mojibake,
            },
            text_dump: TextDump::from_tables(get("text_dump")?.downcast()?)?,
            gazetteer: Gazetteer::from_tables(get("gazetteer")?.downcast()?)?,
        })
    }

    /// `(doc_id, source bytes)` for a text dump, or None: then Python parses the file.
    fn prepare<'py>(
        &self,
        py: Python<'py>,
        data: &[u8],
        path: &str,
        indexed_at: &str,
    ) -> PyResult<Option<(String, Bound<'py, PyBytes>)>> {
        let run = || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                self.prepare_bytes(data, path, indexed_at)
            }))
        };
        match py.allow_threads(run) {
            Ok(done) => Ok(done.map(|(id, source)| (id, PyBytes::new(py, &source)))),
            Err(_) => Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                "native extractor panicked on {path}"
            ))),
        }
    }

    /// `prepare` over a batch of `(data, path)` pairs, with the GIL released for the whole
    /// batch (the bulk threads run meanwhile); a panic on one item raises for the batch.
    fn prepare_many<'py>(
        &self,
        py: Python<'py>,
        items: Vec<(Bound<'py, PyBytes>, Bound<'py, PyString>)>,
        indexed_at: &str,
    ) -> PyResult<Vec<Option<(String, Bound<'py, PyBytes>)>>> {
        // A path that is not UTF-8 (surrogates) is left to Python, like a refused file.
        let inputs: Vec<(&[u8], Option<&str>)> = items
            .iter()
            .map(|(data, path)| (data.as_bytes(), path.to_str().ok()))
            .collect();
        let run = || {
            inputs
                .iter()
                .map(|&(data, path)| {
                    let path = path?;
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        self.prepare_bytes(data, path, indexed_at)
                    }))
                    .map_err(|_| path.to_owned())
                    .transpose()
                })
                .collect::<Vec<_>>()
        };
        py.allow_threads(run)
            .into_iter()
            .map(|done| match done {
                None => Ok(None),
                Some(Ok((id, source))) => Ok(Some((id, PyBytes::new(py, &source)))),
                Some(Err(path)) => Err(pyo3::exceptions::PyRuntimeError::new_err(format!(
                    "native extractor panicked on {path}"
                ))),
            })
            .collect()
    }

    /// Seconds spent per stage of `prepare_bytes` over `datas` (timing scripts only: not
    /// part of the API): decode, parse, gazetteer, document.
    fn _time_stages(&self, datas: Vec<Vec<u8>>, reps: usize) -> (f64, f64, f64, f64) {
        let mut spent = [0f64; 4];
        for _ in 0..reps {
            for data in &datas {
                let t0 = std::time::Instant::now();
                let Some(text) = self.decoder.decode(data) else {
                    continue;
                };
                let t1 = std::time::Instant::now();
                let Ok(fields) = self.text_dump.parse_text(text) else {
                    continue;
                };
                let t2 = std::time::Instant::now();
                let body = fields.body.join("\n");
                let countries = self.gazetteer.find_countries(&[&fields.title, &body], true);
                let places = self.gazetteer.place_parts(fields.place.as_deref()).0;
                let _ = self.gazetteer.place_parts(fields.dateline_place.as_deref());
                let t3 = std::time::Instant::now();
                std::hint::black_box(document(&ReleaseDoc {
                    fields: &fields,
                    body: &body,
                    countries: &countries,
                    places: &places,
                    path: "x",
                    indexed_at: "2026-01-01T00:00:00+00:00",
                }));
                let t4 = std::time::Instant::now();
                for (k, (a, b)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4)].iter().enumerate() {
                    spent[k] += (*b - *a).as_secs_f64();
                }
            }
        }
        (spent[0], spent[1], spent[2], spent[3])
    }

    /// The decoded text when the fast path takes these bytes, else None (for tests).
    fn decode(&self, data: &[u8]) -> Option<String> {
        self.decoder.decode(data).map(str::to_owned)
    }
}

/// `osce_native.unit_hash(data)`: `indexer.bulk.unit_hash` (blake2b, 16 bytes, hex).
#[pyfunction]
#[pyo3(name = "unit_hash")]
fn py_unit_hash(py: Python<'_>, data: &[u8]) -> String {
    py.allow_threads(|| unit_hash(data))
}

/// `indexer.extract.read_head`: a file's bytes, at most `limit` + 1.
fn read_head(path: &str, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len() as usize;
    let mut data = Vec::with_capacity(if 0 < size && size <= limit {
        size + 1
    } else {
        limit + 1
    });
    file.take(limit as u64 + 1).read_to_end(&mut data)?;
    Ok(data)
}

/// `osce_native.read_many(paths, limit)`: `read_head` and `unit_hash` for each path, with the
/// GIL released: `(bytes, unit hash)`, or None where the file cannot be read (or its path is
/// not UTF-8): Python reads those again and words the error.
#[pyfunction]
fn read_many<'py>(
    py: Python<'py>,
    paths: Vec<Bound<'py, PyString>>,
    limit: usize,
) -> Vec<Option<(Bound<'py, PyBytes>, String)>> {
    let names: Vec<Option<&str>> = paths.iter().map(|p| p.to_str().ok()).collect();
    let read = py.allow_threads(|| {
        names
            .iter()
            .map(|name| {
                let data = read_head((*name)?, limit).ok()?;
                let digest = unit_hash(&data);
                Some((data, digest))
            })
            .collect::<Vec<_>>()
    });
    read.into_iter()
        .map(|got| got.map(|(data, digest)| (PyBytes::new(py, &data), digest)))
        .collect()
}

/// `osce_native.content_hash(title, date, body)`: `schema._hash`, for tests.
#[pyfunction]
#[pyo3(name = "content_hash")]
fn py_content_hash(title: &str, date: &str, body: &str) -> String {
    content_hash(title, date, body)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add_function(wrap_pyfunction!(py_unit_hash, m)?)?;
    m.add_function(wrap_pyfunction!(read_many, m)?)?;
    m.add_function(wrap_pyfunction!(py_content_hash, m)?)?;
    Ok(())
}
