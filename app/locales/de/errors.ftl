# Fehler, die jede Seite zeigen kann (app/src/error.rs, app/src/form.rs, app/src/layout.rs).

error-unauthenticated = Bitte melden Sie sich an, um fortzufahren.
error-forbidden = Dazu haben Sie keine Berechtigung.
error-terms-not-accepted = Bitte akzeptieren Sie die Nutzungsbedingungen, um fortzufahren.
error-not-found = { $what } wurde nicht gefunden.
error-rate-limited = Zu viele Versuche. Bitte versuchen Sie es in { $seconds ->
    [one] einer Sekunde
   *[other] { $seconds } Sekunden
} erneut.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.
error-transport = Portico ist nicht erreichbar: { $reason }
field-required = Bitte geben Sie { $label } an.
field-too-long = Bitte kürzen Sie { $label } auf höchstens { $max } Zeichen.
email-empty = Bitte geben Sie eine E-Mail-Adresse ein.
email-too-long = Eine E-Mail-Adresse ist höchstens 254 Zeichen lang.
email-malformed = Eine E-Mail-Adresse sieht so aus: name@example.com.
slug-too-short = Ein Kürzel braucht mindestens 2 Zeichen.
slug-too-long = Ein Kürzel ist höchstens 63 Zeichen lang.
slug-bad-character = Ein Kürzel besteht nur aus Kleinbuchstaben, Ziffern und Bindestrichen (etwa payments-api).
slug-bad-hyphen = Ein Kürzel beginnt und endet nicht mit einem Bindestrich und hat keine zwei hintereinander.
date-malformed = Bitte geben Sie ein Datum wie 2026-12-31 ein.
environment-sandbox = Sandbox
environment-production = Produktion
environment-none = keine Umgebung
list-and = { $init } und { $last }
