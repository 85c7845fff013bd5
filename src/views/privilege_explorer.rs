//! Privilege explorer: every owner / targetDomain / type an API key can be given.

use domain::endpoint::Endpoint;
use domain::model::Privilege;
use leptos::prelude::*;

use crate::components::list_status::list_status;
use crate::session::Session;

#[component]
pub fn PrivilegeExplorer() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <section class="view" aria-labelledby="privilege-explorer-heading">
            <h2 id="privilege-explorer-heading">"Privilege explorer"</h2>
            {list_status(session.privileges, session.connection, Endpoint::AssignablePrivileges, |data| {
                view! { <PrivilegeTable privileges=data.items.clone()/> }
            })}
        </section>
    }
}

/// The privileges as a table; a missing type reads "Allowed", the Admin Console's word.
#[component]
pub fn PrivilegeTable(privileges: Vec<Privilege>) -> impl IntoView {
    let rows = privileges
        .into_iter()
        .map(|privilege| {
            view! {
                <tr>
                    <td>{privilege.owner}</td>
                    <td>{privilege.target_domain}</td>
                    <td>{privilege.kind.unwrap_or_else(|| "Allowed".to_owned())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table data-testid="privilege-table">
                <thead>
                    <tr>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Target domain"</th>
                        <th scope="col">"Type"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
