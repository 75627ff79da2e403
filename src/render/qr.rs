//! QR codes as SVG geometry (the `fast_qr` crate encodes, several times faster than `qrcode`:
//! at N=10,000 the bench corpus has 4,002 posters; this writes one path of the dark modules),
//! for templates to draw inline with their own `<svg>` element and label.

use fast_qr::{ECL, QRBuilder};
use serde::Serialize;
use std::fmt::Write as _;

/// The white border a reader needs around a QR code, in modules (the standard's minimum).
const QUIET_ZONE: usize = 4;

/// A QR code ready to draw: `<svg viewBox="0 0 {size} {size}">` with a white background and
/// `<path d="{path}">` in black.
#[derive(Debug, Clone, Serialize)]
pub struct Qr {
    /// The side in modules, quiet zone included.
    pub size: usize,
    /// The dark modules as one SVG path: each run of dark modules in a row is a rectangle.
    pub path: String,
}

/// The QR code of `text`, with error correction level Q (a quarter of the code may be dirty or
/// torn, as posters get). An error when the text is too long for any QR code.
pub fn encode(text: &str) -> Result<Qr, String> {
    let (width, dark) = modules(text, ECL::Q)?;
    let mut path = String::with_capacity(dark.len() * 2);
    for (y, row) in dark.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|&&d| d).count();
            let _ = write!(
                path,
                "M{} {}h{run}v1h-{run}z",
                x + QUIET_ZONE,
                y + QUIET_ZONE
            );
            x += run;
        }
    }
    Ok(Qr {
        size: width + 2 * QUIET_ZONE,
        path,
    })
}

/// The QR code of `text` for a terminal: two rows of modules per line in half blocks, black
/// on white (ANSI colours, so that it reads the same on dark and light terminals), with a
/// quiet zone of 2 modules (phones' cameras read that on a screen).
pub fn terminal(text: &str) -> Result<String, String> {
    const ZONE: usize = 2;
    let (width, colors) = modules(text, ECL::L)?;
    let side = width + 2 * ZONE;
    let dark = |x: usize, y: usize| {
        x >= ZONE
            && y >= ZONE
            && x < width + ZONE
            && y < width + ZONE
            && colors[(y - ZONE) * width + (x - ZONE)]
    };
    let mut out = String::new();
    for y in (0..side).step_by(2) {
        out.push_str("\x1b[30;47m");
        for x in 0..side {
            out.push(match (dark(x, y), dark(x, y + 1)) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            });
        }
        out.push_str("\x1b[0m\n");
    }
    Ok(out)
}

/// The side of the code of `text` in modules, and whether each module is dark, row by row.
fn modules(text: &str, level: ECL) -> Result<(usize, Vec<bool>), String> {
    let code = QRBuilder::new(text.as_bytes())
        .ecl(level)
        .build()
        .map_err(|e| e.to_string())?;
    let side = code.size;
    let dark = (0..side)
        .flat_map(|y| code[y].iter().map(|m| m.value()))
        .collect();
    Ok((side, dark))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_is_a_small_code_with_its_quiet_zone() {
        let qr = encode("https://example.ge/campaign/check/").unwrap();
        // 34 bytes need version 4 (33 modules) at level Q; 4 modules of quiet zone each side.
        assert_eq!(qr.size, 33 + 8);
        // The top-left finder pattern: a run of 7 dark modules at (4, 4).
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", qr.path);
    }

    #[test]
    fn a_terminal_code_is_half_as_many_lines_as_modules() {
        let t = terminal("http://192.168.1.20:4717/").unwrap();
        // 26 bytes at level L: version 2, 25 modules; 2 of quiet zone each side: 29 → 15 lines.
        assert_eq!(t.lines().count(), 15);
        assert!(
            t.lines()
                .all(|l| l.starts_with("\x1b[30;47m") && l.ends_with("\x1b[0m"))
        );
    }

    #[test]
    fn text_too_long_for_any_code_is_an_error() {
        assert!(encode(&"x".repeat(5000)).is_err());
    }
}
