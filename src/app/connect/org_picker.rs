//! The organizations the token reaches, offered under the organization field as one
//! types (an ARIA combobox): by name and ID, searchable, picked with a click or the
//! keyboard. Typing an ID by hand works as ever.

use domain::organizations::OrgSummary;
use domain::text::thousands;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use super::directory::Directory;
use crate::app::state::{use_app, AppState};
use crate::components::combobox::{Combo, ComboList, ComboOption};
use crate::loader::LoadState;

/// Organizations offered at once; more are found by typing.
const SHOWN: usize = 8;

/// The list that makes the organization field a picker over `directory` (attached to
/// the field, which must hear the field's events), and what goes under the field: the
/// list and a line on it.
pub fn org_picker(directory: Directory) -> (Combo, ViewFn) {
    let AppState { form, lists, .. } = use_app();
    // What the field's text finds; nothing to offer when it is an organization's exact
    // ID already.
    let found: Memo<Found> = Memo::new(move |_| {
        directory.with(|s| match s {
            LoadState::Loaded {
                data: reachable, ..
            } => {
                let text = form.org_text();
                if reachable.orgs.find(text.trim()).is_some() {
                    return None;
                }
                let all = reachable.orgs.search(&text);
                let more = all.len().saturating_sub(SHOWN);
                Some((
                    all.into_iter().take(SHOWN).cloned().collect::<Vec<_>>(),
                    more,
                ))
            }
            _ => None,
        })
    });
    let options = Signal::derive(move || {
        found.with(|f| {
            f.iter()
                .flat_map(|(orgs, _)| orgs)
                .map(|org| ComboOption {
                    name: org.display_name.clone(),
                    code: org.id.clone(),
                })
                .collect()
        })
    });
    let more = Signal::derive(move || {
        found.with(|f| {
            let more = f.as_ref().map_or(0, |(_, more)| *more);
            (more > 0).then(|| format!("{more} more: keep typing"))
        })
    });
    let pick = move |n: usize| {
        if let Some(org) = found.with_untracked(|f| f.as_ref().and_then(|(o, _)| o.get(n).cloned()))
        {
            form.set_org_text(org.id);
            lists.load_if_idle();
        }
    };
    let combo = Combo::new("org-options", options, Callback::new(pick));
    if let Some(field) = document().get_element_by_id("org-id") {
        // Come while the field is being typed in: the list shows at once.
        if document().active_element().as_ref() == Some(&field) {
            combo.open();
        }
        let field: HtmlInputElement = field.unchecked_into();
        open_on_arrival(directory, combo, field.clone());
        combo.attach(field);
    }
    let under = ViewFn::from(move || {
        view! {
            <ComboList combo=combo label="Your organizations" more=more/>
            <DirectoryStatus directory=directory/>
        }
    });
    (combo, under)
}

/// The token's organizations, once they come, are the next step of the flow: the field
/// says how many there are to search and, while no organization is entered yet, takes
/// the focus from the token field (see [`at_the_token`]) with its list open. A form folded
/// away, or a field already filled in, is left as it is.
fn open_on_arrival(directory: Directory, combo: Combo, field: HtmlInputElement) {
    let form = use_app().form;
    let placeholder = field.placeholder();
    let count = Memo::new(move |_| {
        directory.with(|s| match s {
            LoadState::Loaded { data, .. } => data.orgs.len(),
            _ => 0,
        })
    });
    Effect::watch(
        move || count.get(),
        move |count, _, _| {
            field.set_placeholder(&match count {
                0 => placeholder.clone(),
                1 => "Pick the organization this token reaches".to_owned(),
                n => format!("Type to search your {} organizations", thousands(*n)),
            });
            let shown = field.offset_parent().is_some();
            if *count == 0 || !shown || !untrack(|| form.org_text()).trim().is_empty() {
                return;
            }
            let active = document().active_element();
            if active.as_ref() == Some(field.as_ref()) {
                combo.open();
            } else if active.is_none_or(|active| at_the_token(&active)) {
                // Its focus opens the list.
                let _ = field.focus();
            }
        },
        false,
    );
}

/// Whether `active` is where the token was just entered: its field, the field's own
/// options (which a Tab out of it reaches first), or nowhere in particular.
fn at_the_token(active: &web_sys::Element) -> bool {
    let token_field = document()
        .get_element_by_id("access-token")
        .and_then(|input| input.parent_element());
    let body: Option<web_sys::Element> = document().body().map(Into::into);
    Some(active) == body.as_ref()
        || token_field.is_some_and(|field| field.contains(Some(active.as_ref())))
}

/// What the field's text finds, at most [`SHOWN`] of them, and how many more there are.
type Found = Option<(Vec<OrgSummary>, usize)>;

/// One line on the organization list: being asked, how many, or why there is none.
#[component]
fn DirectoryStatus(directory: Directory) -> impl IntoView {
    move || {
        directory.with(|s| match s {
            LoadState::Idle => None,
            LoadState::Loading { .. } => Some("Finding the organizations this token can reach…".to_owned()),
            LoadState::Loaded { data: reachable, .. } => Some(match (reachable.orgs.len(), reachable.partial) {
                (0, _) => "This token reaches no organization: type the ID.".to_owned(),
                (1, false) => "1 organization this token can reach: pick it, or type an ID.".to_owned(),
                (n, false) => format!("{} organizations this token can reach: type to search.", thousands(n)),
                (n, true) => match reachable.total.filter(|total| *total > n as u64) {
                    Some(total) => format!(
                        "The first {} of {} organizations this token can reach: type to search, or type an ID.",
                        thousands(n),
                        thousands(total as usize)
                    ),
                    None => format!("The first {} organizations this token can reach: type to search, or type an ID.", thousands(n)),
                },
            }),
            LoadState::Failed { error, .. } => Some(format!(
                "Your organizations could not be listed ({}): type the ID.",
                error.title()
            )),
        })
        .map(|line| view! { <p class="hint" data-testid="org-directory">{line}</p> })
    }
}
