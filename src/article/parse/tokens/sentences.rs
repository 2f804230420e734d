//! Where sentences end among a paragraph's tokens.

use super::Token;
use crate::article::parse::lexicon::marks::closes_after_stop;

/// True when a sentence ends after token `i`.
/// Inlined: asked of every token, and most are answered by their flag, so
/// only the others make a call.
#[inline(always)]
pub fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[i].may_end() && may_end_sentence(text, tokens, i)
}

/// [`ends_sentence`] for a token whose flag says it may end one.
fn may_end_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if t.word() {
        // "U.S." ends a sentence only when the next word starts one.
        let w = &text[t.span().range()];
        return w[..w.len() - 1].contains('.')
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.word() && starts_sentence(text, n));
    }
    let next_starts = || match tokens.get(i + 1) {
        None => true,
        Some(n) => starts_sentence(text, n),
    };
    if matches!(punct(text, &tokens[i]), "。" | "！" | "？") {
        return true;
    }
    if is_mark(text, &tokens[i]) {
        let continues = tokens
            .get(i + 1)
            .is_some_and(|n| is_mark(text, n) || is_closer(text, n));
        return !continues && next_starts();
    }
    is_closer(text, &tokens[i]) && i > 0 && is_mark(text, &tokens[i - 1]) && next_starts()
}

/// The text of a punctuation token; empty for a word.
#[inline]
fn punct<'t>(text: &'t str, t: &Token) -> &'t str {
    if t.word() {
        ""
    } else {
        &text[t.span().range()]
    }
}

#[inline]
fn is_mark(text: &str, t: &Token) -> bool {
    matches!(punct(text, t), "." | "!" | "?" | "…")
}

/// A mark that closes a sentence after its stop; a straight quote only
/// before a space or the end.
#[inline]
fn is_closer(text: &str, t: &Token) -> bool {
    match punct(text, t) {
        "\"" | "'" => text[t.span().end..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace),
        p => {
            let mut chars = p.chars();
            chars.next().is_some_and(closes_after_stop) && chars.next().is_none()
        }
    }
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    text[t.span().range()]
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
}

/// Token index ranges of the sentences.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    // Room for sentences of sixteen tokens, shorter than most.
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut start = 0;
    for i in 0..tokens.len() {
        if ends_sentence(text, tokens, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Span;
    use crate::article::parse::flat::Span32;

    #[test]
    fn splits_sentences() {
        let text = "He met Mr. Li in the U.S. on Monday. \"We agree,\" he said. Talks go on";
        let whole = Span32::new(Span::new(0, text.len()));
        let flat = super::super::tokenize_all(text, &[whole]);
        let toks = flat.get(0);
        let s = sentences(text, toks);
        assert_eq!(s.len(), 3);
    }
}
