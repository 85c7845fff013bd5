//! After the key list is refused (401/403), what Coveo says the token may do
//! (`/privileges/me`, asked by the refusal itself: see `Lists`): whether it lacks
//! Organization · API keys · View.

use domain::model::Privilege;
use domain::privilege_groups::{can_view_api_keys, VIEW_API_KEYS};
use domain::text::count;
use leptos::prelude::*;

use crate::components::code_text::code_text;
use crate::loader::{ListState, LoadState};

/// Shown under a refused key list: what `state` (the token's own privileges) tells.
#[component]
pub fn TokenCheck(state: ReadSignal<ListState<Privilege>>) -> impl IntoView {
    view! {
        <p class="token-check" role="status" data-testid="token-check">
            {move || code_text(&verdict(&state.get()))}
        </p>
    }
}

fn verdict(state: &ListState<Privilege>) -> String {
    match state {
        LoadState::Idle => String::new(),
        LoadState::Loading { .. } => "Checking what this token is allowed to do…".to_owned(),
        LoadState::Loaded { data, .. } if can_view_api_keys(&data.items) => {
            format!("Token check: this token does hold {VIEW_API_KEYS}, so the refusal has another cause (an IP restriction on the token, or a paused organization).")
        }
        LoadState::Loaded { data, .. } => format!(
            "Token check: this token lacks {VIEW_API_KEYS} (it holds {} in this organization). Ask an administrator for it, or use the token of a member who has it.",
            count(data.items.len(), "other privilege", "other privileges")
        ),
        LoadState::Failed { error, .. } => format!(
            "Token check: the token's privileges could not be checked either ({}).",
            error.title()
        ),
    }
}
