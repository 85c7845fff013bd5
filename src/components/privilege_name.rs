//! A privilege as people read it: the Console's name, then its code in monospace; a pair
//! the catalog does not name shows its code only.

use domain::privilege_explorer::PrivilegeRef;
use leptos::prelude::*;

#[component]
pub fn PrivilegeName(privilege: PrivilegeRef) -> impl IntoView {
    let title = privilege.title();
    view! {
        <span class="privilege-name">
            {title.map(|t| view! { <span class="name">{t}</span> " " })}
            <code>{privilege.code()}</code>
        </span>
    }
}
