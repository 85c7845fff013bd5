//! The organization's API key templates as starting points for the builder: one click
//! ticks a template's privileges.

use domain::privilege_explorer::picks_from;
use domain::purpose::Purpose;
use domain::templates::{privacy_words, KeyTemplate};
use domain::text::{count, thousands};
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::{use_app, AppState};
use crate::components::clipped_text::ShowMore;
use crate::components::templates_note::TemplatesNote;

/// Templates shown at first, and added by each "Show more": an organization has a few
/// dozen; a host may list many more.
const FIRST_SHOWN: usize = 20;
const MORE_SHOWN: usize = 100;

/// "Start from a template", once the templates are in; one line when they cannot be had.
#[component]
pub fn TemplateStart() -> impl IntoView {
    let AppState { nav, lists, .. } = use_app();
    let templates = Memo::new(move |_| lists.templates_of(lists.privileges));
    let start = move |template: &KeyTemplate| {
        let picks = picks_from(&template.privileges);
        let public = template.privacy_level.as_deref() == Some("PUBLIC");
        nav.go(Entry::Push, |u| {
            u.explorer.selection = picks;
            u.explorer.purpose = if public {
                Purpose::PublicSearchPage
            } else {
                Purpose::Custom
            };
        });
    };
    let shown = RwSignal::new(FIRST_SHOWN);
    let list = move || {
        let templates = templates.get().filter(|t| !t.items.is_empty())?;
        let total = templates.items.len();
        let items = templates.items[..shown.get().min(total)]
            .iter()
            .map(|template| {
                let about = format!(
                    " {}{}",
                    count(template.privileges.len(), "privilege", "privileges"),
                    template
                        .privacy_level
                        .as_deref()
                        .map(|p| format!(" · {}", privacy_words(p)))
                        .unwrap_or_default()
                );
                let label = template.label().to_owned();
                let template = template.clone();
                view! {
                    <li>
                        <button type="button" on:click=move |_| start(&template)>{label}</button>
                        <span class="hint">{about}</span>
                    </li>
                }
            })
            .collect_view();
        let unread = (templates.beyond > 0).then(|| {
            format!(
                "The organization lists {} more templates, which are not read.",
                thousands(templates.beyond)
            )
        });
        Some(view! {
            <div class="template-start" data-testid="template-start">
                <p class="hint">"Start from one of the organization's templates:"</p>
                <ul>{items}</ul>
                <p class="hint"><ShowMore count=shown total=total step=MORE_SHOWN/> {unread}</p>
            </div>
        })
    };
    view! {
        {list}
        <TemplatesNote
            failure=Signal::derive(move || lists.templates_failure_of(lists.privileges))
            on_retry=move || lists.load_templates()
        />
    }
}
