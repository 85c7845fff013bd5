//! The one picker widget: a field with a list of matches under it (a combobox), by
//! pointer or keyboard: arrows move through the matches (opening the list), Enter picks
//! the active one, Escape closes the list. The organization picker and the key picker
//! are made of it.

use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// One match: a name when it has one, and its code (an id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComboOption {
    pub name: Option<String>,
    pub code: String,
}

/// The field `id` showing `value` (`on_text` hears each edit), over the listbox `list`
/// of `options` (`more` a line after them); `on_pick` gets the picked option's place.
#[component]
pub fn Combobox(
    id: &'static str,
    #[prop(optional)] name: Option<&'static str>,
    kind: &'static str,
    placeholder: &'static str,
    list: &'static str,
    list_label: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_text: Callback<String>,
    #[prop(into)] options: Signal<Vec<ComboOption>>,
    #[prop(optional, into)] more: Signal<Option<String>>,
    #[prop(into)] on_pick: Callback<usize>,
) -> impl IntoView {
    let (open, active) = (RwSignal::new(false), RwSignal::new(0usize));
    let expanded = move || open.get() && options.with(|o| !o.is_empty());
    let pick = move |n: usize| {
        open.set(false);
        on_pick.run(n);
    };
    let on_key = move |ev: KeyboardEvent| {
        let count = options.with_untracked(Vec::len);
        if let Some(n) = combobox_key(&ev, count, active, open) {
            pick(n);
        }
    };
    let items = move || {
        options.get().into_iter().enumerate().map(|(n, option)| {
            view! {
                <li
                    id=format!("{list}-{n}")
                    role="option"
                    aria-selected=move || (active.get() == n).to_string()
                    // Before the field's blur closes the list.
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| pick(n)
                >
                    {option.name.map(|name| view! { <span class="match-name">{name}</span> " " })}
                    <code>{option.code}</code>
                </li>
            }
        }).collect_view()
    };
    view! {
        <input
            id=id
            name=name
            type=kind
            role="combobox"
            aria-autocomplete="list"
            aria-controls=list
            aria-expanded=move || expanded().to_string()
            aria-activedescendant=move || expanded().then(|| format!("{list}-{}", active.get()))
            autocomplete="off"
            spellcheck="false"
            placeholder=placeholder
            prop:value=move || value.get()
            on:input=move |ev| {
                on_text.run(event_target_value(&ev));
                active.set(0);
                open.set(true);
            }
            on:focus=move |_| open.set(true)
            on:blur=move |_| open.set(false)
            on:keydown=on_key
        />
        <ul id=list role="listbox" aria-label=list_label class="matches" hidden=move || !expanded()>
            {items}
            {move || more.get().map(|line| view! { <li class="hint" role="presentation">{line}</li> })}
        </ul>
    }
}

/// What `ev` does to a list of `count` matches: which one to pick, if any.
fn combobox_key(
    ev: &KeyboardEvent,
    count: usize,
    active: RwSignal<usize>,
    open: RwSignal<bool>,
) -> Option<usize> {
    match ev.key().as_str() {
        key @ ("ArrowDown" | "ArrowUp") if count > 0 => {
            ev.prevent_default();
            let step = if key == "ArrowDown" { 1 } else { count - 1 };
            let next = if open.get_untracked() {
                (active.get_untracked() + step) % count
            } else {
                0
            };
            active.set(next);
            open.set(true);
            None
        }
        "Enter" if open.get_untracked() && count > 0 => {
            ev.prevent_default();
            Some(active.get_untracked())
        }
        "Escape" if open.get_untracked() => {
            open.set(false);
            None
        }
        _ => None,
    }
}
