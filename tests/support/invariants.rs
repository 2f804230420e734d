//! What must hold for any article `parse` returns, whatever the input: every
//! span inside the text on character boundaries, every index valid, nothing
//! shown holding a control character, shown text holding nothing that
//! `sanitize` would still replace. Shared by `tests/properties.rs`,
//! `tests/fuzz_regressions.rs` and the fuzz targets in `fuzz/` (which
//! include this file by path).

use brief::article::text::sanitize;
use brief::article::{Article, Span};

/// Panics, naming the broken invariant, unless `a` is well formed.
pub fn check(a: &Article) {
    for s in a
        .kicker
        .iter()
        .chain(&a.title)
        .chain(&a.dateline)
        .chain(&a.authors)
        .chain(a.sections.iter().filter_map(|s| s.heading.as_ref()))
    {
        span(a, *s);
        safe(&a.show(*s));
    }
    let paragraphs = a.paragraphs().count();
    for p in a.paragraphs() {
        span(a, p);
        safe(&a.show(p));
    }
    for q in &a.quotes {
        span(a, q.content);
        safe(&a.show(q.content));
        if let Some(m) = q.mention {
            span(a, m);
            safe(&a.show(m));
        }
        assert!(
            q.speaker.is_none_or(|id| id < a.people.len()),
            "quote speaker {:?} of {} people",
            q.speaker,
            a.people.len()
        );
        assert!(
            q.paragraph < paragraphs,
            "quote in paragraph {} of {paragraphs}",
            q.paragraph
        );
        if let Some(name) = a.speaker_name(q) {
            no_controls(&name);
        }
    }
    for p in &a.people {
        no_controls(&p.name);
        p.role.iter().chain(&p.aliases).for_each(|s| no_controls(s));
        p.mentions.iter().for_each(|m| span(a, *m));
    }
    if let Some(date) = &a.published {
        no_controls(date);
    }
}

fn span(a: &Article, s: Span) {
    assert!(
        s.start <= s.end && s.end <= a.text.len(),
        "{s:?} outside the text of {} bytes",
        a.text.len()
    );
    assert!(
        a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end),
        "{s:?} not on char boundaries"
    );
}

fn no_controls(shown: &str) {
    assert!(
        !shown.chars().any(char::is_control),
        "control character in {shown:?}"
    );
}

/// Text as shown: no control, and no invisible character but the joiners
/// and variation selectors kept where they join or select.
fn safe(shown: &str) {
    no_controls(shown);
    assert_eq!(sanitize(shown), shown, "invisible character in {shown:?}");
}
