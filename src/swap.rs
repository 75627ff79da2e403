//! Putting a finished site in place: an atomic exchange of two folders on Linux
//! (`renameat2(RENAME_EXCHANGE)`: at every instant the old or the new site is there), two
//! renames elsewhere.

use std::io;
use std::path::Path;

/// Exchange `a` and `b` (both exist) in one step.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let cb = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both pointers are valid NUL-terminated strings that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        let e = io::Error::last_os_error();
        // File systems without exchange support: fall back to two renames.
        if matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
            two_renames(a, b)
        } else {
            Err(e)
        }
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
