//! Tests of [`super`]: random edits against an index made anew.

use super::super::terms::IN_TITLE;
use super::*;
use std::collections::BTreeMap;

/// A small generator, so that pages get every mix of terms and weights.
struct Gen(u64);

impl Gen {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    /// A page's terms: most of the 20 common ones (so that their lists are cut), some
    /// of the 180 rare ones, a few in the title.
    fn page(&mut self) -> PageTerms {
        let mut pairs = Vec::new();
        for t in 0..200u32 {
            let share = if t < 20 { 80 } else { 4 };
            if self.below(100) < share {
                let w = self.below(30) as u16 + 1;
                pairs.push((t, if self.below(10) == 0 { w | IN_TITLE } else { w }));
            }
        }
        let excerpt = format!("text {}", self.below(1000));
        PageTerms::new(&mut pairs, excerpt.into())
    }
}

const CODES: [&str; 2] = ["ka", "en"];

fn pages(terms: &[Option<PageTerms>]) -> Vec<Page<'_>> {
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| Page {
            lang: CODES[i % 2],
            terms: t.as_ref(),
        })
        .collect()
}

/// The files `live` would write now, by path.
fn files(live: &Live, terms: &[Option<PageTerms>], names: &[Box<str>]) -> BTreeMap<String, String> {
    let entry = |i: usize| Entry {
        url: "/",
        title: "",
        section: "",
        excerpt: terms[i].as_ref().map_or("", |t| &t.excerpt),
    };
    CODES
        .iter()
        .flat_map(|c| {
            live.files(c, names, entry)
                .into_iter()
                .map(move |(p, t)| (format!("{c}/{p}"), t))
        })
        .collect()
}

#[test]
fn edits_write_what_a_new_index_writes() {
    let names: Vec<Box<str>> = (0..200).map(|i| format!("t{i}").into()).collect();
    for room in [0, 3, ROOM] {
        let mut g = Gen(0x9e37_79b9_7f4a_7c15 + u64::from(room));
        let mut terms: Vec<Option<PageTerms>> =
            (0..300).map(|i| (i % 37 != 5).then(|| g.page())).collect();
        let mut live = Live::with_room(&CODES, &pages(&terms), &names, room);
        let mut written = files(&live, &terms, &names);
        let all = written.len();
        live.written();
        let mut fewer = 0;
        for round in 0..80 {
            let edited: BTreeSet<usize> = (0..1 + g.below(3))
                .map(|_| g.below(300) as usize)
                .filter(|i| i % 37 != 5)
                .collect();
            let old: Vec<(usize, Option<PageTerms>)> = edited
                .iter()
                .map(|&i| {
                    let new = match g.below(4) {
                        0 => PageTerms::default(),
                        _ => g.page(),
                    };
                    (i, terms[i].replace(new))
                })
                .collect();
            let changes: Vec<Change<'_>> = old
                .iter()
                .map(|(i, t)| Change {
                    page: *i,
                    old: t.as_ref(),
                })
                .collect();
            let same = live.update(&changes, &pages(&terms), &names);
            let fresh = Live::with_room(&CODES, &pages(&terms), &names, room);
            let want = files(&fresh, &terms, &names);
            let now = files(&live, &terms, &names);
            if same {
                fewer += usize::from(now.len() < all / 2);
                written.extend(now);
            } else {
                written = now;
            }
            live.written();
            assert_eq!(written, want, "room {room}, round {round}");
        }
        assert!(fewer > 60, "an edit writes a few files: {fewer}");
    }
}
