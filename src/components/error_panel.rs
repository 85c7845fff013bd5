//! A failed request in words: the cause, what to do, Coveo's details, and Retry.

use domain::error::{ApiError, ErrorDetails};
use leptos::prelude::*;

use crate::components::code_text::code_text;

/// Shows `error` with a Retry button that calls `on_retry`. While the list counts down to
/// the retry Coveo asked for (`retry_in` seconds, when given), it says so, Retry waits,
/// and "Stop retrying" calls `on_stop_retrying`. The countdown is the list's: this panel
/// only shows it, so a view switch neither restarts nor ends it.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(optional)] retry_in: Option<ReadSignal<u32>>,
    #[prop(into, optional)] on_stop_retrying: Option<Callback<()>>,
) -> impl IntoView {
    let remaining = move || retry_in.map_or(0, |secs| secs.get());
    let counting = move || remaining() > 0;
    let stop = move |_| on_stop_retrying.iter().for_each(|stop| stop.run(()));

    view! {
        <div class="error-panel" role="alert" data-testid="error">
            <h3>{error.title()}</h3>
            <p>{code_text(&error.advice())}</p>
            {error.details().cloned().map(error_details)}
            {move || counting().then(|| view! {
                <p class="hint" data-testid="automatic-retry">
                    "Retrying once by itself, as Coveo asked; then Retry is yours."
                </p>
            })}
            <div class="actions">
                <button type="button" disabled=counting on:click=move |_| on_retry.run(())>
                    {move || match remaining() {
                        0 => "Retry".to_owned(),
                        secs => format!("Retrying in {secs} s"),
                    }}
                </button>
                {move || counting().then(|| view! {
                    <button type="button" on:click=stop>"Stop retrying"</button>
                })}
            </div>
        </div>
    }
}

/// Coveo's error code, message and request ID, those it sent.
fn error_details(details: ErrorDetails) -> impl IntoView {
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
}
