//! Text alternatives of the matrix's images (temporary: replaced by the full module).

use super::{Story, View};

pub fn image_alt(story: &Story, _view: View) -> String {
    format!("Demands matrix: {}", story.title)
}

pub fn image_description(story: &Story, _view: View) -> String {
    story.standfirst.clone()
}
