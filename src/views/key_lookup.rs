//! Key lookup: the organization's API keys, to find a key's `apiKeyId`.

use domain::endpoint::Endpoint;
use domain::model::ApiKey;
use leptos::prelude::*;

use crate::components::list_status::list_status;
use crate::session::Session;

#[component]
pub fn KeyLookup() -> impl IntoView {
    let session = expect_context::<Session>();
    view! {
        <section class="view" aria-labelledby="key-lookup-heading">
            <h2 id="key-lookup-heading">"Key lookup"</h2>
            {list_status(session.keys, session.connection, Endpoint::ApiKeys, |data| {
                view! { <KeyTable keys=data.items.clone()/> }
            })}
        </section>
    }
}

/// The keys as a table; every value is rendered as text.
#[component]
pub fn KeyTable(keys: Vec<ApiKey>) -> impl IntoView {
    let rows = keys
        .into_iter()
        .map(|key| {
            let status = key.status_label().to_owned();
            view! {
                <tr>
                    <td>{key.display_name}</td>
                    <td>{key.description}</td>
                    <td><code>{key.id}</code></td>
                    <td><code>{key.value}</code></td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table data-testid="key-table">
                <thead>
                    <tr>
                        <th scope="col">"Display name"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col">"Key ID"</th>
                        <th scope="col">"Value (masked)"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
