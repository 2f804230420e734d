//! The article brief was designed around, where `../shared` is beside the
//! project (it is not part of a plain clone, so these tests skip without it).

use std::path::Path;

use brief::article::{QuoteKind, parse};

const SEED: &str = "../shared/seeds/000_0d1b895f4894e7d3.txt";

#[test]
fn seed_article() {
    if !Path::new(SEED).exists() {
        eprintln!("skipped: {SEED} is not here");
        return;
    }
    let a = parse(&brief::article::decode(&std::fs::read(SEED).unwrap()));
    assert_eq!(
        a.show(a.kicker.unwrap()),
        "Weapons of Mass Destruction (WMD)"
    );
    assert_eq!(
        a.show(a.title.unwrap()),
        "Obstacles Remain as US, Russia Work to Finalize Syria Cease-Fire Deal"
    );
    assert_eq!(a.published.as_deref(), Some("2016-09-04T09:01"));
    let speakers: Vec<String> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .filter_map(|q| a.speaker_name(q))
        .collect();
    assert_eq!(
        speakers,
        [
            "Barack Obama",
            "Barack Obama",
            "John Kerry",
            "John Kerry",
            "Sergei Ryabkov",
            "Sergei Ryabkov"
        ]
    );
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Barack Obama",
            "Vladimir Putin",
            "Bashar al-Assad",
            "John Kerry",
            "Sergei Lavrov",
            "Sergei Ryabkov"
        ]
    );
}
