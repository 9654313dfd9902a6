# Der Katalog: Meine APIs, Entdecken und die Referenzdokumentation jeder Sammlung
# (app/src/catalog/), die Wörter der gerenderten Referenzdokumentation
# (server/src/openapi/render.rs) und die Antworten beim Importieren, Herunterladen und Abrufen
# von Dokumenten (server/src/catalog/, server/src/openapi/mod.rs).

## Suche (app/src/catalog/mod.rs)

catalog-query-too-long = Suchen Sie nach höchstens 200 Zeichen.
catalog-tag-unknown = Dieses Tag gibt es nicht.

## Meine APIs und Entdecken (app/src/catalog/pages.rs)

catalog-request-access-to = Zugriff anfragen: { $name }
catalog-card-meta = { $count ->
    [one] { $count } Operation · Version { $version }
   *[other] { $count } Operationen · Version { $version }
}
catalog-tags = Tags
catalog-request-pending = Anfrage ausstehend
catalog-request-access = Zugriff anfragen
catalog-my-apis-lead = Sammlungen, die Ihre Organisation nutzen darf.
catalog-my-apis-empty = Noch keine APIs
catalog-my-apis-empty-message = Sobald Ihre Organisation Zugriff auf eine Sammlung erhält, erscheint sie hier mit ihrer Dokumentation und ihren Schlüsseln.
catalog-discover-apis = APIs entdecken
catalog-my-apis-purpose = um Ihre APIs zu sehen
catalog-discover-lead = Veröffentlichte Sammlungen, für die Sie Zugriff anfragen können.
catalog-search-label = APIs durchsuchen
catalog-search-placeholder = Namen, Tags und Operationen durchsuchen, etwa /orders oder refund
catalog-search = Suchen
catalog-tag-filter = Nach Tag filtern
catalog-tag-all = Alle
catalog-results = { $count ->
    [one] { $count } Ergebnis
   *[other] { $count } Ergebnisse
}
catalog-discover-empty = Nichts zu entdecken
catalog-discover-empty-message = Ihre Organisation hat bereits Zugriff auf alle veröffentlichten Sammlungen, oder es ist noch keine veröffentlicht.
catalog-go-to-my-apis = Zu Meine APIs
catalog-no-matches = Keine Treffer
catalog-no-matches-message = Versuchen Sie es mit anderen Wörtern, oder entfernen Sie den Tag-Filter.
catalog-discover-purpose = um APIs zu entdecken

## Eine Sammlung und ihre Operationen (app/src/catalog/reference.rs)

catalog-api-unavailable = API nicht verfügbar
catalog-docs-purpose = um die Dokumentation dieser API zu lesen
catalog-version-operations = { $count ->
    [one] Version { $version } · { $count } Operation
   *[other] Version { $version } · { $count } Operationen
}
catalog-download-json = OpenAPI herunterladen (JSON)
catalog-pending-notice = Ihre Organisation hat Zugriff auf diese API angefragt; ein Admin entscheidet in Kürze.{ " " }
catalog-see-requests = Ihre Anfragen ansehen
catalog-no-access-notice = Ihre Organisation hat noch keinen Zugriff auf diese API. Sie können die Dokumentation lesen; für Aufrufe brauchen Sie Zugriff und einen Schlüssel.
catalog-servers = Server
catalog-no-authentication = Das Dokument gibt keine Authentifizierung an.
catalog-version-entry = #{ $number } · API-Version { $version } · veröffentlicht am { $published }
catalog-version-current = { " " }(aktuell)
catalog-authentication = Authentifizierung
catalog-versions = Versionen
catalog-operations = Operationen
catalog-filter-operations = Operationen filtern
catalog-operation-unavailable = Operation nicht verfügbar
catalog-required = erforderlich
catalog-schema = Schema
catalog-example = Beispiel
catalog-console-loading = Konsole wird geladen …
catalog-try-purpose = um diese Operation auszuprobieren
catalog-deprecated = Veraltet
catalog-try-it-out = Ausprobieren
catalog-operation-authentication = Authentifizierung:{ " " }
catalog-parameters = Parameter
catalog-parameters-none = Keine.
# $location ist path, query, header oder cookie; $name dasselbe Wort mit großem Anfangsbuchstaben.
catalog-parameters-in = { $location ->
    [path] Pfadparameter
    [query] Query-Parameter
    [header] Header-Parameter
    [cookie] Cookie-Parameter
   *[other] { $name }-Parameter
}
catalog-parameter-example = Beispiel:{ " " }
catalog-request-body = Request-Body
catalog-request-body-required = { " " }(erforderlich)
catalog-responses = Antworten
catalog-neighbours = Benachbarte Operationen

## Gerenderte Referenzdokumentation (server/src/openapi/render.rs); die Typnamen von JSON Schema
## (string, object, …) bleiben, wie sie sind.

catalog-example-cut = … (gekürzt; das vollständige Beispiel steht im Dokument)
catalog-schema-more-not-shown = weitere nicht angezeigt: siehe das heruntergeladene Dokument
catalog-schema-recursive = { $name } erneut (enthält sich selbst)
catalog-schema-unresolved = nicht aufgelöste Referenz { $reference }
catalog-schema-nested-deeper = tiefer verschachtelt: siehe das heruntergeladene Dokument
catalog-schema-one-of = eines von
catalog-schema-any-of = beliebige von
catalog-schema-more-options = weitere Varianten nicht angezeigt
catalog-schema-option = Variante { $number }
catalog-schema-array-of = Array von { $items }
catalog-schema-more-fields = weitere Felder nicht angezeigt
catalog-schema-any-name = { "{" }beliebiger Name{ "}" }
# Zwischen zwei Typen: „string oder null“.
catalog-schema-or = { " " }oder{ " " }
catalog-constraint-one-of = eines von: { $values }
catalog-constraint-always = immer { $value }
catalog-constraint-default = Standardwert { $value }
catalog-constraint-minimum = Minimum { $value }
catalog-constraint-maximum = Maximum { $value }
catalog-constraint-min-length = mindestens { $value } Zeichen
catalog-constraint-max-length = höchstens { $value } Zeichen
catalog-constraint-min-items = Anzahl Elemente: mindestens { $value }
catalog-constraint-max-items = Anzahl Elemente: höchstens { $value }
catalog-constraint-pattern = Muster { $value }
catalog-constraint-multiple-of = Vielfaches von { $value }
catalog-constraint-greater-than = größer als { $value }
catalog-constraint-less-than = kleiner als { $value }
catalog-constraint-read-only = schreibgeschützt
catalog-constraint-write-only = nur schreibbar
catalog-constraint-deprecated = veraltet
catalog-constraint-unique-items = eindeutige Elemente
catalog-server = Server
# $location ist, wohin der Schlüssel gehört (header, query oder cookie), $name sein Name.
catalog-auth-api-key = API-Schlüssel im { $location ->
    [header] Header
    [query] Query-Parameter
    [cookie] Cookie
   *[other] { $location }
} { $name }
catalog-auth-http = HTTP { $scheme }
catalog-auth-http-unnamed = HTTP-Authentifizierung
catalog-auth-http-basic = HTTP Basic
catalog-auth-mutual-tls = Mutual TLS

## Was nicht gefunden wurde (ergänzt „… wurde nicht gefunden.“) und Importfehler (server/src/catalog/)

catalog-that-api = Diese API
catalog-that-operation = Diese Operation
catalog-that-file = Diese Datei
catalog-that-version = Diese Version
catalog-slug-taken = Wählen Sie ein anderes Kürzel; dieses ist vergeben.
catalog-upload-unreadable = Der Upload konnte nicht gelesen werden: { $reason }
catalog-upload-nothing = Wählen Sie eine Datei, oder geben Sie die Adresse des Dokuments an.
catalog-upload-not-utf8 = Das Dokument ist kein UTF-8-Text (JSON oder YAML).
catalog-fetch-failed = { $address } konnte nicht abgerufen werden: { $reason }
catalog-fetch-bad-address = Geben Sie eine vollständige Adresse an, etwa https://example.com/openapi.yaml.
catalog-fetch-bad-scheme = Nur http- und https-Adressen können abgerufen werden.
catalog-fetch-unresolved = der Name lässt sich nicht auflösen ({ $error })
catalog-fetch-unroutable = von dieser Adresse werden keine Dokumente abgerufen
catalog-fetch-another-address = eine andere Adresse
catalog-fetch-moved = es wurde nach { $target } verschoben; geben Sie stattdessen diese Adresse an
catalog-fetch-status = der Server antwortete mit { $status }
catalog-fetch-too-large = es ist größer als { $megabytes } MB

## Dokumente lesen (server/src/openapi/mod.rs): Fehler, dann Warnungen

catalog-import-too-large = Das Dokument ist { $size } MB groß; erlaubt sind höchstens { $limit } MB.
catalog-import-empty = Das Dokument ist leer.
catalog-import-invalid-json = Das ist kein gültiges JSON: { $reason } (Zeile { $line }, Spalte { $column }).
catalog-import-place = { " " }(Zeile { $line }, Spalte { $column })
catalog-import-invalid-yaml = Das ist weder gültiges YAML noch gültiges JSON: { $reason }{ $place }.
catalog-import-not-object = Das Dokument muss ein Objekt sein, mit `openapi` (oder `swagger`), `info` und `paths` auf oberster Ebene.
catalog-import-openapi-unsupported = OpenAPI { $version } wird nicht unterstützt: Portico liest OpenAPI 3.0, 3.1 und Swagger 2.0 (bei /openapi).
catalog-import-swagger-unsupported = Swagger { $version } wird nicht unterstützt: Portico liest Swagger 2.0 sowie OpenAPI 3.0 und 3.1 (bei /swagger).
catalog-import-not-openapi = Das ist kein OpenAPI-Dokument: Es hat auf oberster Ebene weder ein Feld `openapi` (3.0, 3.1) noch `swagger: "2.0"`.
catalog-import-paths-not-object = `paths` muss ein Objekt sein, das Pfade Operationen zuordnet (bei /paths).
catalog-warning-more = { $count ->
    [one] …und eine weitere Warnung dieser Art.
   *[other] …und { $count } weitere Warnungen dieser Art.
}
catalog-warning-reference-missing = Die Referenz { $reference } (bei { $pointer }) zeigt ins Leere; sie wird als nicht aufgelöst angezeigt.
catalog-warning-reference-external = Die Referenz { $reference } (bei { $pointer }) verweist auf eine andere Datei; ihr wird nicht gefolgt.
catalog-warning-unknown-formats = Unbekannte Formate, so angezeigt, wie sie geschrieben sind: { $formats }.
catalog-warning-no-info = Das Dokument hat keinen Abschnitt `info` und damit weder Titel noch Version.
catalog-warning-no-operations = Das Dokument beschreibt keine Operationen.
catalog-warning-path-not-object = Der Pfad { $path } ist kein Objekt und wird ausgelassen (bei { $pointer }).
catalog-warning-path-reference = Der Pfad { $path } verweist auf ein anderes Path Item; dem wird nicht gefolgt (bei { $pointer }).
# $upper ist die Methode in Großbuchstaben (GET), $method wie im Dokument geschrieben (get).
catalog-warning-operation-not-object = { $upper } { $path } ist kein Objekt und wird ausgelassen (bei { $pointer }/{ $method }).
catalog-warning-duplicate-id = Zwei Operationen haben die ID { $id }; { $method } { $path } ist als { $alias } erreichbar.
# Die Gruppe der Operationen ohne Tag.
catalog-other-operations = Weitere Operationen
