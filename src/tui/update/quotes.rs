//! What is done with a quote: copied for citation (`y`), starred (`s`),
//! exported with the rest of a person's or the starred ones (`E`); and an
//! article marked read or unread (`u`). They act on the current quote only
//! (a person's quote jumped to), never on one guessed from the screen.

use crate::article::QuoteKind;
use crate::cite;
use crate::tui::app::{App, Matches};

use super::Effect;

/// The quote `y` and `s` act on: the current match's (a person's quote
/// jumped to), never one guessed from the screen.
fn current_quote(app: &mut App, doing: &str) -> Option<(usize, usize)> {
    let found = app.current.zip(app.marked_quote());
    if found.is_none() {
        app.message = Some(format!(
            "no current quote to {doing}: pick a person (p, enter), then a quote (n)"
        ));
    }
    found
}

/// The quote as it is cited: a direct quote in quotation marks, reported
/// speech as a paraphrase without them, a mixed quote as a paraphrase
/// keeping the quotation marks of its quoted words.
pub(super) fn copy(app: &mut App) -> Option<Effect> {
    let (index, q) = current_quote(app, "copy")?;
    let article = app.article(index)?;
    let quote = article.quotes.get(q)?;
    let speaker = crate::article::text::sanitize(
        &article
            .speaker_name(quote)
            .unwrap_or_else(|| "unattributed".to_owned()),
    );
    let title = app.title(index);
    let words = article.show(quote.content);
    let text = match quote.kind {
        QuoteKind::Direct => format!("“{words}” — {speaker}, {title}"),
        QuoteKind::Indirect => format!("{speaker} said that {words} (paraphrase) — {title}"),
        QuoteKind::Mixed => format!("{speaker}, partly quoted: {words} (paraphrase) — {title}"),
    };
    app.message = Some(match quote.kind {
        QuoteKind::Direct => format!("copied a quote by {speaker}"),
        QuoteKind::Indirect => format!("copied a paraphrase of {speaker}"),
        QuoteKind::Mixed => format!("copied a partly quoted paraphrase of {speaker}"),
    });
    Some(Effect::Copy(text))
}

/// The current person's quotes, else the starred ones, as Markdown for a
/// file.
pub(super) fn export(app: &mut App) -> Option<Effect> {
    let cited = |index: usize, q: usize| cite::Cited::of(app.documents.get(index)?, q);
    let (stem, speakers) = match &app.matches {
        Matches::Quotes { who, refs, .. } => {
            let quotes: Vec<cite::Cited> = refs
                .iter()
                .filter_map(|r| cited(r.article(), r.quote()))
                .collect();
            let role = quotes.first().and_then(|c| {
                let person = c.article.people.get(c.quote.speaker?)?;
                person.role.clone()
            });
            let speaker = cite::Speaker {
                name: Some(who.clone()),
                role,
                quotes,
            };
            (who.clone(), vec![speaker])
        }
        _ => ("starred".to_owned(), starred(app, cited)),
    };
    if speakers.iter().all(|s| s.quotes.is_empty()) {
        app.message =
            Some("nothing to export: pick a person (p, enter) or star quotes (s)".to_owned());
        return None;
    }
    let text = cite::markdown(&speakers);
    Some(Effect::Export { stem, text })
}

/// Every starred quote of the briefing, by speaker in the order first met.
fn starred<'a>(
    app: &'a App,
    cited: impl Fn(usize, usize) -> Option<cite::Cited<'a>>,
) -> Vec<cite::Speaker<'a>> {
    let mut speakers: Vec<cite::Speaker> = Vec::new();
    for &index in &app.articles.all {
        let (Some(document), Some(&key)) = (app.documents.get(index), app.keys.get(index)) else {
            continue;
        };
        let stars = app.state.of(key).starred;
        for (q, quote) in document.article.quotes.iter().enumerate() {
            if !stars.contains(&quote.content.start) {
                continue;
            }
            let Some(cited) = cited(index, q) else {
                continue;
            };
            let name = document.article.speaker_name(quote);
            match speakers.iter_mut().find(|s| s.name == name) {
                Some(speaker) => speaker.quotes.push(cited),
                None => speakers.push(cite::Speaker {
                    role: quote
                        .speaker
                        .and_then(|p| document.article.people.get(p))
                        .and_then(|p| p.role.clone()),
                    name,
                    quotes: vec![cited],
                }),
            }
        }
    }
    speakers
}

/// Says where an export went, or why it could not be written.
pub fn exported(app: &mut App, result: std::io::Result<std::path::PathBuf>) {
    app.message = Some(match result {
        Ok(path) => format!(
            "exported to {}",
            crate::article::text::sanitize(&path.display().to_string())
        ),
        Err(e) => format!("the export could not be written: {e}"),
    });
}

/// Stars the current quote, or unstars it.
pub(super) fn star(app: &mut App) {
    let Some((index, q)) = current_quote(app, "star") else {
        return;
    };
    let (Some(&key), Some(quote)) = (
        app.keys.get(index),
        app.article(index).and_then(|a| a.quotes.get(q)),
    ) else {
        return;
    };
    let at = quote.content.start;
    let mut starred = false;
    app.state.change(key, |saved| {
        match saved.starred.iter().position(|&s| s == at) {
            Some(i) => {
                saved.starred.remove(i);
            }
            None => {
                saved.starred.push(at);
                saved.starred.sort_unstable();
                starred = true;
            }
        }
    });
    app.state_changed = true;
    app.message = Some(if starred { "starred" } else { "unstarred" }.to_owned());
}

/// Marks the article under the articles cursor (else the one in the
/// reader) read or unread.
pub(super) fn toggle_read(app: &mut App) {
    let Some(index) = app.articles.cursor.or(app.current) else {
        return;
    };
    let read = !app.articles.read.get(index).copied().unwrap_or(false);
    app.articles.mark_read(index, read);
    if let Some(&key) = app.keys.get(index) {
        app.state.change(key, |saved| saved.read = read);
        app.state_changed = true;
    }
    app.message = Some(if read { "marked read" } else { "marked unread" }.to_owned());
}
