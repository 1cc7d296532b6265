<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdjustmentWidget</name>
    <message>
        <location filename="../ui/adjustmentwidget.ui" line="+11"/>
        <source>&amp;Product:</source>
        <translation>&amp;Artikel:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Reason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Quantity:</source>
        <translation>&amp;Menge:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Stock after:</source>
        <translation>Bestand danach:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What happened, e.g. bottle dropped in aisle 2</source>
        <translation>Was ist passiert, z. B. Flasche in Gang 2 heruntergefallen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Adjust Stock</source>
        <translation>Korrektur &amp;speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Book the change in the stock ledger</source>
        <translation>Die Änderung im Bestandsjournal buchen</translation>
    </message>
    <message>
        <location filename="../ui/adjustmentwidget.cpp" line="+34"/>
        <source>Take away</source>
        <comment>lower the stock by</comment>
        <translation>Abziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <comment>raise the stock by</comment>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 (%L2 × %3)</source>
        <comment>unit (base units in it × base unit)</comment>
        <translation>%1 (%L2 × %3)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Scan or choose the product whose stock is wrong.</source>
        <translation>Scannen oder wählen Sie den Artikel, dessen Bestand nicht stimmt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2), in stock: %3</source>
        <translation>%1 (%2), Bestand: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>The quantity is too large.</source>
        <translation>Die Menge ist zu groß.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Booked as &quot;%1&quot;. The stock is now %2.</source>
        <translation>Als „%1“ gebucht. Der Bestand beträgt jetzt %2.</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <location filename="../ui/amountdialog.ui" line="+32"/>
        <source>&amp;Amount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <location filename="../ui/amountdialog.cpp" line="+19"/>
        <source>&amp;Amount (%1)</source>
        <comment>amount (currency symbol)</comment>
        <translation>&amp;Betrag (%1)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&quot;%1&quot; is not an amount. Type it like %2.</source>
        <translation>„%1“ ist kein Betrag. Geben Sie ihn wie %2 ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The amount cannot be negative.</source>
        <translation>Der Betrag darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount must be more than 0.</source>
        <translation>Der Betrag muss größer als 0 sein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please say why.</source>
        <translation>Bitte geben Sie einen Grund an.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../ui/approvaldialog.ui" line="+14"/>
        <source>Manager&apos;s approval</source>
        <translation>Freigabe durch die Marktleitung</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A manager confirms with their own user name and PIN. The approval is for this one action only.</source>
        <translation>Die Marktleitung bestätigt mit dem eigenen Benutzernamen und der eigenen PIN. Die Freigabe gilt nur für diesen einen Vorgang.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Manager&apos;s user name</source>
        <translation>&amp;Benutzername der Marktleitung</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Manager&apos;s &amp;PIN</source>
        <translation>&amp;PIN der Marktleitung</translation>
    </message>
    <message>
        <location filename="../ui/approvaldialog.cpp" line="+27"/>
        <source>%1 asks for a manager&apos;s approval:</source>
        <translation>%1 bittet die Marktleitung um Freigabe:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Please enter the manager&apos;s user name.</source>
        <translation>Bitte geben Sie den Benutzernamen der Marktleitung ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please enter the manager&apos;s PIN.</source>
        <translation>Bitte geben Sie die PIN der Marktleitung ein.</translation>
    </message>
</context>
<context>
    <name>ApprovalRequest</name>
    <message>
        <location filename="../models/domain/approvalrequest.cpp" line="+22"/>
        <source>%1: %2</source>
        <comment>what is approved: why a manager is needed</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cashiers may not void items</source>
        <translation>Kassierer/innen dürfen keine Artikel stornieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cashiers may not clear a sale</source>
        <translation>Kassierer/innen dürfen keinen Verkauf abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cashiers may not give a discount this large</source>
        <translation>Kassierer/innen dürfen keinen so hohen Rabatt gewähren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cashiers may not change prices</source>
        <translation>Kassierer/innen dürfen keine Preise ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cashiers may not give refunds</source>
        <translation>Kassierer/innen dürfen keine Erstattungen durchführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cashiers may not open the drawer without a sale</source>
        <translation>Kassierer/innen dürfen die Kassenlade nicht ohne Verkauf öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cashiers may not put cash in or take it out</source>
        <translation>Kassierer/innen dürfen kein Bargeld einlegen oder entnehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only a manager closes a shift</source>
        <translation>nur die Marktleitung schließt eine Schicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only a manager changes settings</source>
        <translation>nur die Marktleitung ändert Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this needs a %1</source>
        <comment>a role: &apos;this needs a Manager&apos;</comment>
        <translation>dafür ist die Rolle „%1“ nötig</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (%2)</source>
        <comment>discount: percent (amount)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Discount %1 on %2</source>
        <comment>Discount 50 % (5.20 €) on Cola</comment>
        <translation>Rabatt %1 auf %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>above the cashier limit of %1</source>
        <translation>über dem Kassiererlimit von %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Price %1 for %2 (catalogue %3)</source>
        <translation>Preis %1 für %2 (laut Artikelstamm %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Void %1 × %2 (%3)</source>
        <translation>%1 × %2 stornieren (%3)</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Clear the sale of %n item(s) (%1)</source>
        <translation>
            <numerusform>Verkauf mit %n Artikel abbrechen (%1)</numerusform>
            <numerusform>Verkauf mit %n Artikeln abbrechen (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Put %1 into the drawer (%2)</source>
        <translation>%1 in die Kassenlade einlegen (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Take %1 out of the drawer (%2)</source>
        <translation>%1 aus der Kassenlade entnehmen (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the drawer without a sale (%1)</source>
        <translation>Kassenlade ohne Verkauf öffnen (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close the shift with %1 counted in the drawer</source>
        <translation>Schicht schließen, in der Kassenlade gezählt: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refund %1 of bill %2</source>
        <translation>%1 zu Bon %2 erstatten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change this till&apos;s receipt printer</source>
        <translation>Belegdrucker dieser Kasse ändern</translation>
    </message>
</context>
<context>
    <name>AreaInfo</name>
    <message>
        <location filename="../ui/area.cpp" line="+12"/>
        <source>Checkout</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan or find products, take payment and hand over the receipt.</source>
        <translation>Artikel scannen oder suchen, kassieren und den Beleg aushändigen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a bill by its number and take back some or all of its items.</source>
        <translation>Einen Bon über seine Nummer finden und einzelne oder alle Artikel zurücknehmen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Products</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look up products with their packs, barcodes, prices and taxes.</source>
        <translation>Artikel mit ihren Gebinden, Barcodes, Preisen und Steuersätzen nachschlagen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stock</source>
        <translation>Lagerbestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See what is on the shelves, book deliveries and correct counts.</source>
        <translation>Sehen, was in den Regalen steht, Lieferungen buchen und Bestände korrigieren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales, taxes, refunds and cash for a shift, a day or any period.</source>
        <translation>Umsätze, Steuern, Erstattungen und Bargeld für eine Schicht, einen Tag oder einen beliebigen Zeitraum.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add cashiers and managers, reset PINs and unlock users.</source>
        <translation>Kassierer/innen und Marktleitung anlegen, PINs zurücksetzen und Benutzer entsperren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The store&apos;s name, currency, taxes and receipts, and this till&apos;s lane.</source>
        <translation>Name, Währung, Steuern und Belege des Geschäfts sowie die Kassennummer dieser Kasse.</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../models/services/auditactions.cpp" line="+14"/>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User locked</source>
        <translation>Benutzer gesperrt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval given</source>
        <translation>Freigabe erteilt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval refused</source>
        <translation>Freigabe verweigert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User created</source>
        <translation>Benutzer angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User changed</source>
        <translation>Benutzer geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User reactivated</source>
        <translation>Benutzer reaktiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User deactivated</source>
        <translation>Benutzer deaktiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN reset</source>
        <translation>PIN zurückgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings changed</source>
        <translation>Einstellungen geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store set up</source>
        <translation>Geschäft eingerichtet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo store filled</source>
        <translation>Demo-Geschäft befüllt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product created</source>
        <translation>Artikel angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product changed</source>
        <translation>Artikel geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product archived</source>
        <translation>Artikel archiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product deleted</source>
        <translation>Artikel gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product reactivated</source>
        <translation>Artikel reaktiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category saved</source>
        <translation>Warengruppe gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category removed</source>
        <translation>Warengruppe entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax rate saved</source>
        <translation>Steuersatz gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax rate removed</source>
        <translation>Steuersatz entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prices changed</source>
        <translation>Preise geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue imported</source>
        <translation>Artikelstamm importiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goods received</source>
        <translation>Wareneingang gebucht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stocktake</source>
        <translation>Inventur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock adjusted</source>
        <translation>Bestand korrigiert</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../models/items/auditlogmodel.cpp" line="+77"/>
        <source>Time</source>
        <comment>when the audited action happened</comment>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <comment>who did the audited action</comment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved by</source>
        <comment>the manager who approved the action</comment>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lane</source>
        <comment>the till where it happened</comment>
        <translation>Kasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <comment>what was done</comment>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditLogWidget</name>
    <message>
        <location filename="../ui/auditlogwidget.ui" line="+19"/>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Action:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only entries on or after this day</source>
        <translation>Nur Einträge ab diesem Tag</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;To</source>
        <translation>B&amp;is</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only entries on or before this day</source>
        <translation>Nur Einträge bis einschließlich diesem Tag</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A&amp;pply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the entries that match, newest first</source>
        <translation>Passende Einträge anzeigen, neueste zuerst</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Try &amp;again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/auditlogwidget.cpp" line="+67"/>
        <source>Everybody</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <comment>user&apos;s name (user name)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The first day comes after the last day. Please swap them.</source>
        <translation>Der erste Tag liegt nach dem letzten Tag. Bitte tauschen Sie die beiden.</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n entries shown; scroll down for older ones.</source>
        <translation>
            <numerusform>%n Eintrag angezeigt; für ältere nach unten scrollen.</numerusform>
            <numerusform>%n Einträge angezeigt; für ältere nach unten scrollen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entries.</source>
        <translation>
            <numerusform>%n Eintrag.</numerusform>
            <numerusform>%n Einträge.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditService</name>
    <message>
        <location filename="../models/services/auditservice.cpp" line="+23"/>
        <location line="+12"/>
        <source>The audit log cannot be read right now.</source>
        <translation>Das Protokoll kann gerade nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message>
        <location filename="../models/services/authservice.cpp" line="+122"/>
        <source>A PIN has 4 to 8 digits; an administrator may instead use a passphrase of at least 8 characters.</source>
        <translation>Eine PIN hat 4 bis 8 Ziffern; Administrator/innen können stattdessen ein Kennwort mit mindestens 8 Zeichen verwenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>Eine PIN hat 4 bis 8 Ziffern.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The user name or PIN is not right. Please try again.</source>
        <translation>Benutzername oder PIN ist falsch. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many wrong PINs. This user is locked until %1; a manager can help.</source>
        <translation>Zu viele falsche PINs. Dieser Benutzer ist bis %1 gesperrt; die Marktleitung kann helfen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This user has been deactivated. Please ask a manager.</source>
        <translation>Dieser Benutzer wurde deaktiviert. Bitte wenden Sie sich an die Marktleitung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database cannot be reached, so nobody can sign in right now.</source>
        <translation>Die Datenbank ist nicht erreichbar, daher kann sich gerade niemand anmelden.</translation>
    </message>
</context>
<context>
    <name>Authorizer</name>
    <message>
        <location filename="../models/services/authorizer.cpp" line="+46"/>
        <location line="+33"/>
        <source>Nobody is signed in at this till.</source>
        <translation>An dieser Kasse ist niemand angemeldet.</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+34"/>
        <source>The till is locked. Please sign in again to continue.</source>
        <translation>Die Kasse ist gesperrt. Bitte melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>%1 needs a manager&apos;s approval.</source>
        <translation>„%1“ erfordert eine Freigabe durch die Marktleitung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This approval has already been used. Please ask a manager again.</source>
        <translation>Diese Freigabe wurde bereits verwendet. Bitte fragen Sie die Marktleitung erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The approval was given for &quot;%1&quot;, not for &quot;%2&quot;.</source>
        <translation>Die Freigabe wurde für „%1“ erteilt, nicht für „%2“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The approval was given to somebody else.</source>
        <translation>Die Freigabe wurde jemand anderem erteilt.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 may not approve &quot;%2&quot;; a manager has to.</source>
        <translation>%1 darf „%2“ nicht freigeben; das muss die Marktleitung tun.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The approval could not be recorded, so it was not given.</source>
        <translation>Die Freigabe konnte nicht gespeichert werden und wurde daher nicht erteilt.</translation>
    </message>
</context>
<context>
    <name>BaseUnits</name>
    <message>
        <location filename="../models/domain/product.cpp" line="+45"/>
        <source>Piece</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gram</source>
        <translation>Gramm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Millilitre</source>
        <translation>Milliliter</translation>
    </message>
</context>
<context>
    <name>BillHistoryModel</name>
    <message>
        <location filename="../models/items/billhistorymodel.cpp" line="+67"/>
        <source>Bill %1 was refunded in full.</source>
        <translation>Bon %1 wurde vollständig erstattet.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Bill</source>
        <comment>column: the bill&apos;s lane and number</comment>
        <translation>Bon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <comment>column: when the bill was sold</comment>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <comment>column: who sold the bill</comment>
        <translation>Kassierer/in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lines</source>
        <comment>column: number of lines on the bill</comment>
        <translation>Positionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <comment>column: what the bill came to</comment>
        <translation>Summe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <comment>column: amount refunded of the bill so far</comment>
        <translation>Erstattet</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <location filename="../models/items/cartmodel.cpp" line="+39"/>
        <source>−%1 (%2)</source>
        <comment>line discount: amount (percentage)</comment>
        <translation>−%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>−%1</source>
        <comment>line discount: amount</comment>
        <translation>−%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1
SKU %2</source>
        <comment>cart line tooltip: product name, SKU</comment>
        <translation>%1
Art.-Nr. %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1: %n base units each</source>
        <comment>cart unit tooltip</comment>
        <translation>
            <numerusform>%1: je %n Basiseinheit</numerusform>
            <numerusform>%1: je %n Basiseinheiten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Price overridden; the catalogue says %1</source>
        <translation>Preis überschrieben; laut Artikelstamm %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <comment>the unit a line is sold in: piece, box of 12</comment>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qty</source>
        <comment>quantity column, short</comment>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <comment>price of one unit</comment>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <comment>line total</comment>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>CashCountModel</name>
    <message>
        <location filename="../models/items/cashcountmodel.cpp" line="+32"/>
        <source>%1 note</source>
        <translation>Schein %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 coin</source>
        <translation>Münze %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Note or coin</source>
        <translation>Schein oder Münze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>CatalogueCsv</name>
    <message>
        <location filename="../models/services/cataloguecsv.cpp" line="+451"/>
        <source>The catalogue could not be read or written. Nothing was changed.</source>
        <translation>Der Artikelstamm konnte nicht gelesen oder geschrieben werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody is signed in at this till.</source>
        <translation>An dieser Kasse ist niemand angemeldet.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Standard rate</source>
        <translation>Normalsatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sparkling water 0.5 l</source>
        <comment>example product in the CSV template</comment>
        <translation>Sprudelwasser 0,5 l</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apples</source>
        <comment>example product in the CSV template</comment>
        <translation>Äpfel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bottle</source>
        <comment>example unit in the CSV template</comment>
        <translation>Flasche</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Crate of 12</source>
        <comment>example unit in the CSV template</comment>
        <translation>Kiste mit 12</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 kg bag</source>
        <comment>example unit in the CSV template</comment>
        <translation>Beutel 1 kg</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 needs a manager.</source>
        <translation>„%1“ ist der Marktleitung vorbehalten.</translation>
    </message>
    <message>
        <location line="-472"/>
        <source>The file is not UTF-8 text. Save it from the spreadsheet as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>Die Datei ist kein UTF-8-Text. Speichern Sie sie in der Tabellenkalkulation als „CSV UTF-8“ und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line %1 cannot be read as CSV: %2.</source>
        <translation>Zeile %1 kann nicht als CSV gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The first line must name the columns; missing: %1.</source>
        <translation>Die erste Zeile muss die Spalten benennen; es fehlt: %1.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Line %1 does not have as many fields as the first line has columns: %2 instead of %3. A value with a comma needs quotes around it.</source>
        <translation>Zeile %1 hat nicht so viele Felder, wie die erste Zeile Spalten hat: %2 statt %3. Ein Wert mit Komma muss in Anführungszeichen stehen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is missing.</source>
        <translation>%1 fehlt.</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>&quot;%1&quot; is not a whole number of at least %2.</source>
        <translation>„%1“ ist keine ganze Zahl von mindestens %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; is not an amount like 2.49 with at most two decimals.</source>
        <translation>„%1“ ist kein Betrag wie 2.49 mit höchstens zwei Nachkommastellen.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The barcode %1 has a wrong check digit or characters a scanner cannot type.</source>
        <translation>Der Barcode %1 hat eine falsche Prüfziffer oder Zeichen, die ein Scanner nicht eingeben kann.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The barcode %1 is also on line %2.</source>
        <translation>Der Barcode %1 steht auch in Zeile %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The unit &quot;%1&quot; of %2 appears twice.</source>
        <translation>Die Einheit „%1“ von %2 kommt doppelt vor.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>There is no category called &quot;%1&quot;.</source>
        <translation>Es gibt keine Warengruppe namens „%1“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no tax rate called &quot;%1&quot;.</source>
        <translation>Es gibt keinen Steuersatz namens „%1“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The base unit is piece, gram or millilitre, not &quot;%1&quot;.</source>
        <translation>Die Basiseinheit ist Stück, Gramm oder Milliliter, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is 1, 0, yes, no, true or false, not &quot;%2&quot;.</source>
        <translation>%1 ist 1, 0, yes, no, true oder false, nicht „%2“.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The rows of %1 disagree about its name, category, tax rate or base unit; line %2 says otherwise.</source>
        <translation>Die Zeilen von %1 widersprechen sich bei Name, Warengruppe, Steuersatz oder Basiseinheit; Zeile %2 weicht ab.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The barcode %1 already belongs to %2.</source>
        <translation>Der Barcode %1 gehört bereits zu %2.</translation>
    </message>
    <message>
        <location line="+194"/>
        <source>The file has errors; fix them and read it again. Nothing was imported.</source>
        <translation>Die Datei enthält Fehler; beheben Sie sie und lesen Sie die Datei erneut ein. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+36"/>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>Der Import wurde abgebrochen. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Another lane changed the catalogue while importing; read the file again. Nothing was imported.</source>
        <translation>Eine andere Kasse hat den Artikelstamm während des Imports geändert; lesen Sie die Datei erneut ein. Es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>CatalogueFiles</name>
    <message>
        <location filename="../ui/cataloguefiles.cpp" line="+53"/>
        <source>catalogue-%1.csv</source>
        <comment>file name; %1 is the date</comment>
        <translation>artikelstamm-%1.csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <location line="+12"/>
        <location line="+15"/>
        <source>Export Catalogue</source>
        <translation>Artikelstamm exportieren</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Till may not write to the folder %1. Choose another folder, such as your Documents folder.</source>
        <translation>Till darf nicht in den Ordner %1 schreiben. Wählen Sie einen anderen Ordner, zum Beispiel Ihren Dokumente-Ordner.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Exporting the catalogue…</source>
        <translation>Artikelstamm wird exportiert…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The catalogue could not be saved as %1. Check that the disk is not full and that you may write there.</source>
        <translation>Der Artikelstamm konnte nicht als %1 gespeichert werden. Prüfen Sie, ob der Datenträger voll ist und ob Sie dort schreiben dürfen.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Exported %Ln unit row(s) to %1.</source>
        <translation>
            <numerusform>%Ln Einheitenzeile nach %1 exportiert.</numerusform>
            <numerusform>%Ln Einheitenzeilen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+5"/>
        <source>Save a Template CSV</source>
        <translation>Vorlage-CSV speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The template could not be saved as %1. Check that the disk is not full and that you may write there.</source>
        <translation>Die Vorlage konnte nicht als %1 gespeichert werden. Prüfen Sie, ob der Datenträger voll ist und ob Sie dort schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved the template as %1. Fill it in, then import it.</source>
        <translation>Die Vorlage wurde als %1 gespeichert. Füllen Sie sie aus und importieren Sie sie dann.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+15"/>
        <location line="+31"/>
        <source>Open the Demo Store</source>
        <translation>Demo-Geschäft öffnen</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Open the demo store in a separate file?</source>
        <translation>Das Demo-Geschäft in einer eigenen Datei öffnen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Till fills the database file %1 with a demo shop (products, 90 days of sales and users; the manager &quot;maria&quot; signs in with the PIN 1234) and opens it in a second window. This store&apos;s own database is not touched.</source>
        <translation>Till füllt die Datenbankdatei %1 mit einem Demo-Geschäft (Artikel, Verkäufe aus 90 Tagen und Benutzer; die Marktleiterin „maria“ meldet sich mit der PIN 1234 an) und öffnet es in einem zweiten Fenster. Die eigene Datenbank dieses Geschäfts bleibt unberührt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open the Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filling the demo store…</source>
        <translation>Demo-Geschäft wird befüllt…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The demo store could not be created in %1. Check that you may write in that folder.</source>
        <translation>Das Demo-Geschäft konnte nicht in %1 angelegt werden. Prüfen Sie, ob Sie in diesen Ordner schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The demo store is ready in %1, but a second Till could not be started. Start Till with --database and that file to open it.</source>
        <translation>Das Demo-Geschäft liegt in %1 bereit, aber ein zweites Till konnte nicht gestartet werden. Starten Sie Till mit --database und dieser Datei, um es zu öffnen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo store opens in a second window. This store is as it was.</source>
        <translation>Das Demo-Geschäft öffnet sich in einem zweiten Fenster. Dieses Geschäft bleibt, wie es war.</translation>
    </message>
</context>
<context>
    <name>CatalogueService</name>
    <message>
        <location filename="../models/services/catalogueservice.cpp" line="+39"/>
        <source>The catalogue could not be read or saved. Nothing was changed.</source>
        <translation>Der Artikelstamm konnte nicht gelesen oder gespeichert werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+28"/>
        <location line="+48"/>
        <location line="+355"/>
        <source>Nobody is signed in at this till.</source>
        <translation>An dieser Kasse ist niemand angemeldet.</translation>
    </message>
    <message>
        <location line="-414"/>
        <location line="+344"/>
        <location line="+42"/>
        <source>This product no longer exists.</source>
        <translation>Diesen Artikel gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="-284"/>
        <location line="+34"/>
        <source>There is no quick key %1.</source>
        <translation>Es gibt keine Schnelltaste %1.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>A quick key&apos;s text can have at most %1 characters.</source>
        <translation>Der Text einer Schnelltaste darf höchstens %1 Zeichen haben.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A quick key moves only to another key of the grid.</source>
        <translation>Eine Schnelltaste lässt sich nur auf eine andere Taste des Rasters verschieben.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Please enter the SKU.</source>
        <translation>Bitte geben Sie die Artikelnummer ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please enter the product&apos;s name.</source>
        <translation>Bitte geben Sie den Namen des Artikels ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Please choose a tax rate for %1.</source>
        <translation>Bitte wählen Sie einen Steuersatz für %1.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Every unit needs a name.</source>
        <translation>Jede Einheit braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The unit name &quot;%1&quot; is used twice.</source>
        <translation>Der Einheitenname „%1“ wird doppelt verwendet.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Two units hold %n base units each; each unit needs its own size.</source>
        <translation>
            <numerusform>Zwei Einheiten enthalten je %n Basiseinheit; jede Einheit braucht eine eigene Größe.</numerusform>
            <numerusform>Zwei Einheiten enthalten je %n Basiseinheiten; jede Einheit braucht eine eigene Größe.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-68"/>
        <source>The SKU is longer than %1 characters.</source>
        <translation>Die Artikelnummer ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The product&apos;s name is longer than %1 characters.</source>
        <translation>Der Name des Artikels ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The reorder level must lie between 0 and %L1.</source>
        <translation>Der Mindestbestand muss zwischen 0 und %L1 liegen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The cost must lie between %1 and %2.</source>
        <translation>Der Einkaufspreis muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cost must be for 1 to %L1 base units.</source>
        <translation>Der Einkaufspreis muss für 1 bis %L1 Basiseinheiten gelten.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The conversion rate of &quot;%1&quot; must be a whole number from 1 to %L2.</source>
        <translation>Der Umrechnungsfaktor von „%1“ muss eine ganze Zahl von 1 bis %L2 sein.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The price of &quot;%1&quot; must lie between %2 and %3.</source>
        <translation>Der Preis von „%1“ muss zwischen %2 und %3 liegen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The barcode %1 of &quot;%2&quot; is not valid: check the last digit, or use an internal code without spaces.</source>
        <translation>Der Barcode %1 von „%2“ ist ungültig: Prüfen Sie die letzte Ziffer oder verwenden Sie einen internen Code ohne Leerzeichen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The barcode %1 is used twice.</source>
        <translation>Der Barcode %1 wird doppelt verwendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A product needs at least one unit it is sold in.</source>
        <translation>Ein Artikel braucht mindestens eine Einheit, in der er verkauft wird.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The SKU %1 already belongs to &quot;%2&quot;.</source>
        <translation>Die Artikelnummer %1 gehört bereits zu „%2“.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The barcode %1 already belongs to the product with SKU %2.</source>
        <translation>Der Barcode %1 gehört bereits zum Artikel mit der Artikelnummer %2.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Please enter the category&apos;s name.</source>
        <translation>Bitte geben Sie den Namen der Warengruppe ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is already a category called &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Warengruppe namens „%1“.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Please enter the tax rate&apos;s name.</source>
        <translation>Bitte geben Sie den Namen des Steuersatzes ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A tax rate lies between 0 % and 100 %.</source>
        <translation>Ein Steuersatz liegt zwischen 0 % und 100 %.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is already a tax rate called &quot;%1&quot;.</source>
        <translation>Es gibt bereits einen Steuersatz namens „%1“.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Products still use this tax rate; give them another one first.</source>
        <translation>Dieser Steuersatz wird noch von Artikeln verwendet; weisen Sie ihnen zuerst einen anderen zu.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>A price can be lowered by less than 100 %.</source>
        <translation>Ein Preis kann um weniger als 100 % gesenkt werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A price cannot be negative.</source>
        <translation>Ein Preis darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This change would make some prices negative. Nothing was changed.</source>
        <translation>Durch diese Änderung würden einige Preise negativ. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <location filename="../ui/categoriesdialog.ui" line="+14"/>
        <source>Categories</source>
        <translation>Warengruppen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;New</source>
        <translation>N&amp;eu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Remove…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Removing a category keeps its products; they are then without a category.</source>
        <translation>Beim Entfernen einer Warengruppe bleiben ihre Artikel erhalten; sie sind dann ohne Warengruppe.</translation>
    </message>
    <message>
        <location filename="../ui/categoriesdialog.cpp" line="+110"/>
        <source>Remove Category</source>
        <translation>Warengruppe entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the category &quot;%1&quot;? Its products stay in the catalogue, without a category.</source>
        <translation>Die Warengruppe „%1“ entfernen? Ihre Artikel bleiben ohne Warengruppe im Artikelstamm.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
</context>
<context>
    <name>CheckoutService</name>
    <message>
        <location filename="../models/services/checkoutservice.cpp" line="+41"/>
        <source>The database refused this sale because it breaks one of its rules, so nothing was sold. The sale is still on screen; please show the details to whoever looks after your tills.</source>
        <translation>Die Datenbank hat diesen Verkauf abgelehnt, weil er gegen eine ihrer Regeln verstößt; es wurde nichts verkauft. Der Verkauf ist noch auf dem Bildschirm; bitte zeigen Sie die Details der Person, die Ihre Kassen betreut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another till changed the same products at the same moment, so nothing was sold. The sale is still on screen; please try again.</source>
        <translation>Eine andere Kasse hat im selben Moment dieselben Artikel geändert, daher wurde nichts verkauft. Der Verkauf ist noch auf dem Bildschirm; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The till cannot reach its database, so nothing was saved. The sale is still on screen; please try again.</source>
        <translation>Die Kasse erreicht ihre Datenbank nicht, daher wurde nichts gespeichert. Der Verkauf ist noch auf dem Bildschirm; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database did not answer in time, so Till stopped waiting and cannot tell yet whether the sale was saved. It is still on screen: try again when the database answers. If it was saved, Till finds it and does not save it twice.</source>
        <translation>Die Datenbank hat nicht rechtzeitig geantwortet; Till hat aufgehört zu warten und weiß noch nicht, ob der Verkauf gespeichert wurde. Er ist noch auf dem Bildschirm: Versuchen Sie es erneut, sobald die Datenbank antwortet. Falls er gespeichert wurde, findet Till ihn und speichert ihn nicht doppelt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database could not save this. The sale is still on screen; please try again, and show the details to whoever looks after your tills if it keeps failing.</source>
        <translation>Die Datenbank konnte dies nicht speichern. Der Verkauf ist noch auf dem Bildschirm; bitte versuchen Sie es erneut, und zeigen Sie die Details der Person, die Ihre Kassen betreut, falls es weiterhin fehlschlägt.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The quantity must be at least 1.</source>
        <translation>Die Menge muss mindestens 1 sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most %L1 can be sold on one line.</source>
        <translation>Auf einer Position können höchstens %L1 verkauft werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan a barcode or type it and press Enter.</source>
        <translation>Scannen Sie einen Barcode oder geben Sie ihn ein und drücken Sie Enter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No product has the barcode %1.</source>
        <translation>Kein Artikel hat den Barcode %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is no longer sold.</source>
        <translation>%1 wird nicht mehr verkauft.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The unit &quot;%1&quot; of %2 holds more than %L3 base units; correct its size in the catalogue first.</source>
        <translation>Die Einheit „%1“ von %2 enthält mehr als %L3 Basiseinheiten; korrigieren Sie zuerst ihre Größe im Artikelstamm.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A discount cannot be negative.</source>
        <translation>Ein Rabatt darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A discount cannot be more than 100 %.</source>
        <translation>Ein Rabatt darf nicht mehr als 100 % betragen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A discount cannot be more than the price.</source>
        <translation>Ein Rabatt darf nicht höher als der Preis sein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A price cannot be negative.</source>
        <translation>Ein Preis darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>One manager&apos;s approval cannot cover two things (%1). Please ask again.</source>
        <translation>Eine Freigabe der Marktleitung kann nicht für zwei Dinge gelten (%1). Bitte fragen Sie erneut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 needs a manager&apos;s approval. Nothing was sold.</source>
        <translation>%1 erfordert eine Freigabe durch die Marktleitung. Es wurde nichts verkauft.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The price of %1</source>
        <translation>Der Preis von %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The discount of %1 on %2</source>
        <translation>Der Rabatt von %1 auf %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The discount of %1 on the bill</source>
        <translation>Der Rabatt von %1 auf den Bon</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 is no longer sold and was taken off the sale.</source>
        <translation>%1 wird nicht mehr verkauft und wurde aus dem Verkauf entfernt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is back at the catalogue price of %2: the price of %3 needs a manager&apos;s approval again.</source>
        <translation>%1 kostet wieder %2 laut Artikelstamm: Der Preis von %3 erfordert erneut eine Freigabe durch die Marktleitung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 now costs %2 (it was %3).</source>
        <translation>%1 kostet jetzt %2 (vorher %3).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The discount on %1 needs a manager&apos;s approval again and was taken off.</source>
        <translation>Der Rabatt auf %1 erfordert erneut eine Freigabe durch die Marktleitung und wurde entfernt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The discount on the bill needs a manager&apos;s approval again and was taken off.</source>
        <translation>Der Rabatt auf den Bon erfordert erneut eine Freigabe durch die Marktleitung und wurde entfernt.</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>The sale has no items yet.</source>
        <translation>Der Verkauf enthält noch keine Artikel.</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>The quantity of %1 must be at least 1.</source>
        <translation>Die Menge von %1 muss mindestens 1 sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This sale is too large to add up. Please split it.</source>
        <translation>Dieser Verkauf ist zu groß, um ihn zu summieren. Bitte teilen Sie ihn auf.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is still to pay.</source>
        <translation>Es sind noch %1 zu zahlen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A card cannot pay more than the total; take the rest in cash.</source>
        <translation>Mit Karte kann nicht mehr als die Summe bezahlt werden; nehmen Sie den Rest bar an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A payment amount is not valid.</source>
        <translation>Ein Zahlungsbetrag ist ungültig.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The connection to the database was lost while the sale was being saved, so Till cannot tell yet whether it was. The sale is still on screen: try again when the database is back. If it was saved, Till finds it and does not save it twice.</source>
        <translation>Die Verbindung zur Datenbank ist beim Speichern des Verkaufs abgerissen, daher weiß Till noch nicht, ob er gespeichert wurde. Der Verkauf ist noch auf dem Bildschirm: Versuchen Sie es erneut, sobald die Datenbank wieder erreichbar ist. Falls er gespeichert wurde, findet Till ihn und speichert ihn nicht doppelt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not enough stock of %1. Nothing was sold.</source>
        <translation>Nicht genug Bestand von %1. Es wurde nichts verkauft.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The catalogue changed while this sale was open. Nothing was sold; please check the lines and take the payment again.</source>
        <translation>Der Artikelstamm hat sich geändert, während dieser Verkauf offen war. Es wurde nichts verkauft; bitte prüfen Sie die Positionen und kassieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No shift is open at lane %1. Open a shift to sell.</source>
        <translation>An Kasse %1 ist keine Schicht geöffnet. Öffnen Sie eine Schicht, um zu verkaufen.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>There is nothing to park.</source>
        <translation>Es gibt nichts zu parken.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This sale was recalled at another lane already.</source>
        <translation>Dieser Verkauf wurde bereits an einer anderen Kasse zurückgeholt.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../ui/closeshiftdialog.ui" line="+14"/>
        <location filename="../ui/closeshiftdialog.cpp" line="+174"/>
        <source>Close the shift</source>
        <translation>Schicht schließen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Count the cash in the drawer, note by note and coin by coin, or type the total you counted.</source>
        <translation>Zählen Sie das Bargeld in der Kassenlade, Schein für Schein und Münze für Münze, oder geben Sie die gezählte Summe ein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Count &amp;by note and coin</source>
        <translation>Nach Scheinen und Münzen &amp;zählen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Type the total</source>
        <translation>Summe &amp;eingeben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Expected in the drawer</source>
        <translation>Soll in der Kassenlade</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/closeshiftdialog.cpp" line="-142"/>
        <source>shown after the count</source>
        <translation>erscheint nach der Zählung</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+111"/>
        <source>&amp;Close shift</source>
        <translation>Schicht &amp;schließen</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>&amp;Done counting</source>
        <translation>Zählung &amp;beenden</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+2"/>
        <source>—</source>
        <comment>no amount</comment>
        <translation>—</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 short</source>
        <comment>the drawer holds less than expected</comment>
        <translation>%1 zu wenig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 over</source>
        <comment>the drawer holds more than expected</comment>
        <translation>%1 zu viel</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&quot;%1&quot; is not an amount.</source>
        <translation>„%1“ ist kein Betrag.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The drawer is %1 short of the %2 expected. Close the shift anyway?</source>
        <translation>In der Kassenlade fehlen %1 gegenüber dem Soll von %2. Schicht trotzdem schließen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The drawer holds %1 more than the %2 expected. Close the shift anyway?</source>
        <translation>Die Kassenlade enthält %1 mehr als das Soll von %2. Schicht trotzdem schließen?</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/commandline.cpp" line="+35"/>
        <source>Till, a point of sale for the counter and the back office.</source>
        <translation>Till, ein Kassensystem für den Verkaufstresen und das Büro.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where the data lives: sqlite:///path/till.db or postgresql://user:password@host:5432/till (default: %1).</source>
        <translation>Wo die Daten liegen: sqlite:///pfad/till.db oder postgresql://benutzer:kennwort@host:5432/till (Standard: %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name of this till, printed on bills (default: %1). It is remembered for the next start.</source>
        <translation>Der Name dieser Kasse, der auf Bons gedruckt wird (Standard: %1). Er wird für den nächsten Start gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill an empty database with the demo store, so you can try Till right away.</source>
        <translation>Eine leere Datenbank mit dem Demo-Geschäft befüllen, damit Sie Till sofort ausprobieren können.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1
Run “till --help” to see the options.</source>
        <translation>%1
Rufen Sie „till --help“ auf, um die Optionen zu sehen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Till does not take “%1”; options start with --.
Run “till --help” to see the options.</source>
        <translation>Till kennt „%1“ nicht; Optionen beginnen mit --.
Rufen Sie „till --help“ auf, um die Optionen zu sehen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The database URL saved in the settings (%1) cannot be used: %2.</source>
        <translation>Die in den Einstellungen gespeicherte Datenbank-URL (%1) kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database URL “%1” cannot be used: %2.</source>
        <translation>Die Datenbank-URL „%1“ kann nicht verwendet werden: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A lane name has 1 to %1 characters, such as 1 or Front.</source>
        <translation>Ein Kassenname hat 1 bis %1 Zeichen, zum Beispiel 1 oder Vorne.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../ui/diagnosticsdialog.ui" line="+14"/>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Conversion-rate cache</source>
        <translation>Cache der Umrechnungsfaktoren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hits:</source>
        <translation>Treffer:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Rates answered from memory</source>
        <translation>Aus dem Speicher beantwortete Faktoren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Misses:</source>
        <translation>Fehlschläge:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Rates that had to be read</source>
        <translation>Faktoren, die gelesen werden mussten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loads:</source>
        <translation>Ladevorgänge:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Queries run to read missing rates, one for many units</source>
        <translation>Abfragen zum Lesen fehlender Faktoren, eine für viele Einheiten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hit rate:</source>
        <translation>Trefferquote:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Hits among all lookups</source>
        <translation>Anteil der Treffer an allen Abfragen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Entries:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Units whose rate is in memory now</source>
        <translation>Einheiten, deren Faktor gerade im Speicher liegt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Expirations:</source>
        <translation>Abgelaufen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Entries older than their time to live, read again</source>
        <translation>Einträge, die älter als ihre Gültigkeitsdauer waren und neu gelesen wurden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invalidations:</source>
        <translation>Invalidierungen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Entries dropped because a unit was edited, here or on another lane</source>
        <translation>Einträge, die verworfen wurden, weil eine Einheit bearbeitet wurde, hier oder an einer anderen Kasse</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scans:</source>
        <translation>Scans:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Barcode scans answered from memory, and read from the database</source>
        <translation>Barcode-Scans, aus dem Speicher beantwortet bzw. aus der Datenbank gelesen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Operations, newest first</source>
        <translation>&amp;Vorgänge, neueste zuerst</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Statements of the selected operation</source>
        <translation>&amp;Anweisungen des gewählten Vorgangs</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Forget the operations recorded so far</source>
        <translation>Die bisher aufgezeichneten Vorgänge verwerfen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/diagnosticsdialog.cpp" line="+35"/>
        <source>The last operations, in short</source>
        <translation>Die letzten Vorgänge in Kürze</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Copy SQL</source>
        <translation>SQL kopieren</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No database work yet since Till started or the list was cleared.</source>
        <translation>Noch keine Datenbankzugriffe seit dem Start von Till oder seit dem Leeren der Liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Since Till started: %L1 statements run, %L2 statements prepared. Operations kept here: %L3 of at most %L4.</source>
        <translation>Seit dem Start von Till: %L1 Anweisungen ausgeführt, %L2 Anweisungen vorbereitet. Hier gespeicherte Vorgänge: %L3 von höchstens %L4.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Showing the first %L1 of the %L2 statements this operation ran.</source>
        <translation>Angezeigt werden die ersten %L1 der %L2 Anweisungen, die dieser Vorgang ausgeführt hat.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%L1 from memory, %L2 read</source>
        <comment>barcode scans</comment>
        <translation>%L1 aus dem Speicher, %L2 gelesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>—</source>
        <comment>no lookups yet</comment>
        <translation>—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %</source>
        <comment>hit rate percentage</comment>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../ui/discountdialog.ui" line="+14"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Percent</source>
        <translation>&amp;Prozent</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A&amp;mount</source>
        <translation>&amp;Betrag</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Discount</source>
        <translation>&amp;Rabatt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Type 10 or 10% for a share, switch to Amount for money off. 0 removes the discount.</source>
        <translation>Geben Sie 10 oder 10% für einen Prozentrabatt ein, oder wechseln Sie zu „Betrag“ für einen festen Nachlass. 0 entfernt den Rabatt.</translation>
    </message>
    <message>
        <location filename="../ui/discountdialog.cpp" line="+79"/>
        <source>&quot;%1&quot; is not a percentage.</source>
        <translation>„%1“ ist keine Prozentangabe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is not an amount.</source>
        <translation>„%1“ ist kein Betrag.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A discount cannot be negative.</source>
        <translation>Ein Rabatt darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A discount cannot be more than 100 %.</source>
        <translation>Ein Rabatt darf nicht mehr als 100 % betragen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A discount cannot be more than the price (%1).</source>
        <translation>Ein Rabatt darf nicht höher als der Preis (%1) sein.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Takes off %1, leaves %2</source>
        <translation>Abzug: %1, verbleiben: %2</translation>
    </message>
</context>
<context>
    <name>EmptyCataloguePanel</name>
    <message>
        <location filename="../ui/emptycataloguepanel.cpp" line="+17"/>
        <source>The catalogue has no products yet.</source>
        <translation>Der Artikelstamm enthält noch keine Artikel.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bring your products in from a spreadsheet, type them in one by one, or look around a demo shop first. The demo opens in a file of its own, so this store stays as it is.</source>
        <translation>Übernehmen Sie Ihre Artikel aus einer Tabellenkalkulation, geben Sie sie einzeln ein, oder sehen Sie sich zuerst in einem Demo-Geschäft um. Die Demo öffnet sich in einer eigenen Datei, dieses Geschäft bleibt also, wie es ist.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Import a Catalogue CSV…</source>
        <translation>Artikelstamm-CSV &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create products from a CSV file, e.g. saved from a spreadsheet</source>
        <translation>Artikel aus einer CSV-Datei anlegen, z. B. aus einer Tabellenkalkulation gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a &amp;Template CSV…</source>
        <translation>&amp;Vorlage-CSV speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A CSV file with the columns the import reads and two example products, to fill in a spreadsheet</source>
        <translation>Eine CSV-Datei mit den Spalten, die der Import liest, und zwei Beispielartikeln, zum Ausfüllen in einer Tabellenkalkulation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a &amp;Product…</source>
        <translation>Artikel &amp;anlegen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type in a product with its units, prices and barcodes</source>
        <translation>Einen Artikel mit seinen Einheiten, Preisen und Barcodes eingeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;Demo Store…</source>
        <translation>Demo-Geschäft ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shop with products, sales and users in a separate database file, opened in a second window</source>
        <translation>Ein Geschäft mit Artikeln, Verkäufen und Benutzern in einer eigenen Datenbankdatei, geöffnet in einem zweiten Fenster</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <location filename="../ui/errorbanner.cpp" line="+20"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show the technical details of this error</source>
        <translation>Die technischen Details zu diesem Fehler anzeigen</translation>
    </message>
</context>
<context>
    <name>GoodsReceiptWidget</name>
    <message>
        <location filename="../ui/goodsreceiptwidget.ui" line="+11"/>
        <source>&amp;Scan or search:</source>
        <translation>&amp;Scannen oder suchen:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Remove Line</source>
        <translation>Position &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the selected line off the receipt (Delete)</source>
        <translation>Die gewählte Position aus dem Wareneingang entfernen (Entf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>C&amp;lear All</source>
        <translation>&amp;Alles leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the receipt again</source>
        <translation>Den Wareneingang neu beginnen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>S&amp;upplier:</source>
        <translation>&amp;Lieferant:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who delivered, e.g. Metro or the brewery</source>
        <translation>Wer geliefert hat, z. B. Metro oder die Brauerei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delivery note number or anything worth keeping</source>
        <translation>Lieferscheinnummer oder andere wichtige Angaben</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Post Goods Receipt</source>
        <translation>Wareneingang &amp;buchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add every line to the stock in one go (Ctrl+Return)</source>
        <translation>Alle Positionen auf einmal zum Bestand buchen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/goodsreceiptwidget.cpp" line="+51"/>
        <source>Remove Line</source>
        <translation>Position entfernen</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&quot;%1&quot; is not sold in any unit, so it cannot be received. Give it a unit in the product editor first.</source>
        <translation>„%1“ wird in keiner Einheit verkauft und kann daher nicht eingebucht werden. Geben Sie dem Artikel zuerst im Artikeleditor eine Einheit.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Clear Goods Receipt</source>
        <translation>Wareneingang leeren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove all %Ln line(s) from this receipt?</source>
        <translation>
            <numerusform>Die %Ln Position aus diesem Wareneingang entfernen?</numerusform>
            <numerusform>Alle %Ln Positionen aus diesem Wareneingang entfernen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%Ln line(s), %1 at cost</source>
        <translation>
            <numerusform>%Ln Position, %1 zum Einkaufspreis</numerusform>
            <numerusform>%Ln Positionen, %1 zum Einkaufspreis</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan the first item, or type its name and press Enter.</source>
        <translation>Scannen Sie den ersten Artikel oder geben Sie seinen Namen ein und drücken Sie Enter.</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Goods receipt %1 was posted: %Ln line(s), stock raised for %2.</source>
        <translation>
            <numerusform>Wareneingang %1 wurde gebucht: %Ln Position, Bestand erhöht für %2.</numerusform>
            <numerusform>Wareneingang %1 wurde gebucht: %Ln Positionen, Bestand erhöht für %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln Artikel</numerusform>
            <numerusform>%Ln Artikel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../ui/importdialog.ui" line="+14"/>
        <source>Import Catalogue</source>
        <translation>Artikelstamm importieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A CSV file with one row per unit creates new products and updates existing ones by SKU. Nothing is written until you import, and then either every product is written or none.</source>
        <translation>Eine CSV-Datei mit einer Zeile pro Einheit legt neue Artikel an und aktualisiert vorhandene anhand der Artikelnummer. Erst beim Importieren wird geschrieben, und dann entweder alle Artikel oder keiner.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No file chosen yet</source>
        <translation>Noch keine Datei gewählt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Choose File…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Read Again</source>
        <translation>&amp;Erneut einlesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the same file again after fixing it</source>
        <translation>Dieselbe Datei nach dem Korrigieren erneut einlesen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Show only &amp;problems</source>
        <translation>Nur &amp;Probleme anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/importdialog.cpp" line="+49"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save a &amp;Template…</source>
        <translation>&amp;Vorlage speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A CSV file with the columns the import reads and two example products, to fill in a spreadsheet</source>
        <translation>Eine CSV-Datei mit den Spalten, die der Import liest, und zwei Beispielartikeln, zum Ausfüllen in einer Tabellenkalkulation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a CSV file to see what it would change.</source>
        <translation>Wählen Sie eine CSV-Datei, um zu sehen, was sie ändern würde.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a Catalogue File</source>
        <translation>Artikelstamm-Datei wählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save a Template CSV</source>
        <translation>Vorlage-CSV speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catalogue-template.csv</source>
        <comment>file name of the CSV template</comment>
        <translation>artikelstamm-vorlage.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The template could not be saved as %1. Check that the disk is not full and that you may write there.</source>
        <translation>Die Vorlage konnte nicht als %1 gespeichert werden. Prüfen Sie, ob der Datenträger voll ist und ob Sie dort schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The file %1 cannot be opened. Check that it exists and that you may read it.</source>
        <translation>Die Datei %1 kann nicht geöffnet werden. Prüfen Sie, ob sie existiert und ob Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file is larger than %L1 MB; that is not a catalogue.</source>
        <translation>Die Datei ist größer als %L1 MB; das ist kein Artikelstamm.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading and checking %1…</source>
        <translation>%1 wird gelesen und geprüft…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 %2</source>
        <comment>rows read; problems found</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) read.</source>
        <translation>
            <numerusform>%Ln Zeile gelesen.</numerusform>
            <numerusform>%Ln Zeilen gelesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln problem(s) to fix in the file before it can be imported; then choose Read Again.</source>
        <translation>
            <numerusform>%Ln Problem muss in der Datei behoben werden, bevor sie importiert werden kann; wählen Sie dann „Erneut einlesen“.</numerusform>
            <numerusform>%Ln Probleme müssen in der Datei behoben werden, bevor sie importiert werden kann; wählen Sie dann „Erneut einlesen“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file has no products.</source>
        <translation>Die Datei enthält keine Artikel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2 %3</source>
        <comment>rows read; new products; updated products</comment>
        <translation>%1 %2 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln row(s) read:</source>
        <translation>
            <numerusform>%Ln Zeile gelesen:</numerusform>
            <numerusform>%Ln Zeilen gelesen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln new product(s),</source>
        <translation>
            <numerusform>%Ln neuer Artikel,</numerusform>
            <numerusform>%Ln neue Artikel,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln product(s) updated.</source>
        <translation>
            <numerusform>%Ln Artikel aktualisiert.</numerusform>
            <numerusform>%Ln Artikel aktualisiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Importing %Ln product(s)…</source>
        <translation>
            <numerusform>%Ln Artikel wird importiert…</numerusform>
            <numerusform>%Ln Artikel werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancelling; nothing will be imported…</source>
        <translation>Wird abgebrochen; es wird nichts importiert…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>Der Import wurde abgebrochen. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 %2 %3</source>
        <comment>created; updated; units</comment>
        <translation>%1 %2 %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Imported: %Ln new product(s),</source>
        <translation>
            <numerusform>Importiert: %Ln neuer Artikel,</numerusform>
            <numerusform>Importiert: %Ln neue Artikel,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln updated,</source>
        <translation>
            <numerusform>%Ln aktualisiert,</numerusform>
            <numerusform>%Ln aktualisiert,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln unit(s) in all.</source>
        <translation>
            <numerusform>insgesamt %Ln Einheit.</numerusform>
            <numerusform>insgesamt %Ln Einheiten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../models/items/importpreviewmodel.cpp" line="+40"/>
        <source>New</source>
        <comment>a product the import creates</comment>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update</source>
        <comment>a product the import changes</comment>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Line</source>
        <comment>line number in the file</comment>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU</source>
        <comment>stock keeping unit, the store&apos;s own product code</comment>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <comment>product name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column</source>
        <comment>column of the CSV file</comment>
        <translation>Spalte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Units and prices, or the problem</source>
        <translation>Einheiten und Preise oder das Problem</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 %2</source>
        <comment>unit name, price</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%L2) %3</source>
        <comment>unit name (base units in it), price</comment>
        <translation>%1 (%L2) %3</translation>
    </message>
</context>
<context>
    <name>InventoryService</name>
    <message>
        <location filename="../models/services/inventoryservice.cpp" line="+35"/>
        <source>A product or unit on this document does not exist any more, or another lane posted at the same moment. Nothing was changed.</source>
        <translation>Ein Artikel oder eine Einheit dieses Belegs existiert nicht mehr, oder eine andere Kasse hat im selben Moment gebucht. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The stock could not be read or saved. Nothing was changed.</source>
        <translation>Der Bestand konnte nicht gelesen oder gespeichert werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Opening stock</source>
        <translation>Eröffnungsbestand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goods receipt</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stocktake</source>
        <translation>Inventur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Damaged</source>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The goods receipt has no lines.</source>
        <translation>Der Wareneingang enthält keine Positionen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Line %1: the quantity must be more than zero.</source>
        <translation>Position %1: Die Menge muss größer als null sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line %1: this unit does not exist any more.</source>
        <translation>Position %1: Diese Einheit gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line %1: a line receives at most %L2 base units.</source>
        <translation>Position %1: Pro Position können höchstens %L2 Basiseinheiten eingebucht werden.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Line %1: this unit is not one of the product&apos;s units, or it was changed meanwhile. Nothing was posted.</source>
        <translation>Zeile %1: Diese Einheit gehört nicht zu diesem Artikel oder wurde inzwischen geändert. Es wurde nichts gebucht.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Line %1: a count lies between 0 and %L2 base units.</source>
        <translation>Position %1: Eine Zählung liegt zwischen 0 und %L2 Basiseinheiten.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>An adjustment changes the stock by at most %L1 base units.</source>
        <translation>Eine Korrektur ändert den Bestand um höchstens %L1 Basiseinheiten.</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Line %1: the cost cannot be negative.</source>
        <translation>Position %1: Der Einkaufspreis darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The stocktake has no counted products.</source>
        <translation>Die Inventur enthält keine gezählten Artikel.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>An adjustment changes the stock by at least one unit.</source>
        <translation>Eine Korrektur ändert den Bestand um mindestens eine Einheit.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Damaged or lost goods lower the stock; enter the quantity as taken away.</source>
        <translation>Beschädigte oder verlorene Ware verringert den Bestand; geben Sie die Menge als „Abziehen“ ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found goods raise the stock.</source>
        <translation>Gefundene Ware erhöht den Bestand.</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+55"/>
        <location line="+45"/>
        <source>This product no longer exists.</source>
        <translation>Diesen Artikel gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>An opening stock lies between 0 and %L1 base units.</source>
        <translation>Ein Eröffnungsbestand liegt zwischen 0 und %L1 Basiseinheiten.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Nobody is signed in at this till.</source>
        <translation>An dieser Kasse ist niemand angemeldet.</translation>
    </message>
</context>
<context>
    <name>KeyStrip</name>
    <message>
        <location filename="../ui/keystrip.cpp" line="+22"/>
        <source>%1
%2</source>
        <comment>key cap: key, what it does</comment>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <location filename="../app/launcher.cpp" line="+116"/>
        <source>Filling the demo store…</source>
        <translation>Demo-Geschäft wird befüllt…</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Start with a New Database</source>
        <translation>Mit neuer Datenbank starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+59"/>
        <location filename="../app/main.cpp" line="+57"/>
        <source>Till cannot start</source>
        <translation>Till kann nicht starten</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../models/items/ledgermodel.cpp" line="+41"/>
        <source>Bill %1/%2</source>
        <comment>lane/number</comment>
        <translation>Bon %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refund %1/%2</source>
        <comment>lane/number</comment>
        <translation>Erstattung %1/%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Goods receipt %1</source>
        <translation>Wareneingang %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stocktake %1</source>
        <translation>Inventur %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adjustment %1</source>
        <translation>Korrektur %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2</source>
        <comment>document kind, number</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>+%1</source>
        <comment>a stock increase</comment>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <comment>why the stock changed</comment>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <comment>change of stock</comment>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock after</source>
        <translation>Bestand danach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document</source>
        <comment>the bill, refund or stock document behind a change</comment>
        <translation>Beleg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>LedgerWidget</name>
    <message>
        <location filename="../ui/ledgerwidget.ui" line="+11"/>
        <source>&amp;Product:</source>
        <translation>&amp;Artikel:</translation>
    </message>
    <message>
        <location filename="../ui/ledgerwidget.cpp" line="+73"/>
        <source>Scan or choose a product to see its stock ledger.</source>
        <translation>Scannen oder wählen Sie einen Artikel, um sein Bestandsjournal zu sehen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2), in stock: %3</source>
        <translation>%1 (%2), Bestand: %3</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The newest %Ln movement(s); older ones load as you scroll.</source>
        <translation>
            <numerusform>Die neueste %Ln Bewegung; ältere werden beim Scrollen geladen.</numerusform>
            <numerusform>Die neuesten %Ln Bewegungen; ältere werden beim Scrollen geladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln movement(s).</source>
        <translation>
            <numerusform>%Ln Bewegung.</numerusform>
            <numerusform>%Ln Bewegungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginWidget</name>
    <message>
        <location filename="../ui/loginwidget.ui" line="+74"/>
        <source>Sign in with your user name and PIN.</source>
        <translation>Melden Sie sich mit Ihrem Benutzernamen und Ihrer PIN an.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&amp;User name</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../ui/loginwidget.cpp" line="+50"/>
        <source>Your user name</source>
        <translation>Ihr Benutzername</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This till is locked by %1. %1 can sign in to carry on where they left off; anybody else who signs in signs %1 out.</source>
        <translation>Diese Kasse ist von %1 gesperrt. %1 kann sich anmelden und dort weitermachen, wo aufgehört wurde; wenn sich jemand anderes anmeldet, wird %1 abgemeldet.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+12"/>
        <source>Please enter your user name.</source>
        <translation>Bitte geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Please enter your PIN.</source>
        <translation>Bitte geben Sie Ihre PIN ein.</translation>
    </message>
</context>
<context>
    <name>LowStockModel</name>
    <message>
        <location filename="../models/items/lowstockmodel.cpp" line="+52"/>
        <source>At the level</source>
        <translation>Auf Mindestbestand</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>SKU</source>
        <comment>stock keeping unit, the store&apos;s own product code</comment>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock</source>
        <comment>quantity on hand</comment>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reorder level</source>
        <translation>Mindestbestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Below the level by</source>
        <translation>Fehlmenge</translation>
    </message>
</context>
<context>
    <name>LowStockWidget</name>
    <message>
        <location filename="../ui/lowstockwidget.ui" line="+11"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the list again</source>
        <translation>Die Liste neu laden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;ceive…</source>
        <translation>&amp;Einbuchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected product on the goods receipt</source>
        <translation>Den gewählten Artikel in den Wareneingang übernehmen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show &amp;Ledger</source>
        <translation>Journal an&amp;zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See how the selected product&apos;s stock came about</source>
        <translation>Sehen, wie der Bestand des gewählten Artikels zustande kam</translation>
    </message>
    <message>
        <location filename="../ui/lowstockwidget.cpp" line="+82"/>
        <source>No product is low on stock.</source>
        <translation>Kein Artikel hat einen niedrigen Bestand.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The %Ln product(s) furthest below their reorder level.</source>
        <translation>
            <numerusform>Der %Ln Artikel, der am weitesten unter seinem Mindestbestand liegt.</numerusform>
            <numerusform>Die %Ln Artikel, die am weitesten unter ihrem Mindestbestand liegen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln product(s) at or below their reorder level.</source>
        <translation>
            <numerusform>%Ln Artikel auf oder unter seinem Mindestbestand.</numerusform>
            <numerusform>%Ln Artikel auf oder unter ihrem Mindestbestand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+70"/>
        <location line="+430"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location line="-430"/>
        <location line="+430"/>
        <source>Till — %1</source>
        <translation>Till — %1</translation>
    </message>
    <message>
        <location line="-391"/>
        <source>&amp;Sign Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out, so that the next person can sign in</source>
        <translation>Abmelden, damit sich die nächste Person anmelden kann</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Diagnostics</source>
        <translation>&amp;Diagnose</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the database statements Till runs and their cost</source>
        <translation>Die Datenbankanweisungen anzeigen, die Till ausführt, und ihren Aufwand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Till</source>
        <translation>&amp;Über Till</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (%2)</source>
        <comment>area name (shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lane %1</source>
        <translation>Kasse %1</translation>
    </message>
    <message>
        <location line="+96"/>
        <location line="+131"/>
        <source>%1 · %2</source>
        <comment>signed-in user: name · role</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>About Till</source>
        <translation>Über Till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Till %1&lt;/h3&gt;&lt;p&gt;A point of sale for the counter and the back office.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Till %1&lt;/h3&gt;&lt;p&gt;Ein Kassensystem für den Verkaufstresen und das Büro.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Locked · %1</source>
        <comment>the till is locked by this user</comment>
        <translation>Gesperrt · %1</translation>
    </message>
</context>
<context>
    <name>MessageStrip</name>
    <message>
        <location filename="../ui/messagestrip.cpp" line="+33"/>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>OperationsModel</name>
    <message>
        <location filename="../models/items/operationsmodel.cpp" line="+25"/>
        <source>sale</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parked sale</source>
        <translation>Verkauf geparkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recalled sale</source>
        <translation>Verkauf zurückgeholt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>barcode lookup</source>
        <translation>Barcode-Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>product list</source>
        <translation>Artikelliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>product saved</source>
        <translation>Artikel gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catalogue import</source>
        <translation>Artikelstamm-Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catalogue export</source>
        <translation>Artikelstamm-Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sales report</source>
        <translation>Umsatzbericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shift opened</source>
        <translation>Schicht geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shift closed</source>
        <translation>Schicht geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X report</source>
        <translation>X-Bericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>goods receipt</source>
        <translation>Wareneingang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low-stock list</source>
        <translation>Liste knapper Bestände</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>operation “%1”</source>
        <translation>Vorgang „%1“</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>slow: one statement ran again and again, once per item, where one would do</source>
        <translation>langsam: eine Anweisung lief immer wieder, einmal je Eintrag, wo eine einzige genügen würde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>fast</source>
        <translation>schnell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>slow: the database took %L1 ms to answer</source>
        <translation>langsam: die Datenbank brauchte %L1 ms für die Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>slow: Till itself took most of the time, not the database</source>
        <translation>langsam: Till selbst brauchte die meiste Zeit, nicht die Datenbank</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last %1: 1 database statement, %2 ms — %3</source>
        <translation>Zuletzt: %1, 1 Datenbankanweisung, %2 ms — %3</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Last %1: %Ln database statements, %2 ms — %3</source>
        <translation>
            <numerusform>Zuletzt: %1, %Ln Datenbankanweisung, %2 ms — %3</numerusform>
            <numerusform>Zuletzt: %1, %Ln Datenbankanweisungen, %2 ms — %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+86"/>
        <source>These statements ran repeatedly inside one operation; one set-based statement usually does the work of all of them:
%1</source>
        <translation>Diese Anweisungen liefen innerhalb eines Vorgangs wiederholt; meist erledigt eine einzige mengenbasierte Anweisung die Arbeit aller:
%1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Time</source>
        <comment>when the operation started</comment>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <comment>a named unit of database work, e.g. checkout.commit</comment>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statements</source>
        <comment>number of SQL statements</comment>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total ms</source>
        <comment>wall time of the operation in milliseconds</comment>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL ms</source>
        <comment>time spent in SQL statements, in milliseconds</comment>
        <translation>SQL ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N+1</source>
        <comment>count of statements repeated in a loop (the N+1 query problem)</comment>
        <translation>N+1</translation>
    </message>
</context>
<context>
    <name>ParkedCartModel</name>
    <message>
        <location filename="../models/items/parkedcartmodel.cpp" line="+32"/>
        <source>(no label)</source>
        <translation>(ohne Bezeichnung)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Parked at</source>
        <translation>Geparkt um</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <comment>the name a cashier gave a parked sale</comment>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lane</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cashier</source>
        <translation>Kassierer/in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../ui/paymentdialog.ui" line="+14"/>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Amount due</source>
        <translation>Zu zahlen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Cash tendered</source>
        <translation>&amp;Bar gegeben</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Card a&amp;mount</source>
        <translation>Karte&amp;nbetrag</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Slip r&amp;eference</source>
        <translation>Beleg&amp;referenz</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add card payment</source>
        <translation>Kartenzahlung hinzufügen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Pa&amp;yments taken</source>
        <translation>Erhaltene &amp;Zahlungen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Remove payment</source>
        <translation>Zahlung ent&amp;fernen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cash rounding</source>
        <translation>Bargeldrundung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Still to pay</source>
        <translation>Noch zu zahlen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Change</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <location filename="../ui/paymentdialog.cpp" line="+45"/>
        <source>&amp;Finish</source>
        <translation>&amp;Abschließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finish the sale (Enter once it is paid)</source>
        <translation>Den Verkauf abschließen (Enter, sobald bezahlt ist)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>In cash: %1</source>
        <translation>Bar: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter takes the amount typed and finishes once the sale is paid · F2 exact cash · F3–F7 notes · F8 card · Del removes a payment · Esc goes back to the sale</source>
        <translation>Enter übernimmt den eingegebenen Betrag und schließt ab, sobald bezahlt ist · F2 passend bar · F3–F7 Scheine · F8 Karte · Entf entfernt eine Zahlung · Esc zurück zum Verkauf</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Exact
F2</source>
        <comment>quick cash button: the exact amount, and its key</comment>
        <translation>Passend
F2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1
%2</source>
        <comment>quick cash button: note, key</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Card (F8)</source>
        <translation>Karte (F8)</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+2"/>
        <location line="+66"/>
        <location line="+19"/>
        <source>&quot;%1&quot; is not an amount.</source>
        <translation>„%1“ ist kein Betrag.</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+45"/>
        <source>A card cannot pay more than the total of %1. Take the rest in cash.</source>
        <translation>Mit Karte kann nicht mehr als die Summe von %1 bezahlt werden. Nehmen Sie den Rest bar an.</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+47"/>
        <source>A payment amount is not valid.</source>
        <translation>Ein Zahlungsbetrag ist ungültig.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Cash</source>
        <comment>payment method</comment>
        <translation>Bar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <comment>payment method</comment>
        <translation>Karte</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>%1 is still to pay. Type the cash tendered, or press F2 for the exact amount.</source>
        <translation>Es sind noch %1 zu zahlen. Geben Sie den erhaltenen Barbetrag ein oder drücken Sie F2 für den passenden Betrag.</translation>
    </message>
</context>
<context>
    <name>Percent</name>
    <message>
        <location filename="../models/domain/percent.cpp" line="+35"/>
        <source>%1 %</source>
        <comment>a percentage, e.g. 19 %</comment>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../models/domain/permissions.cpp" line="+19"/>
        <source>Sell</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void a line</source>
        <translation>Position stornieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear a sale</source>
        <translation>Verkauf abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a discount above the cashier limit</source>
        <translation>Rabatt über dem Kassiererlimit gewähren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Override a price</source>
        <translation>Preis überschreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take a refund</source>
        <translation>Erstattung durchführen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the drawer without a sale</source>
        <translation>Kassenlade ohne Verkauf öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put cash in or take cash out</source>
        <translation>Bareinlage oder Barentnahme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close a shift</source>
        <translation>Schicht schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print a Z report</source>
        <translation>Z-Bericht drucken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the catalogue</source>
        <translation>Artikelstamm bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adjust stock</source>
        <translation>Bestand korrigieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See reports</source>
        <translation>Berichte ansehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage users</source>
        <translation>Benutzer verwalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the audit log</source>
        <translation>Protokoll einsehen</translation>
    </message>
</context>
<context>
    <name>PinKeypad</name>
    <message>
        <location filename="../ui/pinkeypad.ui" line="+245"/>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the PIN</source>
        <translation>Die PIN löschen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Delete the last digit</source>
        <translation>Die letzte Ziffer löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backspace</source>
        <translation>Rücktaste</translation>
    </message>
</context>
<context>
    <name>PriceChangeDialog</name>
    <message>
        <location filename="../ui/pricechangedialog.ui" line="+14"/>
        <location filename="../ui/pricechangedialog.cpp" line="+190"/>
        <location line="+13"/>
        <source>Change Prices</source>
        <translation>Preise ändern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Products:</source>
        <translation>Artikel:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The products the list showed when you opened this window; change the filter there to choose others</source>
        <translation>Die Artikel, die die Liste beim Öffnen dieses Fensters zeigte; ändern Sie dort den Filter, um andere zu wählen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Change:</source>
        <translation>Ä&amp;nderung:</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../ui/pricechangedialog.cpp" line="-142"/>
        <location line="+7"/>
        <source>&amp;By:</source>
        <translation>&amp;Um:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;Single units only; leave the prices of packs as they are</source>
        <translation>Nur &amp;Einzeleinheiten; Preise von Gebinden unverändert lassen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../ui/pricechangedialog.cpp" line="-39"/>
        <source>Raise or lower by a percentage</source>
        <translation>Um einen Prozentsatz erhöhen oder senken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raise or lower by an amount</source>
        <translation>Um einen Betrag erhöhen oder senken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set every price to</source>
        <translation>Jeden Preis festsetzen auf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%</source>
        <comment>percent sign after the value</comment>
        <translation>%</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>e.g. %1 or %2</source>
        <translation>z. B. %1 oder %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;To:</source>
        <translation>&amp;Auf:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preview to see the new prices before applying them.</source>
        <translation>Sehen Sie sich die neuen Preise in der Vorschau an, bevor Sie sie übernehmen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Please enter the new price.</source>
        <translation>Bitte geben Sie den neuen Preis ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please enter by how much prices change.</source>
        <translation>Bitte geben Sie ein, um wie viel sich die Preise ändern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a percentage like %2 or %3.</source>
        <translation>„%1“ ist keine Prozentangabe wie %2 oder %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A price can be lowered by less than 100 %.</source>
        <translation>Ein Preis kann um weniger als 100 % gesenkt werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not an amount like %2.</source>
        <translation>„%1“ ist kein Betrag wie %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A price cannot be negative.</source>
        <translation>Ein Preis darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A change of zero changes nothing.</source>
        <translation>Eine Änderung um null ändert nichts.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No unit is sold at a price this change would touch.</source>
        <translation>Keine Einheit wird zu einem Preis verkauft, den diese Änderung betreffen würde.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some prices would become negative. Lower them by less, or choose fewer products.</source>
        <translation>Einige Preise würden negativ. Senken Sie sie um weniger oder wählen Sie weniger Artikel.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The first %L1 of %Ln unit(s) are shown.</source>
        <translation>
            <numerusform>Die ersten %L1 von %Ln Einheit werden angezeigt.</numerusform>
            <numerusform>Die ersten %L1 von %Ln Einheiten werden angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln unit(s) change price.</source>
        <translation>
            <numerusform>%Ln Einheit ändert ihren Preis.</numerusform>
            <numerusform>%Ln Einheiten ändern ihren Preis.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Change the price of %Ln unit(s) as previewed? The old prices are not kept.</source>
        <translation>
            <numerusform>Den Preis von %Ln Einheit wie in der Vorschau ändern? Der alte Preis wird nicht aufbewahrt.</numerusform>
            <numerusform>Die Preise von %Ln Einheiten wie in der Vorschau ändern? Die alten Preise werden nicht aufbewahrt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>The prices of %Ln unit(s) were changed.</source>
        <translation>
            <numerusform>Der Preis von %Ln Einheit wurde geändert.</numerusform>
            <numerusform>Die Preise von %Ln Einheiten wurden geändert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PriceChangeModel</name>
    <message>
        <location filename="../models/items/pricechangemodel.cpp" line="+46"/>
        <source>+%1</source>
        <comment>a price increase</comment>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The new price would be negative; the change cannot be applied.</source>
        <translation>Der neue Preis wäre negativ; die Änderung kann nicht übernommen werden.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>SKU</source>
        <comment>stock keeping unit, the store&apos;s own product code</comment>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <comment>the unit a product is sold in</comment>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price now</source>
        <translation>Aktueller Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New price</source>
        <translation>Neuer Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
</context>
<context>
    <name>PrinterSettingsDialog</name>
    <message>
        <location filename="../ui/printersettingsdialog.ui" line="+14"/>
        <source>Receipt printer</source>
        <translation>Belegdrucker</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where this till sends its receipts. The setting belongs to this computer only.</source>
        <translation>Wohin diese Kasse ihre Belege sendet. Die Einstellung gilt nur für diesen Computer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Printer</source>
        <translation>&amp;Drucker</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>P&amp;ort</source>
        <translation>Po&amp;rt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>P&amp;aper</source>
        <translation>&amp;Papier</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open the cash &amp;drawer for sales paid in cash</source>
        <translation>&amp;Kassenlade bei Barzahlung öffnen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Print a &amp;test receipt</source>
        <translation>&amp;Testbeleg drucken</translation>
    </message>
    <message>
        <location filename="../ui/printersettingsdialog.cpp" line="+24"/>
        <source>No printer</source>
        <translation>Kein Drucker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESC/POS printer on a device</source>
        <translation>ESC/POS-Drucker an einem Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESC/POS printer on the network</source>
        <translation>ESC/POS-Drucker im Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files in a folder</source>
        <translation>PDF-Dateien in einem Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>58 mm (32 characters)</source>
        <translation>58 mm (32 Zeichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>80 mm (48 characters)</source>
        <translation>80 mm (48 Zeichen)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Please enter the printer&apos;s device, such as /dev/usb/lp0.</source>
        <translation>Bitte geben Sie das Gerät des Druckers ein, zum Beispiel /dev/usb/lp0.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please enter the printer&apos;s host name or address.</source>
        <translation>Bitte geben Sie den Hostnamen oder die Adresse des Druckers ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please choose the folder for the PDF receipts.</source>
        <translation>Bitte wählen Sie den Ordner für die PDF-Belege.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Folder for PDF receipts</source>
        <translation>Ordner für PDF-Belege</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Printer test</source>
        <translation>Druckertest</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test line</source>
        <translation>Testzeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Piece</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The test receipt was sent.</source>
        <translation>Der Testbeleg wurde gesendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
</context>
<context>
    <name>Product</name>
    <message numerus="yes">
        <location filename="../models/domain/product.cpp" line="+30"/>
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stück</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n crate(s)</source>
        <translation>
            <numerusform>%n Kiste</numerusform>
            <numerusform>%n Kisten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n Kasten</numerusform>
            <numerusform>%n Kästen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n Schachtel</numerusform>
            <numerusform>%n Schachteln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bottle(s)</source>
        <translation>
            <numerusform>%n Flasche</numerusform>
            <numerusform>%n Flaschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n can(s)</source>
        <translation>
            <numerusform>%n Dose</numerusform>
            <numerusform>%n Dosen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n glass(es)</source>
        <translation>
            <numerusform>%n Glas</numerusform>
            <numerusform>%n Gläser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bag(s)</source>
        <translation>
            <numerusform>%n Beutel</numerusform>
            <numerusform>%n Beutel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sack(s)</source>
        <translation>
            <numerusform>%n Sack</numerusform>
            <numerusform>%n Säcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n net(s)</source>
        <translation>
            <numerusform>%n Netz</numerusform>
            <numerusform>%n Netze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pack(s)</source>
        <translation>
            <numerusform>%n Packung</numerusform>
            <numerusform>%n Packungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n six-pack(s)</source>
        <translation>
            <numerusform>%n Sixpack</numerusform>
            <numerusform>%n Sixpacks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n carton(s)</source>
        <translation>
            <numerusform>%n Karton</numerusform>
            <numerusform>%n Kartons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n jar(s)</source>
        <translation>
            <numerusform>%n Glas</numerusform>
            <numerusform>%n Gläser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tin(s)</source>
        <translation>
            <numerusform>%n Dose</numerusform>
            <numerusform>%n Dosen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tub(s)</source>
        <translation>
            <numerusform>%n Becher</numerusform>
            <numerusform>%n Becher</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pot(s)</source>
        <translation>
            <numerusform>%n Topf</numerusform>
            <numerusform>%n Töpfe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tray(s)</source>
        <translation>
            <numerusform>%n Steige</numerusform>
            <numerusform>%n Steigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n punnet(s)</source>
        <translation>
            <numerusform>%n Schale</numerusform>
            <numerusform>%n Schalen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bar(s)</source>
        <translation>
            <numerusform>%n Riegel</numerusform>
            <numerusform>%n Riegel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n roll(s)</source>
        <translation>
            <numerusform>%n Rolle</numerusform>
            <numerusform>%n Rollen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n tube(s)</source>
        <translation>
            <numerusform>%n Tube</numerusform>
            <numerusform>%n Tuben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n loaf/loaves</source>
        <translation>
            <numerusform>%n Laib</numerusform>
            <numerusform>%n Laibe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bunch(es)</source>
        <translation>
            <numerusform>%n Bund</numerusform>
            <numerusform>%n Bund</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cup(s)</source>
        <translation>
            <numerusform>%n Tasse</numerusform>
            <numerusform>%n Tassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n ream(s)</source>
        <translation>
            <numerusform>%n Ries</numerusform>
            <numerusform>%n Ries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n copy/copies</source>
        <translation>
            <numerusform>%n Exemplar</numerusform>
            <numerusform>%n Exemplare</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+34"/>
        <source>%1 × %2</source>
        <comment>count × unit name</comment>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Exactly %1</source>
        <comment>stock in the base unit</comment>
        <translation>Genau %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 g</source>
        <comment>grams</comment>
        <translation>%1 g</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ml</source>
        <comment>millilitres</comment>
        <translation>%1 ml</translation>
    </message>
</context>
<context>
    <name>ProductChooserDialog</name>
    <message>
        <location filename="../ui/productchooserdialog.ui" line="+14"/>
        <source>Choose a Product</source>
        <translation>Artikel wählen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search by name, SKU or barcode</source>
        <translation>Nach Name, Artikelnummer oder Barcode suchen</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../ui/producteditor.ui" line="+14"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>S&amp;KU:</source>
        <translation>Artikel&amp;nummer:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The store&apos;s own code, e.g. DRK-0042</source>
        <translation>Der eigene Code des Geschäfts, z. B. GTR-0042</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>As the receipt prints it</source>
        <translation>So, wie er auf dem Beleg steht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Category:</source>
        <translation>&amp;Warengruppe:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Tax rate:</source>
        <translation>&amp;Steuersatz:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Base unit:</source>
        <translation>&amp;Basiseinheit:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stock is counted in this unit; every unit the product is sold in holds a whole number of it</source>
        <translation>Der Bestand wird in dieser Einheit gezählt; jede Verkaufseinheit des Artikels enthält eine ganze Zahl davon</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reorder level:</source>
        <translation>&amp;Mindestbestand:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>At or below this stock, in base units, the product shows as low on stock</source>
        <translation>Bei diesem Bestand oder darunter, in Basiseinheiten, gilt der Artikel als knapp</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>C&amp;ost:</source>
        <translation>&amp;Einkaufspreis:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What the store pays, if known; leave empty when it is not</source>
        <translation>Was das Geschäft bezahlt, falls bekannt; sonst leer lassen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;for</source>
        <translation>f&amp;ür</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>How many base units the cost buys, e.g. 24 when the cost is per crate of 24</source>
        <translation>Für wie viele Basiseinheiten der Einkaufspreis gilt, z. B. 24, wenn er pro 24er-Kiste gilt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stock:</source>
        <translation>Bestand:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stock changes with sales, goods receipts, stocktakes and adjustments, not here</source>
        <translation>Der Bestand ändert sich durch Verkäufe, Wareneingänge, Inventuren und Korrekturen, nicht hier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Active: on sale and found at the counter</source>
        <translation>A&amp;ktiv: im Verkauf und an der Kasse auffindbar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>O&amp;pening stock:</source>
        <translation>Eröffnungsbes&amp;tand:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>What is on the shelf now; it goes on the stock ledger as the opening stock</source>
        <translation>Was jetzt im Regal steht; es wird als Eröffnungsbestand ins Bestandsjournal gebucht</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The unit the opening stock is counted in</source>
        <translation>Die Einheit, in der der Eröffnungsbestand gezählt wird</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Units it is sold in</source>
        <translation>Verkaufseinheiten</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Add &amp;Unit</source>
        <translation>Einheit &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sell the product in another pack, e.g. a box of 12</source>
        <translation>Den Artikel in einem weiteren Gebinde verkaufen, z. B. einem 12er-Karton</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Re&amp;move Unit</source>
        <translation>Einheit ent&amp;fernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop selling the selected unit; a unit on old bills is kept for them</source>
        <translation>Die gewählte Einheit nicht mehr verkaufen; für alte Bons bleibt sie erhalten</translation>
    </message>
    <message>
        <location filename="../ui/producteditor.cpp" line="+28"/>
        <source>Not known</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No category</source>
        <translation>Keine Warengruppe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2)</source>
        <comment>tax rate: name (percentage)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 — Product</source>
        <translation>%1 — Artikel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Product</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 — Product (read only)</source>
        <translation>%1 — Artikel (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> × %1</source>
        <comment>spin box suffix: × base unit</comment>
        <translation> × %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The cost &quot;%1&quot; is not an amount like %2.</source>
        <translation>Der Einkaufspreis „%1“ ist kein Betrag wie %2.</translation>
    </message>
</context>
<context>
    <name>ProductListModel</name>
    <message>
        <location filename="../models/items/productlistmodel.cpp" line="+180"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1
Stock is at or below the reorder level of %2.</source>
        <translation>%1
Der Bestand liegt auf oder unter dem Mindestbestand von %2.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The price of the smallest unit the product is sold in</source>
        <translation>Der Preis der kleinsten Verkaufseinheit des Artikels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is on the shelves, in the largest pack first</source>
        <translation>Was in den Regalen steht, zuerst im größten Gebinde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At or below this stock the product is low on stock</source>
        <translation>Bei diesem Bestand oder darunter gilt der Artikel als knapp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This column cannot be sorted</source>
        <translation>Diese Spalte kann nicht sortiert werden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SKU</source>
        <comment>stock keeping unit, the store&apos;s own product code</comment>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <comment>product name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tax</source>
        <comment>tax rate column</comment>
        <translation>Steuer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <comment>price of the smallest unit</comment>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock</source>
        <comment>quantity on hand</comment>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reorder level</source>
        <translation>Mindestbestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <comment>active or archived</comment>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>%1: %2</source>
        <comment>unit: price</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 · %3</source>
        <comment>unit: price · barcode</comment>
        <translation>%1: %2 · %3</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <location filename="../ui/productpicker.cpp" line="+21"/>
        <source>Scan a barcode, or type a name or SKU and press Enter</source>
        <translation>Barcode scannen oder Name bzw. Artikelnummer eingeben und Enter drücken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>…</source>
        <comment>button that opens the product chooser</comment>
        <translation>…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the catalogue</source>
        <translation>Im Artikelstamm suchen</translation>
    </message>
</context>
<context>
    <name>ProductSearchModel</name>
    <message>
        <location filename="../models/items/productsearchmodel.cpp" line="+32"/>
        <source>%1 %2</source>
        <comment>unit name and its price: Can 1.19 €</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>In stock: %1</source>
        <translation>Bestand: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
</context>
<context>
    <name>ProductUnitsModel</name>
    <message>
        <location filename="../models/items/productunitsmodel.cpp" line="+46"/>
        <source>Please enter how many base units the new unit holds.</source>
        <translation>Bitte geben Sie ein, wie viele Basiseinheiten die neue Einheit enthält.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please enter how many base units &quot;%1&quot; holds.</source>
        <translation>Bitte geben Sie ein, wie viele Basiseinheiten „%1“ enthält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The conversion rate &quot;%1&quot; of &quot;%2&quot; is not a whole number.</source>
        <translation>Der Umrechnungsfaktor „%1“ von „%2“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Please enter the price of the new unit.</source>
        <translation>Bitte geben Sie den Preis der neuen Einheit ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please enter the price of &quot;%1&quot;.</source>
        <translation>Bitte geben Sie den Preis von „%1“ ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The price &quot;%1&quot; of &quot;%2&quot; is not an amount like %3.</source>
        <translation>Der Preis „%1“ von „%2“ ist kein Betrag wie %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The barcode %1 of &quot;%2&quot; is not valid: check the last digit, or use an internal code without spaces.</source>
        <translation>Der Barcode %1 von „%2“ ist ungültig: Prüfen Sie die letzte Ziffer oder verwenden Sie einen internen Code ohne Leerzeichen.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Clear to stop selling this unit; it stays on old bills.</source>
        <translation>Häkchen entfernen, um diese Einheit nicht mehr zu verkaufen; auf alten Bons bleibt sie erhalten.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>How many base units one of this unit holds: 1 for the base unit itself, 12 for a box of 12</source>
        <translation>Wie viele Basiseinheiten eine dieser Einheiten enthält: 1 für die Basiseinheit selbst, 12 für einen 12er-Karton</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EAN-13, EAN-8 or UPC-A with its check digit, or any internal code</source>
        <translation>EAN-13, EAN-8 oder UPC-A mit Prüfziffer oder ein beliebiger interner Code</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unit</source>
        <comment>the unit a product is sold in</comment>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base units</source>
        <comment>base units in one of this unit</comment>
        <translation>Basiseinheiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price (%1)</source>
        <comment>price (currency symbol)</comment>
        <translation>Preis (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sold</source>
        <comment>whether the unit is still sold</comment>
        <translation>Im Verkauf</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../ui/productspage.ui" line="+25"/>
        <source>Name, SKU or barcode</source>
        <translation>Name, Art.-Nr., Barcode</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C&amp;ategory:</source>
        <translation>&amp;Warengruppe:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&amp;Low stock only</source>
        <translation>Nur &amp;knapper Bestand</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only products whose stock is at or below their reorder level</source>
        <translation>Nur Artikel, deren Bestand auf oder unter ihrem Mindestbestand liegt</translation>
    </message>
    <message>
        <location filename="../ui/productspage.cpp" line="+44"/>
        <source>Active products</source>
        <translation>Aktive Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived products</source>
        <translation>Archivierte Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All products</source>
        <translation>Alle Artikel</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a product with its units, prices and barcodes</source>
        <translation>Einen Artikel mit seinen Einheiten, Preisen und Barcodes anlegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+346"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="-345"/>
        <source>Open the selected product</source>
        <translation>Den gewählten Artikel öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Archive or Delete…</source>
        <translation>Archivieren oder &amp;Löschen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the selected product out of sale: archived when it has been sold, deleted when it never was</source>
        <translation>Den gewählten Artikel aus dem Verkauf nehmen: archiviert, wenn er schon verkauft wurde, gelöscht, wenn nie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put the selected archived product back on sale</source>
        <translation>Den gewählten archivierten Artikel wieder in den Verkauf nehmen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Categories…</source>
        <translation>Warengr&amp;uppen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, rename and remove categories</source>
        <translation>Warengruppen anlegen, umbenennen und entfernen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tax Rates…</source>
        <translation>&amp;Steuersätze…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add and change tax rates</source>
        <translation>Steuersätze anlegen und ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quick Keys…</source>
        <translation>Schnell&amp;tasten…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrange the sale screen&apos;s quick keys</source>
        <translation>Die Schnelltasten des Verkaufsbildschirms anordnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change &amp;Prices…</source>
        <translation>&amp;Preise ändern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raise, lower or set the prices of every product the list shows</source>
        <translation>Die Preise aller Artikel in der Liste erhöhen, senken oder festsetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create and update products from a CSV file</source>
        <translation>Artikel aus einer CSV-Datei anlegen und aktualisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the whole catalogue as a CSV file</source>
        <translation>Den gesamten Artikelstamm als CSV-Datei speichern</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Catalogue</source>
        <translation>Ka&amp;talog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories, tax rates, and the catalogue as a CSV file</source>
        <translation>Kategorien, Steuersätze und der Katalog als CSV-Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Products</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>All categories</source>
        <translation>Alle Warengruppen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>active products</source>
        <translation>aktiven Artikel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>archived products</source>
        <translation>archivierten Artikel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>active and archived products</source>
        <translation>aktiven und archivierten Artikel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>in the category &quot;%1&quot;</source>
        <translation>in der Warengruppe „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in every category</source>
        <translation>in allen Warengruppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>matching &quot;%1&quot;</source>
        <translation>passend zu „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>low on stock</source>
        <translation>mit knappem Bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1.</source>
        <comment>all &lt;active products in every category matching ...&gt;</comment>
        <translation>Alle %1.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Searching the catalogue…</source>
        <translation>Katalog wird durchsucht …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No product matches. Try fewer words, another category or &quot;All products&quot;.</source>
        <translation>Kein Artikel passt. Versuchen Sie weniger Wörter, eine andere Warengruppe oder „Alle Artikel“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No product to show. Try another category, &quot;All products&quot; or without &quot;Low stock only&quot;.</source>
        <translation>Kein Artikel anzuzeigen. Versuchen Sie eine andere Warengruppe, „Alle Artikel“ oder ohne „Nur knapper Bestand“.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln product(s) shown; more load as you scroll down.</source>
        <translation>
            <numerusform>%Ln Artikel angezeigt; weitere werden beim Scrollen geladen.</numerusform>
            <numerusform>%Ln Artikel angezeigt; weitere werden beim Scrollen geladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln product(s).</source>
        <translation>
            <numerusform>%Ln Artikel.</numerusform>
            <numerusform>%Ln Artikel.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;View…</source>
        <translation>&amp;Ansehen…</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Archive or Delete</source>
        <translation>Archivieren oder löschen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archive Product</source>
        <translation>Artikel archivieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete Product</source>
        <translation>Artikel löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archive &quot;%1&quot;?</source>
        <translation>„%1“ archivieren?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete &quot;%1&quot; for good?</source>
        <translation>„%1“ endgültig löschen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It has a history (sales, refunds or stock changes), so it is archived, not deleted: it can no longer be sold or found at the counter, its records stay as they are, and you can reactivate it.</source>
        <translation>Der Artikel hat eine Historie (Verkäufe, Erstattungen oder Bestandsänderungen) und wird daher archiviert, nicht gelöscht: Er kann an der Kasse nicht mehr verkauft oder gefunden werden, seine Einträge bleiben unverändert, und Sie können ihn reaktivieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It has no history: it was never sold and its stock never changed. It is deleted with its units and barcodes. This cannot be undone.</source>
        <translation>Der Artikel hat keine Historie: Er wurde nie verkauft, und sein Bestand hat sich nie geändert. Er wird mit seinen Einheiten und Barcodes gelöscht. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; was archived, not deleted: it got a history (a sale or a stock change) while you were asked, and a product with a history is kept. You can reactivate it.</source>
        <translation>„%1“ wurde archiviert, nicht gelöscht: Während der Rückfrage kam eine Historie hinzu (ein Verkauf oder eine Bestandsänderung), und ein Artikel mit Historie bleibt erhalten. Sie können ihn reaktivieren.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reactivate Product</source>
        <translation>Artikel reaktivieren</translation>
    </message>
</context>
<context>
    <name>Quantity</name>
    <message>
        <location filename="../models/domain/quantity.cpp" line="+54"/>
        <source>%1 × %2</source>
        <comment>count × unit name</comment>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../models/domain/product.cpp" line="+47"/>
        <location filename="../models/domain/quantity.cpp" line="+4"/>
        <source> + </source>
        <comment>joins the parts of one quantity</comment>
        <translation> + </translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../models/domain/quantity.cpp" line="+2"/>
        <source>−(%1)</source>
        <comment>a negative quantity</comment>
        <translation>−(%1)</translation>
    </message>
</context>
<context>
    <name>QuickKeysEditor</name>
    <message>
        <location filename="../ui/quickkeyseditor.cpp" line="+39"/>
        <source>Quick keys</source>
        <translation>Schnelltasten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a key, then put a product on it, move it or empty it. The sale screen shows the keys page by page.</source>
        <translation>Wählen Sie eine Taste, und legen Sie dann einen Artikel darauf, verschieben oder leeren Sie sie. Der Verkaufsbildschirm zeigt die Tasten Seite für Seite.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Add a page</source>
        <translation>Seite &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Put a product on this key…</source>
        <translation>&amp;Artikel auf diese Taste legen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;back</source>
        <translation>Eine Stelle &amp;zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;on</source>
        <translation>Eine Stelle &amp;weiter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Empty this key</source>
        <translation>Taste &amp;leeren</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+35"/>
        <location line="+50"/>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>%1
%2 · %3</source>
        <comment>quick key: product, unit · price</comment>
        <translation>%1
%2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(empty)</source>
        <comment>a quick key with nothing on it</comment>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Key %1 on page %2: %3, %4</source>
        <translation>Taste %1 auf Seite %2: %3, %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key %1 on page %2 is empty.</source>
        <translation>Taste %1 auf Seite %2 ist leer.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 is sold in no unit.</source>
        <translation>%1 wird in keiner Einheit verkauft.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quick key</source>
        <translation>Schnelltaste</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Which unit of %1 does the key sell?</source>
        <translation>In welcher Einheit verkauft die Taste %1?</translation>
    </message>
</context>
<context>
    <name>QuickKeysPanel</name>
    <message>
        <location filename="../ui/quickkeyspanel.cpp" line="+46"/>
        <source>Previous page of quick keys (Alt+Page Up)</source>
        <translation>Vorige Seite der Schnelltasten (Alt+Bild aufwärts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next page of quick keys (Alt+Page Down)</source>
        <translation>Nächste Seite der Schnelltasten (Alt+Bild abwärts)</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Page %1 of %2</source>
        <comment>quick keys</comment>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1  %2
%3 · %4</source>
        <comment>quick key: its number, product, unit · price</comment>
        <translation>%1  %2
%3 · %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2 (%3)</source>
        <comment>quick key tooltip: product, unit (shortcut)</comment>
        <translation>%1, %2 (%3)</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../ui/recalldialog.ui" line="+14"/>
        <source>Recall a parked sale</source>
        <translation>Geparkten Verkauf zurückholen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sales parked at any lane, newest first. Choose one with the arrow keys and press Enter.</source>
        <translation>An allen Kassen geparkte Verkäufe, neueste zuerst. Wählen Sie einen mit den Pfeiltasten und drücken Sie Enter.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No sale is parked.</source>
        <translation>Es ist kein Verkauf geparkt.</translation>
    </message>
    <message>
        <location filename="../ui/recalldialog.cpp" line="+25"/>
        <source>&amp;Recall</source>
        <translation>&amp;Zurückholen</translation>
    </message>
</context>
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <location filename="../models/items/receiptlinesmodel.cpp" line="+78"/>
        <source>The quantity &quot;%1&quot; of %2 is not a whole number.</source>
        <translation>Die Menge „%1“ von %2 ist keine ganze Zahl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The quantity of %1 must be more than zero.</source>
        <translation>Die Menge von %1 muss größer als null sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The cost &quot;%1&quot; of %2 is not an amount like %3.</source>
        <translation>Der Einkaufspreis „%1“ von %2 ist kein Betrag wie %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cost of %1 cannot be negative.</source>
        <translation>Der Einkaufspreis von %1 darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>From the product&apos;s cost; type to change it</source>
        <translation>Aus dem Einkaufspreis des Artikels; zum Ändern überschreiben</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%L2)</source>
        <comment>unit name (base units in it)</comment>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>SKU</source>
        <comment>stock keeping unit, the store&apos;s own product code</comment>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <comment>the unit goods arrived in</comment>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit cost</source>
        <translation>Einkaufspreis je Einheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <location filename="../models/services/receiptprinter.cpp" line="+141"/>
        <source>The receipt printer at %1 cannot be opened: %2</source>
        <translation>Der Belegdrucker an %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The receipt printer at %1 did not take the receipt: %2</source>
        <translation>Der Belegdrucker an %1 hat den Beleg nicht angenommen: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The receipt printer at %1:%2 does not answer: %3</source>
        <translation>Der Belegdrucker unter %1:%2 antwortet nicht: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The receipt printer at %1:%2 stopped taking data: %3</source>
        <translation>Der Belegdrucker unter %1:%2 nimmt keine Daten mehr an: %3</translation>
    </message>
</context>
<context>
    <name>ReceiptRenderer</name>
    <message>
        <location filename="../models/services/receiptrenderer.cpp" line="+101"/>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+149"/>
        <source>Tax ID %1</source>
        <translation>St.-Nr. %1</translation>
    </message>
    <message>
        <location line="-142"/>
        <location line="+149"/>
        <source>COPY</source>
        <translation>KOPIE</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Bill %1</source>
        <translation>Bon %1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>REFUND of bill %1</source>
        <translation>ERSTATTUNG zu Bon %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refund %1</source>
        <translation>Erstattung %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+149"/>
        <source>Served by %1</source>
        <translation>Es bediente Sie %1</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>  %1 × %2 %3</source>
        <translation>  %1 × %2 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Discount</source>
        <translation>  Rabatt</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+155"/>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+155"/>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <location line="-152"/>
        <location line="+155"/>
        <location line="+113"/>
        <source>Cash rounding</source>
        <translation>Bargeldrundung</translation>
    </message>
    <message>
        <location line="-266"/>
        <location line="+78"/>
        <location line="+78"/>
        <source>TOTAL %1</source>
        <translation>SUMME %1</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>%1 given</source>
        <translation>%1 gegeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  Ref. %1</source>
        <translation>  Ref. %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+151"/>
        <source>Change</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <location line="-148"/>
        <location line="+251"/>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Net / Tax / Gross</source>
        <translation>Netto / MwSt. / Brutto</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+151"/>
        <source>Refund given</source>
        <translation>Betrag erstattet</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+151"/>
        <source>Thank you for your visit!</source>
        <translation>Vielen Dank für Ihren Einkauf!</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>%1 × %2 %3</source>
        <translation>%1 × %2 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Tax %1: net %2, tax %3, gross %4</source>
        <translation>MwSt. %1: netto %2, Steuer %3, brutto %4</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 cannot be written.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Z report %1, lane %2</source>
        <translation>Z-Bericht %1, Kasse %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X report, lane %1</source>
        <translation>X-Bericht, Kasse %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened by</source>
        <translation>Geöffnet von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report made</source>
        <translation>Bericht erstellt</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Bills</source>
        <translation>Bons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discounts given</source>
        <translation>Gewährte Rabatte</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 (%n payment(s))</source>
        <comment>method (count)</comment>
        <translation>
            <numerusform>%1 (%n Zahlung)</numerusform>
            <numerusform>%1 (%n Zahlungen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sales by cashier</source>
        <translation>Umsatz nach Kassierer/in</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 (%n bill(s))</source>
        <comment>cashier (bills)</comment>
        <translation>
            <numerusform>%1 (%n Bon)</numerusform>
            <numerusform>%1 (%n Bons)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tax by rate</source>
        <translation>Steuer nach Steuersatz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 on %2</source>
        <comment>tax rate on gross amount</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drawer</source>
        <translation>Kassenlade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening float</source>
        <translation>Anfangsbestand</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Cash in (%n time(s))</source>
        <translation>
            <numerusform>Einlage (%n-mal)</numerusform>
            <numerusform>Einlagen (%n-mal)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Cash out (%n time(s))</source>
        <translation>
            <numerusform>Entnahme (%n-mal)</numerusform>
            <numerusform>Entnahmen (%n-mal)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opened without a sale</source>
        <translation>Ohne Verkauf geöffnet</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected cash</source>
        <translation>Bargeld-Soll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted cash</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
</context>
<context>
    <name>ReceiptService</name>
    <message>
        <location filename="../models/services/receiptservice.cpp" line="+22"/>
        <source>The bill cannot be read right now.</source>
        <translation>Der Bon kann gerade nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no such bill.</source>
        <translation>Diesen Bon gibt es nicht.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No bill has been made at this lane yet.</source>
        <translation>An dieser Kasse wurde noch kein Bon erstellt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a bill number. Scan the receipt or type its number.</source>
        <translation>„%1“ ist keine Bonnummer. Scannen Sie den Beleg oder geben Sie seine Nummer ein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no bill %1 at lane %2.</source>
        <translation>An Kasse %2 gibt es keinen Bon %1.</translation>
    </message>
</context>
<context>
    <name>ReceiptsMenu</name>
    <message>
        <location filename="../ui/receiptsmenu.cpp" line="+30"/>
        <source>%1 (%2)</source>
        <comment>action (shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reprint the &amp;last receipt</source>
        <translation>&amp;Letzten Beleg erneut drucken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reprint a &amp;bill…</source>
        <translation>&amp;Bon erneut drucken…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Printer…</source>
        <translation>&amp;Drucker…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Printing a copy of bill %1.</source>
        <translation>Eine Kopie von Bon %1 wird gedruckt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No receipt printer</source>
        <translation>Kein Belegdrucker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No receipt printer is set up.</source>
        <translation>Es ist kein Belegdrucker eingerichtet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a copy of bill %1 as a PDF instead?</source>
        <translation>Stattdessen eine Kopie von Bon %1 als PDF speichern?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;PDF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No receipt printer is set up: bill %1 was not printed. Choose one under Receipts, Printer.</source>
        <translation>Es ist kein Belegdrucker eingerichtet: Bon %1 wurde nicht gedruckt. Richten Sie unter „Belege“ › „Drucker“ einen ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save bill %1 as PDF</source>
        <translation>Bon %1 als PDF speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A copy of bill %1 was saved as %2.</source>
        <translation>Eine Kopie von Bon %1 wurde als %2 gespeichert.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reprint a bill</source>
        <translation>Bon erneut drucken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the receipt&apos;s barcode or type the bill number (42, or 1-000042 for another lane):</source>
        <translation>Scannen Sie den Barcode des Belegs oder geben Sie die Bonnummer ein (42 oder 1-000042 für eine andere Kasse):</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The printer settings of this till are saved.</source>
        <translation>Die Druckereinstellungen dieser Kasse sind gespeichert.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../ui/refunddialog.ui" line="+14"/>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Bill</source>
        <translation>Bon</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sold</source>
        <translation>Verkauft am</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cashier</source>
        <translation>Kassierer/in</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refunded so far</source>
        <translation>Bisher erstattet</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Refund &amp;all</source>
        <translation>&amp;Alles erstatten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take back everything that can still be refunded</source>
        <translation>Alles zurücknehmen, was noch erstattet werden kann</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set every quantity back to 0</source>
        <translation>Alle Mengen auf 0 zurücksetzen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type how many come back in the Refund column. Untick “Goes” for damaged items.</source>
        <translation>Geben Sie in der Spalte „Erstattung“ ein, wie viele zurückkommen. Entfernen Sie bei beschädigter Ware das Häkchen bei „Ins Lager“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rea&amp;son</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Pay everything back in &amp;cash</source>
        <translation>Alles &amp;bar auszahlen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Card re&amp;ference</source>
        <translation>Karten&amp;referenz</translation>
    </message>
    <message>
        <location filename="../ui/refunddialog.cpp" line="+97"/>
        <source>Changed their mind</source>
        <translation>Meinung geändert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Damaged or faulty</source>
        <translation>Beschädigt oder defekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrong item</source>
        <translation>Falscher Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past its best-before date</source>
        <translation>Mindesthaltbarkeitsdatum überschritten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Charged in error</source>
        <translation>Irrtümlich berechnet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Required: choose or type why</source>
        <translation>Pflichtfeld: Grund wählen oder eingeben</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Refund</source>
        <translation>&amp;Erstatten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the money back and print the refund receipt (%1)</source>
        <translation>Das Geld zurückgeben und den Erstattungsbeleg drucken (%1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Refund of bill %1</source>
        <translation>Erstattung zu Bon %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 in cash</source>
        <translation>%1 bar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 by card</source>
        <translation>%1 per Karte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 by card (%2)</source>
        <comment>amount by card (reference)</comment>
        <translation>%1 per Karte (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+43"/>
        <source>%1 by %2</source>
        <comment>amount by payment method</comment>
        <translation>%1 per %2</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>A manager may pay a card sale back in cash instead of to the card.</source>
        <translation>Die Marktleitung kann einen Kartenverkauf bar statt auf die Karte zurückzahlen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything goes back in cash: no card is owed anything.</source>
        <translation>Alles wird bar zurückgezahlt: Auf keine Karte ist etwas zu erstatten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As on the card terminal&apos;s slip</source>
        <translation>Wie auf dem Beleg des Kartenterminals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, as at the sale</source>
        <comment>card reference</comment>
        <translation>%1, wie beim Verkauf</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 in cash from the drawer</source>
        <translation>%1 bar aus der Kassenlade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 back to the card</source>
        <translation>%1 zurück auf die Karte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 back to the card (%2)</source>
        <comment>amount back to the card (reference)</comment>
        <translation>%1 zurück auf die Karte (%2)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nothing to refund yet</source>
        <translation>Noch nichts zu erstatten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refund %1</source>
        <translation>Erstattung %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
%2</source>
        <comment>where the money goes, then what is missing</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please give a reason for the refund.</source>
        <translation>Bitte geben Sie einen Grund für die Erstattung an.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Nothing was refunded: a refund needs a manager&apos;s approval.</source>
        <translation>Es wurde nichts erstattet: Eine Erstattung erfordert eine Freigabe durch die Marktleitung.</translation>
    </message>
</context>
<context>
    <name>RefundLinesModel</name>
    <message>
        <location filename="../models/items/refundlinesmodel.cpp" line="+71"/>
        <source>Only %1 of %2 can still be refunded.</source>
        <translation>Von %2 können nur noch %1 erstattet werden.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Back to stock</source>
        <translation>Zurück ins Lager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Damaged</source>
        <comment>goods that cannot be sold again</comment>
        <translation>Beschädigt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1
SKU %2</source>
        <comment>product name, then its SKU</comment>
        <translation>%1
Art.-Nr. %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%L1 × %2</source>
        <comment>quantity in base units × base unit</comment>
        <translation>%L1 × %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 × %2 at %3, less %4 discount</source>
        <translation>%1 × %2 zu %3, abzüglich %4 Rabatt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Up to %1 × %2</source>
        <translation>Bis zu %1 × %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Count this line in %1 or in %2</source>
        <translation>Diese Position in %1 oder in %2 zählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unticked: the items are damaged and do not go back on the shelf.</source>
        <translation>Ohne Häkchen: Die Artikel sind beschädigt und kommen nicht zurück ins Regal.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>What the customer paid for the line, after discounts</source>
        <translation>Was der Kunde für die Position nach Rabatten bezahlt hat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many come back: type a number</source>
        <translation>Wie viele zurückkommen: Zahl eingeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What this refund pays back for the line</source>
        <translation>Was diese Erstattung für die Position zurückzahlt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <comment>the unit the line was sold in</comment>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sold</source>
        <comment>quantity sold</comment>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refunded</source>
        <comment>quantity refunded before</comment>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refundable</source>
        <comment>quantity that may still come back</comment>
        <translation>Erstattbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <comment>amount paid for the line</comment>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each</source>
        <comment>amount paid per unit sold</comment>
        <translation>Je Einheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund</source>
        <comment>quantity to refund now</comment>
        <translation>Erstattung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted in</source>
        <comment>the unit the refund quantity is counted in</comment>
        <translation>Gezählt in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Goes</source>
        <comment>back to stock, or damaged</comment>
        <translation>Ins Lager</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <comment>amount refunded for the line</comment>
        <translation>Betrag</translation>
    </message>
</context>
<context>
    <name>RefundService</name>
    <message>
        <location filename="../models/services/refundservice.cpp" line="+39"/>
        <source>The till cannot reach its database. Nothing was refunded; please try again.</source>
        <translation>Die Kasse erreicht ihre Datenbank nicht. Es wurde nichts erstattet; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a bill number. Scan the receipt or type its number.</source>
        <translation>„%1“ ist keine Bonnummer. Scannen Sie den Beleg oder geben Sie seine Nummer ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no bill %1 at lane %2 in this store.</source>
        <translation>In diesem Geschäft gibt es an Kasse %2 keinen Bon %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There is no such bill.</source>
        <translation>Diesen Bon gibt es nicht.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose at least one item to refund.</source>
        <translation>Wählen Sie mindestens einen Artikel zum Erstatten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please give a reason for the refund.</source>
        <translation>Bitte geben Sie einen Grund für die Erstattung an.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>An item to refund is not on bill %1.</source>
        <translation>Ein zu erstattender Artikel steht nicht auf Bon %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter how many of %1 come back (at least 1).</source>
        <translation>Geben Sie ein, wie viele von %1 zurückkommen (mindestens 1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The quantity of %1 is too large.</source>
        <translation>Die Menge von %1 ist zu groß.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only %1 of %2 can still be refunded.</source>
        <translation>Von %2 können nur noch %1 erstattet werden.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Some of these items were refunded at another till just now. Nothing was refunded; load the bill again.</source>
        <translation>Einige dieser Artikel wurden gerade an einer anderen Kasse erstattet. Es wurde nichts erstattet; laden Sie den Bon erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No shift is open at lane %1. Open a shift to give money back.</source>
        <translation>An Kasse %1 ist keine Schicht geöffnet. Öffnen Sie eine Schicht, um Geld zurückzugeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An item to refund is not on this bill.</source>
        <translation>Ein zu erstattender Artikel steht nicht auf diesem Bon.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>base units</source>
        <translation>Basiseinheiten</translation>
    </message>
</context>
<context>
    <name>RefundsPage</name>
    <message>
        <location filename="../ui/refundspage.ui" line="+20"/>
        <source>Scan the receipt&apos;s &amp;barcode or type the bill number</source>
        <translation>Barcode des Belegs scannen oder Bon&amp;nummer eingeben</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Open Bill</source>
        <translation>Bon ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Bill history</source>
        <translation>Bonhistorie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only bills sold on or after this day</source>
        <translation>Nur Bons ab diesem Tag</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;To</source>
        <translation>B&amp;is</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only bills sold on or before this day</source>
        <translation>Nur Bons bis einschließlich diesem Tag</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>To&amp;day</source>
        <translation>H&amp;eute</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Yesterday</source>
        <translation>Ge&amp;stern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This &amp;Week</source>
        <translation>Diese &amp;Woche</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Any Date</source>
        <translation>Beliebiges Dat&amp;um</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>La&amp;ne</source>
        <translation>&amp;Kasse</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cas&amp;hier</source>
        <translation>Kassie&amp;rer/in</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Total fro&amp;m</source>
        <translation>Summe &amp;ab</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;up to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>&amp;Product</source>
        <translation>Ar&amp;tikel</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>&amp;Clear Filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/refundspage.cpp" line="+38"/>
        <source>e.g. 1-000042, or 42 for this lane</source>
        <translation>z. B. 1-000042 oder 42 für diese Kasse</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>All lanes</source>
        <translation>Alle Kassen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>any</source>
        <comment>no upper bound for the total</comment>
        <translation>beliebig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Any product: scan, or type and press Enter</source>
        <translation>Beliebiger Artikel: scannen oder eingeben und Enter drücken</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Everybody</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Refund %1 of bill %2 is done: %3. The receipt is printing.</source>
        <translation>Erstattung %1 zu Bon %2 ist erledigt: %3. Der Beleg wird gedruckt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund %1 of bill %2 is done: %3.</source>
        <translation>Erstattung %1 zu Bon %2 ist erledigt: %3.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The refund is done, but its receipt did not print: %1</source>
        <translation>Die Erstattung ist erledigt, aber ihr Beleg wurde nicht gedruckt: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>“%1” is not an amount. Type it like %2.</source>
        <translation>„%1“ ist kein Betrag. Geben Sie ihn wie %2 ein.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>No bill matches these filters.</source>
        <translation>Kein Bon passt zu diesen Filtern.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln bill(s) shown; scroll down for more.</source>
        <translation>
            <numerusform>%Ln Bon angezeigt; für weitere nach unten scrollen.</numerusform>
            <numerusform>%Ln Bons angezeigt; für weitere nach unten scrollen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln bill(s).</source>
        <translation>
            <numerusform>%Ln Bon.</numerusform>
            <numerusform>%Ln Bons.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <location filename="../ui/reportcharts.cpp" line="+112"/>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 %2 %</source>
        <comment>payment method and its share</comment>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Revenue (%1)</source>
        <comment>chart axis; %1 is the currency symbol</comment>
        <translation>Umsatz (%1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sales (%1)</source>
        <comment>chart axis; %1 is the currency symbol</comment>
        <translation>Umsatz (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cash</source>
        <comment>payment method</comment>
        <translation>Bar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Card</source>
        <comment>payment method</comment>
        <translation>Karte</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <location filename="../ui/reportexport.cpp" line="+70"/>
        <source>Nothing in this period.</source>
        <translation>Keine Einträge in diesem Zeitraum.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Choose a file name to save to.</source>
        <translation>Wählen Sie einen Dateinamen zum Speichern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The folder %1 does not exist. Choose another folder.</source>
        <translation>Der Ordner %1 existiert nicht. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 cannot be written. Choose a folder you may write to.</source>
        <translation>%1 kann nicht geschrieben werden. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be written completely; nothing was saved.</source>
        <translation>%1 konnte nicht vollständig geschrieben werden; es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>ReportService</name>
    <message>
        <location filename="../models/services/reportservice.cpp" line="+21"/>
        <source>Choose the first and the last day.</source>
        <translation>Wählen Sie den ersten und den letzten Tag.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first day comes after the last day. Swap them and try again.</source>
        <translation>Der erste Tag liegt nach dem letzten Tag. Tauschen Sie die beiden und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The report cannot be read right now; the last figures stay on screen.</source>
        <translation>Der Bericht kann gerade nicht gelesen werden; die letzten Zahlen bleiben auf dem Bildschirm.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The list of lanes cannot be read right now.</source>
        <translation>Die Liste der Kassen kann gerade nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../ui/reportview.cpp" line="+90"/>
        <source>Discounts</source>
        <translation>Rabatte</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Sales before discounts</source>
        <comment>report tile: shelf prices, tax included</comment>
        <translation>Umsatz vor Rabatten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gross sales</source>
        <comment>report tile: after discounts, tax included</comment>
        <translation>Bruttoumsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+118"/>
        <source>Tax</source>
        <translation>MwSt.</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Net sales</source>
        <comment>report tile: after discounts, less tax</comment>
        <translation>Nettoumsatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+135"/>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+121"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>Bills</source>
        <translation>Bons</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Average basket</source>
        <translation>Durchschnittlicher Bon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items sold</source>
        <translation>Verkaufte Einheiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross margin</source>
        <translation>Rohertrag</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Sales less tax and cost, over the products whose cost price is known</source>
        <translation>Umsatz ohne MwSt. abzüglich Einkaufspreis, über die Artikel mit bekanntem Einkaufspreis</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sales by hour of day</source>
        <translation>Umsatz nach Tageszeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales by day</source>
        <translation>Umsatz nach Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+50"/>
        <source>Payment methods</source>
        <translation>Zahlungsarten</translation>
    </message>
    <message numerus="yes">
        <location line="-48"/>
        <source>Top %n products by revenue</source>
        <translation>
            <numerusform>Der umsatzstärkste Artikel</numerusform>
            <numerusform>Die %n umsatzstärksten Artikel</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export &amp;CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the table in front as a CSV file for a spreadsheet</source>
        <translation>Die angezeigte Tabelle als CSV-Datei für eine Tabellenkalkulation speichern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tax by rate</source>
        <translation>Steuer nach Steuersatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <comment>tax rate</comment>
        <translation>Steuersatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales incl. tax</source>
        <translation>Umsatz inkl. MwSt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sales excl. tax</source>
        <translation>Umsatz ohne MwSt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <comment>payment method</comment>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Cashiers</source>
        <translation>Kassierer/innen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <source>Cashier</source>
        <translation>Kassierer/in</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+3"/>
        <location line="+2"/>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Categories</source>
        <translation>Warengruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Category</source>
        <translation>Warengruppe</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <comment>stock keeping unit, the store&apos;s own product code</comment>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Margin</source>
        <comment>gross margin</comment>
        <translation>Rohertrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bill</source>
        <translation>Bon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Low stock</source>
        <translation>Knapper Bestand</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unit</source>
        <comment>the unit a quantity is counted in</comment>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No sales in this period.</source>
        <translation>Keine Verkäufe in diesem Zeitraum.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>tax included</source>
        <translation>inkl. MwSt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after discounts, tax included</source>
        <translation>nach Rabatten, inkl. MwSt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after discounts, excluding tax</source>
        <translation>nach Rabatten, ohne MwSt.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n refund(s)</source>
        <translation>
            <numerusform>%n Erstattung</numerusform>
            <numerusform>%n Erstattungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no cost price known</source>
        <translation>kein Einkaufspreis bekannt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of sales excl. tax</source>
        <translation>%1 vom Umsatz ohne MwSt.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Without category</source>
        <translation>Ohne Warengruppe</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Top %1 of %2 products; the CSV export has all of them.</source>
        <translation>Top %1 von %2 Artikeln; der CSV-Export enthält alle.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The latest %1 of %2 refunds; the CSV export has all of them.</source>
        <translation>Die letzten %1 von %2 Erstattungen; der CSV-Export enthält alle.</translation>
    </message>
    <message>
        <location filename="../ui/reportviewexport.cpp" line="+59"/>
        <source>%1: %2</source>
        <comment>store name: report title</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made %1</source>
        <translation>Erstellt %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Export “%1” as CSV</source>
        <translation>„%1“ als CSV exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The table “%1” was saved as %2.</source>
        <translation>Die Tabelle „%1“ wurde als %2 gespeichert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export the report as PDF</source>
        <translation>Den Bericht als PDF exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The report was saved as %1.</source>
        <translation>Der Bericht wurde als %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Print the report</source>
        <translation>Den Bericht drucken</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../ui/reportspage.cpp" line="+20"/>
        <source>Toda&amp;y</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sales Report</source>
        <translation>&amp;Umsatzbericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift Re&amp;ports</source>
        <translation>Schicht&amp;berichte</translation>
    </message>
</context>
<context>
    <name>ResetPinDialog</name>
    <message>
        <location filename="../ui/resetpindialog.ui" line="+14"/>
        <source>Reset PIN</source>
        <translation>PIN zurücksetzen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New &amp;PIN:</source>
        <translation>Neue &amp;PIN:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Re&amp;peat PIN:</source>
        <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../ui/resetpindialog.cpp" line="+14"/>
        <source>Reset the PIN of %1</source>
        <translation>PIN von %1 zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) will sign in with this PIN from now on. A lock from too many wrong PINs is lifted.</source>
        <translation>%1 (%2) meldet sich ab jetzt mit dieser PIN an. Eine Sperre wegen zu vieler falscher PINs wird aufgehoben.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The two PINs differ. Please type the same PIN twice.</source>
        <translation>Die beiden PINs stimmen nicht überein. Bitte geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../models/domain/user.cpp" line="+34"/>
        <source>Cashier</source>
        <translation>Kassierer/in</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager</source>
        <translation>Marktleitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administrator</source>
        <translation>Administrator/in</translation>
    </message>
</context>
<context>
    <name>SaleEditor</name>
    <message>
        <location filename="../ui/saleeditor.cpp" line="+82"/>
        <source>%1 Please check it: %2</source>
        <comment>headline, then what changed in the sale</comment>
        <translation>%1 Bitte prüfen Sie: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+142"/>
        <source>There is no line yet: scan an item first.</source>
        <translation>Es gibt noch keine Position: Scannen Sie zuerst einen Artikel.</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>The quantity cannot be raised any further.</source>
        <translation>Die Menge kann nicht weiter erhöht werden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The line holds one. Press Delete (F8) to void it.</source>
        <translation>Die Position enthält nur ein Stück. Drücken Sie Entf (F8), um sie zu stornieren.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many %1 of %2?</source>
        <comment>how many units of product</comment>
        <translation>Wie viele %1 von %2?</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 is sold in one unit only.</source>
        <translation>%1 wird nur in einer Einheit verkauft.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is now sold as %2 at the catalogue price; give its discount again if it still applies.</source>
        <translation>%1 wird jetzt als %2 zum Preis laut Artikelstamm verkauft; geben Sie den Rabatt erneut ein, falls er noch gilt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Discount on a line</source>
        <translation>Rabatt auf eine Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount on %1 × %2 (%3), which costs %4.</source>
        <translation>Rabatt auf %1 × %2 (%3) zum Preis von %4.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Discount on the bill</source>
        <translation>Rabatt auf den Bon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount on the whole bill of %1.</source>
        <translation>Rabatt auf den gesamten Bon über %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the bill</source>
        <translation>den Bon</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Override the price</source>
        <translation>Preis überschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New price of one %1 of %2. The catalogue says %3.</source>
        <translation>Neuer Preis für %2 je %1. Laut Artikelstamm: %3.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 now costs %2 per %3.</source>
        <translation>%1 kostet jetzt %2 je %3.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Voided %1 × %2.</source>
        <translation>%1 × %2 storniert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sale is empty already.</source>
        <translation>Der Verkauf ist bereits leer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear the sale</source>
        <translation>Verkauf abbrechen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Take all %n item(s) off this sale?</source>
        <translation>
            <numerusform>Den %n Artikel aus diesem Verkauf entfernen?</numerusform>
            <numerusform>Alle %n Artikel aus diesem Verkauf entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The sale was cleared.</source>
        <translation>Der Verkauf wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is nothing to park.</source>
        <translation>Es gibt nichts zu parken.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Park the sale</source>
        <translation>Verkauf parken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A name to find it by, such as the customer&apos;s (may stay empty):</source>
        <translation>Ein Name, unter dem er sich wiederfinden lässt, etwa der des Kunden (darf leer bleiben):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The sale is parked. F7 recalls it, at any lane.</source>
        <translation>Der Verkauf ist geparkt. Mit F7 holen Sie ihn an jeder Kasse zurück.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sale &quot;%1&quot; is parked. F7 recalls it, at any lane.</source>
        <translation>Der Verkauf „%1“ ist geparkt. Mit F7 holen Sie ihn an jeder Kasse zurück.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No sale is parked.</source>
        <translation>Es ist kein Verkauf geparkt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recall a parked sale</source>
        <translation>Geparkten Verkauf zurückholen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>This sale has %n item(s). Park it first, so that the recalled one can take its place?</source>
        <translation>
            <numerusform>Dieser Verkauf enthält %n Artikel. Zuerst parken, damit der zurückgeholte Verkauf seinen Platz einnehmen kann?</numerusform>
            <numerusform>Dieser Verkauf enthält %n Artikel. Zuerst parken, damit der zurückgeholte Verkauf seinen Platz einnehmen kann?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Park it and recall</source>
        <translation>&amp;Parken und zurückholen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parked to recall another</source>
        <translation>Geparkt, um einen anderen zurückzuholen</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>The parked sale is back: %n item(s).</source>
        <translation>
            <numerusform>Der geparkte Verkauf ist zurück: %n Artikel.</numerusform>
            <numerusform>Der geparkte Verkauf ist zurück: %n Artikel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalePage</name>
    <message>
        <location filename="../ui/salepage.ui" line="+69"/>
        <source>&amp;Shift</source>
        <translation>&amp;Schicht</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Receipts</source>
        <translation>&amp;Belege</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Quick keys</source>
        <translation>Schnelltasten</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No shift is open</source>
        <translation>Keine Schicht geöffnet</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Open shift…</source>
        <translation>Schicht ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/salepage.cpp" line="+125"/>
        <source>%1 (%2)</source>
        <comment>action (shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount on the line</source>
        <translation>Rabatt auf die Position</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount on the bill</source>
        <translation>Rabatt auf den Bon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bill disc.</source>
        <translation>Bonrabatt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Override the price</source>
        <translation>Preis überschreiben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Park the sale</source>
        <translation>Verkauf parken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Park</source>
        <translation>Parken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recall a parked sale</source>
        <translation>Geparkten Verkauf zurückholen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>Zurückholen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void the line</source>
        <translation>Position stornieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Void</source>
        <translation>Storno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the sale</source>
        <translation>Verkauf abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the unit</source>
        <translation>Einheit wechseln</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pay   %1</source>
        <comment>pay button with its key</comment>
        <translation>Bezahlen   %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the payment (%1, or Enter on an empty scan field)</source>
        <translation>Zahlung annehmen (%1 oder Enter bei leerem Scanfeld)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open and close the shift, cash in and out (Alt+S)</source>
        <translation>Schicht öffnen und schließen, Einlage und Entnahme (Alt+S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reprint receipts, set up the printer (Alt+R)</source>
        <translation>Belege erneut drucken, Drucker einrichten (Alt+B)</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Nobody can sell at lane %1 until a shift is open. Count the cash float into the drawer and open the shift.</source>
        <translation>An Kasse %1 kann erst verkauft werden, wenn eine Schicht geöffnet ist. Zählen Sie den Anfangsbestand in die Kassenlade ein und öffnen Sie die Schicht.</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Nothing matches &quot;%1&quot;.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>The quantity must be between 1 and %1.</source>
        <translation>Die Menge muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>The sale that was in progress is back on screen (items: %1).</source>
        <translation>Der laufende Verkauf ist wieder auf dem Bildschirm (Artikel: %1).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lane %1 · %2
since %3</source>
        <comment>lane, cashier of the shift, opening time</comment>
        <translation>Kasse %1 · %2
seit %3</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+194"/>
        <source>Quantity %1: now scan the item.</source>
        <translation>Menge %1: jetzt den Artikel scannen.</translation>
    </message>
    <message>
        <location line="-190"/>
        <location line="+104"/>
        <source>Scan an item to start a sale.</source>
        <translation>Scannen Sie einen Artikel, um einen Verkauf zu beginnen.</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Nothing has the barcode, name or SKU &quot;%1&quot;.</source>
        <translation>Kein Artikel hat den Barcode, Namen oder die Artikelnummer „%1“.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 × %2 (%3) · %4 — %5 on the line now</source>
        <comment>quantity × product (unit) · price — quantity after a repeated scan</comment>
        <translation>%1 × %2 (%3) · %4 — jetzt %5 auf der Position</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 × %2 (%3) · %4</source>
        <comment>quantity × product (unit) · price</comment>
        <translation>%1 × %2 (%3) · %4</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Type a quantity from 1 to %1, then press F2.</source>
        <translation>Geben Sie eine Menge von 1 bis %1 ein und drücken Sie dann F2.</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>This sale is too large to add up. Please split it.</source>
        <translation>Dieser Verkauf ist zu groß, um ihn zu summieren. Bitte teilen Sie ihn auf.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This sale had been saved already as bill %1; nothing was charged twice.</source>
        <translation>Dieser Verkauf war bereits als Bon %1 gespeichert; es wurde nichts doppelt berechnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bill %1 saved. No change.</source>
        <translation>Bon %1 gespeichert. Kein Wechselgeld.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bill %1 saved. Change: %2</source>
        <translation>Bon %1 gespeichert. Wechselgeld: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bill %1 is saved, but its receipt could not be made: %2</source>
        <translation>Bon %1 ist gespeichert, aber sein Beleg konnte nicht erstellt werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+83"/>
        <source>Reprint</source>
        <translation>Erneut drucken</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Print the receipt again (Ctrl+P)</source>
        <translation>Den Beleg erneut drucken (Strg+P)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sell what was scanned or typed; on an empty field, pay</source>
        <translation>Verkaufen, was gescannt oder eingegeben wurde; bei leerem Feld bezahlen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3*</source>
        <comment>quantity prefix</comment>
        <translation>3*</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before a scan or a quick key: sell three</source>
        <translation>Vor einem Scan oder einer Schnelltaste: drei Stück verkaufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>+ / −</source>
        <translation>+ / −</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One more or one less of the selected line</source>
        <translation>Eins mehr oder eins weniger in der gewählten Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑ / ↓</source>
        <translation>↑ / ↓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a line, or a product in the search list</source>
        <translation>Eine Position oder einen Artikel in der Suchliste wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Entf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Void the selected line</source>
        <translation>Die gewählte Position stornieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the search list, or empty the scan field</source>
        <translation>Die Suchliste schließen oder das Scanfeld leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+1 … Alt+=</source>
        <translation>Alt+1 … Alt+=</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The quick keys, left to right</source>
        <translation>Die Schnelltasten, von links nach rechts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reprint the last receipt</source>
        <translation>Den letzten Beleg erneut drucken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+S / Alt+R</source>
        <translation>Alt+S / Alt+B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The Shift and Receipts menus</source>
        <translation>Die Menüs „Schicht“ und „Belege“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keys at the counter</source>
        <translation>Tasten an der Kasse</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type part of a name or a SKU; the list opens as you type.</source>
        <translation>Geben Sie einen Teil eines Namens oder einer Artikelnummer ein; die Liste öffnet sich beim Tippen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The cash drawer did not open: %1</source>
        <translation>Die Kassenlade hat sich nicht geöffnet: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The receipt of bill %1 did not print: %2</source>
        <translation>Der Beleg zu Bon %1 wurde nicht gedruckt: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the receipt of bill %1 again</source>
        <translation>Den Beleg zu Bon %1 erneut drucken</translation>
    </message>
</context>
<context>
    <name>SaleSaver</name>
    <message>
        <location filename="../ui/salesaver.cpp" line="+41"/>
        <source>Saving the sale…</source>
        <translation>Verkauf wird gespeichert…</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>Waiting for the database (%n s)… The sale is kept; Till stops waiting after %1 s.</source>
        <translation>
            <numerusform>Warten auf die Datenbank (%n s)… Der Verkauf bleibt erhalten; Till wartet höchstens %1 s.</numerusform>
            <numerusform>Warten auf die Datenbank (%n s)… Der Verkauf bleibt erhalten; Till wartet höchstens %1 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalesReportTab</name>
    <message>
        <location filename="../ui/salesreporttab.ui" line="+11"/>
        <source>Peri&amp;od</source>
        <translation>Zeit&amp;raum</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;To</source>
        <translation>B&amp;is</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export P&amp;DF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the whole report, with its charts and tables, as a PDF file</source>
        <translation>Den ganzen Bericht mit Diagrammen und Tabellen als PDF-Datei speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>P&amp;rint…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the whole report</source>
        <translation>Den ganzen Bericht drucken</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>La&amp;ne</source>
        <translation>&amp;Kasse</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cas&amp;hier</source>
        <translation>Kassie&amp;rer/in</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cate&amp;gory</source>
        <translation>&amp;Warengruppe</translation>
    </message>
    <message>
        <location filename="../ui/salesreporttab.cpp" line="+53"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <comment>today and the six days before</comment>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <comment>the whole calendar month before this one</comment>
        <translation>Vormonat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom</source>
        <comment>a period between two dates the person picks</comment>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>All lanes</source>
        <translation>Alle Kassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lane %1</source>
        <translation>Kasse %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everybody</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Every category</source>
        <translation>Alle Warengruppen</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Sales report, %1</source>
        <translation>Umsatzbericht, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales report, %1 to %2</source>
        <comment>first and last day</comment>
        <translation>Umsatzbericht, %1 bis %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lane: %1. Cashier: %2. Category: %3.</source>
        <translation>Kasse: %1. Kassierer/in: %2. Warengruppe: %3.</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <location filename="../ui/scanfield.cpp" line="+40"/>
        <source>Scan or search</source>
        <comment>placeholder of the scan field; the tool tip explains more</comment>
        <translation>Scan oder Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan a barcode or type it and press Enter. Text searches names and SKUs. 3* before a code sells three (F3).</source>
        <translation>Barcode scannen oder eintippen und Enter drücken. Text sucht in Namen und Artikelnummern. 3* vor einem Code verkauft drei (F3).</translation>
    </message>
</context>
<context>
    <name>ServiceError</name>
    <message>
        <location filename="../models/services/serviceerror.cpp" line="+28"/>
        <source>The disk that holds the database is full, so nothing was saved. Everything is still on screen: free some space, or call whoever looks after your tills, then try again.</source>
        <translation>Der Datenträger der Datenbank ist voll, daher wurde nichts gespeichert. Alles ist noch auf dem Bildschirm: Schaffen Sie Platz oder rufen Sie die Person an, die Ihre Kassen betreut, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file was deleted or replaced while Till was running, so Till saves nothing more into it and nothing on screen was saved. Close Till, put the store&apos;s database file back or restore it from a backup, and start Till again.</source>
        <translation>Die Datenbankdatei wurde gelöscht oder ersetzt, während Till lief. Till speichert daher nichts mehr darin, und nichts auf dem Bildschirm wurde gespeichert. Schließen Sie Till, legen Sie die Datenbankdatei des Geschäfts zurück oder stellen Sie sie aus einer Sicherung wieder her, und starten Sie Till erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database did not answer in time, so nothing was saved. Everything is still on screen; please try again in a moment.</source>
        <translation>Die Datenbank hat nicht rechtzeitig geantwortet, daher wurde nichts gespeichert. Alles ist noch auf dem Bildschirm; bitte versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/settingspage.ui" line="+17"/>
        <source>Store settings</source>
        <translation>Geschäftseinstellungen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>These settings hold for every till of the store.</source>
        <translation>Diese Einstellungen gelten für alle Kassen des Geschäfts.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Store</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Store &amp;name:</source>
        <translation>&amp;Name des Geschäfts:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Tax number:</source>
        <translation>&amp;Steuernummer:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Currency code:</source>
        <translation>&amp;Währungscode:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Currency &amp;symbol:</source>
        <translation>Währungss&amp;ymbol:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>€</source>
        <translation>€</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Prices:</source>
        <translation>Preise:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Include tax</source>
        <translation>&amp;inkl. Steuer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shelf prices are gross prices; the receipt shows the tax they contain</source>
        <translation>Regalpreise sind Bruttopreise; der Beleg weist die enthaltene Steuer aus</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cash and discounts</source>
        <translation>Bargeld und Rabatte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cash &amp;rounding step:</source>
        <translation>Bargeld-&amp;Rundungsschritt:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source> ct</source>
        <translation> ct</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cash totals are rounded to a multiple of this many cents; 1 means no rounding</source>
        <translation>Barsummen werden auf ein Vielfaches dieser Anzahl Cent gerundet; 1 bedeutet keine Rundung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cashier &amp;discount limit:</source>
        <translation>Rabattlimit &amp;Kassierer/in:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Larger discounts need a manager&apos;s approval</source>
        <translation>Höhere Rabatte erfordern eine Freigabe durch die Marktleitung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selling without &amp;stock:</source>
        <translation>Verkauf ohne &amp;Bestand:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Arrange the &amp;quick keys…</source>
        <translation>Schnelltasten an&amp;ordnen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Count &amp;blind: the expected stock or cash shows only after the count</source>
        <translation>B&amp;lind zählen: Soll-Bestand und Bargeld-Soll erscheinen erst nach der Zählung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign-in and locking</source>
        <translation>Anmeldung und Sperre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lock the till after:</source>
        <translation>Kasse sperren na&amp;ch:</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+49"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minutes without a key press or a touch before the till returns to the sign-in screen</source>
        <translation>Minuten ohne Tastendruck oder Berührung, bis die Kasse zum Anmeldebildschirm zurückkehrt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Wrong PINs before a lock:</source>
        <translation>&amp;Falsche PINs bis zur Sperre:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Lock &amp;lasts:</source>
        <translation>Sperre dauer&amp;t:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>How long a user stays locked out after too many wrong PINs, unless a manager resets their PIN</source>
        <translation>Wie lange ein Benutzer nach zu vielen falschen PINs gesperrt bleibt, sofern die Marktleitung die PIN nicht zurücksetzt</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;Undo changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sa&amp;ve</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="+32"/>
        <source>Warn, then sell anyway</source>
        <translation>Warnen, dann trotzdem verkaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Block the sale</source>
        <translation>Verkauf sperren</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Saved. Other tills take up new sign-in and lock settings when they next start.</source>
        <translation>Gespeichert. Andere Kassen übernehmen neue Anmelde- und Sperreinstellungen beim nächsten Start.</translation>
    </message>
</context>
<context>
    <name>SettingsService</name>
    <message>
        <location filename="../models/services/settingsservice.cpp" line="+80"/>
        <source>Store name</source>
        <translation>Name des Geschäfts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax number</source>
        <translation>Steuernummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency code</source>
        <translation>Währungscode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency symbol</source>
        <translation>Währungssymbol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prices include tax</source>
        <translation>Preise inkl. Steuer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash rounding step</source>
        <translation>Bargeld-Rundungsschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier discount limit</source>
        <translation>Rabattlimit Kassierer/in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selling without stock</source>
        <translation>Verkauf ohne Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blind counts</source>
        <translation>Blindzählung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after idle minutes</source>
        <translation>Sperre nach Minuten ohne Eingabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong PINs before a lock</source>
        <translation>Falsche PINs bis zur Sperre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock duration</source>
        <translation>Sperrdauer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Till has no setting called &quot;%1&quot;.</source>
        <translation>Till hat keine Einstellung namens „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please enter the store&apos;s name; receipts and the sign-in screen show it.</source>
        <translation>Bitte geben Sie den Namen des Geschäfts ein; er erscheint auf den Belegen und dem Anmeldebildschirm.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The store&apos;s name can have at most %1 characters.</source>
        <translation>Der Name des Geschäfts darf höchstens %1 Zeichen haben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 can have at most %2 characters.</source>
        <translation>%1 darf höchstens %2 Zeichen haben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The currency code has three letters, such as EUR, CHF or USD.</source>
        <translation>Der Währungscode hat drei Buchstaben, zum Beispiel EUR, CHF oder USD.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The currency symbol has 1 to 8 characters, such as € or Fr.</source>
        <translation>Das Währungssymbol hat 1 bis 8 Zeichen, zum Beispiel € oder Fr.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is either on or off.</source>
        <translation>%1 ist entweder ein- oder ausgeschaltet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must be a whole number from %2 to %3.</source>
        <translation>%1 muss eine ganze Zahl von %2 bis %3 sein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+24"/>
        <source>The settings could not be read or saved. Nothing was changed.</source>
        <translation>Die Einstellungen konnten nicht gelesen oder gespeichert werden. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>SetupService</name>
    <message>
        <location filename="../models/services/setupservice.cpp" line="+31"/>
        <source>The store could not be set up. Nothing was saved; please try again.</source>
        <translation>Das Geschäft konnte nicht eingerichtet werden. Es wurde nichts gespeichert; bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A tax rate lies between 0 % and 100 %.</source>
        <translation>Ein Steuersatz liegt zwischen 0 % und 100 %.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../ui/setupwizard.cpp" line="+104"/>
        <source>Please enter the administrator&apos;s name.</source>
        <translation>Bitte geben Sie den Namen der Administratorin bzw. des Administrators ein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This store has already been set up: it has users. Please sign in, or ask an administrator to add you.</source>
        <translation>Dieses Geschäft ist bereits eingerichtet: Es hat Benutzer. Bitte melden Sie sich an oder bitten Sie eine Administratorin bzw. einen Administrator, Sie hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Standard rate</source>
        <translation>Normalsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduced rate</source>
        <translation>Ermäßigter Satz</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database already holds tax rates, so it is not a new store. Nothing was saved.</source>
        <translation>Die Datenbank enthält bereits Steuersätze, es ist also kein neues Geschäft. Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../ui/setupwizard.ui" line="+14"/>
        <source>Set up Till</source>
        <translation>Till einrichten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your store</source>
        <translation>Ihr Geschäft</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receipts show these details. You can change them later in the Settings area.</source>
        <translation>Diese Angaben erscheinen auf den Belegen. Sie können sie später im Bereich „Einstellungen“ ändern.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Tax number:</source>
        <translation>&amp;Steuernummer:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Currency code:</source>
        <translation>Wä&amp;hrungscode:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Currency &amp;symbol:</source>
        <translation>Währungss&amp;ymbol:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Shelf prices &amp;include tax</source>
        <translation>Regalpreise &amp;inkl. Steuer</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Store na&amp;me:</source>
        <translation>&amp;Name des Geschäfts:</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Standar&amp;d tax rate:</source>
        <translation>N&amp;ormaler Steuersatz:</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+26"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>&amp;Reduced tax rate:</source>
        <translation>E&amp;rmäßigter Steuersatz:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The first administrator</source>
        <translation>Die erste Administratorin bzw. der erste Administrator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This person signs in first and then adds managers and cashiers in the Users area.</source>
        <translation>Diese Person meldet sich als Erste an und legt dann im Bereich „Benutzer“ Marktleitung und Kassierer/innen an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Passphrase or PIN:</source>
        <translation>&amp;Kennwort oder PIN:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Repeat it:</source>
        <translation>Wie&amp;derholen:</translation>
    </message>
    <message>
        <location filename="../ui/setupwizard.cpp" line="-77"/>
        <source>&amp;Create the store</source>
        <translation>&amp;Geschäft anlegen</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The two passphrases differ. Please type the same one twice.</source>
        <translation>Die beiden Kennwörter stimmen nicht überein. Bitte geben Sie zweimal dasselbe ein.</translation>
    </message>
</context>
<context>
    <name>ShiftMenu</name>
    <message>
        <location filename="../ui/shiftmenu.cpp" line="+20"/>
        <source>&amp;Open shift…</source>
        <translation>Schicht ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cash &amp;in…</source>
        <translation>&amp;Einlage…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash o&amp;ut…</source>
        <translation>E&amp;ntnahme…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;drawer…</source>
        <translation>&amp;Kassenlade öffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;X report</source>
        <translation>&amp;X-Bericht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close shift…</source>
        <translation>Schicht &amp;schließen…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open the shift</source>
        <translation>Schicht öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count the cash float into the drawer of lane %1 and type it here.</source>
        <translation>Zählen Sie den Anfangsbestand in die Kassenlade von Kasse %1 ein und geben Sie ihn hier ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The shift is open with a float of %1.</source>
        <translation>Die Schicht ist mit einem Anfangsbestand von %1 geöffnet.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cash in</source>
        <translation>Einlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cash out</source>
        <translation>Entnahme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cash put into the drawer, and why (change from the bank, …).</source>
        <translation>Bargeld in die Kassenlade gelegt, und warum (Wechselgeld von der Bank, …).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash taken out of the drawer, and why (to the safe, a supplier paid, …).</source>
        <translation>Bargeld aus der Kassenlade genommen, und warum (in den Tresor, Lieferant bezahlt, …).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 put into the drawer.</source>
        <translation>%1 in die Kassenlade eingelegt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 taken out of the drawer.</source>
        <translation>%1 aus der Kassenlade entnommen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the drawer</source>
        <translation>Kassenlade öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the drawer open without a sale?</source>
        <translation>Warum wird die Kassenlade ohne Verkauf geöffnet?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The drawer opens without a sale only with a reason.</source>
        <translation>Ohne Verkauf öffnet die Kassenlade nur mit Angabe eines Grundes.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The drawer was opened: %1</source>
        <translation>Die Kassenlade wurde geöffnet: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Finish or park the sale on screen before closing the shift.</source>
        <translation>Schließen Sie den Verkauf auf dem Bildschirm ab oder parken Sie ihn, bevor Sie die Schicht schließen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The shift is closed: Z report %1.</source>
        <translation>Die Schicht ist geschlossen: Z-Bericht %1.</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../ui/shiftreportdialog.cpp" line="+67"/>
        <source>&amp;Print</source>
        <translation>&amp;Drucken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the report on the receipt printer</source>
        <translation>Den Bericht auf dem Belegdrucker drucken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the report on a printer</source>
        <translation>Den Bericht auf einem Drucker drucken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was printed.</source>
        <translation>%1 wurde gedruckt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 did not print: %2</source>
        <translation>%1 wurde nicht gedruckt: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is printing on the receipt printer.</source>
        <translation>%1 wird auf dem Belegdrucker gedruckt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Print %1</source>
        <translation>%1 drucken</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was sent to the printer.</source>
        <translation>%1 wurde an den Drucker gesendet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save %1 as PDF</source>
        <translation>%1 als PDF speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 was saved as %2.</source>
        <translation>%1 wurde als %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ShiftReportsTab</name>
    <message>
        <location filename="../ui/shiftreportstab.ui" line="+13"/>
        <source>Show &amp;X Report</source>
        <translation>&amp;X-Bericht anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The figures of this lane&apos;s open shift so far; nothing is closed or changed</source>
        <translation>Die bisherigen Zahlen der offenen Schicht dieser Kasse; nichts wird geschlossen oder geändert</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Lane</source>
        <translation>&amp;Kasse</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Closed shifts and their Z reports, the latest first</source>
        <translation>Geschlossene Schichten und ihre Z-Berichte, die neuesten zuerst</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;View Z Report</source>
        <translation>Z-Bericht &amp;ansehen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the selected Z report as it was stored at closing, to read, print or save</source>
        <translation>Den gewählten Z-Bericht so zeigen, wie er beim Schließen gespeichert wurde, zum Lesen, Drucken oder Speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show &amp;More</source>
        <translation>&amp;Mehr anzeigen</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Export P&amp;DF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Reprint…</source>
        <translation>&amp;Erneut drucken…</translation>
    </message>
    <message>
        <location filename="../ui/shiftreportstab.cpp" line="+42"/>
        <source>Choose a Z report, or show the X report of lane %1.</source>
        <translation>Wählen Sie einen Z-Bericht oder zeigen Sie den X-Bericht der Kasse %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;X Report of Lane %1</source>
        <translation>&amp;X-Bericht der Kasse %1 anzeigen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lane</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z</source>
        <comment>number of the Z report</comment>
        <translation>Z</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cashier</source>
        <translation>Kassierer/in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bills</source>
        <translation>Bons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected cash</source>
        <translation>Bargeld-Soll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted cash</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <comment>counted less expected cash</comment>
        <translation>Differenz</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>All lanes</source>
        <translation>Alle Kassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lane %1</source>
        <translation>Kasse %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No shift was closed yet.</source>
        <translation>Es wurde noch keine Schicht geschlossen.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln Z report(s) shown; there are more.</source>
        <translation>
            <numerusform>%Ln Z-Bericht angezeigt; es gibt weitere.</numerusform>
            <numerusform>%Ln Z-Berichte angezeigt; es gibt weitere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln Z report(s).</source>
        <translation>
            <numerusform>%Ln Z-Bericht.</numerusform>
            <numerusform>%Ln Z-Berichte.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Print %1</source>
        <translation>%1 drucken</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export %1 as PDF</source>
        <translation>%1 als PDF exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <comment>store name: report title</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was saved as %2.</source>
        <translation>%1 wurde als %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ShiftService</name>
    <message>
        <location filename="../models/services/shiftservice.cpp" line="+22"/>
        <source>The shift could not be read or saved. Nothing was changed.</source>
        <translation>Die Schicht konnte nicht gelesen oder gespeichert werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No shift is open at lane %1. Open a shift first.</source>
        <translation>An Kasse %1 ist keine Schicht geöffnet. Öffnen Sie zuerst eine Schicht.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The opening float cannot be negative.</source>
        <translation>Der Anfangsbestand darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A shift is already open at lane %1.</source>
        <translation>An Kasse %1 ist bereits eine Schicht geöffnet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Enter an amount above zero.</source>
        <translation>Geben Sie einen Betrag über null ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Please say why the cash goes in or out.</source>
        <translation>Bitte geben Sie an, warum Bargeld eingelegt oder entnommen wird.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The counted cash cannot be negative.</source>
        <translation>Das gezählte Bargeld darf nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This shift was closed at another till in the meantime.</source>
        <translation>Diese Schicht wurde inzwischen an einer anderen Kasse geschlossen.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>There is no Z report %1 for lane %2.</source>
        <translation>Für Kasse %2 gibt es keinen Z-Bericht %1.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../app/startup.cpp" line="+49"/>
        <source>Till is already running on this database (process %1 on %2). Please use that window, or close it and start Till again. Two tills on one database file would not see each other&apos;s sales.</source>
        <translation>Till läuft bereits mit dieser Datenbank (Prozess %1 auf %2). Bitte verwenden Sie dieses Fenster, oder schließen Sie es und starten Sie Till erneut. Zwei Kassen mit derselben Datenbankdatei würden die Verkäufe der jeweils anderen nicht sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this computer</source>
        <translation>diesem Computer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The database file %1 is missing. It held this till&apos;s store and sales when Till last ran here. If it was moved, start Till with --database and its new place; if it was lost, restore it from a backup before you sell. Start with a new, empty database instead?</source>
        <translation>Die Datenbankdatei %1 fehlt. Sie enthielt das Geschäft und die Verkäufe dieser Kasse, als Till hier zuletzt lief. Wurde sie verschoben, starten Sie Till mit --database und ihrem neuen Ort; ging sie verloren, stellen Sie sie aus einer Sicherung wieder her, bevor Sie verkaufen. Stattdessen mit einer neuen, leeren Datenbank starten?</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Till cannot open its database file %1. Please check that the folder exists and that this user may write there.</source>
        <translation>Till kann seine Datenbankdatei %1 nicht öffnen. Bitte prüfen Sie, ob der Ordner existiert und ob dieser Benutzer dort schreiben darf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Till cannot connect to the database server at %1. Please check that the server is running and that this till can reach it, then start Till again.</source>
        <translation>Till kann keine Verbindung zum Datenbankserver unter %1 herstellen. Bitte prüfen Sie, ob der Server läuft und diese Kasse ihn erreichen kann, und starten Sie Till dann erneut.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This database was set up by a newer version of Till. Please install that version on this till too. Nothing in the database has been changed.</source>
        <translation>Diese Datenbank wurde von einer neueren Version von Till eingerichtet. Bitte installieren Sie diese Version auch auf dieser Kasse. In der Datenbank wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Till could not bring the database up to date for this version. The database was left as it was before; please show the details to whoever looks after your tills.</source>
        <translation>Till konnte die Datenbank nicht auf den Stand dieser Version bringen. Die Datenbank blieb unverändert; bitte zeigen Sie die Details der Person, die Ihre Kassen betreut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+11"/>
        <location line="+27"/>
        <source>Till cannot read the database. Please check the connection and start Till again.</source>
        <translation>Till kann die Datenbank nicht lesen. Bitte prüfen Sie die Verbindung und starten Sie Till erneut.</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Till could not fill the demo store. The database was left empty.</source>
        <translation>Till konnte das Demo-Geschäft nicht befüllen. Die Datenbank blieb leer.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This database has no users, so nobody can sign in. The demo store was not added because the database already holds other data; --demo only fills an empty database.</source>
        <translation>Diese Datenbank hat keine Benutzer, daher kann sich niemand anmelden. Das Demo-Geschäft wurde nicht angelegt, weil die Datenbank bereits andere Daten enthält; --demo befüllt nur eine leere Datenbank.</translation>
    </message>
</context>
<context>
    <name>StatementsModel</name>
    <message>
        <location filename="../models/items/statementsmodel.cpp" line="+41"/>
        <source>OK</source>
        <comment>the SQL statement succeeded</comment>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <comment>the SQL statement failed</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>#</source>
        <comment>position of the statement within its operation</comment>
        <translation>#</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <comment>milliseconds the statement took</comment>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <comment>whether the SQL statement succeeded</comment>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQL</source>
        <comment>the statement text</comment>
        <translation>SQL</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../ui/stockpage.cpp" line="+32"/>
        <source>&amp;Goods Receipt</source>
        <translation>&amp;Wareneingang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stock&amp;take</source>
        <translation>&amp;Inventur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Adjust</source>
        <translation>&amp;Korrektur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ledger</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low &amp;Stock</source>
        <translation>&amp;Unter Mindestbestand</translation>
    </message>
</context>
<context>
    <name>StocktakeModel</name>
    <message>
        <location filename="../models/items/stocktakemodel.cpp" line="+102"/>
        <source>Count first</source>
        <comment>blind stocktake: the stock shows after the count</comment>
        <translation>Erst zählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blind count: the stock shows once this product is counted.</source>
        <translation>Blindzählung: Der Bestand erscheint, sobald dieser Artikel gezählt ist.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>—</source>
        <comment>no pack to count in</comment>
        <translation>—</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>%L1 × %2</source>
        <comment>count × unit</comment>
        <translation>%L1 × %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No difference</source>
        <translation>Keine Differenz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+%1</source>
        <comment>more counted than booked</comment>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Count full %1 (%L2 × %3 each)</source>
        <translation>Volle %1 zählen (je %L2 × %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This product has no packs; count it in loose units.</source>
        <translation>Dieser Artikel hat keine Gebinde; zählen Sie ihn in losen Einheiten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Count what is not in a full pack, in %1</source>
        <translation>Zählen Sie, was nicht in einem vollen Gebinde ist, in %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Full packs counted, in each product&apos;s largest pack</source>
        <translation>Gezählte volle Gebinde, jeweils im größten Gebinde des Artikels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loose base units counted outside full packs</source>
        <translation>Gezählte lose Basiseinheiten außerhalb voller Gebinde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This column cannot be sorted</source>
        <translation>Diese Spalte kann nicht sortiert werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Counted
packs</source>
        <translation>Gezählte
Gebinde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted
loose</source>
        <translation>Gezählt
lose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted
stock</source>
        <translation>Gezählter
Bestand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
</context>
<context>
    <name>StocktakeWidget</name>
    <message>
        <location filename="../ui/stocktakewidget.ui" line="+17"/>
        <source>Name, SKU or barcode</source>
        <translation>Name, Art.-Nr., Barcode</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;ategory:</source>
        <translation>W&amp;arengruppe:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>C&amp;lear Counts</source>
        <translation>Zählungen &amp;leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget every count typed so far</source>
        <translation>Alle bisher eingegebenen Zählungen verwerfen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Year-end count, aisle 3</source>
        <translation>z. B. Jahresinventur, Gang 3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Post Stocktake</source>
        <translation>Inventur &amp;buchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the stock of every counted product to its count</source>
        <translation>Den Bestand jedes gezählten Artikels auf die gezählte Menge setzen</translation>
    </message>
    <message>
        <location filename="../ui/stocktakewidget.cpp" line="+25"/>
        <source>Count each product in full packs and loose units. Counts are kept while you search for the next shelf; posting sets the stock of every counted product and books the differences.</source>
        <translation>Zählen Sie jeden Artikel in vollen Gebinden und losen Einheiten. Die Zählungen bleiben erhalten, während Sie nach dem nächsten Regal suchen; beim Buchen wird der Bestand jedes gezählten Artikels gesetzt und die Differenzen werden gebucht.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>All categories</source>
        <translation>Alle Warengruppen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Nothing counted yet.</source>
        <translation>Noch nichts gezählt.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln product(s) counted.</source>
        <translation>
            <numerusform>%Ln Artikel gezählt.</numerusform>
            <numerusform>%Ln Artikel gezählt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clear Counts</source>
        <translation>Zählungen leeren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Forget the counts of %Ln product(s)?</source>
        <translation>
            <numerusform>Die Zählung von %Ln Artikel verwerfen?</numerusform>
            <numerusform>Die Zählungen von %Ln Artikeln verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stocktake %1 was posted: %2 counted, %3 changed.</source>
        <translation>Inventur %1 wurde gebucht: %2 gezählt, %3 geändert.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+1"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln Artikel</numerusform>
            <numerusform>%Ln Artikel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaxRatesDialog</name>
    <message>
        <location filename="../ui/taxratesdialog.ui" line="+14"/>
        <source>Tax Rates</source>
        <translation>Steuersätze</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Rate in percent:</source>
        <translation>Satz in &amp;Prozent:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. 19 or 7.5</source>
        <translation>z. B. 19 oder 7,5</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>A tax rate that products still use cannot be removed. A changed rate applies to sales from now on; bills keep the rate they were sold with. Whether prices include tax is one setting for the whole store, in the Settings area.</source>
        <translation>Ein Steuersatz, den Artikel noch verwenden, kann nicht entfernt werden. Ein geänderter Satz gilt ab jetzt für Verkäufe; Bons behalten den Satz, mit dem sie verkauft wurden. Ob die Preise die Steuer enthalten, legen Sie für das ganze Geschäft im Bereich „Einstellungen“ fest.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>&amp;New</source>
        <translation>Ne&amp;u</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Remove…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <location filename="../ui/taxratesdialog.cpp" line="+20"/>
        <source>e.g. %1 or %2</source>
        <translation>z. B. %1 oder %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 — %2</source>
        <comment>tax rate name — percentage</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The rate &quot;%1&quot; is not a percentage between 0 and 100 with at most two decimals, such as %2 or %3.</source>
        <translation>Der Satz „%1“ ist kein Prozentwert zwischen 0 und 100 mit höchstens zwei Nachkommastellen, wie etwa %2 oder %3.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Remove Tax Rate</source>
        <translation>Steuersatz entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the tax rate &quot;%1&quot;?</source>
        <translation>Den Steuersatz „%1“ entfernen?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Save Changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
</context>
<context>
    <name>TodayReportTab</name>
    <message>
        <location filename="../ui/todayreporttab.ui" line="+34"/>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The figures follow every sale and refund on every lane by themselves</source>
        <translation>Die Zahlen folgen jedem Verkauf und jeder Erstattung an jeder Kasse von selbst</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export P&amp;DF…</source>
        <translation>&amp;PDF exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the whole report, with its charts and tables, as a PDF file</source>
        <translation>Den ganzen Bericht mit Diagrammen und Tabellen als PDF-Datei speichern</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>P&amp;rint…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the whole report</source>
        <translation>Den ganzen Bericht drucken</translation>
    </message>
    <message>
        <location filename="../ui/todayreporttab.cpp" line="+32"/>
        <location line="+47"/>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All lanes</source>
        <translation>Alle Kassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../ui/totalspanel.ui" line="+12"/>
        <location filename="../ui/totalspanel.cpp" line="+83"/>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <location filename="../ui/totalspanel.cpp" line="-55"/>
        <source>—</source>
        <comment>no amount</comment>
        <translation>—</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Items %1 · lines %2</source>
        <comment>count of items and of lines</comment>
        <translation>Artikel %1 · Positionen %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subtotal %1&lt;br&gt;Discounts −%2</source>
        <comment>rich text</comment>
        <translation>Zwischensumme %1&lt;br&gt;Rabatte −%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>incl. %1 tax on %2: %3</source>
        <comment>tax included in prices</comment>
        <translation>inkl. %1 MwSt. auf %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plus %1 tax on %2: %3</source>
        <comment>tax added to prices</comment>
        <translation>zzgl. %1 MwSt. auf %2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change</source>
        <comment>change due to the customer</comment>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid %1 of %2</source>
        <comment>paid amount of bill total</comment>
        <translation>%1 von %2 bezahlt</translation>
    </message>
</context>
<context>
    <name>UnitMenu</name>
    <message>
        <location filename="../ui/unitmenu.cpp" line="+12"/>
        <source>Sell %1 as</source>
        <comment>which unit to sell a product in</comment>
        <translation>%1 verkaufen als</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;%1  %2 · %3</source>
        <comment>menu: number, unit · price</comment>
        <translation>&amp;%1  %2 · %3</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../ui/userdialog.ui" line="+14"/>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>for example anna or a.berger</source>
        <translation>zum Beispiel anna oder a.berger</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Vollständiger Name:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Re&amp;peat PIN:</source>
        <translation>PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <location filename="../ui/userdialog.cpp" line="+33"/>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The two PINs differ. Please type the same PIN twice.</source>
        <translation>Die beiden PINs stimmen nicht überein. Bitte geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
</context>
<context>
    <name>UserListWidget</name>
    <message>
        <location filename="../ui/userlistwidget.ui" line="+19"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a cashier, a manager or an administrator</source>
        <translation>Kassierer/in, Marktleitung oder Administrator/in anlegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit…</source>
        <translation>Bearbei&amp;ten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the selected user&apos;s name or role</source>
        <translation>Name oder Rolle des gewählten Benutzers ändern</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../ui/userlistwidget.cpp" line="+104"/>
        <source>&amp;Deactivate</source>
        <translation>Dea&amp;ktivieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reset &amp;PIN…</source>
        <translation>P&amp;IN zurücksetzen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the selected user a new PIN and lift a lock</source>
        <translation>Dem gewählten Benutzer eine neue PIN geben und eine Sperre aufheben</translation>
    </message>
    <message>
        <location filename="../ui/userlistwidget.cpp" line="+0"/>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected user from signing in</source>
        <translation>Den gewählten Benutzer für die Anmeldung sperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let the selected user sign in again</source>
        <translation>Dem gewählten Benutzer die Anmeldung wieder erlauben</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Deactivate %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 will no longer be able to sign in. Their sales and audit entries stay, and you can reactivate them later.</source>
        <translation>%1 kann sich dann nicht mehr anmelden. Verkäufe und Protokolleinträge bleiben erhalten, und Sie können den Benutzer später reaktivieren.</translation>
    </message>
</context>
<context>
    <name>UserService</name>
    <message>
        <location filename="../models/services/userservice.cpp" line="+36"/>
        <source>The users could not be read or saved. Nothing was changed.</source>
        <translation>Die Benutzer konnten nicht gelesen oder gespeichert werden. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A user name has 2 to 32 letters, digits, dots, dashes or underscores.</source>
        <translation>Ein Benutzername besteht aus 2 bis 32 Buchstaben, Ziffern, Punkten, Bindestrichen oder Unterstrichen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+64"/>
        <source>Please enter the person&apos;s name.</source>
        <translation>Bitte geben Sie den Namen der Person ein.</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Only an administrator can create an administrator.</source>
        <translation>Nur Administrator/innen können Administrator/innen anlegen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The user name &quot;%1&quot; is taken. Please choose another.</source>
        <translation>Der Benutzername „%1“ ist vergeben. Bitte wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This user no longer exists.</source>
        <translation>Diesen Benutzer gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only an administrator can change an administrator.</source>
        <translation>Nur Administrator/innen können Administrator/innen ändern.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is the last administrator and must stay one.</source>
        <translation>%1 ist die letzte Administratorin bzw. der letzte Administrator und muss es bleiben.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>You cannot deactivate yourself.</source>
        <translation>Sie können sich nicht selbst deaktivieren.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is the last active administrator and cannot be deactivated.</source>
        <translation>%1 ist die letzte aktive Administratorin bzw. der letzte aktive Administrator und kann nicht deaktiviert werden.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../models/items/usersmodel.cpp" line="+37"/>
        <source>Active</source>
        <comment>user may sign in</comment>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivated</source>
        <comment>user may not sign in</comment>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>User name</source>
        <comment>what a person types to sign in</comment>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <comment>a person&apos;s full name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <comment>cashier, manager or administrator</comment>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <comment>whether the user may sign in</comment>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../ui/userspage.cpp" line="+21"/>
        <source>&amp;Users</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Audit log</source>
        <translation>&amp;Protokoll</translation>
    </message>
</context>
</TS>
