//! What the corroboration and network analyses take: every filter is optional.

/// Which stored events, quotes and relations an analysis looks at.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// Two actor codes or prefixes (`CHN`, `RUSGOV`), in either order.
    pub dyad: Option<(String, String)>,
    /// An actor: entity id (`vladimir-putin`), words of a name (`Putin`), or code prefix.
    pub actor: Option<String>,
    /// PLOVER type.
    pub kind: Option<String>,
    /// A PLOVER context ("military"), in lower case: only the events in it. Only events have
    /// contexts, so with it the network has event links only.
    pub context: Option<String>,
    /// Event dates from / to (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// Corroboration: also clusters reported by one document only.
    pub all: bool,
    /// Corroboration: only the clusters that rest on one independent source.
    pub single_source: bool,
    /// Most clusters, or edges, returned.
    pub limit: usize,
}
