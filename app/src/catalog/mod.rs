//! The API catalog: My APIs and Discover.

use leptos::prelude::*;

use crate::layout::{EmptyState, PageHeader};

#[component]
pub fn MyApisPage() -> impl IntoView {
    view! {
        <PageHeader title="My APIs" lead="Collections your organization may use." />
        <EmptyState
            title="No APIs yet"
            message="When your organization is given access to a collection, it appears here with its docs and keys."
            action=("/discover", "Discover APIs")
        />
    }
}

#[component]
pub fn DiscoverPage() -> impl IntoView {
    view! {
        <PageHeader title="Discover" lead="Published collections you can ask for." />
        <EmptyState
            title="Nothing published yet"
            message="When admins publish API collections, you can search them here and request access."
        />
    }
}
