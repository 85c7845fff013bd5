//! The view state a shared link carries: which view, region and organization, and each
//! view's own state. Never the token, never the API base URL.

use crate::key_list::{KeyQuery, Sort};
use crate::org_id::OrgId;
use crate::privilege_explorer::{ExplorerQuery, PrivilegeRef, ALLOWED};
use crate::purpose::Purpose;
use crate::region::Region;

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
                        .filter(|t| *t == ALLOWED || status_list(t).len() == 1)
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
    pub fn to_query(&self) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if self.view != View::default() {
            query.append_pair("view", self.view.code());
        }
        if self.region != Region::default() {
            query.append_pair("region", self.region.code());
        }
        if let Some(org) = &self.org {
            query.append_pair("org", org.as_str());
        }
        let keys = &self.keys;
        if !keys.query.text.is_empty() {
            query.append_pair("q", &keys.query.text);
        }
        if !keys.query.statuses.is_empty() {
            query.append_pair("status", &keys.query.statuses.join(","));
        }
        if keys.query.needs_attention {
            query.append_pair("attention", "1");
        }
        if keys.sort != Sort::default() {
            query.append_pair("sort", &keys.sort.code());
        }
        if let Some(id) = &keys.selected {
            query.append_pair("key", id);
        }
        if let Some(id) = &keys.versus {
            query.append_pair("vs", id);
        }
        let explorer = &self.explorer;
        if !explorer.query.text.is_empty() {
            query.append_pair("pq", &explorer.query.text);
        }
        if !explorer.query.owners.is_empty() {
            query.append_pair("owner", &explorer.query.owners.join(","));
        }
        if !explorer.query.types.is_empty() {
            query.append_pair("type", &explorer.query.types.join(","));
        }
        if explorer.custom_only {
            query.append_pair("filter", "custom");
        }
        if !explorer.selection.is_empty() {
            let codes: Vec<String> = explorer.selection.iter().map(PrivilegeRef::code).collect();
            query.append_pair("pick", &codes.join(","));
        }
        if let Some(id) = &explorer.compare {
            query.append_pair("compare", id);
        }
        if !explorer.finder.is_empty() {
            query.append_pair("op", &explorer.finder);
        }
        if explorer.purpose != Purpose::default() {
            query.append_pair("purpose", explorer.purpose.code());
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
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
        let valid = !status.is_empty()
            && status.len() <= 64
            && status
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if valid && !statuses.iter().any(|s| s == status) && statuses.len() < 20 {
            statuses.push(status.to_owned());
        }
    }
    statuses
}

/// An API key id as Coveo makes them: letters, digits, `-` and `_`, at most 128.
fn is_key_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
