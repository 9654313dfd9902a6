# Verwaltung: Organisationen, ihr Portalzugang, freigegebene Adressen, Domains und Umgebungen
# (app/src/admin/organizations.rs), und was der Server dazu sagt
# (server/src/admin/organizations.rs, server/src/api/organizations.rs).

orgs-title = Organisationen
orgs-lead = Wer sich anmelden darf: der Portalzugang einer Organisation und die Adressen, die sie freigegeben hat.
orgs-back-admin = ← Verwaltungsübersicht
orgs-empty-title = Noch keine Organisationen
orgs-empty-message = Eine Organisation fasst die Personen eines API-Nutzers zusammen.

# Eine hinzufügen.
orgs-new-heading = Organisation hinzufügen
orgs-new-name = Name der Organisation
orgs-new-submit = Organisation hinzufügen
orgs-created = { $name } ist hinzugefügt, mit eingeschaltetem Portalzugang.

# Die Karte einer Organisation.
orgs-members-access = { $count ->
    [one] { $count } Mitglied · Portalzugang{ " " }
   *[other] { $count } Mitglieder · Portalzugang{ " " }
}
orgs-on = An
orgs-off = Aus
orgs-access-turn-off = Portalzugang ausschalten
orgs-access-turn-on = Portalzugang einschalten
orgs-emails-heading = Freigegebene E-Mail-Adressen
orgs-emails-empty = Noch keine. Fügen Sie eine Adresse hinzu, damit sich ihr Inhaber anmelden und dieser Organisation beitreten kann.
orgs-authorize-field = Adresse freigeben
orgs-authorize = Freigeben
orgs-domains-heading = E-Mail-Domains, die automatisch beitreten
orgs-domains-empty = Keine. Personen einer hier eingetragenen Domain treten dieser Organisation bei ihrer ersten Anmeldung bei.
orgs-domain-field = Domain hinzufügen
orgs-domain-add = Domain hinzufügen
orgs-remove = Entfernen
orgs-remove-label = Entfernen: { $item }
orgs-environments-heading = Umgebungen
orgs-environments-legend = Erlaubte Umgebungen
orgs-environments-hint = Wird eine Umgebung entzogen, endet der Zugriff der Organisation darauf sofort; ihre Schlüssel dafür funktionieren nicht mehr.
orgs-environments-save = Umgebungen speichern
orgs-name-heading = Name
orgs-rename-field = Umbenennen in
orgs-rename = Umbenennen
orgs-archive = Archivieren
orgs-archive-label = Archivieren: { $name }
orgs-archive-confirm = Diese Organisation archivieren? Ihre Mitglieder verlieren den Zugang, sofern keine andere Organisation ihn gewährt; ihr Verlauf bleibt erhalten.
orgs-archive-for-good = Endgültig archivieren
orgs-cancel = Abbrechen

# Prüfen, was eingegeben wurde, und Antworten des Servers.
orgs-name-field = einen Namen
orgs-domain-malformed = Geben Sie eine E-Mail-Domain wie example.com ein.
orgs-domain-public = { $domain } ist ein öffentlicher E-Mail-Dienst: Dort kann jeder eine Adresse haben. Geben Sie stattdessen einzelne Adressen frei.
orgs-that-organization = Diese Organisation
orgs-that-domain = Diese Domain
orgs-that-address = Diese Adresse
orgs-name-no-slug = Verwenden Sie im Namen mindestens zwei Buchstaben oder Ziffern.
orgs-name-taken = Eine Organisation namens { $name } gibt es bereits.
orgs-name-shorter = Wählen Sie einen kürzeren Namen.
orgs-environments-none = Wählen Sie mindestens eine Umgebung. Um eine Organisation von allen APIs fernzuhalten, schalten Sie ihren Portalzugang aus.
orgs-already-listed = { $item } steht bereits auf der Liste dieser Organisation.
orgs-domain-taken = Über { $domain } treten Personen bereits { $owner } bei; eine Domain gehört zu nur einer Organisation.
orgs-environments-closed = { $organization } darf { $refused } nicht nutzen, nur { $allowed }.
