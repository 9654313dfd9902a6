# Admin → Sammlungen: OpenAPI-Dokumente importieren, die Details und Versionen einer Sammlung
# (app/src/admin/collections.rs, server/src/catalog/admin.rs) und die Sammlungs-Endpunkte der
# Verwaltungs-API (server/src/api/collections.rs).

## Das Detailformular prüfen

# $label ist eine von collections-the-logo, collections-the-sandbox-url, collections-the-production-url.
collections-web-address = { $label } muss eine Webadresse wie https://api.example.com/v1 sein (höchstens 500 Zeichen).
collections-the-logo = Das Logo
collections-the-sandbox-url = Die Sandbox-URL
collections-the-production-url = Die Produktions-URL
collections-name-length = Geben Sie einen Namen mit 1 bis 120 Zeichen ein.
collections-summary-too-long = Kürzen Sie die Zusammenfassung auf höchstens 300 Zeichen.
collections-description-too-long = Kürzen Sie die Beschreibung auf höchstens 50.000 Zeichen.
collections-tag-too-long = Das Tag „{ $tag }“ ist länger als 40 Zeichen.
collections-too-many-tags = Verwenden Sie höchstens 12 Tags.
collections-choose-visibility = Wählen Sie „listed“ (gelistet) oder „hidden“ (verborgen).
collections-choose-status = Wählen Sie „draft“ (Entwurf) oder „published“ (veröffentlicht).
collections-slug-taken = Das Kürzel { $slug } wird bereits von einer anderen Sammlung verwendet.

## Ein Dokument hochladen

collections-document-label = OpenAPI-Dokument (JSON oder YAML)
collections-document-hint = OpenAPI 3.0, 3.1 oder Swagger 2.0, bis zu 64 MB.
collections-document-address = …oder seine Adresse
collections-imported = Das Dokument ist importiert. Prüfen Sie die Details unten, und veröffentlichen Sie die Sammlung dann.

## Die Liste der Sammlungen

collections-title = Sammlungen
collections-lead = Die APIs, die das Portal veröffentlicht, jede beschrieben durch ein OpenAPI-Dokument.
collections-back-to-admin = ← Verwaltungsübersicht
collections-add = Sammlung hinzufügen
collections-add-lead = Sie beginnt als Entwurf, mit Namen und Beschreibung aus dem Dokument.
collections-import = Importieren
collections-all = Alle Sammlungen
collections-empty = Noch keine Sammlungen
collections-empty-message = Importieren Sie ein OpenAPI-Dokument, um Ihre erste API zu veröffentlichen.
collections-column-name = Name
collections-column-status = Status
collections-column-operations = Operationen
collections-column-organizations = Organisationen
collections-column-updated = Aktualisiert
collections-published = Veröffentlicht
collections-draft = Entwurf
collections-hidden = verborgen
collections-row-operations = { $count ->
    [one] { $operations } (v{ $version }, { $count } Version)
   *[other] { $operations } (v{ $version }, { $count } Versionen)
}

## Eine Sammlung

collections-collection = Sammlung
collections-saved = Gespeichert.
collections-editor-lead = Details, Dokumente und Zugriff einer Sammlung.
collections-back = ← Sammlungen
collections-view-as-developer = So ansehen, wie Entwickler sie sehen
collections-details = Details
collections-field-name = Name
collections-field-slug = Kürzel (in Adressen)
collections-field-summary = Zusammenfassung
collections-field-description = Beschreibung (Markdown)
collections-field-tags = Tags
collections-field-tags-hint = Durch Kommas getrennt, etwa payments, cards.
collections-status-draft = Entwurf (nur Admins)
collections-visibility = Sichtbarkeit
collections-visibility-listed = Unter „Entdecken“ aufgeführt
collections-visibility-hidden = Verborgen: nur Organisationen mit Zugriff
collections-field-sandbox-url = Basis-URL der Sandbox
collections-field-production-url = Basis-URL der Produktion
collections-field-logo = Adresse des Logos (optional)
collections-save = Details speichern
collections-versions = Dokumentversionen
collections-version-line = #{ $number } · API-Version { $version } · { $operations } Operationen
collections-version-imported = Importiert am { $at }
collections-version-source = { " " }von { $source }
collections-download = Herunterladen
collections-warnings = { $count ->
    [one] { $count } Warnung
   *[other] { $count } Warnungen
}
collections-replace = Dokument ersetzen
collections-replace-lead = Das neue Dokument wird zur aktuellen Version; frühere bleiben herunterladbar.
collections-upload-version = Neue Version hochladen

## Die Verwaltungs-API (server/src/api/collections.rs)

collections-api-not-utf8 = Senden Sie das OpenAPI-Dokument als UTF-8-Text (JSON oder YAML).
collections-api-choose-environments = Wählen Sie sandbox, production oder beides.
collections-api-unknown-environment = Verwenden Sie sandbox oder production.
