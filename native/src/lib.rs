//! osce_native: the text-dump path of `indexer.extract` in Rust.
//!
//! Each module mirrors one Python module and must give the same output for every text it
//! accepts; `pyutil::supported` says which texts those are (the rest stay in Python).
//! Tables (States, labels, types, patterns) come from the Python modules at construction,
//! so every fact stays written once, in Python.

use pyo3::prelude::*;

pub mod dateline;
pub mod document;
pub mod gazetteer;
pub mod labels;
pub mod pyutil;
pub mod text_dump;

#[pymodule]
fn osce_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    pyutil::register(m)?;
    gazetteer::register(m)?;
    text_dump::register(m)?;
    document::register(m)?;
    Ok(())
}
