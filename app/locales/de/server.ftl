# Was der Server selbst antwortet: die Prüfungen beim Import der Konfiguration und sein Bericht
# über die Änderungen (server/src/config/mod.rs, server/src/config/routes.rs) sowie die Prüfungen
# von Anfragetexten und Seitenangaben der Verwaltungs-API (server/src/api/mod.rs).

## Import der Konfiguration: Prüfungen des Dokuments (jede Meldung wird mit ihrer Stelle gezeigt,
## etwa organizations[2].domains)

server-config-format = Dieses Portal liest Format { $expected }; das Dokument hat Format { $found }.
server-config-slug-twice = Eine andere Organisation im Dokument hat dieses Kürzel.
server-config-name-taken = Die Organisation { $slug } trägt hier bereits diesen Namen.
server-config-no-environment = Nennen Sie mindestens eine Umgebung.
server-config-domain-taken = Über { $domain } treten Personen hier bereits { $organization } bei.
# $place: die Stelle der anderen Organisation im Dokument, etwa organizations[0].
server-config-domain-twice = { $place } nennt { $domain } ebenfalls; eine Domain gehört zu genau einer Organisation.
server-config-own-api = Das ist die eigene Verwaltungs-API von Portico: Jedes Portal veröffentlicht seine eigene.
server-config-unknown-organization = Keine Organisation hat das Kürzel { $slug }.
# $environments: etwa „Sandbox und Produktion“.
server-config-grant-closed = { $organization } darf { $environments } nicht nutzen.
server-config-provider-from-settings = { $slug } ist hier in PORTICO_OIDC_PROVIDERS festgelegt; ein Import ändert das nicht.
server-config-provider-moves = { $name } wechselt zu einem anderen Aussteller oder einer anderen Client-ID: Fügen Sie sein client_secret dem Dokument hinzu.
server-config-provider-new = { $name } ist hier neu: Fügen Sie sein client_secret dem Dokument hinzu (Secrets werden nie exportiert).

## Import der Konfiguration: die hochgeladene Datei

server-config-upload-unreadable = Die hochgeladene Datei konnte nicht gelesen werden: { $reason }
server-config-upload-missing = Wählen Sie eine Konfigurationsdatei (portico-config.json, aus einem Portal heruntergeladen).
server-config-not-a-document = Das ist kein Konfigurationsdokument von Portico: { $reason }.

## Import der Konfiguration: was sich geändert hat, je ein Satz

server-config-branding-updated = Erscheinungsbild aktualisiert.
server-config-organization-added = Organisation { $name } hinzugefügt.
server-config-organization-added-as = Organisation { $name } als { $slug } hinzugefügt ({ $wanted } war vergeben).
server-config-organization-renamed = Organisation { $before } in { $after } umbenannt.
server-config-portal-access-on = Portalzugang von { $name } eingeschaltet.
server-config-portal-access-off = Portalzugang von { $name } ausgeschaltet.
server-config-environments = { $name } darf { $environments } nutzen.
server-config-domain-added = Über { $domain } treten Personen { $organization } bei.
server-config-email-added = { $email } darf sich bei { $organization } anmelden.
server-config-provider-updated = Identitätsanbieter { $name } aktualisiert.
server-config-provider-added = Identitätsanbieter { $name } hinzugefügt.
server-config-provider-on = Identitätsanbieter { $name } eingeschaltet.
server-config-provider-off = Identitätsanbieter { $name } ausgeschaltet.
server-config-document-updated = Eine neue Version des Dokuments von { $name }.
server-config-collection-added = Sammlung { $name } hinzugefügt.
server-config-settings-updated = Einstellungen von { $name } aktualisiert.
server-config-auto-approval-changed = Automatische Genehmigung von { $name } geändert.
# $organization: ein Kürzel; $environments: Werte der Umgebungen, etwa „sandbox, production“.
server-config-grant-added = { $organization } darf { $collection } nutzen ({ $environments }).

## Verwaltungs-API

server-api-json-object = Senden Sie ein JSON-Objekt.
server-api-body-mismatch = Der Anfragetext passt nicht: { $reason }.
server-api-page-invalid = Seiten werden ab 1 gezählt (bis 1.000.000).
server-api-per-page-invalid = Fragen Sie 1 bis 200 Einträge pro Seite an.
server-config-organization-twice = { $place } beschreibt diese Organisation ebenfalls.
server-config-stopped = Der Import wurde nach { $count ->
    [one] einer Änderung
   *[other] { $count } Änderungen
} abgebrochen (jede steht im Audit-Protokoll): { $reason }
server-config-entry-twice = { $place } hat dieses Kürzel ebenfalls.
