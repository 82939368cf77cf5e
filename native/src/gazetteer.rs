//! Mirrors `indexer/gazetteer.py`: the participating States a release names
//! (`find_countries`) and the cities and States of a dateline place (`place_parts`).
//!
//! Every table and pattern source comes from `indexer.gazetteer.native_tables()`. Python finds
//! candidate starts with an Aho-Corasick pass and matches its regexes only there; here a byte
//! trie of the same strings gives the same candidates (every string at every start). The name
//! and NOT_PLACES tries are matched by hand: a trie alternation with optional ends tries the
//! longest name first and backs off to shorter ones, so a match is the longest name starting
//! there that the `(?!\w)` after it accepts. The demonym pattern is matched by the `regex`
//! crate (the same leftmost-first semantics as Python's backtracking `re`), anchored at each
//! candidate, with its leading `\b` checked by hand.

use std::collections::{HashMap, HashSet};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyDict;
use regex::Regex;

use crate::pyutil;

const NAME: u8 = 1;
const NOT_PLACE: u8 = 2;
const DEMONYM: u8 = 4;

/// What the name pattern knows of one written form (`"Sofia"`, `"SOFIA"`, `"U.S."`).
struct Name {
    state: usize,
    capital: bool,
    /// `_is_acronym(word) and word != word.upper()`: never a place.
    refused: bool,
    /// `word in SEATS or word.title() in SEATS`.
    seat: bool,
    /// `word.isupper()`.
    upper: bool,
}

pub struct Gazetteer {
    /// Canonical State names, indexed by the tables below.
    states: Vec<String>,
    automaton: Trie,
    /// Per automaton pattern: its tags and, for a name, its index in `names`.
    tags: Vec<u8>,
    name_of: Vec<usize>,
    names: Vec<Name>,
    /// Demonym -> State.
    demonyms: HashMap<String, usize>,
    demonym_re: Regex,
    adjective_re: Regex,
    group_lead: Regex,
    person_lead: Regex,
    next_word: Regex,
    title_words: HashSet<String>,
    /// Casefolded name -> (State, is a capital), for `place_parts`.
    lookup: HashMap<String, (usize, bool)>,
    seats: HashSet<String>,
    towns: HashMap<String, usize>,
}

fn item<'py, T: FromPyObject<'py>>(tables: &Bound<'py, PyDict>, key: &str) -> PyResult<T> {
    tables
        .get_item(key)?
        .ok_or_else(|| PyValueError::new_err(format!("gazetteer tables: no {key:?}")))?
        .extract()
}

fn compile(pattern: &str) -> PyResult<Regex> {
    Regex::new(pattern).map_err(|e| PyValueError::new_err(format!("gazetteer pattern: {e}")))
}

impl Gazetteer {
    /// Built from `indexer.gazetteer.native_tables()`.
    pub fn from_tables(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        let mut states: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut state_id = |name: String| -> usize {
            *index.entry(name.clone()).or_insert_with(|| {
                states.push(name);
                states.len() - 1
            })
        };
        let seats: Vec<String> = item(tables, "seats")?;
        let seats: HashSet<String> = seats.into_iter().collect();

        let mut words: Vec<String> = Vec::new();
        let mut tags: Vec<u8> = Vec::new();
        let mut name_of: Vec<usize> = Vec::new();
        let mut position: HashMap<String, usize> = HashMap::new();
        let mut add = |word: String, tag: u8, name: usize| -> usize {
            let i = *position.entry(word.clone()).or_insert_with(|| {
                words.push(word);
                tags.push(0);
                name_of.push(usize::MAX);
                words.len() - 1
            });
            tags[i] |= tag;
            if tag == NAME {
                name_of[i] = name;
            }
            i
        };

        let name_table: Vec<(String, (String, bool))> = {
            let dict: Bound<'_, PyDict> = item(tables, "names")?;
            dict.iter()
                .map(|(k, v)| Ok((k.extract()?, v.extract()?)))
                .collect::<PyResult<_>>()?
        };
        let mut names = Vec::with_capacity(name_table.len());
        for (word, (state, capital)) in name_table {
            let plain = word.chars().filter(|&c| c != '.').count();
            let uppers = word.chars().filter(|&c| c.is_uppercase()).count();
            names.push(Name {
                state: state_id(state),
                capital,
                refused: plain <= 4 && uppers >= 2 && word != pyutil::upper(&word),
                seat: seats.contains(&word) || seats.contains(&pyutil::title(&word)),
                upper: pyutil::is_upper(&word),
            });
            add(word, NAME, names.len() - 1);
        }
        for word in item::<Vec<String>>(tables, "not_places")? {
            add(word, NOT_PLACE, 0);
        }
        let mut demonyms = HashMap::new();
        for (adjective, state) in item::<HashMap<String, String>>(tables, "demonyms")? {
            add(adjective.clone(), DEMONYM, 0);
            demonyms.insert(adjective, state_id(state));
        }
        let mut lookup = HashMap::new();
        for (name, (state, capital)) in item::<HashMap<String, (String, bool)>>(tables, "lookup")? {
            lookup.insert(name, (state_id(state), capital));
        }
        let mut towns = HashMap::new();
        for (town, state) in item::<HashMap<String, String>>(tables, "towns")? {
            towns.insert(town, state_id(state));
        }

        let automaton = Trie::new(&words);
        let demonym_pattern: String = item(tables, "demonym_pattern")?;
        let next_word: String = item(tables, "next_word")?;
        let title_words: Vec<String> = item(tables, "title_words")?;
        Ok(Gazetteer {
            states,
            automaton,
            tags,
            name_of,
            names,
            demonyms,
            demonym_re: compile(&format!("^(?:{demonym_pattern})"))?,
            adjective_re: compile(r"[A-Z][a-z]+(?: Macedonian)?")?,
            group_lead: compile(&item::<String>(tables, "group_lead")?)?,
            person_lead: compile(&item::<String>(tables, "person_lead")?)?,
            next_word: compile(&format!("^(?:{next_word})"))?,
            title_words: title_words.into_iter().collect(),
            lookup,
            seats,
            towns,
        })
    }

    /// `_names_place`: whether a matched name is used as the place.
    fn names_place(&self, text: &str, start: usize, end: usize, name: &Name) -> bool {
        if name.refused {
            return false;
        }
        if !name.capital {
            return true;
        }
        if name.seat {
            return false;
        }
        if self
            .person_lead
            .is_match(&text[pyutil::chars_back(text, start, 15)..start])
        {
            return false;
        }
        let after = &text[end..pyutil::chars_ahead(text, end, 30)];
        let capitalised = self
            .next_word
            .captures(after)
            .and_then(|c| c.get(1))
            .is_some_and(|w| !self.title_words.contains(w.as_str()));
        !capitalised || name.upper
    }

    /// The States `texts` name, in order of first mention (`find_countries(*texts, demonyms=)`).
    pub fn find_countries(&self, texts: &[&str], demonyms: bool) -> Vec<String> {
        // (State, first position) in the order Python's dict fills; sorted stably at the end.
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut seen = vec![false; self.states.len()];
        let mut note = |state: usize, at: usize, found: &mut Vec<(usize, usize)>| {
            if !seen[state] {
                seen[state] = true;
                found.push((state, at));
            }
        };
        let mut offset = 0;
        let mut names: Vec<(usize, usize, usize)> = Vec::new(); // (start, !len, name)
        let mut not_places: Vec<(usize, usize)> = Vec::new(); // (start, !len)
        let mut adjectives: Vec<usize> = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for &text in texts {
            names.clear();
            not_places.clear();
            adjectives.clear();
            spans.clear();
            self.automaton.each(text.as_bytes(), |start, len, id| {
                let tag = self.tags[id];
                if tag & NAME != 0 {
                    names.push((start, !len, self.name_of[id]));
                }
                if tag & NOT_PLACE != 0 {
                    not_places.push((start, !len));
                }
                if tag & DEMONYM != 0 {
                    adjectives.push(start);
                }
            });
            // NOT_PLACES: leftmost, non-overlapping, the longest at each start.
            not_places.sort_unstable();
            let mut end = 0;
            for &(start, len) in &not_places {
                if start >= end {
                    end = start + !len;
                    spans.push((start, end));
                }
            }
            // Names: longest first at each start, `(?<![\w.-])` before, `(?!\w)` after.
            names.sort_unstable();
            let mut end = 0;
            let mut i = 0;
            while i < names.len() {
                let start = names[i].0;
                let mut j = i;
                while j < names.len() && names[j].0 == start {
                    j += 1;
                }
                if start >= end && boundary_before(text, start) {
                    if let Some(&(_, len, name)) = names[i..j]
                        .iter()
                        .find(|&&(_, len, _)| !text[start + !len..].starts_with(pyutil::is_word))
                    {
                        end = start + !len;
                        if !spans.iter().any(|&(a, b)| a <= start && start < b) {
                            let name = &self.names[name];
                            if self.names_place(text, start, end, name) {
                                note(name.state, offset + start, &mut found);
                            }
                        }
                    }
                }
                i = j;
            }
            if demonyms {
                adjectives.sort_unstable();
                adjectives.dedup();
                let mut end = 0;
                for &start in &adjectives {
                    if start < end || text[..start].ends_with(pyutil::is_word) {
                        continue;
                    }
                    let Some(caps) = self.demonym_re.captures(&text[start..]) else {
                        continue;
                    };
                    end = start + caps.get(0).map_or(0, |m| m.end());
                    let before = &text[pyutil::chars_back(text, start, 12)..start];
                    if self.group_lead.is_match(before) {
                        continue;
                    }
                    let chain = caps.name("chain").map_or("", |m| m.as_str());
                    for adjective in self.adjective_re.find_iter(chain) {
                        if let Some(&state) = self.demonyms.get(adjective.as_str()) {
                            note(state, offset + start, &mut found);
                        }
                    }
                }
            }
            offset += text.len() + 1;
        }
        found.sort_by_key(|&(_, at)| at);
        found
            .into_iter()
            .map(|(state, _)| self.states[state].clone())
            .collect()
    }

    /// `_display`: one space between words, no spaces or commas at the ends, Title Case if
    /// written in capitals.
    fn display(name: &str) -> String {
        let squeezed = pyutil::squeeze(name);
        let name = squeezed.trim_matches([' ', ',']);
        if pyutil::is_upper(name) {
            pyutil::title(name)
        } else {
            name.to_string()
        }
    }

    /// (cities, States) a dateline place names (`place_parts(place)`).
    pub fn place_parts(&self, place: Option<&str>) -> (Vec<String>, Vec<String>) {
        let mut cities: Vec<String> = Vec::new();
        let mut states: Vec<String> = Vec::new();
        let Some(place) = place.filter(|p| !p.is_empty()) else {
            return (cities, states);
        };
        for part in split_slashes(place) {
            let (mut head, tail) = match part.find(',') {
                Some(i) => (&part[..i], &part[i + 1..]),
                None => (part, ""),
            };
            let has_tail = !pyutil::strip(tail).is_empty();
            let mut tail_state = if has_tail {
                self.lookup.get(&pyutil::casefold(&Self::display(tail)))
            } else {
                None
            };
            if has_tail && tail_state.is_none_or(|&(_, capital)| capital) {
                head = part; // `WASHINGTON, D.C.`: the comma belongs to the city's name
                tail_state = None;
            }
            let city = Self::display(head);
            if city.is_empty() {
                continue;
            }
            let mut state = tail_state.map(|&(s, _)| s);
            if state.is_none() {
                if let Some(&(s, capital)) = self.lookup.get(&pyutil::casefold(&city)) {
                    if !capital || !self.seats.contains(&city) {
                        state = Some(s);
                    }
                }
            }
            if state.is_none() {
                let first = city.split(',').next().unwrap_or("");
                state = self
                    .towns
                    .get(&city)
                    .or_else(|| self.towns.get(first))
                    .copied();
            }
            if !cities.contains(&city) {
                cities.push(city);
            }
            if let Some(s) = state {
                let name = &self.states[s];
                if !states.contains(name) {
                    states.push(name.clone());
                }
            }
        }
        (cities, states)
    }
}

/// The strings the three patterns begin with, as a byte trie: `each` reports every occurrence
/// of every string (what Python's Aho-Corasick pass reports), in order of start.
struct Trie {
    /// Root transitions by first byte (0: none).
    root: [u32; 256],
    /// Per node: its children's range in `edges` (or, for a node with many children, its
    /// table in `dense` as `DENSE | index`), and the string ending there (or NONE).
    nodes: Vec<(u32, u32, usize)>,
    edges: Vec<(u8, u32)>,
    dense: Vec<[u32; 256]>,
    /// When every string begins with an ASCII byte: the range those bytes lie in, to skip
    /// eight bytes at a time that hold none of them.
    first: Option<(u8, u8)>,
}

impl Trie {
    const NONE: usize = usize::MAX;
    const DENSE: u32 = 1 << 31;
    /// Nodes with more children than this look them up in a table.
    const SPARSE: usize = 4;

    fn new(words: &[String]) -> Self {
        // Build with maps, then lay the children out contiguously.
        let mut children: Vec<Vec<(u8, usize)>> = vec![Vec::new()];
        let mut ends: Vec<usize> = vec![Self::NONE];
        for (id, word) in words.iter().enumerate() {
            let mut node = 0;
            for &b in word.as_bytes() {
                node = match children[node].iter().find(|&&(c, _)| c == b) {
                    Some(&(_, next)) => next,
                    None => {
                        children.push(Vec::new());
                        ends.push(Self::NONE);
                        let next = children.len() - 1;
                        children[node].push((b, next));
                        next
                    }
                };
            }
            ends[node] = id;
        }
        let mut root = [0u32; 256];
        for &(b, next) in &children[0] {
            root[b as usize] = next as u32;
        }
        let mut nodes = Vec::with_capacity(children.len());
        let mut edges = Vec::new();
        let mut dense = Vec::new();
        for (kids, &end) in children.iter().zip(&ends) {
            if kids.len() > Self::SPARSE {
                let mut table = [0u32; 256];
                for &(b, n) in kids {
                    table[b as usize] = n as u32;
                }
                dense.push(table);
                nodes.push((Self::DENSE | (dense.len() as u32 - 1), 0, end));
            } else {
                let from = edges.len() as u32;
                edges.extend(kids.iter().map(|&(b, n)| (b, n as u32)));
                nodes.push((from, edges.len() as u32, end));
            }
        }
        let starts: Vec<u8> = (0..=255u8).filter(|&b| root[b as usize] != 0).collect();
        let first = match (starts.first(), starts.last()) {
            (Some(&lo), Some(&hi)) if lo > 0 && hi < 0x7f => Some((lo, hi)),
            _ => None,
        };
        Trie {
            root,
            nodes,
            edges,
            dense,
            first,
        }
    }

    /// Whether a word of eight bytes may hold a byte in lo..=hi (ASCII, 0 < lo <= hi < 127):
    /// the "has between" bit trick (bytes with their high bit set never count).
    #[inline]
    fn may_hold(x: u64, lo: u8, hi: u8) -> bool {
        const ONES: u64 = u64::MAX / 255;
        let (m, n) = (lo as u64 - 1, hi as u64 + 1);
        let low7 = x & (ONES * 127);
        ((ONES * (127 + n)).wrapping_sub(low7) & !x & low7.wrapping_add(ONES * (127 - m)))
            & (ONES * 128)
            != 0
    }

    /// `found(start, len, id)` for every occurrence of every string in `text`.
    #[inline]
    fn each(&self, text: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        let mut start = 0;
        while start < text.len() {
            if let Some((lo, hi)) = self.first {
                if let Some(chunk) = text.get(start..start + 8) {
                    let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
                    if !Self::may_hold(word, lo, hi) {
                        start += 8;
                        continue;
                    }
                }
            }
            let chunk_end = (start + 8).min(text.len());
            for start in start..chunk_end {
                self.walk(text, start, &mut found);
            }
            start = chunk_end;
        }
    }

    #[inline]
    fn walk(&self, text: &[u8], start: usize, found: &mut impl FnMut(usize, usize, usize)) {
        let mut node = self.root[text[start] as usize];
        let mut at = start + 1;
        while node != 0 {
            let (from, to, end) = self.nodes[node as usize];
            if end != Self::NONE {
                found(start, at - start, end);
            }
            let Some(&next) = text.get(at) else { break };
            node = if from & Self::DENSE != 0 {
                self.dense[(from & !Self::DENSE) as usize][next as usize]
            } else {
                self.edges[from as usize..to as usize]
                    .iter()
                    .find(|&&(c, _)| c == next)
                    .map_or(0, |&(_, n)| n)
            };
            at += 1;
        }
    }
}

/// `(?<![\w.-])` at `at`.
fn boundary_before(text: &str, at: usize) -> bool {
    !text[..at].ends_with(|c: char| pyutil::is_word(c) || c == '.' || c == '-')
}

/// `re.split(r"\s*/\s*", s)`.
fn split_slashes(s: &str) -> Vec<&str> {
    let pieces: Vec<&str> = s.split('/').collect();
    let last = pieces.len() - 1;
    pieces
        .iter()
        .enumerate()
        .map(|(i, piece)| {
            let mut piece = *piece;
            if i > 0 {
                piece = piece.trim_start_matches(pyutil::is_space);
            }
            if i < last {
                piece = piece.trim_end_matches(pyutil::is_space);
            }
            piece
        })
        .collect()
}

/// Python: `osce_native.Gazetteer(indexer.gazetteer.native_tables())`.
#[pyclass(name = "Gazetteer", frozen)]
pub struct PyGazetteer {
    inner: Gazetteer,
}

#[pymethods]
impl PyGazetteer {
    #[new]
    fn new(tables: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(PyGazetteer {
            inner: Gazetteer::from_tables(tables)?,
        })
    }

    /// `find_countries(*texts, demonyms=True)`; a None text is an empty one.
    #[pyo3(signature = (*texts, demonyms = true))]
    fn find_countries(&self, texts: Vec<Option<PyBackedStr>>, demonyms: bool) -> Vec<String> {
        let texts: Vec<&str> = texts.iter().map(|t| t.as_deref().unwrap_or("")).collect();
        self.inner.find_countries(&texts, demonyms)
    }

    /// `place_parts(place)`.
    #[pyo3(signature = (place))]
    fn place_parts(&self, place: Option<&str>) -> (Vec<String>, Vec<String>) {
        self.inner.place_parts(place)
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    Ok(())
}
