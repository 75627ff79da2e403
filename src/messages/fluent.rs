//! Fluent glue shared by campaign's own catalogue ([`super::Messages`]) and the site's
//! interface strings (`render::i18n`): one way to make a bundle and to format a message.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// A Fluent bundle that can be shared between threads.
pub type Bundle = FluentBundle<FluentResource>;

/// An empty bundle for the language `code`, without Unicode isolation marks around
/// arguments (the output is HTML and terminal text, where they would show or get in the way).
pub fn bundle(code: &str) -> Bundle {
    let id: LanguageIdentifier = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle
}

/// The text of message `id` (or of its attribute `attr`) with `args`; `None` when the
/// bundle lacks it or formatting reports an error (a missing argument, say).
pub fn format(
    bundle: &Bundle,
    id: &str,
    attr: Option<&str>,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}
