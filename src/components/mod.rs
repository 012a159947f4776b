//! The widget's components, one per file; `App` is the root the others hang from.

use std::ops::Deref;
use std::rc::Rc;

use crate::i18n::Strings;
use crate::model::Story;

pub mod agreement_summary;
pub mod app;
pub mod change_list;
pub mod issue_row;
pub mod load_status;
pub mod matrix_table;
pub mod position_cell;
pub mod position_detail;
pub mod source_credit;
pub mod stance_legend;
pub mod stance_mark;
pub mod story_header;
pub mod version_steps;
pub mod view_tabs;

pub use app::{App, AppProps};

/// A shared, read-only story for props. Equal when it is the same story object, so a re-render
/// compares a pointer instead of walking every position.
#[derive(Clone, Debug)]
pub struct StoryRef(pub Rc<Story>);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The cells a live story changed since the page loaded, shared the same way: each new version
/// makes a new list, and only then do rows compare their cells.
#[derive(Clone, Debug, Default)]
pub struct ChangesRef(pub Rc<Vec<crate::state::Change>>);

impl PartialEq for ChangesRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The widget's strings in its locale, shared the same way: equal when it is the same object.
#[derive(Clone, Debug)]
pub struct Words(pub Rc<Strings>);

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Words {
    type Target = Strings;
    fn deref(&self) -> &Strings {
        &self.0
    }
}

impl Deref for StoryRef {
    type Target = Story;
    fn deref(&self) -> &Story {
        &self.0
    }
}
