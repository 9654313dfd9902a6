# Verwaltung: Personen (app/src/admin/people.rs), Einladungen (app/src/admin/invitations.rs),
# Beitrittsanfragen (app/src/admin/registrations.rs) und was der Server dazu sagt
# (server/src/admin/people.rs, server/src/admin/invitations.rs, server/src/directory.rs,
# server/src/api/users.rs).

people-title = Personen
people-lead = Alle, die sich im Portal anmelden dürfen. Eine Sperre beendet sofort alle Sitzungen der Person.
people-back-admin = ← Verwaltungsübersicht
people-everyone-heading = Alle mit einem Konto
people-sessions-ended = { $count ->
    [one] Eine Sitzung beendet.
   *[other] { $count } Sitzungen beendet.
}
people-count-all = { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
people-count-some = { $shown } von { $total ->
    [one] { $total } Person
   *[other] { $total } Personen
}
people-none-match = Niemand passt
people-none-match-hint = Ändern Sie die Filter oder setzen Sie sie zurück, um alle zu sehen.

# Die Filter.
people-find = Personen finden
people-filter-q = Name oder E-Mail
people-filter-any = Alle
people-filter = Filtern
people-filter-clear = Zurücksetzen

# Wörter, die Liste, Filter und die Seite einer Person teilen.
people-organization = Organisation
people-organizations = Organisationen
people-role = Rolle
people-status = Status
people-signs-in-with = Anmeldung über
people-portal-admin = Portal-Admin
people-developer = Entwickler
people-active = Aktiv
people-suspended = Gesperrt
people-method-sso = Single Sign-on
people-method-email = E-Mail-Links
people-never = Nie
people-never-lower = nie
people-none = Keine.
people-cancel = Abbrechen

# Die Liste aller Personen.
people-col-name = Name
people-col-email = E-Mail
people-col-last-active = Zuletzt aktiv
people-col-actions = Aktionen
people-suspend = Sperren
people-reactivate = Reaktivieren
people-suspend-label = Sperren: { $name }
people-reactivate-label = Reaktivieren: { $name }
people-make-admin = Zum Admin machen
people-remove-admin = Admin-Rolle entziehen
people-make-admin-label = Zum Admin machen: { $name }
people-remove-admin-label = Admin-Rolle entziehen: { $name }
people-end-sessions = Sitzungen beenden ({ $count })
people-end-sessions-label = Sitzungen beenden ({ $count }): { $name }

# Die Seite einer Person.
people-person-title = Person
people-person-lead = { $email } · { $role } · { $status } · zuletzt aktiv: { $last_active }
people-back-people = ← Personen
people-no-memberships = In keiner Organisation.
people-membership-role-label = Rolle in { $organization }
people-change-role = Rolle ändern
people-membership-remove = Entfernen
people-membership-remove-label = Aus { $organization } entfernen
people-membership-remove-confirm = Die Person verliert sofort die APIs und Schlüssel dieser Organisation; hat sie keinen anderen Zugang, wird sie abgemeldet.
people-membership-remove-for-good = Endgültig entfernen
people-signs-in-sso = Meldet sich per Single Sign-on an.
people-signs-in-email = Meldet sich per E-Mail-Link an.
people-sessions-heading = Angemeldete Browser
people-session-meta = Angemeldet am { $signed_in } · zuletzt gesehen am { $last_seen }
people-session-from = { " " }· von { $addr }
people-end-all-sessions = Alle Sitzungen beenden
people-keys-heading = Von der Person erstellte API-Schlüssel
people-col-token-starts = Token beginnt mit
people-col-environment = Umgebung
people-col-state = Zustand
people-col-last-used = Zuletzt verwendet
people-key-active = Aktiv
people-key-deactivated = Deaktiviert
people-requests-heading = Zugriffsanfragen
people-request-for = { $collection } für { $organization }
people-events-heading = Letzte Ereignisse
people-col-when = Wann
people-col-who = Wer
people-col-what = Was
people-col-from = Von
people-all-events = Alle Ereignisse zu dieser Person

# Rollen in einer Organisation.
people-role-member = Entwickler
people-role-admin = Organisations-Admin
people-role-invalid = Wählen Sie eine Rolle: Entwickler oder Organisations-Admin.

# Einladungen.
people-invite-heading = Jemanden einladen
people-invite-lead = Die Person erhält eine E-Mail mit einem Link, der sie anmeldet und in die Organisation aufnimmt.
people-invite-email = E-Mail-Adresse
people-no-organizations = Noch keine Organisationen
people-invite-sent = Einladung gesendet.
people-invite-added = Die Person hatte bereits ein Konto: Sie gehört jetzt zur Organisation, und wir haben sie per E-Mail informiert.
people-invite-sending = Wird gesendet …
people-invite-send = Einladung senden
people-pending-heading = Offene Einladungen
people-pending-empty = Keine Einladung wartet auf eine Antwort.
people-invitation-resent = Eine neue Einladungs-E-Mail ist unterwegs.
people-invitation-meta = { $organization } · { $role } · gesendet am { $sent } ·{ " " }
people-invitation-meta-by = { $organization } · { $role } · gesendet am { $sent } von { $by } ·{ " " }
people-invitation-expired = abgelaufen am { $date }
people-invitation-valid-until = gültig bis { $date }
people-invitation-resend = Erneut senden
people-invitation-revoke = Widerrufen
people-invitation-resend-label = Erneut senden: Einladung an { $email }
people-invitation-revoke-label = Widerrufen: Einladung an { $email }

# Beitrittsanfragen.
people-registrations-heading = Beitrittsanfragen
people-self-registration = Selbstregistrierung{ " " }
people-on = An
people-off = Aus
people-self-registration-open = Jeder kann auf der Anmeldeseite um Beitritt bitten; niemand kommt herein, bevor Sie zustimmen.
people-self-registration-closed = Nur eingeladene und freigegebene Adressen können sich anmelden.
people-self-registration-turn-off = Selbstregistrierung ausschalten
people-self-registration-turn-on = Selbstregistrierung einschalten
people-registrations-empty = Keine Anfragen warten.
people-registration-asked = Angefragt am { $date }
people-registration-no-organization = Vorerst keine
people-registration-approve = Genehmigen
people-registration-reject = Ablehnen
people-registration-approve-label = Genehmigen: { $email }
people-registration-reject-label = Ablehnen: { $email }

# Antworten des Servers.
people-that-person = Diese Person
people-cannot-remove-own-admin = Sie können sich die eigene Admin-Rolle nicht entziehen; bitten Sie einen anderen Admin darum.
people-cannot-suspend-self = Sie können sich nicht selbst sperren.
people-that-invitation = Diese Einladung
people-invitation-already-accepted = { $email } hat diese Einladung bereits angenommen.
people-already-member = { $email } ist bereits Mitglied von { $organization }.
people-already-invited = { $email } hat bereits eine Einladung zu { $organization }. Senden Sie sie aus der Liste der offenen Einladungen erneut.
people-organization-gone = Diese Organisation gibt es nicht mehr. Laden Sie die Seite neu.
people-choose-organization = Wählen Sie eine Organisation.
people-no-organization-yet = Sie gehören noch keiner Organisation an. Bitten Sie einen Admin, Sie einer hinzuzufügen.
people-choose-organization-for = Wählen Sie die Organisation, für die das gedacht ist.
people-not-a-member = Sie sind kein Mitglied dieser Organisation.
people-api-use-one-of = Verwenden Sie { $first } oder { $second }.
