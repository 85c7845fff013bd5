//! The key filter's `can:` terms as read: a chip each naming the privileges it keeps,
//! with a button that takes it out of the filter, or why it keeps none and the name it
//! may have meant.

use std::sync::Arc;

use domain::can_term::{without_token, Reading, PREFIX};
use domain::key_list::{KeyIndex, KeyQuery};
use domain::text::thousands;
use leptos::prelude::*;

use crate::app::navigation::Entry;
use crate::app::state::use_app;

/// Names listed on one chip at most.
const LISTED: usize = 3;

#[component]
pub fn CanChips(index: Arc<KeyIndex>, query: Memo<KeyQuery>) -> impl IntoView {
    let terms = Memo::new(move |_| {
        query.with(|q| {
            // Most filters hold no term: nothing to read.
            let lower = q.text.to_ascii_lowercase();
            if lower.contains(PREFIX) {
                index.read_terms(&q.text)
            } else {
                Vec::new()
            }
        })
    });
    move || {
        let terms = terms.get();
        (!terms.is_empty()).then(|| {
            view! {
                <ul class="can-chips" aria-label="Privilege terms">
                    {terms.into_iter().map(|(token, reading)| view! { <CanChip token=token reading=reading/> }).collect_view()}
                </ul>
            }
        })
    }
}

/// One term: what it names and a button that takes it out, or why it names nothing.
#[component]
fn CanChip(token: String, reading: Reading) -> impl IntoView {
    let nav = use_app().nav;
    let set_text = move |change: Box<dyn Fn(&str) -> String>| {
        nav.go(Entry::Replace, move |u| {
            u.keys.query.text = change(&u.keys.query.text);
        });
    };
    let remove = {
        let token = token.clone();
        move |_| {
            let token = token.clone();
            set_text(Box::new(move |text| without_token(text, &token)));
        }
    };
    let remove_button = view! {
        <button type="button" class="chip-remove" aria-label=format!("Take {token} out of the filter") on:click=remove>"×"</button>
    };
    let typed = token[PREFIX.len()..].trim_matches('"').to_owned();
    match reading {
            Reading::Names(names) => {
                let more = names.len().saturating_sub(LISTED);
                let mut text = names.into_iter().take(LISTED).collect::<Vec<_>>().join(", ");
                if more > 0 {
                    text = format!("{text} and {} more", thousands(more));
                }
                view! {
                    <li class="can-chip" data-testid="can-chip">
                        <span class="muted">"can: "</span>{text} " " {remove_button}
                    </li>
                }
                .into_any()
            }
            Reading::Ambiguous { some, total } => view! {
                <li class="can-chip none" data-testid="can-chip">
                    {format!(
                        "\u{201c}{typed}\u{201d} starts the names of {} privileges ({}…): type more of the one you mean.",
                        thousands(total),
                        some.join(", ")
                    )}
                    {remove_button}
                </li>
            }
            .into_any(),
            Reading::Nothing { suggestion } => {
                let meant = suggestion.map(|name| {
                    let replace = {
                        let (token, name) = (token.clone(), name.clone());
                        move |_| {
                            let (token, term) = (token.clone(), format!("{PREFIX}\"{name}\""));
                            set_text(Box::new(move |text| {
                                let mut words = without_token(text, &token);
                                if !words.is_empty() {
                                    words.push(' ');
                                }
                                words + &term
                            }));
                        }
                    };
                    view! {
                        "; did you mean "
                        <button type="button" class="link" on:click=replace>{name}</button>
                        "?"
                    }
                });
                view! {
                    <li class="can-chip none" data-testid="can-chip">
                        {format!("No privilege matches \u{201c}{typed}\u{201d}")}
                        {meant}
                        " "
                        {remove_button}
                    </li>
                }
                .into_any()
            }
        }
}
