//! Python's `str` methods, exactly as CPython 3.11 answers them, for the texts this crate
//! accepts (`supported`). Outside that set Unicode's corners differ between CPython and Rust
//! (`"ß".casefold()`, `"²".isdigit()`, `\x1c` as whitespace, Other_Lowercase letters), so such
//! texts are never handed to Rust: `indexer.native` parses them in Python.

use pyo3::prelude::*;

/// Whether a character is one this crate handles exactly as Python does.
///
/// ASCII printable, tab and newline; Latin-1 Supplement and Latin Extended-A letters and
/// symbols (less the ones with special case rules, digit or numeric values, or no visible
/// text); Romanian comma-below letters; basic Cyrillic; the usual dashes, quotes, bullets,
/// ellipsis and euro sign.
pub fn supported_char(c: char) -> bool {
    match c as u32 {
        0x20..=0x7e | 0x09 | 0x0a => true,
        // ª µ º (Other_Lowercase / casefold to Greek), ² ³ ¹ ¼ ½ ¾ (isdigit / numeric),
        // soft hyphen (a format character), ß İ ı ŉ ſ (special casing or folding).
        0xaa | 0xad | 0xb2 | 0xb3 | 0xb5 | 0xb9 | 0xba | 0xbc..=0xbe | 0xdf => false,
        0x130 | 0x131 | 0x149 | 0x17f => false,
        0xa0..=0x17f => true,
        0x218..=0x21b => true,
        0x400..=0x45f => true,
        0x2010..=0x2015 | 0x2018..=0x201f | 0x2020..=0x2022 | 0x2026 | 0x20ac => true,
        _ => false,
    }
}

/// Whether every character of `text` is `supported_char`.
pub fn supported(text: &str) -> bool {
    supported_with_lead(text).is_some()
}

/// `supported(text)` and, in the same pass, whether the text holds one of
/// `encoding._MOJIBAKE_LEAD_BYTES` (U+00C2-U+00F4), which every mojibake run starts with:
/// None when unsupported, else Some(holds a lead).
pub fn supported_with_lead(text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut lead = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f {
                return None;
            }
            i += 1;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .expect("a character starts at a lead byte");
        if !supported_char(c) {
            return None;
        }
        lead |= (0xc2..=0xf4).contains(&(c as u32));
        i += c.len_utf8();
    }
    Some(lead)
}

/// `ch.isspace()`, for supported characters.
#[inline]
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{a0}')
}

/// `s.isprintable()`, for supported text (tab, newline and no-break space are not).
pub fn is_printable(s: &str) -> bool {
    !s.chars()
        .any(|c| is_space(c) && c != ' ' || (c as u32) < 0x20 || c as u32 == 0x7f)
}

/// The bytes of the whitespace character at byte `i` (space, tab, newline: 1; U+00A0: 2),
/// or 0 when none starts there: the whitespace of supported text.
#[inline]
pub fn space_width(bytes: &[u8], i: usize) -> usize {
    match bytes[i] {
        b' ' | b'\t' | b'\n' => 1,
        0xc2 if bytes.get(i + 1) == Some(&0xa0) => 2,
        _ => 0,
    }
}

/// `" ".join(s.split())`, a byte at a time (whitespace is ASCII or U+00A0 in supported text).
pub fn squeeze(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let width = space_width(bytes, i);
        if width > 0 {
            space = !out.is_empty();
            i += width;
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8(out).expect("whole characters were copied")
}

/// `s.split()` (on runs of whitespace, no empty words).
pub fn split_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(is_space).filter(|w| !w.is_empty())
}

/// `s.strip()` (whitespace at both ends).
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Whether a character is cased (Lu, Ll or Lt), for supported characters.
#[inline]
pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

/// `s.isupper()`: some cased character and no lower-case one.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// `s.islower()`: some cased character and no upper-case one.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// `s.lower()` (also `s.casefold()`: they agree on supported text).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().flat_map(char::to_lowercase).collect()
}

/// `s.casefold()`, for supported text.
pub fn casefold(s: &str) -> String {
    lower(s)
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.chars().flat_map(char::to_uppercase).collect()
}

/// `s.title()`: a cased character after a cased one is lowered, any other is upper-cased.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for c in s.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = is_cased(c);
    }
    out
}

/// `ch.isdigit()` (only ASCII digits among supported characters).
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// `ch.isalnum()` or `_`: what Python's `\w` matches, for supported characters.
#[inline]
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The byte offset `n` characters before byte offset `at` (or 0): Python's
/// `text[max(0, start - n):start]` on a str indexed by code points.
pub fn chars_back(text: &str, at: usize, n: usize) -> usize {
    let mut pos = at;
    for _ in 0..n {
        match text[..pos].chars().next_back() {
            Some(c) => pos -= c.len_utf8(),
            None => break,
        }
    }
    pos
}

/// The byte offset `n` characters after byte offset `at` (or the end).
pub fn chars_ahead(text: &str, at: usize, n: usize) -> usize {
    let mut pos = at;
    for c in text[at..].chars().take(n) {
        pos += c.len_utf8();
    }
    pos
}

/// Python: `osce_native.supported(text)`, for tests and for the Python side's checks.
#[pyfunction]
#[pyo3(name = "supported")]
fn py_supported(text: &str) -> bool {
    supported(text)
}

/// Python: `osce_native.str_methods(s)`: what this module answers for `s.isupper()`,
/// `s.islower()`, `s.lower()`, `s.upper()`, `s.title()`, `s.isprintable()`, `s.split()`,
/// `[ch.isalnum() or ch == "_" for ch in s]`, so a test can hold them to CPython's.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn str_methods(
    s: &str,
) -> (
    bool,
    bool,
    String,
    String,
    String,
    bool,
    Vec<String>,
    Vec<bool>,
) {
    (
        is_upper(s),
        is_lower(s),
        lower(s),
        upper(s),
        title(s),
        is_printable(s),
        split_words(s).map(str::to_owned).collect(),
        s.chars().map(is_word).collect(),
    )
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(py_supported, m)?)?;
    m.add_function(wrap_pyfunction!(str_methods, m)?)?;
    Ok(())
}
