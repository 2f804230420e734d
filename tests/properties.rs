//! Properties of `parse` on arbitrary input: it never panics, every span
//! lies inside the text on a character boundary, and nothing shown holds a
//! control character.

use brief::article::parse;
use proptest::prelude::*;

#[path = "support/invariants.rs"]
mod invariants;

fn check(text: &str) {
    invariants::check(&parse(text));
}

/// Text made of the pieces articles are made of, so that the parser's
/// branches are reached, not only its fast paths.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("''".to_string()),
        Just(" said ".to_string()),
        Just(" told reporters that ".to_string()),
        Just("according to ".to_string()),
        Just("By Ana Lima and Tom Berg March 3, 2025 4:12 PM".to_string()),
        Just("President Ana Ruiz".to_string()),
        Just("Ms Ruiz".to_string()),
        Just(" he ".to_string()),
        Just("GENEVA (Reuters) - ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("東京。".to_string()),
        "[a-zA-Z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn article_shaped_text(text in article_like()) {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&brief::article::decode(&bytes));
    }
}
