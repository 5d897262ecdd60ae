use super::*;

fn body_of(html: &str) -> Body {
    let flat = flatten_if_deep(html);
    extract_body(&scraper::Html::parse_document(
        flat.as_deref().unwrap_or(html),
    ))
}

const P1: &str = "The city council voted on Tuesday to expand the tram network, a decision that will bring new lines to three districts by the end of the decade.";
const P2: &str = "Opponents argued that the cost estimates were too optimistic, while supporters pointed to rising ridership and the need to cut emissions from traffic.";
const P3: &str = "The first construction phase is expected to begin next spring, according to the transport department, which will publish detailed plans in the coming weeks.";

fn news_page() -> String {
    format!(
        r##"<!DOCTYPE html><html lang="en"><head><title>Council expands tram network | Daily Example</title>
<script>var x = "<p>not text</p>";</script><style>p {{ color: red }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies</div>
<header class="site-header"><a href="/">Daily Example</a>
<nav><ul><li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/local">Local</a></div>
<main>
<article>
<h1>Council expands tram network</h1>
<div class="byline">By Jane Doe</div>
<time datetime="2024-03-05">5 March 2024</time>
<div class="article-body">
<p>{P1}</p>
<p>{P2}</p>
<h2>What happens next</h2>
<p>{P3}</p>
</div>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
</article>
<section class="related-articles"><h3>Related articles</h3><ul>
<li><a href="/a">Bus fares to rise in April as operators cite fuel costs</a></li>
<li><a href="/b">New cycling lanes open along the river embankment</a></li></ul></section>
<section id="comments" class="comments"><h3>3 Comments</h3>
<div class="comment"><p>This is a terrible waste of taxpayer money and nobody will ever use these trams anyway, mark my words.</p></div>
</section>
</main>
<footer><p>Copyright 2024 Daily Example. All rights reserved.</p><a href="/imprint">Imprint</a> <a href="/privacy">Privacy policy</a></footer>
</body></html>"##
    )
}

#[test]
fn keeps_body_drops_debris() {
    let b = body_of(&news_page());
    for p in [P1, P2, P3] {
        assert!(
            b.text.contains(p),
            "missing paragraph: {p}\n---\n{}",
            b.text
        );
    }
    assert!(
        b.text.contains("What happens next"),
        "heading inside the body is kept"
    );
    for junk in [
        "cookies",
        "Politics",
        "Home",
        "Share on Facebook",
        "Related articles",
        "Bus fares",
        "taxpayer",
        "Copyright",
        "Imprint",
        "not text",
        "color: red",
    ] {
        assert!(!b.text.contains(junk), "leaked {junk:?}\n---\n{}", b.text);
    }
    assert_eq!(b.title.as_deref(), Some("Council expands tram network"));
    // paragraphs separated by blank lines
    assert!(b.text.contains(&format!("{P1}\n\n{P2}")));
}

#[test]
fn german_page_without_semantic_markup() {
    let html = r##"<html><body>
<div id="kopf"><a href="/">Startseite</a> | <a href="/news">Nachrichten</a> | <a href="/kontakt">Kontakt</a></div>
<div id="menu"><ul><li><a href="/a">Über uns</a></li><li><a href="/b">Termine</a></li></ul></div>
<div id="inhalt">
<h2>Neue Öffnungszeiten der Stadtbibliothek</h2>
<p>Ab dem kommenden Montag gelten in der Stadtbibliothek neue Öffnungszeiten, die sich nach den Wünschen der Leserinnen und Leser richten.</p>
<p>Die Bibliothek ist dann auch am Samstagvormittag geöffnet, außerdem wird der Lesesaal bis zwanzig Uhr zugänglich sein.</p>
<p>Weitere Informationen erhalten Sie an der Ausleihtheke oder telefonisch während der Öffnungszeiten.</p>
<p>Teilen: <a href="#">Facebook</a> <a href="#">Twitter</a></p>
<h3>Das könnte Sie auch interessieren</h3>
<p><a href="/x">Sommerfest im Stadtpark</a></p>
</div>
<div class="footer">Impressum | Datenschutz | © 2024 Stadt Beispiel</div>
</body></html>"##;
    let b = body_of(html);
    assert!(b.text.contains("Ab dem kommenden Montag"), "{}", b.text);
    assert!(b.text.contains("Samstagvormittag"));
    assert!(b.text.contains("Ausleihtheke"));
    for junk in [
        "Startseite",
        "Über uns",
        "Facebook",
        "Sommerfest",
        "Impressum",
        "interessieren",
    ] {
        assert!(!b.text.contains(junk), "leaked {junk:?}\n---\n{}", b.text);
    }
}

#[test]
fn inline_markup_does_not_split_words() {
    let html = "<html><body><article><p>Das ist ein <b>wich</b><i>tiger</i> Satz mit <a href='#'>einem Link</a> darin, und er ist lang genug, um als Absatz zu zählen, denke ich jedenfalls.</p></article></body></html>";
    let b = body_of(html);
    assert!(
        b.text.contains("ein wichtiger Satz mit einem Link darin"),
        "{}",
        b.text
    );
}

#[test]
fn never_panics_on_odd_input() {
    for input in [
        "",
        "   ",
        "<html><body>",
        "<html><body></body></html>",
        "<script>alert(1)</script><script>var a = '</p>';</script>",
        "<<<>>><//><p",
        "\u{0}\u{1}\u{2}\u{fffd}\u{fffd}binary\u{7f}",
        "<p>ä</p><p>日本語のテキスト</p>",
        "<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table>",
        "<a href=x><a href=y><a href=z>links</a></a></a>",
    ] {
        let _ = body_of(input);
    }
    let bytes: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let garbage = String::from_utf8_lossy(&bytes);
    let _ = body_of(&garbage);
}

#[test]
fn deep_nesting_is_fast() {
    let n = 100_000;
    let mut html = String::with_capacity(n * 12);
    html.push_str("<html><body>");
    for _ in 0..n {
        html.push_str("<div>");
    }
    html.push_str(
        "<p>deep text that is long enough to be a paragraph of running text, really.</p>",
    );
    for _ in 0..n {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let t = std::time::Instant::now();
    let b = body_of(&html);
    assert!(t.elapsed().as_secs_f64() < 5.0, "took {:?}", t.elapsed());
    assert!(b.text.contains("deep text"));
    // unclosed tags as well
    let unclosed = "<span><b><i>".repeat(40_000) + "x";
    let t = std::time::Instant::now();
    let _ = body_of(&unclosed);
    assert!(t.elapsed().as_secs_f64() < 5.0, "took {:?}", t.elapsed());
}

#[test]
fn inline_read_also_does_not_cut_the_text() {
    let html = format!(
        r##"<html><body><div class="article-body">
<p>{P1}</p>
<p><strong>Lesen Sie auch:</strong></p>
<p><a href="/other">Eine ganz andere Geschichte über etwas anderes</a></p>
<p>{P2}</p>
<p>{P3}</p>
<p>Ein Fuchs läuft am frühen Morgen über das verschneite Feld am Waldrand. (Max Muster / iStock.com)</p>
<p>Titelbild: Beispielfotograf / Agentur</p>
</div></body></html>"##
    );
    let b = body_of(&html);
    assert!(b.text.contains(P2) && b.text.contains(P3), "{}", b.text);
    for junk in [
        "Lesen Sie auch",
        "ganz andere Geschichte",
        "iStock",
        "Titelbild",
    ] {
        assert!(!b.text.contains(junk), "leaked {junk:?}\n---\n{}", b.text);
    }
}

#[test]
fn tail_marker_variants_cut_the_rest() {
    for marker in [
        "Diese Artikel könnten Sie auch interessieren",
        "Weitere aktuelle Meldungen aus der Region",
        "Further reading",
        "Noticias relacionadas",
    ] {
        let html = format!(
            r##"<html><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p>
<h3>{marker}</h3><p>A teaser paragraph about some other story that is long enough to be kept otherwise, really.</p>
</article></body></html>"##
        );
        let b = body_of(&html);
        assert!(b.text.contains(P3), "{}", b.text);
        assert!(!b.text.contains("teaser"), "{marker}: {}", b.text);
    }
}

#[test]
fn publisher_lines_are_dropped() {
    let html = format!(
        r##"<html><body><article><p>{P1}</p><p>{P2}</p>
<p>This post contains affiliate links; we may receive a commission when you buy.</p>
<p>{P3}</p>
<p>Alle Texte dieser Seite dürfen frei verwendet werden.</p>
<p>Bitte melde dich an, um einen Kommentar zu verfassen.</p>
</article></body></html>"##
    );
    let b = body_of(&html);
    assert!(b.text.contains(P3), "{}", b.text);
    for junk in ["affiliate", "Texte dieser Seite", "melde dich"] {
        assert!(!b.text.contains(junk), "leaked {junk:?}\n---\n{}", b.text);
    }
}

#[test]
fn class_tokens_are_matched_as_words() {
    // "pager" inside another word, a js- behaviour hook and an opinion "commentary"
    // section are not boilerplate.
    for class in ["apageroot__section", "js-readmore", "article commentary"] {
        let html = format!(
            r##"<html><body><nav><a href="/">Home</a></nav><section class="{class}"><p>{P1}</p><p>{P2}</p></section>
<div class="sidebar"><p>Some sidebar text that is not part of the article at all.</p></div></body></html>"##
        );
        let b = body_of(&html);
        assert!(
            b.text.contains(P1) && b.text.contains(P2),
            "{class}: {}",
            b.text
        );
    }
}
