//! The one picker widget: a field with a list of matches under it (a combobox), by
//! pointer or keyboard: arrows move through the matches (opening the list), Enter picks
//! the active one, Escape closes the list. The organization picker and the key picker
//! are made of it.
//!
//! The list's state ([`Combo`]) is apart from the field: it is attached to a field that
//! is already in the page and hears that field's events, so that a field drawn before
//! its list exists (the connection form's organization field, whose list comes with the
//! `connect` chunk) becomes the combobox when the list comes, without being drawn again.

use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, HtmlInputElement, KeyboardEvent};

/// One match: a name when it has one, and its code (an id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComboOption {
    pub name: Option<String>,
    pub code: String,
}

/// A list of matches: which one is active, whether it is open, and what picking does.
#[derive(Clone, Copy)]
pub struct Combo {
    list: &'static str,
    open: RwSignal<bool>,
    active: RwSignal<usize>,
    options: Signal<Vec<ComboOption>>,
    on_pick: Callback<usize>,
}

impl Combo {
    /// The listbox `list` of `options`; `on_pick` gets the picked option's place.
    pub fn new(
        list: &'static str,
        options: Signal<Vec<ComboOption>>,
        on_pick: Callback<usize>,
    ) -> Combo {
        Combo {
            list,
            open: RwSignal::new(false),
            active: RwSignal::new(0),
            options,
            on_pick,
        }
    }

    /// Opens the list (for a field that has the focus already).
    pub fn open(self) {
        self.open.set(true);
    }

    fn expanded(self) -> bool {
        self.open.get() && self.options.with(|o| !o.is_empty())
    }

    fn pick(self, n: usize) {
        self.open.set(false);
        self.on_pick.run(n);
    }

    /// What an event on the field does to the list (the field's own, or one that
    /// bubbled from it: `focusin` and `focusout` for `focus` and `blur`).
    pub fn hear(self, ev: &Event) {
        match ev.type_().as_str() {
            "input" => {
                self.active.set(0);
                self.open.set(true);
            }
            "focus" | "focusin" => self.open.set(true),
            "blur" | "focusout" => self.open.set(false),
            "keydown" => {
                let count = self.options.with_untracked(Vec::len);
                let key = ev.dyn_ref::<KeyboardEvent>();
                if let Some(n) = key.and_then(|key| combobox_key(key, count, self)) {
                    self.pick(n);
                }
            }
            _ => {}
        }
    }

    /// Makes `field` this list's combobox: its ARIA attributes say what the list shows,
    /// for as long as the list's owner lives.
    pub fn attach(self, field: HtmlInputElement) {
        let list = self.list;
        for (name, value) in [
            ("role", "combobox"),
            ("aria-autocomplete", "list"),
            ("aria-controls", list),
        ] {
            let _ = field.set_attribute(name, value);
        }
        Effect::new(move |_| {
            let expanded = self.expanded();
            let _ = field.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
            let _ = match expanded {
                true => field.set_attribute(
                    "aria-activedescendant",
                    &format!("{list}-{}", self.active.get()),
                ),
                false => field.remove_attribute("aria-activedescendant"),
            };
        });
    }
}

/// The listbox of `combo`, labelled `label`, with `more` a line after the options.
#[component]
pub fn ComboList(
    combo: Combo,
    label: &'static str,
    #[prop(optional, into)] more: Signal<Option<String>>,
) -> impl IntoView {
    let Combo { list, active, .. } = combo;
    let items = move || {
        combo.options.get().into_iter().enumerate().map(|(n, option)| {
            view! {
                <li
                    id=format!("{list}-{n}")
                    role="option"
                    aria-selected=move || (active.get() == n).to_string()
                    // Before the field's blur closes the list.
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| combo.pick(n)
                >
                    {option.name.map(|name| view! { <span class="match-name">{name}</span> " " })}
                    <code>{option.code}</code>
                </li>
            }
        }).collect_view()
    };
    view! {
        <ul id=list role="listbox" aria-label=label class="matches" hidden=move || !combo.expanded()>
            {items}
            {move || more.get().map(|line| view! { <li class="hint" role="presentation">{line}</li> })}
        </ul>
    }
}

/// The field `id` showing `value` (`on_text` hears each edit), over the listbox `list`
/// of `options` (`more` a line after them); `on_pick` gets the picked option's place.
#[component]
pub fn Combobox(
    id: &'static str,
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
    let combo = Combo::new(list, options, on_pick);
    let field = NodeRef::<Input>::new();
    field.on_load(move |input| combo.attach(input));
    let hear = move |ev: Event| combo.hear(&ev);
    view! {
        <input
            node_ref=field
            id=id
            type=kind
            autocomplete="off"
            spellcheck="false"
            placeholder=placeholder
            prop:value=move || value.get()
            on:input=move |ev| {
                on_text.run(event_target_value(&ev));
                hear(ev);
            }
            on:focus=move |ev| hear(ev.into())
            on:blur=move |ev| hear(ev.into())
            on:keydown=move |ev| hear(ev.into())
        />
        <ComboList combo=combo label=list_label more=more/>
    }
}

/// What `ev` does to `combo`'s `count` matches: which one to pick, if any.
fn combobox_key(ev: &KeyboardEvent, count: usize, combo: Combo) -> Option<usize> {
    let Combo { open, active, .. } = combo;
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
