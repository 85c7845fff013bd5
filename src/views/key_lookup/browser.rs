//! The loaded keys: the filter, the table, the details of the selected key beside it
//! (above it on a narrow screen).

use std::sync::Arc;

use domain::can_term::split_filter;
use domain::decode::Decoded;
use domain::fold::query_words;
use domain::key_list::{KeyIndex, KeyQuery, Sort, SortKey};
use domain::model::ApiKey;
use domain::templates::Templates;
use domain::text::{count, thousands};
use gloo_timers::callback::Timeout;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::can_chips::CanChips;
use super::columns::{optional_headers, ColumnsMenu, KeyColumns};
use super::export_buttons::ExportButtons;
use super::identify::{IdentifyByValue, KeyValueInFilter};
use super::key_details::KeyDetails;
use super::key_row::KeyRow;
use super::pager::Pager;
use super::sort_header::SortHeader;
use super::status_chips::StatusChips;
use super::versus::KeyVersus;
use crate::app::navigation::Entry;
use crate::app::state::{use_app, AppState};
use crate::components::copy_button::CopyButton;
use crate::components::filter_input::{typed_in_a_field, FilterInput};
use crate::components::key_picker::KeySearch;
use crate::components::templates_note::TemplatesNote;

/// Rows on a page: two screens of a laptop. The DOM stays small however many keys the
/// organization has, and a keystroke that changes the page builds few rows.
const PAGE: usize = 25;

/// Keys ready to show: searchable, and in the order the URL asked for when they became
/// ready.
#[derive(Clone)]
pub struct ReadyKeys {
    pub index: Arc<KeyIndex>,
    pub sort: Sort,
    pub order: Arc<Vec<usize>>,
}

/// The keys that match a query, in order, with the query and order they answer: the
/// next keystroke searches among them when it only narrows the query.
#[derive(Clone, PartialEq)]
struct Matches {
    query: KeyQuery,
    sort: Sort,
    rows: Vec<usize>,
}

/// The loaded keys: filters, table and details.
#[component]
pub fn KeyBrowser(data: Arc<Decoded<ApiKey>>, keys: ReadyKeys) -> impl IntoView {
    let AppState { nav, lists, .. } = use_app();
    let total = data.items.len();
    // The organization's templates, which name each key's template, once they are in.
    let templates = Memo::new(move |_| lists.templates_of(lists.keys));
    let ReadyKeys {
        index,
        sort: first_sort,
        order: first_order,
    } = keys;

    let sort = Memo::new(move |_| nav.with(|u| u.keys.sort));
    let query = Memo::new(move |_| nav.with(|u| u.keys.query.clone()));
    let matches = matching_keys(
        index.clone(),
        data.clone(),
        (first_sort, first_order),
        sort,
        query,
    );
    let shown = Signal::derive(move || matches.with(|m| m.rows.len()));
    // One memo, so a keystroke does not wake every row's "selected?" check.
    let selected = Memo::new(move |_| nav.with(|u| u.keys.selected.clone()));
    let page = first_page(&data, &matches, selected);
    let visible = Signal::derive(move || {
        matches.with(|m| {
            let from = (page.get() * PAGE).min(m.rows.len().saturating_sub(1) / PAGE * PAGE);
            m.rows[from..m.rows.len().min(from + PAGE)].to_vec()
        })
    });
    let filter_input = NodeRef::<html::Input>::new();
    escape_closes_details(move || nav.go(Entry::Push, |u| u.keys.selected = None));
    focus_when_lost(filter_input);
    let open_only_match = open_only_match(data.clone(), matches);
    let columns = use_context::<RwSignal<KeyColumns>>().unwrap_or_default();

    view! {
        <div class="key-browser">
            <div class="filters">
                <FilterInput
                    id="key-filter"
                    label="Filter keys"
                    placeholder="Name, description, id, creator, or can:SOURCE.EDIT (press / to focus)"
                    value=Signal::derive(move || query.with(|q| q.text.clone()))
                    on_change=move |text| nav.go(Entry::Replace, |u| u.keys.query.text = text)
                    node_ref=filter_input
                    slash=true
                    on_enter=open_only_match
                />
                <CanChips index=index.clone() query=query/>
                <KeyValueInFilter text=Signal::derive(move || query.with(|q| q.text.clone()))/>
                <StatusChips index=index.clone() query=query/>
            </div>
            <div class="count-line">
                <p class="count" role="status" data-testid="key-count">
                    {move || format!("{} of {}", thousands(shown.get()), count(total, "key", "keys"))}
                </p>
                <div class="count-actions">
                    <CopyButton text=Signal::derive(move || nav.share_link()) label="Copy link"/>
                    <ColumnsMenu columns=columns/>
                    <ExportButtons data=data.clone() rows=Signal::derive(move || matches.with(|m| m.rows.clone()))/>
                </div>
            </div>
            <TemplatesNote
                failure=Signal::derive(move || lists.templates_failure_of(lists.keys))
                on_retry=move || lists.load_templates()
            />
            <IdentifyByValue data=data.clone()/>
            <KeyVersus data=data.clone() selected=selected templates=templates/>
            <div class="key-layout">
                <SelectedDetails data=data.clone() index=index.clone() selected=selected templates=templates/>
                <div class="key-list">
                    <NoMatch shown=shown total=total/>
                    <KeyTable data=data index=index rows=visible sort=sort query=query selected=selected columns=Signal::derive(move || KeyColumns::shown(columns.get(), sort.get())) templates=templates/>
                    <Pager page=page total=shown per_page=PAGE/>
                </div>
            </div>
        </div>
    }
}

/// The keys matching `query`, in `sort`'s order. `first` is the order prepared with the
/// index, which serves its own sort; other sorts are computed. While the query only
/// narrows (typing on), the next matches are looked for among the last ones.
fn matching_keys(
    index: Arc<KeyIndex>,
    data: Arc<Decoded<ApiKey>>,
    first: (Sort, Arc<Vec<usize>>),
    sort: Memo<Sort>,
    query: Memo<KeyQuery>,
) -> Memo<Matches> {
    let sorted = {
        let index = index.clone();
        Memo::new(move |_| match sort.get() {
            sort if sort == first.0 => first.1.clone(),
            sort => Arc::new(index.sorted(&data.items, sort)),
        })
    };
    Memo::new(move |last: Option<&Matches>| {
        let sort = sort.get();
        query.with(|q| {
            let rows = match last {
                Some(last) if last.sort == sort && last.query.narrows_to(q) => {
                    index.filter(&last.rows, q)
                }
                _ => sorted.with(|order| index.filter(order, q)),
            };
            Matches {
                query: q.clone(),
                sort,
                rows,
            }
        })
    })
}

/// The table of the keys at `rows` (a page of the matches), with sortable headers.
#[component]
fn KeyTable(
    data: Arc<Decoded<ApiKey>>,
    index: Arc<KeyIndex>,
    rows: Signal<Vec<usize>>,
    sort: Memo<Sort>,
    query: Memo<KeyQuery>,
    selected: Memo<Option<String>>,
    columns: Signal<KeyColumns>,
    templates: Memo<Option<Arc<Templates>>>,
) -> impl IntoView {
    let nav = use_app().nav;
    let words = Memo::new(move |_| query.with(|q| query_words(&split_filter(&q.text).0)));
    let explain = Signal::derive(move || query.with(|q| q.needs_attention));
    let table = NodeRef::<html::Table>::new();
    focus_back_to_closed_key(selected, table);
    let row = move |(at, columns): (usize, KeyColumns)| {
        let id = data.items[at].id.clone();
        let is_selected = {
            let id = id.clone();
            Signal::derive(move || selected.with(|s| s.as_ref() == Some(&id)))
        };
        view! {
            <KeyRow
                key=data.items[at].clone()
                flags=index.flags(at).to_vec()
                words=words
                selected=is_selected
                columns=columns
                templates=templates
                on_open=move || nav.go(Entry::Push, |u| u.keys.selected = Some(id.clone()))
            />
        }
    };
    view! {
        <div class="table-wrap">
            <table class="key-table" class:explain=explain data-testid="key-table" node_ref=table>
                <thead>
                    <tr>
                        <SortHeader label="Display name" key=SortKey::Name sort=sort class="name"/>
                        <th scope="col" class="description">"Description"</th>
                        <th scope="col" class="id">"Key ID"</th>
                        <SortHeader label="Status" key=SortKey::Status sort=sort class="status-cell"/>
                        <SortHeader label="Expires" key=SortKey::Expires sort=sort class="date expires"/>
                        <SortHeader label="Last used" key=SortKey::LastUsed sort=sort class="date last-used"/>
                        <th scope="col" class="creator">"Created by"</th>
                        <th scope="col" class="number">"Privileges"</th>
                        {optional_headers(columns, sort)}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || { let shown = columns.get(); rows.get().into_iter().map(move |at| (at, shown)) } key=|row| *row children=row/>
                </tbody>
            </table>
        </div>
    }
}

/// Enter in the filter: opens the one key it leaves, if it leaves one.
fn open_only_match(data: Arc<Decoded<ApiKey>>, matches: Memo<Matches>) -> impl Fn() + 'static {
    let nav = use_app().nav;
    move || {
        let only = matches.with_untracked(|m| (m.rows.len() == 1).then(|| m.rows[0]));
        if let Some(at) = only {
            let id = data.items[at].id.clone();
            nav.go(Entry::Push, move |u| u.keys.selected = Some(id));
        }
    }
}

/// The filter takes the focus when the list comes and the focus is nowhere or on the
/// button that asked for it (Load, or the sample data: the form folds away): the next
/// thing typed searches. A field the user is typing in keeps it. Once the list is
/// painted: moving the focus lays the page out, and the list should not wait for it.
fn focus_when_lost(filter_input: NodeRef<html::Input>) {
    Effect::new(move |_| {
        if filter_input.get().is_some() {
            request_animation_frame(move || {
                // A task after this frame's paint.
                Timeout::new(0, move || {
                    let lost = focus_is_lost()
                        || document().active_element().is_some_and(|el| {
                            el.tag_name() == "BUTTON"
                                && el.closest("form.connection").ok().flatten().is_some()
                        });
                    // The view may be gone by then (another view shown in this frame).
                    let input = filter_input.try_get_untracked().flatten();
                    if let Some(input) = input.filter(|_| lost) {
                        let _ = input.focus();
                    }
                })
                .forget();
            });
        }
    });
}

/// When a key's details close while the focus was in them (it is then lost to the
/// page), it goes back to the key's name in the table.
fn focus_back_to_closed_key(selected: Memo<Option<String>>, table: NodeRef<html::Table>) {
    Effect::watch(
        move || selected.get(),
        move |now, before, _| {
            let (Some(Some(closed)), None) = (before, now) else {
                return;
            };
            if !focus_is_lost() {
                return;
            }
            let Some(rows) = table
                .get_untracked()
                .and_then(|t| t.query_selector_all("tbody tr").ok())
            else {
                return;
            };
            let name = (0..rows.length())
                .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
                .find(|row| row.get_attribute("data-key").as_ref() == Some(closed))
                .and_then(|row| row.query_selector("td.name button").ok().flatten());
            if let Some(name) = name.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = name.focus();
            }
        },
        false,
    );
}

/// Whether the focus is nowhere: on the page's body, as when what held it went away.
fn focus_is_lost() -> bool {
    let body = document().body();
    document()
        .active_element()
        .is_none_or(|el| body.is_some_and(|b| el == *b))
}

/// Escape outside a field calls `on_escape` (closing the details).
fn escape_closes_details(on_escape: impl Fn() + 'static) {
    let handle = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" && !typed_in_a_field(&ev) {
            on_escape();
        }
    });
    on_cleanup(move || handle.remove());
}

/// The details of the key whose id is `selected`, on the page shown or not (a link to a
/// key the filters hide): beside the table on a wide screen, above it on a narrow one.
#[component]
fn SelectedDetails(
    data: Arc<Decoded<ApiKey>>,
    index: Arc<KeyIndex>,
    selected: Memo<Option<String>>,
    templates: Memo<Option<Arc<Templates>>>,
) -> impl IntoView {
    let nav = use_app().nav;
    move || {
        let selected = selected.get()?;
        let at = data.items.iter().position(|k| k.id == selected)?;
        Some(view! {
            <KeyDetails
                key=data.items[at].clone()
                flags=index.flags(at).to_vec()
                keys=KeySearch { data: data.clone(), index: index.clone() }
                templates=templates
                on_close=move || nav.go(Entry::Push, |u| u.keys.selected = None)
            />
        })
    }
}

/// The page to show: the one holding the key a link selected, then the first again
/// whenever the query or the order changes.
fn first_page(
    data: &Decoded<ApiKey>,
    matches: &Memo<Matches>,
    selected: Memo<Option<String>>,
) -> RwSignal<usize> {
    let start = selected.with_untracked(|id| {
        let at = data.items.iter().position(|k| Some(&k.id) == id.as_ref())?;
        matches.with_untracked(|m| m.rows.iter().position(|&r| r == at))
    });
    let page = RwSignal::new(start.map_or(0, |row| row / PAGE));
    let matches = *matches;
    Effect::watch(
        move || matches.with(|m| (m.query.clone(), m.sort)),
        move |_, _, _| page.set(0),
        false,
    );
    page
}

/// Why no row shows: no key at all, or none that matches (with a way out).
#[component]
fn NoMatch(shown: Signal<usize>, total: usize) -> impl IntoView {
    let nav = use_app().nav;
    move || {
        (shown.get() == 0).then(|| {
            if total == 0 {
                view! { <p class="empty" data-testid="no-keys">"This organization has no API keys."</p> }.into_any()
            } else {
                view! {
                    <p class="empty" data-testid="no-match">
                        "No key matches these filters. "
                        <button type="button" class="link" on:click=move |_| nav.go(Entry::Replace, |u| u.keys.query = KeyQuery::default())>
                            "Clear all filters"
                        </button>
                    </p>
                }
                .into_any()
            }
        })
    }
}
