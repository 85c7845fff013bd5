//! A failed request in words: the cause, what to do, Coveo's details, and Retry.

use domain::error::ApiError;
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shows `error` with a Retry button that calls `on_retry`. When the server asked to wait
/// (`Retry-After`), Retry waits that long, counting down, then retries by itself.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let remaining = RwSignal::new(error.retry_after_secs().unwrap_or(0));
    if remaining.get_untracked() > 0 {
        let countdown = Interval::new(1000, move || {
            remaining.update(|secs| *secs = secs.saturating_sub(1));
            if remaining.get_untracked() == 0 {
                // Deferred: retrying unmounts this panel, and with it this very interval.
                spawn_local(async move { on_retry.run(()) });
            }
        });
        // Owned by the panel: dropped (and so stopped) when the panel goes.
        StoredValue::new_local(countdown);
    }

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
            <button
                type="button"
                disabled=move || { remaining.get() > 0 }
                on:click=move |_| on_retry.run(())
            >
                {move || match remaining.get() {
                    0 => "Retry".to_owned(),
                    secs => format!("Retrying in {secs} s"),
                }}
            </button>
        </div>
    }
}
