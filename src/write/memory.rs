//! The finished site in memory (`serve`, `check`, `build --zip`): output path → file, shared
//! cheaply between copies, with text files kept deflated in a packed output (in a temporary
//! file when one can be made).

use super::pack::{Kept, Packer};
use std::collections::HashMap;
use std::sync::Arc;

/// The finished site in memory: output path (relative, `/`) → bytes. A copy is cheap: the
/// bulk of the files is shared, and a file put in place later (`serve`'s edits) goes into a
/// small layer on top until that layer is an eighth of the whole. A packed output
/// ([`Output::packed`]) keeps its text files deflated, in its temporary file when it has one,
/// and inflates one when it is read.
#[derive(Debug, Clone, Default)]
pub struct Output {
    base: Arc<HashMap<String, Kept>>,
    over: HashMap<String, Kept>,
    /// Files of `over` that are not in `base`.
    added: usize,
    /// How text files added are kept (`None`: as they are).
    packer: Option<Packer>,
}

impl Output {
    /// An empty output that keeps its text files deflated, in a temporary file of its own
    /// when one can be made.
    pub fn packed() -> Self {
        Output {
            packer: Some(Packer::new()),
            ..Output::default()
        }
    }

    /// An empty output that keeps files as this one does (sharing its temporary file).
    pub fn empty_like(&self) -> Self {
        Output {
            packer: self.packer.clone(),
            ..Output::default()
        }
    }

    /// Whether text files added are kept deflated.
    pub fn is_packed(&self) -> bool {
        self.packer.is_some()
    }

    /// How files added are kept.
    pub(crate) fn packer(&self) -> Option<&Packer> {
        self.packer.as_ref()
    }

    /// Add (or replace) a file.
    pub fn add(&mut self, path: String, bytes: Vec<u8>) {
        let kept = Kept::of(&path, bytes, self.packer.as_ref());
        self.put(path, kept);
    }

    /// Add a file whose bytes are shared with the sources.
    pub fn add_shared(&mut self, path: String, bytes: Arc<Vec<u8>>) {
        if !self.contains(&path) {
            self.put(path, Kept::Plain(bytes));
        }
    }

    /// Put every file of `other` in place of any file of the same path, as `other` keeps it.
    pub fn absorb(&mut self, other: Output) {
        let Output { base, over, .. } = other;
        let base = Arc::try_unwrap(base).unwrap_or_else(|shared| (*shared).clone());
        for (path, kept) in base.into_iter().chain(over) {
            self.put(path, kept);
        }
    }

    /// Put a kept file in place.
    pub(crate) fn put(&mut self, path: String, kept: Kept) {
        // Not shared with a copy (a build filling it): straight into the whole.
        if self.over.is_empty()
            && let Some(base) = Arc::get_mut(&mut self.base)
        {
            base.insert(path, kept);
            return;
        }
        if !self.base.contains_key(&path) && !self.over.contains_key(&path) {
            self.added += 1;
        }
        self.over.insert(path, kept);
        if self.over.len() > 64 && self.over.len() * 8 > self.base.len() {
            Arc::make_mut(&mut self.base).extend(self.over.drain());
            self.added = 0;
        }
    }

    /// Whether a file exists.
    pub fn contains(&self, path: &str) -> bool {
        self.over.contains_key(path) || self.base.contains_key(path)
    }

    /// The bytes of a file (inflated when kept deflated).
    pub fn get(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        self.kept(path).and_then(Kept::bytes)
    }

    fn kept(&self, path: &str) -> Option<&Kept> {
        self.over.get(path).or_else(|| self.base.get(path))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.base.len() + self.added
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the files take in memory (deflated ones as deflated, none for those in the
    /// temporary file).
    pub fn held_bytes(&self) -> usize {
        self.entries().map(|(_, k)| k.held()).sum()
    }

    /// All paths, sorted.
    pub fn paths(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.entries().map(|(k, _)| k.as_str()).collect();
        v.sort_unstable();
        v
    }

    /// Iterate over (path, bytes), inflating deflated files one at a time.
    pub fn iter(&self) -> impl Iterator<Item = (&String, Arc<Vec<u8>>)> {
        self.entries()
            .filter_map(|(path, kept)| Some((path, kept.bytes()?)))
    }

    fn entries(&self) -> impl Iterator<Item = (&String, &Kept)> {
        let over = &self.over;
        over.iter().chain(
            self.base
                .iter()
                .filter(move |(k, _)| !over.contains_key(*k)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Output;
    use std::sync::Arc;

    #[test]
    fn a_copy_shares_files_and_later_changes_stay_apart() {
        let mut a = Output::default();
        for i in 0..1000 {
            a.add(format!("p{i}/index.html"), vec![1]);
        }
        let b = a.clone();
        a.add("p1/index.html".into(), vec![2]);
        a.add("new.html".into(), vec![3]);
        a.add_shared("p2/index.html".into(), Arc::new(vec![9]));
        assert_eq!(a.len(), 1001);
        assert_eq!(b.len(), 1000);
        assert_eq!(a.get("p1/index.html").map(|v| v[0]), Some(2));
        assert_eq!(b.get("p1/index.html").map(|v| v[0]), Some(1));
        assert_eq!(a.get("p2/index.html").map(|v| v[0]), Some(1));
        assert!(a.contains("new.html") && !b.contains("new.html"));
        assert_eq!(a.iter().count(), 1001);
        assert_eq!(a.paths().len(), 1001);
        for i in 0..500 {
            a.add(format!("q{i}"), vec![4]);
        }
        assert_eq!(a.len(), 1501);
        assert_eq!(a.iter().count(), 1501);
        assert_eq!(a.get("p1/index.html").map(|v| v[0]), Some(2));
        assert_eq!(b.iter().count(), 1000);
    }

    #[test]
    fn a_packed_output_holds_pages_deflated_and_reads_them_back_whole() {
        let page = |i: usize| {
            format!(
                "<main><h1>გვერდი {i}</h1>{}</main>",
                "<p>ტექსტი</p>".repeat(300)
            )
        };
        let mut plain = Output::default();
        let mut packed = Output::packed();
        for i in 0..50 {
            plain.add(format!("p{i}/index.html"), page(i).into_bytes());
            packed.add(format!("p{i}/index.html"), page(i).into_bytes());
        }
        packed.add("a.png".into(), vec![0; 2048]);
        assert!(packed.held_bytes() * 4 < plain.held_bytes());
        assert_eq!(packed.get("p7/index.html"), plain.get("p7/index.html"));
        assert_eq!(packed.get("a.png").map(|b| b.len()), Some(2048));
        // An edit's files go in as the edit's output kept them.
        let mut edit = Output::packed();
        edit.add("p7/index.html".into(), b"<p>new</p>".repeat(100));
        let copy = packed.clone();
        packed.absorb(edit);
        assert_eq!(
            packed.get("p7/index.html").as_deref(),
            Some(&b"<p>new</p>".repeat(100))
        );
        assert_eq!(copy.get("p7/index.html"), plain.get("p7/index.html"));
        assert_eq!(packed.len(), 51);
    }
}
