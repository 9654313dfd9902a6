//! What catalog pages receive from the server: cards, the collection overview and one operation,
//! already rendered to text and trees (no page gets the whole document).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionCard {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub operations: u32,
    /// `info.version` of the current document.
    pub api_version: String,
    /// The viewer's organization may use it (or the viewer is an admin).
    pub has_access: bool,
    /// The viewer's organization asked for it and waits for a decision.
    pub request_pending: bool,
    pub logo_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscoverResults {
    pub cards: Vec<CollectionCard>,
    /// Every tag of the collections one could discover, for the filter.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerEntry {
    /// "Sandbox", "Production", or the description the document gives.
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthScheme {
    pub name: String,
    /// "API key in header X-API-Key", "HTTP bearer", "OAuth 2.0", …
    pub kind: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationLink {
    pub id: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub deprecated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationGroup {
    pub tag: String,
    pub operations: Vec<OperationLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionEntry {
    pub number: i32,
    pub api_version: String,
    pub published_at: String,
    pub current: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionOverview {
    pub card: CollectionCard,
    pub title: String,
    /// Sanitized HTML from the collection's and the document's Markdown.
    pub description_html: String,
    pub servers: Vec<ServerEntry>,
    pub auth: Vec<AuthScheme>,
    pub groups: Vec<OperationGroup>,
    pub versions: Vec<VersionEntry>,
}

/// A schema as a readable tree: one node per property, item or variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaNode {
    pub name: Option<String>,
    /// "string (date-time)", "array of Pet", "object", "one of", …
    pub type_label: String,
    pub required: bool,
    pub description: Option<String>,
    /// "minimum 1", "pattern ^[a-z]+$", "one of: a, b", "default 10", "read-only", …
    pub constraints: Vec<String>,
    pub children: Vec<SchemaNode>,
    /// Why the tree stops here: a recursive reference, a depth or size limit.
    pub note: Option<String>,
}

/// What the try-it form needs to offer a field for a parameter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ParameterInput {
    /// string, integer, number, boolean, array or object ("string" when the document is vague).
    pub kind: String,
    /// An enum's values, as text: the field becomes a choice.
    pub choices: Vec<String>,
    /// What the field starts with: the default, else the example.
    pub initial: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterEntry {
    pub name: String,
    /// path, query, header or cookie.
    pub location: String,
    pub required: bool,
    pub deprecated: bool,
    pub schema: SchemaNode,
    pub description_html: String,
    pub example: Option<String>,
    pub input: ParameterInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaEntry {
    pub media_type: String,
    pub schema: Option<SchemaNode>,
    /// From the document's examples, or made from the schema.
    pub example: Option<String>,
    /// For JSON request bodies: the schema with its references resolved (within limits), so
    /// the try-it console can check a body before it is sent.
    pub validation: Option<serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyEntry {
    pub required: bool,
    pub description_html: String,
    pub contents: Vec<MediaEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseEntry {
    /// "200", "4XX", "default".
    pub status: String,
    pub description_html: String,
    pub contents: Vec<MediaEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSample {
    pub language: String,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationDetail {
    pub collection: CollectionCard,
    pub id: String,
    pub method: String,
    pub path: String,
    pub summary: String,
    pub description_html: String,
    pub deprecated: bool,
    pub tags: Vec<String>,
    pub security: Vec<String>,
    pub parameters: Vec<ParameterEntry>,
    pub request_body: Option<BodyEntry>,
    pub responses: Vec<ResponseEntry>,
    /// The neighbours in the navigation order, for "previous / next".
    pub previous: Option<OperationLink>,
    pub next: Option<OperationLink>,
}
