# Verwaltung: das Audit-Protokoll, seine Filter und der CSV-Export (app/src/admin/audit.rs; die
# Antworten des Servers auf ungültige Filter, server/src/audit.rs und server/src/api/audit.rs,
# kommen ebenfalls von dort).

audit-title = Audit-Protokoll
audit-lead = Wer hat was getan, wann und von wo. Neueste zuerst.
audit-back-admin = ← Verwaltungsübersicht

# Die Filter.
audit-filter-label = Ereignisse filtern
audit-filter-actor = Akteur (E-Mail)
audit-filter-action = Aktion
audit-filter-target = Ziel-ID
audit-filter-from = Von
audit-filter-to = Bis
audit-filter = Filtern
audit-export = Als CSV exportieren
audit-check-filters = Bitte prüfen Sie die Filter oben.
audit-invalid-actor = Das ist keine E-Mail-Adresse.
audit-invalid-action = Das ist keine Aktion.
audit-invalid-target = Das ist keine ID.
audit-invalid-before = Diese Seite gibt es nicht.
audit-dates-swapped = Der letzte Tag liegt vor dem ersten; tauschen Sie die beiden.

# Die Ereignisse.
audit-empty-title = Keine Ereignisse
audit-empty-message = Nichts passt zu diesen Filtern.
audit-events-label = Audit-Ereignisse
audit-col-when = Wann
audit-col-who = Wer
audit-col-action = Aktion
audit-col-target = Ziel
audit-col-from = Von
audit-col-details = Details
audit-pages = Seiten
audit-newest = ← Neueste
audit-older = Ältere Ereignisse →
