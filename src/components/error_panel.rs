//! A failed request in words: the cause, what to do, Coveo's details, and Retry.

use domain::error::ApiError;
use leptos::prelude::*;

/// Shows `error` with a Retry button that calls `on_retry`.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let details = error.details().cloned().map(|details| {
        let row = |label: &'static str, value: Option<String>| {
            value.map(|value| view! { <dt>{label}</dt><dd><code>{value}</code></dd> })
        };
        view! {
            <dl class="error-details">
                {row("Error code", details.error_code)}
                {row("Message", details.message)}
                {row("Request ID", details.request_id)}
            </dl>
        }
    });
    view! {
        <div class="error-panel" role="alert" data-testid="error">
            <h3>{error.title()}</h3>
            <p>{error.advice()}</p>
            {details}
            <button type="button" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
}
