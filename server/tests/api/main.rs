//! Integration tests: the real server on port 0 against a fresh database, on SQLite always and on
//! PostgreSQL when `PORTICO_TEST_POSTGRES_URL` is set.

mod helpers;

mod access;
mod admin_dashboard;
mod admin_organizations;
mod admin_people;
mod audit_log;
mod binary;
mod branding;
mod catalog;
mod corpus;
mod gateway;
mod invitations;
mod languages;
mod mail_tls;
mod management_api;
mod nginx;
mod operations;
mod pages;
mod registration;
mod schemathesis;
mod sign_in;
mod sso;
mod storage;
mod team;
mod terms;
mod try_it;
