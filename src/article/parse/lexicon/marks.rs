//! Abbreviations that keep their closing dot, and the marks that open and
//! close quotes or trail a sentence. Each set is its own: a closing quote
//! mark, a mark that may close a sentence after its stop, and what may
//! trail the last sentence of a block differ in the straight quotes,
//! brackets and emphasis marks they take.

word_list!(
    /// Abbreviations whose dot belongs to the word, in lowercase: `Mr.`,
    /// `Sen.`, `Sept.`, `Inc.`.
    is_abbreviation,
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "jr",
        "sr",
        "prof",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "inc",
        "corp",
        "co",
        "ltd",
        "mt",
        "ft",
        "rev",
        "adm",
        "cmdr",
        "supt",
        "det",
        "insp",
    ]
);

/// Curly quotation marks and guillemets that open a quote.
pub fn opens_quote(c: char) -> bool {
    matches!(c, '“' | '«' | '„' | '「' | '『')
}

/// Curly quotation marks and guillemets that close a quote.
pub fn closes_quote(c: char) -> bool {
    matches!(c, '”' | '»' | '」' | '』')
}

/// Marks that close a sentence after its stop: `He left.”` (a straight
/// quote only where a space follows it, which the caller sees).
pub fn closes_after_stop(c: char) -> bool {
    matches!(c, '”' | '’' | ')' | '»' | '」')
}

/// Marks that may trail the last sentence of a block: closing quotes and
/// brackets, and Markdown emphasis (`*Ends.*`).
pub fn trails_sentence(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '*' | '_'
    )
}
