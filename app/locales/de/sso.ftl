# Single Sign-on: die Verwaltungsseiten der Identitätsanbieter (app/src/admin/providers.rs), ihre
# Serverseite (server/src/admin/identity_providers.rs, server/src/api/providers.rs) sowie der
# Verbindungstest und Probleme mit Anbietern (server/src/auth/sso.rs).

## Prüfung der Anbietereinstellungen (Formular und PORTICO_OIDC_PROVIDERS)

sso-form-mapping-line = Zeile { $line } sollte so aussehen: Gruppe = Organisations-Kürzel, etwa api-team = acme.
sso-form-slug-new = „new“ ist für die Seite reserviert, die einen Anbieter hinzufügt; wählen Sie ein anderes Kürzel.
sso-form-name = Geben Sie einen Namen mit 1 bis 60 Zeichen ein, etwa Acme SSO.
sso-form-issuer = Der Aussteller muss eine https-Adresse sein, etwa https://login.example.com (http nur auf diesem Rechner).
sso-form-client-id = Geben Sie die Client-ID ein, die der Anbieter für Portico vergeben hat.
sso-form-client-secret = Geben Sie das Client-Secret ein, das der Anbieter für Portico vergeben hat.
sso-form-scopes-openid = Die Scopes müssen openid enthalten.
sso-form-scopes = Scopes sind Wörter wie openid email profile (höchstens 20).
sso-form-domain-invalid = „{ $domain }“ ist keine E-Mail-Domain wie example.com.
sso-form-enforce-needs-domains = Um Personen zu diesem Anbieter zu schicken, geben Sie die E-Mail-Domains an, für die er zuständig ist.
sso-form-jit-needs-domains = Um Konten bei der ersten Anmeldung anzulegen, geben Sie die E-Mail-Domains an, für die dieser Anbieter bürgt.
sso-form-jit-needs-organization = Wählen Sie die Organisation, der bei der ersten Anmeldung angelegte Konten beitreten.
sso-form-role = Die Rolle muss member oder admin sein.
sso-form-groups-claim-needed = Um Gruppen zuzuordnen, nennen Sie den Claim, der die Gruppen aufführt (etwa groups).
sso-form-groups-claim-word = Ein Claim-Name ist ein einzelnes Wort, etwa groups.
sso-form-organization-slug = „{ $organization }“ ist kein Organisations-Kürzel.

## Die Liste der Anbieter

sso-state-on = Aktiv
sso-state-attention = Handlungsbedarf
sso-state-off = Inaktiv
sso-providers-title = Identitätsanbieter
sso-providers-lead = Single Sign-on mit OpenID Connect: die Anbieter, über die sich Personen anmelden, und was ihre Konten erhalten.
sso-back-admin = ← Verwaltungsübersicht
sso-add = Anbieter hinzufügen
sso-empty-title = Noch keine Identitätsanbieter
sso-empty-message = Fügen Sie den OpenID-Anbieter Ihres Unternehmens hinzu (Okta, Entra ID, Keycloak, Google …), damit sich Personen damit statt mit einem E-Mail-Link anmelden.
sso-col-name = Name
sso-col-state = Status
sso-col-issuer = Aussteller
sso-col-domains = E-Mail-Domains
sso-col-accounts = Konten
sso-col-managed = Verwaltet in
sso-extra-jit = Konten bei der ersten Anmeldung
sso-extra-enforced = Pflicht für seine Domains
sso-managed-settings = Einstellungen (schreibgeschützt)
sso-managed-portal = Portal
# Beendet „Bitte melden Sie sich an …“.

## Ein Anbieter: der Editor

sso-provider-title = Identitätsanbieter
sso-new-title = Identitätsanbieter hinzufügen
sso-secret-hint-saved = Wird verschlüsselt gespeichert und nie wieder angezeigt. Lassen Sie das Feld leer, um das gespeicherte Secret zu behalten.
sso-secret-hint-new = Wird verschlüsselt gespeichert und nie wieder angezeigt.
sso-editor-lead = Ein OpenID-Connect-Anbieter: Portico meldet Personen mit dem Authorization Code Flow und PKCE an.
sso-back-list = ← Identitätsanbieter
sso-register-heading = Portico beim Anbieter registrieren
sso-register-lead = Legen Sie bei Ihrem Anbieter eine Webanwendung (vertraulicher Client) mit diesen Adressen an:
sso-redirect-uri = Redirect-URI
sso-logout-uri = Redirect-URI nach der Abmeldung (Post-Logout)
sso-settings-heading = Einstellungen
sso-read-only = Dieser Anbieter ist in den Einstellungen des Portals festgelegt (PORTICO_OIDC_PROVIDERS); ändern Sie ihn dort.
sso-settings-legend = Anbietereinstellungen
sso-field-name = Name auf der Anmeldeschaltfläche
sso-field-slug = Kürzel (in Adressen)
sso-field-issuer = Aussteller-URL (Issuer)
sso-field-issuer-hint = Endpunkte und Schlüssel werden über { "{" }issuer{ "}" }/.well-known/openid-configuration ermittelt.
sso-field-client-id = Client-ID
sso-field-client-secret = Client-Secret
sso-field-scopes = Scopes
sso-field-scopes-hint = Durch Leerzeichen getrennt; openid ist Pflicht.
sso-field-domains-hint = Nur bestätigte Adressen dieser Domains werden mit bestehenden Konten verknüpft oder erhalten neue, etwa example.com, example.org.
sso-sign-in-legend = Anmeldung
sso-enforce-label = Pflicht für diese Domains (keine E-Mail-Links)
sso-jit-label = Konten bei der ersten Anmeldung anlegen (Just-in-Time)
sso-organization-label = Organisation neuer Konten
sso-organization-none = Keine (nur Einladungen)
sso-role-label = Rolle neuer Konten
sso-groups-summary = Gruppenzuordnung (optional)
sso-groups-claim-label = Claim mit den Gruppen
sso-groups-claim-hint = Wird bei jeder Anmeldung aus dem ID-Token gelesen: Mitgliedschaften und die Admin-Rolle richten sich danach.
sso-group-organizations-label = Gruppen → Organisationen
sso-group-organizations-hint = Eine pro Zeile: Gruppe = Organisations-Kürzel.
sso-admin-groups-label = Gruppen der Portal-Admins
sso-admin-groups-hint = Mitglieder dieser Gruppen sind Portal-Admins; alle anderen, die sich hier anmelden, nicht.
sso-saved = Gespeichert.
sso-save = Änderungen speichern
sso-add-provider = Anbieter hinzufügen

## Ein Anbieter: sein Status

sso-state-heading = Status
sso-state-on-detail = Auf der Anmeldeseite gibt es eine Schaltfläche dafür.
sso-state-off-detail = Nicht auf der Anmeldeseite. Testen Sie die Verbindung und schalten Sie den Anbieter dann ein.
sso-testing = Wird getestet …
sso-test = Verbindung testen
sso-turn-off = Ausschalten
sso-turn-on = Einschalten
sso-delete = Löschen
sso-delete-label = Diesen Anbieter löschen
sso-delete-confirm = Diesen Anbieter löschen? Personen, die sich damit angemeldet haben, behalten ihre Konten und können E-Mail-Links verwenden.
sso-delete-for-good = Endgültig löschen
sso-cancel = Abbrechen
sso-report-ok = Die Verbindung funktioniert.
sso-report-problems = Die Verbindung hat Probleme:
sso-check-passed = Bestanden:{ " " }
sso-check-failed = Fehlgeschlagen:{ " " }

## Speichern, Schalten und Löschen (Server)

# Beendet „… wurde nicht gefunden.“
sso-not-found-what = Dieser Identitätsanbieter
sso-hidden-by-settings = Verdeckt durch den Anbieter mit demselben Kürzel aus den Einstellungen.
sso-secret-again-changed = Geben Sie das Client-Secret erneut ein: Aussteller oder Client-ID haben sich geändert.
sso-secret-unreadable-form = Das gespeicherte Secret lässt sich nicht mehr lesen (der geheime Schlüssel des Portals hat sich geändert): Geben Sie es erneut ein.
sso-slug-taken = Ein anderer Identitätsanbieter hat bereits dieses Kürzel.
sso-organization-missing = Wählen Sie eine bestehende Organisation.
sso-api-add-own-slug = Um einen Anbieter hinzuzufügen, senden Sie ihn an sein eigenes Kürzel: /api/v1/admin/identity-providers/{ $slug }.
sso-stored-unreadable = Seine gespeicherten Einstellungen lassen sich nicht lesen ({ $error })
sso-secret-unreadable = Sein Client-Secret lässt sich nicht lesen: Der geheime Schlüssel des Portals hat sich geändert. Geben Sie das Secret erneut ein.

## „Verbindung testen“: was geprüft wurde und mit welchem Ergebnis

sso-check-discovery = Discovery
sso-check-endpoints = Endpunkte
sso-check-issuer = Aussteller
sso-check-code-flow = Authorization Code Flow
sso-check-pkce = PKCE
sso-check-algorithms = Signaturalgorithmen
sso-check-keys = Signaturschlüssel
sso-check-client = Client-ID und Secret
sso-check-sign-out = Abmeldung
sso-check-discovery-invalid = { $address } ist kein OpenID-Connect-Discovery-Dokument ({ $error }).
sso-check-discovery-read = { $address } gelesen.
sso-check-endpoint-insecure = Das Dokument nennt { $endpoint }, und das ist kein https: Portico sendet dorthin weder Schlüssel noch Secrets.
sso-check-issuer-same = Der Anbieter nennt denselben Aussteller.
sso-check-issuer-differs = Der Anbieter nennt sich { $announced }; geben Sie genau das als Aussteller-URL ein.
sso-check-code-flow-ok = Unterstützt, mit Token-Endpunkt.
sso-check-code-flow-missing = Der Anbieter bietet den Authorization Code Flow (Response Type code und ein Token-Endpunkt) nicht an, den Portico verwendet.
sso-check-pkce-ok = S256-Code-Challenges werden unterstützt.
sso-check-pkce-unknown = Der Anbieter gibt nicht an, ob er PKCE unterstützt; Portico sendet S256-Challenges, die Anbieter ohne PKCE ignorieren.
sso-check-pkce-missing = Der Anbieter kündigt { $methods } an, aber nicht S256, das Portico sendet.
sso-check-algorithms-missing = Der Anbieter kündigt keinen Public-Key-Algorithmus für ID-Tokens an (nur none oder solche mit gemeinsamem Secret); diese lehnt Portico ab.
sso-check-algorithms-ok = ID-Tokens werden mit { $algorithms } signiert.
sso-check-keys-read = { $count ->
    [one] { $count } Schlüssel von { $address } gelesen.
   *[other] { $count } Schlüssel von { $address } gelesen.
}
sso-check-keys-empty = { $address } enthält keine Schlüssel.
sso-check-keys-invalid = { $address } ist kein Schlüsselsatz ({ $error }).
sso-check-sign-out-ok = Nach der Abmeldung bei Portico wird angeboten, sich auch beim Anbieter abzumelden.
sso-check-sign-out-none = Der Anbieter veröffentlicht keinen End-Session-Endpunkt: Die Abmeldung beendet nur die Sitzung bei Portico.
# Nach „{address}: “.
sso-fetch-timeout = keine Antwort innerhalb von 10 Sekunden.
sso-fetch-connect = keine Verbindung möglich (stimmt die Adresse, und ist der Anbieter vom Server des Portals aus erreichbar?).
sso-fetch-failed = die Anfrage ist fehlgeschlagen ({ $error }).
sso-fetch-redirect = hat mit einer Weiterleitung geantwortet ({ $status }); geben Sie die endgültige Adresse ein.
sso-fetch-status = hat mit { $status } geantwortet; prüfen Sie die Adresse.
sso-fetch-not-json = die Antwort ist kein JSON.
sso-client-no-answer = Der Token-Endpunkt hat nicht geantwortet ({ $error }).
sso-client-accepted = Der Anbieter akzeptiert sie.
sso-client-refused = Der Anbieter akzeptiert sie nicht: Prüfen Sie die Client-ID und geben Sie das Secret erneut ein.
sso-client-no-code-flow = Der Anbieter kennt den Client, erlaubt ihm aber den Authorization Code Flow nicht.
sso-client-unclear = Aus der Antwort des Token-Endpunkts geht nicht hervor, ob er den Client kennt.
sso-client-other = Der Token-Endpunkt hat mit { $error } geantwortet.
