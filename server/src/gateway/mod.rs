//! The gateway's decision: may this key call this API in this environment from this address?
//! Keys and collections are cached for under a second, so a warm check costs a hash and a map
//! lookup, and every change (deactivation, deletion, a revoked grant, an organization switched
//! off) counts in every Portico process within a second.

pub mod proxy;
pub mod usage;

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use app::keys::{AddressDenial, IpRules};
use app::types::Environment;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::clock::Clock;
use crate::entities::{access_grant, api_key, collection, organization};
use crate::error::DomainError;
use crate::keys::token::ApiKeyToken;

/// How long a cached key or collection is trusted. Changes reach every process within it.
pub const FRESH_FOR: Duration = Duration::from_millis(900);
/// Entries kept before the cache starts over (a flood of made-up keys cannot grow it forever).
const MAX_CACHED: usize = 50_000;
/// `last_used_at` is written at most this often per key.
const LAST_USED_RESOLUTION_SECS: i64 = 60;

struct Cached<T> {
    at: Instant,
    value: T,
}

/// Looked-up values (or "there is none") by key, each with when it was looked up.
type CacheMap<K, T> = RwLock<HashMap<K, Cached<Option<Arc<T>>>>>;

/// A key as the gateway needs it, for the token that was presented.
pub struct ResolvedKey {
    pub id: Uuid,
    pub organization_id: Uuid,
    /// The organization's slug, sent upstream in `X-Portico-Org`.
    pub organization: String,
    pub environment: Environment,
    active: bool,
    expires_at: Option<DateTime<Utc>>,
    /// Set when the presented token is the one before a refresh: it works until then.
    token_valid_until: Option<DateTime<Utc>>,
    organization_open: bool,
    rules: IpRules,
    /// The collections the organization may use in this environment, with their grant's end.
    grants: HashMap<Uuid, Option<DateTime<Utc>>>,
    /// Unix seconds of the last recorded use.
    last_used: AtomicI64,
}

/// Where a collection's calls go.
pub struct Upstream {
    pub collection_id: Uuid,
    published: bool,
    sandbox: Option<String>,
    production: Option<String>,
}

/// Why a call is refused, each with its status and a sentence for the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    MissingKey,
    Malformed,
    UnknownKey,
    Deactivated,
    Expired,
    UnknownEnvironment,
    WrongEnvironment(Environment),
    OrganizationClosed,
    NoAccess,
    /// A forward-auth check whose headers and path name different APIs.
    ConflictingTarget,
    Blocked,
    NotAllowed,
    NotConfigured,
    Unavailable,
}

impl Denial {
    pub fn status(self) -> u16 {
        match self {
            Denial::MissingKey
            | Denial::Malformed
            | Denial::UnknownKey
            | Denial::Deactivated
            | Denial::Expired => 401,
            Denial::UnknownEnvironment => 404,
            Denial::WrongEnvironment(_)
            | Denial::OrganizationClosed
            | Denial::NoAccess
            | Denial::ConflictingTarget
            | Denial::Blocked
            | Denial::NotAllowed => 403,
            Denial::NotConfigured => 502,
            Denial::Unavailable => 503,
        }
    }

    /// The `error` of the JSON answer, and the outcome recorded for usage figures.
    pub fn code(self) -> &'static str {
        match self {
            Denial::MissingKey => "missing_key",
            Denial::Malformed => "malformed_key",
            Denial::UnknownKey => "unknown_key",
            Denial::Deactivated => "key_deactivated",
            Denial::Expired => "key_expired",
            Denial::UnknownEnvironment => "unknown_environment",
            Denial::WrongEnvironment(_) => "wrong_environment",
            Denial::OrganizationClosed => "organization_suspended",
            Denial::NoAccess => "no_access",
            Denial::ConflictingTarget => "conflicting_target",
            Denial::Blocked => "blocked_address",
            Denial::NotAllowed => "address_not_allowed",
            Denial::NotConfigured => "upstream_not_configured",
            Denial::Unavailable => "unavailable",
        }
    }

    pub fn message(self) -> String {
        match self {
            Denial::MissingKey => {
                "Send an API key in the X-API-Key header or as Authorization: Bearer.".into()
            }
            Denial::Malformed => "That is not a Portico API key (check for a typo).".into(),
            Denial::UnknownKey => "This API key is not known; it may have been deleted or replaced.".into(),
            Denial::Deactivated => "This API key is deactivated.".into(),
            Denial::Expired => "This API key has expired.".into(),
            Denial::UnknownEnvironment => {
                "The environment in the address must be sandbox or production.".into()
            }
            Denial::WrongEnvironment(key) => format!(
                "This key is for {}; use a key of the environment in the address.",
                key.as_str()
            ),
            Denial::OrganizationClosed => {
                "The key's organization no longer has access to the portal.".into()
            }
            Denial::NoAccess => "The key's organization has no access to this API in this environment (or the API does not exist).".into(),
            Denial::ConflictingTarget => {
                "The request names two different APIs or environments.".into()
            }
            Denial::Blocked => "Calls with this key are blocked from your address.".into(),
            Denial::NotAllowed => "Calls with this key are not allowed from your address.".into(),
            Denial::NotConfigured => "This API has no address for this environment yet.".into(),
            Denial::Unavailable => "The gateway cannot check keys right now; try again shortly.".into(),
        }
    }
}

/// A refused call: why, and whose key it was when the key is known (for usage figures).
pub struct Refusal {
    pub denial: Denial,
    pub key: Option<Arc<ResolvedKey>>,
}

impl Refusal {
    fn by(key: &Arc<ResolvedKey>, denial: Denial) -> Refusal {
        Refusal {
            denial,
            key: Some(key.clone()),
        }
    }
}

impl From<Denial> for Refusal {
    fn from(denial: Denial) -> Refusal {
        Refusal { denial, key: None }
    }
}

/// A call that may go ahead.
pub struct Authorized {
    pub key: Arc<ResolvedKey>,
    pub collection_id: Uuid,
    /// The collection's base URL for the environment, without a trailing slash.
    pub upstream: String,
}

pub struct Gateway {
    db: DatabaseConnection,
    clock: Arc<dyn Clock>,
    keys: CacheMap<[u8; 32], ResolvedKey>,
    /// Hashes that name no key, apart from the keys: a flood of made-up tokens can only ever
    /// push out other made-up tokens.
    unknown_keys: CacheMap<[u8; 32], ()>,
    /// Counts `forget_keys`, so a lookup that raced a change does not cache what it read.
    generation: AtomicU64,
    collections: CacheMap<String, Upstream>,
    /// `FRESH_FOR`, unless a benchmark needs its cache to stay warm while it measures.
    fresh_for: Duration,
    pub usage: usage::Usage,
}

/// What the cache could say without the database.
pub enum Cache<T> {
    Hit(T),
    Miss,
}

impl Gateway {
    pub fn new(db: DatabaseConnection, clock: Arc<dyn Clock>) -> Gateway {
        Gateway::with_freshness(db, clock, FRESH_FOR)
    }

    pub fn with_freshness(
        db: DatabaseConnection,
        clock: Arc<dyn Clock>,
        fresh_for: Duration,
    ) -> Gateway {
        Gateway {
            usage: usage::Usage::start(db.clone()),
            db,
            clock,
            keys: RwLock::new(HashMap::new()),
            unknown_keys: RwLock::new(HashMap::new()),
            generation: AtomicU64::new(0),
            collections: RwLock::new(HashMap::new()),
            fresh_for,
        }
    }

    /// Drops this process's cached keys (another process's copies age out within `FRESH_FOR`).
    pub fn forget_keys(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut keys) = self.keys.write() {
            keys.clear();
        }
    }

    /// The decision, from the cache when it is warm; the database otherwise.
    pub async fn authorize(
        &self,
        presented: Option<&str>,
        slug: &str,
        environment: &str,
        client: Option<IpAddr>,
    ) -> Result<Authorized, Refusal> {
        let token = ApiKeyToken::parse(presented.ok_or(Denial::MissingKey)?)
            .map_err(|_| Denial::Malformed)?;
        let hash = token.hash();
        if let Cache::Hit(decision) = self.authorize_cached(&hash, slug, environment, client) {
            return decision;
        }
        // A change made while the key was read (it forgets the cache after it commits) means
        // the read may be stale: read again rather than cache it.
        for _ in 0..3 {
            let generation = self.generation.load(Ordering::Acquire);
            let key = self.load_key(&hash).await.map_err(|error| {
                tracing::error!(%error, "could not load an API key");
                Denial::Unavailable
            })?;
            if self.generation.load(Ordering::Acquire) == generation {
                match key {
                    Some(key) => self.store(&self.keys, hash, Some(key)),
                    None => self.store(&self.unknown_keys, hash, None),
                }
                break;
            }
        }
        self.ensure_upstream(slug).await?;
        match self.authorize_cached(&hash, slug, environment, client) {
            Cache::Hit(decision) => decision,
            // Both were stored a moment ago; only a full cache that started over lands here.
            Cache::Miss => Err(Denial::Unavailable.into()),
        }
    }

    /// The decision for a call Portico makes itself with the key `key_id` (the try-it console,
    /// which never holds the token): the same checks as a call presenting the key's current
    /// token, read fresh from the database.
    pub async fn authorize_key(
        &self,
        key_id: Uuid,
        slug: &str,
        environment: &str,
        client: Option<IpAddr>,
    ) -> Result<Authorized, Refusal> {
        let unavailable = |error: DomainError| {
            tracing::error!(%error, "could not load an API key");
            Refusal::from(Denial::Unavailable)
        };
        let key = api_key::Entity::find_by_id(key_id)
            .one(&self.db)
            .await
            .map_err(|e| unavailable(e.into()))?
            .ok_or(Denial::UnknownKey)?;
        let key = self.resolve(key, None).await.map_err(unavailable)?;
        self.ensure_upstream(slug).await?;
        match self.decide(key, slug, environment, client) {
            Cache::Hit(decision) => decision,
            Cache::Miss => Err(Denial::Unavailable.into()),
        }
    }

    /// Caches the collection's upstream unless a fresh copy is cached.
    async fn ensure_upstream(&self, slug: &str) -> Result<(), Refusal> {
        if self.cached(&self.collections, slug).is_none() {
            let upstream = self.load_upstream(slug).await.map_err(|error| {
                tracing::error!(%error, "could not load a collection for the gateway");
                Denial::Unavailable
            })?;
            self.store(&self.collections, slug.to_owned(), upstream);
        }
        Ok(())
    }

    /// The decision from cached data alone, or `Miss` when the key or the collection is not
    /// cached (or is stale). `hash` is the SHA-256 of a well-formed token.
    pub fn authorize_cached(
        &self,
        hash: &[u8; 32],
        slug: &str,
        environment: &str,
        client: Option<IpAddr>,
    ) -> Cache<Result<Authorized, Refusal>> {
        let Some(key) = self.cached(&self.keys, hash).flatten() else {
            return if self.cached(&self.unknown_keys, hash).is_some() {
                Cache::Hit(Err(Denial::UnknownKey.into()))
            } else {
                Cache::Miss
            };
        };
        self.decide(key, slug, environment, client)
    }

    /// The decision for a key already in hand; `Miss` only when the collection is not cached.
    fn decide(
        &self,
        key: Arc<ResolvedKey>,
        slug: &str,
        environment: &str,
        client: Option<IpAddr>,
    ) -> Cache<Result<Authorized, Refusal>> {
        let now = self.clock.now();
        if key.token_valid_until.is_some_and(|until| until <= now) {
            return Cache::Hit(Err(Refusal::by(&key, Denial::UnknownKey)));
        }
        if !key.active {
            return Cache::Hit(Err(Refusal::by(&key, Denial::Deactivated)));
        }
        if key.expires_at.is_some_and(|at| at <= now) {
            return Cache::Hit(Err(Refusal::by(&key, Denial::Expired)));
        }
        // A key with address rules works only where the address is known and passes them.
        let address = key.rules.admits(client).map_err(|denial| match denial {
            AddressDenial::Blocked => Denial::Blocked,
            AddressDenial::NotAllowed => Denial::NotAllowed,
        });
        if let Err(denial) = address {
            return Cache::Hit(Err(Refusal::by(&key, denial)));
        }
        let Some(environment) = Environment::parse(environment) else {
            return Cache::Hit(Err(Refusal::by(&key, Denial::UnknownEnvironment)));
        };
        if environment != key.environment {
            return Cache::Hit(Err(Refusal::by(
                &key,
                Denial::WrongEnvironment(key.environment),
            )));
        }
        if !key.organization_open {
            return Cache::Hit(Err(Refusal::by(&key, Denial::OrganizationClosed)));
        }
        let Some(upstream) = self.cached(&self.collections, slug) else {
            return Cache::Miss;
        };
        let Some(upstream) = upstream.filter(|u| u.published) else {
            return Cache::Hit(Err(Refusal::by(&key, Denial::NoAccess)));
        };
        let granted = key
            .grants
            .get(&upstream.collection_id)
            .is_some_and(|until| until.is_none_or(|until| until > now));
        if !granted {
            return Cache::Hit(Err(Refusal::by(&key, Denial::NoAccess)));
        }
        let base = match environment {
            Environment::Sandbox => upstream.sandbox.clone(),
            Environment::Production => upstream.production.clone(),
        };
        let Some(base) = base else {
            return Cache::Hit(Err(Refusal::by(&key, Denial::NotConfigured)));
        };
        let seconds = now.timestamp();
        let last = key.last_used.load(Ordering::Relaxed);
        if seconds - last >= LAST_USED_RESOLUTION_SECS
            && key
                .last_used
                .compare_exchange(last, seconds, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            self.usage.touch(key.id, now);
        }
        Cache::Hit(Ok(Authorized {
            collection_id: upstream.collection_id,
            upstream: base,
            key,
        }))
    }

    fn cached<K, Q, T>(&self, map: &CacheMap<K, T>, key: &Q) -> Option<Option<Arc<T>>>
    where
        K: std::hash::Hash + Eq + std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        let map = map.read().ok()?;
        let entry = map.get(key)?;
        (entry.at.elapsed() < self.fresh_for).then(|| entry.value.clone())
    }

    fn store<K, T>(&self, map: &CacheMap<K, T>, key: K, value: Option<Arc<T>>)
    where
        K: std::hash::Hash + Eq,
    {
        if let Ok(mut map) = map.write() {
            if map.len() >= MAX_CACHED {
                map.retain(|_, entry| entry.at.elapsed() < self.fresh_for);
                if map.len() >= MAX_CACHED {
                    map.clear();
                }
            }
            map.insert(
                key,
                Cached {
                    at: Instant::now(),
                    value,
                },
            );
        }
    }

    /// The key whose current (or, within its overlap, previous) token has `hash`.
    async fn load_key(&self, hash: &[u8; 32]) -> Result<Option<Arc<ResolvedKey>>, DomainError> {
        let hex = hex::encode(hash);
        let Some(key) = api_key::Entity::find()
            .filter(
                Condition::any()
                    .add(api_key::Column::SecretHash.eq(&hex))
                    .add(api_key::Column::PreviousHash.eq(&hex)),
            )
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let token_valid_until = if key.secret_hash == hex {
            None
        } else {
            // The previous token: without an end it would never stop, so it stops now.
            Some(key.previous_expires_at.unwrap_or_else(|| self.clock.now()))
        };
        self.resolve(key, token_valid_until).await.map(Some)
    }

    /// What the gateway needs to know of a key: its organization, grants and rules.
    async fn resolve(
        &self,
        key: api_key::Model,
        token_valid_until: Option<DateTime<Utc>>,
    ) -> Result<Arc<ResolvedKey>, DomainError> {
        let organization = organization::Entity::find_by_id(key.organization_id)
            .one(&self.db)
            .await?;
        let environment = Environment::parse(&key.environment)
            .ok_or_else(|| DomainError::Invariant(format!("key {} has no environment", key.id)))?;
        let grants = access_grant::Entity::find()
            .filter(access_grant::Column::OrganizationId.eq(key.organization_id))
            .filter(access_grant::Column::Environment.eq(environment.as_str()))
            .all(&self.db)
            .await?
            .into_iter()
            // The organization's environments count too, whatever a grant says (one made while
            // its environment was being closed, say).
            .filter(|_| {
                organization
                    .as_ref()
                    .is_some_and(|o| o.environments().contains(&environment))
            })
            .map(|g| (g.collection_id, g.expires_at))
            .collect();
        let rules = key.rules();
        Ok(Arc::new(ResolvedKey {
            id: key.id,
            organization_id: key.organization_id,
            organization: organization
                .as_ref()
                .map(|o| o.slug.clone())
                .unwrap_or_default(),
            environment,
            active: key.active,
            expires_at: key.expires_at,
            token_valid_until,
            organization_open: organization.as_ref().is_some_and(|o| o.may_use_portal()),
            rules,
            grants,
            last_used: AtomicI64::new(key.last_used_at.map(|at| at.timestamp()).unwrap_or(0)),
        }))
    }

    async fn load_upstream(&self, slug: &str) -> Result<Option<Arc<Upstream>>, DomainError> {
        Ok(collection::Entity::find()
            .filter(collection::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
            .map(|c| {
                Arc::new(Upstream {
                    collection_id: c.id,
                    published: c.published,
                    sandbox: c.sandbox_url.map(|u| u.trim_end_matches('/').to_owned()),
                    production: c.production_url.map(|u| u.trim_end_matches('/').to_owned()),
                })
            }))
    }
}
