# Der Rahmen jeder Seite, die Startseite, die Sprachwahl und wie Daten geschrieben werden.

skip-link = Zum Inhalt springen
menu-open = Menü
menu-close = Menü schließen
nav-main = Hauptnavigation
nav-my-apis = Meine APIs
nav-discover = Entdecken
nav-admin = Verwaltung
nav-approvals-waiting = { $count ->
    [one] { " " }Zugriffsanfrage wartet
   *[other] { " " }Zugriffsanfragen warten
}
nav-sign-in = Anmelden
account-menu = Kontomenü:{ " " }
account-profile = Profil und Sitzungen
account-keys = API-Schlüssel
account-team = Ihr Team
account-requests = Meine Anfragen
account-sign-out = Abmelden
decision-notice = { $count ->
    [one] Über eine Ihrer Zugriffsanfragen wurde entschieden.{ " " }
   *[other] Über { $count } Ihrer Zugriffsanfragen wurde entschieden.{ " " }
}
decision-notice-link = Entscheidungen ansehen
footer-nav = Fußzeile
footer-powered-by = Betrieben mit Portico { $version }
language-label = Sprache
language-change = Sprache wechseln
page-not-found = Seite nicht gefunden
page-not-found-lead = Unter dieser Adresse gibt es nichts. Vielleicht ist die Seite umgezogen, oder der Link enthält einen Tippfehler.
page-not-found-home = Zur Startseite
load-sign-in-before = Bitte{ " " }
load-sign-in-link = melden Sie sich an
load-terms-link = akzeptieren Sie die Nutzungsbedingungen
load-after = ,{ " " }{ $purpose }.
load-admin-purpose = um diese Seite als Admin zu sehen
loading = Wird geladen …
secret-copy-now = Kopieren Sie ihn jetzt: Er wird nur dieses eine Mal angezeigt. Bewahren Sie ihn wie ein Passwort auf.
secret-copy = Kopieren
secret-copied = In die Zwischenablage kopiert.
secret-stored = Ich habe ihn gespeichert

home-title = Willkommen
home-lead = Finden Sie die APIs, die Ihr Team nutzen darf, lesen Sie ihre Referenzdokumentation und holen Sie sich Schlüssel, um sie aufzurufen.
home-message-label = Nachricht des Portal-Teams
home-my-apis = Sammlungen, die Ihre Organisation nutzen darf, mit Dokumentation, Spezifikationen und Schlüsseln.
home-discover = Veröffentlichte Sammlungen, um die Sie mit einer Begründung in wenigen Schritten bitten können.
home-sign-in = Per E-Mail-Link oder über das Single Sign-on Ihres Unternehmens.
status-heading = Systemstatus
status-lead = Prüfen Sie, ob dieses Portal seine Datenbank erreicht.
status-checking = Wird geprüft …
status-check = Status prüfen
status-ok = Alle Systeme funktionieren.
status-version = Version
status-database = Datenbank
status-round-trip = Datenbank-Antwortzeit
status-round-trip-value = { $milliseconds } ms
status-organizations = Organisationen
status-users = Benutzer

date = { $day }. { $month } { $year }
date-time = { $date }, { $time } UTC
month-1 = Jan.
month-2 = Feb.
month-3 = März
month-4 = Apr.
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = Aug.
month-9 = Sept.
month-10 = Okt.
month-11 = Nov.
month-12 = Dez.
