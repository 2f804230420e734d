//! Speech found in short paragraphs written for these tests, in text
//! order.

use super::*;

fn run(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
    let paras: Vec<Span32> = {
        let mut at = 0;
        text.split("\n\n")
            .map(|p| {
                let s = Span::new(at, at + p.len());
                at += p.len() + 2;
                Span32::new(s)
            })
            .collect()
    };
    let tokens = crate::article::parse::tokens::tokenize_all(text, &paras);
    let mut found = find(text, &paras, &tokens);
    found.sort_by_key(|s| s.content().start);
    found
        .into_iter()
        .map(|s| {
            let who = match s.source {
                Source::Phrase(sp) => Some(text[sp.get().range()].to_string()),
                Source::Previous => Some("<previous>".into()),
                Source::Unknown => None,
            };
            (s.kind, text[s.content().range()].to_string(), who)
        })
        .collect()
}

use QuoteKind::{Direct, Indirect};

#[test]
fn quote_then_attribution() {
    let got = run(r#""We have grave differences with them," Obama told reporters Sunday."#);
    assert_eq!(
        got,
        vec![(
            Direct,
            "We have grave differences with them".into(),
            Some("Obama".into())
        )]
    );
    let got = run(r#""It is difficult to see a way forward," said Obama."#);
    assert_eq!(got[0].2.as_deref(), Some("Obama"));
}

#[test]
fn split_quote_keeps_its_speaker() {
    let got = run(r#""The work goes on," Ryabkov said. "We cannot say more.""#);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].2.as_deref(), Some("Ryabkov"));
    assert_eq!(got[1].2.as_deref(), Some("<previous>"));
}

#[test]
fn attribution_before_the_quote() {
    let got = run("Mr Blair said: “We will not back down on this.”");
    assert_eq!(
        got,
        vec![(
            Direct,
            "We will not back down on this.".into(),
            Some("Mr Blair".into())
        )]
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(
        run(r#"The plan was called "desperate" by some and the "Big Deal" by others."#).is_empty()
    );
}

#[test]
fn reported_speech() {
    let got = run("A State Department official said Russia walked back on some of the areas.");
    assert_eq!(
        got,
        vec![(
            Indirect,
            "Russia walked back on some of the areas".into(),
            Some("A State Department official".into())
        )]
    );
    let got = run(
        "Russian President Putin is quoted as saying the conflict can only be resolved politically.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Russian President Putin"));
    let got = run("The talks had stalled, the minister said.");
    assert_eq!(
        got,
        vec![(
            Indirect,
            "The talks had stalled".into(),
            Some("the minister".into())
        )]
    );
    let got = run("According to the police, the crowd was peaceful all day.");
    assert_eq!(got[0].1, "the crowd was peaceful all day");
    let got = run("Kerry told reporters on Monday that the gap could be bridged.");
    assert_eq!(got[0].1, "the gap could be bridged");
}

#[test]
fn multi_paragraph_quote() {
    let got = run(
        "“We will go on and on until the job is done,” she said. “And then more.\n\n“It will not be easy for anyone.”",
    );
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].2.as_deref(), Some("<previous>"));
}

/// The reported clauses of `text`, each with its source phrase.
fn reports(text: &str) -> Vec<(String, Option<String>)> {
    run(text)
        .into_iter()
        .filter(|q| q.0 == Indirect)
        .map(|q| (q.1, q.2))
        .collect()
}

fn report(words: &str, who: &str) -> (String, Option<String>) {
    (words.into(), Some(who.into()))
}

#[test]
fn any_noun_phrase_can_report() {
    assert_eq!(
        reports("His father said he worked with builders abroad."),
        vec![report("he worked with builders abroad", "His father")]
    );
    assert_eq!(
        reports("Protesters say there is confusion on both sides."),
        vec![report("there is confusion on both sides", "Protesters")]
    );
}

#[test]
fn a_short_quote_said_after_is_a_quote() {
    let text = "Talks\n\n\"Taxes must fall,\" said Vince Cable.\n";
    let a = crate::article::parse(text);
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(a.show(a.quotes[0].content), "Taxes must fall");
}

#[test]
fn only_a_verb_of_saying_in_progress_reports() {
    assert!(reports("The two sides are working on a deal that would allow more aid.").is_empty());
    assert_eq!(
        reports("The mayor is telling residents that the bridge will reopen."),
        vec![report("the bridge will reopen", "The mayor")]
    );
}

#[test]
fn a_verb_that_takes_a_noun_reports_only_a_clause() {
    assert!(reports("The minister denied the story about the fund.").is_empty());
    assert!(reports("The index added 0.4 per cent to 5,865 points.").is_empty());
    assert!(reports("Several schools warned parents to expect late buses.").is_empty());
    assert_eq!(
        reports("The minister denied the fund was empty."),
        vec![report("the fund was empty", "The minister")]
    );
}

#[test]
fn a_report_ends_where_the_next_begins() {
    assert_eq!(
        reports("The mayor said the bridge would reopen in May, adding that repairs were on time."),
        vec![
            report("the bridge would reopen in May", "The mayor"),
            report("repairs were on time", "The mayor"),
        ]
    );
    assert_eq!(
        reports("The mayor said the bridge was safe and added that it would reopen soon."),
        vec![
            report("the bridge was safe", "The mayor"),
            report("it would reopen soon", "The mayor"),
        ]
    );
    assert_eq!(
        reports("The mayor said the bridge was safe but warned that repairs could take years."),
        vec![
            report("the bridge was safe", "The mayor"),
            report("repairs could take years", "The mayor"),
        ]
    );
    assert_eq!(
        reports(
            "The firm said it had signed deals with every town, but the councils say those deals do not apply."
        ),
        vec![
            report("it had signed deals with every town", "The firm"),
            report("those deals do not apply", "the councils"),
        ]
    );
}

#[test]
fn a_report_in_a_subordinate_clause_ends_at_its_comma() {
    assert_eq!(
        reports("Though the judge said the law was clear, he believed the case would go on."),
        vec![report("the law was clear", "the judge")]
    );
}

#[test]
fn an_infinitive_of_saying_reports_nothing() {
    assert!(reports("He declined to say whether he would run again next year.").is_empty());
}

#[test]
fn an_attribution_inside_a_sentence_reports_both_sides() {
    assert_eq!(
        reports("The pills have few uses, she says, and are meant only for short courses."),
        vec![
            report("The pills have few uses", "she"),
            report("and are meant only for short courses", "she"),
        ]
    );
}

#[test]
fn a_clause_after_said_is_no_speaker() {
    assert_eq!(
        reports("Mira Holt, the board's chair, said she understands the anger."),
        vec![report("she understands the anger", "Mira Holt")]
    );
}

#[test]
fn where_it_was_said_stands_between_verb_and_clause() {
    assert_eq!(
        reports("Kim said in his New Year speech he was ready to meet again."),
        vec![report("he was ready to meet again", "Kim")]
    );
}

use QuoteKind::Mixed;

#[test]
fn quoted_words_in_a_report_make_one_mixed_quote() {
    assert_eq!(
        run(r#"The minister said the plan was "dead on arrival" and would be withdrawn."#),
        vec![(
            Mixed,
            r#"the plan was "dead on arrival" and would be withdrawn"#.into(),
            Some("The minister".into())
        )]
    );
    assert_eq!(
        run(r#"A clerk who "takes a few notes" is punished at once, Ms Lane said."#),
        vec![(
            Mixed,
            r#"A clerk who "takes a few notes" is punished at once"#.into(),
            Some("Ms Lane".into())
        )]
    );
}

#[test]
fn a_report_that_is_all_quoted_words_is_a_direct_quote() {
    let direct = |words: &str, who: &str| vec![(Direct, words.into(), Some(who.into()))];
    assert_eq!(
        run(r#"He said that "we will not give up on this fight at all.""#),
        direct("we will not give up on this fight at all.", "He")
    );
    assert_eq!(
        run(
            r#"Wang said that "blaming others will not fix the problems," alluding to the dispute."#
        ),
        direct("blaming others will not fix the problems", "Wang")
    );
    assert_eq!(
        run(
            r#"Adjei said he had "dreamed of this night since I was a kid kicking a ball against the wall.""#
        ),
        direct(
            "dreamed of this night since I was a kid kicking a ball against the wall.",
            "Adjei"
        )
    );
}

#[test]
fn the_attribution_after_a_quote_is_found_past_its_appositives() {
    let got =
        run(r#""I know no maker that earns money here," the lanky, bespectacled professor said."#);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, Direct);
    assert_eq!(
        got[0].2.as_deref(),
        Some("the lanky, bespectacled professor")
    );
    let got = run(
        r#""We object to this rule in every part," Ana Ruiz, the attorney general of one of the states suing the agency, said."#,
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_verb_of_calling_frames_its_quoted_words_as_a_mixed_quote() {
    assert_eq!(
        run(r#"The minister called the plan "a disgrace to the city" on Monday."#),
        vec![(
            Mixed,
            r#"the plan "a disgrace to the city" on Monday"#.into(),
            Some("The minister".into())
        )]
    );
    assert_eq!(
        run(r#"Ms Lane described the scene as "chaos from start to finish.""#),
        vec![(
            Mixed,
            r#"the scene as "chaos from start to finish.""#.into(),
            Some("Ms Lane".into())
        )]
    );
    assert_eq!(
        run(r#"It was what he called "the longest day of my whole life.""#),
        vec![(
            Direct,
            "the longest day of my whole life.".into(),
            Some("he".into())
        )]
    );
}

#[test]
fn a_name_given_by_no_one_is_no_quote() {
    assert!(
        run(r#"The farm runs a program called "Club Moo" for schools in the area."#).is_empty()
    );
    assert!(run(r#"The plan was dubbed "Project Fear" by the papers that week."#).is_empty());
}

#[test]
fn a_short_quoted_phrase_in_a_sentence_is_no_quote() {
    assert!(
        run(r#"Officials expect "renovictions" to rise in many of the big cities."#).is_empty()
    );
    assert!(run(r#"The debt includes "previously approved" loans for the new arena."#).is_empty());
    assert!(run(r#"Ruiz spoke on CBS' "Face the Nation." Nothing more was said."#).is_empty());
    let got = run(r#"The report predicts "renovictions" will rise across the city next year."#);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, Mixed);
}

#[test]
fn a_direct_quote_and_a_report_share_a_sentence() {
    assert_eq!(
        run(r#""We are done here," he said, adding that the talks were over."#),
        vec![
            (Direct, "We are done here".into(), Some("he".into())),
            (Indirect, "the talks were over".into(), Some("he".into())),
        ]
    );
    assert_eq!(
        run(
            r#"She said fathers would not qualify, and when pressed, the mother of three replied, "It is meant for the mothers who gave birth.""#
        ),
        vec![
            (
                Indirect,
                "fathers would not qualify".into(),
                Some("She".into())
            ),
            (
                Direct,
                "It is meant for the mothers who gave birth.".into(),
                Some("the mother of three".into())
            ),
        ]
    );
}

#[test]
fn a_comma_inside_the_closing_mark_ends_the_words_before_an_attribution() {
    assert_eq!(
        run(r#"Her time there has been "hard and good at once," she said."#),
        vec![(
            Mixed,
            r#"Her time there has been "hard and good at once,""#.into(),
            Some("she".into())
        )]
    );
    assert_eq!(
        reports(
            r#"Vickers said he was "far from a decision," noting that he had served for years."#
        ),
        vec![report("he had served for years", "Vickers")]
    );
}

#[test]
fn a_quote_after_an_abbreviation_stands_alone() {
    assert_eq!(
        run(r#"Sales were best in the U.S. "Forget about the rest of them," Ellison said."#),
        vec![(
            Direct,
            "Forget about the rest of them".into(),
            Some("Ellison".into())
        )]
    );
}

#[test]
fn who_spoke_a_quote_after_a_participle_or_an_inverted_verb() {
    let got =
        run(r#"Gibson noted the slope of the road, testifying "it was anything but flat ground.""#);
    assert_eq!(got.last().and_then(|q| q.2.as_deref()), Some("Gibson"));
    let got = run(
        r#"Rather than the old layout, in which members face each other, asks editor Jane Doe, "has anyone considered a new design for it?""#,
    );
    assert_eq!(got[0].2.as_deref(), Some("editor Jane Doe"));
}

#[test]
fn plain_forms_of_verbs_of_saying_report() {
    assert_eq!(
        reports("Critics argue the plan is far too costly for the town."),
        vec![report("the plan is far too costly for the town", "Critics")]
    );
    assert_eq!(
        reports("Officials explain they will have to gut the place first."),
        vec![report("they will have to gut the place first", "Officials")]
    );
}

#[test]
fn the_subject_of_a_passive_or_of_an_object_reports_nothing() {
    assert!(reports("He was told the plan had been dropped for good.").is_empty());
    assert!(reports("Others have been denied the service because they were ill.").is_empty());
    assert!(reports("The state could deny them permits until the work was done.").is_empty());
}

#[test]
fn scratch_try() {
    if let Ok(t) = std::env::var("TRY") {
        for q in run(&t) {
            eprintln!("{q:?}");
        }
    }
}
