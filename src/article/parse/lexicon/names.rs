//! Given names and their short forms (`Vince` for `Vincent`, `Bill` for
//! `William`), from `data/nicknames.txt`, for telling two forms of one
//! person's name; and the pronouns that name nobody by themselves.

use std::sync::LazyLock;

use foldhash::HashMap;

/// Each short form that stands for one formal name only, to that name.
static FORMAL: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut formal: HashMap<&str, Option<&str>> = HashMap::default();
    for line in include_str!("../../../../data/nicknames.txt").lines() {
        let mut words = line.split_whitespace();
        let Some(name) = words.next().filter(|w| !w.starts_with('#')) else {
            continue;
        };
        for short in words {
            // A short form of two names (`Chris`) stands for neither.
            formal
                .entry(short)
                .and_modify(|f| *f = f.filter(|&f| f == name))
                .or_insert(Some(name));
        }
    }
    formal
        .into_iter()
        .filter_map(|(short, name)| Some((short, name?)))
        .collect()
});

/// The formal name a lowercase given name is short for (`vince`:
/// `vincent`); the name itself when it is no short form of one name.
pub fn formal_name(given: &str) -> &str {
    FORMAL.get(given).copied().unwrap_or(given)
}

word_list!(
    /// Personal pronouns in the forms that name a speaker.
    is_pronoun,
    [
        "he", "she", "they", "it", "i", "we", "you", "He", "She", "They", "It", "I", "We", "You",
        "HE", "SHE", "THEY", "IT", "WE", "YOU"
    ]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        assert_eq!(formal_name("vince"), "vincent");
        assert_eq!(formal_name("bill"), "william");
        assert_eq!(formal_name("vincent"), "vincent");
        // Short for Christopher and Christina alike.
        assert_eq!(formal_name("chris"), "chris");
        assert_eq!(formal_name("ana"), "ana");
    }
}
