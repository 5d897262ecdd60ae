//! Class/id and text patterns (multilingual: en, de, fr, es, it, nl).

use regex::Regex;
use std::sync::OnceLock;

macro_rules! re {
    ($name:ident, $pat:expr) => {
        pub fn $name() -> &'static Regex {
            static R: OnceLock<Regex> = OnceLock::new();
            R.get_or_init(|| Regex::new($pat).expect("valid regex"))
        }
    };
}

// Applied to each lower-case class/id token.
re!(
    boiler_token,
    r"(?x)
    comment|kommentar|disqus|^respond$|reactions|
    share|sharing|social|sociable|teilen|addthis|shariff|
    related|verwandt|similar|recommend|empfehl|more-?(articles|stories|news|posts)|readmore|read-more|weiterlesen|also-?read|
    sidebar|side-bar|^widgets?$|^widget[-_]|[-_]widgets$|
    ^nav|[-_]nav($|[-_])|navigation|navbar|subnav|menu|breadcrumb|bread-crumb|
    footer|
    cookie|consent|gdpr|privacy-?banner|
    newsletter|subscribe|subscription|abonnier|
    ^ads?$|[-_]ads?$|^ads?[-_]|[-_]ad[-_]|advert|anzeige|sponsor|promo|banner|outbrain|taboola|plista|ligatus|
    ^(post-|entry-|article-)?(author|autor)(s|en|in)?([-_]?(bio|box|info|description|profile|profil|details|meta|name|avatar|card|block|wrap|wrapper|link|links|data|teaser))?$|about-?(the-?)?author|byline|
    ^(post-|entry-|article-)?tags?$|tag-?(list|cloud|links|box)|[-_]tags$|tagcloud|keywords|schlagw|
    pagination|pager|paging|
    ^print(-?(button|link|icon|article|page|version))?$|rating|voting|
    meta$|^meta|postmeta|post-?info|article-?info|infoline|
    timestamp|dateline|^date$|[-_]date$|^time$|
    ^skip|
    login|signin|
    modal|popup|overlay|
    toolbar|^tools$|
    ^hidden$|^hide$|visually-?hidden|sr-only|screen-?reader|
    most-?(read|popular|viewed)|popular|trending|
    ^header$|site-?header|page-?header|^masthead|top-?bar|
    slider|carousel
"
);

// Content containers: never pruned by the class rule.
re!(
    content_sig,
    r"(?x)
    article[-_]*body|article[-_]*content|article[-_]*text|
    entry[-_]*content|entry[-_]*body|post[-_]*content|post[-_]*body|post[-_]*text|post[-_]*entry|
    story[-_]*body|story[-_]*content|main[-_]*content|content[-_]*main|body[-_]*text|text[-_]*content|
    field[-_]*body|page[-_]*content|rich[-_]*text|fulltext|single[-_]*content|blog[-_]*content|
    (^|\s)(content|text|article|story|main|post|entry|blog)(\s|$)
"
);

// Short blocks that are boilerplate by their text (case-insensitive).
re!(
    boiler_text,
    r"(?xi)
    ^(share|teilen|drucken|print|e-?mail|mail|tweet|facebook|twitter|whatsapp|linkedin|pinterest|xing|reddit|telegram|flipboard|pocket)\b.{0,40}$|
    ^(jetzt\s+)?(teilen|share)\s+(on|auf|via|this|mit|per)\b|
    ^(read\s+more|weiterlesen|mehr\s+lesen|lire\s+la\s+suite|leer\s+más|continue\s+reading|mehr\s+erfahren|zum\s+artikel|mehr\s+dazu|more)\W{0,5}$|
    (^|\s)(©|\(c\))\s|copyright\s+(©|\d{4}|\(c\))|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos|
    ^(tags?|schlagwörter|schlagworte|stichwörter|themen|kategorien?|categories|category|filed\s+under|posted\s+in|abgelegt\s+unter|veröffentlicht\s+in|mots?-clés|etiquetas)\s*:|
    ^\d[\d.,]*\s*(kommentare?|comments?|views|aufrufe|likes|shares|antworten|replies|leser)\b.{0,20}$|
    ^(vorherige[rs]?|nächste[rs]?|previous|next|zurück|older|newer|ältere|neuere)(\s+(artikel|beitrag|post|article|page|seite|story|entry|eintrag|posts|beiträge|einträge))?\W{0,5}$|
    ^(bild|foto|photo|image|quelle|credit|fotos|bilder|photos)\s*:\s*\S.{0,50}$|
    ^(teilen|share|tweet|print|drucken|e-?mail|facebook|twitter|whatsapp|linkedin|xing|pinterest|\s|\||,|/|·)+$|
    ^(zum\s+seitenanfang|nach\s+oben|back\s+to\s+top|top|seitenanfang|scroll\s+to\s+top)\W*$|
    ^(werbung|anzeige|advertisement|publicité|publicidad|sponsored)\W*$|
    ^(login|log\s+in|anmelden|registrieren|sign\s+in|sign\s+up|einloggen)\W*$
"
);

// Promotional / paywall / consent lines (applied to blocks < 250 chars).
re!(
    promo_text,
    r"(?xi)
    \bsubscrib(e|er|ers|ing)\b|\bsubscription|abonnieren|abonnent|\babo\b|newsletter|abonnez|abonnement|suscr[ií]b|suscriptor|subskrypc|
    please\s+(log\s*in|sign\s+in|register)|bitte\s+(melden|registrieren|loggen)|registrieren\s+sie\s+sich|einloggen,\s+um|
    pour\s+lire\s+la\s+suite|zum\s+weiterlesen|to\s+continue\s+reading|read\s+the\s+full\s+story|
    \bcookies?\b|javascript|your\s+browser|ihr\s+browser|
    download\s+(the|our)\s+.{0,30}app|app\s+herunterladen
"
);

// Short headings / lines after which the rest is boilerplate.
re!(
    tail_marker,
    r"(?xi)
    ^\W{0,3}(
    related(\s+(posts?|articles?|stories|content|news|links|reading))?|
    you\s+(may|might)\s+(also\s+)?(like|enjoy|be\s+interested\s+in)|more\s+(from|on|stories|articles|news|posts)\b.{0,40}|
    read\s+(also|next|more)|see\s+also|recommended(\s+\w+)?|most\s+(read|popular|viewed)|popular\s+(posts|articles|stories)|
    about\s+the\s+author|about\s+\w+\s+\w+$|leave\s+a\s+(reply|comment)|post\s+a\s+comment|add\s+(a\s+)?comment|
    comments?(\s*\(\d+\))?|\d+\s+(comments?|responses?|replies|reactions)(\s+\w+.{0,40})?|one\s+(comment|response|reply)(\s+\w+.{0,40})?|
    share\s+this(\s+(post|article|page|story|entry))?|join\s+the\s+discussion|
    ähnliche\s+(artikel|beiträge|themen|nachrichten|posts)|verwandte\s+(artikel|beiträge|themen)|
    (das|dies)\s+könnte\s+(sie|dich|euch)\s+auch\s+interessieren|mehr\s+zum\s+thema.{0,40}|
    weitere\s+(artikel|beiträge|nachrichten|themen|meldungen|informationen|links|news|videos|inhalte)(\s+\w+){0,4}|
    lesen\s+sie\s+(auch|mehr|weiter)|auch\s+interessant|meistgelesen(e)?(\s+\w+)?|meist\s+gelesen|
    über\s+den\s+autor|über\s+die\s+autorin|zum\s+autor|zur\s+autorin|
    kommentare?(\s*\(\d+\))?|\d+\s+kommentare?(\s+\w+.{0,40})?|kommentar\s+schreiben|schreibe\s+einen\s+kommentar|kommentieren|
    diesen\s+(artikel|beitrag)\s+teilen|artikel\s+teilen|beitrag\s+teilen|teilen\s+sie\s+diesen\s+(artikel|beitrag)|
    articles?\s+(similaires|liés|connexes)|à\s+lire\s+(aussi|également)|sur\s+le\s+même\s+sujet|commentaires?|laisser\s+un\s+commentaire|
    artículos\s+relacionados|te\s+puede\s+interesar|comentarios|deja\s+un\s+comentario|
    articoli\s+correlati|commenti|gerelateerde\s+artikelen|reacties
    )\W{0,3}$
"
);

// Date-/meta-only short lines ("12. Mai 2020", "Posted on 2020-05-12 by X", "5 min read").
re!(
    meta_line,
    r"(?xi)
    ^[\d\s.:/,|-]+(uhr|h|am|pm)?\W*$|
    ^(posted|published|veröffentlicht|erschienen|aktualisiert|updated|last\s+updated|stand|geschrieben|publié|publicado|am|on|von|by|le)\b.{0,60}\d{4}.{0,30}$|
    ^\d+\s*(min(ute)?s?|minuten)\.?\s*(read|lesezeit|lesedauer|de\s+lecture)?\W*$|
    ^(lesezeit|lesedauer|reading\s+time)\W.{0,20}$
"
);

pub fn is_boiler_sig(sig: &str) -> bool {
    if sig.is_empty() {
        return false;
    }
    sig.split_whitespace().any(|t| {
        // layout-state tokens ("has-sidebar", "o-section--has-ads", "no-comments") say nothing
        !(t.starts_with("has-")
            || t.starts_with("with-")
            || t.starts_with("no-")
            || t.starts_with("is-")
            || t.contains("--has")
            || t.contains("-has-")
            || t.starts_with("elementor-widget"))
            && boiler_token().is_match(t)
    })
}

pub fn is_content_sig(sig: &str) -> bool {
    !sig.is_empty() && content_sig().is_match(sig)
}

pub fn is_comment_sig(sig: &str) -> bool {
    sig.split_whitespace().any(|t| {
        t.contains("comment") || t.contains("kommentar") || t.contains("disqus") || t == "respond"
    })
}
