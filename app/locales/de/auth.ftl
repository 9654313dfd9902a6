# An- und Abmelden, die Seite des Anmeldelinks, Beitrittsanfragen, die Nutzungsbedingungen und die
# Profilseite (app/src/auth/, server/src/auth/ außer sso.rs).

## Die Anmeldeseite (app/src/auth/sign_in.rs)

auth-sign-in-title = Anmelden
auth-sign-in-lead = Geben Sie Ihre geschäftliche E-Mail-Adresse ein, und wir senden Ihnen einen Link zur Anmeldung. Ein Passwort brauchen Sie nicht.
auth-signed-out = Sie sind abgemeldet.
auth-provider-logout-before = Möglicherweise sind Sie bei { $provider } noch angemeldet.{ " " }
auth-provider-logout-link = Auch bei { $provider } abmelden
auth-sso-retry-link = Erneut versuchen
auth-sso-retry-after = { " " }oder unten mit einem E-Mail-Link anmelden.
auth-sso-heading = Mit Ihrem Unternehmenskonto anmelden
auth-sso-button = Mit { $provider } anmelden
auth-sso-redirecting = Ihre Organisation meldet sich über { $provider } an. Sie werden weitergeleitet …
auth-email-heading = Mit E-Mail anmelden
auth-email-label = E-Mail-Adresse
auth-email-placeholder = name@example.com
auth-email-sending = Wird gesendet …
auth-email-send = Anmeldelink per E-Mail senden
auth-link-sent = Sehen Sie in Ihrem Posteingang nach.
auth-link-sent-detail = Wenn sich diese Adresse beim Portal anmelden darf, ist ein Anmeldelink unterwegs. Er funktioniert einmal und läuft nach wenigen Minuten ab.
auth-link-sent-nothing = Nach einigen Minuten noch nichts angekommen? Sehen Sie in Ihrem Spam-Ordner nach, oder bitten Sie Ihren Portal-Admin, Ihrer Adresse Zugang zu geben.
auth-new-here-before = Neu hier?{ " " }
auth-new-here-link = Konto anfragen
auth-new-here-after = .

## Was beim Identitätsanbieter schiefging (?sso_error= der Anmeldeseite)

auth-sso-error-denied = Die Anmeldung bei Ihrem Identitätsanbieter wurde abgebrochen oder abgelehnt.
auth-sso-error-expired = Die Anmeldung hat zu lange gedauert oder wurde bereits verwendet. Bitte beginnen Sie von vorn.
auth-sso-error-unverified-email = Ihr Identitätsanbieter hat Ihre E-Mail-Adresse nicht bestätigt, daher können wir Sie damit nicht anmelden.
auth-sso-error-domain-not-allowed = Für die Domain Ihrer E-Mail-Adresse darf dieser Identitätsanbieter keine Anmeldungen vornehmen.
auth-sso-error-cannot-link = Es gibt bereits ein Konto mit Ihrer E-Mail-Adresse, es kann aber nicht mit diesem Identitätsanbieter verknüpft werden.
auth-sso-error-no-account = Sie haben noch kein Konto in diesem Portal. Bitten Sie Ihren Portal-Admin, Sie einzuladen.
auth-sso-error-suspended = Ihr Konto ist gesperrt. Wenden Sie sich an Ihren Portal-Admin.
auth-sso-error-not-allowed = Ihre Organisation hat keinen Zugang zu diesem Portal. Wenden Sie sich an Ihren Portal-Admin.
auth-sso-error-rate-limited = Zu viele Anmeldeversuche von hier aus. Bitte warten Sie einige Minuten.
auth-sso-error-provider-unavailable = Ihr Identitätsanbieter ist nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.
auth-sso-error-invalid-token = Die Antwort Ihres Identitätsanbieters konnte nicht überprüft werden. Bitte versuchen Sie es erneut.
auth-sso-error-unknown-provider = Dieser Identitätsanbieter ist hier nicht eingerichtet.
auth-sso-error-other = Die Anmeldung über Ihren Identitätsanbieter hat nicht funktioniert. Bitte versuchen Sie es erneut.

## Die Seite, die ein Anmeldelink öffnet (app/src/auth/magic.rs)

auth-link-used-title = Dieser Link wurde bereits verwendet
auth-link-used = Jeder Anmeldelink funktioniert nur einmal. Fordern Sie unten einen neuen an.
auth-link-expired-title = Dieser Link ist abgelaufen
auth-link-expired = Anmeldelinks gelten nur wenige Minuten. Fordern Sie unten einen neuen an.
auth-link-not-allowed-title = Mit dieser Adresse können Sie sich nicht anmelden
auth-link-not-allowed = Ihr Zugang wurde möglicherweise abgeschaltet. Wenden Sie sich an Ihren Portal-Admin.
auth-link-internal-title = Bei uns ist etwas schiefgelaufen
auth-link-internal = Bitte versuchen Sie es gleich noch einmal, oder fordern Sie unten einen neuen Link an.
auth-link-invalid-title = Dieser Link ist ungültig
auth-link-invalid = Er ist vielleicht unvollständig: Kopieren Sie den ganzen Link aus der E-Mail, oder fordern Sie unten einen neuen an.
auth-link-new = Neuen Link senden
auth-link-finish-title = Anmeldung abschließen
auth-link-finish-lead = Noch ein Klick, und Sie sind angemeldet.
auth-link-continue = Weiter

## Einen Link über die API einlösen (server/src/auth/magic_link.rs)

auth-redeem-unknown = Dieser Anmeldelink ist ungültig. Er ist vielleicht unvollständig: Kopieren Sie den ganzen Link aus der E-Mail.
auth-redeem-used = Dieser Anmeldelink wurde bereits verwendet. Jeder Link funktioniert nur einmal.
auth-redeem-expired = Dieser Anmeldelink ist abgelaufen.
auth-redeem-not-allowed = Diese Adresse darf sich nicht mehr anmelden. Bitten Sie Ihren Portal-Admin um Zugang.

## Die JSON-Endpunkte der Anmeldung (server/src/auth/routes.rs)

auth-api-email-body = Senden Sie JSON wie { $example } ({ $reason })
auth-api-token-body = Senden Sie JSON wie { $example }.
auth-api-link-requested = Wenn sich diese Adresse anmelden darf, ist ein Anmeldelink unterwegs. Sehen Sie in Ihrem Posteingang nach.

## Der Postausgang der Entwicklung (server/src/auth/routes.rs)

auth-outbox-title = Entwicklungs-Postausgang · Portico
auth-outbox-heading = Entwicklungs-Postausgang
auth-outbox-lead = E-Mails, die dieses Portal gesendet hätte. Sie erscheinen hier, weil kein SMTP-Server eingerichtet ist (PORTICO_SMTP_URL) und das Portal auf diesem Rechner läuft.
auth-outbox-empty = Noch keine E-Mails.
auth-outbox-empty-hint = Fordern Sie einen Anmeldelink an, dann erscheint er hier.
auth-outbox-sent = An { $to }, { $sent_at }

## Beitrittsanfragen (app/src/auth/registration.rs, server/src/auth/registration.rs)

auth-register-title = Konto anfragen
auth-register-lead = Sagen Sie uns, wer Sie sind. Ein Admin prüft jede Anfrage; Sie erhalten eine E-Mail, sobald Ihre genehmigt ist.
auth-register-closed-before = Dieses Portal nimmt keine Beitrittsanfragen an. Bitten Sie die Admins um eine Einladung, oder{ " " }
auth-register-closed-link = melden Sie sich an
auth-register-closed-after = , wenn Sie bereits ein Konto haben.
auth-register-received = Vielen Dank. Ihre Anfrage wartet auf einen Admin.
auth-register-received-next = Wir schreiben Ihnen, sobald sie genehmigt ist. Wenn Sie bereits Zugang haben, haben wir Ihnen stattdessen einen Anmeldelink gesendet.
auth-register-email = Geschäftliche E-Mail-Adresse
auth-register-name = Ihr Name
auth-register-company = Unternehmen (optional)
auth-register-reason = Was möchten Sie bauen?
auth-register-reason-hint = Ein, zwei Sätze helfen den Admins bei der Entscheidung.
auth-register-sending = Wird gesendet …
auth-register-send = Anfrage senden
# Ergänzt „Bitte geben Sie … an.“ und „Bitte kürzen Sie … auf höchstens N Zeichen.“ (Akkusativ).
auth-join-name-label = Ihren Namen
auth-join-company-label = Ihr Unternehmen
auth-join-reason-label = Ihr Vorhaben
auth-join-closed = Dieses Portal nimmt keine Beitrittsanfragen an. Bitten Sie die Admins um eine Einladung.
# Ergänzt „… wurde nicht gefunden.“
auth-registration-not-found = Diese Beitrittsanfrage
auth-registration-decided = Über die Anfrage von { $email } wurde bereits entschieden.

## Die Nutzungsbedingungen (app/src/auth/terms.rs)

auth-terms-title = Nutzungsbedingungen
auth-terms-none = Keine Nutzungsbedingungen
auth-terms-none-message = Dieses Portal hat keine Nutzungsbedingungen veröffentlicht.
auth-terms-accepted = Sie haben Version { $version } am { $at } akzeptiert.
auth-terms-please-accept = Bitte lesen Sie die Bedingungen oben. Sobald Sie sie akzeptieren, können Sie das Portal nutzen.
auth-terms-accept = Akzeptieren und fortfahren
auth-terms-decline = Ablehnen und abmelden
auth-terms-signed-out = Angemeldete Benutzer akzeptieren diese Bedingungen, bevor sie das Portal nutzen.
auth-terms-version = Version { $version }, veröffentlicht am { $published }
# Ergänzt „Bitte melden Sie sich an …“.
auth-terms-purpose = um die Nutzungsbedingungen zu lesen

## Die Profilseite (app/src/auth/profile.rs, server/src/auth/sessions.rs)

auth-profile-title = Profil
auth-profile-lead = Ihr Konto und die Browser, die damit angemeldet sind.
auth-profile-account = Konto
auth-profile-name = Name
auth-profile-email = E-Mail
auth-profile-role = Rolle
auth-role-admin = Portal-Admin
auth-role-developer = Entwickler
# Ergänzt „Bitte melden Sie sich an …“.
auth-profile-purpose = um Ihr Profil zu sehen
auth-notifications-heading = E-Mail-Benachrichtigungen
auth-notifications-requests = Mich per E-Mail benachrichtigen, wenn jemand Zugriff auf eine API anfragt
auth-notifications-save = Speichern
auth-sessions-heading = Angemeldete Browser
auth-sessions-count = { $count ->
    [one] Eine aktive Sitzung.
   *[other] { $count } aktive Sitzungen.
}
auth-sessions-this-browser = Dieser Browser
auth-sessions-meta = Angemeldet am { $signed_in } · zuletzt aktiv am { $last_seen }
auth-sessions-from = { " " }· von { $addr }
auth-sessions-sign-out-everywhere = Überall abmelden
auth-device-unknown = Unbekannter Browser
auth-device-browser-on = { $browser } unter { $system }
auth-device-on = Ein Browser unter { $system }
