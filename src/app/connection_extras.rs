//! What the `connect` chunk adds to the one connection form, and how the form puts each
//! part in place once it has come.

use leptos::prelude::*;
use web_sys::Event;

/// What the `connect` chunk adds to the connection form.
#[derive(Clone)]
pub struct ConnectionExtras {
    /// Above the form: the region advice.
    pub above: ViewFn,
    /// Whether the form is folded to one line, and that line.
    pub folded: Signal<bool>,
    pub fold_line: ViewFn,
    /// Under the organization field: the picker's list.
    pub under_org: ViewFn,
    /// Under the token field.
    pub token_help: ViewFn,
    /// Hears the events that bubble to the form: the fields' focus, keys, input,
    /// changes and pastes.
    pub on_form_event: Callback<Event>,
}

/// The extras, once they have come.
pub type Extras = ReadSignal<Option<ConnectionExtras>>;

/// The part of the extras that `pick` names, drawn once they have come.
pub fn extra(
    extras: Extras,
    pick: fn(&ConnectionExtras) -> &ViewFn,
) -> impl Fn() -> Option<AnyView> + Copy + Send + Sync + 'static {
    move || extras.with(|e| e.as_ref().map(|e| untrack(|| pick(e).run())))
}
