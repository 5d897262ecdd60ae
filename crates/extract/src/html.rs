//! HTML pages: body and metadata.

use crate::{body, meta, pubdate, Article, Options};

/// Extracts the article of an HTML page. `url` is the page's address when the input gave one.
/// The page is parsed once; hostile nesting is flattened first (tags beyond a depth limit are
/// dropped, their text kept), so that tree building stays linear.
pub fn extract_html(html: &str, url: Option<&str>, opts: &Options) -> Article {
    let flat = body::flatten_if_deep(html);
    let doc = scraper::Html::parse_document(flat.as_deref().unwrap_or(html));
    let pm = meta::page_meta(&doc);
    let page_url = pm.url.clone().or_else(|| url.map(str::to_string));
    let b = body::extract_body(&doc);
    Article {
        title: pm.title.or(b.title).filter(|t| !t.is_empty()),
        authors: pm.authors,
        published: pubdate::published_date(&doc, page_url.as_deref(), opts.today)
            .map(|p| p.date.to_string()),
        language: pm.language,
        outlet: pm.outlet,
        url: page_url,
        text: b.text,
    }
}
