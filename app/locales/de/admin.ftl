# Die Verwaltungsübersicht mit ihrem Dashboard (app/src/admin/mod.rs, dashboard.rs), das
# Erscheinungsbild (app/src/admin/branding.rs), die Nutzungsbedingungen (app/src/admin/terms.rs,
# server/src/terms.rs), Admin-API-Tokens (app/src/admin/api_tokens.rs,
# server/src/admin/api_tokens.rs) und die Konfigurationsseite (app/src/admin/configuration.rs).

admin-title = Verwaltung
admin-lead = Betreiben Sie das Portal: Organisationen, Personen, Sammlungen und Zugriffe.
admin-back = ← Verwaltungsübersicht
admin-run-heading = Das Portal betreiben
admin-sections = Bereiche der Verwaltung
admin-link-people = Personen
admin-link-people-text = Personen einladen, über Beitrittsanfragen entscheiden, Konten sperren und wieder aktivieren.
admin-link-organizations = Organisationen
admin-link-organizations-text = Portalzugang, Umgebungen, freigegebene Adressen und Domains, über die Personen beitreten.
admin-link-collections = Sammlungen
admin-link-collections-text = APIs aus OpenAPI-Dokumenten veröffentlichen und festlegen, wer sie nutzen darf.
admin-link-requests = Zugriffsanfragen
admin-link-requests-text = Anfragen für APIs genehmigen oder ablehnen; Sammelentscheidungen und Verlauf.
admin-link-audit = Audit-Protokoll
admin-link-audit-text = Jede Anmeldung, Entscheidung und Änderung, filterbar und als CSV exportierbar.
admin-link-terms = Nutzungsbedingungen
admin-link-terms-text = Die Bedingungen veröffentlichen, die alle vor der Nutzung des Portals akzeptieren.
admin-link-branding = Erscheinungsbild
admin-link-branding-text = Name, Logo, Akzentfarbe, Links in der Fußzeile und die Nachricht auf der Startseite.
admin-link-identity-providers = Identitätsanbieter
admin-link-identity-providers-text = Single Sign-on mit OpenID Connect: Anbieter hinzufügen, testen und umschalten.
admin-link-api-tokens = API-Tokens
admin-link-api-tokens-text = Tokens für die Verwaltungs-API, um das Portal per Skript zu betreiben.
admin-link-configuration = Konfiguration
admin-link-configuration-text = Die Einrichtung des Portals als eine Datei: herunterladen oder ein Portal damit einrichten.

## Dashboard: die Kacheln ($count und $shown sind dieselbe Zahl, $shown ausgeschrieben)

admin-stat-label = Auf einen Blick
admin-stat-users = Benutzer
admin-stat-users-active = { $count } aktiv in den letzten 30 Tagen
admin-stat-organizations = Organisationen
admin-stat-collections = Veröffentlichte Sammlungen
admin-stat-pending = Offene Anfragen
admin-stat-pending-none = Nichts wartet
admin-stat-pending-some = Warten auf eine Entscheidung
admin-stat-keys = Aktive API-Schlüssel
admin-stat-calls = Gateway-Aufrufe, 24 h

## Dashboard: das Diagramm der Gateway-Aufrufe

admin-chart-title = Gateway-Aufrufe pro Stunde, letzte 7 Tage
admin-chart-calls-count = { $count ->
    [one] { $shown } Aufruf
   *[other] { $shown } Aufrufe
}
admin-chart-errors-count = { $count ->
    [one] { $shown } Fehler
   *[other] { $shown } Fehler
}
# $calls und $errors: admin-chart-calls-count und admin-chart-errors-count; $peak: die Aufrufe
# der meistgenutzten Stunde (admin-chart-calls-count); $hour: etwa 2026-12-01 14:00.
admin-chart-description = { $calls } und { $errors } in den letzten 7 Tagen; die meistgenutzte Stunde war { $hour } UTC mit { $peak }.
admin-chart-no-calls = Keine Gateway-Aufrufe in den letzten 7 Tagen.
admin-chart-key-calls = Aufrufe
admin-chart-key-errors = Fehler (4xx und 5xx)
admin-chart-per-day = Zahlen pro Tag
admin-chart-per-day-label = Gateway-Aufrufe pro Tag
admin-chart-day = Tag (UTC)
admin-chart-calls = Aufrufe
admin-chart-errors = Fehler

## Erscheinungsbild

admin-branding-title = Erscheinungsbild
admin-branding-lead = Name, Logo, Akzentfarbe, Links in der Fußzeile und Startseiten-Nachricht des Portals, auf jeder Seite und in jeder E-Mail.
admin-branding-heading = Aussehen und Texte
admin-branding-name = Name des Portals
# Ergänzt „Bitte geben Sie … an.“ und „Bitte kürzen Sie … auf höchstens 60 Zeichen.“
admin-branding-name-label = den Namen des Portals
admin-branding-name-hint = In der Kopfzeile, in Seitentiteln und in E-Mails.
admin-branding-accent = Akzentfarbe
admin-branding-accent-hint = Für Schaltflächen und Links, etwa #3346d3; weiße Schrift muss darauf lesbar bleiben (4,5:1). Leer: das Blau von Portico.
admin-branding-logo = Adresse des Logos
admin-branding-logo-hint = Neben dem Namen angezeigt, 32 Pixel hoch.
admin-branding-links = Links in der Fußzeile
admin-branding-links-hint = Einer pro Zeile: Bezeichnung | Adresse, etwa Status | https://status.example.com.
admin-branding-message = Nachricht auf der Startseite
admin-branding-message-hint = Reiner Text; eine Leerzeile beginnt einen neuen Absatz.
admin-branding-saved = Gespeichert. Alle Seiten und E-Mails verwenden es ab sofort.
admin-branding-save = Erscheinungsbild speichern
admin-branding-accent-malformed = Bitte geben Sie eine Farbe wie #3346d3 ein.
admin-branding-accent-contrast = Weiße Schrift auf { $color } hat einen Kontrast von { $ratio }:1, ebenso Links in dieser Farbe auf der weißen Seite; zum Lesen braucht es mindestens { $minimum }:1. Wählen Sie eine dunklere Farbe.
# $what: admin-branding-logo-what oder admin-branding-link-what.
admin-branding-web-address = { $what } muss eine Webadresse wie https://example.com/logo.svg oder ein Pfad wie /docs sein (höchstens 500 Zeichen).
admin-branding-logo-what = Das Logo
admin-branding-link-what = Die Adresse in Zeile { $line }
admin-branding-link-malformed = Zeile { $line } sollte so aussehen: Bezeichnung | https://…, etwa Status | https://status.example.com.
admin-branding-link-label = Zeile { $line }: Geben Sie dem Link eine Bezeichnung mit 1 bis 40 Zeichen.
admin-branding-link-missing = In Zeile { $line } fehlt nach dem | eine Adresse.
admin-branding-links-too-many = Verwenden Sie höchstens 8 Links in der Fußzeile.
admin-branding-message-too-long = Bitte kürzen Sie die Nachricht auf höchstens 2.000 Zeichen.

## Nutzungsbedingungen

admin-terms-title = Nutzungsbedingungen
admin-terms-lead = Angemeldete Personen müssen die aktuelle Version akzeptieren, bevor sie das Portal nutzen können.
admin-terms-published = Version { $version } ist veröffentlicht. Alle müssen sie bei ihrem nächsten Schritt im Portal akzeptieren.
admin-terms-new-version = Neue Version veröffentlichen
admin-terms-markdown = Bedingungen (Markdown)
admin-terms-markdown-hint = Überschriften, Listen, Links und Hervorhebungen funktionieren. Veröffentlichen Sie leere Bedingungen, um nicht mehr nach der Zustimmung zu fragen.
admin-terms-publish = Veröffentlichen
admin-terms-none = Es wurden noch keine Nutzungsbedingungen veröffentlicht.
admin-terms-versions = Versionen
admin-terms-versions-label = Versionen der Nutzungsbedingungen
admin-terms-version = Version
admin-terms-published-at = Veröffentlicht
admin-terms-by = Von
admin-terms-accepted-by = Akzeptiert von
admin-terms-withdrawn = { " " }(zurückgezogen)
admin-terms-acceptances = { $count ->
    [one] { $shown } Person
   *[other] { $shown } Personen
}
admin-terms-too-long = Nutzungsbedingungen dürfen höchstens 100.000 Zeichen lang sein.
admin-terms-none-to-accept = Es gibt keine Nutzungsbedingungen zu akzeptieren.
admin-terms-replaced = Diese Nutzungsbedingungen wurden durch eine neuere Version ersetzt. Laden Sie die Seite neu, um sie zu lesen.
admin-terms-none-to-withdraw = Es gibt keine Nutzungsbedingungen, die zurückgezogen werden könnten. Schreiben Sie die Bedingungen, um sie zu veröffentlichen.
admin-terms-unchanged = Das sind die bereits geltenden Nutzungsbedingungen. Ändern Sie sie, um eine neue Version zu veröffentlichen.

## Admin-API-Tokens

admin-tokens-title = Admin-API-Tokens
admin-tokens-lead = Mit Tokens können Skripte das Portal über die Verwaltungs-API betreiben. Ein Token handelt für den Admin, der es erstellt hat, und endet, wenn es abläuft, widerrufen wird oder dieser kein Admin mehr ist.
# „Die API ist unter /api/v1/openapi.json beschrieben (OpenAPI 3.1); senden Sie das Token als Authorization: Bearer <token>.“
admin-tokens-described-before = Die API ist unter{ " " }
admin-tokens-described-middle = { " " }beschrieben (OpenAPI 3.1); senden Sie das Token als{ " " }
admin-tokens-described-after = .
admin-tokens-load-purpose = um API-Tokens als Admin zu verwalten
admin-tokens-new-title = Ihr neues Token „{ $name }“
admin-tokens-secret-label = Admin-API-Token
admin-tokens-usage = Er läuft am { $expires } ab. Senden Sie ihn als Authorization: Bearer an /api/v1/admin/….
admin-tokens-new = Neues Token
admin-tokens-name = Name
# Ergänzt „Bitte geben Sie … an.“ und „Bitte kürzen Sie … auf höchstens 80 Zeichen.“
admin-tokens-name-label = einen Namen
admin-tokens-name-hint = Wofür er gedacht ist, etwa „CI-Bereitstellung“.
admin-tokens-expires-after = Gültigkeit
admin-tokens-lifetime-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
}
admin-tokens-lifetime-year = 1 Jahr
admin-tokens-lifetime-invalid = Wählen Sie, wie lange das Token gültig ist: 7, 30, 90 oder 365 Tage.
admin-tokens-create = Token erstellen
admin-tokens-empty = Noch keine Tokens
admin-tokens-empty-text = Erstellen Sie oben ein Token für ein Skript oder einen CI-Job; Tokens werden hier mit ihrer letzten Verwendung aufgeführt.
admin-tokens-list = Tokens
admin-tokens-state-active = Aktiv
admin-tokens-state-expired = Abgelaufen
admin-tokens-state-revoked = Widerrufen
admin-tokens-revoke-label = Widerrufen: { $name }
admin-tokens-revoke-confirm = „{ $name }“ widerrufen? Skripte, die ihn verwenden, erhalten ab ihrem nächsten Aufruf 401.
admin-tokens-revoke = Widerrufen
admin-tokens-revoke-now = Jetzt widerrufen
admin-tokens-cancel = Abbrechen
# $used: admin-tokens-never-used oder admin-tokens-last-used.
admin-tokens-meta = Erstellt von { $creator } am { $created }; läuft ab am { $expires }; { $used }.
admin-tokens-never-used = nie verwendet
admin-tokens-last-used = zuletzt verwendet am { $at }
# Ergänzt „… wurde nicht gefunden.“
admin-tokens-not-found = Dieses Token

## Konfiguration

admin-config-title = Konfiguration
admin-config-lead = Die Einrichtung des Portals als eine Datei: herunterladen, um sie aufzubewahren oder zu kopieren, oder eine hochladen, um dieses Portal einzurichten.
# $field: die Stelle in der Datei, etwa organizations[2].domains
admin-config-import-failed-at = Es wurde nichts importiert: { $error } (bei { $field })
admin-config-imported-nothing = Importiert. Es musste nichts geändert werden: Dieses Portal entspricht bereits der Datei.
admin-config-imported = Importiert: { $count ->
    [one] { $shown } Änderung
   *[other] { $shown } Änderungen
}. Jede steht im Audit-Protokoll.
admin-config-download-heading = Herunterladen
admin-config-summary = Erscheinungsbild, { $organizations }, { $collections } mit ihren OpenAPI-Dokumenten, automatischer Freigabe und Berechtigungen sowie { $providers }.
admin-config-organizations = { $count ->
    [one] { $shown } Organisation
   *[other] { $shown } Organisationen
}
admin-config-collections = { $count ->
    [one] { $shown } Sammlung
   *[other] { $shown } Sammlungen
}
admin-config-providers = { $count ->
    [one] { $shown } Identitätsanbieter
   *[other] { $shown } Identitätsanbieter
}
admin-config-download-hint = Client-Secrets von Identitätsanbietern sind nie in der Datei. Personen, Schlüssel, Anfragen und das Audit-Protokoll bleiben ebenfalls hier.
admin-config-download = Konfiguration herunterladen
admin-config-upload-heading = Hochladen
admin-config-upload-lead = Fügt hinzu und aktualisiert, was die Datei beschreibt; gelöscht wird nie etwas. Zuerst wird die ganze Datei geprüft: Ein Fehler an irgendeiner Stelle ändert nichts, und die Meldung nennt die Stelle.
admin-config-upload-hint = Ein neuer Identitätsanbieter braucht sein client_secret in der Datei.
admin-config-file = Konfigurationsdatei (JSON)
admin-config-import = Konfiguration importieren
