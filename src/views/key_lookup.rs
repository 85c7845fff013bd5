//! Key lookup: find any API key's id in seconds. A live, accent-insensitive filter over
//! keys prepared once, status and health chips, sortable columns, a copy button per row,
//! and the details of the selected key; all of it kept in the URL.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use domain::decode::Decoded;
use domain::endpoint::Endpoint;
use domain::fold::query_words;
use domain::key_list::{KeyIndex, KeyQuery, Sort, SortKey};
use domain::model::ApiKey;
use domain::text::{count, thousands};
use domain::time_text::relative;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::chunks;
use crate::clock::{local_time, now};
use crate::components::copy_button::CopyButton;
use crate::components::filter_input::FilterInput;
use crate::components::highlighted::highlighted;
use crate::components::key_details::KeyDetails;
use crate::components::list_status::list_status;
use crate::components::token_check::{explains, TokenCheck};
use crate::loader::LoadState;
use crate::session::Session;
use crate::time_slice::{yield_to_page, TimeSlice};

/// Rows rendered at first, and added by each "Show more": the DOM stays small however
/// many keys the organization has.
const PAGE: usize = 50;

#[component]
pub fn KeyLookup() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <section class="view" aria-labelledby="key-lookup-heading">
            <h2 id="key-lookup-heading">"Key lookup"</h2>
            {list_status(session.keys, session.connection, Endpoint::ApiKeys, |data| {
                chunks::deferred(move || chunks::key_browser(data.clone()))
            })}
            {move || match session.keys.state().get() {
                LoadState::Failed { error, .. } if explains(&error) => Some(view! { <TokenCheck/> }),
                _ => None,
            }}
        </section>
    }
}

/// Keys prepared for search per step; a slice takes as many steps as fit in its time.
const PREPARE_STEP: usize = 500;

/// Keys ready to show: searchable, and already in the order the URL asks for.
#[derive(Clone)]
struct ReadyKeys {
    index: Arc<KeyIndex>,
    sort: Sort,
    order: Arc<Vec<usize>>,
}

/// Prepares the keys for search a slice at a time, then sorts them in a slice of their
/// own, and shows them in another if the sort took one whole, so that even 50,000 keys
/// never freeze the page. Small lists are ready within the first slice.
#[component]
pub fn PreparedKeys(data: Arc<Decoded<ApiKey>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let total = data.items.len();
    let now = now();
    let prepare_slice = {
        let data = data.clone();
        move |index: &mut KeyIndex| {
            let slice = TimeSlice::start();
            loop {
                if index.prepare_more(&data.items, now, PREPARE_STEP) {
                    return true;
                }
                if slice.is_over() {
                    return false;
                }
            }
        }
    };
    let sorted = {
        let data = data.clone();
        move |index: KeyIndex| {
            let sort = session.url.with_untracked(|u| u.keys.sort);
            let order = index.sorted(&data.items, sort);
            ReadyKeys {
                index: Arc::new(index),
                sort,
                order: Arc::new(order),
            }
        }
    };

    let ready = RwSignal::new(None::<ReadyKeys>);
    let prepared = RwSignal::new(0);
    let mut index = KeyIndex::default();
    if prepare_slice(&mut index) {
        ready.set(Some(sorted(index)));
    } else {
        prepared.set(index.len());
        let abandoned = Arc::new(AtomicBool::new(false));
        on_cleanup({
            let abandoned = abandoned.clone();
            move || abandoned.store(true, Ordering::Relaxed)
        });
        spawn_local(async move {
            let mut done = false;
            while !done {
                yield_to_page().await;
                if abandoned.load(Ordering::Relaxed) {
                    return;
                }
                done = prepare_slice(&mut index);
                prepared.set(index.len());
            }
            yield_to_page().await;
            if abandoned.load(Ordering::Relaxed) {
                return;
            }
            // The sort and the first render each take a task of their own when the sort
            // has used a slice's time (50,000 keys), so no frame waits for both.
            let slice = TimeSlice::start();
            let keys = sorted(index);
            if slice.is_over() {
                yield_to_page().await;
            }
            if !abandoned.load(Ordering::Relaxed) {
                ready.set(Some(keys));
            }
        });
    }
    move || match ready.get() {
        Some(keys) => view! { <KeyBrowser data=data.clone() keys=keys/> }.into_any(),
        None => view! {
            <p class="loading" role="status" data-testid="preparing">
                <span class="spinner" aria-hidden="true"></span>
                "Preparing keys for search: " {move || thousands(prepared.get())} " of "
                {thousands(total)} "…"
            </p>
        }
        .into_any(),
    }
}

/// The loaded keys: filters, table and details.
#[component]
fn KeyBrowser(data: Arc<Decoded<ApiKey>>, keys: ReadyKeys) -> impl IntoView {
    let session = expect_context::<Session>();
    let total = data.items.len();
    let ReadyKeys {
        index,
        sort: first_sort,
        order: first_order,
    } = keys;

    let sort = Memo::new(move |_| session.url.with(|u| u.keys.sort));
    // The order prepared with the index serves the first render; later sorts are computed.
    let first_order = StoredValue::new(Some(first_order));
    let sorted = {
        let (index, data) = (index.clone(), data.clone());
        Memo::new(move |_| {
            let sort = sort.get();
            match first_order.try_update_value(Option::take).flatten() {
                Some(order) if sort == first_sort => Arc::unwrap_or_clone(order),
                _ => index.sorted(&data.items, sort),
            }
        })
    };
    let query = Memo::new(move |_| session.url.with(|u| u.keys.query.clone()));
    let words = Memo::new(move |_| query.with(|q| query_words(&q.text)));
    // While the query only narrows (typing on), the next matches are looked for among
    // the last ones instead of among every key.
    let last_search = StoredValue::new(None::<(KeyQuery, Sort)>);
    let matches = {
        let (index, data) = (index.clone(), data.clone());
        Memo::new(move |last: Option<&Vec<usize>>| {
            let sort = sort.get();
            query.with(|q| {
                let narrowed = last_search.with_value(|searched| {
                    searched.as_ref().is_some_and(|(last_query, last_sort)| {
                        *last_sort == sort && last_query.narrows_to(q)
                    })
                });
                let matches = match last {
                    Some(last) if narrowed => filter_keys(&index, &data.items, last, q),
                    _ => sorted.with(|order| filter_keys(&index, &data.items, order, q)),
                };
                last_search.set_value(Some((q.clone(), sort)));
                matches
            })
        })
    };
    // One memo, so a keystroke does not wake every row's "selected?" check.
    let selected = Memo::new(move |_| session.url.with(|u| u.keys.selected.clone()));
    let limit = RwSignal::new(PAGE);
    let visible = move || matches.with(|m| m[..m.len().min(limit.get())].to_vec());

    let filter_input = NodeRef::<html::Input>::new();
    // "/" jumps to the filter from anywhere but another field.
    let slash = window_event_listener(ev::keydown, move |ev| {
        let in_field = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() == "/" && !in_field && !ev.ctrl_key() && !ev.meta_key() {
            if let Some(input) = filter_input.get() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
        if ev.key() == "Escape"
            && !in_field
            && session.url.with_untracked(|u| u.keys.selected.is_some())
        {
            session.select_key(None);
        }
    });
    on_cleanup(move || slash.remove());

    let chips = {
        let statuses = index.status_counts();
        let attention = index.needing_attention();
        let status_chip = move |(status, n): (String, usize)| {
            let pressed = {
                let status = status.clone();
                move || query.with(|q| q.statuses.contains(&status))
            };
            let toggle = {
                let status = status.clone();
                move |_| {
                    session.update_keys(|k| {
                        let list = &mut k.query.statuses;
                        match list.iter().position(|s| *s == status) {
                            Some(i) => {
                                list.remove(i);
                            }
                            None => list.push(status.clone()),
                        }
                    })
                }
            };
            view! {
                <button type="button" class="chip-toggle" aria-pressed=move || pressed().to_string() on:click=toggle>
                    {status.replace('_', " ").to_ascii_lowercase()} " (" {thousands(n)} ")"
                </button>
            }
        };
        view! {
            <div class="chips" role="group" aria-label="Status">
                {statuses.into_iter().map(status_chip).collect_view()}
                <button
                    type="button"
                    class="chip-toggle attention"
                    aria-pressed=move || query.with(|q| q.needs_attention).to_string()
                    on:click=move |_| session.update_keys(|k| k.query.needs_attention = !k.query.needs_attention)
                >
                    "Needs attention (" {thousands(attention)} ")"
                </button>
            </div>
        }
    };

    let sort_header = move |label: &'static str, key: SortKey| {
        let state = move || {
            let current = sort.get();
            match (current.key == key, current.descending) {
                (true, false) => "ascending",
                (true, true) => "descending",
                (false, _) => "none",
            }
        };
        view! {
            <th scope="col" aria-sort=state>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| {
                        let current = sort.get_untracked();
                        let descending = current.key == key && !current.descending;
                        session.update_keys(|k| k.sort = Sort { key, descending });
                    }
                >
                    {label}
                    <span aria-hidden="true">
                        {move || match state() {
                            "ascending" => " ▲",
                            "descending" => " ▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };

    let row = {
        let (data, index) = (data.clone(), index.clone());
        let now = now();
        move |i: usize| {
            let key = &data.items[i];
            let flags = index.flags(i);
            let id = key.id.clone();
            let (name, description, key_id) = (
                key.display_name.clone().unwrap_or_default(),
                key.description.clone().unwrap_or_default(),
                key.id.clone(),
            );
            let date = move |at| {
                view! { <time title=local_time(at)>{relative(at, now)}</time> }
            };
            let health = (!flags.is_empty()).then(|| {
                let reasons = flags.iter().map(|f| f.reason()).collect::<Vec<_>>().join(" ");
                let labels = flags.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ");
                let title = reasons.clone();
                // In words when the user asked for what needs attention; short otherwise.
                view! {
                    <span class="flag" title=title>
                        {move || if query.with(|q| q.needs_attention) { reasons.clone() } else { labels.clone() }}
                    </span>
                }
            });
            let open = {
                let id = id.clone();
                move |_| session.select_key(Some(id.clone()))
            };
            view! {
                <tr class:selected=move || selected.with(|s| s.as_deref() == Some(id.as_str()))>
                    <td class="name">
                        <button type="button" class="link" on:click=open title="Show details">
                            {
                                let name = name.clone();
                                move || if name.is_empty() {
                                    "(no display name)".into_any()
                                } else {
                                    words.with(|w| highlighted(&name, w))
                                }
                            }
                        </button>
                        {health}
                    </td>
                    <td class="description">{move || words.with(|w| highlighted(&description, w))}</td>
                    <td class="id">
                        <code>{
                            let key_id = key_id.clone();
                            move || words.with(|w| highlighted(&key_id, w))
                        }</code>
                        <CopyButton text=key_id.clone() label="Copy key ID"/>
                    </td>
                    <td><code>{key.value.clone()}</code></td>
                    <td><span class="status">{key.status_label().to_owned()}</span></td>
                    <td>{key.created_date.map(date)}</td>
                    <td>{key.last_used_date.map(date).map(IntoAny::into_any).unwrap_or_else(|| "Never".into_any())}</td>
                    <td class="number">{key.privileges.len()}</td>
                </tr>
            }
        }
    };

    let details = {
        let (data, index) = (data.clone(), index.clone());
        move || {
            let selected = selected.get()?;
            let i = data.items.iter().position(|k| k.id == selected)?;
            Some(view! {
                <KeyDetails
                    key=data.items[i].clone()
                    flags=index.flags(i).to_vec()
                    on_close=move || session.select_key(None)
                />
            })
        }
    };

    let empty = move || {
        let shown = matches.with(Vec::len);
        (shown == 0).then(|| {
            if total == 0 {
                view! { <p class="empty" data-testid="no-keys">"This organization has no API keys."</p> }.into_any()
            } else {
                view! {
                    <p class="empty" data-testid="no-match">
                        "No key matches these filters. "
                        <button type="button" class="link" on:click=move |_| session.update_keys(|k| k.query = Default::default())>
                            "Clear all filters"
                        </button>
                    </p>
                }
                .into_any()
            }
        })
    };

    view! {
        <div class="key-browser">
            <div class="filters">
                <FilterInput
                    id="key-filter"
                    label="Filter keys"
                    placeholder="Name, description or id (press / to focus)"
                    value=Signal::derive(move || query.with(|q| q.text.clone()))
                    on_change=move |text| session.update_keys(|k| k.query.text = text)
                    node_ref=filter_input
                />
                {chips}
            </div>
            <p class="count" role="status" data-testid="key-count">
                {move || format!("{} of {}", thousands(matches.with(Vec::len)), count(total, "key", "keys"))}
            </p>
            {details}
            {empty}
            <div class="table-wrap">
                <table data-testid="key-table">
                    <thead>
                        <tr>
                            {sort_header("Display name", SortKey::Name)}
                            <th scope="col">"Description"</th>
                            <th scope="col">"Key ID"</th>
                            <th scope="col">"Value (masked)"</th>
                            <th scope="col">"Status"</th>
                            {sort_header("Created", SortKey::Created)}
                            {sort_header("Last used", SortKey::LastUsed)}
                            <th scope="col">"Privileges"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=visible key=|i| *i children=row/>
                    </tbody>
                </table>
            </div>
            {move || {
                let (shown, all) = (limit.get().min(matches.with(Vec::len)), matches.with(Vec::len));
                (shown < all).then(|| view! {
                    <button type="button" class="more" on:click=move |_| limit.update(|l| *l += PAGE * 2)>
                        "Show more (" {thousands(shown)} " of " {thousands(all)} " shown)"
                    </button>
                })
            }}
        </div>
    }
}

/// The keys of `order` that match `query`, from the prepared index.
#[cfg(not(feature = "naive-filter"))]
fn filter_keys(
    index: &KeyIndex,
    _keys: &[ApiKey],
    order: &[usize],
    query: &KeyQuery,
) -> Vec<usize> {
    index.filter(order, query)
}

/// The benchmark's baseline: the free text is matched by folding every field of every
/// key again (statuses and health as usual), to show what the prepared index buys.
#[cfg(feature = "naive-filter")]
fn filter_keys(index: &KeyIndex, keys: &[ApiKey], order: &[usize], query: &KeyQuery) -> Vec<usize> {
    let by_text = domain::key_list::filter_unprepared(keys, &query.text);
    let rest = KeyQuery {
        text: String::new(),
        ..query.clone()
    };
    index
        .filter(order, &rest)
        .into_iter()
        .filter(|i| by_text.binary_search(i).is_ok())
        .collect()
}
