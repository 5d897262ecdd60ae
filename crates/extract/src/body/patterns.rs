//! Class/id and text patterns (multilingual: en, de, fr, es, it, nl).

use regex::Regex;
use std::sync::OnceLock;

// Word boundaries are written `(?-u:\b)` (ASCII): a Unicode `\b` makes the regex engine
// leave its fast DFA on non-ASCII text, which cost more than the whole parse. Where a word
// may end in a non-ASCII letter, `(\W|$)` is used instead.

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
    pagination|^pager|[-_]pager|^paging|
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
    ^(share|teilen|drucken|print|e-?mail|mail|tweet|facebook|twitter|whatsapp|linkedin|pinterest|xing|reddit|telegram|flipboard|pocket)(?-u:\b).{0,40}$|
    ^(jetzt\s+)?(teilen|share)\s+(on|auf|via|this|mit|per)(?-u:\b)|
    ^(read\s+more|weiterlesen|mehr\s+lesen|lire\s+la\s+suite|leer\s+más|continue\s+reading|mehr\s+erfahren|zum\s+artikel|mehr\s+dazu|more)\W{0,5}$|
    (^|\s)(©|\(c\))\s|copyright\s+(©|\d{4}|\(c\))|all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos|
    ^(tags?|schlagwörter|schlagworte|stichwörter|themen|kategorien?|categories|category|filed\s+under|posted\s+in|abgelegt\s+unter|veröffentlicht\s+in|mots?-clés|etiquetas)\s*:|
    ^\d[\d.,]*\s*(kommentare?|comments?|views|aufrufe|likes|shares|antworten|replies|leser)(?-u:\b).{0,20}$|
    ^(vorherige[rs]?|nächste[rs]?|previous|next|zurück|older|newer|ältere|neuere)(\s+(artikel|beitrag|post|article|page|seite|story|entry|eintrag|posts|beiträge|einträge))?\W{0,5}$|
    ^\(?((titel|beitrags|header|aufmacher|vorschau|symbol|teaser)?(bild|foto)|photo|image|quelle|credits?|crédits?(\s+photos?)?|crédito|fotos|bilder|photos|photo\s+credits?|bildnachweis|fotonachweis|bildquelle|fotoquelle|quellenangaben?|image\s+source)\s*:\s*\S.{0,50}$|
    ^\(?(quellenangaben?|bildnachweis|fotonachweis|credits?)\s*:?$|
    ^photograph(ed)?\s+by(?-u:\b).{0,60}$|
    ^\W{0,2}(anzeige|werbung|advertorial|sponsored(\s+content)?|publicidad|publicité)\s*[-–:,.|]|
    ^(letzte\s+(änderung|aktualisierung)|zuletzt\s+(aktualisiert|geändert)|opublikowano|verfasst\s+von)(?-u:\b).{0,60}$|
    vervielfältigung|nachdruck\s+(nur|verboten)|tutti\s+i\s+diritti\s+riservati|alle\s+rechten\s+voorbehouden|derechos\s+reservados|
    ^(this\s+entry\s+was\s+posted|bookmark\s+the\s+permalink)|
    (als\s+)?pdf\s+(herunterladen|downloaden)|^download\s+(as\s+)?pdf|
    ^(vergrößern|bild\s+(anzeigen|vergrößern)|enlarge\s+(image|photo))(?-u:\b)|
    ^(rezept|artikel|seite|beitrag)\s+drucken|
    ^(inhaltsverzeichnis|table\s+of\s+contents|sommaire|índice|spis\s+treści|kategorien|categories|archiv|archive|archives)\W*$|
    ^\(?(alle\s+angaben\s+ohne\s+gewähr|ohne\s+gewähr)\W*$|
    ^(abbildung|abb\.|figure|fig\.|grafik|schaubild)\s*\d*\s*:|
    (?-u:\b)(photo|foto|fotos|photos|bild|credits?|crédito|crédit|quelle|source)\s*:\s*[^.!?:]{1,50}\.?\)?$|
    \([^()]{0,40}(istock|getty\s*images|shutterstock|picture[-\s]alliance|imago|pixelio|adobe\s*stock|fotolia|unsplash|pixabay)[^()]{0,20}\)$|
    ©\s*[^.!?©]{1,40}$|
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
    (?-u:\b)subscrib(e|er|ers|ing)(?-u:\b)|(?-u:\b)subscription|abonnieren|abonnent|(?-u:\b)abo(?-u:\b)|newsletter|abonnez|abonnement|suscr[ií]b|suscriptor|subskrypc|
    please\s+(log\s*in|sign\s+in|register)|bitte\s+(melden|registrieren|loggen)|registrieren\s+sie\s+sich|einloggen,\s+um|
    pour\s+lire\s+la\s+suite|zum\s+weiterlesen|to\s+continue\s+reading|read\s+the\s+full\s+story|
    (?-u:\b)cookies?(?-u:\b)|javascript|your\s+browser|ihr\s+browser|
    download\s+(the|our)\s+.{0,30}app|app\s+herunterladen|
    affiliate|our\s+advertisers|advertisers\s+do\s+not|(may|might)\s+(receive|earn)\s+(a\s+)?(compensation|commission)|
    (anmelden|eingeloggt|angemeldet)(\s+sein)?,?\s+um\s+.{0,30}kommentar|um\s+.{0,20}kommentare?\s+(zu\s+)?(schreiben|abzugeben|verfassen)|must\s+be\s+logged\s+in\s+to\s+(post|comment)|logged\s+in\s+to\s+(post|comment)|
    if\s+you\s+(enjoyed|liked|like|appreciate)\s+(reading\s+)?this|support\s+(our|independent)\s+(work|journalism)|
    gefällt\s+(dir|ihnen)\s+unser|jede\s+(kleine\s+)?spende\s+hilft|
    wszelkie\s+prawa\s+zastrzeżone|prawem\s+autorskim|
    (inhalte|texte)\s+dieser\s+(web)?(site|seite)|(content|contents)\s+(of|on)\s+this\s+(web)?site|
    n'engagent\s+que\s+leurs\s+auteurs|opinions\s+exprimées
"
);

// Short headings / lines after which the rest is boilerplate.
re!(
    tail_marker,
    r"(?xi)
    ^\W{0,3}(
    related(\s+(posts?|articles?|stories|content|news|links|reading))?|
    you\s+(may|might)\s+(also\s+)?(like|enjoy|be\s+interested\s+in)|more\s+(from|on|stories|articles|news|posts)(?-u:\b).{0,40}|
    read\s+(next|more)|see\s+also|recommended(\s+\w+)?|most\s+(read|popular|viewed)|popular\s+(posts|articles|stories)|
    about\s+the\s+author|about\s+\w+\s+\w+$|leave\s+a\s+(reply|comment)|post\s+a\s+comment|add\s+(a\s+)?comment|
    comments?(\s*\(\d+\))?|\d+\s+(comments?|responses?|replies|reactions)(\s+\w+.{0,40})?|one\s+(comment|response|reply)(\s+\w+.{0,40})?|
    share\s+this(\s+(post|article|page|story|entry))?|join\s+the\s+discussion|
    ähnliche\s+(artikel|beiträge|themen|nachrichten|posts)|verwandte\s+(artikel|beiträge|themen)|
    (das|dies)\s+könnte\s+(sie|dich|euch)\s+auch\s+interessieren|mehr\s+zum\s+thema.{0,40}|
    weitere\s+(artikel|beiträge|nachrichten|themen|meldungen|informationen|links|news|videos|inhalte)(\s+\w+){0,4}|
    lesen\s+sie\s+(mehr|weiter)|auch\s+interessant|meistgelesen(e)?(\s+\w+)?|meist\s+gelesen|
    über\s+den\s+autor|über\s+die\s+autorin|zum\s+autor|zur\s+autorin|
    kommentare?(\s*\(\d+\))?|\d+\s+kommentare?(\s+\w+.{0,40})?|kommentar\s+schreiben|schreibe\s+einen\s+kommentar|kommentieren|
    diesen\s+(artikel|beitrag)\s+teilen|artikel\s+teilen|beitrag\s+teilen|teilen\s+sie\s+diesen\s+(artikel|beitrag)|
    articles?\s+(similaires|liés|connexes)|sur\s+le\s+même\s+sujet|commentaires?|laisser\s+un\s+commentaire|
    artículos\s+relacionados|te\s+puede\s+interesar|comentarios|deja\s+un\s+comentario|
    articoli\s+correlati|commenti|gerelateerde\s+artikelen|reacties|
    related\s+(coverage|topics|videos|reads?)|explore\s+further|(latest|further)\s+(news|articles|stories|posts|reading)(?-u:\b).{0,40}|
    don'?t\s+miss|trending\s+now|keep\s+reading|what\s+to\s+read\s+next|
    neueste\s+(artikel|beiträge|nachrichten|meldungen|news)|
    (videos?|bilder|fotos|artikel|beiträge|news|nachrichten|meldungen)\s+zum\s+thema.{0,40}|mehr\s+(zu|zum|zur|über)\s+.{0,40}|
    weiterführende\s+(informationen|links|artikel|inhalte|themen)|
    .{0,40}könnte[n]?\s+(sie|dich|euch)\s+(auch\s+)?interessieren.{0,10}|(sie|du)\s+könnte(n|st)?\s+.{0,40}interessiert\s+sein|
    (aktuelle|neue)\s+(berichte|artikel|beiträge|meldungen)\s+aus\s+.{0,40}|vorschau\s+auf\s+(den|die|das)\s+(nächste|kommende).{0,30}|
    (möchten\s+sie|willst\s+du|magst\s+du)\s+(den|diesen)\s+(artikel|beitrag)\s+teilen|(artikel|beitrag)\s+gefallen\?.{0,50}|
    (den|diesen)\s+(artikel|beitrag)\s+(mit\s+\w+\s+)?teilen.{0,20}|
    (noch\s+)?mehr\s+(infos|themen|artikel|beiträge|nachrichten|news|storys|geschichten)(\s+\S+){0,3}|
    entdecke[n]?\s+(sie\s+)?(weitere|mehr)\s+.{0,40}|
    (weitere|alle)(\s+\S+){0,3}\s+\S*(artikel|beiträge|nachrichten|meldungen|news|geschichten|storys|pressemitteilungen)(?-u:\b).{0,40}|
    (audios?\s+et\s+)?vidéos\s+sur\s+le\s+(même\s+)?sujet|sur\s+le\s+même\s+thème|dans\s+la\s+même\s+rubrique|les\s+plus\s+lus|voir\s+aussi|
    noticias\s+relacionadas|contexto\s+de\s+la\s+noticia|más\s+sobre\s+.{0,40}|lo\s+más\s+leído|
    notícias\s+relacionadas|mais\s+lidas|
    potrebbe\s+interessarti|
    polecamy|najczęściej\s+czytane|
    meer\s+(nieuws|artikelen)
    )\W{0,3}$
"
);

// Short "read also" lines placed inside the text: dropped, but the text goes on.
re!(
    inline_marker,
    r"(?xi)
    ^\W{0,3}(
    (also\s+)?read\s+also|also\s+read|see\s+also|lesen\s+sie\s+auch|schon\s+gelesen\??|auch\s+interessant|
    (à\s+)?lire\s+(aussi|également)|voir\s+aussi|(lee|lea)\s+(también|además)|(veja|leia)\s+(também|mais)|
    leggi\s+anche|(zobacz|czytaj)\s+(także|też|również|więcej)|lees\s+ook
    )(\W.{0,60})?$
"
);

// Date-/meta-only short lines ("12. Mai 2020", "Posted on 2020-05-12 by X", "5 min read").
re!(
    meta_line,
    r"(?xi)
    ^[\d\s.:/,|-]+(uhr|h|am|pm)?\W*$|
    ^(posted|published|veröffentlicht|erschienen|aktualisiert|updated|last\s+updated|stand|geschrieben|publié|publicado|am|on|von|by|le)(\W|$).{0,60}\d{4}.{0,30}$|
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
            || t.starts_with("js-")
            || t.starts_with("js_")
            || t.contains("commentary")
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
        (t.contains("comment") || t.contains("kommentar") || t.contains("disqus") || t == "respond")
            && !t.contains("commentary")
    })
}
