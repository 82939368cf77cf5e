//! Mirrors indexer/extract/text_dump.py's `parse_text`: the release in an osce.org text dump
//! (navigation lists, type, title, `- Label:` metadata, body paragraphs), anchored on the
//! labels, else on the dateline, else on where the navigation lists end.
//!
//! Every table and pattern comes from `text_dump.native_tables()`; the output equals the
//! Python function's for every text `pyutil::supported` accepts.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::dateline::{get, plain_regex, Dateline};
use crate::labels::Labels;
use crate::pyutil;

/// The Release fields the text parser sets (countries and places are the gazetteer's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields {
    /// `Release.type`.
    pub kind: Option<String>,
    pub title: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub dateline_place: Option<String>,
    pub source: Option<String>,
    pub sources: Vec<String>,
    pub closed_sources: Vec<String>,
    pub fields_of_work: Vec<String>,
    pub body: Vec<String>,
}

/// Why `parse_text` gives no Fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// The file holds no release: `Release.invalid`'s exact reason.
    Invalid(String),
    /// An input where the Python function raises (a type that is just `s`): parse it in
    /// Python, which raises the same exception.
    Fallback,
}

const EMPTY_FILE: &str = "empty file";
const ONLY_NAVIGATION: &str = "no release found: the file holds only navigation lists";
const NO_ANCHOR: &str =
    "no release found: no metadata block, no dateline and no title after navigation";
const NO_TITLE: &str = "no title before the release's metadata";
const NO_BODY: &str = "release has a title but no body text";

/// The values read per label (`meta` in Python), keyed by the canonical field name.
#[derive(Debug, Default)]
struct Meta {
    values: Vec<(String, Vec<String>)>,
}

impl Meta {
    fn entry(&mut self, key: &str) -> &mut Vec<String> {
        match self.values.iter().position(|(k, _)| k == key) {
            Some(i) => &mut self.values[i].1,
            None => {
                self.values.push((key.to_string(), Vec::new()));
                &mut self.values.last_mut().expect("just pushed").1
            }
        }
    }

    fn get(&self, key: &str) -> &[String] {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[], |(_, v)| v.as_slice())
    }

    fn first(&self, key: &str) -> Option<&str> {
        self.get(key).first().map(String::as_str)
    }
}

/// `clean_line(line)`: runs of whitespace collapsed to one space, trimmed.
///
/// The whitespace of supported text is space, tab, newline and no-break space (`C2 A0`), so a
/// line without the last three and without a double, leading or trailing space is returned
/// as is (one pass over its bytes); any other is squeezed.
fn clean_line(line: &str) -> Cow<'_, str> {
    let b = line.as_bytes();
    let clean = match (b.first(), b.last()) {
        (None, _) | (_, None) => true,
        (Some(&first), Some(&last)) => {
            // No early exit: the compiler vectorises the pass (most lines are clean anyway).
            let dirty = b[..b.len() - 1]
                .iter()
                .zip(&b[1..])
                .fold(false, |dirty, (&x, &y)| {
                    dirty | (x == b' ' && y == b' ') | (y < b' ') | (x == 0xc2 && y == 0xa0)
                });
            !dirty && first > b' ' && last > b' '
        }
    };
    if clean {
        Cow::Borrowed(line)
    } else {
        Cow::Owned(pyutil::squeeze(line))
    }
}

/// `text.split("\n")`, by bytes (`str::split` on a char verifies each hit with a memcmp),
/// skipping eight bytes at a time where none is a newline.
fn split_lines(text: &str) -> Vec<&str> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(text.len() / 24 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ (ONES * 0x0a);
            if word.wrapping_sub(ONES) & !word & HIGHS == 0 {
                i += 8; // no zero byte, so no newline, among these eight
                continue;
            }
        }
        let stop = (i + 8).min(bytes.len());
        for (j, &b) in bytes[i..stop].iter().enumerate() {
            if b == b'\n' {
                lines.push(&text[start..i + j]);
                start = i + j + 1;
            }
        }
        i = stop;
    }
    lines.push(&text[start..]);
    lines
}

/// `_is_nav(lines, i)`: a `- entry`, a lone `-`, or a heading right after a lone `-`.
fn is_nav(lines: &[Cow<'_, str>], i: usize) -> bool {
    if lines[i].starts_with('-') {
        return true;
    }
    lines[..i]
        .iter()
        .rev()
        .find(|line| !line.is_empty())
        .is_some_and(|line| line.as_ref() == "-")
}

/// `len(s)` in characters.
fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

pub struct TextDump {
    dateline: Dateline,
    labels: Labels,
    /// LABELS: a label as printed, lower-cased -> the field it fills.
    label_fields: HashMap<String, String>,
    known_types: HashSet<String>,
    label_re: regex::Regex,
    name_list_re: regex::Regex,
    item_re: regex::Regex,
    only_dashes_re: regex::Regex,
}

impl TextDump {
    pub fn from_tables(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        let known: Vec<String> = get(tables, "known_types")?.extract()?;
        Ok(Self {
            dateline: Dateline::from_tables(tables)?,
            labels: Labels::from_tables(tables)?,
            label_fields: get(tables, "labels")?.extract()?,
            known_types: known.into_iter().collect(),
            label_re: plain_regex(tables, "label_re")?,
            name_list_re: plain_regex(tables, "name_list_re")?,
            item_re: plain_regex(tables, "item_re")?,
            only_dashes_re: plain_regex(tables, "only_dashes_re")?,
        })
    }

    pub fn dateline(&self) -> &Dateline {
        &self.dateline
    }

    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    fn is_known_type(&self, line: &str) -> bool {
        self.known_types.contains(&pyutil::casefold(line))
    }

    /// `line.startswith("-") and _LABEL_RE.match(line)`.
    fn is_label(&self, line: &str) -> bool {
        line.starts_with('-') && self.label_re.is_match(line)
    }

    /// `_first_label(text)`: the index of the first `- Label:` line. Python visits the lines
    /// that hold a colon (a label line has one), in order; so does this, on the split lines,
    /// testing first that the line starts with a dash once cleaned.
    fn first_label(&self, text: &str, raw: &[&str]) -> Option<usize> {
        let next_colon = |from: usize| text[from..].find(':').map(|n| from + n);
        let mut colon = next_colon(0)?;
        let mut start = 0;
        for (i, line) in raw.iter().enumerate() {
            let end = start + line.len();
            if colon < end {
                if line.trim_start_matches(pyutil::is_space).starts_with('-')
                    && self.is_label(&clean_line(line))
                {
                    return Some(i);
                }
                colon = next_colon(end)?;
            }
            start = end + 1;
        }
        None
    }

    /// `_looks_like_type(line)`: a known type, or a short label.
    fn looks_like_type(&self, line: &str) -> bool {
        if self.is_known_type(line) {
            return true;
        }
        char_len(line) <= 40
            && pyutil::split_words(line).count() <= 4
            && !line.ends_with(['.', ':', '!', '?'])
            && !line.chars().any(pyutil::is_digit)
    }

    /// `_title_and_type(lines, end)`: the last one or two non-navigation lines before `end`.
    fn title_and_type(
        &self,
        lines: &[Cow<'_, str>],
        end: usize,
    ) -> (Option<String>, Option<String>) {
        let mut found: Vec<usize> = Vec::with_capacity(2);
        let mut i = end;
        while i > 0 && found.len() < 2 {
            i -= 1;
            if !lines[i].is_empty() {
                if is_nav(lines, i) {
                    break;
                }
                found.push(i);
            }
        }
        let Some(&title) = found.first() else {
            return (None, None);
        };
        let kind = found
            .get(1)
            .map(|&k| lines[k].as_ref())
            .filter(|line| self.looks_like_type(line))
            .map(str::to_string);
        (Some(lines[title].to_string()), kind)
    }

    /// `_read_metadata(lines, start)`: the values per label, and the first body line.
    fn read_metadata(&self, lines: &[Cow<'_, str>], start: usize) -> (Meta, usize) {
        let mut meta = Meta::default();
        let mut current: Option<&str> = None;
        let mut i = start;
        while i < lines.len() {
            let line = lines[i].as_ref();
            if line.is_empty() {
                i += 1;
                continue;
            }
            if !line.starts_with('-') {
                break; // neither a label nor an item
            }
            if let Some(label) = line
                .contains(':')
                .then(|| self.label_re.captures(line))
                .flatten()
            {
                let name = pyutil::lower(&label[1]);
                let field = self.label_fields.get(&name).map_or("", String::as_str);
                current = Some(field);
                let values = meta.entry(field);
                let value = pyutil::strip(label.get(2).map_or("", |m| m.as_str()));
                if !value.is_empty() {
                    values.push(value.to_string());
                }
            } else if let (true, Some(field)) = (self.item_re.is_match(line), current) {
                // `(item[1] or "").strip()`: the text after the dash, stripped.
                let value = pyutil::strip(&line[1..]);
                let long = value.len() > 120 && char_len(value) > 120;
                let names = || {
                    field == "source" && char_len(value) <= 600 && self.name_list_re.is_match(value)
                };
                if (long && !names())
                    || (value.ends_with(['.', ';', ':']) && pyutil::split_words(value).count() > 5)
                {
                    break; // a sentence, not a field value: the body starts with a list
                }
                let values = meta.entry(field);
                if !value.is_empty() && !values.iter().any(|v| v == value) {
                    values.push(value.to_string());
                }
            } else {
                break;
            }
            i += 1;
        }
        (meta, i)
    }

    /// `_nav_end(lines)`: the first line after the leading navigation lists.
    fn nav_end(lines: &[Cow<'_, str>]) -> usize {
        let mut end = 0;
        for i in 0..lines.len() {
            if lines[i].is_empty() {
                continue;
            }
            if !is_nav(lines, i) {
                break;
            }
            end = i + 1;
        }
        end
    }

    /// `_locate(lines)` when no line is a label: (end of the title region, first body line).
    fn locate(&self, lines: &[Cow<'_, str>]) -> Result<(usize, usize), &'static str> {
        for (i, line) in lines.iter().enumerate() {
            if !line.is_empty() && !is_nav(lines, i) && self.dateline.match_dateline(line).is_some()
            {
                return Ok((i, i));
            }
        }
        let start = Self::nav_end(lines);
        let rest: Vec<usize> = (start..lines.len())
            .filter(|&i| !lines[i].is_empty())
            .take(3)
            .collect();
        let Some(&first) = rest.first() else {
            return Err(ONLY_NAVIGATION);
        };
        let typed = usize::from(self.is_known_type(&lines[first]));
        if (start > 0 || typed == 1) && rest.len() >= 2 + typed {
            // Navigation, then [type,] title, then the body: no labels and no dateline.
            return Ok((rest[typed] + 1, rest[typed] + 1));
        }
        Err(NO_ANCHOR)
    }

    /// `parse_text(text, path)`: the release's fields, or the reason the file holds none
    /// (`Release.invalid`'s error).
    pub fn parse_text(&self, text: &str) -> Result<Fields, Rejected> {
        match self.parse(text) {
            Ok(Some(fields)) => Ok(fields),
            Ok(None) => Err(Rejected::Fallback),
            Err(reason) => Err(Rejected::Invalid(reason.to_string())),
        }
    }

    /// The fields, None where Python raises, or the invalid reason.
    fn parse(&self, text: &str) -> Result<Option<Fields>, &'static str> {
        if pyutil::strip(text).is_empty() {
            return Err(EMPTY_FILE);
        }
        let raw = split_lines(text);
        let (lines, meta, header, body_start) = if let Some(first) = self.first_label(text, &raw) {
            // The usual dump: labels after the navigation. Only the lines from `first` on,
            // and the three non-empty ones before it, are ever read, so only those are cleaned.
            let mut lines: Vec<Cow<'_, str>> = raw.iter().map(|&l| Cow::Borrowed(l)).collect();
            for line in &mut lines[first..] {
                if let Cow::Owned(clean) = clean_line(line) {
                    *line = Cow::Owned(clean);
                }
            }
            let mut seen = 0;
            let mut i = first;
            while i > 0 && seen < 3 {
                i -= 1;
                if let Cow::Owned(clean) = clean_line(&lines[i]) {
                    lines[i] = Cow::Owned(clean);
                }
                seen += usize::from(!lines[i].is_empty());
            }
            let (meta, body_start) = self.read_metadata(&lines, first);
            (lines, meta, first, body_start)
        } else {
            let lines: Vec<Cow<'_, str>> = raw.iter().map(|l| clean_line(l)).collect();
            let (header, body_start) = self.locate(&lines)?;
            (lines, Meta::default(), header, body_start)
        };
        let (title, kind) = self.title_and_type(&lines, header);
        let title = title.filter(|t| !t.is_empty()).ok_or(NO_TITLE)?;
        let body_lines = &lines[body_start..];
        // A lone `-` opens a list heading: the page's footer menus, never release text.
        let body_end = body_lines
            .iter()
            .position(|line| line == "-")
            .unwrap_or(body_lines.len());
        let mut paragraphs: Vec<String> = body_lines[..body_end]
            .iter()
            .filter(|line| !line.is_empty() && !self.only_dashes_re.is_match(line))
            .map(|line| line.to_string())
            .collect();
        let meta_date = meta.first("date").and_then(|d| self.dateline.parse_date(d));
        let (place_dl, date_dl) = self
            .dateline
            .strip_dateline(&mut paragraphs, meta_date.as_deref());
        if paragraphs.is_empty() {
            return Err(NO_BODY);
        }
        let (sources, closed_sources) = self.labels.sources_of(meta.get("source"));
        let Ok(kind) = self
            .labels
            .normalise_type(meta.first("type").or(kind.as_deref()))
        else {
            return Ok(None);
        };
        Ok(Some(Fields {
            kind,
            title,
            date: meta_date.or(date_dl),
            place: meta
                .first("place")
                .map(str::to_string)
                .or_else(|| place_dl.clone()),
            dateline_place: place_dl,
            source: sources.first().cloned(),
            sources,
            closed_sources,
            fields_of_work: self.labels.fields_of(meta.get("fields_of_work")),
            body: paragraphs,
        }))
    }
}

/// Python: `osce_native.TextDump(tables)`, `tables` from `text_dump.native_tables()`.
#[pyclass(name = "TextDump", frozen)]
pub struct PyTextDump {
    inner: TextDump,
}

#[pymethods]
impl PyTextDump {
    #[new]
    fn new(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Self {
            inner: TextDump::from_tables(tables)?,
        })
    }

    /// Seconds to parse every text `reps` times in Rust alone, no Python objects built (for
    /// timing scripts; not part of the API).
    fn _time_parse(&self, texts: Vec<String>, reps: usize) -> f64 {
        let t = std::time::Instant::now();
        for _ in 0..reps {
            for text in &texts {
                std::hint::black_box(self.inner.parse_text(text).ok());
            }
        }
        t.elapsed().as_secs_f64()
    }

    /// A dict of the Release fields `parse_text` sets, `{"error": reason}` for an invalid
    /// file, or `{"fallback": True}` where Python raises (the caller parses in Python).
    fn parse_text<'py>(&self, py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        match self.inner.parse_text(text) {
            Err(Rejected::Invalid(reason)) => out.set_item("error", reason)?,
            Err(Rejected::Fallback) => out.set_item("fallback", true)?,
            Ok(f) => {
                out.set_item("type", f.kind)?;
                out.set_item("title", f.title)?;
                out.set_item("date", f.date)?;
                out.set_item("place", f.place)?;
                out.set_item("dateline_place", f.dateline_place)?;
                out.set_item("source", f.source)?;
                out.set_item("sources", f.sources)?;
                out.set_item("closed_sources", f.closed_sources)?;
                out.set_item("fields_of_work", f.fields_of_work)?;
                out.set_item("body", f.body)?;
            }
        }
        Ok(out)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyTextDump>()?;
    crate::dateline::register(m)?;
    crate::labels::register(m)?;
    Ok(())
}
