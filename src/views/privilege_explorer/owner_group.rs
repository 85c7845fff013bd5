//! One owner's privileges: a collapsible section with the count of its matches and a
//! table of its target domains (those on the page).

use domain::model::ApiKey;
use domain::privilege_explorer::{owner_hint, PrivilegeRef};
use domain::privilege_groups::GroupPage;
use domain::text::count;
use leptos::prelude::*;

use super::domain_row::DomainRow;
use super::held_by::Holders;

/// The section of `owner`: its rows on `page`, and the count of all its matches.
#[component]
pub fn OwnerGroupView(
    owner: String,
    page: Memo<GroupPage>,
    selection: Memo<Vec<PrivilegeRef>>,
    compared: Memo<Option<ApiKey>>,
    holders: Holders,
    on_pick: Callback<(Vec<PrivilegeRef>, bool)>,
) -> impl IntoView {
    let domains = {
        let owner = owner.clone();
        Memo::new(move |_| {
            page.with(|p| {
                p.groups
                    .iter()
                    .find(|g| g.owner == owner)
                    .map(|g| g.domains.clone())
                    .unwrap_or_default()
            })
        })
    };
    let privilege_count = {
        let owner = owner.clone();
        move || {
            page.with(|p| {
                p.groups
                    .iter()
                    .position(|g| g.owner == owner)
                    .map_or(0, |at| p.privileges[at])
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
                        // Keyed by the whole row, so a keystroke only builds the rows that
                        // appear and drops the ones that go.
                        <For
                            each=move || domains.get()
                            key=|domain| domain.clone()
                            children=move |domain| view! {
                                <DomainRow owner=row_owner.clone() domain=domain selection=selection compared=compared holders=holders on_pick=on_pick/>
                            }
                        />
                    </tbody>
                </table>
            </div>
        </details>
    }
}
