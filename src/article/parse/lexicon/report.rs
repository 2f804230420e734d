//! The words that bound a reported clause: what shows that a verb's
//! object is a clause, what ends the clause, and the verbs of calling and
//! describing that frame a quoted phrase. Each is asked of words as
//! written, in any case: a filter clears most words before a lowercase
//! copy is made and compared.

use super::filter::WordFilter;
use super::key::lower;

/// The test of a word, as written, for a list: its filter, then the list.
macro_rules! any_case {
    ($is:ident, $filter:ident, $list:ident, $is_listed:ident) => {
        static $filter: WordFilter = WordFilter::of($list);

        pub fn $is(w: &str) -> bool {
            $filter.may_hold_word(w.as_bytes()) && $is_listed(lower(w).as_str())
        }
    };
}

any_case!(
    takes_object,
    OBJECT_TAKER_FILTER,
    OBJECT_TAKERS,
    is_listed_object_taker
);
any_case!(
    is_clause_subject,
    CLAUSE_SUBJECT_FILTER,
    CLAUSE_SUBJECTS,
    is_listed_clause_subject
);
any_case!(is_modal, MODAL_FILTER, MODALS, is_listed_modal);
any_case!(
    opens_setting,
    SETTING_FILTER,
    SETTING_OPENERS,
    is_listed_setting_opener
);
any_case!(
    is_speech_participle,
    PARTICIPLE_FILTER,
    SPEECH_PARTICIPLES,
    is_listed_speech_participle
);
any_case!(
    joins_reports,
    JOIN_FILTER,
    REPORT_JOINS,
    is_listed_report_join
);
any_case!(
    is_subordinator,
    SUBORDINATOR_FILTER,
    SUBORDINATORS,
    is_listed_subordinator
);
any_case!(is_be, BE_FILTER, BE_FORMS, is_listed_be);
any_case!(is_answer, ANSWER_FILTER, ANSWERS, is_listed_answer);
any_case!(
    is_calling_verb,
    CALLING_FILTER,
    CALLING_VERBS,
    is_listed_calling_verb
);

word_list!(
    /// Verbs that take a noun as often as a clause (`denied the claim`,
    /// `confirmed the move`, `added 0.4 per cent`): their object is
    /// reported speech only when it reads as a clause.
    OBJECT_TAKERS,
    is_listed_object_taker,
    [
        "added",
        "adds",
        "denied",
        "denies",
        "confirmed",
        "confirms",
        "announced",
        "announces",
        "claimed",
        "admitted",
        "admits",
        "acknowledged",
        "acknowledges",
        "reported",
        "revealed",
        "reveals",
        "suggested",
        "suggests",
        "predicted",
        "predicts",
        "promised",
        "disclosed",
        "estimated",
        "noted",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "maintained",
        "maintains",
        "reiterated",
        "proclaimed",
        "protested",
        "objected",
        "declared",
        "declares",
        "explained",
        "explains",
        "wrote",
        "writes",
        "cautioned",
        "countered",
        "testified",
        "assured",
        "warned",
        "warns",
        "adding",
        "noting",
        "denying",
        "claiming",
        "citing",
        "explaining",
        "warning",
        "stressing",
        "urging",
        "acknowledging",
        "admitting",
        "suggesting",
        "asking",
        "testifying",
        "admit",
        "acknowledge",
        "predict",
        "deny",
        "confirm",
        "explain",
        "warn",
        "suggest",
        "lamented",
        "laments",
        "advised",
        "advises",
    ]
);

word_list!(
    /// Words that open a clause as its subject: `said he would`.
    CLAUSE_SUBJECTS,
    is_listed_clause_subject,
    ["he", "she", "it", "they", "we", "i", "you", "there"]
);

word_list!(
    /// Verbs that only a clause's own verb phrase holds: with an auxiliary
    /// (`is`, `could`, `has`), these show that a verb's object is a clause.
    MODALS,
    is_listed_modal,
    ["will", "would", "shall", "won't", "wouldn't", "can't", "cannot"]
);

word_list!(
    /// Prepositions that open where or how something was said, between a
    /// verb and its clause: `said in an interview he would`.
    SETTING_OPENERS,
    is_listed_setting_opener,
    ["in", "at", "during", "via"]
);

word_list!(
    /// Participles of saying that, after a comma, end the clause reported
    /// before them: `said the deal was dead, adding that ...`.
    SPEECH_PARTICIPLES,
    is_listed_speech_participle,
    [
        "saying",
        "adding",
        "arguing",
        "noting",
        "insisting",
        "denying",
        "claiming",
        "citing",
        "explaining",
        "telling",
        "warning",
        "stressing",
        "urging",
        "acknowledging",
        "admitting",
        "suggesting",
        "asking",
        "testifying",
    ]
);

word_list!(
    /// Conjunctions after which a second report may begin, ending the
    /// first: `said A, but the mayor said B`, `said A and added B`.
    REPORT_JOINS,
    is_listed_report_join,
    ["and", "but", "though", "although", "while", "whereas", "yet"]
);

word_list!(
    /// Conjunctions that open a subordinate clause: a report inside one at
    /// the head of a sentence ends at its comma (`Though the judge said A,
    /// he believed B`).
    SUBORDINATORS,
    is_listed_subordinator,
    [
        "though", "although", "while", "whereas", "because", "if", "when", "as", "since",
        "after", "before", "unless", "until", "once",
    ]
);

word_list!(
    /// Answers, which a verb of saying takes as its object (`said no to
    /// the plan`) or which open a clause (`said no decision was made`).
    ANSWERS,
    is_listed_answer,
    ["yes", "no"]
);

word_list!(
    /// The forms of "be", which before a verb make it a passive: the
    /// subject of `was told` heard, and of `was denied` did not speak.
    BE_FORMS,
    is_listed_be,
    ["is", "was", "were", "are", "be", "been", "being"]
);

word_list!(
    /// Verbs of calling and describing, which frame a quoted phrase as
    /// someone's words: `called the plan "bold"`, `described it as "..."`.
    CALLING_VERBS,
    is_listed_calling_verb,
    [
        "called",
        "calls",
        "call",
        "calling",
        "dubbed",
        "dubs",
        "labeled",
        "labelled",
        "labels",
        "branded",
        "brands",
        "termed",
        "terms",
        "described",
        "describes",
        "describing",
        "characterized",
        "characterised",
        "likened",
    ]
);

#[cfg(test)]
mod tests {
    use super::*;

    type Test = fn(&str) -> bool;

    #[test]
    fn every_listed_word_is_found_in_any_case() {
        let lists: [(&[&str], Test); 10] = [
            (OBJECT_TAKERS, takes_object),
            (CLAUSE_SUBJECTS, is_clause_subject),
            (MODALS, is_modal),
            (SETTING_OPENERS, opens_setting),
            (SPEECH_PARTICIPLES, is_speech_participle),
            (REPORT_JOINS, joins_reports),
            (SUBORDINATORS, is_subordinator),
            (BE_FORMS, is_be),
            (ANSWERS, is_answer),
            (CALLING_VERBS, is_calling_verb),
        ];
        for (list, is) in lists {
            for w in list {
                let capitalized = w[..1].to_uppercase() + &w[1..];
                for form in [w.to_string(), w.to_uppercase(), capitalized] {
                    assert!(is(&form), "{form}");
                }
            }
        }
        assert!(!joins_reports("the") && !is_calling_verb("said"));
    }
}
