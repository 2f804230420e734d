//! The words that signal speech: verbs of saying, the auxiliaries and
//! clause words around them, nouns and pronouns that can name a speaker,
//! and the words that tell a reported clause from other uses of a verb.

use super::filter::WordFilter;
use super::key::lower;
use super::report::{CALLING_VERBS, SPEECH_PARTICIPLES};
use crate::article::Span;

word_list!(
    /// Verbs of saying, in the forms that attribute speech.
    SPEECH_VERBS,
    is_listed_speech_verb,
    [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "explained",
        "explains", "stated", "states", "noted", "notes", "wrote", "writes", "declared",
        "declares", "insisted", "insists", "warned", "warns", "argued", "argues", "claimed",
        "claims", "continued", "recalled", "recalls", "repeated", "repeats", "replied", "replies",
        "responded", "responds", "remarked", "acknowledged", "acknowledges", "announced",
        "announces", "commented", "conceded", "concedes", "suggested", "suggests", "urged",
        "urges", "observed", "joked", "quipped", "shouted", "tweeted", "admitted", "admits",
        "complained", "complains", "confirmed", "confirms", "denied", "denies", "predicted",
        "predicts", "promised", "promises", "revealed", "reveals", "stressed", "stresses",
        "emphasised", "emphasized", "maintained", "maintains", "testified", "vowed", "vows",
        "cautioned", "countered", "reiterated", "pledged", "pointed", "reported", "reports",
        "announcing", "adding", "saying", "telling", "estimated", "agreed", "agrees", "assured",
        "boasted", "charged", "contended", "told reporters", "wondered", "yelled", "whispered",
        "proclaimed", "disclosed", "alleged", "alleges", "objected", "protested", "demanded",
        "demands", "argue", "explain", "insist", "suggest", "warn", "admit", "acknowledge",
        "predict", "deny", "confirm", "allege", "lamented", "laments", "advised", "advises",
        "contend", "contends",
]
);

/// Speech verbs, and the other words that may open reported speech:
/// `according` (in any case), participles of saying, verbs of calling.
static REPORTING: WordFilter = WordFilter::of(SPEECH_VERBS)
    .with_words(SPEECH_PARTICIPLES)
    .with_words(CALLING_VERBS)
    .with_word("according");

/// Asked of nearly every word.
pub fn is_speech_verb(w: &str) -> bool {
    // Compared as written: a capitalized "States" or "Says" is a name, not
    // a verb.
    REPORTING.may_hold_word(w.as_bytes()) && is_listed_speech_verb(w)
}

/// False for a word (`span` of `text`) that is surely none of what starts
/// reported speech. Asked of every word outside quotes, from three bytes
/// of it.
pub fn may_report(text: &[u8], span: Span) -> bool {
    REPORTING.may_hold(text[span.start], text[span.end - 1], span.len())
}

/// `called for a vote`, `calls on the minister to resign`: a demand,
/// reported. Other senses of "call" rarely are speech.
pub fn is_call_verb(w: &str) -> bool {
    matches!(w, "called" | "calls")
}

/// Verbs that report a clause without quote marks (a subset: "asked",
/// "continued" and the like rarely do).
pub fn reports_clause(w: &str) -> bool {
    // Forms that are as often plural nouns ("member states", "the claims")
    // or that rarely take a clause are left to direct quotes; participles
    // report after a comma only (`, adding that`), not as a noun's
    // modifier (`a statement announcing the pick`).
    is_speech_verb(w)
        && !w.ends_with("ing")
        && !matches!(
            w,
            "asked"
                | "asks"
                | "continued"
                | "quipped"
                | "joked"
                | "shouted"
                | "yelled"
                | "whispered"
                | "replied"
                | "responded"
                | "remarked"
                | "commented"
                | "pointed"
                | "recalled"
                | "recalls"
                | "agreed"
                | "agrees"
                | "states"
                | "notes"
                | "claims"
                | "reports"
                | "demands"
                | "promises"
                | "alleges"
                | "charged"
                | "urged"
                | "urges"
                | "vowed"
                | "vows"
                | "pledged"
                | "demanded"
        )
}

/// Words that sit between a speaker and a speech verb: `he later said`.
pub fn is_adverb(w: &str) -> bool {
    let lower = lower(w);
    let l = lower.as_str();
    // A word of any length ending in "ly".
    let ly = w.len() > 4 && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"ly");
    matches!(
        l,
        "not" | "never" | "already" | "still" | "just" | "often" | "now" | "since"
    ) || matches!(
        l,
        "also"
            | "later"
            | "then"
            | "again"
            | "previously"
            | "once"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "was"
            | "is"
            | "recently"
            | "earlier"
            | "further"
            | "simply"
    ) || ly
}

word_list!(
    AUXILIARIES,
    is_listed_auxiliary,
    [
        "is", "was", "were", "are", "been", "be", "being", "do", "does", "did", "can", "could",
        "should", "may", "might", "must",
    ]
);

word_list!(
    /// Words that open a clause rather than end a subject noun phrase.
    CLAUSE_WORDS,
    is_listed_clause_word,
    [
        "and",
        "but",
        "or",
        "that",
        "because",
        "while",
        "as",
        "when",
        "if",
        "although",
        "though",
        "so",
        "since",
        "after",
        "before",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "whether",
        "than",
        "until",
        "unless",
        "yet",
    ]
);

// Most words asked about are in neither list, which their first and last
// bytes and length tell before a lowercase copy is made.
static AUXILIARY_FILTER: WordFilter = WordFilter::of(AUXILIARIES);
static CLAUSE_FILTER: WordFilter = WordFilter::of(CLAUSE_WORDS);

pub fn is_auxiliary(w: &str) -> bool {
    AUXILIARY_FILTER.may_hold_word(w.as_bytes()) && is_listed_auxiliary(lower(w).as_str())
}

pub fn is_clause_word(w: &str) -> bool {
    CLAUSE_FILTER.may_hold_word(w.as_bytes()) && is_listed_clause_word(lower(w).as_str())
}

pub fn is_speaker_noun(w: &str) -> bool {
    // Plurals are the singular's: "officials", "Sources".
    let lower = lower(w.trim_end_matches(['s', 'S']));
    let l = lower.as_str();
    matches!(
        l,
        "official"
            | "spokesman"
            | "spokesmen"
            | "spokeswoman"
            | "spokeswomen"
            | "spokesperson"
            | "source"
            | "aide"
            | "adviser"
            | "advisor"
            | "diplomat"
            | "analyst"
            | "expert"
            | "minister"
            | "president"
            | "leader"
            | "lawyer"
            | "attorney"
            | "police"
            | "officer"
            | "resident"
            | "witness"
            | "economist"
            | "executive"
            | "director"
            | "secretary"
            | "ministry"
            | "department"
            | "government"
            | "company"
            | "statement"
            | "report"
            | "campaign"
            | "spokespeople"
            | "researcher"
            | "scientist"
            | "doctor"
            | "chairman"
            | "chairwoman"
            | "manager"
            | "coach"
            | "member"
            | "critic"
            | "supporter"
            | "voter"
            | "people"
            | "authoritie"
            | "prosecutor"
            | "judge"
            | "agency"
            | "group"
            | "union"
            | "party"
            | "senator"
            | "governor"
            | "mayor"
            | "candidate"
            | "nominee"
            | "organizer"
            | "organiser"
            | "founder"
            | "owner"
            | "ceo"
            | "activist"
            | "negotiator"
            | "envoy"
            | "ambassador"
            | "commander"
            | "general"
            | "worker"
            | "employee"
            | "study"
    )
}

word_list!(
    /// Forms of "have", which make a perfect tense as auxiliaries do.
    is_have,
    ["had", "has", "have"]
);

word_list!(
    /// The words after "call" that make it a demand: "called for", "calls on".
    is_demand_preposition,
    ["for", "on", "upon"]
);

word_list!(
    /// The forms of "tell" that name the person told before the clause.
    is_tell_verb,
    ["told", "tells"]
);

word_list!(
    /// Words after which a speech verb's form is a noun: "the states",
    /// "its claims", "these reports".
    is_determiner,
    [
        "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "these", "those",
        "such",
    ]
);

word_list!(
    /// Words that open the name of the person told: "told the BBC".
    is_determiner_of_audience,
    ["the", "a", "an", "his", "her", "their"]
);

word_list!(
    /// The people told, in lowercase: "told reporters", "told him".
    is_audience,
    [
        "reporters", "journalists", "parliament", "lawmakers", "supporters", "colleagues",
        "investors", "analysts", "congress", "me", "us", "him", "her", "them",
    ]
);

word_list!(
    /// Words that say when something was said, between a verb and its clause: "said on Monday",
    /// "said last week".
    is_when_of_report,
    [
        "on", "last", "this", "earlier", "late", "week", "month", "year", "night", "morning",
        "afternoon", "evening",
    ]
);

word_list!(
    /// Words after a speech verb that open no reported clause: "said in his interview", "vowed
    /// to fight", "complained about".
    opens_no_clause,
    [
        "to", "about", "with", "of", "for", "in", "as", "from", "during", "at", "on", "into", "by",
        "after", "before", "while", "when", "because", "if", "since", "until", "over", "under",
        "through", "goodbye", "hello", "so", "yes", "no",
    ]
);

word_list!(
    /// Conjunctions that may join two speakers: "Experts and officials said".
    is_conjunction,
    ["and", "or"]
);

word_list!(
    /// Words that embed a phrase as a question: "what Trump says his plan would do".
    is_question_word,
    ["what", "how", "why"]
);

word_list!(
    /// Pronouns that can be a speaker.
    is_subject_pronoun,
    ["he", "she", "they", "we", "i"]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_lets_every_reporting_word_through() {
        let words = SPEECH_VERBS
            .iter()
            .chain(SPEECH_PARTICIPLES)
            .chain(CALLING_VERBS)
            .copied()
            .chain(["according", "According", "ACCORDING"]);
        for w in words {
            assert!(may_report(w.as_bytes(), Span::new(0, w.len())), "{w}");
        }
        assert!(!may_report(b"the", Span::new(0, 3)));
    }

    #[test]
    fn the_filters_let_every_listed_word_through_in_any_case() {
        let forms = |w: &str| [w.to_string(), w.to_uppercase(), capitalized(w)];
        for form in AUXILIARIES.iter().flat_map(|w| forms(w)) {
            assert!(is_auxiliary(&form), "{form}");
        }
        for form in CLAUSE_WORDS.iter().flat_map(|w| forms(w)) {
            assert!(is_clause_word(&form), "{form}");
        }
        assert!(is_auxiliary("Was") && is_clause_word("WHETHER"));
        assert!(!is_auxiliary("the") && !is_clause_word("the"));
    }

    fn capitalized(w: &str) -> String {
        w[..1].to_uppercase() + &w[1..]
    }
}
