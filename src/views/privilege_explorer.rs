//! Privilege explorer: every owner / targetDomain / type an API key can be given, grouped
//! and filtered, with a builder for the `privileges` parameter of a new key and a
//! comparison with an existing key; all of it kept in the URL.

use std::sync::Arc;

use domain::decode::Decoded;
use domain::endpoint::Endpoint;
use domain::model::{ApiKey, Privilege};
use domain::privilege_explorer::{
    builder_json, compare_counts, domain_words, key_holds, offers_custom_level, owner_hint,
    unsafe_for_public, PrivilegeIndex, PrivilegeRef, ALLOWED, PRIVILEGE_REFERENCE,
};
use domain::privilege_groups::{first_rows, group, row_count, type_label, DomainGroup};
use domain::text::{count, thousands};
use leptos::prelude::*;

use crate::chunks;
use crate::components::copy_button::CopyButton;
use crate::components::filter_input::FilterInput;
use crate::components::list_status::list_status;
use crate::loader::{LoadState, Origin};
use crate::location;
use crate::session::Session;

/// Target domains shown at first, and added by each "Show more": every real organization's
/// list fits in one page; thousands of rows never weigh on a keystroke.
const ROW_PAGE: usize = 200;

#[component]
pub fn PrivilegeExplorer() -> impl IntoView {
    let session = expect_context::<Session>();
    let custom_only = Memo::new(move |_| session.url.with(|u| u.explorer.custom_only));
    let link = Signal::derive(move || location::absolute_href(&session.url.get()));
    let endpoint = Endpoint::AssignablePrivileges { custom_only: false };
    view! {
        <section class="view" aria-labelledby="privilege-explorer-heading">
            <div class="view-head">
                <h2 id="privilege-explorer-heading">"Privilege explorer"</h2>
                <CopyButton text=link label="Copy link"/>
            </div>
            <fieldset class="list-switch">
                <legend>"Show"</legend>
                <label>
                    <input type="radio" name="privilege-list" prop:checked=move || !custom_only.get()
                        on:change=move |_| session.set_custom_only(false)/>
                    "All assignable privileges"
                </label>
                <label>
                    <input type="radio" name="privilege-list" prop:checked=move || custom_only.get()
                        on:change=move |_| session.set_custom_only(true)/>
                    "Only those allowed in a custom key"
                </label>
            </fieldset>
            {move || {
                let demo = session
                    .privileges
                    .state()
                    .with(|s| matches!(s.origin(), Some(Origin::Demo)));
                (demo && custom_only.get()).then(|| view! {
                    <p class="hint">"The sample data has a single list: it is shown for both choices."</p>
                })
            }}
            {list_status(session.privileges, session.connection, endpoint, |data| {
                chunks::deferred(move || chunks::privilege_browser(data.clone()))
            })}
        </section>
    }
}

/// The loaded privileges: filters, groups, builder and comparison.
#[component]
pub fn PrivilegeBrowser(data: Arc<Decoded<Privilege>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let all = data.items.len();
    let query = Memo::new(move |_| session.url.with(|u| u.explorer.query.clone()));
    let selection = Memo::new(move |_| session.url.with(|u| u.explorer.selection.clone()));
    let filtered = {
        let (index, data) = (PrivilegeIndex::new(&data.items), data.clone());
        Memo::new(move |_| query.with(|q| index.filter(&data.items, q)))
    };
    let groups = {
        let data = data.clone();
        Memo::new(move |_| filtered.with(|f| group(f.iter().map(|&i| &data.items[i]))))
    };
    let rows = Memo::new(move |_| groups.with(|gs| row_count(gs)));
    let limit = RwSignal::new(ROW_PAGE);
    let shown = Memo::new(move |_| groups.with(|gs| first_rows(gs, limit.get())));

    // The compared key, from the loaded key list (live or sample).
    let keys = Memo::new(move |_| match session.keys.state().get() {
        LoadState::Loaded { data, .. } => Some(data),
        _ => None,
    });
    let compared = Memo::new(move |_| {
        let id = session.url.with(|u| u.explorer.compare.clone())?;
        keys.with(|k| k.as_ref()?.items.iter().find(|key| key.id == id).cloned())
    });

    let toggle = move |pick: PrivilegeRef| {
        session.update_explorer(|e| match e.selection.iter().position(|p| *p == pick) {
            Some(i) => {
                e.selection.remove(i);
            }
            None => e.selection.push(pick),
        })
    };

    let chip_group = move |label: &'static str, values: Vec<String>, is_owner: bool| {
        let chips = values
            .into_iter()
            .map(|value| {
                let (v1, v2) = (value.clone(), value.clone());
                let pressed = move || {
                    query.with(|q| if is_owner { q.owners.contains(&v1) } else { q.types.contains(&v1) })
                };
                let flip = move |_| {
                    let value = v2.clone();
                    session.update_explorer(|e| {
                        let list = if is_owner { &mut e.query.owners } else { &mut e.query.types };
                        match list.iter().position(|v| *v == value) {
                            Some(i) => {
                                list.remove(i);
                            }
                            None => list.push(value),
                        }
                    })
                };
                view! {
                    <button type="button" class="chip-toggle" aria-pressed=move || pressed().to_string() on:click=flip>
                        {value}
                    </button>
                }
            })
            .collect_view();
        view! { <div class="chips" role="group" aria-label=label>{chips}</div> }
    };
    let mut owners: Vec<String> = group(&data.items).into_iter().map(|g| g.owner).collect();
    owners.dedup();
    let mut types: Vec<String> = Vec::new();
    for p in &data.items {
        let t = p.kind.clone().unwrap_or_else(|| ALLOWED.to_owned());
        if !types.contains(&t) {
            types.push(t);
        }
    }

    let type_chip = move |domain: &DomainGroup, owner: &str, kind: Option<String>| {
        let pick = PrivilegeRef {
            owner: owner.to_owned(),
            target_domain: domain.target_domain.clone(),
            kind: kind.clone(),
        };
        let safe = pick.safe_for_public_key();
        let (p1, p2, p3) = (pick.clone(), pick.clone(), pick);
        let held = Memo::new(move |_| compared.with(|k| k.as_ref().map(|key| key_holds(key, &p3))));
        view! {
            <label
                class="type-chip"
                class:has=move || held.get() == Some(true)
                class:lacks=move || held.get() == Some(false)
            >
                <input
                    type="checkbox"
                    prop:checked=move || selection.with(|s| s.contains(&p1))
                    on:change=move |_| toggle(p2.clone())
                />
                {type_label(kind.as_deref()).to_owned()}
                {safe.then(|| view! { <span class="safe" title="Coveo allows this in keys exposed in client-side code">" · public-safe"</span> })}
                {move || held.get().map(|h| if h { " ✓ key has it" } else { " ✗ key lacks it" })}
            </label>
        }
    };

    // One row per target domain; keyed by its whole content below, so a keystroke only
    // builds the rows that appear and drops the ones that go.
    let domain_row = move |owner: String, domain: DomainGroup| {
        let picks: Vec<PrivilegeRef> = domain
            .types
            .iter()
            .map(|kind| PrivilegeRef {
                owner: owner.clone(),
                target_domain: domain.target_domain.clone(),
                kind: kind.clone(),
            })
            .collect();
        let (picks1, picks2) = (picks.clone(), picks);
        let all_picked = move || selection.with(|s| picks1.iter().all(|p| s.contains(p)));
        let pick_all = move |_| {
            let picks = picks2.clone();
            let add = !selection.with_untracked(|s| picks.iter().all(|p| s.contains(p)));
            session.update_explorer(|e| {
                e.selection.retain(|p| !picks.contains(p));
                if add {
                    e.selection.extend(picks);
                }
            })
        };
        let details: Vec<String> = domain
            .targets
            .iter()
            .cloned()
            .chain(domain.levels.iter().map(|l| format!("Level {l}")))
            .collect();
        let chips = domain
            .types
            .iter()
            .map(|kind| type_chip(&domain, &owner, kind.clone()))
            .collect_view();
        view! {
            <tr>
                <td>
                    <input
                        type="checkbox"
                        aria-label=format!("All types of {}", domain.target_domain)
                        prop:checked=all_picked
                        on:change=pick_all
                    />
                </td>
                <th scope="row">
                    <code>{domain.target_domain.clone()}</code>
                    <span class="words">{domain_words(&domain.target_domain)}</span>
                    {offers_custom_level(&domain.target_domain).then(|| view! {
                        <span class="badge" title="Can be granted on chosen resources only">"custom access level"</span>
                    })}
                </th>
                <td class="types">{chips}</td>
                <td class="targets">{details.join(" · ")}</td>
            </tr>
        }
    };

    // One group per owner, keyed by owner: its rows (those on the page) and its count (of
    // every match) follow the filters.
    let owner_view = move |owner: String| {
        let domains = {
            let owner = owner.clone();
            Memo::new(move |_| {
                shown.with(|gs| {
                    gs.iter()
                        .find(|g| g.owner == owner)
                        .map(|g| g.domains.clone())
                        .unwrap_or_default()
                })
            })
        };
        let privilege_count = {
            let owner = owner.clone();
            move || {
                groups.with(|gs| {
                    gs.iter()
                        .filter(|g| g.owner == owner)
                        .flat_map(|g| &g.domains)
                        .map(|d| d.types.len())
                        .sum::<usize>()
                })
            }
        };
        let hint = owner_hint(&owner);
        let row_owner = owner.clone();
        view! {
            <details class="owner-group" open data-testid="owner-group">
                <summary>
                    <strong>{owner.clone()}</strong>
                    " " <span class="muted">{move || count(privilege_count(), "privilege", "privileges")}</span>
                    {hint.map(|h| view! { <span class="hint">" — " {h}</span> })}
                </summary>
                <div class="table-wrap">
                    <table aria-label=format!("{owner} privileges")>
                        <thead>
                            <tr>
                                <th scope="col"><span class="visually-hidden">"Select"</span></th>
                                <th scope="col">"Target domain"</th>
                                <th scope="col">"Types"</th>
                                <th scope="col">"Target and level"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || domains.get()
                                key=|domain| domain.clone()
                                children=move |domain| domain_row(row_owner.clone(), domain)
                            />
                        </tbody>
                    </table>
                </div>
            </details>
        }
    };

    let compare_picker = move || {
        keys.get().map(|keys| {
            let options = keys
                .items
                .iter()
                .map(|key: &ApiKey| {
                    let label = format!("{} ({})", key.display_name.as_deref().unwrap_or("(no name)"), key.id);
                    view! { <option value=key.id.clone()>{label}</option> }
                })
                .collect_view();
            view! {
                <div class="field compare">
                    <label for="compare-key">"Compare with a key"</label>
                    <select
                        id="compare-key"
                        prop:value=move || session.url.with(|u| u.explorer.compare.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            session.update_explorer(|e| e.compare = Some(id).filter(|id| !id.is_empty()));
                        }
                    >
                        <option value="">"No key"</option>
                        {options}
                    </select>
                </div>
            }
        })
    };
    let compare_summary = {
        let data = data.clone();
        move || {
            compared.get().map(|key| {
                let (held, lacks) = compare_counts(&key, &data.items);
                view! {
                    <p class="compare-summary" role="status" data-testid="compare-summary">
                        {key.display_name.clone().unwrap_or(key.id.clone())} " holds " {held} " of the "
                        {count(data.items.len(), "assignable privilege", "assignable privileges")} " and lacks " {lacks} "."
                    </p>
                }
            })
        }
    };

    let json = Signal::derive(move || selection.with(|s| builder_json(s)));
    let warning = move || {
        let risky: Vec<String> =
            selection.with(|s| unsafe_for_public(s).iter().map(|p| p.code()).collect());
        (!risky.is_empty()).then(|| view! {
            <p class="warning" data-testid="builder-warning">
                "Not safe for a public key (one exposed in client-side code): " {risky.join(", ")}
                ". Public keys should hold only Execute queries and Push on Analytics data."
            </p>
        })
    };

    view! {
        <div class="privilege-browser">
            <div class="filters">
                <FilterInput
                    id="privilege-filter"
                    label="Filter privileges"
                    placeholder="Domain, e.g. SOURCE or pipeline"
                    value=Signal::derive(move || query.with(|q| q.text.clone()))
                    on_change=move |text| session.update_explorer(|e| e.query.text = text)
                />
                {chip_group("Owner", owners, true)}
                {chip_group("Type", types, false)}
                {compare_picker}
            </div>
            <p class="count" role="status" data-testid="privilege-count">
                {move || format!("{} of {} · ", filtered.with(Vec::len), count(all, "privilege", "privileges"))}
                <a href=PRIVILEGE_REFERENCE target="_blank" rel="noopener noreferrer">"Coveo's privilege reference"</a>
            </p>
            {compare_summary}
            <div class="explorer-layout">
                <div class="groups">
                    <For
                        each=move || shown.with(|gs| gs.iter().map(|g| g.owner.clone()).collect::<Vec<_>>())
                        key=|owner| owner.clone()
                        children=owner_view
                    />
                    {move || (rows.get() > limit.get()).then(|| view! {
                        <p class="more-rows">
                            "Showing " {thousands(limit.get())} " of " {thousands(rows.get())} " target domains. "
                            <button type="button" class="more" on:click=move |_| limit.update(|l| *l += ROW_PAGE)>
                                "Show " {thousands(ROW_PAGE.min(rows.get() - limit.get()))} " more"
                            </button>
                        </p>
                    })}
                    {move || filtered.with(Vec::is_empty).then(|| view! {
                        <p class="empty" data-testid="no-privilege-match">"No privilege matches these filters."</p>
                    })}
                </div>
                <aside class="builder" aria-labelledby="builder-heading">
                    <h3 id="builder-heading">"Privilege builder"</h3>
                    <p class="hint">
                        "Tick privileges to get the " <code>"privileges"</code> " parameter of a new API key. "
                        {move || count(selection.with(Vec::len), "privilege", "privileges")} " selected."
                    </p>
                    {warning}
                    <pre data-testid="builder-json">{json}</pre>
                    <div class="actions">
                        <CopyButton text=json label="Copy JSON"/>
                        <button type="button" on:click=move |_| session.update_explorer(|e| e.selection.clear())>
                            "Clear selection"
                        </button>
                    </div>
                </aside>
            </div>
        </div>
    }
}
