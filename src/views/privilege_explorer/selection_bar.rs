//! On a phone the builder is far below the list: a bar kept at the bottom of the screen
//! says how many privileges are ticked and copies their JSON from wherever one is.

use domain::privilege_explorer::{builder_json, PrivilegeRef};
use domain::text::count;
use leptos::prelude::*;

use crate::components::copy_button::CopyButton;

/// "N selected · Copy JSON", while `selection` holds any (shown on narrow screens only).
#[component]
pub fn SelectionBar(selection: Memo<Vec<PrivilegeRef>>) -> impl IntoView {
    let json = Signal::derive(move || selection.with(|s| builder_json(s)));
    move || {
        let n = selection.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <div class="selection-bar" data-testid="selection-bar">
                    <span>{count(n, "privilege", "privileges")} " selected"</span>
                    <CopyButton text=json label="Copy JSON"/>
                </div>
            }
        })
    }
}
