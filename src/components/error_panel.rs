//! A failed request in words: the cause, what to do, Coveo's details, and Retry.

use domain::error::{ApiError, MAX_AUTOMATIC_RETRIES};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::code_text::code_text;

/// Shows `error` with a Retry button that calls `on_retry`. When the server asked to wait
/// (`Retry-After`) and fewer than a few automatic retries came before (`retries_so_far`),
/// it waits that long, counting down, then calls `on_automatic_retry`; "Stop retrying"
/// ends the countdown.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    /// Automatic retries in a row before this failure.
    #[prop(optional)]
    retries_so_far: u32,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(into, optional)] on_automatic_retry: Option<Callback<()>>,
) -> impl IntoView {
    let automatic = on_automatic_retry.and_then(|retry| {
        let secs = error.automatic_retry_after(retries_so_far)?;
        Some((retry, secs))
    });
    let remaining = RwSignal::new(automatic.map(|(_, secs)| secs));
    // Owned by the panel: dropped (and so stopped) when the panel goes, or on Stop.
    let countdown = StoredValue::new_local(automatic.map(|(retry, _)| {
        Interval::new(1000, move || {
            remaining.update(|secs| *secs = secs.map(|s| s.saturating_sub(1)));
            if remaining.get_untracked() == Some(0) {
                // Deferred: retrying unmounts this panel, and with it this very interval.
                spawn_local(async move { retry.run(()) });
            }
        })
    }));
    let stop = move |_| {
        countdown.set_value(None);
        remaining.set(None);
    };

    view! {
        <div class="error-panel" role="alert" data-testid="error">
            <h3>{error.title()}</h3>
            <p>{code_text(&error.advice())}</p>
            {error.details().cloned().map(|details| view! { <ErrorDetails details=details/> })}
            {move || remaining.get().map(|_| view! {
                <p class="hint" data-testid="automatic-retry">
                    "Retrying by itself as Coveo asked (attempt " {retries_so_far + 1} " of "
                    {MAX_AUTOMATIC_RETRIES} ")."
                </p>
            })}
            <div class="actions">
                <button type="button" disabled=move || remaining.get().is_some() on:click=move |_| on_retry.run(())>
                    {move || match remaining.get() {
                        Some(secs) => format!("Retrying in {secs} s"),
                        None => "Retry".to_owned(),
                    }}
                </button>
                {move || remaining.get().map(|_| view! {
                    <button type="button" on:click=stop>"Stop retrying"</button>
                })}
            </div>
        </div>
    }
}

/// Coveo's error code, message and request ID, those it sent.
#[component]
fn ErrorDetails(details: domain::error::ErrorDetails) -> impl IntoView {
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
