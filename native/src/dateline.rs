//! Mirrors indexer/extract/dateline.py (owned by the text-dump port).
//!
//! The patterns are Python's own source strings (`dateline.native_tables()`): the two dateline
//! patterns have a lookahead, so they run on fancy-regex's backtracking VM, which picks the
//! same match as Python's `re` (lazy place, optional year); the date formats need no
//! lookaround and run on the regex crate (leftmost-first, the same captures).

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::pyutil;

/// Python's `re.IGNORECASE` and `re.VERBOSE`.
const RE_IGNORECASE: u32 = 2;
const RE_VERBOSE: u32 = 64;

/// A pattern from a `native_tables()` dict, `(source, flags)`, with its flags inlined.
pub(crate) fn pattern_source(tables: &Bound<'_, PyDict>, key: &str) -> PyResult<String> {
    let (source, flags): (String, u32) = get(tables, key)?.extract()?;
    let mut inline = String::new();
    if flags & RE_IGNORECASE != 0 {
        inline.push('i');
    }
    if flags & RE_VERBOSE != 0 {
        inline.push('x');
    }
    if inline.is_empty() {
        Ok(source)
    } else {
        Ok(format!("(?{inline}){source}"))
    }
}

/// `tables[key]`, a KeyError naming the key when it is missing.
pub(crate) fn get<'py>(tables: &Bound<'py, PyDict>, key: &str) -> PyResult<Bound<'py, PyAny>> {
    tables
        .get_item(key)?
        .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(key.to_string()))
}

/// A regex-crate pattern from the tables.
pub(crate) fn plain_regex(tables: &Bound<'_, PyDict>, key: &str) -> PyResult<regex::Regex> {
    let source = pattern_source(tables, key)?;
    regex::Regex::new(&source)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("{key}: {e}")))
}

/// The group names of the two dateline patterns, in `Groups` order.
const GROUPS: [&str; 7] = ["place", "day", "month", "year", "day2", "month2", "year2"];
/// Python's lookahead in the dateline patterns, and the empty group that stands for it in the
/// regex crate's copy of the pattern (it records where the lookahead would look).
const LOOKAHEAD: &str = r"(?!\d)";
const LOOKAHEAD_AT: &str = "(?P<lookahead_at>)";

/// The groups of a dateline match: byte ranges by `GROUPS` index, and the match's end.
struct Groups {
    spans: [Option<(usize, usize)>; 7],
    end: usize,
}

/// A dateline pattern: Python's, on fancy-regex (its lookahead needs the backtracking VM), and
/// the same pattern with the lookahead replaced by an empty group, on the regex crate.
///
/// The regex crate's match is the one a backtracker finds first (leftmost-first); where the
/// lookahead holds at that match's `lookahead_at`, it is also the first match of Python's
/// pattern (every path tried before it fails without the lookahead, so with it too); where no
/// match exists without the lookahead, none exists with it. Only where the character there is
/// a digit does the exact VM decide.
struct DatelinePattern {
    exact: fancy_regex::Regex,
    fast: Option<(regex::Regex, [Option<usize>; 7], usize)>,
}

impl DatelinePattern {
    fn new(tables: &Bound<'_, PyDict>, key: &str) -> PyResult<Self> {
        let source = pattern_source(tables, key)?;
        let error = |e: String| pyo3::exceptions::PyValueError::new_err(format!("{key}: {e}"));
        let exact = fancy_regex::RegexBuilder::new(&source)
            .backtrack_limit(10_000_000)
            .build()
            .map_err(|e| error(e.to_string()))?;
        let fast = if source.matches(LOOKAHEAD).count() == 1 && !source.contains("lookahead_at") {
            let plain = regex::Regex::new(&source.replace(LOOKAHEAD, LOOKAHEAD_AT))
                .map_err(|e| error(e.to_string()))?;
            let index = |name: &str| plain.capture_names().position(|n| n == Some(name));
            let groups = GROUPS.map(index);
            let at = index("lookahead_at").expect("the group just put in");
            Some((plain, groups, at))
        } else {
            None
        };
        Ok(Self { exact, fast })
    }

    /// The match at the start of text (Python's `pattern.match(text)`).
    fn captures(&self, text: &str) -> Option<Groups> {
        if let Some((plain, groups, at)) = &self.fast {
            let c = plain.captures(text)?;
            let look = c.get(*at).map_or(0, |m| m.start());
            if !text[look..].starts_with(|ch: char| ch.is_ascii_digit()) {
                let spans = groups.map(|g| g.and_then(|g| c.get(g)).map(|m| (m.start(), m.end())));
                return Some(Groups {
                    spans,
                    end: c.get(0).map_or(0, |m| m.end()),
                });
            }
        }
        // A backtrack limit hit (never on one line of text) counts as no match.
        let c = self.exact.captures(text).ok()??;
        let spans = GROUPS.map(|name| c.name(name).map(|m| (m.start(), m.end())));
        Some(Groups {
            spans,
            end: c.get(0).map_or(0, |m| m.end()),
        })
    }
}

/// A dateline found at the start of a text: its groups (the day/month/year of whichever
/// shape matched) and the byte offset where it ends (`match.end()`).
#[derive(Debug, Clone, Default)]
pub struct DatelineMatch<'t> {
    pub place: Option<&'t str>,
    pub day: &'t str,
    pub month: &'t str,
    pub year: Option<&'t str>,
    pub end: usize,
}

pub struct Dateline {
    dateline_re: DatelinePattern,
    place_first_re: DatelinePattern,
    dmy_re: regex::Regex,
    mdy_re: regex::Regex,
    iso_re: regex::Regex,
    dotted_re: regex::Regex,
    slashed_re: regex::Regex,
    trailing_weekday_re: regex::Regex,
    months: HashMap<String, u32>,
}

/// Python's `date(year, month, day).isoformat()`, None where `date()` raises ValueError.
pub fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > days {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// `int(s)` of a run of ASCII digits (the patterns match at most four).
fn int(s: &str) -> u32 {
    s.bytes().fold(0u32, |n, b| {
        n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    })
}

impl Dateline {
    pub fn from_tables(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Self {
            dateline_re: DatelinePattern::new(tables, "dateline_re")?,
            place_first_re: DatelinePattern::new(tables, "place_first_re")?,
            dmy_re: plain_regex(tables, "dmy_re")?,
            mdy_re: plain_regex(tables, "mdy_re")?,
            iso_re: plain_regex(tables, "iso_re")?,
            dotted_re: plain_regex(tables, "dotted_re")?,
            slashed_re: plain_regex(tables, "slashed_re")?,
            trailing_weekday_re: plain_regex(tables, "trailing_weekday_re")?,
            months: get(tables, "months")?.extract()?,
        })
    }

    fn month(&self, name: &str) -> u32 {
        self.months.get(&pyutil::lower(name)).copied().unwrap_or(0)
    }

    /// `match_dateline(text)`: the dateline at the start of text, in either shape.
    pub fn match_dateline<'t>(&self, text: &'t str) -> Option<DatelineMatch<'t>> {
        let group = |g: &Groups, i: usize| g.spans[i].map(|(a, b)| &text[a..b]);
        if let Some(g) = self.dateline_re.captures(text) {
            let place = group(&g, 0);
            let found = if let Some(day) = group(&g, 1) {
                let year = group(&g, 3);
                (year.is_some() || place.is_some()).then(|| DatelineMatch {
                    place,
                    day,
                    month: group(&g, 2).unwrap_or(""),
                    year,
                    end: g.end,
                })
            } else {
                group(&g, 4).map(|day| DatelineMatch {
                    place,
                    day,
                    month: group(&g, 5).unwrap_or(""),
                    year: group(&g, 6),
                    end: g.end,
                })
            };
            if found.is_some() {
                return found;
            }
        }
        let g = self.place_first_re.captures(text)?;
        Some(DatelineMatch {
            place: group(&g, 0),
            day: group(&g, 1).unwrap_or(""),
            month: group(&g, 2).unwrap_or(""),
            year: group(&g, 3),
            end: g.end,
        })
    }

    /// `parse_date(value)`: the ISO date of a `- Date:` value, None for any other format.
    pub fn parse_date(&self, value: &str) -> Option<String> {
        let squeezed = pyutil::squeeze(value);
        let value = squeezed.trim_matches(|c| c == ' ' || c == '.');
        if let Some(m) = self.iso_re.captures(value) {
            return iso(int(&m[1]), int(&m[2]), int(&m[3]));
        }
        if let Some(m) = self.dmy_re.captures(value) {
            return iso(int(&m[3]), self.month(&m[2]), int(&m[1]));
        }
        if let Some(m) = self.mdy_re.captures(value) {
            return iso(int(&m[3]), self.month(&m[1]), int(&m[2]));
        }
        if let Some(m) = self.dotted_re.captures(value) {
            return iso(int(&m[3]), int(&m[2]), int(&m[1]));
        }
        if let Some(m) = self.slashed_re.captures(value) {
            let (first, second, year) = (int(&m[1]), int(&m[2]), int(&m[3]));
            if first > 12 && 12 >= second {
                return iso(year, second, first);
            }
            if second > 12 && 12 >= first {
                return iso(year, first, second);
            }
        }
        None
    }

    /// `split_dateline(paragraph, known_date)`: (place, ISO date, the rest of the paragraph).
    pub fn split_dateline<'t>(
        &self,
        paragraph: &'t str,
        known_date: Option<&str>,
    ) -> (Option<String>, Option<String>, &'t str) {
        let Some(m) = self.match_dateline(paragraph) else {
            return (None, None, paragraph);
        };
        let month = self.month(m.month);
        let date = match m.year {
            None => known_date
                .and_then(|known| iso(int(known.get(..4).unwrap_or(known)), month, int(m.day))),
            Some(year) => match iso(int(year), month, int(m.day)) {
                None => return (None, None, paragraph),
                date => date,
            },
        };
        let place = m
            .place
            .map(pyutil::squeeze)
            .filter(|p| !p.is_empty())
            .and_then(|p| {
                // `VIENNA, Monday, 5 May 2020 –`: the weekday belongs to the date, not the place.
                let place = self.trailing_weekday_re.replace_all(&p, "").into_owned();
                (!place.is_empty()).then_some(place)
            });
        let rest = paragraph[m.end..].trim_start_matches(pyutil::is_space);
        (place, date, rest)
    }

    /// `strip_dateline(paragraphs, known_date)`: the dateline off the first paragraph.
    pub fn strip_dateline(
        &self,
        paragraphs: &mut Vec<String>,
        known_date: Option<&str>,
    ) -> (Option<String>, Option<String>) {
        let Some(first) = paragraphs.first() else {
            return (None, None);
        };
        let (place, date, rest) = self.split_dateline(first, known_date);
        if rest.len() != first.len() {
            let rest = rest.to_string();
            if rest.is_empty() {
                paragraphs.remove(0);
            } else {
                paragraphs[0] = rest;
            }
        }
        (place, date)
    }
}

/// Python: `osce_native.Dateline(tables)`, for the differential tests.
#[pyclass(name = "Dateline", frozen)]
pub struct PyDateline {
    inner: Dateline,
}

#[pymethods]
impl PyDateline {
    #[new]
    fn new(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Self {
            inner: Dateline::from_tables(tables)?,
        })
    }

    fn parse_date(&self, value: &str) -> Option<String> {
        self.inner.parse_date(value)
    }

    /// `(place, iso, rest)` as `split_dateline` returns it.
    #[pyo3(signature = (paragraph, known_date=None))]
    fn split_dateline(
        &self,
        paragraph: &str,
        known_date: Option<&str>,
    ) -> (Option<String>, Option<String>, String) {
        let (place, date, rest) = self.inner.split_dateline(paragraph, known_date);
        (place, date, rest.to_string())
    }

    /// `match_dateline(text)`: None, or `(place, day, month, year, end)` with `end` in
    /// characters (Python's `match.end()`).
    #[allow(clippy::type_complexity)]
    fn match_dateline(
        &self,
        text: &str,
    ) -> Option<(Option<String>, String, String, Option<String>, usize)> {
        self.inner.match_dateline(text).map(|m| {
            (
                m.place.map(str::to_string),
                m.day.to_string(),
                m.month.to_string(),
                m.year.map(str::to_string),
                text[..m.end].chars().count(),
            )
        })
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDateline>()?;
    Ok(())
}
