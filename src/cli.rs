//! The command line: `build`, `check`, `serve`, `init`, `new`, `deploy`, in plain words.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// campaign — builds the bilingual (Georgian/English) campaign website from Markdown.
#[derive(Parser, Debug)]
#[command(name = "campaign", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of campaign's own messages: ka (Georgian) or en (English). Default:
    /// the CAMPAIGN_LANG environment variable, else the system language (LANG).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<crate::messages::Lang>,
}

/// How `check` prints its report.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Readable text, grouped by file.
    Text,
    /// One JSON document (for tools).
    Json,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into a folder (by default `public/` inside the site folder).
    Build(BuildArgs),
    /// Check the site for errors and problems without writing anything (exit 1 on errors).
    Check(CheckArgs),
    /// Preview the site in a browser; pages reload by themselves when you save a file.
    Serve(ServeArgs),
    /// Create a new site in DIR (site.yaml and a few pages in both languages).
    Init(InitArgs),
    /// Create a new page in every language: `campaign new news "სათაური"`.
    New(NewArgs),
    /// Mark translations as up to date with the page they are translated from:
    /// `campaign translated content/about.en.md` (after bringing it up to date).
    Translated(TranslatedArgs),
    /// Build the site and publish it to a folder, an S3-compatible bucket or an SFTP server,
    /// uploading only the files that changed.
    Deploy(DeployArgs),
}

/// What `campaign build` is given.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The site folder (the one holding site.yaml). Default: this folder or the nearest parent with a site.yaml.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Where to write the site. Default: DIR/public.
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The address the site will be published at (overrides base_url in site.yaml), e.g. https://example.ge/
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Also build pages marked `draft: true` and pages outside their publish/expiry dates.
    #[arg(long)]
    pub drafts: bool,
    /// Build everything even when nothing changed since the last build into the same folder.
    #[arg(long)]
    pub force: bool,
    /// Make a site that works when opened from a USB stick or a folder (file://): links
    /// name their index.html, and the self-check loads each step as a page.
    #[arg(long)]
    pub portable: bool,
    /// Write the site (made --portable) as one ZIP file instead of a folder, to share by
    /// messenger, Bluetooth or USB stick. Unpacked, it is one folder: open its index.html.
    #[arg(long, value_name = "FILE", conflicts_with = "output")]
    pub zip: Option<PathBuf>,
}

/// What `campaign check` is given.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The site folder (the one holding site.yaml).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Also fail (exit 1) on warnings.
    #[arg(long)]
    pub strict: bool,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Also include drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Also check links to other sites over the network (slow; needs internet).
    #[arg(long)]
    pub external: bool,
    /// Print every page × language: translated, missing, or maybe out of date.
    #[arg(long)]
    pub translations: bool,
}

/// What `campaign translated` is given.
#[derive(Args, Debug)]
pub struct TranslatedArgs {
    /// The translated pages that are now up to date, e.g. content/about.en.md.
    #[arg(value_name = "FILE", required_unless_present = "all")]
    pub files: Vec<PathBuf>,
    /// Mark every translation of the site as up to date.
    #[arg(long, conflicts_with = "files")]
    pub all: bool,
    /// The site folder (the one holding site.yaml).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// What `campaign serve` is given.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The site folder (the one holding site.yaml).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// The port to listen on (the next free one is tried if it is taken).
    #[arg(long, short, default_value_t = 4717)]
    pub port: u16,
    /// The address to listen on. Default: this computer only (127.0.0.1).
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: String,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Check files for changes every MS milliseconds instead of using system notifications
    /// (for network drives and unusual file systems).
    #[arg(long, value_name = "MS")]
    pub poll: Option<u64>,
    /// Also show drafts (the default; `--drafts false` shows the site as `build` makes it).
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1,
          default_missing_value = "true")]
    pub drafts: bool,
}

/// What `campaign init` is given.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to create the site in (it must be empty or not exist).
    pub dir: PathBuf,
    /// The site's languages, the first one served at / (default: ka,en), e.g. ka,en,ar.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub languages: Vec<String>,
}

/// What `campaign new` is given.
#[derive(Args, Debug)]
pub struct NewArgs {
    /// The section (folder under content/), e.g. `news`.
    pub section: String,
    /// The page title (the address is made from it).
    pub title: String,
    /// The site folder (the one holding site.yaml).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// What `campaign deploy` is given.
#[derive(Args, Debug)]
pub struct DeployArgs {
    /// Where to publish: a folder (`/srv/www`, `file:///mnt/share/site`), `s3://bucket/folder`
    /// or `sftp://user@host[:port]/folder`.
    pub dest: String,
    /// The site folder (the one holding site.yaml).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Where the site is built before it is published. Default: DIR/public.
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The address the site will be published at (overrides base_url in site.yaml).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Also build pages marked `draft: true` and pages outside their publish/expiry dates.
    #[arg(long)]
    pub drafts: bool,
    /// Build everything even when nothing changed since the last build.
    #[arg(long)]
    pub force: bool,
    /// Publish the last build as it is, without building first.
    #[arg(long)]
    pub no_build: bool,
    /// Only list what would be uploaded and deleted; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The address of an S3-compatible store (default: AWS_ENDPOINT_URL, else Amazon S3 in
    /// AWS_REGION), e.g. https://s3.example.com
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,
    /// Name the bucket in the path (https://host/bucket/file) instead of the host name, as
    /// MinIO, rclone and many self-hosted stores need.
    #[arg(long)]
    pub path_style: bool,
    /// The file of known SSH servers' keys that an SFTP server's key is checked against
    /// (default: ~/.ssh/known_hosts).
    #[arg(long, value_name = "FILE")]
    pub known_hosts: Option<PathBuf>,
}
