<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AlertBanner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Seen: hide this alert</source>
        <translation>Gesehen: diesen Hinweis ausblenden</translation>
    </message>
    <message>
        <source>Done: confirm this step</source>
        <translation>Fertig: diesen Schritt bestätigen</translation>
    </message>
</context>
<context>
    <name>BannerSlot</name>
    <message>
        <source>Warnings and recipe alerts appear here.</source>
        <translation>Warnungen und Rezepthinweise erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <source>Community</source>
        <translation>Gemeinschaft</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>The community archive cannot be reached.
{0}: {1}
Hearth tries again every {2} s.</source>
        <translation>Das Gemeinschaftsarchiv ist nicht erreichbar.
{0}: {1}
Hearth versucht es alle {2} s erneut.</translation>
    </message>
    <message>
        <source>No kitchen has shared a recipe here yet.
Share one of yours with: kitchen-ui recipes share ID --broker {0}</source>
        <translation>Hier hat noch keine Küche ein Rezept geteilt.
Teilen Sie eines Ihrer Rezepte mit: kitchen-ui recipes share ID --broker {0}</translation>
    </message>
    <message>
        <source>Looking at the community archive…</source>
        <translation>Das Gemeinschaftsarchiv wird gelesen…</translation>
    </message>
    <message>
        <source>Looking at the community archive on {0}…</source>
        <translation>Das Gemeinschaftsarchiv auf {0} wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot reach {0}</source>
        <translation>{0} ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The community archive on {0}.</source>
        <translation>Das Gemeinschaftsarchiv auf {0}.</translation>
    </message>
    <message>
        <source>Nothing shared on {0} yet</source>
        <translation>Auf {0} ist noch nichts geteilt</translation>
    </message>
    <message>
        <source>Recipes shared on {1}: {0}</source>
        <translation>Geteilte Rezepte auf {1}: {0}</translation>
    </message>
    <message>
        <source>(rejected as broken or unsafe: {0})</source>
        <translation>(als fehlerhaft oder unsicher abgelehnt: {0})</translation>
    </message>
    <message>
        <source>Shared by {0} from {1} on {2} · licence {3}</source>
        <translation>Geteilt von {0} aus {1} am {2} · Lizenz {3}</translation>
    </message>
    <message>
        <source>{0} · {1} ingredients · {2} steps</source>
        <translation>{0} · {1} Zutaten · {2} Schritte</translation>
    </message>
    <message>
        <source>No story came with it.</source>
        <translation>Ohne Geschichte geteilt.</translation>
    </message>
    <message>
        <source>In your library (#{0})</source>
        <translation>In Ihrer Sammlung (#{0})</translation>
    </message>
    <message>
        <source>Not imported: {0}</source>
        <translation>Nicht importiert: {0}</translation>
    </message>
    <message>
        <source>“{0}” is already in your library, word for word (#{1}).</source>
        <translation>„{0}“ ist schon wortgleich in Ihrer Sammlung (#{1}).</translation>
    </message>
    <message>
        <source>“{0}” is already in your library (#{1}).</source>
        <translation>„{0}“ ist schon in Ihrer Sammlung (#{1}).</translation>
    </message>
    <message>
        <source>“{0}” is in your library now (#{1}), with where it came from.</source>
        <translation>„{0}“ ist jetzt in Ihrer Sammlung (#{1}), mit seiner Herkunft.</translation>
    </message>
</context>
<context>
    <name>CookingView</name>
    <message>
        <source>Your turn</source>
        <translation>Sie sind dran</translation>
    </message>
    <message>
        <source>Waiting for you: tap Confirm to start</source>
        <translation>Wartet auf Sie: zum Starten „Bestätigen“ tippen</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Zeit um</translation>
    </message>
    <message>
        <source>Done?</source>
        <translation>Fertig?</translation>
    </message>
    <message>
        <source>Tap Confirm when it is done</source>
        <translation>„Bestätigen“ tippen, wenn es fertig ist</translation>
    </message>
    <message>
        <source>cooling down</source>
        <translation>kühlt ab</translation>
    </message>
    <message>
        <source>heating up</source>
        <translation>heizt auf</translation>
    </message>
    <message>
        <source>boils in {0}</source>
        <translation>kocht in {0}</translation>
    </message>
    <message>
        <source>there in {0}</source>
        <translation>erreicht in {0}</translation>
    </message>
    <message>
        <source>then {0} to go</source>
        <translation>danach noch {0}</translation>
    </message>
    <message>
        <source>left</source>
        <translation>übrig</translation>
    </message>
    <message>
        <source>left · {0} now</source>
        <translation>übrig · jetzt {0}</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Step {0}</source>
        <translation>Schritt {0}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Put the recipe away</source>
        <translation>Rezept weglegen</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Start the step waiting for you, or say it is done</source>
        <translation>Den wartenden Schritt starten oder melden, dass er fertig ist</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop the timers; the recipe stops setting the zones</source>
        <translation>Timer anhalten; das Rezept stellt die Kochzonen nicht mehr ein</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>End the current step now</source>
        <translation>Den aktuellen Schritt jetzt beenden</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the recipe and switch its zones off</source>
        <translation>Rezept beenden und seine Kochzonen ausschalten</translation>
    </message>
    <message>
        <source>Abort the recipe? Its zones switch off.</source>
        <translation>Rezept abbrechen? Seine Kochzonen werden ausgeschaltet.</translation>
    </message>
    <message>
        <source>Yes, abort</source>
        <translation>Ja, abbrechen</translation>
    </message>
    <message>
        <source>Keep cooking</source>
        <translation>Weiterkochen</translation>
    </message>
    <message>
        <source>{0} of {1} steps done</source>
        <translation>{0} von {1} Schritten erledigt</translation>
    </message>
    <message>
        <source>{0} at once</source>
        <translation>{0} gleichzeitig</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Als Nächstes: {0}</translation>
    </message>
    <message>
        <source>tap Resume to carry on</source>
        <translation>zum Weitermachen „Fortsetzen“ tippen</translation>
    </message>
    <message>
        <source>PAUSED — {0}</source>
        <translation>PAUSIERT — {0}</translation>
    </message>
    <message>
        <source>✓ {0} is ready. Enjoy!</source>
        <translation>✓ {0} ist fertig. Guten Appetit!</translation>
    </message>
    <message>
        <source>{0}: aborted. The zones it used are off.</source>
        <translation>{0}: abgebrochen. Die benutzten Kochzonen sind aus.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>DesktopMenus</name>
    <message>
        <source>All off (whatever has the focus)</source>
        <translation>Alles aus (egal, was den Fokus hat)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Dashboard, Recipes, History</source>
        <translation>Übersicht, Rezepte, Verlauf</translation>
    </message>
    <message>
        <source>Plot: 5 min, 15 min, 1 h, all</source>
        <translation>Diagramm: 5 min, 15 min, 1 h, alles</translation>
    </message>
    <message>
        <source>°C / °F</source>
        <translation>°C / °F</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Stove</source>
        <translation>&amp;Herd</translation>
    </message>
    <message>
        <source>&amp;All off</source>
        <translation>&amp;Alles aus</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Verbindung…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Plot window</source>
        <translation>&amp;Diagramm-Zeitraum</translation>
    </message>
    <message>
        <source>Degrees &amp;Celsius (°C)</source>
        <translation>Grad &amp;Celsius (°C)</translation>
    </message>
    <message>
        <source>Degrees &amp;Fahrenheit (°F)</source>
        <translation>Grad &amp;Fahrenheit (°F)</translation>
    </message>
    <message>
        <source>Switch °C / °F</source>
        <translation>°C / °F wechseln</translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>&amp;Recipes</source>
        <translation>&amp;Rezepte</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>V&amp;erlauf</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Hearth</source>
        <translation>Ü&amp;ber Hearth</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>About Hearth</source>
        <translation>Über Hearth</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>Diet</name>
    <message>
        <source>Not compared with earlier runs: this one did not cook the whole recipe.</source>
        <translation>Nicht mit früheren Durchgängen verglichen: dieser hat nicht das ganze Rezept gekocht.</translation>
    </message>
    <message>
        <source>The first recorded run of this recipe: nothing to compare with yet.</source>
        <translation>Der erste aufgezeichnete Durchgang dieses Rezepts: noch nichts zum Vergleichen.</translation>
    </message>
    <message>
        <source>Earlier runs of this recipe: {n}, on average {avg}. This run used {change}.</source>
        <translation>Frühere Durchgänge dieses Rezepts: {n}, im Mittel {avg}. Dieser Durchgang brauchte {change}.</translation>
    </message>
    <message>
        <source>Saves up to {energy} · {money} · {co2}</source>
        <translation>Spart bis zu {energy} · {money} · {co2}</translation>
    </message>
    <message>
        <source>Energy of this run</source>
        <translation>Energie dieses Durchgangs</translation>
    </message>
    <message>
        <source>Tips from the simulator</source>
        <translation>Tipps aus dem Simulator</translation>
    </message>
    <message>
        <source>No tips: the session does not say which zones the stove had.</source>
        <translation>Keine Tipps: Der Kochvorgang verrät nicht, welche Kochzonen der Herd hatte.</translation>
    </message>
    <message>
        <source>Working out tips on the simulated stove…</source>
        <translation>Tipps werden auf dem simulierten Herd ermittelt…</translation>
    </message>
    <message>
        <source>No tips: the simulation failed ({reason}).</source>
        <translation>Keine Tipps: Die Simulation ist fehlgeschlagen ({reason}).</translation>
    </message>
    <message>
        <source>No tips this time: the simulator found nothing to save on this recipe.</source>
        <translation>Diesmal keine Tipps: Der Simulator fand bei diesem Rezept nichts zu sparen.</translation>
    </message>
    <message>
        <source>Nothing on the stove is switched on until you confirm.</source>
        <translation>Am Herd wird nichts eingeschaltet, bevor Sie bestätigen.</translation>
    </message>
    <message>
        <source>I have checked — start cooking</source>
        <translation>Geprüft — Kochen beginnen</translation>
    </message>
    <message>
        <source>Back to the recipe</source>
        <translation>Zurück zum Rezept</translation>
    </message>
    <message>
        <source>First step: {step}</source>
        <translation>Erster Schritt: {step}</translation>
    </message>
    <message>
        <source>Household…</source>
        <translation>Haushalt…</translation>
    </message>
    <message>
        <source>Add, change or remove who eats here: allergies and diets</source>
        <translation>Hinzufügen, ändern oder entfernen, wer hier isst: Allergien und Ernährungsweisen</translation>
    </message>
    <message>
        <source>Who is eating:</source>
        <translation>Wer isst mit:</translation>
    </message>
    <message>
        <source>Tap to say whether {name} is eating</source>
        <translation>Tippen, um anzugeben, ob {name} mitisst</translation>
    </message>
    <message>
        <source>{n} hidden: they do not suit someone&apos;s diet.</source>
        <translation>{n} ausgeblendet: Sie passen nicht zur Ernährungsweise von jemandem.</translation>
    </message>
    <message>
        <source>Energy costs use the default prices: {reason}</source>
        <translation>Die Energiekosten nutzen die Standardpreise: {reason}</translation>
    </message>
    <message>
        <source>The session&apos;s energy could not be saved: {reason}</source>
        <translation>Die Energie des Kochvorgangs konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>Energy, cost and CO₂ of the cooking session, from the stove&apos;s meters</source>
        <translation>Energie, Kosten und CO₂ des Kochvorgangs, aus den Zählern des Herds</translation>
    </message>
    <message>
        <source>No cooking yet</source>
        <translation>Noch nichts gekocht</translation>
    </message>
    <message>
        <source>This cooking session so far: {figures}, from the stove&apos;s meters</source>
        <translation>Dieser Kochvorgang bisher: {figures}, aus den Zählern des Herds</translation>
    </message>
    <message>
        <source>Last: {figures}</source>
        <translation>Zuletzt: {figures}</translation>
    </message>
    <message>
        <source>The last cooking session used {figures}</source>
        <translation>Der letzte Kochvorgang brauchte {figures}</translation>
    </message>
    <message>
        <source>{who}: {allergen} (in {ingredients})</source>
        <translation>{who}: {allergen} (in {ingredients})</translation>
    </message>
    <message>
        <source>the recipe says so</source>
        <translation>laut Rezept</translation>
    </message>
    <message>
        <source>{ingredient} → {instead}</source>
        <translation>{ingredient} → {instead}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Allergy — {conflicts}</source>
        <translation>Allergie — {conflicts}</translation>
    </message>
    <message>
        <source>Swap: {swaps}</source>
        <translation>Ersatz: {swaps}</translation>
    </message>
    <message>
        <source>Allergy checks are off: {reason}</source>
        <translation>Allergieprüfung ist aus: {reason}</translation>
    </message>
    <message>
        <source>No household profiles yet: add who eats here to see allergy warnings.</source>
        <translation>Noch keine Haushaltsprofile: Tragen Sie ein, wer hier isst, um Allergiewarnungen zu sehen.</translation>
    </message>
    <message>
        <source>Nobody chosen: recipes are not checked for allergies.</source>
        <translation>Niemand ausgewählt: Rezepte werden nicht auf Allergien geprüft.</translation>
    </message>
    <message>
        <source>Checked for: {needs}</source>
        <translation>Geprüft für: {needs}</translation>
    </message>
    <message>
        <source>Nobody eating has allergies or a diet.</source>
        <translation>Niemand, der mitisst, hat Allergien oder eine besondere Ernährungsweise.</translation>
    </message>
    <message>
        <source>Allergens and nutrition</source>
        <translation>Allergene und Nährwerte</translation>
    </message>
    <message>
        <source>Energy by day</source>
        <translation>Energie pro Tag</translation>
    </message>
    <message>
        <source>Energy and cost of cooking, day by day, a week at a time</source>
        <translation>Energie und Kosten des Kochens, Tag für Tag, wochenweise</translation>
    </message>
    <message>
        <source>The energy used before the recipe was interrupted is not counted: {reason}</source>
        <translation>Die Energie vor der Unterbrechung des Rezepts wird nicht mitgezählt: {reason}</translation>
    </message>
    <message>
        <source>What this run used cannot be shown: {reason}</source>
        <translation>Der Verbrauch dieses Durchgangs lässt sich nicht anzeigen: {reason}</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Yes, remove</source>
        <translation>Ja, entfernen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Allergies (EU allergen ids)</source>
        <translation>Allergien (EU-Allergen-Kennungen)</translation>
    </message>
    <message>
        <source>Diets</source>
        <translation>Ernährungsweisen</translation>
    </message>
    <message>
        <source>Household: who eats here</source>
        <translation>Haushalt: wer hier isst</translation>
    </message>
    <message>
        <source>Allergic to: {list}</source>
        <translation>Allergisch gegen: {list}</translation>
    </message>
    <message>
        <source>No allergies chosen.</source>
        <translation>Keine Allergien ausgewählt.</translation>
    </message>
    <message>
        <source>there is already a profile called {name}</source>
        <translation>es gibt schon ein Profil namens {name}</translation>
    </message>
    <message>
        <source>Remove {name} from the household?</source>
        <translation>{name} aus dem Haushalt entfernen?</translation>
    </message>
    <message>
        <source>Covers {p} % of the recipe</source>
        <translation>Erfasst {p} % des Rezepts</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no amount</source>
        <translation>keine Menge</translation>
    </message>
    <message>
        <source>unit not understood</source>
        <translation>Einheit nicht verstanden</translation>
    </message>
    <message>
        <source>Allergens and nutrition are unavailable: {reason}</source>
        <translation>Allergene und Nährwerte sind nicht verfügbar: {reason}</translation>
    </message>
    <message>
        <source>Allergens: {list}</source>
        <translation>Allergene: {list}</translation>
    </message>
    <message>
        <source>Allergens: none of the 14 EU allergens found</source>
        <translation>Allergene: keines der 14 EU-Allergene gefunden</translation>
    </message>
    <message>
        <source>(as its author lists them)</source>
        <translation>(laut Angabe des Verfassers)</translation>
    </message>
    <message>
        <source>Not in the ingredient table, check yourself: {list}</source>
        <translation>Nicht in der Zutatentabelle, bitte selbst prüfen: {list}</translation>
    </message>
    <message>
        <source>Diets: {list}</source>
        <translation>Ernährungsweisen: {list}</translation>
    </message>
    <message>
        <source>Diets: none certain</source>
        <translation>Ernährungsweisen: keine sicher</translation>
    </message>
    <message>
        <source>Nutrition per serving</source>
        <translation>Nährwerte pro Portion</translation>
    </message>
    <message>
        <source>{nutrient} is at least this: no figure for {list}</source>
        <translation>{nutrient} ist mindestens so viel: kein Wert für {list}</translation>
    </message>
    <message>
        <source>Contains {allergen} ({id}), which {who} must avoid — in: {ingredients}.</source>
        <translation>Enthält {allergen} ({id}), das {who} meiden muss — in: {ingredients}.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Instead: {swaps}.</source>
        <translation>Stattdessen: {swaps}.</translation>
    </message>
    <message>
        <source>No safe swap known: leave it out, or choose another recipe.</source>
        <translation>Kein sicherer Ersatz bekannt: weglassen oder ein anderes Rezept wählen.</translation>
    </message>
    <message>
        <source>Maybe not {diet} for {who}: {ingredients} not in the ingredient table.</source>
        <translation>Vielleicht nicht {diet} für {who}: {ingredients} nicht in der Zutatentabelle.</translation>
    </message>
    <message>
        <source>Not {diet} for {who}: {ingredients}.</source>
        <translation>Nicht {diet} für {who}: {ingredients}.</translation>
    </message>
    <message>
        <source>Not {diet} for {who}: its author does not list it as {diet}.</source>
        <translation>Nicht {diet} für {who}: Der Verfasser gibt es nicht als {diet} an.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>ALLERGY WARNING</source>
        <translation>ALLERGIEWARNUNG</translation>
    </message>
    <message>
        <source>Does not suit everyone eating</source>
        <translation>Passt nicht für alle, die mitessen</translation>
    </message>
    <message>
        <source>ALLERGIES NOT CHECKED</source>
        <translation>ALLERGIEN NICHT GEPRÜFT</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ Früher</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>Später ▶</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Kochvorgänge</translation>
    </message>
    <message>
        <source>Back to the recorded sessions</source>
        <translation>Zurück zu den aufgezeichneten Kochvorgängen</translation>
    </message>
    <message>
        <source>Week of {day}</source>
        <translation>Woche vom {day}</translation>
    </message>
    <message>
        <source>{n} sessions</source>
        <translation>{n} Kochvorgänge</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 Kochvorgang</translation>
    </message>
    <message>
        <source>This week: {energy} · {money} · {co2}</source>
        <translation>Diese Woche: {energy} · {money} · {co2}</translation>
    </message>
    <message>
        <source>celery</source>
        <translation>Sellerie</translation>
    </message>
    <message>
        <source>cereals containing gluten</source>
        <translation>glutenhaltiges Getreide</translation>
    </message>
    <message>
        <source>crustaceans</source>
        <translation>Krebstiere</translation>
    </message>
    <message>
        <source>eggs</source>
        <translation>Eier</translation>
    </message>
    <message>
        <source>fish</source>
        <translation>Fisch</translation>
    </message>
    <message>
        <source>lupin</source>
        <translation>Lupinen</translation>
    </message>
    <message>
        <source>milk</source>
        <translation>Milch</translation>
    </message>
    <message>
        <source>molluscs</source>
        <translation>Weichtiere</translation>
    </message>
    <message>
        <source>mustard</source>
        <translation>Senf</translation>
    </message>
    <message>
        <source>tree nuts</source>
        <translation>Schalenfrüchte</translation>
    </message>
    <message>
        <source>peanuts</source>
        <translation>Erdnüsse</translation>
    </message>
    <message>
        <source>sesame</source>
        <translation>Sesam</translation>
    </message>
    <message>
        <source>soya</source>
        <translation>Soja</translation>
    </message>
    <message>
        <source>sulphur dioxide and sulphites</source>
        <translation>Schwefeldioxid und Sulfite</translation>
    </message>
    <message>
        <source>vegetarian</source>
        <translation>vegetarisch</translation>
    </message>
    <message>
        <source>vegan</source>
        <translation>vegan</translation>
    </message>
    <message>
        <source>pescatarian</source>
        <translation>pescetarisch</translation>
    </message>
    <message>
        <source>gluten-free</source>
        <translation>glutenfrei</translation>
    </message>
    <message>
        <source>dairy-free</source>
        <translation>milchfrei</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Protein</source>
        <translation>Eiweiß</translation>
    </message>
    <message>
        <source>Fat</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>of which saturates</source>
        <translation>davon gesättigte Fettsäuren</translation>
    </message>
    <message>
        <source>Carbohydrate</source>
        <translation>Kohlenhydrate</translation>
    </message>
    <message>
        <source>of which sugars</source>
        <translation>davon Zucker</translation>
    </message>
    <message>
        <source>Fibre</source>
        <translation>Ballaststoffe</translation>
    </message>
    <message>
        <source>Salt</source>
        <translation>Salz</translation>
    </message>
    <message>
        <source>about the same</source>
        <translation>etwa gleich viel</translation>
    </message>
    <message>
        <source>{p} % less</source>
        <translation>{p} % weniger</translation>
    </message>
    <message>
        <source>{p} % more</source>
        <translation>{p} % mehr</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hide this message (the log keeps it)</source>
        <translation>Diese Meldung ausblenden (das Protokoll behält sie)</translation>
    </message>
    <message>
        <source>Something went wrong: {0}. Hearth keeps running; the details are in {1}.</source>
        <translation>Etwas ist schiefgegangen: {0}. Hearth läuft weiter; die Einzelheiten stehen in {1}.</translation>
    </message>
    <message>
        <source>the error output</source>
        <translation>der Fehlerausgabe</translation>
    </message>
    <message>
        <source>({0} times)</source>
        <translation>({0}-mal)</translation>
    </message>
</context>
<context>
    <name>FaultBanner</name>
    <message>
        <source>⚠ FAULT — {0}. The zone is off until the fault clears.</source>
        <translation>⚠ STÖRUNG — {0}. Die Kochzone bleibt aus, bis die Störung behoben ist.</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>Fleet</name>
    <message>
        <source>Now {0}</source>
        <translation>Jetzt {0}</translation>
    </message>
    <message>
        <source>Now {0} of {1}</source>
        <translation>Jetzt {0} von {1}</translation>
    </message>
    <message>
        <source>today {0}</source>
        <translation>heute {0}</translation>
    </message>
    <message>
        <source>Over the power budget: the {0} zones on can draw {1}, the budget is {2}. Switch something off before adding more.</source>
        <translation>Über dem Leistungsbudget: Die {0} eingeschalteten Kochzonen können {1} ziehen, das Budget ist {2}. Schalten Sie etwas aus, bevor Sie mehr einschalten.</translation>
    </message>
    <message>
        <source>Hearth — the kitchen</source>
        <translation>Hearth — die Küche</translation>
    </message>
    <message>
        <source>waiting for stoves…</source>
        <translation>warte auf Herde…</translation>
    </message>
    <message>
        <source>connecting to the broker…</source>
        <translation>verbinde mit dem Broker…</translation>
    </message>
    <message>
        <source>ALL OFF everywhere</source>
        <translation>ALLES AUS überall</translation>
    </message>
    <message>
        <source>Switch every zone of every stove off now (always allowed)</source>
        <translation>Jetzt alle Kochzonen aller Herde ausschalten (immer erlaubt)</translation>
    </message>
    <message>
        <source>broker connected</source>
        <translation>Broker verbunden</translation>
    </message>
    <message>
        <source>BROKER LOST</source>
        <translation>BROKER VERLOREN</translation>
    </message>
    <message>
        <source>Not connected to the broker: {0}. The tiles show the last values received, not live.</source>
        <translation>Nicht mit dem Broker verbunden: {0}. Die Kacheln zeigen die zuletzt empfangenen Werte, nicht live.</translation>
    </message>
    <message>
        <source>Tap a stove to open its dashboard.</source>
        <translation>Tippen Sie auf einen Herd, um seine Übersicht zu öffnen.</translation>
    </message>
    <message>
        <source>online</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>LINK LOST</source>
        <translation>VERBINDUNG VERLOREN</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>BRIDGE OFFLINE</source>
        <translation>BRÜCKE OFFLINE</translation>
    </message>
    <message>
        <source>{0} h {1:02d} min left</source>
        <translation>noch {0} h {1:02d} min</translation>
    </message>
    <message>
        <source>{0} min left</source>
        <translation>noch {0} min</translation>
    </message>
    <message>
        <source>ALL OFF</source>
        <translation>ALLES AUS</translation>
    </message>
    <message>
        <source>Switch every zone of this stove off (always allowed)</source>
        <translation>Alle Kochzonen dieses Herds ausschalten (immer erlaubt)</translation>
    </message>
    <message>
        <source>{0} of {1} on</source>
        <translation>{0} von {1} an</translation>
    </message>
    <message>
        <source>all off</source>
        <translation>alles aus</translation>
    </message>
    <message>
        <source>the hottest reading: {0}</source>
        <translation>der heißeste Messwert: {0}</translation>
    </message>
    <message>
        <source>FAULT {0}</source>
        <translation>STÖRUNG {0}</translation>
    </message>
    <message>
        <source>◀ All stoves</source>
        <translation>◀ Alle Herde</translation>
    </message>
    <message>
        <source>Hearth — every stove in the kitchen</source>
        <translation>Hearth — alle Herde der Küche</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>not closed</source>
        <translation>nicht abgeschlossen</translation>
    </message>
    <message>
        <source>No cooking recorded yet. Sessions appear here once a zone has been on.</source>
        <translation>Noch nichts aufgezeichnet. Kochvorgänge erscheinen hier, sobald eine Kochzone an war.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Save this session&apos;s samples, events and steps as a CSV file</source>
        <translation>Messwerte, Ereignisse und Schritte dieses Kochvorgangs als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Kochvorgang</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} · {3} samples</source>
        <translation>{0} · {1} · {2} · {3} Messwerte</translation>
    </message>
    <message>
        <source>the stove restarted {0}× (its clock began again; each run is drawn after the one before)</source>
        <translation>der Herd wurde {0}× neu gestartet (seine Uhr begann von vorn; jeder Lauf ist nach dem vorigen gezeichnet)</translation>
    </message>
    <message>
        <source>stove restarted</source>
        <translation>Herd neu gestartet</translation>
    </message>
    <message>
        <source>The stove restarted here: its clock began again.</source>
        <translation>Hier wurde der Herd neu gestartet: Seine Uhr begann von vorn.</translation>
    </message>
    <message>
        <source>Export the session as CSV</source>
        <translation>Kochvorgang als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not export to {0}: {1}</source>
        <translation>Export nach {0} nicht möglich: {1}</translation>
    </message>
    <message>
        <source>Exported {0} rows to {1}</source>
        <translation>{0} Zeilen nach {1} exportiert</translation>
    </message>
</context>
<context>
    <name>IdlePanel</name>
    <message>
        <source>No recipe running. The manual controls above always work.</source>
        <translation>Kein Rezept läuft. Die manuelle Steuerung oben funktioniert immer.</translation>
    </message>
    <message>
        <source>Choose a recipe…</source>
        <translation>Rezept auswählen…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>“{0}” was interrupted at {1}. Resume where it was, timers included, or discard it?</source>
        <translation>„{0}“ wurde bei {1} unterbrochen. Dort fortsetzen, samt Timern, oder verwerfen?</translation>
    </message>
    <message>
        <source>“{0}” was interrupted. Resume where it was, timers included, or discard it?</source>
        <translation>„{0}“ wurde unterbrochen. Dort fortsetzen, samt Timern, oder verwerfen?</translation>
    </message>
    <message>
        <source>Interrupted: {0}</source>
        <translation>Unterbrochen: {0}</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Alles löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings and quitting (needs the PIN)</source>
        <translation>Einstellungen und Beenden (braucht die PIN)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>quitting Hearth</source>
        <translation>Hearth beenden</translation>
    </message>
    <message>
        <source>About Hearth</source>
        <translation>Über Hearth</translation>
    </message>
</context>
<context>
    <name>Kitchen</name>
    <message>
        <source>Recipes</source>
        <translation>Rezepte</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>“{0}” is cooking: finish or abort it first.</source>
        <translation>„{0}“ wird gerade gekocht: erst beenden oder abbrechen.</translation>
    </message>
    <message>
        <source>Not connected to the stove as its controller: recipes cannot set the zones.</source>
        <translation>Nicht als steuerndes Gerät mit dem Herd verbunden: Rezepte können die Kochzonen nicht einstellen.</translation>
    </message>
    <message>
        <source>Cannot cook this on this stove: {0}</source>
        <translation>Auf diesem Herd nicht kochbar: {0}</translation>
    </message>
    <message>
        <source>It cannot be resumed: {0}. Discard it.</source>
        <translation>Es kann nicht fortgesetzt werden: {0}. Bitte verwerfen.</translation>
    </message>
    <message>
        <source>put the {0} on the zone</source>
        <translation>{0} auf die Kochzone stellen</translation>
    </message>
    <message>
        <source>zone {0}</source>
        <translation>Kochzone {0}</translation>
    </message>
    <message>
        <source>You changed {0} by hand: the recipe paused. Resume to let it set the zones again.</source>
        <translation>Sie haben {0} von Hand geändert: Das Rezept pausiert. „Fortsetzen“, damit es die Kochzonen wieder einstellt.</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Any time</source>
        <translation>Beliebig lang</translation>
    </message>
    <message>
        <source>≤ 15 min</source>
        <translation>≤ 15 min</translation>
    </message>
    <message>
        <source>≤ 30 min</source>
        <translation>≤ 30 min</translation>
    </message>
    <message>
        <source>≤ 1 h</source>
        <translation>≤ 1 h</translation>
    </message>
    <message>
        <source>Any cuisine or course</source>
        <translation>Jede Küche, jeder Gang</translation>
    </message>
    <message>
        <source>Cuisine</source>
        <translation>Küche</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Gang</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Search recipes</source>
        <translation>Rezepte suchen</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filters ({0} on)</source>
        <translation>Filter ({0} aktiv)</translation>
    </message>
    <message>
        <source>{0} of {1} recipes</source>
        <translation>{0} von {1} Rezepten</translation>
    </message>
    <message>
        <source>{0} recipes</source>
        <translation>{0} Rezepte</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Sammlung</translation>
    </message>
</context>
<context>
    <name>LinkBanner</name>
    <message>
        <source>LINK TO THE STOVE LOST{0}. The values shown are the last received at stove time {1}, not live.</source>
        <translation>VERBINDUNG ZUM HERD VERLOREN{0}. Die Werte sind die zuletzt empfangenen (Herdzeit {1}), nicht aktuell.</translation>
    </message>
    <message>
        <source>LINK TO THE STOVE LOST{0}. The values shown are not live.</source>
        <translation>VERBINDUNG ZUM HERD VERLOREN{0}. Die angezeigten Werte sind nicht aktuell.</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Neuer Versuch läuft…</translation>
    </message>
    <message>
        <source>Starting the built-in simulated stove…</source>
        <translation>Der eingebaute simulierte Herd startet…</translation>
    </message>
    <message>
        <source>Connecting to the stove at {0}…</source>
        <translation>Verbinde mit dem Herd unter {0}…</translation>
    </message>
    <message>
        <source>Disconnected from the stove{0}. The values shown are not live.</source>
        <translation>Vom Herd getrennt{0}. Die angezeigten Werte sind nicht aktuell.</translation>
    </message>
    <message>
        <source>Observer: this stove&apos;s bridge lets screens only switch off (it runs without --control). Controls are off; ALL OFF still works.</source>
        <translation>Beobachter: Die Brücke dieses Herds lässt Bildschirme nur ausschalten (sie läuft ohne --control). Die Bedienelemente sind gesperrt; ALLES AUS funktioniert trotzdem.</translation>
    </message>
    <message>
        <source>Observer session: another device controls this stove. Controls are off; ALL OFF still works.</source>
        <translation>Beobachter-Sitzung: Ein anderes Gerät steuert diesen Herd. Die Bedienelemente sind gesperrt; ALLES AUS funktioniert trotzdem.</translation>
    </message>
    <message>
        <source>Cannot find the stove: no computer on the network is called “{1}”. Check the stove&apos;s address.</source>
        <translation>Herd nicht gefunden: Im Netz heißt kein Gerät „{1}“. Bitte die Adresse des Herds prüfen.</translation>
    </message>
    <message>
        <source>The stove at {0} refused the connection: nothing answers on that port. Is the stove on, and is the port right?</source>
        <translation>Der Herd unter {0} hat die Verbindung abgelehnt: An diesem Port antwortet nichts. Ist der Herd an und der Port richtig?</translation>
    </message>
    <message>
        <source>Cannot reach the stove at {0}: the network has no way there.</source>
        <translation>Der Herd unter {0} ist nicht erreichbar: Das Netz findet keinen Weg dorthin.</translation>
    </message>
    <message>
        <source>The stove at {0} does not answer.</source>
        <translation>Der Herd unter {0} antwortet nicht.</translation>
    </message>
    <message>
        <source>The stove at {0} showed a certificate this screen does not trust, so it did not connect. Give it the stove&apos;s certificate (--ca-cert).</source>
        <translation>Der Herd unter {0} hat ein Zertifikat gezeigt, dem dieser Bildschirm nicht vertraut; deshalb wurde nicht verbunden. Bitte das Zertifikat des Herds angeben (--ca-cert).</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to the stove at {0} failed. Does the stove use ksps://?</source>
        <translation>Die sichere (TLS-)Verbindung zum Herd unter {0} ist fehlgeschlagen. Verwendet der Herd ksps://?</translation>
    </message>
    <message>
        <source>The stove at {0} refused this screen&apos;s token: it is wrong or missing (--token or --token-file).</source>
        <translation>Der Herd unter {0} hat das Token dieses Bildschirms abgelehnt: Es ist falsch oder fehlt (--token oder --token-file).</translation>
    </message>
    <message>
        <source>The stove at {0} does not speak KSP/1 as this screen expects.</source>
        <translation>Der Herd unter {0} spricht KSP/1 nicht so, wie dieser Bildschirm es erwartet.</translation>
    </message>
    <message>
        <source>The stove at {0} closed the connection.</source>
        <translation>Der Herd unter {0} hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <source>Cannot connect to the stove at {0} ({1}).</source>
        <translation>Keine Verbindung zum Herd unter {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hearth — kitchen stove</source>
        <translation>Hearth — Küchenherd</translation>
    </message>
    <message>
        <source>ALL OFF</source>
        <translation>ALLES AUS</translation>
    </message>
    <message>
        <source>Switch every zone off now (always allowed, {0})</source>
        <translation>Alle Kochzonen sofort ausschalten (immer erlaubt, {0})</translation>
    </message>
    <message>
        <source>All off</source>
        <translation>Alles aus</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
</context>
<context>
    <name>Multi</name>
    <message>
        <source>FAULT</source>
        <translation>STÖRUNG</translation>
    </message>
    <message>
        <source>LINK LOST</source>
        <translation>VERBINDUNG VERLOREN</translation>
    </message>
    <message>
        <source>Show the stove {0}</source>
        <translation>Herd {0} zeigen</translation>
    </message>
    <message>
        <source>ALL STOVES OFF</source>
        <translation>ALLE HERDE AUS</translation>
    </message>
    <message>
        <source>Switch every zone of every stove off now</source>
        <translation>Jetzt jede Kochzone jedes Herdes ausschalten</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>You now control the stove.</source>
        <translation>Sie steuern jetzt den Herd.</translation>
    </message>
    <message>
        <source>Another screen now controls the stove; you are watching. ALL OFF still works here.</source>
        <translation>Ein anderer Bildschirm steuert jetzt den Herd; Sie sehen zu. ALLES AUS funktioniert hier trotzdem.</translation>
    </message>
    <message>
        <source>No screen controls the stove at the moment.</source>
        <translation>Zurzeit steuert kein Bildschirm den Herd.</translation>
    </message>
    <message>
        <source>Another screen now controls the stove.</source>
        <translation>Ein anderer Bildschirm steuert jetzt den Herd.</translation>
    </message>
    <message>
        <source>Another screen ({0}) now controls the stove; you are watching. ALL OFF still works here.</source>
        <translation>Ein anderer Bildschirm ({0}) steuert jetzt den Herd; Sie sehen zu. ALLES AUS funktioniert hier trotzdem.</translation>
    </message>
    <message>
        <source>All zones switched off from another screen ({0}).</source>
        <translation>Alle Kochzonen wurden von einem anderen Bildschirm ({0}) ausgeschaltet.</translation>
    </message>
</context>
<context>
    <name>OwnWords</name>
    <message>
        <source>Done? {0}</source>
        <translation>Fertig? {0}</translation>
    </message>
    <message>
        <source>Start: {0}</source>
        <translation>Beginnen: {0}</translation>
    </message>
    <message>
        <source>in the app</source>
        <translation>im Programm</translation>
    </message>
    <message>
        <source>level {0} until {1}</source>
        <translation>Stufe {0} bis {1}</translation>
    </message>
    <message>
        <source>level {0}</source>
        <translation>Stufe {0}</translation>
    </message>
    <message>
        <source>boost until {0}</source>
        <translation>Boost bis {0}</translation>
    </message>
    <message>
        <source>boost</source>
        <translation>Boost</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Hearth {0}: a kitchen stove dashboard.
ALL OFF (or {1}) switches every zone off, always, without the PIN.
Licence: MIT.</source>
        <translation>Hearth {0}: eine Bedienoberfläche für den Küchenherd.
ALLES AUS (oder {1}) schaltet alle Kochzonen aus, immer und ohne PIN.
Lizenz: MIT.</translation>
    </message>
    <message>
        <source>Link: {0}</source>
        <translation>Verbindung: {0}</translation>
    </message>
    <message>
        <source>Last news: {0}</source>
        <translation>Letzte Meldung: {0}</translation>
    </message>
    <message>
        <source>No stove information yet.</source>
        <translation>Noch keine Angaben vom Herd.</translation>
    </message>
    <message>
        <source>simulated</source>
        <translation>simuliert</translation>
    </message>
    <message>
        <source>real</source>
        <translation>echt</translation>
    </message>
    <message>
        <source>Stove: {0} ({1}, {2})</source>
        <translation>Herd: {0} ({1}, {2})</translation>
    </message>
    <message>
        <source>Firmware: {0}</source>
        <translation>Firmware: {0}</translation>
    </message>
    <message>
        <source>Zones: {0}</source>
        <translation>Kochzonen: {0}</translation>
    </message>
    <message>
        <source>Telemetry: {0:g} a second; heartbeat timeout {1:g} s</source>
        <translation>Messwerte: {0:g} pro Sekunde; Lebenszeichen-Zeitlimit {1:g} s</translation>
    </message>
    <message>
        <source>If the link is lost: {0}</source>
        <translation>Bei Verbindungsverlust: {0}</translation>
    </message>
    <message>
        <source>every zone switches off</source>
        <translation>alle Kochzonen gehen aus</translation>
    </message>
    <message>
        <source>zones keep going (safety timers still apply)</source>
        <translation>die Kochzonen laufen weiter (Sicherheitsabschaltungen gelten weiter)</translation>
    </message>
    <message>
        <source>Remote start: {0}</source>
        <translation>Fernstart: {0}</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>nicht erlaubt</translation>
    </message>
</context>
<context>
    <name>PinGate</name>
    <message>
        <source>A PIN has at least {0} digits.</source>
        <translation>Eine PIN hat mindestens {0} Ziffern.</translation>
    </message>
    <message>
        <source>A PIN has at most {0} digits.</source>
        <translation>Eine PIN hat höchstens {0} Ziffern.</translation>
    </message>
    <message>
        <source>A PIN is made of digits only.</source>
        <translation>Eine PIN besteht nur aus Ziffern.</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose a PIN again.</source>
        <translation>Die beiden PINs stimmen nicht überein. Bitte erneut eine PIN wählen.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {0} min {1:02d} s.</source>
        <translation>Zu viele falsche PINs. Erneut versuchen in {0} min {1:02d} s.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {0} s.</source>
        <translation>Zu viele falsche PINs. Erneut versuchen in {0} s.</translation>
    </message>
    <message>
        <source>PIN for: {0}</source>
        <translation>PIN für: {0}</translation>
    </message>
    <message>
        <source>Wrong PIN. {0} more tries before a wait.</source>
        <translation>Falsche PIN. Noch {0} Versuche, dann folgt eine Wartezeit.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>{0} to {1} digits. It guards settings and quitting; cooking and ALL OFF never need it.</source>
        <translation>{0} bis {1} Ziffern. Sie schützt Einstellungen und Beenden; Kochen und ALLES AUS brauchen sie nie.</translation>
    </message>
    <message>
        <source>The stored PIN could not be read ({0}). Choose a new one.</source>
        <translation>Die gespeicherte PIN ist nicht lesbar ({0}). Bitte eine neue wählen.</translation>
    </message>
    <message>
        <source>Choose a PIN</source>
        <translation>PIN wählen</translation>
    </message>
    <message>
        <source>Type the new PIN again</source>
        <translation>Neue PIN noch einmal eingeben</translation>
    </message>
</context>
<context>
    <name>ProvenanceNote</name>
    <message>
        <source>From the community archive: shared by {0} from {1} on {2}, licence {3}; imported from {4}.</source>
        <translation>Aus dem Gemeinschaftsarchiv: geteilt von {0} aus {1} am {2}, Lizenz {3}; importiert von {4}.</translation>
    </message>
</context>
<context>
    <name>RecipeArea</name>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>No recipe running.
Recipe steps will appear here; the manual controls above always work.</source>
        <translation>Kein Rezept läuft.
Rezeptschritte erscheinen hier; die manuelle Steuerung oben funktioniert immer.</translation>
    </message>
    <message>
        <source>Manual control</source>
        <translation>Manuelle Steuerung</translation>
    </message>
</context>
<context>
    <name>RecipeView</name>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation>{0} h {1:02d} min</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>Choose a recipe</source>
        <translation>Rezept auswählen</translation>
    </message>
    <message>
        <source>Fewer servings</source>
        <translation>Weniger Portionen</translation>
    </message>
    <message>
        <source>More servings</source>
        <translation>Mehr Portionen</translation>
    </message>
    <message>
        <source>Start cooking</source>
        <translation>Kochen beginnen</translation>
    </message>
    <message>
        <source>Ingredients</source>
        <translation>Zutaten</translation>
    </message>
    <message>
        <source>Pots on the stove</source>
        <translation>Töpfe auf dem Herd</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>The story</source>
        <translation>Die Geschichte</translation>
    </message>
    <message>
        <source>Pick one from the list: it shows here, for as many people as you cook for.</source>
        <translation>Eines aus der Liste wählen: Es erscheint hier, für so viele Personen, wie Sie bekochen.</translation>
    </message>
    <message>
        <source>{0} in all</source>
        <translation>{0} insgesamt</translation>
    </message>
    <message>
        <source>{0} at the stove</source>
        <translation>{0} am Herd</translation>
    </message>
    <message>
        <source>• {0} — {1} zone</source>
        <translation>• {0} — Kochzone {1}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Source: {0}    Licence: {1}</source>
        <translation>Quelle: {0}    Lizenz: {1}</translation>
    </message>
</context>
<context>
    <name>RecipeWords</name>
    <message numerus="yes">
        <source>%n serving(s)</source>
        <translation>
            <numerusform>%n Portion</numerusform>
            <numerusform>%n Portionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreenDimmer</name>
    <message>
        <source>Touch the screen to wake it</source>
        <translation>Bildschirm berühren, um ihn zu wecken</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Change the PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <source>About Hearth</source>
        <translation>Über Hearth</translation>
    </message>
    <message>
        <source>Quit Hearth</source>
        <translation>Hearth beenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Temperatures in</source>
        <translation>Temperaturen in</translation>
    </message>
    <message>
        <source>Dim the screen after (never while cooking)</source>
        <translation>Bildschirm abdunkeln nach (nie während des Kochens)</translation>
    </message>
    <message>
        <source>Voice: steps read aloud, spoken commands</source>
        <translation>Sprache: Schritte vorlesen, Sprachbefehle</translation>
    </message>
    <message>
        <source>Wake phrase: “hey hearth” (listens all the time)</source>
        <translation>Weckwort: „hey hearth“ (hört ständig zu)</translation>
    </message>
    <message>
        <source>Switch voice on first.</source>
        <translation>Zuerst Sprache einschalten.</translation>
    </message>
</context>
<context>
    <name>StoveModel</name>
    <message>
        <source>{0}: could not {1} — {2}</source>
        <translation>{0}: „{1}“ nicht möglich — {2}</translation>
    </message>
    <message>
        <source>switch off</source>
        <translation>ausschalten</translation>
    </message>
    <message>
        <source>set level {0}</source>
        <translation>Stufe {0} einstellen</translation>
    </message>
    <message>
        <source>boost</source>
        <translation>Boost einschalten</translation>
    </message>
    <message>
        <source>end boost</source>
        <translation>Boost beenden</translation>
    </message>
    <message>
        <source>hold {0}</source>
        <translation>{0} halten</translation>
    </message>
    <message>
        <source>cancel the timer</source>
        <translation>Timer löschen</translation>
    </message>
    <message>
        <source>set a {0} timer</source>
        <translation>Timer auf {0} stellen</translation>
    </message>
    <message>
        <source>switch every zone off</source>
        <translation>alle Kochzonen ausschalten</translation>
    </message>
</context>
<context>
    <name>StoveProfiles</name>
    <message>
        <source>Simulated hybrid hob (2 induction, 1 radiant, 1 gas)</source>
        <translation>Simuliertes Hybrid-Kochfeld (2 Induktion, 1 Strahlung, 1 Gas)</translation>
    </message>
    <message>
        <source>Simulated induction hob (4 zones)</source>
        <translation>Simuliertes Induktionskochfeld (4 Zonen)</translation>
    </message>
    <message>
        <source>Simulated 6-zone range (4 induction, 1 radiant, 1 gas wok)</source>
        <translation>Simulierter Herd mit 6 Zonen (4 Induktion, 1 Strahlung, 1 Gas-Wok)</translation>
    </message>
    <message>
        <source>Simulated {0}-zone hob</source>
        <translation>Simuliertes Kochfeld mit {0} Zonen</translation>
    </message>
</context>
<context>
    <name>StoveStatusBar</name>
    <message>
        <source>stove</source>
        <translation>Herd</translation>
    </message>
    <message>
        <source>Stove time {0}</source>
        <translation>Herdzeit {0}</translation>
    </message>
    <message>
        <source>Total {0}</source>
        <translation>Gesamt {0}</translation>
    </message>
    <message>
        <source>Child lock ON</source>
        <translation>Kindersicherung AN</translation>
    </message>
</context>
<context>
    <name>TemperaturePlot</name>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Live ▶</source>
        <translation>Live ▶</translation>
    </message>
    <message>
        <source>Follow the present again</source>
        <translation>Wieder der Gegenwart folgen</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>Induction</source>
        <translation>Induktion</translation>
    </message>
    <message>
        <source>Radiant</source>
        <translation>Strahlung</translation>
    </message>
    <message>
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Manual level</source>
        <translation>Manuelle Stufe</translation>
    </message>
    <message>
        <source>Holding temperature</source>
        <translation>Hält Temperatur</translation>
    </message>
    <message>
        <source>Temperature sensor disconnected</source>
        <translation>Temperaturfühler nicht angeschlossen</translation>
    </message>
    <message>
        <source>Temperature sensor stuck</source>
        <translation>Temperaturfühler hängt</translation>
    </message>
    <message>
        <source>Heater not heating</source>
        <translation>Heizelement heizt nicht</translation>
    </message>
    <message>
        <source>Overheated: switched off</source>
        <translation>Überhitzt: ausgeschaltet</translation>
    </message>
    <message>
        <source>Fault: {0}</source>
        <translation>Störung: {0}</translation>
    </message>
    <message>
        <source>stove</source>
        <translation>Herd</translation>
    </message>
    <message>
        <source>zone {0}</source>
        <translation>Kochzone {0}</translation>
    </message>
    <message>
        <source>no connection to the stove ({0})</source>
        <translation>keine Verbindung zum Herd ({0})</translation>
    </message>
    <message>
        <source>no connection to the stove</source>
        <translation>keine Verbindung zum Herd</translation>
    </message>
    <message>
        <source>the stove did not answer in time</source>
        <translation>der Herd hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>online</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>LINK LOST</source>
        <translation>VERBINDUNG VERLOREN</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>controller</source>
        <translation>Steuerung</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>Beobachter</translation>
    </message>
</context>
<context>
    <name>TraditionalPanel</name>
    <message>
        <source>Manual control</source>
        <translation>Manuelle Steuerung</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Switch this zone off (always allowed)</source>
        <translation>Diese Kochzone ausschalten (immer erlaubt)</translation>
    </message>
    <message>
        <source>Boost: full power for up to 10 minutes</source>
        <translation>Boost: volle Leistung für bis zu 10 Minuten</translation>
    </message>
    <message>
        <source>Type the temperature on the keypad</source>
        <translation>Temperatur auf dem Ziffernfeld eingeben</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Hold this temperature (closed loop on the stove)</source>
        <translation>Diese Temperatur halten (vom Herd geregelt)</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Switch this zone off after a time</source>
        <translation>Diese Kochzone nach einer Zeit ausschalten</translation>
    </message>
    <message>
        <source>Power level</source>
        <translation>Leistungsstufe</translation>
    </message>
    <message>
        <source>Hold a temperature</source>
        <translation>Temperatur halten</translation>
    </message>
    <message>
        <source>Type a temperature from {0} to {1} {2}.</source>
        <translation>Eine Temperatur von {0} bis {1} {2} eingeben.</translation>
    </message>
    <message>
        <source>{0} {1} is outside this zone&apos;s range, {2} to {3} {1}.</source>
        <translation>{0} {1} liegt außerhalb des Bereichs dieser Kochzone, {2} bis {3} {1}.</translation>
    </message>
    <message>
        <source>{0}: hold a temperature</source>
        <translation>{0}: Temperatur halten</translation>
    </message>
    <message>
        <source>{0} to {1} {2}. OK sets the value; Hold heats.</source>
        <translation>{0} bis {1} {2}. OK setzt den Wert; Halten heizt.</translation>
    </message>
    <message>
        <source>Seconds go from 00 to 59.</source>
        <translation>Sekunden gehen von 00 bis 59.</translation>
    </message>
    <message>
        <source>{0} is off: switch it on first; the timer then switches it off.</source>
        <translation>{0} ist aus: zuerst einschalten; der Timer schaltet sie dann aus.</translation>
    </message>
    <message>
        <source>{0}: switch off after</source>
        <translation>{0}: ausschalten nach</translation>
    </message>
    <message>
        <source>Minutes and seconds, e.g. 1 3 0 for 1:30. 0:00 cancels the timer.</source>
        <translation>Minuten und Sekunden, z. B. 1 3 0 für 1:30. 0:00 löscht den Timer.</translation>
    </message>
    <message>
        <source>Hold {0}</source>
        <translation>{0} halten</translation>
    </message>
    <message>
        <source>Timer {0}</source>
        <translation>Timer {0}</translation>
    </message>
    <message>
        <source>The zone is off: switch it on, then set a timer</source>
        <translation>Die Zone ist aus: erst einschalten, dann einen Timer stellen</translation>
    </message>
    <message>
        <source>Observer: the stove&apos;s bridge lets screens only switch off. Only Off and ALL OFF work here.</source>
        <translation>Beobachter: Die Brücke des Herds lässt Bildschirme nur ausschalten. Hier funktionieren nur Aus und ALLES AUS.</translation>
    </message>
    <message>
        <source>Observer session: another device controls this stove. Only Off and ALL OFF work here.</source>
        <translation>Beobachter-Sitzung: Ein anderes Gerät steuert diesen Herd. Hier funktionieren nur Aus und ALLES AUS.</translation>
    </message>
    <message>
        <source>Link to the stove lost: controls are paused until it is back. Off and ALL OFF still try.</source>
        <translation>Verbindung zum Herd verloren: Die Bedienung ruht, bis sie zurück ist. Aus und ALLES AUS versuchen es trotzdem.</translation>
    </message>
    <message>
        <source>Connecting to the stove…</source>
        <translation>Verbinde mit dem Herd…</translation>
    </message>
    <message>
        <source>Not connected to the stove.</source>
        <translation>Nicht mit dem Herd verbunden.</translation>
    </message>
</context>
<context>
    <name>Voice</name>
    <message>
        <source>Timer {0}</source>
        <translation>Küchenwecker {0}</translation>
    </message>
    <message>
        <source>Heard “{0}”: {1}</source>
        <translation>Gehört „{0}“: {1}</translation>
    </message>
    <message>
        <source>&amp;Voice: read steps aloud, listen for commands</source>
        <translation>&amp;Sprache: Schritte vorlesen, auf Befehle hören</translation>
    </message>
    <message>
        <source>no sound server (PulseAudio or PipeWire) is running</source>
        <translation>kein Soundserver (PulseAudio oder PipeWire) läuft</translation>
    </message>
    <message>
        <source>QtMultimedia is not available ({0})</source>
        <translation>QtMultimedia ist nicht verfügbar ({0})</translation>
    </message>
    <message>
        <source>no microphone was found</source>
        <translation>kein Mikrofon gefunden</translation>
    </message>
    <message>
        <source>voice commands are not installed (no recognizer)</source>
        <translation>Sprachbefehle sind nicht installiert (keine Erkennung)</translation>
    </message>
    <message>
        <source>Voice commands failed: {0}</source>
        <translation>Sprachbefehle fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>No mic</source>
        <translation>Kein Mikro</translation>
    </message>
    <message>
        <source>No voice</source>
        <translation>Keine Sprache</translation>
    </message>
    <message>
        <source>Voice commands cannot be used: {0}</source>
        <translation>Sprachbefehle gehen nicht: {0}</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Sprechen</translation>
    </message>
    <message>
        <source>Listening…</source>
        <translation>Ich höre…</translation>
    </message>
    <message>
        <source>Hold and speak a command (“next”, “zone 2 level 5”, “all off”)</source>
        <translation>Halten und einen Befehl sagen (englisch: „next“, „zone 2 level 5“, „all off“)</translation>
    </message>
    <message>
        <source>Wake phrase: “hey hearth”</source>
        <translation>Weckwort: „hey hearth“</translation>
    </message>
    <message>
        <source>Wake phrase: “hey hearth” ({0})</source>
        <translation>Weckwort: „hey hearth“ ({0})</translation>
    </message>
    <message>
        <source>Listen all the time; act only on a command after “hey hearth”</source>
        <translation>Ständig zuhören; nur Befehle nach „hey hearth“ ausführen</translation>
    </message>
    <message>
        <source>the recognizer cannot hear the wake phrase (it has no hear_wake)</source>
        <translation>die Erkennung kann das Weckwort nicht hören (ihr fehlt hear_wake)</translation>
    </message>
    <message>
        <source>Wake phrase off: {0}</source>
        <translation>Weckwort aus: {0}</translation>
    </message>
    <message>
        <source>Say a command…</source>
        <translation>Befehl sagen…</translation>
    </message>
    <message>
        <source>Say “hey hearth”</source>
        <translation>„hey hearth“ sagen</translation>
    </message>
</context>
<context>
    <name>ZoneCard</name>
    <message>
        <source>Power level: 0-9, P = boost</source>
        <translation>Leistungsstufe: 0–9, P = Boost</translation>
    </message>
    <message>
        <source>Residual heat: the zone is off but still hot</source>
        <translation>Restwärme: Die Kochzone ist aus, aber noch heiß</translation>
    </message>
    <message>
        <source>Target {0}</source>
        <translation>Ziel {0}</translation>
    </message>
    <message>
        <source>Boost</source>
        <translation>Boost</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Topf</translation>
    </message>
    <message>
        <source>No pan</source>
        <translation>Kein Topf</translation>
    </message>
    <message>
        <source>Timer {0}</source>
        <translation>Timer {0}</translation>
    </message>
    <message>
        <source>NOT LIVE</source>
        <translation>NICHT AKTUELL</translation>
    </message>
    <message>
        <source>Power {0}</source>
        <translation>Leistung {0}</translation>
    </message>
</context>
</TS>
