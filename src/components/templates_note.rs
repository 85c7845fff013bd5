//! One line on API key templates that could not be had: names are simply absent, and the
//! line says why (and offers Retry when retrying may help).

use domain::error::ApiError;
use domain::privilege_groups::CREATE_API_KEYS;
use leptos::prelude::*;

use crate::components::code_text::code_text;

/// The line for `failure`, if any; `on_retry` asks again.
#[component]
pub fn TemplatesNote(
    #[prop(into)] failure: Signal<Option<ApiError>>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    move || {
        failure.get().map(|error| match error {
            ApiError::Forbidden { firewall: false, .. } | ApiError::Unauthorized(_) => view! {
                <p class="hint" data-testid="templates-note">
                    "Template names are not shown: listing templates needs "
                    {code_text(CREATE_API_KEYS)} ", which this token does not have."
                </p>
            }
            .into_any(),
            error => view! {
                <p class="hint" data-testid="templates-note">
                    "Template names are not shown: " {error.title()} ". "
                    <button type="button" class="link" on:click=move |_| on_retry.run(())>"Retry"</button>
                </p>
            }
            .into_any(),
        })
    }
}
