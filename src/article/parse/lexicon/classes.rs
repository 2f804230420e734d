//! The classes of words that name finding asks about: given names,
//! honorifics, job titles, name particles and prefixes, places,
//! organisation words, months and other times, demonyms, stop words.
//!
//! Given names come from the US Census name files (public domain) and a
//! list of names common elsewhere; the rest is written here. Everything is
//! looked up by [`Key`] in one immutable table built on first use.

use std::hash::BuildHasher;
use std::sync::LazyLock;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::filter::WordFilter;
use super::key::{Key, MAX_WORD, strip_possessive};

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
    /// A role word that is no title by itself: `former`, `deputy`,
    /// `foreign`.
    pub const MODIFIER: Class = Class(1 << 10);

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
    bureau mp mps mep meps msp mla mpp mna";

/// The words of [`ROLES`] that qualify a title but are none alone: a
/// name after `former` or `Liberal` alone is not known to be a person's.
const MODIFIERS: &str = "vice foreign prime defense defence interior finance treasury \
    deputy minority majority house state health education energy trade economy labour labor \
    home affairs security homeland national assistant associate senior junior former acting \
    interim democratic republican democrat gop conservative liberal tory party presidential \
    diplomatic political economics business science sports technology environment legal \
    bureau staff";

const HONORIFICS: &str = "mr mr. mrs mrs. ms ms. miss dr dr. mx mx. sir dame lord lady madam \
    monsieur madame herr frau señor senor";

/// Prefixes joined to a surname by a hyphen (`al-Assad`): a name word that
/// may start in lowercase, and left out when surnames are matched.
pub const NAME_PREFIXES: [&str; 5] = ["al-", "el-", "bin-", "ibn-", "de-"];

const PARTICLES: &str = "de da di del della van von der den al el al- bin ibn la le du dos das \
    ter ten st st. bint abu";

/// The months, which are times too; a date line's month is known by its
/// first three letters or more.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Times other than the months' full names.
const TIME: &str = "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. \
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
    nbc cbs abc fox msnbc npr nato un eu fbi cia nsa who imf opec g-20 g20 g-7 g7 labor labour lib dem dems \
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

/// Words and their classes, each entry sixteen bytes: the word's key with
/// the classes in the bits above it. A map from keys to classes takes twice
/// the room, and the lexicon is asked about every capitalized word while
/// the article streams through the cache.
#[derive(Clone, Default)]
struct Table(HashTable<u128>);

/// Where an entry's classes start: above the word's bytes and its length.
const CLASS_SHIFT: u32 = 8 * MAX_WORD as u32 + 4;
const KEY_BITS: u128 = (1 << CLASS_SHIFT) - 1;
// The classes fit above the key: MODIFIER is the highest class bit.
const _: () =
    assert!((Class::MODIFIER.0 as u128) << CLASS_SHIFT >> CLASS_SHIFT == Class::MODIFIER.0 as u128);

impl Table {
    fn hash(key: u128) -> u64 {
        FxBuildHasher.hash_one(key)
    }

    fn add(&mut self, key: Key, class: Class) {
        let key = key.bits();
        let bits = u128::from(class.0) << CLASS_SHIFT;
        match self.0.find_mut(Self::hash(key), |e| e & KEY_BITS == key) {
            Some(entry) => *entry |= bits,
            None => {
                self.0
                    .insert_unique(Self::hash(key), key | bits, |e| Self::hash(e & KEY_BITS));
            }
        }
    }

    fn get(&self, key: Key) -> Class {
        let key = key.bits();
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
            map.add(Key::new(w.as_bytes()).expect("list words are short"), class);
        }
    };
    add(ROLES, Class::ROLE);
    add(MODIFIERS, Class::MODIFIER);
    add(HONORIFICS, Class::HONORIFIC);
    add(PARTICLES, Class::PARTICLE);
    add(TIME, Class::TIME);
    for month in MONTHS {
        add(month, Class::TIME);
    }
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
        map.add(
            Key::new(w.as_bytes()).expect("given names are short"),
            class,
        );
    };
    let names = |data: &'static str| {
        data.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
    };
    for w in names(include_str!("../../../../data/given-names-male.txt")) {
        add(w, Class::MALE);
    }
    for w in names(include_str!("../../../../data/given-names-female.txt")) {
        add(w, Class::FEMALE);
    }
    for w in names(include_str!("../../../../data/places.txt")) {
        add(w, Class::PLACE);
    }
    for line in names(include_str!("../../../../data/given-names-world.txt")) {
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
    match lookup(&LEXICON, word) {
        Class(0) => hyphened_title(word),
        c => c,
    }
}

/// A title joined to a word before it by a hyphen (`vice-president`,
/// `co-chairman`) is a title; any other unlisted word is nothing.
fn hyphened_title(word: &str) -> Class {
    match word.rsplit_once('-') {
        Some((_, last)) if !last.is_empty() => {
            let c = title_class(last);
            Class(c.0 & (Class::ROLE.0 | Class::MODIFIER.0))
        }
        _ => Class::default(),
    }
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
        return hyphened_title(word);
    }
    match lookup(&TITLES, word) {
        Class(0) => hyphened_title(word),
        c => c,
    }
}

/// The titles and particles ([`ROLES`], [`PARTICLES`]): nearly every
/// lowercase word asked about is neither.
static TITLE_FILTER: WordFilter = WordFilter::of_lists(&[ROLES, PARTICLES]);

fn lookup(table: &Table, word: &str) -> Class {
    let word = strip_possessive(word);
    let key = if word.is_ascii() {
        Key::new(word.as_bytes())
    } else {
        Key::new(word.to_lowercase().as_bytes())
    };
    key.map_or(Class::default(), |k| table.get(k))
}

pub fn is_role_word(word: &str) -> bool {
    title_class(word).has(Class::ROLE)
}

pub fn is_particle(word: &str) -> bool {
    title_class(word).has(Class::PARTICLE)
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
        assert!(class("Vice-President").has(Class::ROLE));
        assert!(title_class("co-chairman").has(Class::ROLE));
        assert!(!class("al-Assad").has(Class::ROLE));
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
}
