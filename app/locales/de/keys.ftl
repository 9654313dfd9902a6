# API-Schlüssel (app/src/keys/, server/src/keys/): die Seite „API-Schlüssel“, ihre Adressregeln
# und die Antworten des Servers zu Schlüsseln. Die Antworten des Gateways gehen an Programme und
# bleiben englisch.

## Zustände eines Schlüssels und die Prüfungen des Formulars

keys-state-active = Aktiv
keys-state-deactivated = Deaktiviert
keys-state-expired = Abgelaufen
# Im Akkusativ: „Bitte geben Sie … an.“, „Bitte kürzen Sie … auf höchstens 80 Zeichen.“
keys-name-label = einen Namen für den Schlüssel
keys-environment-required = Wählen Sie Sandbox oder Produktion.
keys-overlap-none = Alten Schlüssel sofort ungültig machen
keys-overlap-hours = { $hours ->
    [one] Alten Schlüssel noch { $hours } Stunde gültig lassen
   *[other] Alten Schlüssel noch { $hours } Stunden gültig lassen
}
keys-overlap-days = { $days ->
    [one] Alten Schlüssel noch { $days } Tag gültig lassen
   *[other] Alten Schlüssel noch { $days } Tage gültig lassen
}
keys-overlap-invalid = Wählen Sie, wie lange der alte Schlüssel noch funktioniert.

## Adressregeln

keys-rule-not-address = „{ $entry }“ ist weder eine IP-Adresse noch ein CIDR-Bereich.
keys-rule-bad-prefix = „{ $entry }“: Der Teil nach / muss eine Zahl von 0 bis { $max } sein.
keys-rules-too-many = Verwenden Sie höchstens { $max } Einträge.

## Die Seite

keys-lead = Mit Schlüsseln ruft Ihr Code über das Gateway dieses Portals die APIs auf, die Ihre Organisation nutzen darf. Jeder Schlüssel gilt für eine Umgebung.
# Ergänzt „Bitte melden Sie sich an …“.
keys-purpose = um API-Schlüssel zu verwalten
keys-issued-title = Ihr neuer Schlüssel „{ $name }“
keys-issued-label = API-Schlüssel
keys-issued-usage = Senden Sie ihn im Header X-API-Key (oder als Authorization: Bearer) an /gateway/<API>/{ $environment }/….
keys-create-heading = Schlüssel erstellen
keys-create-no-organization = Sie gehören noch keiner Organisation an und können daher keine Schlüssel erstellen. Bitten Sie einen Admin, Sie einer Organisation hinzuzufügen.
keys-create-name = Name
keys-create-name-hint = Was ihn nutzt, etwa „Checkout-Service“.
keys-create-environment = Umgebung
keys-create-last-day = Letzter Tag (optional)
keys-create-organization = Organisation
keys-create-allowed = Erlaubte Adressen (optional)
keys-create-allowed-hint = Adressen oder CIDR-Bereiche (IPv4 oder IPv6), getrennt durch Kommas oder Zeilenumbrüche. Leer: jede Adresse.
keys-create-add-mine = Meine aktuelle Adresse hinzufügen ({ $address })
keys-create-blocked = Gesperrte Adressen (optional)
keys-create-blocked-hint = Gesperrt hat Vorrang vor erlaubt.
keys-create-lockout = Diese Regeln sperren Ihre aktuelle Adresse { $address }: Von hier aus würde dieser Schlüssel nicht funktionieren.
keys-create-submit = Schlüssel erstellen
keys-empty = Noch keine Schlüssel
keys-empty-message = Erstellen Sie oben einen Schlüssel; hier stehen die Schlüssel Ihrer Organisation und wann sie zuletzt genutzt wurden.
keys-list-heading = Die Schlüssel Ihrer Organisation

## Ein Schlüssel

keys-created-by = Erstellt von { $creator } am { $at }
keys-last-used = { " " }· zuletzt genutzt am { $at }
keys-never-used = { " " }· noch nie genutzt
keys-last-day = { " " }· letzter Tag { $day }
keys-calls-none = Keine Aufrufe in den letzten 24 Stunden.
keys-calls = { $count ->
    [one] { $count } Aufruf in den letzten 24 Stunden.
   *[other] { $count } Aufrufe in den letzten 24 Stunden.
}
keys-calls-failed = { $count ->
    [one] { $count } Aufruf in den letzten 24 Stunden, davon { $failed } abgelehnt oder fehlgeschlagen.
   *[other] { $count } Aufrufe in den letzten 24 Stunden, davon { $failed } abgelehnt oder fehlgeschlagen.
}
keys-previous-until = Das vorherige Token funktioniert bis { $at }.
keys-rules-allowed = Erlaubte Adressen
keys-rules-blocked = Gesperrt
keys-refresh-overlap = Neues Token
keys-refresh = Erneuern
keys-refresh-label = Erneuern: { $name }
keys-deactivate = Deaktivieren
keys-deactivate-label = { $name } deaktivieren
keys-reactivate = Reaktivieren
keys-reactivate-label = { $name } reaktivieren
keys-delete = Löschen
keys-delete-label = Löschen: { $name }
keys-delete-confirm = „{ $name }“ endgültig löschen? Aufrufe damit schlagen dann sofort fehl.
keys-delete-confirm-button = Endgültig löschen
keys-delete-cancel = Abbrechen

## Antworten des Servers

keys-that-key = Dieser Schlüssel
keys-change-refused = Nur die Person, die diesen Schlüssel erstellt hat, oder ein Admin seiner Organisation kann ihn ändern.
# Wer einen Schlüssel erstellt hat, nach „Erstellt von“ (Dativ).
keys-creator-left = einem ehemaligen Mitglied
keys-creator-colleague = einem Teammitglied
keys-last-day-in-past = Wählen Sie heute oder einen späteren Tag als letzten Tag.
keys-already-active = Der Schlüssel { $name } ist bereits aktiv.
keys-already-deactivated = Der Schlüssel { $name } ist bereits deaktiviert.
