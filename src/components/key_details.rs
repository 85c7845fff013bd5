//! One key in full: every field the API returned (unknown ones too), its health, and its
//! privileges grouped by owner then target domain.

use domain::health::Flag;
use domain::model::{ApiKey, Target, Timestamp};
use domain::privilege_groups::{group, type_label};
use domain::time_text::relative;
use leptos::prelude::*;
use serde_json::Value;

use crate::clock::{local_time, now};
use crate::components::copy_button::CopyButton;

/// The details panel of `key`; `on_close` closes it.
#[component]
pub fn KeyDetails(
    key: ApiKey,
    flags: Vec<Flag>,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let now = now();
    let date = move |at: Option<Timestamp>| {
        at.map(|at| view! { <time title=local_time(at)>{relative(at, now)}</time> })
    };
    let text = |value: Option<String>| value.map(|v| view! { <span>{v}</span> });
    // A `Value` always serializes (its keys are strings); no compact fallback to carry.
    let json = |value: &Value| serde_json::to_string_pretty(value).unwrap_or_default();
    let row = |label: &'static str, value: Option<AnyView>| {
        value.map(|value| view! { <dt>{label}</dt><dd>{value}</dd> })
    };
    let list = |items: &[String]| (!items.is_empty()).then(|| items.join(", "));

    let health = (!flags.is_empty()).then(|| {
        view! {
            <ul class="health" aria-label="Needs attention">
                {flags.iter().map(|f| view! { <li>{f.reason()}</li> }).collect_view()}
            </ul>
        }
    });
    let privileges = group(&key.privileges)
        .into_iter()
        .map(|owner| {
            let domains = owner
                .domains
                .into_iter()
                .map(|domain| {
                    let types = domain
                        .types
                        .iter()
                        .map(|t| view! { <span class="chip">{type_label(t.as_deref()).to_owned()}</span> })
                        .collect_view();
                    view! { <li><code>{domain.target_domain}</code> " " {types}</li> }
                })
                .collect_view();
            view! { <li><strong>{owner.owner}</strong><ul>{domains}</ul></li> }
        })
        .collect_view();
    let targets: Vec<String> = key
        .privileges
        .iter()
        .filter_map(|p| match &p.target {
            Target::Only(ids) => Some(format!(
                "{} / {}: {}",
                p.owner,
                p.target_domain,
                ids.join(", ")
            )),
            _ => None,
        })
        .collect();
    let extra = key
        .extra
        .iter()
        .map(|(name, value)| view! { <dt><code>{name.clone()}</code></dt><dd><pre>{json(value)}</pre></dd> })
        .collect_view();
    let title = key
        .display_name
        .clone()
        .unwrap_or_else(|| "(no display name)".to_owned());
    let privilege_count = key.privileges.len();

    view! {
        <aside class="key-details" aria-labelledby="key-details-heading" data-testid="key-details">
            <div class="details-head">
                <h3 id="key-details-heading">{title}</h3>
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            {health}
            <dl class="fields">
                <dt>"Key ID"</dt>
                <dd><code data-testid="details-id">{key.id.clone()}</code> " " <CopyButton text=key.id.clone() label="Copy key ID"/></dd>
                {row("Description", text(key.description.clone()).map(IntoAny::into_any))}
                {row("Value", text(key.value.clone()).map(|v| view! {
                    {v}
                    <p class="hint">"Masked: Coveo reveals a key's value only once, when the key is created (or duplicated or rotated)."</p>
                }.into_any()))}
                {row("Status", Some(key.status_label().to_owned().into_any()))}
                {row("Privacy level", text(key.privacy_level.clone()).map(IntoAny::into_any))}
                {row("Created", date(key.created_date).map(IntoAny::into_any))}
                {row("Created by", text(key.created_by.as_ref().and_then(|b| b.label()).map(str::to_owned)).map(IntoAny::into_any))}
                {row("Last used", Some(date(key.last_used_date).map(IntoAny::into_any).unwrap_or_else(|| "Never".into_any())))}
                {row("Expires", date(key.expiration_date).map(IntoAny::into_any))}
                {row("Activated", date(key.activation_date).map(IntoAny::into_any))}
                {row("Disabled", date(key.disabled_date).map(IntoAny::into_any))}
                {row("Template", text(key.api_key_template_id.clone()).map(IntoAny::into_any))}
                {row("Allowed IPs", text(list(&key.allowed_ips)).map(IntoAny::into_any))}
                {row("Denied IPs", text(list(&key.denied_ips)).map(IntoAny::into_any))}
                {row("Organization", text(key.organization_id.clone()).map(IntoAny::into_any))}
                {row("Resource targets", text(list(&targets)).map(IntoAny::into_any))}
                {row("Exposure report", key.exposure_report.as_ref().map(|v| view! { <pre>{json(v)}</pre> }.into_any()))}
                {row("Additional configuration", key.additional_configuration.as_ref().map(|v| view! { <pre>{json(v)}</pre> }.into_any()))}
                {extra}
            </dl>
            <h4>{domain::text::count(privilege_count, "privilege", "privileges")}</h4>
            <ul class="privilege-groups">{privileges}</ul>
        </aside>
    }
}
