# Zugriff auf Sammlungen (app/src/access/, server/src/access/): das Anfrageformular, „Meine
# Anfragen“, der Posteingang der Admins, die Zugriffe einer Sammlung und die Antworten des Servers.

## Status einer Anfrage

access-status-pending = Offen
access-status-approved = Genehmigt
access-status-rejected = Abgelehnt
access-status-withdrawn = Zurückgezogen

## Prüfungen von Formularen und Filtern

# Die Werte, die die API erwartet, bleiben englisch.
access-filter-status-invalid = Wählen Sie pending, approved, rejected oder withdrawn.
access-filter-choice-invalid = Das ist keine der angebotenen Möglichkeiten.
access-environments-required = Wählen Sie Sandbox, Produktion oder beides.
access-environment-required = Wählen Sie Sandbox oder Produktion.
access-organization-required = Wählen Sie eine Organisation.
# Im Akkusativ: „Bitte geben Sie … an.“, „Bitte kürzen Sie … auf höchstens 2000 Zeichen.“
access-reason-label = den Grund für Ihre Anfrage
access-reason-too-short = Beschreiben Sie den Admins in ein, zwei Sätzen, was Sie mit dieser API bauen werden.
access-notes-label = die Notizen
access-note-label = die Notiz
access-reject-reason-label = die Begründung der Ablehnung
access-reject-reason-required = Geben Sie eine Begründung für die Ablehnung an: Die anfragende Person liest sie.
access-decision-invalid = Wählen Sie Genehmigen oder Ablehnen.
access-bulk-none-selected = Wählen Sie mindestens eine Anfrage aus.
access-bulk-too-many = Entscheiden Sie höchstens { $max } Anfragen auf einmal.

## Von den Seiten gemeinsam genutzt

access-environments = Umgebungen
# Ergänzt „Bitte melden Sie sich an …“.

## Anfrageformular

access-request-title = Zugriff anfragen
access-request-title-for = Zugriff auf { $name } anfragen
access-request-purpose = um Zugriff anzufragen
access-request-organization = Für die Organisation
access-request-pending = { $requester } hat am { $at } um Zugriff gebeten; ein Admin entscheidet bald.{ " " }
access-request-pending-link = Ihre Anfragen ansehen
access-request-all-granted = Diese Organisation hat bereits Zugriff auf alle Umgebungen dieser API.{ " " }
access-request-read-docs = Zur Dokumentation
access-request-heading = Ihre Anfrage
access-request-environment-granted = { " " }(hat diese Organisation bereits)
access-request-environment-not-allowed = { " " }(für diese Organisation nicht freigegeben)
access-request-reason = Wozu brauchen Sie die API?
access-request-reason-hint = Ein, zwei Sätze dazu, was Sie bauen werden. Die Admins entscheiden danach.
access-request-notes = Notizen (optional)
access-request-notes-hint = Erwartete Last, eine Frist, eine Ansprechperson: alles, was hilft.
access-request-send = Anfrage senden

## Meine Anfragen

access-my-requests-approved = Ihre Anfrage wurde sofort genehmigt: Die API finden Sie unter „Meine APIs“.
access-my-requests-sent = Ihre Anfrage ist gesendet. Sie erhalten eine E-Mail, sobald ein Admin entschieden hat.
access-my-requests-lead = Die Zugriffsanfragen Ihrer Organisation und was daraus wurde.
access-my-requests-empty = Noch keine Anfragen
access-my-requests-empty-message = Suchen Sie unter „Entdecken“ eine API aus und bitten Sie um Zugriff; Ihre Anfrage erscheint dann hier.
access-my-requests-purpose = um Ihre Anfragen zu sehen
# $status ist approved, rejected oder withdrawn; $by eine E-Mail-Adresse oder access-decided-by-rule.
access-decided = { $status ->
    [approved] Genehmigt
    [rejected] Abgelehnt
    [withdrawn] Zurückgezogen
   *[other] Offen
} am { $at } durch { $by }
access-asked-by = Angefragt von { $requester } für { $organization } am { $at }
access-notes-prefix = Notizen:{ " " }
access-reason-prefix = Begründung:{ " " }
access-note-prefix = Notiz:{ " " }
access-until = Zugriff bis einschließlich { $day }
access-withdraw-label = Zurückziehen: Anfrage für { $collection }
access-withdraw = Zurückziehen
access-ask-again = Erneut anfragen

## Zugriffe auf der Verwaltungsseite einer Sammlung

access-grants-heading = Organisationen mit Zugriff
access-grants-empty = Noch keine. Geben Sie unten Zugriff oder genehmigen Sie eine Anfrage.
access-revoke-label = { $organization } den Zugriff auf { $environment } entziehen
access-grant-since = { $organization } · { $environment } · seit { $at }
access-grant-by-request = { " " }· per Anfrage
access-grant-auto = { " " }· automatisch genehmigt
access-grant-until = { " " }· bis einschließlich { $day }
access-revoke = Entziehen
access-auto-heading = Automatisch genehmigte Anfragen
access-auto-legend = Anfragen für diese Umgebungen ohne Admin genehmigen
access-auto-save = Regel speichern
access-auto-saved = Automatische Genehmigung aktualisiert.
access-grant-organization = Zugriff gewähren für
access-grant = Zugriff gewähren

## Posteingang der Zugriffsanfragen

access-inbox-title = Zugriffsanfragen
access-inbox-lead = Entscheiden Sie, wer welche API nutzen darf. Die anfragende Person erfährt jede Entscheidung per E-Mail.
access-inbox-back = ← Verwaltungsübersicht
access-filter-label = Anfragen filtern
access-filter-status = Status
access-filter-all = Alle
access-filter-collection = API
access-filter-all-collections = Alle APIs
access-filter-organization = Organisation
access-filter-all-organizations = Alle Organisationen
access-filter-submit = Filtern
access-inbox-empty = Nichts zu entscheiden
access-inbox-empty-message = Keine Anfrage passt. Neue Anfragen erscheinen hier, und Admins, die das wünschen, erhalten eine E-Mail.
access-inbox-count = { $count ->
    [one] { $count } Anfrage
   *[other] { $count } Anfragen
}
access-inbox-truncated = Angezeigt werden die { $max } neuesten; filtern Sie, um weitere zu sehen.
access-bulk-decided = { $count ->
    [one] { $count } Anfrage entschieden.
   *[other] { $count } Anfragen entschieden.
}
access-bulk-heading = Mehrere Anfragen entscheiden
access-bulk-select-all = Alle offenen auswählen ({ $count } ausgewählt)
access-bulk-note = Notiz oder Begründung für die ausgewählten
access-bulk-approve = Ausgewählte genehmigen
access-bulk-reject = Ausgewählte ablehnen
access-inbox-card-title = { $collection } für { $organization }
access-inbox-select = Anfrage von { $requester } für { $collection } auswählen
access-inbox-access-now = Aktueller Zugriff
access-inbox-access-none = Keiner.
access-inbox-grant = { $environment } seit { $at }
access-inbox-grant-until = , bis einschließlich { $day }
access-inbox-history = Frühere Anfragen
access-inbox-history-none = Keine.
access-inbox-history-line = { $at } von { $requester }
access-decision-note = Notiz (optional)
access-decision-until = Zugriff bis einschließlich (optional)
access-decision-approve = Genehmigen
access-decision-reason = Begründung der Ablehnung
access-decision-reject = Ablehnen

## Antworten des Servers

access-that-request = Diese Anfrage
access-that-api = Diese API
access-that-grant = Dieser Zugriff
access-decided-by-rule = die Regel der API (automatisch genehmigt)
access-draft-collection = Diese API ist ein Entwurf: Veröffentlichen Sie sie, bevor jemand darum bitten kann.
access-someone = jemandem
access-already-withdrawn = Diese Anfrage wurde am { $when } von { $by } zurückgezogen.
# $status ist approved oder rejected.
access-already-decided = Diese Anfrage wurde bereits am { $when } von { $by } { $status ->
    [approved] genehmigt
    [rejected] abgelehnt
   *[other] entschieden
}.
access-no-organization = Sie gehören noch keiner Organisation an, daher gibt es niemanden, dem Zugriff gegeben werden könnte. Bitten Sie einen Admin, Sie einer Organisation hinzuzufügen.
access-already-granted-ask = { $organization } hat bereits Zugriff auf { $environments }; bitten Sie nur um das, was noch fehlt.
access-already-asked = { $organization } hat bereits um Zugriff auf { $collection } gebeten; ein Admin entscheidet bald. Sie können die Anfrage unter „Meine Anfragen“ verfolgen.
access-withdraw-refused = Nur die Person, die angefragt hat, oder ein Admin der Organisation kann diese Anfrage zurückziehen.
access-until-in-past = Wählen Sie heute oder einen späteren Tag als letzten Tag des Zugriffs.
# $reason sagt, welche Umgebung die Organisation nicht nutzen darf.
access-approve-not-allowed = { $reason } Erlauben Sie sie zuerst auf der Seite „Organisationen“, oder lehnen Sie die Anfrage ab.
access-already-granted = { $organization } hat bereits Zugriff auf { $environments }.
