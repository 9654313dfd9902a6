//! Portico's server: settings, storage, sessions and the HTTP surface behind the UI's ports.

pub mod access;
pub mod admin;
pub mod api;
pub mod audit;
pub mod auth;
pub mod branding;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod directory;
pub mod entities;
pub mod error;
pub mod gateway;
pub mod i18n;
pub mod keys;
pub mod mail;
pub mod markdown;
pub mod net;
pub mod openapi;
pub mod portal_settings;
pub mod secret_box;
pub mod settings;
pub mod system;
pub mod team;
pub mod terms;
pub mod tryit;
pub mod web;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;

use crate::auth::{MagicLinks, Registrations, Sessions};
use crate::clock::Clock;
use crate::mail::{Mailer, Outbox};
use crate::settings::Settings;
use crate::system::System;

/// Why Portico could not start, each naming the setting to look at.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Settings(#[from] settings::SettingsError),
    #[error("DATABASE_URL: cannot open {url}: {reason}")]
    Database { url: String, reason: String },
    #[error("DATABASE_URL: updating the database schema failed: {0}")]
    Migration(String),
    #[error("LEPTOS_SITE_ADDR: cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error("Leptos.toml: {0}")]
    Site(String),
    #[error("the gateway's HTTP client could not start: {0}")]
    Gateway(String),
    #[error("single sign-on could not start: {0}")]
    Sso(String),
    #[error("PORTICO_SECRET_KEY: {0}")]
    SecretKey(String),
    #[error("PORTICO_DEMO: seeding the demo data failed: {0}")]
    Demo(String),
    #[error("{0}")]
    Cli(String),
}

/// A connected, migrated portal: everything the HTTP layer serves from.
pub struct Portal {
    pub settings: Settings,
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub system: Arc<System>,
    pub sessions: Arc<Sessions>,
    pub mailer: Arc<Mailer>,
    pub magic_links: Arc<MagicLinks>,
    pub people: Arc<admin::People>,
    pub organizations: Arc<admin::Organizations>,
    pub invitations: Arc<admin::Invitations>,
    pub registrations: Arc<Registrations>,
    pub terms: Arc<terms::Terms>,
    pub catalog: Arc<catalog::Catalog>,
    pub access: Arc<access::Access>,
    pub audit_log: Arc<audit::log::AuditLog>,
    pub gateway: Arc<gateway::Gateway>,
    pub gateway_state: gateway::proxy::GatewayState,
    pub keys: Arc<keys::Keys>,
    pub try_it: Arc<tryit::TryIt>,
    pub sso: Arc<auth::sso::Sso>,
    pub identity_providers: Arc<admin::IdentityProviders>,
    pub dashboard: Arc<admin::Dashboard>,
    pub brand: Arc<branding::Brand>,
    pub api_tokens: Arc<admin::AdminApiTokens>,
    pub teams: Arc<team::Teams>,
}

impl Portal {
    /// Connects to the database and brings its schema up to date.
    pub async fn open(settings: Settings, clock: Arc<dyn Clock>) -> Result<Portal, StartError> {
        i18n::install();
        let mailer = Arc::new(Mailer::from_settings(&settings)?);
        let db = db::connect(&settings.database_url).await?;
        db::migrate(&db).await?;
        let system = Arc::new(System {
            db: db.clone(),
            engine: settings.database_url.engine(),
        });
        let brand = Arc::new(branding::Brand::new(
            db.clone(),
            clock.clone(),
            settings.portal_name.clone(),
        ));
        brand
            .reload()
            .await
            .map_err(|e| StartError::Migration(e.to_string()))?;
        let sessions = Arc::new(Sessions {
            db: db.clone(),
            clock: clock.clone(),
            secure_cookies: settings.is_https(),
            idle_timeout: settings.session_idle_timeout,
            max_age: settings.session_max_age,
        });
        let magic_links = Arc::new(MagicLinks {
            db: db.clone(),
            clock: clock.clone(),
            mailer: mailer.clone(),
            sessions: sessions.clone(),
            base_url: settings.base_url.clone(),
            brand: brand.clone(),
            ttl: settings.magic_link_ttl,
            per_email: auth::magic_link::hourly(settings.links_per_email),
            per_client: auth::magic_link::hourly(settings.links_per_client),
        });
        let people = Arc::new(admin::People {
            db: db.clone(),
            clock: clock.clone(),
            sessions: sessions.clone(),
        });
        let organizations = Arc::new(admin::Organizations {
            db: db.clone(),
            clock: clock.clone(),
            sessions: sessions.clone(),
        });
        let invitations = Arc::new(admin::Invitations {
            db: db.clone(),
            clock: clock.clone(),
            links: magic_links.clone(),
        });
        let registrations = Arc::new(Registrations {
            db: db.clone(),
            clock: clock.clone(),
            links: magic_links.clone(),
        });
        let terms = Arc::new(terms::Terms {
            db: db.clone(),
            clock: clock.clone(),
        });
        let catalog = Arc::new(catalog::Catalog::new(db.clone(), clock.clone()));
        let access = Arc::new(access::Access {
            db: db.clone(),
            clock: clock.clone(),
            catalog: catalog.clone(),
            mailer: mailer.clone(),
            base_url: settings.base_url.clone(),
            brand: brand.clone(),
        });
        let audit_log = Arc::new(audit::log::AuditLog { db: db.clone() });
        let gateway = Arc::new(gateway::Gateway::new(db.clone(), clock.clone()));
        let gateway_state = gateway::proxy::GatewayState::new(
            gateway.clone(),
            sessions.cookie_name(),
            settings
                .gateway_timeout
                .to_std()
                .unwrap_or(std::time::Duration::from_secs(30)),
            settings.trusted_proxies.clone(),
        )
        .map_err(|e| StartError::Gateway(e.to_string()))?;
        let keys = Arc::new(keys::Keys {
            db: db.clone(),
            clock: clock.clone(),
            gateway: gateway.clone(),
        });
        let try_it = Arc::new(tryit::TryIt {
            db: db.clone(),
            clock: clock.clone(),
            catalog: catalog.clone(),
            gateway: gateway_state.clone(),
            client: gateway::proxy::upstream_client(net::PublicResolver),
            base_url: settings.base_url.clone(),
            timeout: settings
                .try_it_timeout
                .to_std()
                .unwrap_or(std::time::Duration::from_secs(10)),
        });
        let secrets = Arc::new(
            secret_box::SecretBox::for_settings(&settings).map_err(StartError::SecretKey)?,
        );
        let sso = Arc::new(
            auth::sso::Sso::new(
                db.clone(),
                clock.clone(),
                sessions.clone(),
                settings.base_url.clone(),
                settings.oidc_providers.clone(),
                secrets,
            )
            .map_err(StartError::Sso)?,
        );
        sso.reload()
            .await
            .map_err(|e| StartError::Sso(e.to_string()))?;
        let identity_providers = Arc::new(admin::IdentityProviders {
            db: db.clone(),
            clock: clock.clone(),
            sso: sso.clone(),
        });
        let dashboard = Arc::new(admin::Dashboard {
            db: db.clone(),
            clock: clock.clone(),
        });
        let api_tokens = Arc::new(admin::AdminApiTokens {
            db: db.clone(),
            clock: clock.clone(),
        });
        let teams = Arc::new(team::Teams {
            db: db.clone(),
            clock: clock.clone(),
            sessions: sessions.clone(),
            invitations: invitations.clone(),
        });
        Ok(Portal {
            teams,
            api_tokens,
            sso,
            identity_providers,
            dashboard,
            brand,
            try_it,
            gateway,
            gateway_state,
            keys,
            access,
            audit_log,
            catalog,
            people,
            organizations,
            invitations,
            registrations,
            terms,
            settings,
            db,
            clock,
            system,
            sessions,
            mailer,
            magic_links,
        })
    }

    /// The development outbox page is offered only when mail is not sent for real and the portal
    /// runs on this machine: elsewhere it would hand sign-in links to anyone who asks.
    pub fn dev_outbox(&self) -> Option<Arc<Outbox>> {
        let local = match self.settings.base_url.host() {
            Some(url::Host::Domain(domain)) => domain == "localhost",
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        };
        self.mailer.outbox().filter(|_| local)
    }

    pub fn router(&self, leptos: LeptosOptions) -> axum::Router {
        web::router(self, leptos)
    }

    /// The services the pages, server functions and endpoints call.
    pub fn services(&self) -> app::services::Services {
        app::services::Services {
            system: self.system.clone(),
            sessions: self.sessions.clone(),
            sign_in: self.magic_links.clone(),
            people: self.people.clone(),
            organizations: self.organizations.clone(),
            invitations: self.invitations.clone(),
            registrations: self.registrations.clone(),
            terms: self.terms.clone(),
            catalog: self.catalog.clone(),
            collections: self.catalog.clone(),
            access: self.access.clone(),
            audit: self.audit_log.clone(),
            keys: self.keys.clone(),
            try_it: self.try_it.clone(),
            sso: self.sso.clone(),
            identity_providers: self.identity_providers.clone(),
            dashboard: self.dashboard.clone(),
            branding: self.brand.clone(),
            api_tokens: self.api_tokens.clone(),
            team: self.teams.clone(),
        }
    }
}

/// Binds the listen address, with an error that says which setting to change.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    TcpListener::bind(addr).await.map_err(|e| StartError::Bind {
        addr,
        reason: match e.kind() {
            std::io::ErrorKind::AddrInUse => "the port is already in use".into(),
            std::io::ErrorKind::PermissionDenied => {
                "permission denied (ports below 1024 need privileges)".into()
            }
            _ => e.to_string(),
        },
    })
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve(
    listener: TcpListener,
    router: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // Small answers (gateway calls, server functions) go out at once instead of waiting for more.
    let listener = listener.tap_io(|stream| {
        let _ = stream.set_nodelay(true);
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// The Leptos site options: `Leptos.toml` in the working folder when present (so the built
/// binary runs on its own), with `LEPTOS_*` variables (set by cargo-leptos) taking precedence.
pub fn site_options(site_addr: SocketAddr) -> Result<LeptosOptions, StartError> {
    let configuration = if std::path::Path::new("Leptos.toml").exists() {
        leptos::config::get_configuration(Some("Leptos.toml"))
    } else {
        leptos::config::get_configuration(None)
    }
    .map_err(|e| StartError::Site(e.to_string()))?;
    let mut options = configuration.leptos_options;
    options.site_addr = site_addr;
    if options.hash_files {
        // Leptos reads the hashed bundle names from a file beside the binary, and would fail on
        // the first page if it were missing; say so at start instead.
        let hash_file = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())));
        if let Some(path) = hash_file.filter(|path| !path.exists()) {
            return Err(StartError::Site(format!(
                "hash-files is on, but {} is missing; build the site with `cargo leptos build --release`, \
                 or set LEPTOS_HASH_FILES=false",
                path.display()
            )));
        }
    }
    Ok(options)
}
