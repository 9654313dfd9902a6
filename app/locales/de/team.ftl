# „Ihr Team“: die Organisationen einer Person, ihre Mitglieder, Einladungen und Rollen, und die
# Ablehnungen des Servers dort.

team-title = Ihr Team
team-lead = Die Organisationen, zu denen Sie gehören, und ihre Mitglieder. Organisations-Admins laden hier Personen ein, ändern Rollen und entfernen Mitglieder.
team-empty-title = Noch keine Organisation
team-empty-message = Sie gehören zu keiner Organisation. Bitten Sie einen Admin der Organisation Ihres Unternehmens, Sie einzuladen.
team-load-purpose = um Ihr Team zu sehen
team-you-manage = Sie sind Admin dieser Organisation: Sie laden Personen ein, ändern Rollen und entfernen Mitglieder.
team-you-member = Sie sind Mitglied; die Admins der Organisation verwalten ihre Mitglieder.
team-members-of = Mitglieder von { $organization }
team-column-name = Name
team-role = Rolle
team-column-last-seen = Zuletzt gesehen
team-column-actions = Aktionen
team-member-you = { $name } (Sie)
team-never = Nie
team-role-of = Rolle von { $name }
team-save-role = Rolle speichern
team-save-role-of = Rolle speichern: { $name }
team-remove = Entfernen
team-remove-label = Entfernen: { $name }
team-remove-confirm = { $name } aus der Organisation entfernen? Die Person verliert sofort den Zugang zu deren APIs und Schlüsseln.
team-remove-now = Jetzt entfernen
team-cancel = Abbrechen

team-invite-heading = Jemanden zu { $organization } einladen
team-email-label = E-Mail-Adresse
team-invite = Einladen
team-invited = Einladung gesendet.
team-added = Die Person hatte bereits ein Konto und ist jetzt Mitglied.
team-waiting = Warten auf Antwort
# $role ist "admin" oder "member"; $state ist "expired" oder "sent"; $sent ist, wann sie gesendet wurde.
team-invitation = { $email } ({ $role ->
    [admin] Organisations-Admin
   *[other] Entwickler
}), { $state ->
    [expired] abgelaufen, gesendet am
   *[other] gesendet am
} { $sent }
team-revoke = Widerrufen
team-revoke-label = Widerrufen: Einladung von { $email }

team-not-found-member = Dieses Mitglied
team-not-found-organization = Diese Organisation
team-not-found-invitation = Diese Einladung
team-last-admin = { $organization } braucht mindestens einen Organisations-Admin: Machen Sie zuerst jemand anderen dazu.
