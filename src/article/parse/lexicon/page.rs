//! The phrases of a page around a story: site furniture, buttons and
//! labels, credits, cookie notices; and those of its header: byline openers
//! and what marks a line as no headline. All in lowercase, matched without
//! regard to ASCII case.

/// Phrases that mark a short block as site furniture rather than story.
pub const FURNITURE: &[&str] = &[
    "advertisement",
    "all rights reserved",
    "click here",
    "cookie",
    "copyright",
    "download the app",
    "donation",
    "follow us",
    "javascript",
    "log in",
    "mailing list",
    "newsletter",
    "privacy policy",
    "read more",
    "related articles",
    "related stories",
    "share this",
    "share on",
    "sign in",
    "sign up",
    "skip to",
    "subscribe",
    "supported by",
    "sponsored",
    "terms of service",
    "terms of use",
    "your browser",
    "©",
];

/// Buttons and labels: a short line that starts with one of these.
pub const LABELS: &[&str] = &[
    "comments",
    "email",
    "next story",
    "previous story",
    "print",
    "share",
    "follow",
    "more from",
];

/// Lines that credit the reporting rather than tell the story.
pub const CREDITS: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "additional reporting by",
    "reporting by",
    "editing by",
    "writing by",
    "compiled by",
];

/// The openings of a caption, a photo credit or a bare link.
pub const MEDIA_OPENERS: &[&str] = &["(photo", "image:", "photo:", "http://", "https://"];

/// Words of cookie and consent notices, which run long.
pub const NOTICES: &[&str] = &[
    "uses cookies",
    "use cookies",
    "cookie policy",
    "cookie settings",
    "accept cookies",
];

/// Words that open a byline, in lowercase.
pub const BYLINE_OPENERS: &[&str] = &[
    "by ",
    "by: ",
    "written by ",
    "words by ",
    "text by ",
    "posted by ",
    "author: ",
    "authors: ",
    "reporter: ",
    "von ",
    "par ",
];

/// Words and marks of a caption, a logo or a link rather than a headline,
/// in lowercase.
pub const NOT_HEADLINE: &[&str] = &[
    "getty",
    "afp",
    "image",
    "photo",
    "illustration",
    "caption",
    "@",
    "│",
    "<",
    ">",
    "comments",
    "posters",
    "http",
    "encyclopedia",
    "sponsored",
];

/// Words that open a photo credit: `Credit: ...`, `Photo: ...`.
pub const CREDIT_LABELS: &[&str] = &[
    "credit", "photo", "image", "source", "picture", "foto", "bild",
];

/// Photo agencies and libraries named in a credit line, in lowercase.
pub const PHOTO_AGENCIES: &[&str] = &[
    "getty",
    "shutterstock",
    "istock",
    "associated press",
    "reuters",
    "afp",
    "epa",
    "ap photo",
];
