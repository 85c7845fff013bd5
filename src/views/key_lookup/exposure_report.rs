//! Coveo's exposure report on a key, for people: its severity, and where and when the
//! key was found, each place a link only when it is a web address; and dates in full.

use domain::health::{is_web_link, ExposureReport};
use domain::model::Timestamp;
use domain::time_text::relative;
use leptos::prelude::*;

use crate::clock::zoned_time;

/// The report, with its JSON for anything it holds beyond these fields.
#[component]
pub fn ExposureReportView(report: ExposureReport, raw: String) -> impl IntoView {
    let reasons = report
        .reasons
        .into_iter()
        .map(|reason| {
            let place = reason.url.map(|url| {
                if is_web_link(&url) {
                    let href = url.clone();
                    view! { <a href=href target="_blank" rel="noopener noreferrer">{url}</a> }.into_any()
                } else {
                    view! { <code>{url}</code> }.into_any()
                }
            });
            view! {
                <li>
                    {reason.source.unwrap_or_else(|| "Unknown source".to_owned())}
                    {place.map(|p| view! { ": " {p} })}
                    {reason.found.map(|at| view! { ", found " <FullDate at=at now=crate::clock::now()/> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="exposure" data-testid="exposure-report">
            <p>"Severity: " <strong>{report.severity.unwrap_or_else(|| "not given".to_owned())}</strong></p>
            <ul>{reasons}</ul>
            <details><summary>"As Coveo sent it"</summary><pre>{raw}</pre></details>
        </div>
    }
}

/// A date in full, with its time zone, then how long ago (or until) it is.
#[component]
pub fn FullDate(at: Timestamp, now: Timestamp) -> impl IntoView {
    view! { <time>{zoned_time(at)} " (" {relative(at, now)} ")"</time> }
}
