//! Putting a finished site in place: an atomic exchange of two folders on Linux
//! (`renameat2(RENAME_EXCHANGE)`: at every instant the old or the new site is there), two
//! renames elsewhere.

use std::io;
use std::path::Path;

/// Exchange `a` and `b` (both exist) in one step.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // File systems without exchange support: fall back to two renames.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {
            two_renames(a, b)
        }
        Err(e) => Err(e.into()),
    }
}

/// Exchange `a` and `b` (both exist): two renames through a third name.
#[cfg(not(target_os = "linux"))]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    two_renames(a, b)
}

fn two_renames(a: &Path, b: &Path) -> io::Result<()> {
    let mut aside = a.as_os_str().to_owned();
    aside.push(".swap");
    let aside = std::path::PathBuf::from(aside);
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}

/// Put `new` at `dest`: exchanged with what is there, or renamed when nothing is.
/// Afterwards `new` holds the previous content of `dest`, if any.
pub fn put_in_place(new: &Path, dest: &Path) -> io::Result<bool> {
    if std::fs::symlink_metadata(dest).is_ok() {
        exchange(new, dest)?;
        Ok(true)
    } else {
        std::fs::rename(new, dest)?;
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchanges_two_folders() {
        let d = std::env::temp_dir().join(format!("swap-test-{}", std::process::id()));
        let (a, b) = (d.join("a"), d.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("x"), "a").unwrap();
        std::fs::write(b.join("x"), "b").unwrap();
        exchange(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(a.join("x")).unwrap(), "b");
        assert_eq!(std::fs::read_to_string(b.join("x")).unwrap(), "a");
        std::fs::remove_dir_all(&d).unwrap();
    }
}
