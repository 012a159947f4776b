//! The caps on what a workbook may hold, each checked before the work it bounds, so a hostile
//! file is refused with its number in the message instead of exhausting memory or time.

/// Largest file `import` reads (10 MiB): a story with 1,000 issues × 12 sides and long quotes
/// is about 5 MiB as xlsx.
pub const MAX_FILE_BYTES: usize = 10 << 20;
/// Most bytes the parts of an xlsx or ods may unpack to, together (64 MiB), measured by
/// unpacking, not by trusting the sizes the zip declares: a zip bomb stops here.
pub const MAX_UNPACKED_BYTES: u64 = 64 << 20;
/// Most parts in a workbook's zip.
pub const MAX_ZIP_ENTRIES: usize = 2_000;
/// Most rows a sheet may use, the header row included: 20,000 rows of data.
pub const MAX_ROWS: usize = 20_001;
/// Most columns a sheet may use (the widest sheet, positions, has nine).
pub const MAX_COLUMNS: usize = 64;
/// Longest cell, in characters: Excel's own limit, so whatever is read can be written back.
pub const MAX_CELL_CHARS: usize = 32_767;
/// Most characters of text in all cells together (a shared string repeated in many cells
/// counts each time).
pub const MAX_TEXT_CHARS: usize = 64 << 20;
/// Most cells an ods may expand to through its repeat counts before calamine reads it.
pub const MAX_ODS_CELLS: u64 = 2_000_000;
