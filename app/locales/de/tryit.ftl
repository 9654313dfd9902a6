# Ausprobieren: die Konsole auf der Seite einer Operation, was ein Antwortstatus bedeutet, die
# Prüfung eines Request-Bodys gegen sein Schema, die Wahl der Umgebung in der Kopfzeile und die
# Ablehnungen eines Aufrufs durch den Server.

## Die Konsole
tryit-heading = Ausprobieren
tryit-fixed-headers = Portico setzt { $names } selbst.
tryit-access-pending = Ihre Organisation hat Zugriff angefragt; Aufrufe funktionieren, sobald ein Admin zustimmt.{ " " }
tryit-access-pending-link = Ihre Anfragen ansehen
tryit-no-access = Ihre Organisation hat noch keinen Zugriff auf diese API, daher ist das Formular schreibgeschützt.
tryit-request-access = Zugriff anfragen
# $environment ist "sandbox" oder "production".
tryit-no-environment-access = Ihre Organisation hat keinen { $environment ->
    [production] Produktionszugriff
   *[other] Sandbox-Zugriff
} auf diese API. Wechseln Sie die Umgebung in der Kopfzeile, oder{ " " }
tryit-no-environment-access-link = fragen Sie ihn an
tryit-no-environment-access-after = .
tryit-needs-key = Aufrufe brauchen einen { $environment ->
    [production] Produktionsschlüssel
   *[other] Sandbox-Schlüssel
} Ihrer Organisation.{ " " }
tryit-create-key = Schlüssel erstellen
tryit-parameters = Parameter
tryit-not-sent = (nicht gesendet)
tryit-required = erforderlich
tryit-parameter-required = Dieser Parameter ist erforderlich.
tryit-fill-required = Füllen Sie die unten markierten Pflichtparameter aus.
tryit-body-legend = Request-Body
tryit-body-legend-required = Request-Body (erforderlich)
tryit-content-type = Inhaltstyp
tryit-body-label = Body ({ $media_type })
tryit-body-problems = Der Body passt nicht zum Schema (Sie können ihn trotzdem senden):
tryit-key-label = API-Schlüssel
tryit-key-help = Portico setzt den Schlüssel auf seiner Seite ein: Das Token gelangt nie auf diese Seite.
tryit-sending = Wird gesendet …
tryit-send = Anfrage senden
tryit-limits = Antworten werden bei 1 MB abgeschnitten; Aufrufe enden nach { $seconds ->
    [one] einer Sekunde
   *[other] { $seconds } Sekunden
}.
tryit-calling = Die API wird aufgerufen …

## Die Antwort
tryit-response = Antwort
tryit-elapsed-under-1 = unter 1 ms
tryit-size-kilobytes = { $size } KB
tryit-size-bytes = { $count } Byte
tryit-no-body = Kein Body.
tryit-layout-text = Text
tryit-binary = Die Antwort ist kein Text.{ " " }
tryit-binary-download = Herunterladen
tryit-truncated = Die Antwort war länger als 1 MB; nur ihr erstes Megabyte wird angezeigt.
tryit-headers = Header ({ $count })

## Codebeispiele und Verlauf
tryit-snippets-heading = Derselbe Aufruf als Code
tryit-snippets-hint = Setzen Sie PORTICO_API_KEY auf Ihren Schlüssel; er wird hier nicht eingetragen.
tryit-history = Letzte Aufrufe aus diesem Browser ({ $count })
tryit-history-empty = Noch keine.
tryit-history-caption = Letzte Aufrufe dieser Operation
tryit-history-when = Wann
tryit-history-call = Aufruf
tryit-history-status = Status
tryit-history-time = Dauer
tryit-history-clear = Leeren

## Was ein Status bedeutet (die HTTP-Statustexte selbst bleiben englisch)
tryit-status-1xx = Information.
tryit-status-2xx = Erfolg.
tryit-status-3xx = Weiterleitung.
tryit-status-4xx = Die API hat den Aufruf abgelehnt.
tryit-status-5xx = In der API ist ein Fehler aufgetreten.
tryit-status-200 = OK: Der Aufruf hat funktioniert.
tryit-status-201 = Created: Der Aufruf hat etwas Neues angelegt.
tryit-status-202 = Accepted: Die API erledigt die Arbeit später.
tryit-status-204 = No Content: Der Aufruf hat funktioniert, und es gibt nichts anzuzeigen.
tryit-status-redirect = Redirect: Die API verweist auf eine andere Adresse (die Konsole folgt Weiterleitungen nicht).
tryit-status-400 = Bad Request: Die API hat die Parameter oder den Body nicht akzeptiert.
tryit-status-401 = Unauthorized: Der Schlüssel fehlte, ist unbekannt oder ungültig.
tryit-status-403 = Forbidden: Der Schlüssel darf diesen Aufruf nicht machen (Zugriff, Umgebung oder Adresse).
tryit-status-404 = Not Found: Unter dieser Adresse gibt es nichts (prüfen Sie die Pfadparameter).
tryit-status-406 = Not Acceptable: Die API kann nicht im gewünschten Format antworten.
tryit-status-409 = Conflict: Der Aufruf widerspricht dem aktuellen Zustand.
tryit-status-415 = Unsupported Media Type: Die API nimmt diesen Inhaltstyp nicht an.
tryit-status-422 = Unprocessable: Der Body ist wohlgeformt, aber nicht akzeptabel.
tryit-status-429 = Too Many Requests: Warten Sie einen Moment, bevor Sie erneut aufrufen.
tryit-status-500 = Internal Server Error: In der API ist ein Fehler aufgetreten.
tryit-status-502 = Bad Gateway: Die API war nicht erreichbar.
tryit-status-503 = Service Unavailable: Die API ist ausgefallen oder überlastet.
tryit-status-504 = Gateway Timeout: Die API hat nicht rechtzeitig geantwortet.

## Die Prüfung eines Bodys gegen sein Schema
# $here ist tryit-body-place oder ein JSON-Pointer in Backticks (`/name`); die Namen der
# JSON-Typen (string, object, …) bleiben, wie sie sind.
tryit-body-place = Der Body
tryit-body-not-json = Das ist kein gültiges JSON: { $reason } (Zeile { $line }, Spalte { $column }).
tryit-body-type-or = oder
tryit-body-wrong-type = { $here } sollte vom Typ { $expected } sein, nicht { $actual }.
tryit-body-not-in-enum = { $here } sollte einer dieser Werte sein: { $choices }.
tryit-body-not-const = { $here } sollte { $value } sein.
tryit-body-min-length = { $here } sollte mindestens { $limit } Zeichen lang sein.
tryit-body-max-length = { $here } sollte höchstens { $limit } Zeichen lang sein.
tryit-body-minimum = { $here } sollte mindestens { $limit } sein.
tryit-body-maximum = { $here } sollte höchstens { $limit } sein.
tryit-body-greater-than = { $here } sollte größer als { $limit } sein.
tryit-body-less-than = { $here } sollte kleiner als { $limit } sein.
tryit-body-min-items = { $here } sollte mindestens { $limit } Einträge haben.
tryit-body-max-items = { $here } sollte höchstens { $limit } Einträge haben.
tryit-body-missing-property = { $here } hat die Pflichteigenschaft `{ $name }` nicht.
tryit-body-extra-property = { $here } erlaubt keine Eigenschaft `{ $name }`.
tryit-body-no-shape = { $here } passt zu keiner der { $count } Formen, die die API hier annimmt.

## Die Umgebung in der Kopfzeile
tryit-profile-label = Umgebung
tryit-profile-help = Wählt die Umgebung, die Aufrufe zum Ausprobieren, Codebeispiele und angebotene Schlüssel verwenden.
tryit-profile-switch = Wechseln
tryit-profile-saved = Umgebung gespeichert.
tryit-profile-choose = Wählen Sie Sandbox oder Produktion.
tryit-profile-no-access = Ihre Organisation hat noch keinen { $environment ->
    [production] Produktionszugriff
   *[other] Sandbox-Zugriff
}.

## Die Antworten des Servers auf einen Aufruf
tryit-host-unknown = Der Host { $host } der API wurde nicht gefunden (DNS).
tryit-host-private = Der Host { $host } der API führt zu einer Adresse in einem privaten Netz, die die Konsole nicht aufruft. Ein Admin kann die Basis-URL direkt auf diese Adresse setzen, wenn sie gemeint ist.
tryit-not-configured = Diese API hat für diese Umgebung keine gültige Adresse.
tryit-key-not-yours = Wählen Sie einen der Schlüssel Ihrer Organisation.
# $location ist path, query, header oder cookie.
tryit-parameter-unknown = `{ $name }` ist kein { $location }-Parameter dieser Operation.
tryit-header-fixed = Die Konsole kann den Header `{ $name }` nicht senden.
tryit-header-value-invalid = Der Wert von `{ $name }` kann nicht in einem Header gesendet werden (Zeilenumbrüche oder Steuerzeichen).
tryit-cookie-invalid = Das Cookie `{ $name }` darf weder `;` noch Zeilenumbrüche enthalten.
tryit-cookie-unsendable = Ein Cookie-Wert kann nicht gesendet werden.
tryit-content-type-invalid = Dieser Inhaltstyp ist fehlerhaft.
tryit-answer-broken = Die API hat ihre Antwort abgebrochen.
tryit-timed-out = Die API hat nicht rechtzeitig geantwortet.
tryit-body-too-large = Der Body ist größer, als die Konsole sendet (höchstens { $kilobytes } KB).
tryit-call-no-access = Ihre Organisation hat noch keinen Zugriff auf diese API: Fragen Sie zuerst Zugriff an.
# $key und $wanted sind "sandbox" oder "production".
tryit-key-wrong-environment = Dieser Schlüssel gilt für { $key ->
    [production] die Produktion
   *[other] die Sandbox
}; wählen Sie einen { $wanted ->
    [production] Produktionsschlüssel
   *[other] Sandbox-Schlüssel
}.
tryit-path-parameter-missing = Füllen Sie den Pfadparameter `{ $name }` aus.
