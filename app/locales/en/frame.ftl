# The frame of every page (app/src/layout.rs, app/src/lib.rs), the home page (app/src/home.rs),
# the language switcher, and how dates are written (app/src/i18n/format.rs).

skip-link = Skip to main content
menu-open = Menu
menu-close = Close menu
nav-main = Main
nav-my-apis = My APIs
nav-discover = Discover
nav-admin = Admin
nav-approvals-waiting = { $count ->
    [one] { " " }access request waiting
   *[other] { " " }access requests waiting
}
nav-sign-in = Sign in
account-menu = Account menu:{ " " }
account-profile = Profile and sessions
account-keys = API keys
account-team = Your team
account-requests = My requests
account-sign-out = Sign out
decision-notice = { $count ->
    [one] An admin decided one of your access requests.{ " " }
   *[other] Admins decided { $count } of your access requests.{ " " }
}
decision-notice-link = See what was decided
footer-nav = Footer
footer-powered-by = Powered by Portico { $version }
language-label = Language
language-change = Change language
page-not-found = Page not found
page-not-found-lead = There is nothing at this address. It may have moved, or the link may be mistyped.
page-not-found-home = Go to the home page
load-sign-in-before = Please{ " " }
load-sign-in-link = sign in
load-terms-link = accept the terms of use
load-after = { " " }{ $purpose }.
load-admin-purpose = as an admin to see this page
loading = Loading…
secret-copy-now = Copy it now: this is the only time it is shown. Store it like a password.
secret-copy = Copy
secret-copied = Copied to the clipboard.
secret-stored = I have stored it

home-title = Welcome
home-lead = Find the APIs your team can use, read their reference docs, and get keys to call them.
home-message-label = Message from the portal team
home-my-apis = Collections your organization may use, with docs, specs and keys.
home-discover = Published collections you can ask for, with a reason, in a few clicks.
home-sign-in = Use the email link or your company's single sign-on.
status-heading = System status
status-lead = Check that this portal can reach its database.
status-checking = Checking…
status-check = Check status
status-ok = All systems working.
status-version = Version
status-database = Database
status-round-trip = Database round trip
status-round-trip-value = { $milliseconds } ms
status-organizations = Organizations
status-users = Users

date = { $day } { $month } { $year }
date-time = { $date }, { $time } UTC
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
