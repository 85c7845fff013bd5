//! A key's status: its name ("Expires soon"), then its code in monospace; a status Coveo
//! does not document shows its code only.

use domain::status::status_name;
use leptos::prelude::*;

#[component]
pub fn StatusName(code: String) -> impl IntoView {
    let name = status_name(&code);
    view! {
        <span class="status">
            {name.map(|n| view! { <span class="name">{n}</span> " " })}
            <code>{code}</code>
        </span>
    }
}
