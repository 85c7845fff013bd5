//! The builder's picks by name, each with a way to take it out; a pick the loaded list
//! does not offer (from a link, a purpose or the endpoint finder) says so, never
//! silently.

use std::collections::HashSet;
use std::sync::Arc;

use domain::privilege_explorer::PrivilegeRef;
use leptos::prelude::*;

use crate::components::privilege_name::PrivilegeName;

/// `selection`, by name; `offered` is what the organization can assign (None before its
/// list is loaded: nothing is said of it then); `on_remove` takes a pick out.
#[component]
pub fn BuilderPicks(
    selection: Memo<Vec<PrivilegeRef>>,
    offered: Option<Memo<Arc<HashSet<PrivilegeRef>>>>,
    #[prop(into)] on_remove: Callback<PrivilegeRef>,
) -> impl IntoView {
    let pick = move |privilege: PrivilegeRef| {
        let missing = offered.is_some_and(|o| o.with(|o| !o.contains(&privilege)));
        let name = privilege.title().unwrap_or_else(|| privilege.code());
        let removed = privilege.clone();
        view! {
            <li class:not-assignable=missing>
                <PrivilegeName privilege=privilege/>
                {missing.then(|| view! {
                    " " <span class="warning-text" data-testid="not-assignable">"not assignable in this organization"</span>
                })}
                " "
                <button
                    type="button"
                    class="chip-remove"
                    aria-label=format!("Take {name} out of the builder")
                    title="Take out of the builder"
                    on:click=move |_| on_remove.run(removed.clone())
                >
                    "×"
                </button>
            </li>
        }
    };
    // Keyed: taking one out leaves the others' elements as they are.
    view! {
        <ul class="builder-picks" data-testid="builder-picks">
            <For each=move || selection.get() key=PrivilegeRef::code children=pick/>
        </ul>
    }
}
