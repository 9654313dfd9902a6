use std::process::ExitCode;
use std::sync::Arc;

use app::types::Email;
use clap::{Parser, Subcommand};
// The gateway allocates a little for every call it proxies; mimalloc does that faster than the
// system allocator under many connections (scripts/bench-gateway).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use server::audit::AuditEvent;
use server::clock::{Clock, SystemClock};
use server::demo::{self, Seeded};
use server::directory::{create_user, find_user_by_email};
use server::settings::{LogFormat, Settings, help_text};
use server::{Portal, StartError};

#[derive(Parser)]
#[command(
    name = "portico",
    version,
    about = "Portico, the self-hosted API developer portal",
    after_help = help_text()
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the portal (the default)
    Serve,
    /// Bring the database schema up to date, then exit
    Migrate,
    /// Administer the portal from the command line
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// The portal's configuration as one JSON document (as Admin → Configuration has it)
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Print the configuration: branding, organizations, collections, identity providers
    /// (without secrets)
    Export {
        /// The portal admin the export is recorded for in the audit log
        #[arg(long = "as", value_name = "EMAIL")]
        actor: String,
    },
    /// Add and update what a configuration file describes (nothing is deleted); a mistake
    /// anywhere changes nothing
    Import {
        /// The file, as `portico config export` or the admin page writes it
        file: std::path::PathBuf,
        /// The portal admin the changes are recorded for in the audit log
        #[arg(long = "as", value_name = "EMAIL")]
        actor: String,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a portal admin, or make an existing user one
    Create {
        #[arg(long)]
        email: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("portico: {error}");
            return ExitCode::from(2);
        }
    };
    // One worker runs everything on the calling thread, the way one nginx worker does; more
    // share the work between threads.
    let runtime = match settings.worker_threads {
        1 => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
        workers => tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .enable_all()
            .build(),
    };
    match runtime {
        Ok(runtime) => runtime.block_on(run(cli, settings)),
        Err(error) => {
            eprintln!("portico: cannot start the runtime: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli, settings: Settings) -> ExitCode {
    init_tracing(&settings);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings).await,
        Command::Migrate => migrate(settings).await,
        Command::Admin {
            command: AdminCommand::Create { email },
        } => create_admin(settings, &email).await,
        Command::Config { command } => config(settings, command).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("portico: {error}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(settings: &Settings) {
    let filter = tracing_subscriber::EnvFilter::try_new(&settings.log_filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match settings.log_format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

async fn serve(settings: Settings) -> Result<(), StartError> {
    let leptos = server::site_options(settings.site_addr)?;
    let listener = server::bind(settings.site_addr).await?;
    let portal = Portal::open(settings, Arc::new(SystemClock)).await?;
    if portal.settings.demo {
        seed_demo(&portal).await?;
    }
    if let Err(error) = server::api::publish(&portal.catalog).await {
        tracing::warn!(%error, "could not publish the management API in the catalog");
    }
    let router = portal.router(leptos);
    // Grants with a last day end on their own; every process sweeps (each expiry is recorded once).
    // Sign-ins never finished at an identity provider are dropped the same way.
    let access = portal.access.clone();
    let sso = portal.sso.clone();
    let brand = portal.brand.clone();
    tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            if let Err(error) = access.sweep_expired_grants().await {
                tracing::warn!(%error, "could not sweep expired grants");
            }
            if let Err(error) = sso.sweep().await {
                tracing::warn!(%error, "could not sweep unfinished sign-ins");
            }
            // Other instances' admin changes reach this one within a minute.
            if let Err(error) = sso.reload().await {
                tracing::warn!(%error, "could not reload identity providers");
            }
            if let Err(error) = brand.reload().await {
                tracing::warn!(%error, "could not reload the branding");
            }
        }
    });
    tracing::info!(
        address = %portal.settings.site_addr,
        database = portal.settings.database_url.engine(),
        "Portico is listening on {}",
        portal.settings.base_url
    );
    server::serve(listener, router, shutdown_signal())
        .await
        .map_err(|e| StartError::Bind {
            addr: portal.settings.site_addr,
            reason: e.to_string(),
        })?;
    tracing::info!("Portico stopped");
    Ok(())
}

async fn seed_demo(portal: &Portal) -> Result<(), StartError> {
    let seeded = demo::seed(&portal.db, portal.clock.as_ref())
        .await
        .map_err(|e| StartError::Demo(e.to_string()))?;
    demo::seed_catalog(&portal.catalog, &portal.settings.base_url)
        .await
        .map_err(|e| StartError::Demo(e.to_string()))?;
    let base = portal.settings.base_url.as_str().trim_end_matches('/');
    match seeded {
        Seeded::Fresh => println!(
            "\nDemo data is ready: the organization \"{org}\" with the admin {admin} and the developer {dev}.\n\
             Sign in at {base}/sign-in with either address. {mail}\n",
            org = demo::DEMO_ORGANIZATION,
            admin = demo::DEMO_ADMIN,
            dev = demo::DEMO_DEVELOPER,
            mail = match portal.dev_outbox() {
                Some(_) => format!(
                    "No SMTP server is set, so the link is printed here and shown at {base}/dev/outbox."
                ),
                None => "The link arrives by email.".to_owned(),
            },
        ),
        Seeded::AlreadyPopulated => println!(
            "\nDemo mode: the database already has users, so no demo data was added. Open {base}/\n"
        ),
    }
    Ok(())
}

async fn migrate(settings: Settings) -> Result<(), StartError> {
    let engine = settings.database_url.engine();
    Portal::open(settings, Arc::new(SystemClock)).await?;
    println!("The {engine} database schema is up to date.");
    Ok(())
}

async fn create_admin(settings: Settings, email: &str) -> Result<(), StartError> {
    let email = Email::parse(email).map_err(|e| StartError::Cli(format!("--email: {e}")))?;
    let portal = Portal::open(settings, Arc::new(SystemClock)).await?;
    let clock = portal.clock.as_ref();
    let fail = |e: server::error::DomainError| StartError::Cli(e.to_string());
    match find_user_by_email(&portal.db, &email).await.map_err(fail)? {
        Some(existing) if existing.is_admin => println!("{email} is already a portal admin."),
        existing => {
            let user = match existing {
                Some(existing) => server::directory::make_admin(&portal.db, existing.id)
                    .await
                    .map_err(fail)?,
                None => create_user(&portal.db, clock, &email, true)
                    .await
                    .map_err(fail)?,
            };
            AuditEvent::new("cli", "user.made_admin")
                .on("user", user.id)
                .record(&portal.db, clock as &dyn Clock)
                .await
                .map_err(fail)?;
            println!("{email} is now a portal admin.");
        }
    }
    let link = portal.magic_links.issue_link(&email).await.map_err(fail)?;
    println!(
        "Sign in within {} minutes with this one-time link:\n\n  {link}\n",
        portal.settings.magic_link_ttl.num_minutes()
    );
    Ok(())
}

async fn config(settings: Settings, command: ConfigCommand) -> Result<(), StartError> {
    let actor_email = match &command {
        ConfigCommand::Export { actor } | ConfigCommand::Import { actor, .. } => actor.clone(),
    };
    let email = Email::parse(&actor_email).map_err(|e| StartError::Cli(format!("--as: {e}")))?;
    // Read before the database is touched, so a missing file changes nothing at all.
    let document = match &command {
        ConfigCommand::Import { file, .. } => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| StartError::Cli(format!("{}: {e}", file.display())))?;
            let document: server::config::PortalConfig =
                serde_json::from_str(&text).map_err(|e| {
                    StartError::Cli(format!(
                        "{} is not a Portico configuration document: {e}",
                        file.display()
                    ))
                })?;
            Some(document)
        }
        ConfigCommand::Export { .. } => None,
    };
    let portal = Portal::open(settings, Arc::new(SystemClock)).await?;
    let actor = match find_user_by_email(&portal.db, &email)
        .await
        .map_err(|e| StartError::Cli(e.to_string()))?
    {
        Some(user) if user.is_admin && user.status != server::entities::user::STATUS_SUSPENDED => {
            app::auth::Viewer {
                id: user.id.to_string(),
                email: user.email,
                display_name: user.display_name,
                is_admin: true,
                terms_pending: false,
            }
        }
        _ => {
            return Err(StartError::Cli(format!(
                "--as: {email} is not an active portal admin here (portico admin create --email {email} makes one)"
            )));
        }
    };
    let services = portal.services();
    let transfer = server::config::ConfigTransfer {
        services: &services,
        catalog: &portal.catalog,
    };
    // Recorded in the audit log as coming from this machine's command line.
    let (request, ()) = http::Request::new(()).into_parts();
    let failed = |e: app::error::AppError| {
        StartError::Cli(match &e {
            app::error::AppError::Invalid {
                field: Some(field), ..
            } => format!("nothing was imported: {e} (at {field})"),
            _ => e.to_string(),
        })
    };
    match document {
        None => {
            let config = transfer
                .export(&actor, &request)
                .await
                .map_err(|e| StartError::Cli(e.to_string()))?;
            let text = serde_json::to_string_pretty(&config)
                .map_err(|e| StartError::Cli(e.to_string()))?;
            println!("{text}");
        }
        Some(document) => {
            let report = transfer
                .import(&actor, document, &request)
                .await
                .map_err(failed)?;
            if report.changes.is_empty() {
                println!("Nothing needed to change: the portal already matches the file.");
            }
            for change in report.changes {
                println!("{change}");
            }
        }
    }
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, so requests in flight can finish.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
