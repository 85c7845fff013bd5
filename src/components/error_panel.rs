//! A failed request in words: the cause, what to do, Coveo's details, and Retry.

use domain::error::{ApiError, ErrorDetails};
use gloo_timers::callback::Interval;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::code_text::code_text;

/// Shows `error` with a Retry button that calls `on_retry`. When the server asked to wait
/// (`Retry-After`, clamped) and no automatic retry came before (`retries_so_far`), it
/// waits that long, counting down, then calls `on_automatic_retry` once; "Stop retrying"
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
    // Seconds left before the automatic retry; 0 when there is none (or no more).
    let remaining = RwSignal::new(automatic.map_or(0, |(_, secs)| secs));
    // Owned by the panel: dropped (and so stopped) when the panel goes, or on Stop.
    let countdown = StoredValue::new_local(None::<Interval>);
    countdown.set_value(automatic.map(|(retry, _)| {
        Interval::new(1000, move || {
            remaining.update(|secs| *secs = secs.saturating_sub(1));
            if remaining.get_untracked() == 0 {
                // Deferred: this interval cannot drop itself while it runs. It retries
                // once, even if the panel stays.
                spawn_local(async move {
                    if countdown.try_update_value(Option::take).flatten().is_some() {
                        retry.run(());
                    }
                });
            }
        })
    }));
    let counting = move || remaining.get() > 0;
    let stop = move |_| {
        countdown.set_value(None);
        remaining.set(0);
    };

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
                    {move || match remaining.get() {
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
