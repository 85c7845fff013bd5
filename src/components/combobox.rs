//! The one picker widget: a field with a list of matches under it (a combobox), by
//! pointer or keyboard: arrows move through the matches (opening the list), Enter picks
//! the active one, Escape closes the list. The organization picker and the key picker
//! are made of it.
//!
//! The field ([`ComboInput`]) is apart from the list's state ([`Combo`]) so that a field
//! drawn before its list exists (the connection form's organization field, whose list
//! comes with the `connect` chunk) becomes the combobox when the list comes, without
//! being drawn again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, KeyboardEvent};

/// One match: a name when it has one, and its code (an id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComboOption {
    pub name: Option<String>,
    pub code: String,
}

/// A list as the field it belongs to sees it: what the field's ARIA attributes say, and
/// where the field's events go.
#[derive(Clone, Copy)]
pub struct ComboLink {
    list: &'static str,
    expanded: Signal<bool>,
    active: Signal<Option<String>>,
    on_event: Callback<Event>,
}

/// The field `id` showing `value` (`on_text` hears each edit); the combobox of a list
/// once `link` has one, a plain field until then.
#[component]
pub fn ComboInput(
    id: &'static str,
    #[prop(optional)] name: Option<&'static str>,
    kind: &'static str,
    placeholder: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_text: Callback<String>,
    #[prop(into)] link: Signal<Option<ComboLink>>,
) -> impl IntoView {
    let linked = move |say: fn(ComboLink) -> Option<String>| move || link.get().and_then(say);
    let forward = move |ev: Event| {
        if let Some(link) = link.get_untracked() {
            link.on_event.run(ev);
        }
    };
    view! {
        <input
            id=id
            name=name
            type=kind
            role=linked(|_| Some("combobox".into()))
            aria-autocomplete=linked(|_| Some("list".into()))
            aria-controls=linked(|l| Some(l.list.into()))
            aria-expanded=linked(|l| Some(l.expanded.get().to_string()))
            aria-activedescendant=linked(|l| l.active.get())
            autocomplete="off"
            spellcheck="false"
            placeholder=placeholder
            prop:value=move || value.get()
            on:input=move |ev| {
                on_text.run(event_target_value(&ev));
                forward(ev);
            }
            on:focus=move |ev| forward(ev.into())
            on:blur=move |ev| forward(ev.into())
            on:keydown=move |ev| forward(ev.into())
        />
    }
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

    /// What an event on the field does to the list.
    fn hear(self, ev: &Event) {
        match ev.type_().as_str() {
            "input" => {
                self.active.set(0);
                self.open.set(true);
            }
            "focus" => self.open.set(true),
            "blur" => self.open.set(false),
            _ => {
                let count = self.options.with_untracked(Vec::len);
                let key = ev.dyn_ref::<KeyboardEvent>();
                if let Some(n) = key.and_then(|key| combobox_key(key, count, self)) {
                    self.pick(n);
                }
            }
        }
    }

    /// What the field needs to be this list's combobox.
    pub fn link(self) -> ComboLink {
        ComboLink {
            list: self.list,
            expanded: Signal::derive(move || self.expanded()),
            active: Signal::derive(move || {
                self.expanded()
                    .then(|| format!("{}-{}", self.list, self.active.get()))
            }),
            on_event: Callback::new(move |ev: Event| self.hear(&ev)),
        }
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
    view! {
        <ComboInput
            id=id
            kind=kind
            placeholder=placeholder
            value=value
            on_text=on_text
            link=Signal::stored(Some(combo.link()))
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
