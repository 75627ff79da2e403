//! Media: images referenced by pages and templates are registered while rendering, then
//! encoded once each (in parallel, through the cache) after rendering.

pub mod clean;
pub mod images;
pub mod problem;
pub mod video;

use images::{Cache, Size};
pub use problem::Problem;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// Output files: (path, bytes).
pub type Files = Vec<(String, Vec<u8>)>;
/// A probed image: content hash and size, or why it cannot be used.
type Probe = Result<(String, Size), Problem>;

/// Output folder of processed images.
pub const IMG_DIR: &str = "_img";

/// What a page needs to write a responsive `<picture>`.
#[derive(Debug, Clone)]
pub struct Picture {
    /// (width, height) of each variant, smallest first.
    pub variants: Vec<(u32, u32)>,
    /// Site path of each variant without the extension (`/_img/<hash>-480`).
    pub stems: Vec<String>,
}

#[derive(Default)]
struct Job {
    bytes: Arc<Vec<u8>>,
    widths: BTreeSet<u32>,
    crops: BTreeSet<(u32, u32)>,
}

/// Counts from one processing run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Images decoded and encoded now.
    pub encoded: usize,
    /// Images served entirely from the cache.
    pub cached: usize,
}

/// The site's files (static and content assets) and the images requested so far.
pub struct Media {
    files: HashMap<String, Arc<Vec<u8>>>,
    probes: Mutex<HashMap<String, Probe>>,
    jobs: Mutex<BTreeMap<String, Job>>,
    /// Images that cannot be published (path → reason), from [`clean::clean_all`].
    broken: HashMap<String, Problem>,
}

/// Sizes a template may ask `resize_image` for.
const CROP_SIDES: std::ops::RangeInclusive<u32> = 1..=4096;

pub(crate) fn is_raster(path: &str) -> bool {
    let p = path.to_ascii_lowercase();
    p.ends_with(".jpg") || p.ends_with(".jpeg") || p.ends_with(".png") || p.ends_with(".webp")
}

impl Media {
    /// Media over the given output files (path without leading `/` → bytes).
    pub fn new(files: HashMap<String, Arc<Vec<u8>>>) -> Self {
        Media {
            files,
            probes: Mutex::default(),
            jobs: Mutex::default(),
            broken: HashMap::new(),
        }
    }

    /// The same media, knowing which images cannot be published and why.
    pub fn with_broken(mut self, broken: HashMap<String, Problem>) -> Self {
        self.broken = broken;
        self
    }

    /// The broken images no page or template asked for (those are reported where they are
    /// used, with the file and line), sorted by path.
    pub fn unreported_broken(&self) -> Vec<(String, Problem)> {
        let probed = self
            .probes
            .lock()
            .map(|p| p.keys().cloned().collect::<BTreeSet<_>>());
        let probed = probed.unwrap_or_default();
        let mut v: Vec<(String, Problem)> = self
            .broken
            .iter()
            .filter(|(k, _)| !probed.contains(*k))
            .map(|(k, m)| (k.clone(), m.clone()))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// The bytes of a site file (`videos/x.mp4`).
    pub fn file(&self, path: &str) -> Option<&Arc<Vec<u8>>> {
        self.files.get(path.trim_start_matches('/'))
    }

    /// Whether a site path is an image this module resizes.
    pub fn is_image(path: &str) -> bool {
        is_raster(path)
    }

    fn probe(&self, path: &str) -> Result<(String, Size, Arc<Vec<u8>>), Problem> {
        let key = path.trim_start_matches('/').to_string();
        let bytes = self
            .files
            .get(&key)
            .cloned()
            .ok_or_else(|| Problem::Missing(path.to_string()))?;
        let mut probes = self.probes.lock().map_err(|_| Problem::Internal)?;
        let broken = self.broken.get(&key).cloned();
        let r = probes
            .entry(key)
            .or_insert_with(|| match broken {
                Some(why) => Err(why),
                None => images::probe(&bytes).map(|s| (images::content_hash(&bytes), s)),
            })
            .clone();
        r.map(|(h, s)| (h, s, bytes))
    }

    /// Whether a site image can be used (exists, decodes, within the limits).
    pub fn check(&self, path: &str) -> Result<(), Problem> {
        self.probe(path).map(|_| ())
    }

    /// Register a content image at `widths` and describe its variants.
    pub fn picture(&self, path: &str, ladder: &[u32]) -> Result<Picture, Problem> {
        let (hash, size, bytes) = self.probe(path)?;
        let widths = images::widths_for(size.width, ladder);
        let mut jobs = self.jobs.lock().map_err(|_| Problem::Internal)?;
        let job = jobs.entry(hash.clone()).or_default();
        job.bytes = bytes;
        job.widths.extend(widths.iter().copied());
        let variants: Vec<(u32, u32)> = widths
            .iter()
            .map(|&w| {
                (
                    w,
                    ((u64::from(size.height) * u64::from(w) + u64::from(size.width) / 2)
                        / u64::from(size.width))
                    .max(1) as u32,
                )
            })
            .collect();
        let stems = widths
            .iter()
            .map(|w| format!("/{IMG_DIR}/{hash}-{w}"))
            .collect();
        Ok(Picture { variants, stems })
    }

    /// Register an exact-size, cover-cropped copy (share images); returns its JPEG site path.
    pub fn cropped(&self, path: &str, width: u32, height: u32) -> Result<String, Problem> {
        if !CROP_SIDES.contains(&width) || !CROP_SIDES.contains(&height) {
            return Err(Problem::CropSize(width, height));
        }
        let (hash, _, bytes) = self.probe(path)?;
        let mut jobs = self.jobs.lock().map_err(|_| Problem::Internal)?;
        let job = jobs.entry(hash.clone()).or_default();
        job.bytes = bytes;
        job.crops.insert((width, height));
        Ok(format!("/{IMG_DIR}/{hash}-{width}x{height}.jpg"))
    }

    /// Encode every registered image (in parallel, through the cache). Returns the output
    /// files, problems (path, message) and counts.
    pub fn process(&self, cache: &Cache) -> (Files, Vec<Problem>, Stats) {
        let jobs = match self.jobs.lock() {
            Ok(j) => j,
            Err(_) => return (Vec::new(), vec![Problem::Internal], Stats::default()),
        };
        let results: Vec<(Files, Option<Problem>, bool)> = jobs
            .par_iter()
            .map(|(hash, job)| {
                let mut names: Vec<String> = Vec::new();
                for &w in &job.widths {
                    names.push(format!("{w}"));
                }
                for &(w, h) in &job.crops {
                    names.push(format!("{w}x{h}"));
                }
                let mut files = Vec::new();
                let all_cached = names.iter().all(|n| {
                    match (
                        cache.get(hash, &format!("{n}.jpg")),
                        cache.get(hash, &format!("{n}.webp")),
                    ) {
                        (Some(j), Some(wp)) => {
                            files.push((format!("{IMG_DIR}/{hash}-{n}.jpg"), j));
                            files.push((format!("{IMG_DIR}/{hash}-{n}.webp"), wp));
                            true
                        }
                        _ => false,
                    }
                });
                if all_cached {
                    return (files, None, false);
                }
                files.clear();
                let widths: Vec<u32> = job.widths.iter().copied().collect();
                let mut encoded = match images::encode(&job.bytes, &widths, None) {
                    Ok(v) => v
                        .into_iter()
                        .map(|v| (format!("{}", v.width), v))
                        .collect::<Vec<_>>(),
                    Err(e) => return (Vec::new(), Some(e), true),
                };
                for &(w, h) in &job.crops {
                    match images::encode(&job.bytes, &[w], Some((w, h))) {
                        Ok(mut v) => encoded.push((format!("{w}x{h}"), v.remove(0))),
                        Err(e) => return (Vec::new(), Some(e), true),
                    }
                }
                for (n, v) in encoded {
                    cache.put(hash, &format!("{n}.jpg"), &v.jpeg);
                    cache.put(hash, &format!("{n}.webp"), &v.webp);
                    files.push((format!("{IMG_DIR}/{hash}-{n}.jpg"), v.jpeg));
                    files.push((format!("{IMG_DIR}/{hash}-{n}.webp"), v.webp));
                }
                (files, None, true)
            })
            .collect();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let mut stats = Stats::default();
        for (files, err, encoded) in results {
            out.extend(files);
            if let Some(e) = err {
                errors.push(e);
            } else if encoded {
                stats.encoded += 1;
            } else {
                stats.cached += 1;
            }
        }
        (out, errors, stats)
    }
}
