//! A key's status: its name ("Expires soon"), its code (`SOON_TO_BE_EXPIRED`) on hover,
//! or beside it with `with_code`; a status Coveo does not document shows its code only.

use domain::status::status_name;
use leptos::prelude::*;

#[component]
pub fn StatusName(code: String, #[prop(optional)] with_code: bool) -> impl IntoView {
    match status_name(&code) {
        Some(name) if !with_code => view! {
            <span class="status" title=code>{name}</span>
        }
        .into_any(),
        Some(name) => view! {
            <span class="status"><span class="name">{name}</span> " " <code>{code}</code></span>
        }
        .into_any(),
        None => view! { <span class="status"><code>{code}</code></span> }.into_any(),
    }
}
