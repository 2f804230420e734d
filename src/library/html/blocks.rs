//! The readable blocks of an HTML tree: headings, paragraphs and list
//! items, each its text with entities decoded and whitespace folded.
//! Scripts, styles, forms, navigation, captions and hidden elements give
//! nothing. The tree is walked with a stack of its own, not by recursion:
//! a page may nest elements thousands deep.

use dom_query::{NodeData, NodeRef};

/// What a block is to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    /// `<h1>` to `<h6>`, by level.
    Heading(u8),
    /// A list item.
    Item,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    /// The text, its lines (a `<br>` or a line of `<pre>`) apart.
    pub text: String,
}

/// What an element does to the blocks around it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Nothing of it is read.
    Skip,
    /// A line break.
    Break,
    /// Its text runs on in the block around it.
    Inline,
    /// It holds blocks, which take the kind around them.
    Container,
    /// It is a block of this kind.
    Block(Kind),
    /// A block whose lines are kept as they are.
    Pre,
}

pub(super) fn role(name: &str) -> Role {
    match name {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "meta" | "link"
        | "svg" | "math" | "iframe" | "frame" | "frameset" | "object" | "embed" | "canvas"
        | "video" | "audio" | "img" | "picture" | "source" | "map" | "form" | "button"
        | "input" | "select" | "option" | "textarea" | "label" | "dialog" | "nav" | "aside"
        | "footer" | "figcaption" => Role::Skip,
        "br" => Role::Break,
        "a" | "abbr" | "acronym" | "b" | "bdi" | "bdo" | "big" | "cite" | "code" | "data"
        | "del" | "dfn" | "em" | "font" | "i" | "ins" | "kbd" | "mark" | "nobr" | "q" | "s"
        | "samp" | "small" | "span" | "strike" | "strong" | "sub" | "sup" | "time" | "tt" | "u"
        | "var" | "wbr" => Role::Inline,
        "p" | "td" | "th" | "dt" | "dd" | "caption" => Role::Block(Kind::Paragraph),
        "li" => Role::Block(Kind::Item),
        "pre" => Role::Pre,
        _ => match name.as_bytes() {
            [b'h', level @ b'1'..=b'6'] => Role::Block(Kind::Heading(level - b'0')),
            _ => Role::Container,
        },
    }
}

/// True for an element the page hides: `hidden`, `aria-hidden="true"`, or
/// an inline style that hides it.
fn hidden(element: &dom_query::Element) -> bool {
    element.attrs.iter().any(|a| {
        let value: &str = &a.value;
        match &*a.name.local {
            "hidden" => true,
            "aria-hidden" => value.trim().eq_ignore_ascii_case("true"),
            "style" => {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .flat_map(char::to_lowercase)
                    .collect();
                style.contains("display:none") || style.contains("visibility:hidden")
            }
            _ => false,
        }
    })
}

/// Words in a class or id that mark furniture around a story: captions
/// and credits, sharing and related links, sign-up and advertising boxes.
const FURNITURE: &[&str] = &[
    "caption",
    "credit",
    "credits",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "signup",
    "promo",
    "advert",
    "advertisement",
    "sponsor",
    "sponsored",
    "timestamp",
    "byline",
    "gallery",
    "slideshow",
    "toolbar",
    "tags",
];

/// True for an element whose class or id names it furniture.
fn furniture(element: &dom_query::Element) -> bool {
    element.attrs.iter().any(|a| {
        matches!(&*a.name.local, "class" | "id")
            && a.value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| FURNITURE.iter().any(|f| w.eq_ignore_ascii_case(f)))
    })
}

/// What a node is, read once.
enum Node {
    Text(String),
    Element(Role),
    Other,
}

fn node(n: &NodeRef) -> Node {
    n.query(|tree_node| match &tree_node.data {
        NodeData::Text { contents } => Node::Text(contents.to_string()),
        NodeData::Element(e) if hidden(e) || furniture(e) => Node::Element(Role::Skip),
        NodeData::Element(e) => Node::Element(role(&e.name.local)),
        NodeData::Document | NodeData::Fragment => Node::Element(Role::Container),
        _ => Node::Other,
    })
    .unwrap_or(Node::Other)
}

/// The blocks being gathered: the text of the one open, and the kinds of
/// the blocks it is inside.
#[derive(Default)]
pub(super) struct Gather {
    out: Vec<Block>,
    text: String,
    kinds: Vec<Kind>,
    /// How many `<pre>` are open.
    pre: usize,
}

impl Gather {
    fn kind(&self) -> Kind {
        self.kinds.last().copied().unwrap_or(Kind::Paragraph)
    }

    /// Text inside the open block; whitespace folds but in `<pre>`.
    pub fn text(&mut self, s: &str) {
        if self.pre > 0 {
            self.text.push_str(s);
            return;
        }
        for (i, word) in s.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.text.ends_with([' ', '\n']) {
                self.text.push(' ');
            }
            self.text.push_str(word);
        }
    }

    pub fn line_break(&mut self) {
        self.text.push('\n');
    }

    /// An element of this role starts a block, or a container of blocks.
    pub fn open(&mut self, role: Role) {
        self.flush();
        let kind = match role {
            Role::Block(kind) => kind,
            Role::Pre => Kind::Paragraph,
            _ => self.kind(),
        };
        self.kinds.push(kind);
        self.pre += usize::from(role == Role::Pre);
    }

    /// The element `open` was given ends.
    pub fn close(&mut self, role: Role) {
        self.flush();
        self.kinds.pop();
        if role == Role::Pre {
            self.pre = self.pre.saturating_sub(1);
        }
    }

    pub fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.out
    }

    /// Ends the open block: its lines trimmed, empty ones dropped.
    fn flush(&mut self) {
        let mut text = String::new();
        for line in self.text.lines() {
            let line = line.trim();
            if !line.is_empty() {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(line);
            }
        }
        self.text.clear();
        if !text.is_empty() {
            let kind = self.kind();
            self.out.push(Block { kind, text });
        }
    }
}

/// The blocks under `root`, in document order.
pub fn blocks(root: NodeRef) -> Vec<Block> {
    let mut g = Gather::default();
    // Each entry is a node to enter, or (with its role) a block to close.
    let mut stack = vec![(root, None)];
    while let Some((n, closing)) = stack.pop() {
        if let Some(role) = closing {
            g.close(role);
            continue;
        }
        let role = match node(&n) {
            Node::Text(s) => {
                g.text(&s);
                continue;
            }
            Node::Element(role) => role,
            Node::Other => continue,
        };
        match role {
            Role::Skip => continue,
            Role::Break => {
                g.line_break();
                continue;
            }
            Role::Inline => {}
            Role::Container | Role::Block(_) | Role::Pre => {
                g.open(role);
                stack.push((n, Some(role)));
            }
        }
        let mut child = n.last_child();
        while let Some(c) = child {
            child = c.prev_sibling();
            stack.push((c, None));
        }
    }
    g.finish()
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    fn texts(html: &str) -> Vec<(Kind, String)> {
        let doc = Document::from(html);
        blocks(doc.root())
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn headings_paragraphs_and_lists() {
        let got = texts(
            "<body><h2>A  sub&amp;head</h2><p>One <b>bold</b>\n word.</p>\
             <ul><li>first</li><li>second <ul><li>inner</li></ul></li></ul>\
             <div>loose text<p>inside</p>tail</div></body>",
        );
        use Kind::*;
        let want = [
            (Heading(2), "A sub&head"),
            (Paragraph, "One bold word."),
            (Item, "first"),
            (Item, "second"),
            (Item, "inner"),
            (Paragraph, "loose text"),
            (Paragraph, "inside"),
            (Paragraph, "tail"),
        ];
        let want: Vec<(Kind, String)> = want.iter().map(|(k, t)| (*k, t.to_string())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn scripts_styles_and_hidden_elements_give_nothing() {
        let got = texts(
            "<p>Seen.<script>alert(1)</script><style>p{}</style></p>\
             <p hidden>no</p><p aria-hidden=\"true\">no</p>\
             <p style=\"color: red; DISPLAY : none\">no</p><noscript>no</noscript>\
             <figure><img alt=\"no\"><figcaption>no</figcaption></figure><p>Also seen.</p>",
        );
        assert_eq!(
            got,
            [
                (Kind::Paragraph, "Seen.".to_string()),
                (Kind::Paragraph, "Also seen.".to_string())
            ]
        );
    }

    #[test]
    fn line_breaks_and_preformatted_lines_are_kept() {
        let got = texts("<p>one<br>two<br><br> three</p><pre>a  b\n  c</pre>");
        assert_eq!(
            got,
            [
                (Kind::Paragraph, "one\ntwo\nthree".to_string()),
                (Kind::Paragraph, "a  b\nc".to_string())
            ]
        );
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let depth = 5_000;
        let html = format!("{}text{}", "<div>".repeat(depth), "</div>".repeat(depth));
        // On a small stack, as the loader's threads have.
        let got = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || texts(&html))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(got, [(Kind::Paragraph, "text".to_string())]);
    }
}
