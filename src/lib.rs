//! campaign: a fast bilingual (Georgian/English) static-site generator for public information campaigns.
//!
//! The pipeline runs one way: [`load`] (disk → sources) → [`model`] (pages, translations,
//! routes) → [`render`] (Markdown, templates, site files) → [`write`] (disk or memory).

// Diagnostics are the error values everywhere; they are large by design (file, line, hint).
#![allow(clippy::result_large_err)]

pub mod archive;
pub mod cldr;
pub mod cli;
pub mod commands;
pub mod config;
pub mod date;
pub mod deploy;
pub mod diagnostics;
pub mod embedded;
pub mod external;
pub mod html;
pub mod hygiene;
pub mod init;
pub mod load;
pub mod media;
pub mod messages;
pub mod model;
pub mod new;
pub mod numfmt;
pub mod outdir;
pub mod pipeline;
pub mod render;
pub mod report;
pub mod schedule;
pub mod search;
pub mod serve;
pub mod session;
pub mod slug;
pub mod stamp;
pub mod swap;
pub mod translations;
pub mod write;
pub mod yaml;
