//! The test that campaign's own console lines speak the editor's language: a `println!`,
//! `eprintln!`, `print!` or `eprint!` whose format string holds words (not only arguments,
//! spaces and punctuation) is English in every language, so it fails here unless
//! [`ALLOWED`] lists it with the reason; and `render_text()` (always English) is for tests.
//! The words belong in `words.word("id", ...)` (ka.ftl) or in a translated diagnostic.

use super::coverage::{call_args, sources, string_end};

/// Console lines that may hold words in every language: (file, format string, why).
const ALLOWED: &[(&str, &str, &str)] = &[];

/// The text of a format string without its arguments (`{...}`) and escapes (`\n`).
fn words_of(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '{' => {
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
            }
            '\\' => {
                chars.next();
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether a text holds a word: two letters in a row.
fn has_words(text: &str) -> bool {
    let letters: Vec<bool> = text.chars().map(char::is_alphabetic).collect();
    letters.windows(2).any(|w| w[0] && w[1])
}

/// Every console macro call of the sources with a format string: (place, file, literal).
fn console_lines() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (file, text) in sources() {
        for mac in ["println!(", "eprintln!(", "print!(", "eprint!("] {
            for (i, _) in text.match_indices(mac) {
                let before = text[..i].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let open = i + mac.len();
                let args = call_args(&text, open).trim_start();
                if !args.starts_with('"') {
                    continue;
                }
                let end = string_end(args.as_bytes(), 0);
                let line = text[..i].matches('\n').count() + 1;
                let literal = args[1..end - 1].to_string();
                out.push((format!("{file}:{line}"), file.clone(), literal));
            }
        }
    }
    out
}

#[test]
fn console_lines_have_no_words_of_their_own() {
    let lines = console_lines();
    assert!(lines.len() > 10, "found only {} console lines", lines.len());
    let mut english = Vec::new();
    for (place, file, literal) in &lines {
        let allowed = ALLOWED.iter().any(|(f, l, _)| f == file && l == literal);
        if has_words(&words_of(literal)) && !allowed {
            english.push(format!("{place}: \"{literal}\""));
        }
    }
    assert!(
        english.is_empty(),
        "console lines in English whatever the language (use `words.word(\"id\", ...)` and \
         ka.ftl, or a translated diagnostic, or list them in ALLOWED with the reason): {english:#?}"
    );
    for (file, literal, why) in ALLOWED {
        assert!(
            !why.is_empty(),
            "{file}: \"{literal}\" is allowed without a reason"
        );
        assert!(
            lines.iter().any(|(_, f, l)| f == file && l == literal),
            "{file}: \"{literal}\" is allowed but no longer printed"
        );
    }
}

#[test]
fn messages_are_printed_in_the_editors_language() {
    let english: Vec<String> = sources()
        .into_iter()
        .filter(|(file, _)| file != "src/diagnostics.rs")
        .flat_map(|(file, text)| {
            text.match_indices(".render_text()")
                .map(|(i, _)| format!("{file}:{}", text[..i].matches('\n').count() + 1))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        english.is_empty(),
        "`render_text()` prints English: use `render_text_in(words)` at {english:?}"
    );
}

#[test]
fn format_strings_are_read_without_their_arguments() {
    assert_eq!(words_of("\\n{line}"), "");
    assert!(!has_words(&words_of("  {line} {zip}")));
    assert!(has_words(&words_of("Serving {root} at {url}")));
    assert!(
        has_words(&words_of("{{literal}}")),
        "an escaped brace is text"
    );
}
