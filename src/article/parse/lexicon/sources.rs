//! The words that tell what kind of source a phrase names: honorifics by
//! gender, the nouns of organisations and of what they publish, nouns of
//! groups, and the pronouns of each kind.

use super::key::lower;
use crate::article::Gender;

word_list!(
    /// Honorifics of men.
    is_male_honorific,
    [
        "mr", "mr.", "mister", "sir", "lord", "monsieur", "m.", "herr", "señor", "senor", "signor",
        "don", "father", "brother"
    ]
);

word_list!(
    /// Honorifics of women.
    is_female_honorific,
    [
        "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "madam", "madame", "mme", "mme.",
        "mlle", "frau", "señora", "senora", "signora", "sister", "baroness"
    ]
);

/// The gender an honorific gives; `Dr` and the like give none.
pub fn honorific_gender(word: &str) -> Gender {
    let w = lower(word);
    if is_male_honorific(w.as_str()) {
        Gender::Male
    } else if is_female_honorific(w.as_str()) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

word_list!(
    /// Nouns of organisations, and of places that speak through their
    /// government: `the company said`, `the ministry said`.
    is_organisation_noun,
    [
        "company", "firm", "group", "government", "ministry", "department", "agency", "council",
        "committee", "commission", "party", "union", "bank", "court", "police", "board",
        "authority", "regulator", "watchdog", "club", "team", "league", "federation",
        "association", "organisation", "organization", "foundation", "institute", "university",
        "school", "hospital", "charity", "campaign", "network", "broadcaster", "newspaper",
        "paper", "magazine", "website", "site", "channel", "station", "service", "office",
        "administration", "army", "military", "embassy", "airline", "carrier", "insurer",
        "retailer", "chain", "maker", "manufacturer", "giant", "operator", "provider",
        "developer", "publisher", "studio", "label", "corporation", "business", "industry",
        "lobby", "tribunal", "panel", "inquiry", "parliament", "senate", "congress", "assembly",
        "cabinet", "coalition", "opposition", "country", "state", "city", "province", "county",
        "region", "town", "municipality", "district", "village", "nation", "kingdom",
        "republic", "regime", "jury", "prosecution", "defence", "defense", "force",
        "navy", "centre", "center", "clinic", "museum", "festival", "brand", "outlet", "body",
        "secretariat", "executive", "house", "white"
    ]
);

word_list!(
    /// What an organisation or a person publishes, speaking for them:
    /// `the report said`, `her statement read`.
    is_document_noun,
    [
        "report", "statement", "study", "survey", "poll", "letter", "memo", "document",
        "release", "filing", "ruling", "judgment", "judgement", "post", "tweet", "email",
        "analysis", "research", "figures", "data", "review", "audit", "article", "editorial",
        "blog", "notice", "complaint", "lawsuit", "petition", "guidance", "guidelines",
        "proposal", "plan", "bill", "message", "note", "website", "video", "ad", "advert",
        "footage", "book", "paper", "announcement", "indictment", "affidavit", "brief",
        "briefing", "transcript", "interview", "speech", "column", "essay", "account", "memoir",
        "documents", "records", "statistics", "findings", "estimates", "forecast", "update",
        "warning", "order", "verdict", "decision", "motion", "submission", "summary", "index",
        "text", "caption", "headline", "story", "feed", "page", "site"
    ]
);

word_list!(
    /// Nouns of groups of people that are no plural in form.
    is_group_noun,
    [
        "people", "staff", "public", "crowd", "audience", "family", "families", "children",
        "men", "women", "folk", "youth", "personnel", "clergy", "electorate", "workforce",
        "majority", "minority", "both", "others", "many", "some", "most", "few", "all"
    ]
);

word_list!(
    /// Words that end the head of a noun phrase, once it has one: a
    /// preposition or a relative word (`a spokeswoman for the ministry`,
    /// `officials who asked`: `spokeswoman`, `officials`). Lowercase.
    ends_noun_head,
    ["of", "for", "at", "from", "with", "in", "on", "by", "to", "who", "which", "that"]
);

word_list!(
    /// Pronouns that name a group, or an organisation: `they said`, `it
    /// said`.
    is_plural_pronoun,
    ["they", "we"]
);

/// True for a word of the plural's shape: `analysts`, `critics`, `MPs`;
/// not `boss`, `census`, `analysis`.
pub fn is_plural(word: &str) -> bool {
    let w = word.as_bytes();
    // Of three letters, only an acronym's plural: `MPs`, not `gas`.
    let long = w.len() > 3 || (w.len() == 3 && w[..2].iter().all(u8::is_ascii_uppercase));
    long && w[w.len() - 1] == b's' && !matches!(w[w.len() - 2], b's' | b'u' | b'i' | b'\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_by_gender() {
        assert_eq!(honorific_gender("Mr."), Gender::Male);
        assert_eq!(honorific_gender("Mrs"), Gender::Female);
        assert_eq!(honorific_gender("Ms"), Gender::Female);
        assert_eq!(honorific_gender("Monsieur"), Gender::Male);
        assert_eq!(honorific_gender("Dr"), Gender::Unknown);
    }

    #[test]
    fn plurals() {
        assert!(is_plural("analysts"));
        assert!(is_plural("MPs"));
        assert!(is_plural("critics"));
        assert!(!is_plural("boss"));
        assert!(!is_plural("census"));
        assert!(!is_plural("analysis"));
        assert!(!is_plural("bus"));
    }
}
