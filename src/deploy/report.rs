//! What `campaign deploy` prints: in a dry run every file that would change (`+` upload,
//! `-` delete), then one summary line.

use super::Summary;
use crate::messages::Messages;

/// The listing (dry run only) and the summary line.
pub fn text(s: &Summary, dest: &str, words: &Messages) -> String {
    let p = &s.plan;
    let (up, del, same) = (
        p.upload.len().to_string(),
        p.delete.len().to_string(),
        p.unchanged.to_string(),
    );
    let ms = s.elapsed.as_millis().to_string();
    let args = [
        ("dest", dest),
        ("uploaded", up.as_str()),
        ("deleted", del.as_str()),
        ("unchanged", same.as_str()),
        ("ms", ms.as_str()),
    ];
    let mut out = String::new();
    if s.dry_run {
        for f in &p.upload {
            out.push_str(&format!("+ {f}\n"));
        }
        for f in &p.delete {
            out.push_str(&format!("- {f}\n"));
        }
        out.push_str(&words.word("deploy-dry-run", &args, || {
            format!("dry run, nothing was changed: {up} files would be uploaded to {dest} and {del} deleted; {same} are up to date")
        }));
    } else {
        out.push_str(&words.word("deploy-done", &args, || {
            format!("published to {dest}: {up} files uploaded, {del} deleted, {same} up to date, in {ms} ms")
        }));
    }
    out.push('\n');
    out
}
