//! The lexicon behind name finding: given names, honorifics, job titles,
//! places, organisation words, months, pronouns.
//!
//! Given names come from the US Census name files (public domain) and a
//! list of names common elsewhere; the rest is written here. Everything is
//! looked up by lowercase word in one immutable table built on first use.

use std::sync::LazyLock;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

use crate::swar;

/// What a word can be; a word may be several things at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Class(u16);

impl Class {
    pub const MALE: Class = Class(1);
    pub const FEMALE: Class = Class(1 << 1);
    pub const ROLE: Class = Class(1 << 2);
    pub const HONORIFIC: Class = Class(1 << 3);
    pub const PARTICLE: Class = Class(1 << 4);
    pub const TIME: Class = Class(1 << 5);
    pub const PLACE: Class = Class(1 << 6);
    pub const ORG: Class = Class(1 << 7);
    pub const DEMONYM: Class = Class(1 << 8);
    pub const STOP: Class = Class(1 << 9);

    pub const fn has(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn is_given(self) -> bool {
        self.has(Class(Self::MALE.0 | Self::FEMALE.0))
    }

    /// A word that ends the names in a byline: places may be surnames
    /// there (`Ana Lima`), so only titles, dates, organisations and function
    /// words count.
    pub const fn is_not_byline_name(self) -> bool {
        self.has(Class(
            Self::ROLE.0 | Self::TIME.0 | Self::ORG.0 | Self::STOP.0,
        ))
    }

    /// A word that cannot be part of a person's name.
    pub const fn is_not_name(self) -> bool {
        self.has(Class(
            Self::ROLE.0
                | Self::TIME.0
                | Self::PLACE.0
                | Self::ORG.0
                | Self::DEMONYM.0
                | Self::STOP.0,
        ))
    }
}

const ROLES: &str = "president presidents vice minister ministers secretary senator sen sen. \
    representative rep rep. congressman congresswoman governor gov gov. mayor chancellor premier \
    king queen prince princess emperor judge justice chief executive director chairman \
    chairwoman chair ceo cfo spokesman spokeswoman spokesperson ambassador envoy general gen \
    gen. lt lt. col col. colonel captain capt capt. sgt sgt. sergeant admiral commander deputy \
    foreign prime defense defence interior finance treasury attorney prosecutor officer leader \
    candidate nominee professor prof prof. doctor coach manager analyst economist head founder \
    pope bishop cardinal rabbi imam sheikh councillor councilman councilwoman commissioner \
    inspector detective superintendent sheriff counsel lawyer minority majority whip speaker \
    house state health education energy trade economy justice labour labor home affairs \
    security homeland national assistant associate senior junior former acting interim \
    democratic republican democrat republican gop conservative liberal labour tory party \
    presidential frontrunner front-runner hopeful challenger incumbent officials official \
    editor correspondent reporter writer columnist contributor staff author analyst \
    striker midfielder defender goalkeeper forward player players winger boss owner \
    diplomatic political economics business science sports technology environment legal \
    bureau";

const HONORIFICS: &str = "mr mr. mrs mrs. ms ms. miss dr dr. mx mx. sir dame lord lady madam \
    monsieur madame herr frau señor senor";

const PARTICLES: &str = "de da di del della van von der den al el al- bin ibn la le du dos das \
    ter ten st st. bint abu";

const TIME: &str = "january february march april may june july august september october \
    november december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. \
    sept sept. oct oct. nov nov. dec dec. monday tuesday wednesday thursday friday saturday \
    sunday today yesterday tomorrow christmas easter ramadan";

const PLACES: &str = "afghanistan albania algeria andorra angola argentina armenia australia \
    austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan \
    bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada \
    chad chile china colombia comoros congo croatia cuba cyprus czech czechia denmark djibouti \
    dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia \
    georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland \
    india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya \
    kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya \
    liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta \
    mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco \
    mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria \
    norway oman pakistan palau palestine panama paraguay peru philippines poland portugal \
    qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia \
    somalia spain sri sudan suriname sweden switzerland syria taiwan tajikistan tanzania \
    thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine uruguay \
    uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe britain england \
    scotland wales europe asia africa america americas antarctica arctic atlantic pacific \
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii \
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts \
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon \
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming carolina \
    dakota hampshire jersey mexico london paris berlin moscow beijing tokyo washington \
    brussels geneva vienna rome madrid lisbon dublin edinburgh cardiff belfast manchester \
    liverpool birmingham glasgow leeds new york boston chicago houston dallas miami atlanta \
    seattle denver detroit philadelphia baltimore phoenix angeles francisco diego las vegas \
    hangzhou shanghai hong kong delhi mumbai karachi lahore islamabad kabul baghdad tehran \
    damascus aleppo beirut jerusalem gaza cairo riyadh dubai doha ankara istanbul athens \
    warsaw prague budapest kyiv kiev minsk oslo stockholm helsinki copenhagen amsterdam \
    zurich milan seoul pyongyang taipei manila jakarta bangkok hanoi sydney melbourne \
    toronto ottawa montreal vancouver havana caracas bogota lima santiago brasilia rio \
    nairobi lagos johannesburg pretoria kremlin westminster downing whitehall pentagon \
    capitol hollywood wall silicon valley sahara mediterranean middle east west north south \
    syrian-russian";

const ORGS: &str = "department ministry university college school party council committee \
    commission agency bank house senate congress parliament court news times post journal \
    company corp corp. inc inc. ltd ltd. plc llc group association union federation institute \
    foundation center centre office service services government administration army navy \
    force forces police republic kingdom states united nations city county province street \
    avenue road river mountain island islands airport station hospital church museum club fc \
    league cup games olympics summit conference festival award prize reuters ap afp bbc cnn \
    nbc cbs abc fox msnbc npr nato un eu fbi cia nsa who imf opec g-20 g20 g-7 g7 labor \
    exchange market markets index fund trust network channel radio tv television magazine \
    press review daily weekly tribune herald gazette guardian telegraph observer economist \
    international global world royal federal central national democrats republicans tories \
    islamist islamic campaign inc white assembly";

const DEMONYMS: &str = "american british english french german russian chinese japanese \
    syrian iranian iraqi israeli palestinian turkish egyptian saudi indian pakistani afghan \
    ukrainian polish italian spanish portuguese dutch belgian swiss austrian swedish \
    norwegian danish finnish greek irish scottish welsh canadian mexican brazilian argentine \
    australian korean african european asian arab kurdish lebanese jordanian libyan \
    nigerian kenyan ethiopian somali sudanese venezuelan cuban colombian chilean peruvian \
    vietnamese thai filipino indonesian malaysian u.s. us u.k. uk u.n. e.u. western eastern \
    northern southern soviet muslim christian jewish catholic protestant sunni shia shiite";

/// Capitalized at the start of a sentence or heading, never a name.
const STOPS: &str = "the a an and but or if in on at of for to from with by as after before \
    while when where why how what who whom which this that these those there here it its he \
    she they we i you his her their our my your him them us me not no yes so then than also \
    both all any each every some many most more much other such only just even still yet \
    however meanwhile although though because since until during under over about into \
    between among against without within across through despite instead according asked \
    said says told added mr mrs ms dr one two three four five six seven eight nine ten \
    first second third last next new old big top up down out off now today tonight \
    watch read listen video photo image share sign subscribe follow click home more latest \
    breaking live update updated published posted advertisement comments like";

const PRONOUNS_MALE: &[&str] = &["he", "him", "his"];
const PRONOUNS_FEMALE: &[&str] = &["she", "her"];

/// A word of up to 14 bytes and its length as one number, so that a lookup
/// hashes and compares a register rather than a string elsewhere in memory,
/// lowercased on the way (ASCII letters only: other words come lowercased).
/// `None` for longer words: no list has them.
#[inline]
pub fn key(word: &[u8]) -> Option<u128> {
    let len = word.len();
    if len > MAX_WORD {
        return None;
    }
    let (lo, hi) = word.split_at(len.min(8));
    let packed = u128::from(lower_ascii(swar::load_short(lo)))
        | u128::from(lower_ascii(swar::load_short(hi))) << 64;
    // The length keeps a word holding NUL apart from a shorter word.
    Some(packed | (len as u128) << (8 * MAX_WORD))
}

/// The longest word the lists hold, in bytes.
const MAX_WORD: usize = 14;

/// Eight bytes with `A`..`Z` lowercased; every other byte as it was.
#[inline]
fn lower_ascii(w: u64) -> u64 {
    // 0x80 shifted to 0x20: the case bit.
    w | swar::between(w, b'A', b'Z') >> 2
}

/// Words and their classes, each entry sixteen bytes: the word's key with
/// the classes in the bits above it. A map from keys to classes takes twice
/// the room, and the lexicon is asked about every capitalized word while
/// the article streams through the cache.
#[derive(Clone, Default)]
struct Table(HashTable<u128>);

/// Where an entry's classes start: above the word's bytes and its length.
const CLASS_SHIFT: u32 = 8 * MAX_WORD as u32 + 4;
const KEY_BITS: u128 = (1 << CLASS_SHIFT) - 1;
// The classes fit above the key: STOP is the highest class bit.
const _: () =
    assert!((Class::STOP.0 as u128) << CLASS_SHIFT >> CLASS_SHIFT == Class::STOP.0 as u128);

impl Table {
    fn hash(key: u128) -> u64 {
        FxBuildHasher.hash_one(key)
    }

    fn add(&mut self, key: u128, class: Class) {
        let bits = u128::from(class.0) << CLASS_SHIFT;
        match self.0.find_mut(Self::hash(key), |e| e & KEY_BITS == key) {
            Some(entry) => *entry |= bits,
            None => {
                self.0
                    .insert_unique(Self::hash(key), key | bits, |e| Self::hash(e & KEY_BITS));
            }
        }
    }

    fn get(&self, key: u128) -> Class {
        self.0
            .find(Self::hash(key), |e| e & KEY_BITS == key)
            .map_or(Class::default(), |e| Class((e >> CLASS_SHIFT) as u16))
    }

    /// Keeps the words with any of `classes`.
    fn keep(&mut self, classes: Class) {
        self.0
            .retain(|e| Class((*e >> CLASS_SHIFT) as u16).has(classes));
    }
}

/// The written lists: titles, places, organisations, stop words and the like.
fn common_table() -> Table {
    let mut map = Table::default();
    let mut add = |words: &'static str, class: Class| {
        for w in words.split_whitespace() {
            map.add(key(w.as_bytes()).expect("list words are short"), class);
        }
    };
    add(ROLES, Class::ROLE);
    add(HONORIFICS, Class::HONORIFIC);
    add(PARTICLES, Class::PARTICLE);
    add(TIME, Class::TIME);
    add(PLACES, Class::PLACE);
    add(ORGS, Class::ORG);
    add(DEMONYMS, Class::DEMONYM);
    add(STOPS, Class::STOP);
    map
}

/// The written lists and the given names.
fn table() -> Table {
    let mut map = COMMON.clone();
    let mut add = |w: &'static str, class: Class| {
        map.add(key(w.as_bytes()).expect("given names are short"), class);
    };
    let names = |data: &'static str| {
        data.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
    };
    for w in names(include_str!("../../../data/given-names-male.txt")) {
        add(w, Class::MALE);
    }
    for w in names(include_str!("../../../data/given-names-female.txt")) {
        add(w, Class::FEMALE);
    }
    for line in names(include_str!("../../../data/given-names-world.txt")) {
        if let Some((sex, w)) = line.split_once(' ') {
            add(
                w,
                if sex == "f" {
                    Class::FEMALE
                } else {
                    Class::MALE
                },
            );
        }
    }
    map
}

// Looked up for every capitalized word: Fx hashing, not SipHash, since the
// keys are fixed words, not attacker-chosen ones.
static LEXICON: LazyLock<Table> = LazyLock::new(table);
// The given names make the lexicon too big to stay in cache; most lowercase
// words are only asked whether they are titles, particles or stop words.
static COMMON: LazyLock<Table> = LazyLock::new(common_table);
// Titles and name particles alone: a table small enough for the first-level
// cache, asked of every lowercase word next to a name.
static TITLES: LazyLock<Table> = LazyLock::new(|| {
    let mut table = COMMON.clone();
    table.keep(Class(Class::ROLE.0 | Class::PARTICLE.0));
    table
});

/// The classes of a word, looked up case-insensitively; possessive `'s`
/// ignored.
pub fn class(word: &str) -> Class {
    lookup(&LEXICON, word)
}

/// [`class`] without the given-name classes, from a much smaller table:
/// for the many words asked only whether they are titles, particles, times
/// or stop words.
pub fn common_class(word: &str) -> Class {
    lookup(&COMMON, word)
}

/// [`common_class`] of a word that is a title or a name particle; nothing
/// for any other word.
pub fn title_class(word: &str) -> Class {
    let w = strip_possessive(word).as_bytes();
    // Non-ASCII words are lowercased beyond ASCII for the table, which the
    // filter does not know.
    if w.is_ascii() && !TITLE_FILTER.may_hold_word(w) {
        return Class::default();
    }
    lookup(&TITLES, word)
}

/// Words known by their first byte, last byte and length (ASCII letters
/// in either case), as 4,096 bits, one for each such triple a listed word
/// has. Most words asked about a list are not in it, and a clear bit says
/// so before the list is compared.
pub struct WordFilter([u64; 64]);

impl WordFilter {
    const fn bit(first: u8, last: u8, len: usize) -> usize {
        // The case bit set on every byte: a capital falls on its small
        // letter, and a byte that is no letter may share a bit with another,
        // which only lets a word more through.
        let first = (first | 0x20) as u32;
        let last = (last | 0x20) as u32;
        let len = (len & 0xff) as u32;
        // The top twelve bits of a multiplicative hash: one of 4,096.
        ((first << 16 | last << 8 | len).wrapping_mul(0x9e37_79b1) >> 20) as usize
    }

    const fn with(mut self, first: u8, last: u8, len: usize) -> WordFilter {
        let bit = WordFilter::bit(first, last, len);
        self.0[bit / 64] |= 1 << (bit % 64);
        self
    }

    /// This filter with `word` in it too.
    pub const fn with_word(self, word: &str) -> WordFilter {
        match word.as_bytes() {
            [] => self,
            w => self.with(w[0], w[w.len() - 1], w.len()),
        }
    }

    /// The filter of `words`.
    pub const fn of(words: &[&str]) -> WordFilter {
        let mut filter = WordFilter([0; 64]);
        let mut i = 0;
        while i < words.len() {
            filter = filter.with_word(words[i]);
            i += 1;
        }
        filter
    }

    /// The filter of the words of `lists`, each a string of words
    /// separated by whitespace.
    pub const fn of_lists(lists: &[&str]) -> WordFilter {
        let mut filter = WordFilter([0; 64]);
        let mut l = 0;
        while l < lists.len() {
            let list = lists[l].as_bytes();
            let mut i = 0;
            while i < list.len() {
                while i < list.len() && list[i].is_ascii_whitespace() {
                    i += 1;
                }
                let start = i;
                while i < list.len() && !list[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i > start {
                    filter = filter.with(list[start], list[i - 1], i - start);
                }
            }
            l += 1;
        }
        filter
    }

    /// False for a word (first byte, last byte, length) surely not listed.
    pub fn may_hold(&self, first: u8, last: u8, len: usize) -> bool {
        let bit = WordFilter::bit(first, last, len);
        self.0[bit / 64] >> (bit % 64) & 1 == 1
    }

    /// [`WordFilter::may_hold`] of a word's bytes; false for no bytes.
    pub fn may_hold_word(&self, w: &[u8]) -> bool {
        match w {
            [] => false,
            [first, .., last] => self.may_hold(*first, *last, w.len()),
            [only] => self.may_hold(*only, *only, 1),
        }
    }
}

/// The titles and particles ([`ROLES`], [`PARTICLES`]): nearly every
/// lowercase word asked about is neither.
static TITLE_FILTER: WordFilter = WordFilter::of_lists(&[ROLES, PARTICLES]);

fn lookup(table: &Table, word: &str) -> Class {
    let word = strip_possessive(word);
    let key = if word.is_ascii() {
        key(word.as_bytes())
    } else {
        key(word.to_lowercase().as_bytes())
    };
    key.map_or(Class::default(), |k| table.get(k))
}

#[inline]
pub fn strip_possessive(word: &str) -> &str {
    // Most words end in neither `s` nor an apostrophe (`’` ends in 0x99).
    if !matches!(word.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return word;
    }
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

pub fn is_role_word(word: &str) -> bool {
    title_class(word).has(Class::ROLE)
}

pub fn is_particle(word: &str) -> bool {
    title_class(word).has(Class::PARTICLE)
}

/// The grammatical gender of a personal pronoun, if it is one.
pub fn pronoun(word: &str) -> Option<Class> {
    let lower = super::tokens::Lower::new(word);
    let w = lower.as_str();
    if PRONOUNS_MALE.contains(&w) {
        Some(Class::MALE)
    } else if PRONOUNS_FEMALE.contains(&w) {
        Some(Class::FEMALE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert!(class("Barack").is_given() || class("Barack").0 == 0);
        assert!(class("John").has(Class::MALE));
        assert!(class("Sergei").has(Class::MALE));
        assert!(class("Mary").has(Class::FEMALE));
        assert!(class("Russia's").has(Class::PLACE));
        assert!(class("President").has(Class::ROLE));
        assert!(class("September").has(Class::TIME));
        assert!(class("Department").is_not_name());
        assert!(!class("Obama").is_not_name());
        assert_eq!(pronoun("She"), Some(Class::FEMALE));
    }

    /// The key as a plain copy makes it: the bytes lowercased, zero above
    /// them, the length in the top byte.
    fn copied_key(word: &[u8]) -> Option<u128> {
        let mut buf = [0u8; 16];
        buf.get_mut(..word.len())?.copy_from_slice(word);
        buf.make_ascii_lowercase();
        buf[MAX_WORD] = u8::try_from(word.len())
            .ok()
            .filter(|&n| usize::from(n) <= MAX_WORD)?;
        Some(u128::from_le_bytes(buf))
    }

    proptest::proptest! {
        #[test]
        fn keys_are_lowercased_copies(word in proptest::collection::vec(proptest::num::u8::ANY, 0..20)) {
            proptest::prop_assert_eq!(key(&word), copied_key(&word));
        }
    }

    #[test]
    fn every_title_passes_the_filter() {
        for w in ROLES.split_whitespace().chain(PARTICLES.split_whitespace()) {
            assert!(TITLE_FILTER.may_hold_word(w.as_bytes()), "{w}");
            assert!(
                TITLE_FILTER.may_hold_word(w.to_uppercase().as_bytes()),
                "{w}"
            );
            assert!(title_class(w).0 != 0, "{w}");
        }
        assert!(!TITLE_FILTER.may_hold_word(b"the"));
    }

    #[test]
    fn keys_tell_nul_from_the_end() {
        assert_ne!(key(b"ab\0"), key(b"ab"));
        assert_eq!(key(b"MiXeD-Case"), key(b"mixed-case"));
        assert_eq!(key(&[b'a'; 15]), None);
    }
}
