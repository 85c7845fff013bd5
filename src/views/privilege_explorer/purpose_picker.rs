//! The explorer's first question: what is the key for? Asked at the top of the view;
//! each answer pre-selects the privileges it usually needs, and the builder says why.

use domain::privilege_explorer::PrivilegeRef;
use domain::purpose::Purpose;
use leptos::prelude::*;

use crate::components::code_text::code_text;
use crate::components::privilege_name::PrivilegeName;

/// Radio buttons for the purposes, `purpose` checked; `on_choose` gets the one picked.
#[component]
pub fn PurposePicker(
    purpose: Memo<Purpose>,
    #[prop(into)] on_choose: Callback<Purpose>,
) -> impl IntoView {
    let options = Purpose::ALL
        .into_iter()
        .map(|p| {
            view! {
                <label>
                    <input type="radio" name="key-purpose" value=p.code()
                        prop:checked=move || purpose.get() == p
                        on:change=move |_| on_choose.run(p)/>
                    {p.label()}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="purpose">
            <legend>"What is the key for?"</legend>
            {options}
        </fieldset>
    }
}

/// What `purpose` pre-selected, each with why (nothing for a custom key).
#[component]
pub fn PurposeUsual(purpose: Memo<Purpose>) -> impl IntoView {
    move || {
        let usual = purpose.get().usual();
        (!usual.is_empty()).then(|| {
            let items = usual
                .iter()
                .filter_map(|u| Some((PrivilegeRef::from_code(u.code)?, u.why)))
                .map(|(pick, why)| view! { <li><PrivilegeName privilege=pick/> ": " {code_text(why)}</li> })
                .collect_view();
            view! {
                <p class="hint">"Pre-selected, as this kind of key usually needs:"</p>
                <ul class="usual" data-testid="purpose-usual">{items}</ul>
            }
        })
    }
}
