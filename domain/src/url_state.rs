//! The view state a shared link carries: which view, region and organization, and each
//! view's own state. Never the token, never the API base URL, and no text that holds a
//! secret ([`LinkSecrets`]).

use crate::key_list::{KeyQuery, Sort};
use crate::org_id::OrgId;
use crate::privilege_explorer::{ExplorerQuery, PrivilegeRef, ALLOWED};
use crate::purpose::Purpose;
use crate::region::Region;
use crate::secrets::LinkSecrets;

/// The longest filter text a link can set; longer text is cut.
const MAX_TEXT: usize = 200;
/// The most builder picks a link can carry (the assignable list has about a hundred).
const MAX_PICKS: usize = 500;

/// The app's two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    KeyLookup,
    PrivilegeExplorer,
}

impl View {
    pub fn code(self) -> &'static str {
        match self {
            View::KeyLookup => "keys",
            View::PrivilegeExplorer => "privileges",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        [View::KeyLookup, View::PrivilegeExplorer]
            .into_iter()
            .find(|view| view.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            View::KeyLookup => "Key lookup",
            View::PrivilegeExplorer => "Privilege explorer",
        }
    }
}

/// Shared view state, read from and written to the page's query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub view: View,
    pub region: Region,
    pub org: Option<OrgId>,
    pub keys: KeyLookupState,
    pub explorer: ExplorerState,
}

/// The privilege explorer's filters, list switch, builder selection and compared key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExplorerState {
    pub query: ExplorerQuery,
    /// Only the privileges allowed in a custom key (`?filter=CUSTOM` on the API).
    pub custom_only: bool,
    /// The builder's ticked privileges.
    pub selection: Vec<PrivilegeRef>,
    /// The id of the key compared with the assignable privileges.
    pub compare: Option<String>,
    /// The endpoint finder's words, or the call it was given.
    pub finder: String,
    /// What the key being built is for.
    pub purpose: Purpose,
}

/// The key lookup view's filters, order and selected key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyLookupState {
    pub query: KeyQuery,
    pub sort: Sort,
    /// The id of the key whose details are open.
    pub selected: Option<String>,
    /// The id of a second key, shown side by side with the selected one.
    pub versus: Option<String>,
}

impl UrlState {
    /// What a shared link opens, in words, for the line shown before any token: the
    /// view, then what it holds beyond the organization (filters, picks, the open key).
    /// None when it holds nothing more than the view and the organization.
    pub fn opens(&self) -> Option<String> {
        let mut parts = Vec::new();
        let quoted =
            |what: &str, text: &str| format!("{what} matching \u{201c}{}\u{201d}", text.trim());
        match self.view {
            View::KeyLookup => {
                let keys = &self.keys;
                if !keys.query.text.trim().is_empty() {
                    parts.push(quoted("keys", &keys.query.text));
                }
                if !keys.query.statuses.is_empty() {
                    let names: Vec<&str> = keys
                        .query
                        .statuses
                        .iter()
                        .map(|s| crate::status::status_name(s).unwrap_or(s))
                        .collect();
                    parts.push(format!("status {}", names.join(" or ")));
                }
                if keys.query.needs_attention {
                    parts.push("keys that need attention".to_owned());
                }
                if keys.sort != Sort::default() {
                    parts.push(format!("sorted by {}", keys.sort.words()));
                }
                if let Some(id) = &keys.selected {
                    parts.push(format!("the details of key {id}"));
                }
                if let Some(id) = &keys.versus {
                    parts.push(format!("compared with key {id}"));
                }
            }
            View::PrivilegeExplorer => {
                let explorer = &self.explorer;
                if explorer.custom_only {
                    parts.push("the privileges a custom key may hold".to_owned());
                }
                if !explorer.query.text.trim().is_empty() {
                    parts.push(quoted("privileges", &explorer.query.text));
                }
                if !explorer.query.owners.is_empty() {
                    parts.push(format!("owner {}", explorer.query.owners.join(" or ")));
                }
                if !explorer.query.types.is_empty() {
                    parts.push(format!("type {}", explorer.query.types.join(" or ")));
                }
                if !explorer.finder.trim().is_empty() {
                    parts.push(quoted("API operations", &explorer.finder));
                }
                if explorer.purpose != Purpose::default() {
                    parts.push(format!("a key for: {}", explorer.purpose.label()));
                }
                if !explorer.selection.is_empty() {
                    let picks =
                        crate::text::count(explorer.selection.len(), "privilege", "privileges");
                    parts.push(format!("{picks} in the builder"));
                }
                if let Some(id) = &explorer.compare {
                    parts.push(format!("compared with key {id}"));
                }
            }
        }
        if parts.is_empty() {
            return None;
        }
        let place = match &self.org {
            Some(org) => format!("{} of {org}", self.view.label()),
            None => self.view.label().to_owned(),
        };
        Some(format!("{place}: {}", parts.join(" · ")))
    }

    /// Reads a query string (with or without its `?`). Anything unknown, repeated or
    /// invalid falls back to the default; parameters such as `token` or `base` are never
    /// read, so a link cannot supply a secret or redirect requests.
    pub fn from_query(query: &str) -> UrlState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = UrlState::default();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "view" => state.view = View::from_code(&value).unwrap_or(state.view),
                "region" => state.region = Region::from_code(&value).unwrap_or(state.region),
                "org" => state.org = OrgId::parse(&value).ok().or(state.org),
                "q" => state.keys.query.text = value.chars().take(MAX_TEXT).collect(),
                "status" => state.keys.query.statuses = status_list(&value),
                "attention" => state.keys.query.needs_attention = value == "1",
                "sort" => state.keys.sort = Sort::from_code(&value).unwrap_or_default(),
                "key" => state.keys.selected = Some(value.into_owned()).filter(|id| is_key_id(id)),
                "vs" => state.keys.versus = Some(value.into_owned()).filter(|id| is_key_id(id)),
                "pq" => state.explorer.query.text = value.chars().take(MAX_TEXT).collect(),
                "owner" => state.explorer.query.owners = status_list(&value),
                "type" => {
                    state.explorer.query.types = value
                        .split(',')
                        .filter(|t| *t == ALLOWED || is_status(t))
                        .take(20)
                        .map(str::to_owned)
                        .collect()
                }
                "filter" => state.explorer.custom_only = value.eq_ignore_ascii_case("custom"),
                "pick" => {
                    let mut picks: Vec<PrivilegeRef> = Vec::new();
                    for code in value.split(',').take(MAX_PICKS) {
                        if let Some(pick) =
                            PrivilegeRef::from_code(code).filter(|p| !picks.contains(p))
                        {
                            picks.push(pick);
                        }
                    }
                    state.explorer.selection = picks;
                }
                "op" => state.explorer.finder = value.chars().take(MAX_TEXT).collect(),
                "purpose" => {
                    state.explorer.purpose = Purpose::from_code(&value).unwrap_or_default()
                }
                "compare" => {
                    state.explorer.compare = Some(value.into_owned()).filter(|id| is_key_id(id))
                }
                _ => {}
            }
        }
        state
    }

    /// Writes the query string, with its `?`; defaults are left out to keep links short.
    /// Only what [`from_query`](Self::from_query) accepts is written, each value as it
    /// would read it back: a value from the API that the reader would refuse (a hostile
    /// id or privilege code) never reaches the address bar or a copied link. Nor does a
    /// secret: a free text is written without the `secrets` it holds, the finder's call
    /// as its method and path only, and an id or a code that holds one is left out.
    pub fn to_query(&self, secrets: &LinkSecrets) -> String {
        let (keys, explorer) = (&self.keys, &self.explorer);
        let open = |value: &String| !secrets.in_text(value);
        let picks = explorer
            .selection
            .iter()
            .map(PrivilegeRef::code)
            .filter(|code| PrivilegeRef::from_code(code).is_some_and(|p| p.code() == *code))
            .filter(open)
            .take(MAX_PICKS)
            .collect();
        let types = explorer
            .query
            .types
            .iter()
            .filter(|t| *t == ALLOWED || is_status(t))
            .filter(|t| open(t))
            .take(20)
            .cloned()
            .collect();
        let text = |value: &str| text(&secrets.without(value));
        let key_id = |id: &Option<String>| key_id(id).filter(open);
        let statuses = |values: &[String]| statuses(values).into_iter().filter(open).collect();
        let unless_default = |differs: bool, code: &str| differs.then(|| code.to_owned());
        let pairs = [
            (
                "view",
                unless_default(self.view != View::default(), self.view.code()),
            ),
            (
                "region",
                unless_default(self.region != Region::default(), self.region.code()),
            ),
            (
                "org",
                self.org
                    .as_ref()
                    .map(|org| org.as_str().to_owned())
                    .filter(open),
            ),
            ("q", text(&keys.query.text)),
            ("status", joined(statuses(&keys.query.statuses))),
            ("attention", keys.query.needs_attention.then(|| "1".into())),
            (
                "sort",
                (keys.sort != Sort::default()).then(|| keys.sort.code()),
            ),
            ("key", key_id(&keys.selected)),
            ("vs", key_id(&keys.versus)),
            ("pq", text(&explorer.query.text)),
            ("owner", joined(statuses(&explorer.query.owners))),
            ("type", joined(types)),
            ("filter", explorer.custom_only.then(|| "custom".into())),
            ("pick", joined(picks)),
            ("compare", key_id(&explorer.compare)),
            ("op", finder_text(&explorer.finder, secrets)),
            (
                "purpose",
                unless_default(
                    explorer.purpose != Purpose::default(),
                    explorer.purpose.code(),
                ),
            ),
        ];
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (name, value) in pairs {
            if let Some(value) = value {
                query.append_pair(name, &value);
            }
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

/// A list as the reader reads it; `None` when empty.
fn joined(values: Vec<String>) -> Option<String> {
    (!values.is_empty()).then(|| values.join(","))
}

/// A text field as the reader keeps it; `None` when empty.
fn text(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.chars().take(MAX_TEXT).collect())
}

/// The finder's text as a link keeps it: a call as its method and path only (a call
/// copied from a log often carries credentials in its query string), a path segment that
/// holds a secret as `{value}`, which fits any route as the segment did; words without
/// the secrets they hold.
fn finder_text(finder: &str, secrets: &LinkSecrets) -> Option<String> {
    let Some((method, path)) = crate::operations::call_of(finder) else {
        return text(&secrets.without(finder));
    };
    let mut call = method.map(|m| format!("{m} ")).unwrap_or_default();
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        call.push('/');
        call.push_str(if secrets.in_text(segment) {
            "{value}"
        } else {
            segment
        });
    }
    if path.ends_with('/') || call.ends_with(' ') || call.is_empty() {
        call.push('/');
    }
    // Cut where the reader would, at a segment's end, so that the call still reads as one.
    while call.chars().count() > MAX_TEXT {
        match call.rfind('/') {
            Some(at) if at > 0 && !call[..at].ends_with(' ') => call.truncate(at),
            _ => return None,
        }
    }
    Some(call)
}

/// A key id the reader accepts.
fn key_id(id: &Option<String>) -> Option<String> {
    id.clone().filter(|id| is_key_id(id))
}

/// The statuses (or owners) the reader accepts, as many as it keeps.
fn statuses(values: &[String]) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for value in values {
        if is_status(value) && !kept.contains(value) && kept.len() < 20 {
            kept.push(value.clone());
        }
    }
    kept
}

/// Adds `value` to a list of picks (statuses, owners, builder picks...), or takes it out
/// if it is there: what a chip or a checkbox does.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}

/// Reads `ENABLED,DISABLED`: Coveo names only (capitals, digits and `_`), at most 20, no
/// repeats.
fn status_list(value: &str) -> Vec<String> {
    let mut statuses: Vec<String> = Vec::new();
    for status in value.split(',').map(str::trim) {
        if is_status(status) && !statuses.iter().any(|s| s == status) && statuses.len() < 20 {
            statuses.push(status.to_owned());
        }
    }
    statuses
}

/// A Coveo name: capitals, digits and `_`, at most 64.
fn is_status(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// An API key id as Coveo makes them: letters, digits, `-` and `_`, at most 128.
fn is_key_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
