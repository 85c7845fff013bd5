//! A group of on/off chips (filters such as statuses, owners or types).

use std::sync::Arc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{FocusEvent, HtmlElement};

use domain::text::thousands;

use super::code_text::code_text;

/// Chips shown at first, and added by each "Show more": a hostile list may name 100,000
/// owners or types.
const CHIP_PAGE: usize = 40;

/// One chip per `(value, text)` (its code between backticks shows as code); a chip is
/// pressed when `pressed` holds its value, and a click reports its value to `on_toggle`.
/// `label` names the group for screen readers. The chips take one row: those that do not
/// fit wait behind "More", which says how many (and how many of them are on); a chip
/// reached with the keyboard unfolds them. Past [`CHIP_PAGE`] chips, the rest wait
/// behind "Show more" (pressed ones always show).
#[component]
pub fn ToggleChips(
    label: &'static str,
    #[prop(into)] chips: Arc<[(String, String)]>,
    #[prop(into)] pressed: Signal<Vec<String>>,
    #[prop(into)] on_toggle: Callback<String>,
    /// More chips after these, in the same group (the key lookup's "Needs attention").
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let total = chips.len();
    let limit = RwSignal::new(CHIP_PAGE);
    let chip = move |value: String, text: &str| {
        let is_pressed = {
            let value = value.clone();
            move || pressed.with(|p| p.contains(&value)).to_string()
        };
        view! {
            <button
                type="button"
                class="chip-toggle"
                title=value.clone()
                aria-pressed=is_pressed
                on:click=move |_| on_toggle.run(value.clone())
            >
                {code_text(text)}
            </button>
        }
    };
    let shown = move || {
        let limit = limit.get();
        // Past the limit, the pressed chips only (read once: pressing one shows it).
        let held = pressed.get_untracked();
        chips
            .iter()
            .enumerate()
            .filter(|(i, (value, _))| *i < limit || held.contains(value))
            .map(|(_, (value, text))| chip(value.clone(), text))
            .collect_view()
    };
    let more = move || {
        let hidden = total.saturating_sub(limit.get());
        (hidden > 0).then(|| view! {
            <button type="button" class="link more-chips" on:click=move |_| limit.update(|l| *l += CHIP_PAGE)>
                {format!("Show {} more of {}", hidden.min(CHIP_PAGE), thousands(total))}
            </button>
        })
    };
    let fold = ChipFold::new(limit);
    view! {
        <div class="chip-row">
            <div
                class="chips"
                class:folded=move || !fold.unfolded.get()
                role="group"
                aria-label=label
                node_ref=fold.row
                on:focusin=move |ev| fold.unfold_for_focus(&ev)
            >
                {shown}
                {more}
                {children.map(|c| c())}
            </div>
            <FoldButton fold=fold/>
        </div>
    }
}

/// The row folded to its first line: measured once drawn, after each "Show more" and
/// whenever the window changes width.
#[derive(Clone, Copy)]
struct ChipFold {
    row: NodeRef<html::Div>,
    unfolded: RwSignal<bool>,
    folded_away: RwSignal<Folded>,
}

impl ChipFold {
    fn new(limit: RwSignal<usize>) -> ChipFold {
        let fold = ChipFold {
            row: NodeRef::new(),
            unfolded: RwSignal::new(false),
            folded_away: RwSignal::new(Folded::default()),
        };
        Effect::new(move |_| {
            limit.track();
            request_animation_frame(move || fold.measure());
        });
        let resized = window_event_listener(ev::resize, move |_| fold.measure());
        on_cleanup(move || resized.remove());
        fold
    }

    /// Also called a frame later, when the row may be gone: then it does nothing.
    fn measure(self) {
        let Some(row) = self.row.try_get_untracked().flatten() else {
            return;
        };
        // The folded row is as tall as its first chip, whatever the font.
        if let Some(chip) = row
            .first_element_child()
            .and_then(|c| c.dyn_into::<HtmlElement>().ok())
        {
            let height = format!("{}px", chip.offset_height());
            let _ = HtmlElement::style(&row).set_property("--chip-height", &height);
        }
        self.folded_away.try_set(Folded::of(&row));
    }

    /// A chip below the first line reached with the keyboard: the row unfolds.
    fn unfold_for_focus(self, ev: &FocusEvent) {
        let below = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            .zip(self.row.get_untracked())
            .is_some_and(|(chip, row)| chip.offset_top() > first_top(&row));
        if below {
            self.unfolded.set(true);
        }
    }
}

/// "More (3)" while chips are folded away, "Fewer" once unfolded.
#[component]
fn FoldButton(fold: ChipFold) -> impl IntoView {
    let ChipFold {
        unfolded,
        folded_away,
        ..
    } = fold;
    let text = move || {
        let Folded { hidden, pressed } = folded_away.get();
        match (unfolded.get(), pressed) {
            (true, _) => "Fewer".to_owned(),
            (false, 0) => format!("More ({hidden})"),
            (false, on) => format!("More ({hidden}, {on} on)"),
        }
    };
    // Kept in its place when nothing is folded: the row's width never changes.
    let idle = move || folded_away.get().hidden == 0 && !unfolded.get();
    view! {
        <button
            type="button"
            class="link fold-chips"
            style:visibility=move || if idle() { "hidden" } else { "visible" }
            aria-expanded=move || unfolded.get().to_string()
            on:click=move |_| unfolded.update(|u| *u = !*u)
        >
            {text}
        </button>
    }
}

/// How many chips a folded row hides, and how many of those are pressed.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Folded {
    hidden: usize,
    pressed: usize,
}

impl Folded {
    /// Reads `row`'s chips: those below its first line are the hidden ones.
    fn of(row: &HtmlElement) -> Folded {
        let top = first_top(row);
        let chips = row.children();
        (0..chips.length())
            .filter_map(|i| chips.item(i)?.dyn_into::<HtmlElement>().ok())
            .filter(|chip| chip.offset_top() > top)
            .fold(Folded::default(), |folded, chip| Folded {
                hidden: folded.hidden + 1,
                pressed: folded.pressed
                    + usize::from(chip.get_attribute("aria-pressed").as_deref() == Some("true")),
            })
    }
}

/// Where the row's first line of chips is.
fn first_top(row: &HtmlElement) -> i32 {
    row.first_element_child()
        .and_then(|chip| chip.dyn_into::<HtmlElement>().ok())
        .map_or(0, |chip| chip.offset_top())
}
