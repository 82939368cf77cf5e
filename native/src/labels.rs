//! Mirrors indexer/extract/labels.py (owned by the text-dump port): sources split on the
//! commas that start a new name, closed offices, fields of work, content types.

use std::collections::{HashMap, HashSet};

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::dateline::{get, plain_regex};
use crate::pyutil;

/// An input where the Python function raises (so Rust gives no answer: parse it in Python).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PythonRaises;

pub struct Labels {
    closed_re: regex::Regex,
    continues_re: regex::Regex,
    /// Casefolded names of the participating States (and Kosovo), from `_state_names()`.
    state_names: HashSet<String>,
    content_types: HashMap<String, String>,
}

/// `_split_commas(value)`: split on commas outside parentheses and brackets, each piece
/// squeezed.
fn split_commas(value: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, ch) in value.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                pieces.push(pyutil::squeeze(&value[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(pyutil::squeeze(&value[start..]));
    pieces
}

/// `_singular(word)`.
fn singular(word: &str) -> String {
    if word.ends_with("ies") && word.chars().count() > 4 {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("news") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

impl Labels {
    pub fn from_tables(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        let names: Vec<String> = get(tables, "state_names")?.extract()?;
        Ok(Self {
            closed_re: plain_regex(tables, "closed_re")?,
            continues_re: plain_regex(tables, "continues_re")?,
            state_names: names.into_iter().collect(),
            content_types: get(tables, "content_types")?.extract()?,
        })
    }

    /// `_CLOSED.sub("", name)`.
    fn unmark<'a>(&self, name: &'a str) -> std::borrow::Cow<'a, str> {
        self.closed_re.replace_all(name, "")
    }

    /// `split_names(value)`: `A, B (closed), C` -> [`A`, `B (closed)`, `C`].
    pub fn split_names(&self, value: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for piece in split_commas(value) {
            let Some(first) = piece.chars().next() else {
                continue;
            };
            if let Some(last) = out.last_mut() {
                let starts_new =
                    pyutil::is_upper(first.encode_utf8(&mut [0; 4])) || pyutil::is_digit(first);
                if !starts_new
                    || self.continues_re.is_match(&piece)
                    || self
                        .state_names
                        .contains(&pyutil::casefold(&self.unmark(&piece)))
                {
                    last.push_str(", ");
                    last.push_str(&piece);
                    continue;
                }
            }
            out.push(piece);
        }
        out
    }

    /// `sources_of(values)`: (sources in file order without the closed mark, the closed ones).
    pub fn sources_of<S: AsRef<str>>(&self, values: &[S]) -> (Vec<String>, Vec<String>) {
        let mut sources: Vec<String> = Vec::new();
        let mut closed: Vec<String> = Vec::new();
        for value in values {
            for name in self.split_names(value.as_ref()) {
                let unmarked = self.unmark(&name);
                let bare = pyutil::strip(&unmarked);
                if bare.is_empty() {
                    continue;
                }
                if !sources.iter().any(|s| s == bare) {
                    sources.push(bare.to_string());
                }
                if bare != name && !closed.iter().any(|s| s == bare) {
                    closed.push(bare.to_string());
                }
            }
        }
        (sources, closed)
    }

    /// `fields_of(values)`: fields of work, one per item or several joined by commas.
    pub fn fields_of<S: AsRef<str>>(&self, values: &[S]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for value in values {
            for name in self.split_names(value.as_ref()) {
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            }
        }
        out
    }

    /// `normalise_type(value)`: `PRESS RELEASES` -> `Press release`. `PythonRaises` where Python
    /// would raise (IndexError on a type with no words; none reaches here): then Python parses.
    pub fn normalise_type(&self, value: Option<&str>) -> Result<Option<String>, PythonRaises> {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        let squeezed = pyutil::squeeze(value);
        let text = squeezed.trim_matches(|c| c == ' ' || c == ':' || c == '.');
        if text.is_empty() {
            return Ok(None);
        }
        self.normalise(text).map(Some)
    }

    fn normalise(&self, text: &str) -> Result<String, PythonRaises> {
        let key = pyutil::casefold(text);
        if let Some(display) = self.content_types.get(&key) {
            return Ok(display.clone());
        }
        let words: Vec<&str> = pyutil::split_words(&key).collect();
        let (last, init) = words.split_last().ok_or(PythonRaises)?;
        let mut single = init.join(" ");
        if !init.is_empty() {
            single.push(' ');
        }
        single.push_str(&singular(last));
        if let Some(display) = self.content_types.get(&single) {
            return Ok(display.clone());
        }
        if pyutil::is_upper(text) || pyutil::is_lower(text) {
            let mut chars = single.chars();
            if let Some(first) = chars.next() {
                return Ok(pyutil::upper(first.encode_utf8(&mut [0; 4])) + chars.as_str());
            } // "S" is no plural of "": kept as written
        }
        Ok(text.to_string())
    }
}

/// Python: `osce_native.Labels(tables)`, for the differential tests.
#[pyclass(name = "Labels", frozen)]
pub struct PyLabels {
    inner: Labels,
}

#[pymethods]
impl PyLabels {
    #[new]
    fn new(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Self {
            inner: Labels::from_tables(tables)?,
        })
    }

    fn split_names(&self, value: &str) -> Vec<String> {
        self.inner.split_names(value)
    }

    fn sources_of(&self, values: Vec<String>) -> (Vec<String>, Vec<String>) {
        self.inner.sources_of(&values)
    }

    fn fields_of(&self, values: Vec<String>) -> Vec<String> {
        self.inner.fields_of(&values)
    }

    /// Raises IndexError where Python's does.
    #[pyo3(signature = (value=None))]
    fn normalise_type(&self, value: Option<&str>) -> PyResult<Option<String>> {
        self.inner.normalise_type(value).map_err(|PythonRaises| {
            pyo3::exceptions::PyIndexError::new_err("string index out of range")
        })
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLabels>()?;
    Ok(())
}
