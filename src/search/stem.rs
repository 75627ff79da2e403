//! Light stemmers as data: a word loses its longest listed ending, again up to `rounds`
//! times, while at least `min` letters stay. Georgian: case endings, postpositions and the
//! plural (-ებ-, -თა), so that "მიგრანტი", "მიგრანტებს" and "მიგრანტთა" meet; English:
//! plurals, -ing, -ed and a final -e, once. The client gets the same tables.

use super::fold::fold;

/// A stemmer: endings (longest first) with what replaces them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Rules {
    /// (ending, replacement), longest ending first.
    pub suffixes: Vec<(String, String)>,
    /// How many endings may go, one after the other.
    pub rounds: usize,
    /// Letters that must stay.
    pub min: usize,
}

/// Georgian endings, written in plain letters and folded like the words they end.
const GEORGIAN: &[&str] = &[
    "ისთვის",
    "თვის",
    "ში",
    "ზე",
    "თან",
    "დან",
    "კენ",
    "მდე",
    "ვით",
    "ის",
    "ით",
    "ად",
    "ს",
    "მა",
    "ო",
    "თა",
    "ი",
    "ა",
    "ე",
    "ებ",
    "სა",
];

/// English endings and their replacements; an ending replaced by itself protects the word
/// ("class", "status" keep their s).
const ENGLISH: &[(&str, &str)] = &[
    ("sses", "ss"),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("es", ""),
    ("ed", ""),
    ("ss", "ss"),
    ("us", "us"),
    ("is", "is"),
    ("s", ""),
    ("e", ""),
];

impl Rules {
    fn new(mut suffixes: Vec<(String, String)>, rounds: usize, min: usize) -> Rules {
        suffixes.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.cmp(b)));
        Rules {
            suffixes,
            rounds,
            min,
        }
    }

    /// The Georgian stemmer (for words in Georgian letters, whatever the page's language).
    pub fn georgian() -> Rules {
        let folded = GEORGIAN
            .iter()
            .map(|s| (s.chars().map(fold).collect(), String::new()))
            .collect();
        Rules::new(folded, 4, 2)
    }

    /// The stemmer for other words on pages in `lang` (English only for now).
    pub fn latin(lang: &str) -> Option<Rules> {
        (lang == "en").then(|| {
            let pairs = ENGLISH
                .iter()
                .map(|(s, r)| (s.to_string(), r.to_string()))
                .collect();
            Rules::new(pairs, 1, 3)
        })
    }

    /// `word` without its endings.
    pub fn stem(&self, word: &str) -> String {
        let mut w = word.to_string();
        for _ in 0..self.rounds {
            let len = w.chars().count();
            let hit = self
                .suffixes
                .iter()
                .find(|(s, _)| w.ends_with(s.as_str()) && len - s.chars().count() >= self.min);
            let Some((s, r)) = hit else { break };
            if s == r {
                break;
            }
            w.truncate(w.len() - s.len());
            w.push_str(r);
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ka(w: &str) -> String {
        let folded: String = w.chars().map(fold).collect();
        Rules::georgian().stem(&folded)
    }

    #[test]
    fn georgian_forms_meet() {
        for group in [
            &[
                "მიგრანტი",
                "მიგრანტებს",
                "მიგრანტთა",
                "მიგრანტებისთვის",
                "მიგრანტის",
            ][..],
            &["თბილისი", "თბილისში", "თბილისის", "ᲗᲑᲘᲚᲘᲡᲘ"],
            &["ენა", "ენის", "ენებზე", "ენას"],
            &["დასაქმება", "დასაქმების", "დასაქმებაში", "დასაქმებასა"],
            &["თბილისი", "თბილისსა", "თბილისისა"],
            &["ინტეგრაცია", "ინტეგრაციის", "ინტეგრაციისთვის"],
            &["ლტოლვილი", "ლტოლვილებს", "ლტოლვილთა"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| ka(w)).collect();
            assert!(
                stems.iter().all(|s| s == &stems[0]),
                "{group:?} → {stems:?}"
            );
        }
        assert_ne!(ka("ენა"), ka("ენდობა"));
    }

    #[test]
    fn english_forms_meet() {
        let en = Rules::latin("en").unwrap();
        for group in [
            &["course", "courses"][..],
            &["train", "trains", "training", "trained"],
            &["apply", "applies", "applied"],
            &["class", "classes"],
            &["house", "houses", "housing"],
            &["status"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| en.stem(w)).collect();
            assert!(
                stems.iter().all(|s| s == &stems[0]),
                "{group:?} → {stems:?}"
            );
        }
        assert_eq!(en.stem("status"), "status");
        assert!(Rules::latin("az").is_none());
    }
}
