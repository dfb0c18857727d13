<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AgendaEditor</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>%1 - %2 min</source>
        <translation>%1 - %2 min</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a segment</source>
        <translation>Añadir una parte</translation>
    </message>
    <message>
        <source>Agenda segments</source>
        <translation>Partes del plan</translation>
    </message>
    <message>
        <source>Kind of segment to add</source>
        <translation>Tipo de parte que añadir</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Minutes for the selected segment</source>
        <translation>Minutos de la parte seleccionada</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the selected segment down</source>
        <translation>Bajar la parte seleccionada</translation>
    </message>
    <message>
        <source>Move the selected segment up</source>
        <translation>Subir la parte seleccionada</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected segment</source>
        <translation>Quitar la parte seleccionada</translation>
    </message>
</context>
<context>
    <name>AppPage</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Tamaño del texto</translation>
    </message>
    <message>
        <source>C&amp;olours</source>
        <translation>C&amp;olores</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Tranquilo</translation>
    </message>
    <message>
        <source>Choose another folder for the vault</source>
        <translation>Elegir otra carpeta para la caja fuerte</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language, text size and colours change at once. A new vault folder is used the next time GroupKeeper starts.</source>
        <translation>El idioma, el tamaño del texto y los colores cambian al momento. Una carpeta de caja fuerte nueva se usa la próxima vez que se abra GroupKeeper.</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>El mismo que el ordenador</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Text size and colours change at once. A new language or vault folder is used the next time GroupKeeper starts.</source>
        <translation type="vanished">El tamaño del texto y los colores cambian al momento. Un idioma o una carpeta de caja fuerte nuevos se usan la próxima vez que se abra GroupKeeper.</translation>
    </message>
    <message>
        <source>Vault &amp;folder</source>
        <translation>&amp;Carpeta de la caja fuerte</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Carpeta de la caja fuerte</translation>
    </message>
</context>
<context>
    <name>AttendanceProofDialog</name>
    <message numerus="yes">
        <source>%1 attended %n meeting(s) in this period.</source>
        <translation>
            <numerusform>%1 asistió a %n reunión en este periodo.</numerusform>
            <numerusform>%1 asistió a %n reuniones en este periodo.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>&amp;Guardar como PDF...</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Facilitator&apos;s name, as signed</source>
        <translation>Nombre de quien facilita, tal como firma</translation>
    </message>
    <message>
        <source>For the member, on their request: the dates they attended in a period, signed by you. The PDF names the group; check with them that this is what they want shown. GroupKeeper keeps no copy; their record notes that a proof was given.</source>
        <translation>Para la persona participante, a petición suya: las fechas en que asistió durante un periodo, firmadas por ti. El PDF nombra el grupo; confirma con ella que es lo que quiere mostrar. GroupKeeper no guarda ninguna copia; su ficha anota que se entregó un justificante.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Proof of attendance</source>
        <translation>Justificante de asistencia</translation>
    </message>
    <message>
        <source>Proof of attendance saved</source>
        <translation>Justificante de asistencia guardado</translation>
    </message>
    <message>
        <source>Proof of attendance.pdf</source>
        <translation>Justificante de asistencia.pdf</translation>
    </message>
    <message>
        <source>Save the proof of attendance</source>
        <translation>Guardar el justificante de asistencia</translation>
    </message>
    <message>
        <source>Sign it and give it to the person. GroupKeeper keeps no copy; delete the file from this computer once it is printed or handed over.</source>
        <translation>Fírmalo y entrégaselo a la persona. GroupKeeper no guarda ninguna copia; borra el archivo de este ordenador cuando esté impreso o entregado.</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>The PDF could not be saved there. Try another folder.</source>
        <translation>No se pudo guardar el PDF ahí. Prueba otra carpeta.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Your name (printed under the signature)</source>
        <translation>Tu nombre (se imprime bajo la firma)</translation>
    </message>
</context>
<context>
    <name>CodeEntry</name>
    <message>
        <source>One-time code</source>
        <translation>Código de un solo uso</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <source>&amp;Copy the code</source>
        <translation>&amp;Copiar el código</translation>
    </message>
    <message>
        <source>Copy the one-time code</source>
        <translation>Copiar el código de un solo uso</translation>
    </message>
    <message>
        <source>One-time code</source>
        <extracomment>Mirrors ``groupkeeper.sync.invitation`` (4 groups of 5 digits); importing that module would load ``cryptography`` for a widget that only formats text.</extracomment>
        <translation>Código de un solo uso</translation>
    </message>
</context>
<context>
    <name>CombineDialog</name>
    <message>
        <source>%1, for %2</source>
        <translation>%1, de %2</translation>
    </message>
    <message numerus="yes">
        <source>%n shown as a range because a part was a small count.</source>
        <translation>
            <numerusform>%n se muestra como intervalo porque una parte era un recuento pequeño.</numerusform>
            <numerusform>%n se muestran como intervalo porque una parte era un recuento pequeño.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add exports...</source>
        <translation>&amp;Añadir exportaciones...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Add exports</source>
        <translation>Añadir exportaciones</translation>
    </message>
    <message>
        <source>Add the CSV exports to combine (at least two).</source>
        <translation>Añada las exportaciones CSV que quiere combinar (al menos dos).</translation>
    </message>
    <message>
        <source>Add up the CSV exports of several groups or sites into one report, for the same month, quarter or year. Only the exported figures are used (no vault): a figure with a hidden part stays hidden, or is shown as the range its parts allow.</source>
        <translation>Suma en un solo informe las exportaciones CSV de varios grupos o sedes, del mismo mes, trimestre o año. Solo se usan las cifras exportadas (no hace falta abrir la caja fuerte): una cifra con una parte oculta sigue oculta, o se muestra como el intervalo que permiten sus partes.</translation>
    </message>
    <message numerus="yes">
        <source>Attendances: %1. %n figure(s) hidden because a part was hidden;</source>
        <translation>
            <numerusform>Asistencias: %1. %n cifra oculta porque una parte estaba oculta;</numerusform>
            <numerusform>Asistencias: %1. %n cifras ocultas porque una parte estaba oculta;</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose exports to combine</source>
        <translation>Elija las exportaciones que quiere combinar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Combine exports</source>
        <translation>Combinar exportaciones</translation>
    </message>
    <message>
        <source>Combined report saved</source>
        <translation>Informe combinado guardado</translation>
    </message>
    <message>
        <source>Exports to combine</source>
        <translation>Exportaciones que se combinan</translation>
    </message>
    <message>
        <source>Leave the selected exports out</source>
        <translation>Quitar las exportaciones seleccionadas</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Ready to combine %n export(s) for %1: %2.</source>
        <translation>
            <numerusform>Listo para combinar %n exportación de %1: %2.</numerusform>
            <numerusform>Listo para combinar %n exportaciones de %1: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Save &amp;CSV...</source>
        <translation>Guardar &amp;CSV...</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Guardar CSV</translation>
    </message>
    <message>
        <source>Save P&amp;DF...</source>
        <translation>Guardar P&amp;DF...</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>Save the combined CSV</source>
        <translation>Guardar el CSV combinado</translation>
    </message>
    <message>
        <source>Save the combined PDF</source>
        <translation>Guardar el PDF combinado</translation>
    </message>
    <message>
        <source>That is one of the exports being combined; save the combined report as another file.</source>
        <translation>Ese es uno de los archivos que se combinan; guarde el informe combinado en otro archivo.</translation>
    </message>
    <message>
        <source>The combined report was saved:
%1</source>
        <translation>El informe combinado se ha guardado:
%1</translation>
    </message>
    <message>
        <source>combined-report</source>
        <translation>informe-combinado</translation>
    </message>
</context>
<context>
    <name>ComingSoon</name>
    <message>
        <source>%1 is coming soon.</source>
        <translation type="vanished">%1 llegará pronto.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1, at %2</source>
        <translation type="vanished">%1, a las %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <extracomment>Every open sharing dialog: they show a code or members&apos; details, so lock closes them.</extracomment>
        <translation>Cambios en conflicto: %1</translation>
    </message>
    <message>
        <source>Edited on %1</source>
        <translation>Editado en %1</translation>
    </message>
    <message>
        <source>Edited on this laptop</source>
        <translation>Editado en este portátil</translation>
    </message>
    <message>
        <source>In use now</source>
        <translation>En uso ahora</translation>
    </message>
    <message>
        <source>Keep %1 for %2: %3</source>
        <translation>Quedarse con %1 de %2: %3</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Quedarse con este</translation>
    </message>
    <message>
        <source>Not in use</source>
        <translation>Sin usar</translation>
    </message>
    <message>
        <source>Nothing to settle.</source>
        <translation>No hay nada que decidir.</translation>
    </message>
    <message>
        <source>Reading the edits to settle...</source>
        <translation>Leyendo los cambios pendientes...</translation>
    </message>
    <message>
        <source>These edits were made on two laptops before either saw the other&apos;s. Nothing was lost: choose which one to keep. Every laptop then keeps it.</source>
        <translation>Estos cambios se hicieron en dos portátiles antes de que uno viera el del otro. No se ha perdido nada: elige con cuál quedarte. Después, todos los portátiles se quedan con ese.</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>el %1</translation>
    </message>
    <message>
        <source>time not known</source>
        <translation>hora desconocida</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>hoy a las %1</translation>
    </message>
</context>
<context>
    <name>CrisisPrompt</name>
    <message>
        <source>Before the meeting: where can someone turn in a crisis? Add your local crisis line, the nearest emergency department and the centre&apos;s on-call contact. The Safety button shows them during the meeting.</source>
        <translation>Antes de la reunión: ¿a quién puede acudir alguien en una crisis? Añade la línea de crisis de tu zona, las urgencias más cercanas y el contacto de guardia del centro. El botón Seguridad los muestra durante la reunión.</translation>
    </message>
    <message>
        <source>Crisis resources</source>
        <extracomment>The kinds of change that alter what Home shows.</extracomment>
        <translation>Recursos de crisis</translation>
    </message>
    <message>
        <source>Please add at least one resource.</source>
        <translation>Añade al menos un recurso, por favor.</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Recuérdamelo más tarde</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>Guardar y empezar</translation>
    </message>
    <message>
        <source>You chose &quot;Remind me later&quot; before, so this is needed now.</source>
        <translation>Antes elegiste «Recuérdamelo más tarde», así que ahora hace falta.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message numerus="yes">
        <source>%n member(s) ready to import:</source>
        <translation>
            <numerusform>%n participante listo para importar:</numerusform>
            <numerusform>%n participantes listos para importar:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped:</source>
        <translation>
            <numerusform>Se saltará %n fila:</numerusform>
            <numerusform>Se saltarán %n filas:</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Choose file...</source>
        <translation>&amp;Elegir archivo...</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n member(s)</source>
        <translation>
            <numerusform>&amp;Importar %n participante</numerusform>
            <numerusform>&amp;Importar %n participantes</numerusform>
        </translation>
    </message>
    <message>
        <source>(column %1 has no title)</source>
        <translation>(la columna %1 no tiene título)</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(sin grupo)</translation>
    </message>
    <message>
        <source>Add them to &amp;group:</source>
        <translation>Añadir al &amp;grupo:</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Archivos CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel, import nothing</source>
        <translation>Cancelar sin importar nada</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Elegir un archivo CSV</translation>
    </message>
    <message>
        <source>Choose a CSV file saved from a spreadsheet, with the column titles in its first row (in English or Spanish). You can then say what each column is. Only a name (first name or nickname) is required. Nothing is added until you press Import.</source>
        <translation>Elige un archivo CSV guardado desde una hoja de cálculo, con los títulos de las columnas en la primera fila (en español o en inglés). Después puedes decir qué es cada columna. Solo hace falta un nombre (nombre de pila o apodo). No se añade nada hasta que pulses Importar.</translation>
    </message>
    <message>
        <source>Choose a CSV file saved from a spreadsheet. The first row names the columns: name (required), full_name, pronouns, phone, email, emergency_contact, contact_consent (yes/no), joined_on (2025-01-31), notes. Nothing is added until you press Import.</source>
        <translation type="vanished">Elige un archivo CSV guardado desde una hoja de cálculo. La primera fila da nombre a las columnas (en inglés): name (obligatoria), full_name, pronouns, phone, email, emergency_contact, contact_consent (yes/no), joined_on (2025-01-31), notes. No se añade nada hasta que pulses Importar.</translation>
    </message>
    <message>
        <source>Choose the name column to see the members.</source>
        <translation>Elige la columna del nombre para ver a los participantes.</translation>
    </message>
    <message>
        <source>Contact OK</source>
        <translation type="vanished">Contacto aceptado</translation>
    </message>
    <message>
        <source>Don&apos;t import</source>
        <translation>No importar</translation>
    </message>
    <message>
        <source>Each column of your file, and what it is imported as (your choices from the last file with these column titles):</source>
        <translation>Cada columna de su archivo y cómo se importa (lo que eligió para el último archivo con estos títulos de columna):</translation>
    </message>
    <message>
        <source>Each column of your file, and what it is imported as:</source>
        <translation>Cada columna de tu archivo y cómo se importa:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Group the imported members join</source>
        <translation>Grupo al que se unen las personas importadas</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import members from a CSV file</source>
        <translation>Importar participantes desde un archivo CSV</translation>
    </message>
    <message>
        <source>Import the column %1 as</source>
        <translation>Importar la columna %1 como</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importando...</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Se unió el</translation>
    </message>
    <message>
        <source>Joined on (like 2025-01-31)</source>
        <translation>Fecha de alta (como 2025-01-31)</translation>
    </message>
    <message>
        <source>Last name (joined to the name as the full name)</source>
        <translation>Apellidos (se unen al nombre como nombre completo)</translation>
    </message>
    <message>
        <source>Members that will be imported</source>
        <translation>Participantes que se importarán</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Name (first name or nickname)</source>
        <translation>Nombre (de pila o apodo)</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Todavía no has elegido ningún archivo.</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>No se ha elegido ningún archivo.</translation>
    </message>
    <message>
        <source>No name column was found. The first row must name the columns, with one called &quot;name&quot; or &quot;display_name&quot;.</source>
        <translation>No se encontró la columna del nombre. La primera fila debe dar nombre a las columnas, y una debe llamarse «name» o «display_name».</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se encontró ningún problema.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>OK to contact</source>
        <translation>Acepta contacto</translation>
    </message>
    <message>
        <source>OK to contact (yes/no)</source>
        <translation>Acepta contacto (sí/no)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>Leyendo %1...</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Row {row}: {why}</source>
        <translation>Fila {row}: {why}</translation>
    </message>
    <message>
        <source>Rows that will be skipped, with the reason</source>
        <translation>Filas que se saltarán, con el motivo</translation>
    </message>
    <message>
        <source>That file could not be opened. Is it still there?</source>
        <translation>No se pudo abrir ese archivo. ¿Sigue ahí?</translation>
    </message>
    <message>
        <source>This file is empty.</source>
        <translation>Este archivo está vacío.</translation>
    </message>
    <message>
        <source>This file is not a text CSV file. In your spreadsheet, use Save As &gt; CSV.</source>
        <translation>Este archivo no es un CSV de texto. En tu hoja de cálculo, usa Guardar como &gt; CSV.</translation>
    </message>
    <message>
        <source>This file is too big for a member list (over 5 MB).</source>
        <translation>Este archivo es demasiado grande para una lista de participantes (más de 5 MB).</translation>
    </message>
    <message>
        <source>Which column holds the name (first name or nickname)? Choose it below; nothing is imported until you press Import.</source>
        <translation>¿Qué columna tiene el nombre (de pila o apodo)? Elígela abajo; no se importa nada hasta que pulses Importar.</translation>
    </message>
    <message>
        <source>a value is too long (over 10,000 characters)</source>
        <translation>un valor es demasiado largo (más de 10.000 caracteres)</translation>
    </message>
    <message>
        <source>broken quotation marks; check this row in your spreadsheet</source>
        <translation>comillas mal cerradas; revisa esta fila en tu hoja de cálculo</translation>
    </message>
    <message>
        <source>contact consent must be yes or no</source>
        <translation>el consentimiento de contacto debe ser yes o no</translation>
    </message>
    <message>
        <source>contains unreadable characters (is it really a CSV file?)</source>
        <translation>tiene caracteres ilegibles (¿seguro que es un archivo CSV?)</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej. %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>no name (a first name or nickname is needed)</source>
        <translation>sin nombre (hace falta un nombre de pila o un apodo)</translation>
    </message>
    <message>
        <source>the joined date is not a date like 2025-01-31</source>
        <translation>la fecha de alta no es una fecha como 2025-01-31</translation>
    </message>
    <message>
        <source>the same person as row {row}</source>
        <translation>la misma persona que en la fila {row}</translation>
    </message>
    <message>
        <source>this person is already on the roster</source>
        <translation>esta persona ya está en la lista</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>DEMO - not for real groups. Everyone here is fictional.</source>
        <translation>DEMOSTRACIÓN: no es para grupos reales. Todas las personas son ficticias.</translation>
    </message>
    <message>
        <source>Demo vault notice</source>
        <translation>Aviso de caja fuerte de demostración</translation>
    </message>
</context>
<context>
    <name>DiscardMeeting</name>
    <message numerus="yes">
        <source>%n apology(ies)</source>
        <translation>
            <numerusform>%n aviso de que no venía</numerusform>
            <numerusform>%n avisos de que no venían</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal review(s) (those goals become open again)</source>
        <translation>
            <numerusform>%n revisión de meta (esa meta vuelve a quedar abierta)</numerusform>
            <numerusform>%n revisiones de metas (esas metas vuelven a quedar abiertas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) set</source>
        <translation>
            <numerusform>%n meta fijada</numerusform>
            <numerusform>%n metas fijadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood answer(s)</source>
        <translation>
            <numerusform>%n respuesta de ánimo</numerusform>
            <numerusform>%n respuestas de ánimo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) checked in</source>
        <translation>
            <numerusform>%n persona registrada</numerusform>
            <numerusform>%n personas registradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n private safety note(s)</source>
        <translation>
            <numerusform>%n nota privada de seguridad</numerusform>
            <numerusform>%n notas privadas de seguridad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety concern(s) counted</source>
        <translation>
            <numerusform>%n preocupación de seguridad contada</numerusform>
            <numerusform>%n preocupaciones de seguridad contadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s) shared</source>
        <translation>
            <numerusform>%n estrategia compartida</numerusform>
            <numerusform>%n estrategias compartidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in(s)</source>
        <translation>
            <numerusform>%n visita anónima</numerusform>
            <numerusform>%n visitas anónimas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wellbeing answer(s)</source>
        <translation>
            <numerusform>%n respuesta de bienestar</numerusform>
            <numerusform>%n respuestas de bienestar</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the meeting</source>
        <translation>Descartar la reunión</translation>
    </message>
    <message>
        <source>Discard this meeting? This deletes everything recorded in it:
%1

This cannot be undone. People added as new stay on the roster.</source>
        <translation>¿Descartar esta reunión? Se borra todo lo anotado en ella:
%1

No se puede deshacer. Las personas añadidas como nuevas siguen en la lista.</translation>
    </message>
    <message numerus="yes">
        <source>of them %n new here</source>
        <translation>
            <numerusform>de ellas %n nueva</numerusform>
            <numerusform>de ellas %n nuevas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>A few unrelated words are easy to remember and hard to guess, for example &quot;kettle river purple bicycle&quot;. You will type it each time you open GroupKeeper. At least 8 characters.</source>
        <translation>Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar, por ejemplo «tetera río morado bicicleta». La escribirás cada vez que abras GroupKeeper. Al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to the welcome page</source>
        <translation>Volver a la bienvenida</translation>
    </message>
    <message>
        <source>Back to where to keep the vault</source>
        <translation>Volver a dónde guardar la caja fuerte</translation>
    </message>
    <message>
        <source>Choose a folder for the vault</source>
        <translation>Elegir una carpeta para la caja fuerte</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elige una frase de acceso</translation>
    </message>
    <message>
        <source>Choose another folder for the vault</source>
        <translation>Elegir otra carpeta para la caja fuerte</translation>
    </message>
    <message>
        <source>Choose another folder...</source>
        <translation>Elegir otra carpeta...</translation>
    </message>
    <message>
        <source>Create the group and finish</source>
        <translation>Crear el grupo y terminar</translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation>Crear la caja fuerte</translation>
    </message>
    <message>
        <source>Creating the vault, please wait</source>
        <translation>Creando la caja fuerte, espera un momento</translation>
    </message>
    <message>
        <source>GroupKeeper helps you run your group: who came, how people are doing, what helped, and what they will try this week.

Everything stays on this computer, locked with a passphrase only you know. It never needs the internet.

Setting up takes about three minutes.</source>
        <translation>GroupKeeper te ayuda a llevar tu grupo: quién vino, cómo está cada persona, qué le ayudó y qué va a probar esta semana.

Todo se queda en este ordenador, protegido con una frase de acceso que solo tú conoces. Nunca necesita internet.

La configuración lleva unos tres minutos.</translation>
    </message>
    <message>
        <source>GroupKeeper recovery key</source>
        <translation type="vanished">Clave de recuperación de GroupKeeper</translation>
    </message>
    <message>
        <source>I have kept it somewhere safe</source>
        <translation>La he guardado en un lugar seguro</translation>
    </message>
    <message>
        <source>I have kept the recovery key somewhere safe</source>
        <translation>He guardado la clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <source>If the passphrase is ever forgotten, this key is the only way back in. It is shown only now. Print it or save it on a USB stick, and keep it somewhere safe away from this laptop.</source>
        <translation>Si alguna vez se olvida la frase de acceso, esta clave es la única forma de volver a entrar. Solo se muestra ahora. Imprímela o guárdala en una memoria USB, y guárdala en un lugar seguro, lejos de este portátil.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Let&apos;s start</source>
        <translation>Empecemos</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next: choose a passphrase</source>
        <translation>Siguiente: elegir una frase de acceso</translation>
    </message>
    <message>
        <source>Next: your first group</source>
        <translation>Siguiente: tu primer grupo</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Please give the group a name.</source>
        <translation>Ponle un nombre al grupo, por favor.</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Imprimir...</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>El mismo que el ordenador</translation>
    </message>
    <message>
        <source>Save as PDF...</source>
        <translation>Guardar como PDF...</translation>
    </message>
    <message>
        <source>Save on this laptop?</source>
        <translation type="vanished">¿Guardar en este portátil?</translation>
    </message>
    <message>
        <source>Save the recovery key (a USB stick is best)</source>
        <translation>Guardar la clave de recuperación (mejor en una memoria USB)</translation>
    </message>
    <message>
        <source>Save the recovery key as a PDF file</source>
        <translation>Guardar la clave de recuperación como archivo PDF</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <source>Start setting up</source>
        <translation>Empezar la configuración</translation>
    </message>
    <message>
        <source>The PDF could not be saved there. Try a USB stick.</source>
        <translation type="vanished">No se pudo guardar el PDF ahí. Prueba en una memoria USB.</translation>
    </message>
    <message>
        <source>The vault is one small folder. The usual place is fine for most people. You can also choose a USB stick, so the group&apos;s records travel with you.</source>
        <translation>La caja fuerte es una carpeta pequeña. El lugar habitual va bien en la mayoría de los casos. También puedes elegir una memoria USB, para que los registros del grupo viajen contigo.</translation>
    </message>
    <message>
        <source>This key opens your GroupKeeper vault if the passphrase is forgotten. Keep it somewhere safe, away from the laptop. Anyone who has it and the vault can read the group&apos;s records.</source>
        <translation type="vanished">Esta clave abre tu caja fuerte de GroupKeeper si se olvida la frase de acceso. Guárdala en un lugar seguro, lejos del portátil. Quien tenga la clave y la caja fuerte puede leer los registros del grupo.</translation>
    </message>
    <message>
        <source>This place is on this laptop. Anyone who takes the laptop could then open the vault. Paper or a USB stick kept elsewhere is much safer.

Save here anyway?</source>
        <translation type="vanished">Este lugar está en este portátil. Quien se lleve el portátil podría abrir la caja fuerte. El papel o una memoria USB guardados en otro sitio son mucho más seguros.

¿Guardar aquí de todos modos?</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Carpeta de la caja fuerte</translation>
    </message>
    <message>
        <source>Welcome to GroupKeeper</source>
        <translation>Te damos la bienvenida a GroupKeeper</translation>
    </message>
    <message>
        <source>Where to keep the vault</source>
        <translation>Dónde guardar la caja fuerte</translation>
    </message>
    <message>
        <source>You can change all of this later in Settings.</source>
        <translation>Puedes cambiar todo esto más tarde en Configuración.</translation>
    </message>
    <message>
        <source>Your first group</source>
        <translation>Tu primer grupo</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <source>For you only - this list is never exported or printed. It shows members who agreed to be contacted and were not at any of their group&apos;s last three meetings, so someone can check in with them.</source>
        <translation>Solo para ti: esta lista nunca se exporta ni se imprime. Muestra a quienes aceptaron recibir contacto y no vinieron a ninguna de las tres últimas reuniones de su grupo, para que alguien pueda preguntarles cómo están.</translation>
    </message>
    <message>
        <source>Members who missed the last 3 meetings</source>
        <translation>Participantes que faltaron a las 3 últimas reuniones</translation>
    </message>
    <message>
        <source>Members who sent apologies</source>
        <translation>Participantes que avisaron que no venían</translation>
    </message>
    <message>
        <source>Missed the last 3 meetings</source>
        <translation>Faltaron a las 3 últimas reuniones</translation>
    </message>
    <message>
        <source>Nobody at the moment.</source>
        <translation>Nadie por ahora.</translation>
    </message>
    <message>
        <source>Sent apologies (not drifting away)</source>
        <translation>Avisaron que no venían (siguen en contacto)</translation>
    </message>
</context>
<context>
    <name>GroupCard</name>
    <message numerus="yes">
        <source>%n active member(s)</source>
        <translation>
            <numerusform>%n participante en activo</numerusform>
            <numerusform>%n participantes en activo</numerusform>
        </translation>
    </message>
    <message>
        <source>A meeting is open. You can carry on where you were.</source>
        <translation>Hay una reunión abierta. Puedes seguir donde lo dejaste.</translation>
    </message>
    <message>
        <source>Discard the open meeting of %1</source>
        <translation>Descartar la reunión abierta de %1</translation>
    </message>
    <message>
        <source>Discard this meeting...</source>
        <translation>Descartar esta reunión...</translation>
    </message>
    <message>
        <source>Enter a past meeting of %1</source>
        <translation>Anotar una reunión pasada de %1</translation>
    </message>
    <message>
        <source>Enter a past meeting...</source>
        <translation>Anotar una reunión pasada...</translation>
    </message>
    <message>
        <source>Invite another laptop to %1</source>
        <translation>Invitar a otro portátil a %1</translation>
    </message>
    <message>
        <source>Invite another laptop...</source>
        <translation>Invitar a otro portátil...</translation>
    </message>
    <message>
        <source>Next meeting: %1</source>
        <translation>Próxima reunión: %1</translation>
    </message>
    <message>
        <source>Next meeting: %1 at %2</source>
        <translation>Próxima reunión: %1 a las %2</translation>
    </message>
    <message>
        <source>Print a paper kit...</source>
        <translation>Imprimir un kit en papel...</translation>
    </message>
    <message>
        <source>Read the private safety notes of %1</source>
        <translation>Leer las notas privadas de seguridad de %1</translation>
    </message>
    <message>
        <source>Resume meeting</source>
        <translation>Continuar la reunión</translation>
    </message>
    <message>
        <source>Resume the open meeting of %1</source>
        <translation>Continuar la reunión abierta de %1</translation>
    </message>
    <message>
        <source>Safety notes...</source>
        <translation>Notas de seguridad...</translation>
    </message>
    <message>
        <source>Save a paper kit for %1 as a PDF</source>
        <translation>Guardar un kit en papel de %1 como PDF</translation>
    </message>
    <message>
        <source>Share %1 with a co-facilitator&apos;s laptop</source>
        <translation>Compartir %1 con el portátil de otra persona que cofacilita</translation>
    </message>
    <message>
        <source>Share this group...</source>
        <translation>Compartir este grupo...</translation>
    </message>
    <message>
        <source>Start a meeting of %1</source>
        <translation>Empezar una reunión de %1</translation>
    </message>
    <message>
        <source>Start meeting</source>
        <translation>Empezar reunión</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source> weeks</source>
        <translation> semanas</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>&amp;Grupo</translation>
    </message>
    <message>
        <source>0 to 10</source>
        <translation>de 0 a 10</translation>
    </message>
    <message>
        <source>1 to 5 (faces)</source>
        <translation>de 1 a 5 (caras)</translation>
    </message>
    <message>
        <source>A Wellbeing check segment was added to the agenda, before the closing. Press Save to keep it.</source>
        <translation>Se añadió una parte «Cuestionario de bienestar» al plan, antes del cierre. Pulsa Guardar para conservarla.</translation>
    </message>
    <message>
        <source>Add a group</source>
        <translation>Añadir un grupo</translation>
    </message>
    <message>
        <source>Add a group...</source>
        <translation>Añadir un grupo...</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Acuerdos</translation>
    </message>
    <message>
        <source>Crisis resources</source>
        <translation>Recursos de crisis</translation>
    </message>
    <message>
        <source>Escalation steps</source>
        <translation>Pasos a seguir</translation>
    </message>
    <message>
        <source>Group name</source>
        <extracomment>Local group id -&gt; other laptops sharing it; None until read (in the worker).</extracomment>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <source>Group to edit</source>
        <translation>Grupo que editar</translation>
    </message>
    <message>
        <source>Invite another laptop to %1</source>
        <translation>Invitar a otro portátil a %1</translation>
    </message>
    <message>
        <source>Invite another laptop...</source>
        <translation>Invitar a otro portátil...</translation>
    </message>
    <message>
        <source>Join a group another facilitator shares with you</source>
        <translation>Unirme a un grupo que otra persona que facilita comparte conmigo</translation>
    </message>
    <message>
        <source>Join a shared group...</source>
        <translation>Unirme a un grupo compartido...</translation>
    </message>
    <message>
        <source>Mood scale</source>
        <translation>Escala de ánimo</translation>
    </message>
    <message>
        <source>Mood scores are counted without linking them to anyone.</source>
        <translation>Las puntuaciones de ánimo se cuentan sin relacionarlas con nadie.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Only on this laptop. Share it to run it with a co-facilitator on another laptop.</source>
        <translation>Solo está en este portátil. Compártelo para llevarlo junto con otra persona que cofacilita desde otro portátil.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Share %1 with a co-facilitator&apos;s laptop</source>
        <translation>Compartir %1 con el portátil de otra persona que cofacilita</translation>
    </message>
    <message>
        <source>Share this group...</source>
        <translation>Compartir este grupo...</translation>
    </message>
    <message numerus="yes">
        <source>Shared with %n other laptop(s). Home shows its laptops, changes and conflicts.</source>
        <translation>
            <numerusform>Compartido con %n portátil más. En Inicio ves sus portátiles, cambios y conflictos.</numerusform>
            <numerusform>Compartido con %n portátiles más. En Inicio ves sus portátiles, cambios y conflictos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>Tally only</source>
        <translation>Solo recuento</translation>
    </message>
    <message>
        <source>Tally only: count mood scores without linking them to anyone</source>
        <translation>Solo recuento: contar las puntuaciones de ánimo sin relacionarlas con nadie</translation>
    </message>
    <message>
        <source>This group no longer uses a wellbeing measure. Remove the Wellbeing check segment from its agenda too?</source>
        <translation>Este grupo ya no usa una medida de bienestar. ¿Quitar también la parte «Cuestionario de bienestar» de su plan?</translation>
    </message>
    <message>
        <source>Usual day</source>
        <translation>Día habitual</translation>
    </message>
    <message>
        <source>Wellbeing measure</source>
        <translation>Cuestionario de bienestar</translation>
    </message>
    <message>
        <source>Wellbeing measure every N weeks</source>
        <translation>Cuestionario de bienestar cada N semanas</translation>
    </message>
    <message>
        <source>every </source>
        <translation>cada </translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>&amp;How a meeting runs</source>
        <translation>&amp;Cómo va una reunión</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Añadir participante</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>En cualquier sitio</translation>
    </message>
    <message>
        <source>Back to Home; the meeting stays open</source>
        <translation>Volver a Inicio; la reunión sigue abierta</translation>
    </message>
    <message>
        <source>Before people arrive, open GroupKeeper and type your passphrase. On Home, press &quot;Start meeting&quot; on your group&apos;s card.</source>
        <translation>Antes de que llegue la gente, abre GroupKeeper y escribe tu frase de acceso. En Inicio, pulsa «Empezar reunión» en la tarjeta de tu grupo.</translation>
    </message>
    <message>
        <source>Catch-up grid for people who missed their turn</source>
        <translation>Tabla para quien se perdió su turno</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Llegadas</translation>
    </message>
    <message>
        <source>Check-in: type a few letters of a name and press Enter to mark the person present. Someone new? Type their first name and press &quot;New here&quot;. Someone who arrives late can be added at any time with A.</source>
        <translation>Llegadas: escribe unas letras de un nombre y pulsa Intro para marcar a la persona como presente. ¿Viene alguien por primera vez? Escribe su nombre y pulsa «Primera vez hoy». A quien llegue tarde puedes añadirle en cualquier momento con A.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close help</source>
        <translation>Cerrar la ayuda</translation>
    </message>
    <message>
        <source>Everything can be done with the keyboard. Tab moves between controls.</source>
        <translation>Todo se puede hacer con el teclado. Tab pasa de un control a otro.</translation>
    </message>
    <message>
        <source>Everything is saved the moment you enter it. If the laptop switches off, open GroupKeeper again and press &quot;Resume meeting&quot;. At the end, press &quot;End meeting&quot;.</source>
        <translation>Todo se guarda en el momento en que lo anotas. Si el portátil se apaga, vuelve a abrir GroupKeeper y pulsa «Continuar la reunión». Al final, pulsa «Terminar reunión».</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Buscar participante</translation>
    </message>
    <message>
        <source>Go to Home</source>
        <translation>Ir a Inicio</translation>
    </message>
    <message>
        <source>Go to reports</source>
        <translation>Ir a Informes</translation>
    </message>
    <message>
        <source>Go to the roster</source>
        <translation>Ir a Participantes</translation>
    </message>
    <message>
        <source>Goal done / partly / not yet / dropped (or 1-4)</source>
        <translation>Meta hecha / en parte / todavía no / dejada (o 1-4)</translation>
    </message>
    <message>
        <source>GroupKeeper help</source>
        <translation>Ayuda de GroupKeeper</translation>
    </message>
    <message>
        <source>Help topics</source>
        <translation>Temas de ayuda</translation>
    </message>
    <message>
        <source>How a meeting runs</source>
        <translation>Cómo va una reunión</translation>
    </message>
    <message>
        <source>If someone is not safe, press Ctrl+Shift+S: your crisis resources and the steps to follow are on screen straight away.</source>
        <translation>Si alguien no está a salvo, pulsa Ctrl+Mayús+S: tus recursos de crisis y los pasos a seguir aparecen en pantalla al momento.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Last week&apos;s goals</source>
        <translation>Metas de la semana pasada</translation>
    </message>
    <message>
        <source>Lock GroupKeeper now</source>
        <translation>Bloquear GroupKeeper ahora</translation>
    </message>
    <message>
        <source>Mark the first match present</source>
        <translation>Marcar como presente la primera coincidencia</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Meeting plan</source>
        <translation>Plan de la reunión</translation>
    </message>
    <message>
        <source>Meeting, also while typing</source>
        <translation type="vanished">Reunión, también mientras escribes</translation>
    </message>
    <message>
        <source>Member form</source>
        <translation>Ficha de participante</translation>
    </message>
    <message>
        <source>Mood check</source>
        <translation>Estado de ánimo</translation>
    </message>
    <message>
        <source>Mood check: press the number each person says (or P if they pass). Nobody has to answer.</source>
        <translation>Estado de ánimo: pulsa el número que dice cada persona (o P si pasa). Nadie está obligado a responder.</translation>
    </message>
    <message>
        <source>Move on with Ctrl+Enter when the group is ready. You can skip a part, move it, or go back to it from the plan on the left.</source>
        <translation>Pasa a lo siguiente con Ctrl+Intro cuando el grupo esté listo. Desde el plan de la izquierda puedes saltar una parte, moverla o volver a ella.</translation>
    </message>
    <message>
        <source>Move the selected part down</source>
        <translation>Bajar la parte seleccionada</translation>
    </message>
    <message>
        <source>Move the selected part up</source>
        <translation>Subir la parte seleccionada</translation>
    </message>
    <message>
        <source>Next part of the meeting (also Ctrl+Right)</source>
        <translation>Siguiente parte de la reunión (también Ctrl+Derecha)</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Abrir la configuración</translation>
    </message>
    <message>
        <source>Open this help</source>
        <translation>Abrir esta ayuda</translation>
    </message>
    <message>
        <source>Pass (no answer)</source>
        <translation>Pasar (sin respuesta)</translation>
    </message>
    <message>
        <source>Pause or resume the timer</source>
        <translation>Pausar o reanudar el temporizador</translation>
    </message>
    <message>
        <source>Previous part of the meeting</source>
        <translation>Parte anterior de la reunión</translation>
    </message>
    <message>
        <source>Previous person (Right: next person)</source>
        <translation>Persona anterior (Derecha: siguiente persona)</translation>
    </message>
    <message>
        <source>Record that mood score</source>
        <translation>Anotar esa puntuación de ánimo</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Safety: crisis resources and steps</source>
        <translation>Seguridad: recursos de crisis y pasos a seguir</translation>
    </message>
    <message>
        <source>Save the member</source>
        <translation>Guardar la ficha</translation>
    </message>
    <message>
        <source>Someone arrived late (also Ctrl+A)</source>
        <translation>Alguien ha llegado tarde (también Ctrl+A)</translation>
    </message>
    <message>
        <source>Someone arrived late, also while typing</source>
        <translation>Alguien llegó tarde, también mientras escribes</translation>
    </message>
    <message>
        <source>Step by step, what happens in a meeting and which keys help.</source>
        <translation>Paso a paso, qué pasa en una reunión y qué teclas ayudan.</translation>
    </message>
    <message>
        <source>Stepping away? Press Ctrl+L. Names disappear from the screen; during a meeting the plan and the timer stay visible.</source>
        <translation>¿Te alejas un momento? Pulsa Ctrl+L. Los nombres desaparecen de la pantalla; durante una reunión, el plan y el temporizador siguen a la vista.</translation>
    </message>
    <message>
        <source>Take back the last answer</source>
        <translation>Deshacer la última respuesta</translation>
    </message>
    <message>
        <source>Take back the selected check-in</source>
        <translation>Deshacer la llegada seleccionada</translation>
    </message>
    <message>
        <source>The left side shows tonight&apos;s plan. The big area in the middle is the part you are in now, with its timer at the top. The timer only helps you keep time; nothing happens when it runs out.</source>
        <translation>A la izquierda está el plan de hoy. La zona grande del centro es la parte en la que estáis, con su temporizador arriba. El temporizador solo te ayuda a llevar el tiempo; no pasa nada cuando se acaba.</translation>
    </message>
    <message>
        <source>The meeting&apos;s Ctrl shortcuts and the underlined letters (Alt and the letter) work while you type in a text box too.</source>
        <translation>Los atajos con Ctrl de la reunión y las letras subrayadas (Alt y la letra) funcionan también mientras escribes en un cuadro de texto.</translation>
    </message>
    <message>
        <source>Three columns: the keys, what they do, and where they work.</source>
        <translation>Tres columnas: las teclas, qué hacen y dónde funcionan.</translation>
    </message>
    <message>
        <source>Undo the last score</source>
        <translation>Deshacer la última puntuación</translation>
    </message>
    <message>
        <source>Undo the latest check-in (or the selected one), also while typing</source>
        <translation>Deshacer la última llegada (o la seleccionada), también mientras escribes</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>%1 already had a meeting today. Start a second meeting of the same group today?</source>
        <translation>%1 ya tuvo una reunión hoy. ¿Empezar una segunda reunión del mismo grupo hoy?</translation>
    </message>
    <message>
        <source>%1 already has a meeting on %2. Enter a second meeting for that day?</source>
        <translation>%1 ya tiene una reunión el %2. ¿Anotar una segunda reunión para ese día?</translation>
    </message>
    <message numerus="yes">
        <source>%n apology(ies)</source>
        <translation type="vanished">
            <numerusform>%n aviso de que no venía</numerusform>
            <numerusform>%n avisos de que no venían</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal review(s) (those goals become open again)</source>
        <translation type="vanished">
            <numerusform>%n revisión de meta (esa meta vuelve a quedar abierta)</numerusform>
            <numerusform>%n revisiones de metas (esas metas vuelven a quedar abiertas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) set</source>
        <translation type="vanished">
            <numerusform>%n meta fijada</numerusform>
            <numerusform>%n metas fijadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood answer(s)</source>
        <translation type="vanished">
            <numerusform>%n respuesta de ánimo</numerusform>
            <numerusform>%n respuestas de ánimo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) checked in</source>
        <translation type="vanished">
            <numerusform>%n persona registrada</numerusform>
            <numerusform>%n personas registradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n private safety note(s)</source>
        <translation type="vanished">
            <numerusform>%n nota privada de seguridad</numerusform>
            <numerusform>%n notas privadas de seguridad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety concern(s) counted</source>
        <translation type="vanished">
            <numerusform>%n preocupación de seguridad contada</numerusform>
            <numerusform>%n preocupaciones de seguridad contadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s) shared</source>
        <translation type="vanished">
            <numerusform>%n estrategia compartida</numerusform>
            <numerusform>%n estrategias compartidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in(s)</source>
        <translation type="vanished">
            <numerusform>%n visita anónima</numerusform>
            <numerusform>%n visitas anónimas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wellbeing answer(s)</source>
        <translation type="vanished">
            <numerusform>%n respuesta de bienestar</numerusform>
            <numerusform>%n respuestas de bienestar</numerusform>
        </translation>
    </message>
    <message>
        <source>A second meeting?</source>
        <translation>¿Una segunda reunión?</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Back up the vault now</source>
        <translation>Hacer ahora una copia de seguridad de la caja fuerte</translation>
    </message>
    <message>
        <source>Backing up...</source>
        <translation>Haciendo la copia...</translation>
    </message>
    <message>
        <source>Choose the backup folder (a USB stick is best)</source>
        <translation>Elegir la carpeta de copias (mejor una memoria USB)</translation>
    </message>
    <message>
        <source>Discard the meeting</source>
        <translation type="vanished">Descartar la reunión</translation>
    </message>
    <message>
        <source>Discard this meeting? This deletes everything recorded in it:
%1

This cannot be undone. People added as new stay on the roster.</source>
        <translation type="vanished">¿Descartar esta reunión? Se borra todo lo anotado en ella:
%1

No se puede deshacer. Las personas añadidas como nuevas siguen en la lista.</translation>
    </message>
    <message numerus="yes">
        <source>Last backup: %n day(s) ago.</source>
        <translation>
            <numerusform>Última copia: hace %n día.</numerusform>
            <numerusform>Última copia: hace %n días.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last backup: today.</source>
        <translation>Última copia: hoy.</translation>
    </message>
    <message>
        <source>No backup yet. A backup on a USB stick keeps the records safe.</source>
        <translation>Todavía no hay ninguna copia. Una copia en una memoria USB mantiene los registros a salvo.</translation>
    </message>
    <message>
        <source>No groups yet. Add one in Settings.</source>
        <translation>Todavía no hay grupos. Añade uno en Configuración.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Paper kit - %1.pdf</source>
        <translation>Kit en papel - %1.pdf</translation>
    </message>
    <message>
        <source>Paper kit saved</source>
        <translation>Kit en papel guardado</translation>
    </message>
    <message>
        <source>Paper kit: %1</source>
        <translation>Kit en papel: %1</translation>
    </message>
    <message>
        <source>Print it and keep it with the group&apos;s things. After a meeting on paper, type it in with “Enter a past meeting”, then shred the sheets.</source>
        <translation>Imprímelo y guárdalo con las cosas del grupo. Después de una reunión en papel, pásala con «Anotar una reunión pasada» y destruye las hojas.</translation>
    </message>
    <message>
        <source>Save the paper kit</source>
        <translation>Guardar el kit en papel</translation>
    </message>
    <message>
        <source>The PDF could not be saved there. Try another folder.</source>
        <translation>No se pudo guardar el PDF ahí. Prueba otra carpeta.</translation>
    </message>
    <message>
        <source>Time for a new one.</source>
        <translation>Es hora de hacer una nueva.</translation>
    </message>
    <message>
        <source>Your groups</source>
        <translation>Tus grupos</translation>
    </message>
    <message numerus="yes">
        <source>of them %n new here</source>
        <translation type="vanished">
            <numerusform>de ellas %n nueva</numerusform>
            <numerusform>de ellas %n nuevas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvalidInput</name>
    <message>
        <source>A category needs a name.</source>
        <translation>Una categoría necesita un nombre.</translation>
    </message>
    <message>
        <source>A field is longer than {limit} characters.</source>
        <translation>Un campo tiene más de {limit} caracteres.</translation>
    </message>
    <message>
        <source>A file of that name exists and is not a backup; it was kept.</source>
        <translation>Ya existe un archivo con ese nombre y no es una copia de seguridad; se ha conservado.</translation>
    </message>
    <message>
        <source>A goal needs some words.</source>
        <translation>Un objetivo necesita algunas palabras.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un grupo necesita un nombre.</translation>
    </message>
    <message>
        <source>A member needs a display name.</source>
        <translation>Cada participante necesita un nombre para mostrar.</translation>
    </message>
    <message>
        <source>A skill needs a name.</source>
        <translation>Una habilidad necesita un nombre.</translation>
    </message>
    <message>
        <source>Choose at least two exports to combine.</source>
        <translation>Elija al menos dos exportaciones para combinar.</translation>
    </message>
    <message>
        <source>Choose at most {limit} exports at once.</source>
        <translation>Elija como máximo {limit} exportaciones a la vez.</translation>
    </message>
    <message>
        <source>Exports cover one calendar month, one quarter (January to March, April to June, July to September or October to December) or one calendar year, so that no two exports partly overlap.</source>
        <translation>Las exportaciones abarcan un mes natural, un trimestre (de enero a marzo, de abril a junio, de julio a septiembre o de octubre a diciembre) o un año natural, para que dos exportaciones nunca se solapen en parte.</translation>
    </message>
    <message>
        <source>Give either the passphrase or the recovery key.</source>
        <translation>Indica la frase de acceso o la clave de recuperación.</translation>
    </message>
    <message>
        <source>Group has no id.</source>
        <translation>El grupo no tiene identificador.</translation>
    </message>
    <message>
        <source>Member has no id.</source>
        <translation>Falta el identificador de participante.</translation>
    </message>
    <message>
        <source>Mood score outside the group&apos;s scale.</source>
        <translation>La puntuación de ánimo está fuera de la escala del grupo.</translation>
    </message>
    <message>
        <source>No answers given.</source>
        <translation>No se ha dado ninguna respuesta.</translation>
    </message>
    <message>
        <source>No code was given.</source>
        <translation>No se ha indicado ningún código.</translation>
    </message>
    <message>
        <source>No group has that name. Check the spelling in the app.</source>
        <translation type="vanished">Ningún grupo tiene ese nombre. Comprueba cómo se escribe en la aplicación.</translation>
    </message>
    <message>
        <source>No passphrase was given.</source>
        <translation>No se ha indicado ninguna frase de acceso.</translation>
    </message>
    <message>
        <source>Only a period that has ended can be exported: its last day must be before today. The screen shows the running month, but an export of it could be repeated after the next meeting, and the difference would show that meeting&apos;s figures.</source>
        <translation>Solo se puede exportar un periodo que ya ha terminado: su último día debe ser anterior a hoy. La pantalla muestra el mes en curso, pero una exportación de ese mes podría repetirse después de la siguiente reunión, y la diferencia mostraría las cifras de esa reunión.</translation>
    </message>
    <message>
        <source>Only an open meeting can be discarded; correct a closed one.</source>
        <translation>Solo se puede descartar una reunión abierta; una reunión cerrada se corrige.</translation>
    </message>
    <message>
        <source>Please add the group&apos;s crisis resources before the meeting starts.</source>
        <translation>Añade los recursos de crisis del grupo antes de empezar la reunión.</translation>
    </message>
    <message>
        <source>Please enter a number from {low} to {high}.</source>
        <translation>Introduce un número entre {low} y {high}.</translation>
    </message>
    <message>
        <source>Please enter a whole number.</source>
        <translation>Introduce un número entero.</translation>
    </message>
    <message>
        <source>Please enter text.</source>
        <translation>Introduce un texto.</translation>
    </message>
    <message>
        <source>Say what to write: --csv FILE, --pdf FILE, or both.</source>
        <translation>Indica qué escribir: --csv ARCHIVO, --pdf ARCHIVO o ambos.</translation>
    </message>
    <message>
        <source>Segment {number} needs from {low} to {high} minutes.</source>
        <translation>El segmento {number} necesita de {low} a {high} minutos.</translation>
    </message>
    <message>
        <source>That is not a date.</source>
        <translation>Eso no es una fecha.</translation>
    </message>
    <message>
        <source>That is not a way a goal can go.</source>
        <translation>Ese no es un resultado posible para un objetivo.</translation>
    </message>
    <message>
        <source>That member is no longer in the vault.</source>
        <translation>Esa persona ya no está en la caja fuerte.</translation>
    </message>
    <message>
        <source>That mood scale is not one GroupKeeper knows.</source>
        <translation>GroupKeeper no conoce esa escala de ánimo.</translation>
    </message>
    <message>
        <source>The agenda could not be read. Please set it up again.</source>
        <translation>No se pudo leer el plan. Vuelve a prepararlo, por favor.</translation>
    </message>
    <message>
        <source>The agenda needs at least one segment.</source>
        <translation>El plan necesita al menos un segmento.</translation>
    </message>
    <message>
        <source>The exports cover different periods ({first}: {first_period}; {other}: {other_period}). Combine exports of the same month, quarter or year.</source>
        <translation>Las exportaciones cubren periodos distintos ({first}: {first_period}; {other}: {other_period}). Combine exportaciones del mismo mes, trimestre o año.</translation>
    </message>
    <message>
        <source>The folder for {flag} does not exist.</source>
        <translation>La carpeta para {flag} no existe.</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>La nota está vacía.</translation>
    </message>
    <message>
        <source>The passphrase must have at least {count} characters.</source>
        <translation>La frase de acceso debe tener al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>El periodo termina antes de empezar.</translation>
    </message>
    <message>
        <source>The period ends before it starts: check --from and --to.</source>
        <translation>El periodo termina antes de empezar: revisa --from y --to.</translation>
    </message>
    <message>
        <source>The text contains characters that cannot be stored.</source>
        <translation>El texto contiene caracteres que no se pueden guardar.</translation>
    </message>
    <message>
        <source>There is no mood round of that name.</source>
        <translation>No hay ninguna ronda de ánimo con ese nombre.</translation>
    </message>
    <message>
        <source>There is no terminal to ask for the code; use --passphrase-stdin.</source>
        <translation>No hay terminal para pedir el código; use --passphrase-stdin.</translation>
    </message>
    <message>
        <source>There is no terminal to ask for the passphrase; give it on standard input with --passphrase-stdin.</source>
        <translation>No hay ningún terminal para pedir la frase de acceso; indícala por la entrada estándar con --passphrase-stdin.</translation>
    </message>
    <message>
        <source>This build cannot write PDF reports; use --csv.</source>
        <translation>Esta versión no puede escribir informes PDF; use --csv.</translation>
    </message>
    <message>
        <source>This group is shared already, through another folder; name that folder to invite one more laptop.</source>
        <translation>Este grupo ya se comparte, a través de otra carpeta; indique esa carpeta para invitar a un portátil más.</translation>
    </message>
    <message>
        <source>This note is no longer in the vault.</source>
        <translation>Esta nota ya no está en la caja fuerte.</translation>
    </message>
    <message>
        <source>This report cannot be exported: the check that keeps small counts hidden cannot be sure of it together with this vault&apos;s earlier exports (for example, because attendance came in by sync from another laptop after they were made). Nothing was written.</source>
        <translation>Este informe no se puede exportar: la comprobación que mantiene ocultas las cifras pequeñas no puede asegurarlo junto con las exportaciones anteriores de esta caja fuerte (por ejemplo, porque llegaron asistencias por sincronización desde otro portátil después de hacerlas). No se ha escrito nada.</translation>
    </message>
    <message>
        <source>Those answers do not fit the scale.</source>
        <translation>Esas respuestas no encajan en la escala.</translation>
    </message>
    <message>
        <source>{file} cannot be read: it may have been moved or removed, be a folder, or need a permission you do not have.</source>
        <translation>No se puede leer {file}: puede que se haya movido o borrado, que sea una carpeta o que necesite un permiso que usted no tiene.</translation>
    </message>
    <message>
        <source>{file} has a cell that looks like a spreadsheet formula (line {line}). GroupKeeper never writes one, so the file was changed after it was exported; ask for the export again.</source>
        <translation>{file} tiene una celda que parece una fórmula de hoja de cálculo (línea {line}). GroupKeeper nunca escribe una, así que el archivo se modificó después de exportarlo; pida la exportación de nuevo.</translation>
    </message>
    <message>
        <source>{file} has a damaged or edited line ({line}), so its figures cannot be trusted. Ask for the export again, unchanged.</source>
        <translation>{file} tiene una línea dañada o editada ({line}), así que sus cifras no son fiables. Pida la exportación de nuevo, sin cambios.</translation>
    </message>
    <message>
        <source>{file} holds figures this version of GroupKeeper does not know; it may come from a newer version. Update GroupKeeper and try again.</source>
        <translation>{file} contiene cifras que esta versión de GroupKeeper no conoce; puede venir de una versión más reciente. Actualice GroupKeeper y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>{file} is already a combined report; combine the original exports instead.</source>
        <translation>{file} ya es un informe combinado; combine en su lugar las exportaciones originales.</translation>
    </message>
    <message>
        <source>{file} is not a GroupKeeper report export (a CSV written by Export CSV or groupkeeper export). Choose the exported CSV files.</source>
        <translation>{file} no es una exportación de informe de GroupKeeper (un CSV escrito por Exportar CSV o por groupkeeper export). Elija los archivos CSV exportados.</translation>
    </message>
    <message>
        <source>{file} was chosen twice; leave one of them out.</source>
        <translation>{file} se eligió dos veces; quite uno de ellos.</translation>
    </message>
    <message>
        <source>{first} and {other} are both for &quot;{group}&quot;: adding them up would count that group twice. Leave one of them out (exports of groups that share a name at different sites: export each under its own name).</source>
        <translation>{first} y {other} son ambos de «{group}»: sumarlos contaría ese grupo dos veces. Quite uno de ellos (si son grupos de sedes distintas con el mismo nombre, exporte cada uno con su propio nombre).</translation>
    </message>
    <message>
        <source>{flag} names one of the exports being combined; write to another file.</source>
        <translation>{flag} nombra una de las exportaciones que se combinan; escriba en otro archivo.</translation>
    </message>
    <message>
        <source>{other} is the same export as {first}; leave one of them out.</source>
        <translation>{other} es la misma exportación que {first}; quite una de ellas.</translation>
    </message>
</context>
<context>
    <name>JoinGroupDialog</name>
    <message numerus="yes">
        <source>%n more digit(s) to type.</source>
        <translation>
            <numerusform>Falta %n cifra por escribir.</numerusform>
            <numerusform>Faltan %n cifras por escribir.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Invitation file</source>
        <translation>Archivo de &amp;invitación</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Unirme</translation>
    </message>
    <message>
        <source>All 20 digits are there.</source>
        <translation>Están las 20 cifras.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose the invitation file</source>
        <translation>Elegir el archivo de invitación</translation>
    </message>
    <message>
        <source>Choose the invitation file (it must be there).</source>
        <translation>Elige el archivo de invitación (tiene que estar ahí).</translation>
    </message>
    <message>
        <source>Choose the shared folder</source>
        <translation>Elegir la carpeta compartida</translation>
    </message>
    <message>
        <source>Choose the shared folder (it must be there).</source>
        <translation>Elige la carpeta compartida (tiene que estar ahí).</translation>
    </message>
    <message>
        <source>GroupKeeper invitations (*.gkinvite);;All files (*)</source>
        <translation>Invitaciones de GroupKeeper (*.gkinvite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Invitation file</source>
        <translation>Archivo de invitación</translation>
    </message>
    <message>
        <source>Join a group that another facilitator shares with you. You need the invitation file they wrote, the shared folder (a Syncthing folder, a USB stick or any synced folder) and the one-time code they read out.</source>
        <translation>Únete a un grupo que otra persona que facilita comparte contigo. Necesitas el archivo de invitación que escribió, la carpeta compartida (una carpeta de Syncthing, una memoria USB o cualquier carpeta sincronizada) y el código de un solo uso que te leyó en voz alta.</translation>
    </message>
    <message>
        <source>Join a shared group</source>
        <translation>Unirme a un grupo compartido</translation>
    </message>
    <message>
        <source>Join the shared group</source>
        <translation>Unirme al grupo compartido</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Te has unido</translation>
    </message>
    <message>
        <source>Joining...</source>
        <translation>Uniéndome...</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>&amp;Código de un solo uso</translation>
    </message>
    <message>
        <source>Shared &amp;folder</source>
        <translation>Carpeta com&amp;partida</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Carpeta compartida</translation>
    </message>
    <message numerus="yes">
        <source>The code has 20 digits; %n are missing.</source>
        <translation>
            <numerusform>El código tiene 20 cifras; falta %n.</numerusform>
            <numerusform>El código tiene 20 cifras; faltan %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>This &amp;laptop&apos;s name</source>
        <translation>&amp;Nombre de este portátil</translation>
    </message>
    <message>
        <source>This laptop now shares %1. Its members and meetings arrive with each sync; GroupKeeper keeps it in step by itself while the vault is unlocked.</source>
        <translation>Este portátil ya comparte %1. Sus participantes y reuniones llegan con cada sincronización; GroupKeeper lo mantiene al día por su cuenta mientras la caja fuerte está abierta.</translation>
    </message>
</context>
<context>
    <name>LaptopsDialog</name>
    <message>
        <source>%1 (this laptop)</source>
        <translation>%1 (este portátil)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Laptops sharing %1</source>
        <translation>Portátiles que comparten %1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Último cambio: %1</translation>
    </message>
    <message>
        <source>Remove %1 from %2?

The group gets a new key that only the laptops left know, so %1 reads nothing new from now on. What it already has stays on it: to remove that too, forget the group on that laptop itself.</source>
        <translation>¿Quitar %1 de %2?

El grupo recibe una clave nueva que solo conocen los portátiles que quedan, así que %1 ya no podrá leer nada nuevo. Lo que ya tiene se queda en él: para borrarlo también, hay que olvidar el grupo en ese mismo portátil.</translation>
    </message>
    <message>
        <source>Remove %1 from the group</source>
        <translation>Quitar %1 del grupo</translation>
    </message>
    <message>
        <source>Remove a laptop</source>
        <translation>Quitar un portátil</translation>
    </message>
    <message>
        <source>Remove this laptop...</source>
        <translation>Quitar este portátil...</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Quitado</translation>
    </message>
    <message>
        <source>Shared folder: %1</source>
        <translation>Carpeta compartida: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>1. On Home, press &quot;Start meeting&quot; for your group.
2. The left side shows the plan for tonight; the big area shows the part you are in, with its timer at the top.
3. Check people in by typing a few letters of their name and pressing Enter. &quot;Add arrival&quot; works at any time for late arrivals.
4. Press &quot;Next segment&quot; when you are ready to move on. Parts can be skipped or moved.
5. &quot;Safety&quot; shows your crisis resources whenever you need them.
6. Everything is saved as you go. At the end, press &quot;End meeting&quot;.

Ctrl+L locks GroupKeeper at any time; during a meeting the plan and the timer stay on screen, without names.</source>
        <translation type="vanished">1. En Inicio, pulsa «Empezar reunión» en tu grupo.
2. A la izquierda ves el plan de hoy; en la zona grande, la parte en la que estáis, con su temporizador arriba.
3. Para registrar a alguien, escribe unas letras de su nombre y pulsa Intro. «Añadir llegada» sirve en cualquier momento para quien llega tarde.
4. Pulsa «Siguiente parte» cuando el grupo esté listo para seguir. Puedes saltar o mover partes.
5. «Seguridad» muestra tus recursos de crisis siempre que los necesites.
6. Todo se guarda sobre la marcha. Al final, pulsa «Terminar reunión».

Ctrl+L bloquea GroupKeeper en cualquier momento; durante una reunión, el plan y el temporizador siguen en pantalla, sin nombres.</translation>
    </message>
    <message>
        <source>GroupKeeper</source>
        <extracomment>finish_start() runs after the first frame; this is the fallback if none is painted.</extracomment>
        <translation>GroupKeeper</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>How a meeting runs</source>
        <translation type="vanished">Cómo va una reunión</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Lock GroupKeeper now</source>
        <translation>Bloquear GroupKeeper ahora</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Bloquear ahora (Ctrl+L)</translation>
    </message>
    <message>
        <source>Meeting discarded</source>
        <translation>Reunión descartada</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>The meeting runner</source>
        <translation type="vanished">La guía de la reunión</translation>
    </message>
    <message>
        <source>The roster</source>
        <translation type="vanished">La lista de participantes</translation>
    </message>
    <message>
        <source>This meeting was discarded on another laptop that shares the group, so nothing more can be recorded in it. Anything recorded here that the other laptop had not seen yet stays and shows on Home.</source>
        <translation>Esta reunión se descartó en otro portátil que comparte el grupo, así que ya no se puede anotar nada en ella. Lo anotado aquí que el otro portátil aún no había visto se conserva y aparece en Inicio.</translation>
    </message>
</context>
<context>
    <name>MeetingLockScreen</name>
    <message>
        <source>&amp;Safety</source>
        <translation>&amp;Seguridad</translation>
    </message>
    <message>
        <source>(paused)</source>
        <translation>(en pausa)</translation>
    </message>
    <message>
        <source>(skipped)</source>
        <translation>(saltada)</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Locked - the meeting goes on</source>
        <translation>Bloqueado: la reunión continúa</translation>
    </message>
    <message>
        <source>Names are hidden. Type the passphrase to return to this segment.</source>
        <translation>Los nombres están ocultos. Escribe la frase de acceso para volver a esta parte.</translation>
    </message>
    <message>
        <source>Safety: crisis resources and escalation steps</source>
        <translation>Seguridad: recursos de crisis y pasos a seguir</translation>
    </message>
    <message>
        <source>Segment timer</source>
        <translation>Temporizador de la parte</translation>
    </message>
    <message>
        <source>Shows them without unlocking (Alt+S)</source>
        <translation>Los muestra sin desbloquear (Alt+S)</translation>
    </message>
</context>
<context>
    <name>MeetingRunner</name>
    <message>
        <source>%1 = very good</source>
        <translation>%1 = muy bien</translation>
    </message>
    <message>
        <source>%1 = very low</source>
        <translation>%1 = muy bajo</translation>
    </message>
    <message>
        <source>%1 is here, and now in %2.</source>
        <translation>%1 ya está aquí, y ahora en %2.</translation>
    </message>
    <message>
        <source>%1 is here.</source>
        <translation>%1 ya está aquí.</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 de %2 hechas</translation>
    </message>
    <message>
        <source>%1 sent apologies.</source>
        <translation>%1 avisó que no venía.</translation>
    </message>
    <message>
        <source>%1 — %2: add to this group and mark present</source>
        <translation>%1 — %2: añadir a este grupo y marcar presente</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) so far</source>
        <translation>
            <numerusform>%n respuesta hasta ahora</numerusform>
            <numerusform>%n respuestas hasta ahora</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n checked in</source>
        <translation>
            <numerusform>%n ha llegado</numerusform>
            <numerusform>%n han llegado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n meta</numerusform>
            <numerusform>%n metas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) from before</source>
        <translation>
            <numerusform>%n meta pendiente</numerusform>
            <numerusform>%n metas pendientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) set</source>
        <translation>
            <numerusform>%n meta fijada</numerusform>
            <numerusform>%n metas fijadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n here</source>
        <translation>
            <numerusform>%n presente</numerusform>
            <numerusform>%n presentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n here in total</source>
        <translation>
            <numerusform>%n presente en total</numerusform>
            <numerusform>%n presentes en total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>Queda %n min</numerusform>
            <numerusform>Quedan %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mood(s) recorded</source>
        <translation>
            <numerusform>%n ánimo anotado</numerusform>
            <numerusform>%n ánimos anotados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nueva persona</numerusform>
            <numerusform>%n personas nuevas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pass(es)</source>
        <translation>
            <numerusform>%n pasó</numerusform>
            <numerusform>%n pasaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n revisada</numerusform>
            <numerusform>%n revisadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n safety concern(s) counted</source>
        <translation>
            <numerusform>%n preocupación de seguridad contada</numerusform>
            <numerusform>%n preocupaciones de seguridad contadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sent apologies</source>
        <translation>
            <numerusform>%n avisó que no venía</numerusform>
            <numerusform>%n avisaron que no venían</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared</source>
        <translation>
            <numerusform>%n compartida</numerusform>
            <numerusform>%n compartidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skill(s) shared</source>
        <translation>
            <numerusform>%n estrategia compartida</numerusform>
            <numerusform>%n estrategias compartidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n so far</source>
        <translation>
            <numerusform>%n hasta ahora</numerusform>
            <numerusform>%n hasta ahora</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in(s)</source>
        <translation>
            <numerusform>%n visita anónima</numerusform>
            <numerusform>%n visitas anónimas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Count a safety concern  (+1)</source>
        <translation>&amp;Anotar una preocupación  (+1)</translation>
    </message>
    <message>
        <source>&amp;Done  (D)</source>
        <translation>&amp;Hecha  (D)</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Ir a</translation>
    </message>
    <message>
        <source>&amp;Note (written %1)</source>
        <translation>&amp;Nota (escrita el %1)</translation>
    </message>
    <message>
        <source>&amp;Pass  (P)</source>
        <translation>&amp;Pasar  (P)</translation>
    </message>
    <message>
        <source>&amp;Remove goal</source>
        <translation>&amp;Quitar meta</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Quitar la seleccionada</translation>
    </message>
    <message>
        <source>&amp;Safety</source>
        <translation>&amp;Seguridad</translation>
    </message>
    <message>
        <source>&amp;Save correction</source>
        <translation>&amp;Guardar corrección</translation>
    </message>
    <message>
        <source>&amp;Save goal  (Enter)</source>
        <translation>&amp;Guardar meta  (Intro)</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>&amp;Guardar nota</translation>
    </message>
    <message>
        <source>&amp;Undo  (Backspace)</source>
        <translation>&amp;Deshacer  (Retroceso)</translation>
    </message>
    <message>
        <source>&amp;Undo check-in</source>
        <translation>&amp;Deshacer llegada</translation>
    </message>
    <message>
        <source>&amp;Undo count</source>
        <translation>&amp;Deshacer anotación</translation>
    </message>
    <message>
        <source>&amp;Undo last  (Ctrl+Z)</source>
        <translation>&amp;Deshacer la última  (Ctrl+Z)</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>(%1 de %2)</translation>
    </message>
    <message>
        <source>(forgotten member)</source>
        <translation>(participante olvidado)</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(sin anotar)</translation>
    </message>
    <message>
        <source>+ &amp;Arrival</source>
        <translation>+ &amp;Llegada</translation>
    </message>
    <message>
        <source>+ &amp;Walk-in</source>
        <translation>+ Visita &amp;anónima</translation>
    </message>
    <message>
        <source>+%1 over</source>
        <translation>+%1 de más</translation>
    </message>
    <message>
        <source>A note needs some words. To keep it as it was, press Cancel.</source>
        <translation>Una nota necesita alguna palabra. Para dejarla como estaba, pulse Cancelar.</translation>
    </message>
    <message>
        <source>Add an anonymous walk-in</source>
        <translation>Añadir una visita anónima</translation>
    </message>
    <message>
        <source>Add arrival</source>
        <translation>Añadir llegada</translation>
    </message>
    <message>
        <source>Add as &amp;new skill</source>
        <translation>Añadir como estrategia &amp;nueva</translation>
    </message>
    <message>
        <source>Add “%1” as &amp;new skill</source>
        <translation>Añadir «%1» como estrategia &amp;nueva</translation>
    </message>
    <message>
        <source>Adds someone new with just the name typed (Alt+H)</source>
        <translation>Añade a alguien que viene por primera vez, solo con el nombre escrito (Alt+H)</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Agenda setting</source>
        <translation>Decidir el plan</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Autosaved %1</source>
        <translation>Guardado automáticamente %1</translation>
    </message>
    <message>
        <source>Back to Home, the meeting stays open</source>
        <translation>Volver a Inicio; la reunión sigue abierta</translation>
    </message>
    <message>
        <source>Back to Home; the meeting stays open (Ctrl+Shift+H)</source>
        <translation>Volver a Inicio; la reunión sigue abierta (Ctrl+Mayús+H)</translation>
    </message>
    <message>
        <source>Back to the round  (Esc)</source>
        <translation>Volver a la ronda  (Esc)</translation>
    </message>
    <message>
        <source>Bring back the selected segment</source>
        <translation>Recuperar la parte seleccionada</translation>
    </message>
    <message>
        <source>C&amp;orrect note...</source>
        <translation>C&amp;orregir nota...</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegoría:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Catch-up &amp;grid  (G)</source>
        <translation>&amp;Tabla para ponerse al día  (G)</translation>
    </message>
    <message>
        <source>Catch-up grid</source>
        <translation>Tabla para ponerse al día</translation>
    </message>
    <message>
        <source>Catch-up grid: ↑ ↓ choose a person, then the number for the score, P to pass, Delete to take back. Esc goes back to the round.</source>
        <translation>Tabla para ponerse al día: ↑ ↓ elige a una persona; luego el número de la puntuación, P para pasar, Supr para deshacer. Esc vuelve a la ronda.</translation>
    </message>
    <message>
        <source>Category of the new skill</source>
        <translation>Categoría de la estrategia nueva</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Llegadas</translation>
    </message>
    <message>
        <source>Check-in round</source>
        <translation>Ronda de inicio</translation>
    </message>
    <message>
        <source>Check-out: plan for the week</source>
        <translation>Cierre: plan para la semana</translation>
    </message>
    <message numerus="yes">
        <source>Checked in: %n</source>
        <translation>
            <numerusform>Han llegado: %n</numerusform>
            <numerusform>Han llegado: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a segment, then Go to, Skip or Move with the buttons beside it.</source>
        <translation>Elige una parte y luego Ir a, Saltar o Mover con los botones de al lado.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>Closing round</source>
        <translation>Ronda de cierre</translation>
    </message>
    <message>
        <source>Closing round (optional)</source>
        <translation>Ronda de cierre (opcional)</translation>
    </message>
    <message>
        <source>Coping-skill share</source>
        <translation>Compartir estrategias</translation>
    </message>
    <message>
        <source>Correct a safety note</source>
        <translation>Corregir una nota de seguridad</translation>
    </message>
    <message>
        <source>Correct the selected note</source>
        <translation>Corregir la nota seleccionada</translation>
    </message>
    <message>
        <source>Crisis resources</source>
        <translation>Recursos de crisis</translation>
    </message>
    <message>
        <source>Crisis resources and escalation steps</source>
        <translation>Recursos de crisis y pasos a seguir</translation>
    </message>
    <message>
        <source>Crisis resources, escalation steps, count a concern (Ctrl+Shift+S)</source>
        <translation>Recursos de crisis, pasos a seguir, anotar una preocupación (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <source>Current segment</source>
        <translation>Parte actual</translation>
    </message>
    <message>
        <source>Delete removes the selected one.</source>
        <translation>Supr quita la seleccionada.</translation>
    </message>
    <message>
        <source>Delete takes back the selected check-in.</source>
        <translation type="vanished">Supr deshace la llegada seleccionada.</translation>
    </message>
    <message>
        <source>Discard this meeting</source>
        <translation>Descartar esta reunión</translation>
    </message>
    <message>
        <source>Discard this meeting (started by mistake); asks first if anything is recorded</source>
        <translation>Descarta esta reunión (empezada por error); pregunta antes si hay algo anotado</translation>
    </message>
    <message>
        <source>Discard...</source>
        <translation>Descartar...</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Done: </source>
        <translation>Ya han respondido: </translation>
    </message>
    <message>
        <source>Drop  (X)</source>
        <translation>Dejarla  (X)</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Dejada</translation>
    </message>
    <message>
        <source>Encrypted in the vault, never exported or printed. Avoid full names.</source>
        <translation>Cifrado en la caja fuerte; nunca se exporta ni se imprime. Evita nombres completos.</translation>
    </message>
    <message>
        <source>Encrypted in the vault, never exported. Avoid writing full names.</source>
        <translation>Cifrado en la caja fuerte; nunca se exporta. Evita escribir nombres completos.</translation>
    </message>
    <message>
        <source>End meeting</source>
        <translation>Terminar reunión</translation>
    </message>
    <message>
        <source>End meeting…</source>
        <translation>Terminar reunión…</translation>
    </message>
    <message>
        <source>End the meeting now? Everything is saved; a closed meeting can still be corrected later.</source>
        <translation>¿Terminar la reunión ahora? Todo está guardado; una reunión cerrada se puede corregir más tarde.</translation>
    </message>
    <message>
        <source>Enter each person&apos;s paper answers (%1 to %2). A full row is saved at once.</source>
        <translation>Anota las respuestas en papel de cada persona (de %1 a %2). Cada fila completa se guarda al momento.</translation>
    </message>
    <message>
        <source>Enter goes to the selected segment. Skip and move buttons are below.</source>
        <translation>Intro va a la parte seleccionada. Los botones para saltar y mover están debajo.</translation>
    </message>
    <message>
        <source>Enter marks the first match present. Down moves to the list of matches.</source>
        <translation>Intro marca como presente la primera coincidencia. Flecha abajo pasa a la lista de coincidencias.</translation>
    </message>
    <message>
        <source>Enter saves and moves to the next person. Up and Down choose a person.</source>
        <translation>Intro guarda y pasa a la siguiente persona. Las flechas arriba y abajo eligen a una persona.</translation>
    </message>
    <message>
        <source>Escalation steps:</source>
        <translation>Pasos a seguir:</translation>
    </message>
    <message>
        <source>Everyone has had a turn. Ctrl+Enter goes to the next segment.</source>
        <translation>Todo el mundo ha tenido su turno. Ctrl+Intro pasa a la siguiente parte.</translation>
    </message>
    <message>
        <source>Feeling &amp;word (optional):</source>
        <translation>Pala&amp;bra para el sentimiento (opcional):</translation>
    </message>
    <message>
        <source>Feeling word, optional</source>
        <translation>Palabra para el sentimiento, opcional</translation>
    </message>
    <message>
        <source>Find a skill</source>
        <translation>Buscar una estrategia</translation>
    </message>
    <message>
        <source>Find who arrived</source>
        <translation>Buscar a quien ha llegado</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Goal for %1:</source>
        <translation>Meta de %1:</translation>
    </message>
    <message>
        <source>Goal for the week</source>
        <translation>Meta para la semana</translation>
    </message>
    <message>
        <source>Goal setting</source>
        <translation>Metas para la semana</translation>
    </message>
    <message>
        <source>Goals to review</source>
        <translation>Metas para revisar</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Group agreements</source>
        <translation>Acuerdos del grupo</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>How did last week&apos;s goals go? Choose a goal, then D done, P partly, N not yet, X drop (or 1-4). Backspace takes it back.</source>
        <translation>¿Cómo fueron las metas de la semana pasada? Elige una meta y pulsa D hecha, P en parte, N todavía no, X dejarla (o 1-4). Retroceso lo deshace.</translation>
    </message>
    <message>
        <source>How it went</source>
        <translation>Cómo fue</translation>
    </message>
    <message>
        <source>Keep the correction?</source>
        <translation>¿Guardar la corrección?</translation>
    </message>
    <message>
        <source>Keys: the number for the score, P to pass, ← → to move between people, Delete to take back, Alt+W for a feeling word first.</source>
        <translation>Teclas: el número de la puntuación, P para pasar, ← → para moverte entre personas, Supr para deshacer, Alt+B para anotar antes una palabra.</translation>
    </message>
    <message>
        <source>Last check-in</source>
        <translation>Última llegada</translation>
    </message>
    <message>
        <source>Last one in this round.</source>
        <translation>Última persona de esta ronda.</translation>
    </message>
    <message>
        <source>Last week&apos;s goals</source>
        <translation>Metas de la semana pasada</translation>
    </message>
    <message>
        <source>Less than a minute left</source>
        <translation>Queda menos de un minuto</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Mal</translation>
    </message>
    <message>
        <source>Mark &amp;present</source>
        <translation>Marcar &amp;presente</translation>
    </message>
    <message>
        <source>Marks the highlighted match present (Enter)</source>
        <translation>Marca como presente la coincidencia resaltada (Intro)</translation>
    </message>
    <message>
        <source>Matching members</source>
        <translation>Participantes que coinciden</translation>
    </message>
    <message>
        <source>Matching skills</source>
        <translation>Estrategias que coinciden</translation>
    </message>
    <message>
        <source>Meeting ended</source>
        <translation>Reunión terminada</translation>
    </message>
    <message>
        <source>Meeting: %1 of %2 min · ends %3</source>
        <translation>Reunión: %1 de %2 min · termina %3</translation>
    </message>
    <message>
        <source>Mood check</source>
        <translation>Estado de ánimo</translation>
    </message>
    <message>
        <source>Mood round</source>
        <translation>Ronda de ánimo</translation>
    </message>
    <message>
        <source>More than one person matches. Choose with the arrow keys, then Enter.</source>
        <translation>Coincide más de una persona. Elige con las flechas y pulsa Intro.</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the selected segment down (Alt+Down in the agenda)</source>
        <translation>Bajar la parte seleccionada (Alt+Abajo en el plan)</translation>
    </message>
    <message>
        <source>Move the selected segment up (Alt+Up in the agenda)</source>
        <translation>Subir la parte seleccionada (Alt+Arriba en el plan)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>New &amp;here</source>
        <translation>Primera vez &amp;hoy</translation>
    </message>
    <message>
        <source>New &amp;here: add “%1”</source>
        <translation>Primera vez &amp;hoy: añadir «%1»</translation>
    </message>
    <message>
        <source>Newest arrival first. Delete takes back the selected check-in.</source>
        <translation>La última llegada primero. Supr deshace la llegada seleccionada.</translation>
    </message>
    <message>
        <source>Next &amp;meeting:</source>
        <translation>Próxima &amp;reunión:</translation>
    </message>
    <message>
        <source>Next meeting date</source>
        <translation>Fecha de la próxima reunión</translation>
    </message>
    <message>
        <source>Next person →</source>
        <translation>Siguiente persona →</translation>
    </message>
    <message>
        <source>Next segment (Ctrl+Enter or Ctrl+Right)</source>
        <translation>Siguiente parte (Ctrl+Intro o Ctrl+Derecha)</translation>
    </message>
    <message>
        <source>Next segment ›</source>
        <translation>Siguiente parte ›</translation>
    </message>
    <message>
        <source>Next segment: %1</source>
        <translation>Siguiente parte: %1</translation>
    </message>
    <message>
        <source>Next: </source>
        <translation>Faltan: </translation>
    </message>
    <message>
        <source>Next: %1 ›</source>
        <translation>Siguiente: %1 ›</translation>
    </message>
    <message>
        <source>No crisis resources are written for this group yet. In an emergency call your local emergency number. Add the group&apos;s resources in its settings.</source>
        <translation>Este grupo todavía no tiene recursos de crisis anotados. En una emergencia, llama al número de emergencias de tu zona. Añade los recursos del grupo en su configuración.</translation>
    </message>
    <message>
        <source>No match. Use “New here” to add them.</source>
        <translation>Sin coincidencias. Usa «Primera vez hoy» para añadir a la persona.</translation>
    </message>
    <message>
        <source>No safety notes have been saved for this group.</source>
        <translation>No hay notas de seguridad guardadas para este grupo.</translation>
    </message>
    <message>
        <source>No wellbeing measure is set up for this group. A coordinator can choose one in the group&apos;s settings. You can skip this segment.</source>
        <translation>Este grupo no tiene configurado ningún cuestionario de bienestar. Quien coordina puede elegir uno en la configuración del grupo. Puedes saltar esta parte.</translation>
    </message>
    <message>
        <source>Nobody checked in yet</source>
        <translation>Todavía no ha llegado nadie</translation>
    </message>
    <message>
        <source>Nobody checked in yet.</source>
        <translation>Todavía no ha llegado nadie.</translation>
    </message>
    <message>
        <source>Nobody here has an open goal from before. Ctrl+Enter moves on.</source>
        <translation>Nadie de quienes están aquí tiene metas pendientes. Ctrl+Intro sigue adelante.</translation>
    </message>
    <message>
        <source>Nobody is checked in yet</source>
        <translation>Todavía no ha llegado nadie</translation>
    </message>
    <message>
        <source>Nobody is checked in yet.</source>
        <translation>Todavía no ha llegado nadie.</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Not yet  (N)</source>
        <translation>Todavía no  (N)</translation>
    </message>
    <message>
        <source>Note saved (encrypted).</source>
        <translation>Nota guardada (cifrada).</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto de la nota</translation>
    </message>
    <message>
        <source>Often shared in this group: </source>
        <translation>Se comparten a menudo en este grupo: </translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Regular</translation>
    </message>
    <message>
        <source>One walk-in fewer</source>
        <translation>Una visita anónima menos</translation>
    </message>
    <message>
        <source>Open sharing</source>
        <translation>Compartir libre</translation>
    </message>
    <message>
        <source>Open time</source>
        <translation>Tiempo libre</translation>
    </message>
    <message>
        <source>Open time. The timer is in the header too; Ctrl+Enter moves on when the group is ready.</source>
        <translation>Tiempo libre. El temporizador también está arriba; Ctrl+Intro sigue adelante cuando el grupo esté listo.</translation>
    </message>
    <message numerus="yes">
        <source>Over by %n min</source>
        <translation>
            <numerusform>Pasado %n min</numerusform>
            <numerusform>Pasado %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>En parte</translation>
    </message>
    <message>
        <source>Partly  (P)</source>
        <translation>En parte  (P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause or resume the timer (Ctrl+Shift+P)</source>
        <translation>Pausar o reanudar el temporizador (Ctrl+Mayús+P)</translation>
    </message>
    <message>
        <source>Pause the timer</source>
        <translation>Pausar el temporizador</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>People and their goals</source>
        <translation>Personas y sus metas</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Previous segment</source>
        <translation>Parte anterior</translation>
    </message>
    <message>
        <source>Previous segment (Ctrl+Left)</source>
        <translation>Parte anterior (Ctrl+Izquierda)</translation>
    </message>
    <message>
        <source>Private &amp;note (optional):</source>
        <translation>&amp;Nota privada (opcional):</translation>
    </message>
    <message>
        <source>Private notes: encrypted in the vault, never exported or printed.</source>
        <translation>Notas privadas: cifradas en la caja fuerte; nunca se exportan ni se imprimen.</translation>
    </message>
    <message>
        <source>Private safety note</source>
        <translation>Nota de seguridad privada</translation>
    </message>
    <message>
        <source>Read these aloud to welcome everyone.</source>
        <translation>Leedlos en voz alta para dar la bienvenida a todo el mundo.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Resume the timer</source>
        <translation>Reanudar el temporizador</translation>
    </message>
    <message>
        <source>Resumed where you left off.</source>
        <translation>Seguimos donde lo dejaste.</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Salta&amp;r</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message numerus="yes">
        <source>Safety concerns counted tonight: %n</source>
        <translation>
            <numerusform>Preocupaciones de seguridad anotadas hoy: %n</numerusform>
            <numerusform>Preocupaciones de seguridad anotadas hoy: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Safety notes: %1</source>
        <translation>Notas de seguridad: %1</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message numerus="yes">
        <source>Saved notes (only in the vault): %n</source>
        <translation>
            <numerusform>Notas guardadas (solo en la caja fuerte): %n</numerusform>
            <numerusform>Notas guardadas (solo en la caja fuerte): %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved row %1.</source>
        <translation>Fila %1 guardada.</translation>
    </message>
    <message>
        <source>Saved safety notes of this group</source>
        <translation>Notas de seguridad guardadas de este grupo</translation>
    </message>
    <message>
        <source>Segment timer</source>
        <translation>Temporizador de la parte</translation>
    </message>
    <message>
        <source>Sent ap&amp;ologies</source>
        <translation>A&amp;visó que no venía</translation>
    </message>
    <message>
        <source>Shared &amp;by (optional):</source>
        <translation>&amp;Compartida por (opcional):</translation>
    </message>
    <message numerus="yes">
        <source>Shared tonight: %n</source>
        <translation>
            <numerusform>Compartidas hoy: %n</numerusform>
            <numerusform>Compartidas hoy: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Skills shared tonight</source>
        <translation>Estrategias compartidas hoy</translation>
    </message>
    <message>
        <source>Skip the selected segment</source>
        <translation>Saltar la parte seleccionada</translation>
    </message>
    <message>
        <source>Skip the selected segment (or bring it back)</source>
        <translation>Saltar la parte seleccionada (o recuperarla)</translation>
    </message>
    <message>
        <source>Small, specific, something you can do this week. A goal is optional - “not this week” is fine.</source>
        <translation>Pequeña, concreta, algo que puedas hacer esta semana. La meta es opcional: «esta semana no» también vale.</translation>
    </message>
    <message>
        <source>Someone arrived</source>
        <translation>Ha llegado alguien</translation>
    </message>
    <message>
        <source>Someone arrived late (A or Ctrl+A)</source>
        <translation>Alguien ha llegado tarde (A o Ctrl+A)</translation>
    </message>
    <message>
        <source>Someone who stays anonymous (Alt+W)</source>
        <translation>Alguien que prefiere no dar su nombre (Alt+A)</translation>
    </message>
    <message>
        <source>Takes back: %1 (Delete in the list)</source>
        <translation>Deshace: %1 (Supr en la lista)</translation>
    </message>
    <message>
        <source>Thank you. The meeting is saved and closed.</source>
        <translation>Gracias. La reunión está guardada y cerrada.</translation>
    </message>
    <message>
        <source>That cannot be done at this point of the meeting.</source>
        <translation>Eso no se puede hacer en este momento de la reunión.</translation>
    </message>
    <message>
        <source>The private note is not saved yet. Save it before closing?</source>
        <translation>La nota privada aún no está guardada. ¿Guardarla antes de cerrar?</translation>
    </message>
    <message>
        <source>The statements, numbered as the columns</source>
        <translation>Las frases, numeradas como las columnas</translation>
    </message>
    <message>
        <source>The timer could not be restored, so the agenda starts again. Everything recorded is safe.</source>
        <extracomment>The kinds of data each segment&apos;s rail status line is made of. The meeting was discarded on another laptop sharing the group (arrived by sync).</extracomment>
        <translation>No se pudo recuperar el temporizador, así que el plan vuelve a empezar. Todo lo anotado está a salvo.</translation>
    </message>
    <message>
        <source>The vault is still locked. To count a concern or write a note, unlock and open Safety in the meeting.</source>
        <translation>La caja fuerte sigue bloqueada. Para contar una preocupación o escribir una nota, desbloquea y abre Seguridad en la reunión.</translation>
    </message>
    <message>
        <source>This group has no agreements written yet. Add them in the group&apos;s settings.</source>
        <translation>Este grupo todavía no tiene acuerdos escritos. Añádelos en la configuración del grupo.</translation>
    </message>
    <message>
        <source>This group keeps moods as a tally: no names are recorded. Press the number for each answer (or click it).</source>
        <translation>Este grupo anota el ánimo solo como recuento: no se guardan nombres. Pulsa el número de cada respuesta (o haz clic en él).</translation>
    </message>
    <message>
        <source>Time is up</source>
        <translation>Se acabó el tiempo</translation>
    </message>
    <message>
        <source>Time so far</source>
        <translation>Tiempo transcurrido</translation>
    </message>
    <message>
        <source>Tip: the library has starter skills; type to see them.</source>
        <translation>Consejo: la biblioteca trae estrategias para empezar; escribe para verlas.</translation>
    </message>
    <message>
        <source>Took back the check-in of %1.</source>
        <translation>Se deshizo la llegada de %1.</translation>
    </message>
    <message>
        <source>Took back: %1 sent apologies.</source>
        <translation>Se deshizo: %1 avisó que no venía.</translation>
    </message>
    <message>
        <source>Type a few letters and press Enter to mark someone present. Not on the list? “New here” adds them with just that name.</source>
        <translation>Escribe unas letras y pulsa Intro para marcar a alguien como presente. ¿No está en la lista? «Primera vez hoy» la añade solo con ese nombre.</translation>
    </message>
    <message>
        <source>Type a few letters of a name, then Enter</source>
        <translation>Escribe unas letras de un nombre y pulsa Intro</translation>
    </message>
    <message>
        <source>Type a skill, e.g. breathing</source>
        <translation>Escribe una estrategia, p. ej. respiración</translation>
    </message>
    <message>
        <source>Type or pick a word, then Enter returns to the scores.</source>
        <translation>Escribe o elige una palabra; Intro vuelve a las puntuaciones.</translation>
    </message>
    <message>
        <source>Un-s&amp;kip</source>
        <translation>Re&amp;cuperar</translation>
    </message>
    <message>
        <source>Unsaved note</source>
        <translation>Nota sin guardar</translation>
    </message>
    <message>
        <source>Use “+ Arrival” to check people in.</source>
        <translation>Usa «+ Llegada» para registrar a quien llega.</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Muy bien</translation>
    </message>
    <message>
        <source>Very low</source>
        <translation>Muy mal</translation>
    </message>
    <message numerus="yes">
        <source>Walk-ins (anonymous): %n</source>
        <translation>
            <numerusform>Visitas anónimas: %n</numerusform>
            <numerusform>Visitas anónimas: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome and agreements</source>
        <translation>Bienvenida y acuerdos</translation>
    </message>
    <message>
        <source>Welcome, %1 (new).</source>
        <translation>Bienvenida/o, %1 (primera vez).</translation>
    </message>
    <message>
        <source>Wellbeing answers</source>
        <translation>Respuestas de bienestar</translation>
    </message>
    <message>
        <source>Wellbeing check</source>
        <translation>Cuestionario de bienestar</translation>
    </message>
    <message>
        <source>Which coping skill was shared? Type to search the library, Enter records the highlighted one. Not there? Add it as a new skill.</source>
        <translation>¿Qué estrategia se compartió? Escribe para buscar en la biblioteca; Intro anota la resaltada. ¿No está? Añádela como estrategia nueva.</translation>
    </message>
    <message>
        <source>Who arrived? Type a few letters, then Enter.</source>
        <translation>¿Quién ha llegado? Escribe unas letras y pulsa Intro.</translation>
    </message>
    <message>
        <source>Who is here</source>
        <translation>Quién está aquí</translation>
    </message>
    <message>
        <source>Who shared it, optional</source>
        <translation>Quién la compartió, opcional</translation>
    </message>
    <message>
        <source>Whole meeting</source>
        <translation>Toda la reunión</translation>
    </message>
    <message>
        <source>Whose turn</source>
        <translation>A quién le toca</translation>
    </message>
    <message>
        <source>Working session</source>
        <translation>Sesión de trabajo</translation>
    </message>
    <message>
        <source>You changed this note. Save the correction?</source>
        <translation>Ha cambiado esta nota. ¿Guardar la corrección?</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>ya está aquí</translation>
    </message>
    <message>
        <source>anxious</source>
        <translation>ansiedad</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>a las %1</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>calma</translation>
    </message>
    <message>
        <source>current segment</source>
        <translation>parte actual</translation>
    </message>
    <message>
        <source>e.g. Walk round the park on two mornings</source>
        <translation>p. ej. Pasear por el parque dos mañanas</translation>
    </message>
    <message>
        <source>frustrated</source>
        <translation>frustración</translation>
    </message>
    <message>
        <source>grateful</source>
        <translation>gratitud</translation>
    </message>
    <message>
        <source>hopeful</source>
        <translation>esperanza</translation>
    </message>
    <message>
        <source>lonely</source>
        <translation>soledad</translation>
    </message>
    <message numerus="yes">
        <source>meeting over by %n min</source>
        <translation>
            <numerusform>reunión pasada por %n min</numerusform>
            <numerusform>reunión pasada por %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>primera vez</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nadie todavía</translation>
    </message>
    <message>
        <source>now: %1</source>
        <translation>ahora: %1</translation>
    </message>
    <message>
        <source>okay</source>
        <translation>bien</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>paso</translation>
    </message>
    <message>
        <source>proud</source>
        <translation>orgullo</translation>
    </message>
    <message>
        <source>relieved</source>
        <translation>alivio</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>tristeza</translation>
    </message>
    <message>
        <source>sent apologies</source>
        <translation>avisó que no venía</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>saltada</translation>
    </message>
    <message>
        <source>stressed</source>
        <translation>estrés</translation>
    </message>
    <message>
        <source>tired</source>
        <translation>cansancio</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Atrás</translation>
    </message>
    <message>
        <source>← Previous person</source>
        <translation>← Persona anterior</translation>
    </message>
    <message>
        <source>− Walk-in</source>
        <translation>− Visita anónima</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>%1  proof of attendance (%2 to %3)</source>
        <translation>%1  justificante de asistencia (%2 a %3)</translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>&amp;Añadir participante</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Forget...</source>
        <translation>&amp;Olvidar...</translation>
    </message>
    <message>
        <source>&amp;Joined on</source>
        <translation>&amp;Se unió el</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>&amp;Nombre *</translation>
    </message>
    <message>
        <source>&amp;Pronouns</source>
        <translation>&amp;Pronombres</translation>
    </message>
    <message>
        <source>&amp;Proof of attendance...</source>
        <translation>&amp;Justificante de asistencia...</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Añadir participante</translation>
    </message>
    <message>
        <source>Agrees to be &amp;contacted between meetings</source>
        <translation>&amp;Acepta recibir contacto entre reuniones</translation>
    </message>
    <message>
        <source>Agrees to be contacted between meetings</source>
        <translation>Acepta recibir contacto entre reuniones</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation>Cancelar sin guardar</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Historial de consentimientos</translation>
    </message>
    <message>
        <source>Consent history:</source>
        <translation>Historial de consentimientos:</translation>
    </message>
    <message>
        <source>Consent to be on the roster is recorded today.</source>
        <translation>El consentimiento para estar en la lista se anota con fecha de hoy.</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Datos exportados</translation>
    </message>
    <message>
        <source>E&amp;xport this member&apos;s data...</source>
        <translation>E&amp;xportar los datos de esta persona...</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>Editar participante</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Emer&amp;gency contact</source>
        <translation>Contacto de emer&amp;gencia</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Export this member&apos;s data</source>
        <translation>Exportar los datos de esta persona</translation>
    </message>
    <message>
        <source>F&amp;ull name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <source>First name or nickname</source>
        <translation>Nombre de pila o apodo</translation>
    </message>
    <message>
        <source>Forget a member</source>
        <translation>Olvidar a una persona</translation>
    </message>
    <message>
        <source>Forget this member</source>
        <translation>Olvidar a esta persona</translation>
    </message>
    <message>
        <source>Forget {name} for good?

This erases: their name and contact details, your private notes about them, the texts of their goals, and their consent records.

This keeps: their attendance and mood scores, under a random code that can no longer be linked to anyone, so the group&apos;s numbers stay right.

Automatic backups made before today still contain {name} until they rotate out (after about six months). Safety notes you wrote are not searched for names: please check them yourself.

This cannot be undone.</source>
        <translation>¿Olvidar a {name} para siempre?

Se borra: su nombre y sus datos de contacto, tus notas privadas sobre esta persona, el texto de sus metas y sus registros de consentimiento.

Se conserva: su asistencia y sus puntuaciones de ánimo, bajo un código al azar que ya no se puede relacionar con nadie, para que las cifras del grupo sigan siendo correctas.

Las copias automáticas hechas antes de hoy seguirán conteniendo a {name} hasta que se renueven (en unos seis meses). Las notas de seguridad que escribiste no se revisan en busca de nombres: revísalas tú.

Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>G&amp;roups</source>
        <translation>G&amp;rupos</translation>
    </message>
    <message>
        <source>Given on request:</source>
        <translation>Entregado a petición:</translation>
    </message>
    <message>
        <source>Groups this member belongs to</source>
        <translation>Grupos de esta persona</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Se unió el</translation>
    </message>
    <message>
        <source>Name and phone</source>
        <translation>Nombre y teléfono</translation>
    </message>
    <message>
        <source>Name used in the group (required)</source>
        <translation>Nombre que usa en el grupo (obligatorio)</translation>
    </message>
    <message>
        <source>Only you can see these. They are encrypted.</source>
        <translation>Solo tú puedes verlas. Están cifradas.</translation>
    </message>
    <message>
        <source>Only you see these notes.</source>
        <translation>Solo tú ves estas notas.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Please enter a name (a first name or nickname is fine).</source>
        <translation>Escribe un nombre, por favor (basta con el nombre de pila o un apodo).</translation>
    </message>
    <message>
        <source>Private n&amp;otes</source>
        <translation>Notas pri&amp;vadas</translation>
    </message>
    <message>
        <source>Private notes</source>
        <translation>Notas privadas</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Proof of attendance for this member, as a PDF</source>
        <translation>Justificante de asistencia de esta persona, en PDF</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>Reac&amp;tivar</translation>
    </message>
    <message>
        <source>Readable text (*.txt);;JSON (*.json)</source>
        <translation>Texto legible (*.txt);;JSON (*.json)</translation>
    </message>
    <message>
        <source>The file could not be written there. Try another folder or a USB stick.</source>
        <translation>No se pudo guardar el archivo ahí. Prueba con otra carpeta o con una memoria USB.</translation>
    </message>
    <message>
        <source>The file is not encrypted. Give it to the person, then delete it from this computer.</source>
        <translation>El archivo no está cifrado. Entrégaselo a la persona y después bórralo de este ordenador.</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>aceptó</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contacto</translation>
    </message>
    <message>
        <source>e.g. she/her, they/them</source>
        <translation>p. ej. ella, él, elle</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>sin anotar</translation>
    </message>
    <message>
        <source>on the roster</source>
        <translation>en la lista</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>retirado</translation>
    </message>
</context>
<context>
    <name>MemberExport</name>
    <message>
        <source>Active</source>
        <translation>En activo</translation>
    </message>
    <message>
        <source>Agreed to be contacted</source>
        <translation>Acepta que le contacten</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Registros de consentimiento</translation>
    </message>
    <message>
        <source>Documents given on request</source>
        <translation>Documentos entregados a petición</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Exported on</source>
        <translation>Exportado el</translation>
    </message>
    <message>
        <source>Facilitator&apos;s notes</source>
        <translation>Notas de quien facilita</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Se unió el</translation>
    </message>
    <message>
        <source>Mood checks</source>
        <translation>Estado de ánimo</translation>
    </message>
    <message>
        <source>Name used in the group</source>
        <translation>Nombre usado en el grupo</translation>
    </message>
    <message>
        <source>Personal data held by GroupKeeper</source>
        <translation>Datos personales que guarda GroupKeeper</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Pseudonym used in meeting records</source>
        <translation>Seudónimo usado en los registros de las reuniones</translation>
    </message>
    <message>
        <source>Skills shared</source>
        <translation>Estrategias compartidas</translation>
    </message>
    <message>
        <source>apologies</source>
        <translation>avisó que no venía</translation>
    </message>
    <message>
        <source>attendance_proof</source>
        <translation>constancia de asistencia</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>ronda de cierre</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>que le contacten</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>dejada</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>not_yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>ronda de inicio</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>en parte</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>pasó</translation>
    </message>
    <message>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>estar en la lista de participantes</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>MemberHistory</name>
    <message>
        <source>&amp;Attendance ({n})</source>
        <translation>&amp;Asistencia ({n})</translation>
    </message>
    <message>
        <source>&amp;Goals ({n})</source>
        <translation>&amp;Metas ({n})</translation>
    </message>
    <message>
        <source>&amp;Moods ({n})</source>
        <translation>Á&amp;nimo ({n})</translation>
    </message>
    <message>
        <source>&amp;Skills shared ({n})</source>
        <translation>&amp;Estrategias compartidas ({n})</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message numerus="yes">
        <source>Came to %n meeting(s).</source>
        <translation>
            <numerusform>Vino a %n reunión.</numerusform>
            <numerusform>Vino a %n reuniones.</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close history</source>
        <translation>Cerrar el historial</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Feeling word</source>
        <translation>Palabra para el sentimiento</translation>
    </message>
    <message>
        <source>For the facilitator only.</source>
        <translation>Solo para quien facilita.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>Historial de {name}</translation>
    </message>
    <message>
        <source>History sections</source>
        <translation>Secciones del historial</translation>
    </message>
    <message>
        <source>History: {name}</source>
        <translation>Historial: {name}</translation>
    </message>
    <message>
        <source>Mood checks</source>
        <translation>Estados de ánimo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Ronda</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Set on</source>
        <translation>Fijada el</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Skills shared</source>
        <translation>Estrategias compartidas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>came</source>
        <translation>vino</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>cierre</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>dejada</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>open</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>en parte</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>pasó</translation>
    </message>
    <message>
        <source>sent apologies</source>
        <translation>avisó que no venía</translation>
    </message>
</context>
<context>
    <name>NewPassphrase</name>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de acceso</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Frase de acceso nueva</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repite la frase de acceso nueva</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Las dos frases todavía no coinciden.</translation>
    </message>
    <message>
        <source>The two passphrases match.</source>
        <translation>Las dos frases coinciden.</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Escríbela &amp;otra vez</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Okay. A few more words would make it strong.</source>
        <translation>Aceptable. Con unas palabras más sería segura.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show the passphrase while typing</source>
        <translation>Mostrar la frase de acceso mientras escribes</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Segura.</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>Demasiado corta: usa al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>Weak: easy to guess. Try three or four unrelated words.</source>
        <translation>Débil: fácil de adivinar. Prueba con tres o cuatro palabras sin relación.</translation>
    </message>
</context>
<context>
    <name>PastMeetingDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Enter a past meeting</source>
        <translation>Anotar una reunión pasada</translation>
    </message>
    <message>
        <source>Enter the past meeting on this date</source>
        <translation>Anotar la reunión pasada en esta fecha</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>Fecha de la reunión</translation>
    </message>
    <message>
        <source>When did the meeting happen?</source>
        <translation>¿Cuándo fue la reunión?</translation>
    </message>
</context>
<context>
    <name>PathField</name>
    <message>
        <source>Choose...</source>
        <extracomment>The invitation&apos;s file name when it goes into a folder. It names no group: the shared folder may be seen by more people than the group&apos;s facilitators.</extracomment>
        <translation>Elegir...</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Ver en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Ficheros de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1, %2. In exports %3 figures are hidden (threshold %4).</source>
        <translation type="vanished">%1, %2. En las exportaciones se ocultan %3 cifras (umbral %4).</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2. In exports %n figure(s) are hidden (threshold %3).</source>
        <translation>
            <numerusform>%1, %2. En las exportaciones se oculta %n cifra (umbral %3).</numerusform>
            <numerusform>%1, %2. En las exportaciones se ocultan %n cifras (umbral %3).</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Grupo:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periodo:</translation>
    </message>
    <message>
        <source>Add up CSV exports of several groups or sites into one report</source>
        <translation>Sumar en un solo informe las exportaciones CSV de varios grupos o sedes</translation>
    </message>
    <message>
        <source>All figures</source>
        <translation>Todas las cifras</translation>
    </message>
    <message>
        <source>All figures, exact and as exported</source>
        <translation>Todas las cifras, exactas y como se exportan</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>Co&amp;mbine exports...</source>
        <translation>Co&amp;mbinar exportaciones...</translation>
    </message>
    <message>
        <source>Combine exports</source>
        <translation>Combinar exportaciones</translation>
    </message>
    <message>
        <source>Every report exported from this vault, newest first. A new export is checked against these, so that exports put side by side cannot reveal a small count.</source>
        <translation>Cada informe exportado de esta caja fuerte, del más reciente al más antiguo. Cada nueva exportación se comprueba frente a estos, para que al comparar exportaciones no se pueda descubrir una cifra pequeña.</translation>
    </message>
    <message>
        <source>Exact (this screen)</source>
        <translation>Exacta (esta pantalla)</translation>
    </message>
    <message>
        <source>Exact figures - exports are suppressed</source>
        <translation>Cifras exactas: en las exportaciones se ocultan las pequeñas</translation>
    </message>
    <message>
        <source>Export &amp;CSV...</source>
        <translation>Exportar &amp;CSV...</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>Export P&amp;DF...</source>
        <translation>Exportar P&amp;DF...</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>Figures hidden</source>
        <translation>Cifras ocultas</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Follow-up (for you only)</source>
        <translation>Seguimiento (solo para ti)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>In exports</source>
        <translation>En las exportaciones</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Tipo de periodo</translation>
    </message>
    <message>
        <source>Last month of the period</source>
        <translation>Último mes del periodo</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Months from... to...</source>
        <translation>Meses de... a...</translation>
    </message>
    <message>
        <source>No report has been exported from this vault yet.</source>
        <translation>Todavía no se ha exportado ningún informe de esta caja fuerte.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Past exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Q%1 %2 (%3 to %4)</source>
        <translation>T%1 %2 (de %3 a %4)</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <source>Report sections</source>
        <translation>Secciones del informe</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Save a PDF report for coordinators and funders, with small counts suppressed</source>
        <translation>Guardar un informe PDF para coordinación y financiadores, con las cifras pequeñas ocultas</translation>
    </message>
    <message>
        <source>Save the figures as a spreadsheet file, with small counts suppressed</source>
        <translation>Guardar las cifras como hoja de cálculo, con las cifras pequeñas ocultas</translation>
    </message>
    <message>
        <source>Show &amp;all groups</source>
        <translation>Mostrar &amp;todos los grupos</translation>
    </message>
    <message>
        <source>Show the whole &amp;year</source>
        <translation>Mostrar el &amp;año entero</translation>
    </message>
    <message>
        <source>The report could not be saved there (the folder may be read-only, full, or removed). Choose another folder and try again.</source>
        <translation>No se pudo guardar el informe ahí (puede que la carpeta sea de solo lectura, esté llena o se haya quitado). Elige otra carpeta y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The report was saved with small counts suppressed:
%1</source>
        <translation>El informe se guardó con las cifras pequeñas ocultas:
%1</translation>
    </message>
    <message>
        <source>This period has not ended yet: it can be viewed here and exported once its last day has passed.</source>
        <translation>Este periodo aún no ha terminado: se puede ver aquí y exportar cuando haya pasado su último día.</translation>
    </message>
    <message>
        <source>This range can be viewed here but not exported: exports cover one calendar month, quarter or year, so that two exports cannot be subtracted from each other to reveal a small count.</source>
        <translation type="vanished">Este intervalo se puede ver aquí, pero no exportar: las exportaciones abarcan un mes, un trimestre o un año naturales, para que no se pueda restar una exportación de otra y descubrir una cifra pequeña.</translation>
    </message>
    <message>
        <source>This range can be viewed here but not exported: exports cover one calendar month, quarter or year.</source>
        <translation>Este intervalo se puede ver aquí pero no exportar: las exportaciones cubren un mes, un trimestre o un año naturales.</translation>
    </message>
    <message>
        <source>Too few people for a shareable report - try a longer period or all groups.</source>
        <translation>Hay muy pocas personas para un informe que se pueda compartir: prueba con un periodo más largo o con todos los grupos.</translation>
    </message>
    <message>
        <source>Updating...</source>
        <translation>Actualizando...</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>not exported</source>
        <translation>no se exporta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Active</source>
        <translation>En activo</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Last came</source>
        <translation>Última vez que vino</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>no (inactive)</source>
        <translation>no (sin actividad)</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Rows read from the vault in one go when the view needs one of them. Cached rows kept at most (a few screens&apos; worth); beyond that the cache starts again. How many pages were read from the vault since the last reload (tests, bench).</extracomment>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n participante</numerusform>
            <numerusform>%n participantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) added.</source>
        <translation>
            <numerusform>Se añadió %n participante.</numerusform>
            <numerusform>Se añadieron %n participantes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) have not come for {months} months or more. You may want to forget them.</source>
        <translation>
            <numerusform>%n participante no viene desde hace {months} meses o más. Quizá quieras olvidar sus datos.</numerusform>
            <numerusform>%n participantes no vienen desde hace {months} meses o más. Quizá quieras olvidar sus datos.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add member</source>
        <translation>&amp;Añadir participante</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Forget...</source>
        <translation>&amp;Olvidar...</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>Add a member (Ctrl+N)</source>
        <translation>Añadir participante (Ctrl+N)</translation>
    </message>
    <message>
        <source>Add members from a spreadsheet saved as CSV</source>
        <translation>Añadir participantes desde una hoja de cálculo guardada como CSV</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Todos los grupos</translation>
    </message>
    <message>
        <source>Attendance, moods and goals of the selected member</source>
        <translation>Asistencia, ánimo y metas de la persona seleccionada</translation>
    </message>
    <message>
        <source>Edit the selected member (Enter)</source>
        <translation>Editar a la persona seleccionada (Intro)</translation>
    </message>
    <message>
        <source>Erase the selected member for good</source>
        <translation>Borrar para siempre a la persona seleccionada</translation>
    </message>
    <message>
        <source>Find a member</source>
        <translation>Buscar participante</translation>
    </message>
    <message>
        <source>Find a member: type a name or phone number</source>
        <translation>Buscar participante: escribe un nombre o un teléfono</translation>
    </message>
    <message>
        <source>G&amp;roup:</source>
        <translation>G&amp;rupo:</translation>
    </message>
    <message>
        <source>Import &amp;CSV...</source>
        <translation>Importar &amp;CSV...</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>Members</source>
        <extracomment>The kinds of change that alter what the roster shows (names, groups, last visits, the forgetting notice&apos;s months).</extracomment>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>Re&amp;visar</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>Reac&amp;tivar</translation>
    </message>
    <message>
        <source>Review members who have not come for a long time</source>
        <translation>Revisar a quienes llevan mucho tiempo sin venir</translation>
    </message>
    <message>
        <source>Show &amp;everyone</source>
        <translation>Mostrar a &amp;todo el mundo</translation>
    </message>
    <message>
        <source>Show &amp;inactive members</source>
        <translation>Mostrar también a quien no está en &amp;activo</translation>
    </message>
    <message>
        <source>Show inactive members</source>
        <translation>Mostrar a quien no está en activo</translation>
    </message>
    <message>
        <source>Show members of group</source>
        <translation>Mostrar participantes del grupo</translation>
    </message>
    <message>
        <source>Type part of a name or phone number. Enter opens the first match.</source>
        <translation>Escribe parte de un nombre o de un teléfono. Intro abre la primera coincidencia.</translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>de %n</numerusform>
            <numerusform>de %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> weeks</source>
        <translation type="vanished"> semanas</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="vanished">&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation type="vanished">&amp;Tamaño del texto</translation>
    </message>
    <message>
        <source>0 to 10</source>
        <translation type="vanished">de 0 a 10</translation>
    </message>
    <message>
        <source>1 to 5 (faces)</source>
        <translation type="vanished">de 1 a 5 (caras)</translation>
    </message>
    <message>
        <source>A Wellbeing check segment was added to the agenda, before the closing. Press Save to keep it.</source>
        <translation type="vanished">Se añadió una parte «Cuestionario de bienestar» al plan, antes del cierre. Pulsa Guardar para conservarla.</translation>
    </message>
    <message>
        <source>A new recovery key was made.</source>
        <translation type="vanished">Se creó una clave de recuperación nueva.</translation>
    </message>
    <message>
        <source>Access was revoked. Use the new passphrase from now on.</source>
        <translation type="vanished">Se retiró el acceso. A partir de ahora, usa la frase de acceso nueva.</translation>
    </message>
    <message>
        <source>Add a group</source>
        <translation type="vanished">Añadir un grupo</translation>
    </message>
    <message>
        <source>Add a group...</source>
        <translation type="vanished">Añadir un grupo...</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="vanished">Plan</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation type="vanished">Acuerdos</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Aplicación</translation>
    </message>
    <message>
        <source>Asked the first time you back up</source>
        <translation type="vanished">Se pregunta la primera vez que haces una copia</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="vanished">Carpeta de copias</translation>
    </message>
    <message>
        <source>C&amp;olours</source>
        <translation type="vanished">C&amp;olores</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation type="vanished">Tranquilo</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation type="vanished">Cambiar la frase de acceso</translation>
    </message>
    <message>
        <source>Choose another folder for the vault</source>
        <translation type="vanished">Elegir otra carpeta para la caja fuerte</translation>
    </message>
    <message>
        <source>Choose the backup folder (a USB stick is best)</source>
        <translation type="vanished">Elegir la carpeta de copias (mejor una memoria USB)</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation type="vanished">Elegir...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="vanished">Colores</translation>
    </message>
    <message>
        <source>Crisis resources</source>
        <translation type="vanished">Recursos de crisis</translation>
    </message>
    <message>
        <source>During a meeting, lock after (minutes)</source>
        <translation type="vanished">Durante una reunión, bloquear tras (minutos)</translation>
    </message>
    <message>
        <source>Escalation steps</source>
        <translation type="vanished">Pasos a seguir</translation>
    </message>
    <message>
        <source>First type the new passphrase twice (at least 8 characters).</source>
        <translation type="vanished">Primero escribe dos veces la frase de acceso nueva (al menos 8 caracteres).</translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="vanished">Grupo</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation type="vanished">Nombre del grupo</translation>
    </message>
    <message>
        <source>Group to edit</source>
        <translation type="vanished">Grupo que editar</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Hide counts below this in exports</source>
        <translation type="vanished">Ocultar en las exportaciones las cifras menores que esta</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="vanished">Alto contraste</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="vanished">Idioma</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation type="vanished">Bloquear tras estos minutos sin uso</translation>
    </message>
    <message>
        <source>Make a new recovery key...</source>
        <translation type="vanished">Crear una clave de recuperación nueva...</translation>
    </message>
    <message>
        <source>Mood scale</source>
        <translation type="vanished">Escala de ánimo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="vanished">Nombre</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation type="vanished">Clave de recuperación nueva</translation>
    </message>
    <message>
        <source>New recovery key (shown once, write it down): %1</source>
        <translation type="vanished">Clave de recuperación nueva (solo se muestra ahora, anótala): %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation type="vanished">Ninguno</translation>
    </message>
    <message>
        <source>Offer to forget members inactive for (months)</source>
        <translation type="vanished">Proponer olvidar a quien lleva sin venir (meses)</translation>
    </message>
    <message>
        <source>Passphrase and recovery</source>
        <translation type="vanished">Frase de acceso y recuperación</translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="vanished">Lugar</translation>
    </message>
    <message>
        <source>Remind me to back up after (days)</source>
        <translation type="vanished">Recordarme hacer copia después de (días)</translation>
    </message>
    <message>
        <source>Revoke access</source>
        <translation type="vanished">Retirar el acceso</translation>
    </message>
    <message>
        <source>Revoke access (a co-facilitator left)...</source>
        <translation type="vanished">Retirar el acceso (alguien dejó de cofacilitar)...</translation>
    </message>
    <message>
        <source>Revoke access changes the passphrase and also the key inside the vault, and makes a fresh backup. Old backups still open with the OLD passphrase: destroy them if the person who left may have copies.</source>
        <translation type="vanished">Retirar el acceso cambia la frase de acceso y también la clave interna de la caja fuerte, y hace una copia nueva. Las copias antiguas se siguen abriendo con la frase ANTIGUA: destrúyelas si la persona que se fue puede tener copias.</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation type="vanished">El mismo que el ordenador</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="vanished">Hora de inicio</translation>
    </message>
    <message>
        <source>Tally only: count mood scores without linking them to anyone</source>
        <translation type="vanished">Solo recuento: contar las puntuaciones de ánimo sin relacionarlas con nadie</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="vanished">Tamaño del texto</translation>
    </message>
    <message>
        <source>Text size and colours change at once. A new language or vault folder is used the next time GroupKeeper starts.</source>
        <translation type="vanished">El tamaño del texto y los colores cambian al momento. Un idioma o una carpeta de caja fuerte nuevos se usan la próxima vez que se abra GroupKeeper.</translation>
    </message>
    <message>
        <source>The agenda needs at least one segment, each from 1 to 240 minutes.</source>
        <translation type="vanished">El plan necesita al menos una parte, y cada una de 1 a 240 minutos.</translation>
    </message>
    <message>
        <source>The old passphrase and recovery key will stop working for this vault. Old backups still open with the old passphrase. Go on?</source>
        <translation type="vanished">La frase de acceso y la clave de recuperación antiguas dejarán de servir para esta caja fuerte. Las copias antiguas se siguen abriendo con la frase antigua. ¿Seguir?</translation>
    </message>
    <message>
        <source>The old recovery key will stop working. Make a new one?</source>
        <translation type="vanished">La clave de recuperación antigua dejará de servir. ¿Crear una nueva?</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation type="vanished">La frase de acceso se ha cambiado.</translation>
    </message>
    <message>
        <source>This group no longer uses a wellbeing measure. Remove the Wellbeing check segment from its agenda too?</source>
        <translation type="vanished">Este grupo ya no usa una medida de bienestar. ¿Quitar también la parte «Cuestionario de bienestar» de su plan?</translation>
    </message>
    <message>
        <source>Type the new passphrase twice (at least 8 characters).</source>
        <translation type="vanished">Escribe dos veces la frase de acceso nueva (al menos 8 caracteres).</translation>
    </message>
    <message>
        <source>Usual day</source>
        <translation type="vanished">Día habitual</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Caja fuerte</translation>
    </message>
    <message>
        <source>Vault &amp;folder</source>
        <translation type="vanished">&amp;Carpeta de la caja fuerte</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation type="vanished">Carpeta de la caja fuerte</translation>
    </message>
    <message>
        <source>Wellbeing measure</source>
        <translation type="vanished">Cuestionario de bienestar</translation>
    </message>
    <message>
        <source>Wellbeing measure every N weeks</source>
        <translation type="vanished">Cuestionario de bienestar cada N semanas</translation>
    </message>
    <message>
        <source>Working, please wait...</source>
        <translation type="vanished">Trabajando, espera un momento...</translation>
    </message>
    <message>
        <source>every </source>
        <translation type="vanished">cada </translation>
    </message>
</context>
<context>
    <name>ShareGroupDialog</name>
    <message>
        <source>%1 is shared already. Write a new invitation for one more laptop: each invitation lets one laptop join, with its own one-time code. The new laptop uses the same shared folder.</source>
        <translation>%1 ya está compartido. Crea una invitación nueva para un portátil más: cada invitación sirve para que se una un solo portátil, con su propio código de un solo uso. El portátil nuevo usa la misma carpeta compartida.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Hecho</translation>
    </message>
    <message>
        <source>&amp;Invitation file</source>
        <translation>Archivo de &amp;invitación</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>Co&amp;mpartir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose the shared folder</source>
        <translation>Elegir la carpeta compartida</translation>
    </message>
    <message>
        <source>Choose the shared folder first.</source>
        <translation>Primero elige la carpeta compartida.</translation>
    </message>
    <message>
        <source>Choose where to save the invitation</source>
        <translation>Elegir dónde guardar la invitación</translation>
    </message>
    <message>
        <source>Choose where to save the invitation.</source>
        <translation>Elige dónde guardar la invitación.</translation>
    </message>
    <message>
        <source>Done: forget the code</source>
        <translation>Hecho: olvidar el código</translation>
    </message>
    <message>
        <source>GroupKeeper invitations (*.gkinvite)</source>
        <translation>Invitaciones de GroupKeeper (*.gkinvite)</translation>
    </message>
    <message>
        <source>Invitation file</source>
        <translation>Archivo de invitación</translation>
    </message>
    <message>
        <source>Invite another laptop to %1</source>
        <translation>Invitar a otro portátil a %1</translation>
    </message>
    <message>
        <source>On the other laptop:
1. Make the same shared folder available there (add it in Syncthing, or plug in the USB stick).
2. In GroupKeeper, choose “Join a shared group...” on Home.
3. Choose the invitation file (%1) and the shared folder, then type this code.</source>
        <translation>En el otro portátil:
1. Haz que la misma carpeta compartida esté allí (añádela en Syncthing o conecta la memoria USB).
2. En GroupKeeper, elige «Unirme a un grupo compartido...» en Inicio.
3. Elige el archivo de invitación (%1) y la carpeta compartida, y escribe este código.</translation>
    </message>
    <message>
        <source>Read this code to the other facilitator</source>
        <translation>Lee este código a la otra persona que facilita</translation>
    </message>
    <message>
        <source>Save the invitation</source>
        <translation>Guardar la invitación</translation>
    </message>
    <message>
        <source>Share %1</source>
        <translation>Compartir %1</translation>
    </message>
    <message>
        <source>Share %1 with a co-facilitator&apos;s laptop. Each laptop keeps its own vault; changes travel as locked files through a folder both laptops can reach: a Syncthing folder, a USB stick or any synced folder. Nobody can read them without the group&apos;s key.</source>
        <translation>Comparte %1 con el portátil de otra persona que cofacilita. Cada portátil tiene su propia caja fuerte; los cambios viajan como archivos cerrados con llave por una carpeta a la que llegan los dos portátiles: una carpeta de Syncthing, una memoria USB o cualquier carpeta sincronizada. Nadie puede leerlos sin la clave del grupo.</translation>
    </message>
    <message>
        <source>Shared &amp;folder</source>
        <translation>Carpeta com&amp;partida</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Carpeta compartida</translation>
    </message>
    <message>
        <source>That shared folder does not exist. Choose a folder that is there.</source>
        <translation>Esa carpeta compartida no existe. Elige una carpeta que esté ahí.</translation>
    </message>
    <message>
        <source>The invitation is locked with a one-time code that you read out to the other facilitator. It can go into the shared folder or onto a USB stick.</source>
        <translation>La invitación se cierra con un código de un solo uso que lees en voz alta a la otra persona. Puede ir en la carpeta compartida o en una memoria USB.</translation>
    </message>
    <message>
        <source>There is already a file with that name. Choose another name; GroupKeeper never overwrites a file.</source>
        <translation>Ya hay un archivo con ese nombre. Elige otro nombre; GroupKeeper nunca sobrescribe un archivo.</translation>
    </message>
    <message>
        <source>This &amp;laptop&apos;s name</source>
        <translation>&amp;Nombre de este portátil</translation>
    </message>
    <message>
        <source>This code is shown only once and is not saved anywhere. Read it out or type it on the other laptop yourself. Do not write it on the USB stick or send it with the invitation.</source>
        <translation>Este código se muestra una sola vez y no se guarda en ningún sitio. Léelo en voz alta o escríbelo tú en el otro portátil. No lo apuntes en la memoria USB ni lo envíes con la invitación.</translation>
    </message>
    <message>
        <source>Write the invitation and show the code</source>
        <translation>Escribir la invitación y mostrar el código</translation>
    </message>
    <message>
        <source>Writing...</source>
        <translation>Escribiendo...</translation>
    </message>
</context>
<context>
    <name>SharedGroupBox</name>
    <message numerus="yes">
        <source>%1: shared with %n other laptop(s)</source>
        <translation>
            <numerusform>%1: compartido con %n portátil más</numerusform>
            <numerusform>%1: compartido con %n portátiles más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) made on two laptops at once need you to choose which to keep.</source>
        <translation>
            <numerusform>%n cambio hecho a la vez en dos portátiles necesita que elijas con cuál quedarte.</numerusform>
            <numerusform>%n cambios hechos a la vez en dos portátiles necesitan que elijas con cuáles quedarte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your change(s) not yet seen by the others</source>
        <translation>
            <numerusform>%n cambio tuyo que los demás aún no han visto</numerusform>
            <numerusform>%n cambios tuyos que los demás aún no han visto</numerusform>
        </translation>
    </message>
    <message>
        <source>A file in the shared folder was refused, because %1: %2. Nothing was taken from it.</source>
        <translation>Se rechazó un archivo de la carpeta compartida porque %1: %2. No se tomó nada de él.</translation>
    </message>
    <message>
        <source>Another laptop removed this one from %1: nothing new arrives here for it, and the others refuse what this laptop sends. What is already here stays here.</source>
        <translation>Otro portátil quitó a este de %1: ya no llega nada nuevo de ese grupo aquí y los demás rechazan lo que envíe este portátil. Lo que ya está aquí se queda aquí.</translation>
    </message>
    <message>
        <source>Conflicts...</source>
        <translation>Conflictos...</translation>
    </message>
    <message>
        <source>Invite another laptop to %1</source>
        <translation>Invitar a otro portátil a %1</translation>
    </message>
    <message>
        <source>Invite another laptop...</source>
        <translation>Invitar a otro portátil...</translation>
    </message>
    <message>
        <source>Laptops...</source>
        <translation>Portátiles...</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>Settle the conflicting edits of %1</source>
        <translation>Decidir los cambios en conflicto de %1</translation>
    </message>
    <message>
        <source>The laptops sharing %1</source>
        <translation>Los portátiles que comparten %1</translation>
    </message>
    <message>
        <source>The shared folder cannot be reached (%1). Plug in the USB stick or check the synced folder; changes wait here until it is back.</source>
        <translation>No se llega a la carpeta compartida (%1). Conecta la memoria USB o revisa la carpeta sincronizada; los cambios esperan aquí hasta que vuelva.</translation>
    </message>
    <message>
        <source>last change from %1, %2</source>
        <translation>último cambio de %1, %2</translation>
    </message>
    <message>
        <source>the others have all your changes</source>
        <translation>los demás tienen todos tus cambios</translation>
    </message>
</context>
<context>
    <name>StarterSkills</name>
    <message>
        <source>A short walk</source>
        <translation>Un paseo corto</translation>
    </message>
    <message>
        <source>Activity and meaning</source>
        <translation>Actividad y sentido</translation>
    </message>
    <message>
        <source>Asking for help early</source>
        <translation>Pedir ayuda a tiempo</translation>
    </message>
    <message>
        <source>Body and breath</source>
        <translation>Cuerpo y respiración</translation>
    </message>
    <message>
        <source>Boundaries and routine</source>
        <translation>Límites y rutina</translation>
    </message>
    <message>
        <source>Box breathing</source>
        <translation>Respiración cuadrada</translation>
    </message>
    <message>
        <source>Breaking a task into small steps</source>
        <translation>Dividir una tarea en pasos pequeños</translation>
    </message>
    <message>
        <source>Calling a helpline</source>
        <translation>Llamar a una línea de ayuda</translation>
    </message>
    <message>
        <source>Calling or texting a friend</source>
        <translation>Llamar o escribir a un amigo</translation>
    </message>
    <message>
        <source>Challenging an unhelpful thought</source>
        <translation>Cuestionar un pensamiento que no ayuda</translation>
    </message>
    <message>
        <source>Cold water on the face</source>
        <translation>Agua fría en la cara</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión con otros</translation>
    </message>
    <message>
        <source>Creative activity (drawing, music, writing)</source>
        <translation>Actividad creativa (dibujo, música, escritura)</translation>
    </message>
    <message>
        <source>Crisis and urges</source>
        <translation>Crisis e impulsos</translation>
    </message>
    <message>
        <source>Distraction with a timer</source>
        <translation>Distraerse con un temporizador</translation>
    </message>
    <message>
        <source>Eating regular meals</source>
        <translation>Comer a horas regulares</translation>
    </message>
    <message>
        <source>Gentle stretching</source>
        <translation>Estiramientos suaves</translation>
    </message>
    <message>
        <source>Gratitude list</source>
        <translation>Lista de gratitud</translation>
    </message>
    <message>
        <source>Grounding with the five senses (5-4-3-2-1)</source>
        <translation>Anclarse con los cinco sentidos (5-4-3-2-1)</translation>
    </message>
    <message>
        <source>Journaling at the end of the day</source>
        <translation>Escribir un diario al final del día</translation>
    </message>
    <message>
        <source>Limiting news and social media</source>
        <translation>Limitar noticias y redes sociales</translation>
    </message>
    <message>
        <source>Mind and thoughts</source>
        <translation>Mente y pensamientos</translation>
    </message>
    <message>
        <source>Movement and body care</source>
        <translation>Movimiento y cuidado del cuerpo</translation>
    </message>
    <message>
        <source>Noticing and naming the thought</source>
        <translation>Notar y nombrar el pensamiento</translation>
    </message>
    <message>
        <source>Planning one small pleasant activity</source>
        <translation>Planear una pequeña actividad agradable</translation>
    </message>
    <message>
        <source>Progressive muscle relaxation</source>
        <translation>Relajación muscular progresiva</translation>
    </message>
    <message>
        <source>Reaching out to a peer from the group</source>
        <translation>Contactar con alguien del grupo</translation>
    </message>
    <message>
        <source>Regular sleep routine</source>
        <translation>Horarios de sueño regulares</translation>
    </message>
    <message>
        <source>Removing triggers from the home</source>
        <translation>Quitar de casa lo que dispara el malestar</translation>
    </message>
    <message>
        <source>Saying no kindly</source>
        <translation>Decir que no con amabilidad</translation>
    </message>
    <message>
        <source>Self-compassion break</source>
        <translation>Pausa de autocompasión</translation>
    </message>
    <message>
        <source>Slow breathing (4-7-8)</source>
        <translation>Respiración lenta (4-7-8)</translation>
    </message>
    <message>
        <source>Spending time with a pet</source>
        <translation>Pasar tiempo con una mascota</translation>
    </message>
    <message>
        <source>Time in nature</source>
        <translation>Tiempo en la naturaleza</translation>
    </message>
    <message>
        <source>Urge surfing</source>
        <translation>Surfear el impulso</translation>
    </message>
    <message>
        <source>Using a safety plan</source>
        <translation>Usar un plan de seguridad</translation>
    </message>
    <message>
        <source>Volunteering or helping someone</source>
        <translation>Voluntariado o ayudar a alguien</translation>
    </message>
    <message>
        <source>Worry time</source>
        <translation>Un rato fijo para preocuparse</translation>
    </message>
</context>
<context>
    <name>StrengthLabel</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Seguridad de la frase de acceso</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Co-facilitating on another laptop? Share a group from its card, or join one shared with you.</source>
        <translation>¿Cofacilitas con otro portátil? Comparte un grupo desde su tarjeta o únete a uno que compartan contigo.</translation>
    </message>
    <message>
        <source>Join a group another facilitator shares with you</source>
        <translation>Unirme a un grupo que otra persona que facilita comparte conmigo</translation>
    </message>
    <message>
        <source>Join a shared group...</source>
        <extracomment>The ids of the groups shared with other laptops, each time the boxes are replaced (Home&apos;s cards then offer &quot;Invite another laptop...&quot; instead of &quot;Share&quot;).</extracomment>
        <translation>Unirme a un grupo compartido...</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync the shared groups now</source>
        <translation>Sincronizar ahora los grupos compartidos</translation>
    </message>
    <message>
        <source>Synced: %1 sent, %2 received.</source>
        <translation>Sincronizado: %1 enviados, %2 recibidos.</translation>
    </message>
    <message>
        <source>Syncing...</source>
        <translation>Sincronizando...</translation>
    </message>
</context>
<context>
    <name>TourPanel</name>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <source>&amp;Skip the tour</source>
        <translation>Saltar la &amp;visita</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Close the tour for good. Help (F1) has the same information.</source>
        <translation>Cerrar la visita para siempre. La ayuda (F1) tiene la misma información.</translation>
    </message>
    <message>
        <source>During a meeting</source>
        <translation>Durante una reunión</translation>
    </message>
    <message>
        <source>Finish the tour</source>
        <translation>Terminar la visita</translation>
    </message>
    <message>
        <source>Home lists your groups. When people arrive, press “Start meeting” on your group&apos;s card. This tour has four short steps; skip it whenever you like.</source>
        <translation>Inicio muestra tus grupos. Cuando llegue la gente, pulsa «Empezar reunión» en la tarjeta de tu grupo. Esta visita tiene cuatro pasos cortos; puedes saltarla cuando quieras.</translation>
    </message>
    <message>
        <source>Next tour step</source>
        <translation>Siguiente paso de la visita</translation>
    </message>
    <message>
        <source>Press Ctrl+L to lock whenever you leave the laptop: names disappear from the screen. Press F1 at any time for the meeting guide and all keyboard shortcuts.</source>
        <translation>Pulsa Ctrl+L para bloquear siempre que dejes el portátil: los nombres desaparecen de la pantalla. Pulsa F1 en cualquier momento para ver la guía de la reunión y todos los atajos de teclado.</translation>
    </message>
    <message>
        <source>Previous tour step</source>
        <translation>Paso anterior de la visita</translation>
    </message>
    <message>
        <source>Roster (Ctrl+2) holds names and contact details, encrypted on this computer. Type a few letters to find someone; Ctrl+N adds a person.</source>
        <translation>Participantes (Ctrl+2) guarda nombres y datos de contacto, cifrados en este ordenador. Escribe unas letras para buscar a alguien; Ctrl+N añade a una persona.</translation>
    </message>
    <message>
        <source>Skip the tour</source>
        <translation>Saltar la visita</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>Stepping away and getting help</source>
        <translation>Alejarte un momento y pedir ayuda</translation>
    </message>
    <message>
        <source>The people in your groups</source>
        <translation>Las personas de tus grupos</translation>
    </message>
    <message>
        <source>The plan is on the left, the part you are in is in the middle, and the timer is at the top. Ctrl+Enter moves on. Ctrl+Shift+S shows your crisis resources at once. Everything is saved as you go.</source>
        <translation>El plan está a la izquierda, la parte en la que estáis en el centro y el temporizador arriba. Ctrl+Intro pasa a lo siguiente. Ctrl+Mayús+S muestra al momento tus recursos de crisis. Todo se guarda sobre la marcha.</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>Visita guiada</translation>
    </message>
    <message>
        <source>Welcome! A quick look around</source>
        <translation>¡Hola! Un vistazo rápido</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de acceso</translation>
    </message>
    <message>
        <source>&amp;Recovery key (the one you printed or saved)</source>
        <translation>&amp;Clave de recuperación (la que imprimiste o guardaste)</translation>
    </message>
    <message>
        <source>Forgot it? Use the recovery key instead</source>
        <translation>¿La olvidaste? Usa la clave de recuperación</translation>
    </message>
    <message numerus="yes">
        <source>Other accounts on this computer could read %n of the vault&apos;s files. They are now readable by you only.</source>
        <translation>
            <numerusform>Otras cuentas de este ordenador podían leer %n archivo de la caja fuerte. Ahora solo tú puedes leerlo.</numerusform>
            <numerusform>Otras cuentas de este ordenador podían leer %n archivos de la caja fuerte. Ahora solo tú puedes leerlos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de acceso</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Switch between passphrase and recovery key</source>
        <translation>Cambiar entre frase de acceso y clave de recuperación</translation>
    </message>
    <message numerus="yes">
        <source>The next try will wait %n second(s).</source>
        <translation>
            <numerusform>El próximo intento tendrá que esperar %n segundo.</numerusform>
            <numerusform>El próximo intento tendrá que esperar %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Primero escribe tu frase de acceso.</translation>
    </message>
    <message>
        <source>Type your recovery key first.</source>
        <translation>Primero escribe tu clave de recuperación.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation>Abrir la caja fuerte</translation>
    </message>
    <message>
        <source>Unlocking, please wait</source>
        <translation>Abriendo, espera un momento</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Usar la frase de acceso</translation>
    </message>
    <message>
        <source>Vault files made private</source>
        <translation>Archivos de la caja fuerte protegidos</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Choose a backup</source>
        <translation>Elegir una copia de seguridad</translation>
    </message>
    <message>
        <source>Choose an EMPTY folder for the restored vault</source>
        <translation>Elige una carpeta VACÍA para la caja fuerte restaurada</translation>
    </message>
    <message>
        <source>GroupKeeper backups (*.gkbackup)</source>
        <translation>Copias de GroupKeeper (*.gkbackup)</translation>
    </message>
    <message>
        <source>Restore a backup into a new folder</source>
        <translation>Restaurar una copia en una carpeta nueva</translation>
    </message>
    <message>
        <source>Restore a backup into a new folder...</source>
        <translation>Restaurar una copia en una carpeta nueva...</translation>
    </message>
    <message>
        <source>The backup was restored into %1. The damaged vault was kept as it was. Unlock with the passphrase the backup was made with.</source>
        <translation>La copia se restauró en %1. La caja fuerte dañada se dejó tal cual. Ábrela con la frase de acceso que tenía cuando se hizo la copia.</translation>
    </message>
    <message>
        <source>This is the demo. Its passphrase is: %1</source>
        <translation>Esto es la demostración. Su frase de acceso es: %1</translation>
    </message>
    <message>
        <source>Vault folder: %1</source>
        <translation>Carpeta de la caja fuerte: %1</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Hola de nuevo</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>A new recovery key was made.</source>
        <translation>Se creó una clave de recuperación nueva.</translation>
    </message>
    <message>
        <source>Access was revoked. Use the new passphrase from now on.</source>
        <translation>Se retiró el acceso. A partir de ahora, usa la frase de acceso nueva.</translation>
    </message>
    <message>
        <source>Asked the first time you back up</source>
        <translation>Se pregunta la primera vez que haces una copia</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de acceso</translation>
    </message>
    <message>
        <source>Choose the backup folder (a USB stick is best)</source>
        <translation>Elegir la carpeta de copias (mejor una memoria USB)</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <source>First type the new passphrase twice (at least 8 characters).</source>
        <translation>Primero escribe dos veces la frase de acceso nueva (al menos 8 caracteres).</translation>
    </message>
    <message>
        <source>Make a new recovery key...</source>
        <translation>Crear una clave de recuperación nueva...</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Clave de recuperación nueva</translation>
    </message>
    <message>
        <source>New recovery key (shown once, write it down): %1</source>
        <translation>Clave de recuperación nueva (solo se muestra ahora, anótala): %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Passphrase and recovery</source>
        <translation>Frase de acceso y recuperación</translation>
    </message>
    <message>
        <source>Revoke access</source>
        <translation>Retirar el acceso</translation>
    </message>
    <message>
        <source>Revoke access (a co-facilitator left)...</source>
        <translation>Retirar el acceso (alguien dejó de cofacilitar)...</translation>
    </message>
    <message>
        <source>Revoke access changes the passphrase and also the key inside the vault, and makes a fresh backup. Old backups still open with the OLD passphrase: destroy them if the person who left may have copies.</source>
        <translation>Retirar el acceso cambia la frase de acceso y también la clave interna de la caja fuerte, y hace una copia nueva. Las copias antiguas se siguen abriendo con la frase ANTIGUA: destrúyelas si la persona que se fue puede tener copias.</translation>
    </message>
    <message>
        <source>Save the new key as a PDF...</source>
        <translation>Guardar la clave nueva como PDF...</translation>
    </message>
    <message>
        <source>Save the new recovery key as a PDF</source>
        <translation>Guardar la clave de recuperación nueva como PDF</translation>
    </message>
    <message>
        <source>Save the recovery key (a USB stick is best)</source>
        <translation>Guardar la clave de recuperación (mejor en una memoria USB)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>The old passphrase and recovery key will stop working for this vault. Old backups still open with the old passphrase. Go on?</source>
        <translation>La frase de acceso y la clave de recuperación antiguas dejarán de servir para esta caja fuerte. Las copias antiguas se siguen abriendo con la frase antigua. ¿Seguir?</translation>
    </message>
    <message>
        <source>The old recovery key will stop working. Make a new one?</source>
        <translation>La clave de recuperación antigua dejará de servir. ¿Crear una nueva?</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>La frase de acceso se ha cambiado.</translation>
    </message>
    <message>
        <source>Type the new passphrase twice (at least 8 characters).</source>
        <translation>Escribe dos veces la frase de acceso nueva (al menos 8 caracteres).</translation>
    </message>
    <message>
        <source>Working, please wait...</source>
        <translation>Trabajando, espera un momento...</translation>
    </message>
</context>
<context>
    <name>_SyncDialog</name>
    <message>
        <source>For example: Sam&apos;s laptop</source>
        <translation>Por ejemplo: portátil de Sam</translation>
    </message>
    <message>
        <source>This laptop&apos;s name for the others</source>
        <translation>El nombre de este portátil para los demás</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <source>&lt;%1</source>
        <extracomment>Okabe &amp; Ito (2008), &quot;Color Universal Design&quot;: distinguishable with colour-vision deficiencies. Chart data colours, not widget styling (QSS cannot reach QPainter).</extracomment>
        <translation>&lt;%1</translation>
    </message>
    <message>
        <source>A check-in, not a validated outcome.</source>
        <translation>Una forma de tomar el pulso, no una medida validada.</translation>
    </message>
    <message>
        <source>Added by groups</source>
        <translation>Añadidas por los grupos</translation>
    </message>
    <message>
        <source>Attendance per month (members present plus walk-ins)</source>
        <translation>Asistencia por mes (presentes + visitas anónimas)</translation>
    </message>
    <message>
        <source>Closing round</source>
        <translation>Ronda de cierre</translation>
    </message>
    <message>
        <source>Coping skills shared, by category</source>
        <translation>Estrategias compartidas, por categoría</translation>
    </message>
    <message>
        <source>Gaps: months with too few people to show an average.</source>
        <translation>Huecos: meses con muy pocas personas para mostrar una media.</translation>
    </message>
    <message>
        <source>Months with fewer than %1 attendances are not shown.</source>
        <translation>No se muestran los meses con menos de %1 asistencias.</translation>
    </message>
    <message>
        <source>Mood check (%1 scale), monthly average</source>
        <translation>Estado de ánimo (escala %1), media mensual</translation>
    </message>
    <message>
        <source>No figures for this period.</source>
        <translation>No hay cifras para este periodo.</translation>
    </message>
    <message>
        <source>Opening round</source>
        <translation>Ronda de inicio</translation>
    </message>
    <message>
        <source>Too few people in each month to show an average.</source>
        <translation>Hay muy pocas personas cada mes para mostrar una media.</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>oculta</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>withheld</source>
        <translation>retenida</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>GroupKeeper - something went wrong</source>
        <translation>GroupKeeper: algo ha fallado</translation>
    </message>
    <message>
        <source>GroupKeeper ran into a problem it did not expect. Everything you saved before is safe in the vault. If this keeps happening, please tell the GroupKeeper team and include the details (they contain no names or notes).</source>
        <translation>GroupKeeper ha tenido un problema inesperado. Todo lo que guardaste antes está a salvo en la caja fuerte. Si vuelve a pasar, avisa al equipo de GroupKeeper e incluye los detalles (no contienen nombres ni notas).</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalles</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Mostrar detalles</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Detalles técnicos</translation>
    </message>
</context>
<context>
    <name>csv</name>
    <message>
        <source>Fewer than %1: a count from 1 to %2 is not shown exactly, so that a few people cannot be singled out.</source>
        <translation>Menos de %1: una cifra de 1 a %2 no se muestra exacta, para que no se pueda señalar a unas pocas personas.</translation>
    </message>
    <message>
        <source>Hidden: with the totals and the other figures, this one would let a reader work out a small count.</source>
        <translation>Oculta: junto con los totales y las demás cifras, permitiría a un lector deducir una cifra pequeña.</translation>
    </message>
    <message>
        <source>Medians, percentages, mood and wellbeing averages, trends and skill ranks cannot be worked out from exports, so a combined report leaves them out.</source>
        <translation>Las medianas, los porcentajes, los promedios de ánimo y de bienestar, las tendencias y los puestos de las habilidades no se pueden calcular a partir de exportaciones, así que un informe combinado los omite.</translation>
    </message>
    <message>
        <source>No data: nothing of this kind was recorded in this period.</source>
        <translation>Sin datos: no se registró nada de este tipo en este periodo.</translation>
    </message>
    <message>
        <source>Rank among the most shared coping skills from the starter library (1 = most shared); the count itself is not shown.</source>
        <translation>Puesto entre las habilidades de afrontamiento de la biblioteca inicial más compartidas (1 = la más compartida); la cifra en sí no se muestra.</translation>
    </message>
    <message>
        <source>Slightly adjusted to protect privacy: it may differ from the exact count by up to 2, so totals may not add up exactly.</source>
        <translation>Ligeramente ajustada para proteger la privacidad: puede diferir de la cifra exacta en hasta 2, así que los totales pueden no sumar exactamente.</translation>
    </message>
    <message>
        <source>The weekly mood rating is a check-in, not a validated outcome measure.</source>
        <translation>La valoración semanal del ánimo es un sondeo, no una medida de resultados validada.</translation>
    </message>
    <message>
        <source>Withheld: it rests on fewer than %3 people, or it would let a reader work out a hidden count.</source>
        <translation>Retenida: se basa en menos de %3 personas, o permitiría a un lector deducir una cifra oculta.</translation>
    </message>
    <message>
        <source>Worked out from the adjusted counts, so it may differ slightly from the exact average.</source>
        <translation>Calculada a partir de las cifras ajustadas, así que puede diferir un poco de la media exacta.</translation>
    </message>
    <message>
        <source>a part was fewer than the threshold, so the sum is shown as the range the parts allow</source>
        <translation>una parte era menor que el umbral, así que la suma se muestra como el intervalo que permiten las partes</translation>
    </message>
    <message>
        <source>a sum of adjusted figures: may differ from the exact count by up to 2 for each export added</source>
        <translation>una suma de cifras ajustadas: puede diferir de la cifra exacta hasta en 2 por cada exportación sumada</translation>
    </message>
    <message>
        <source>people are counted once per group: someone who attends two of the groups counts in each</source>
        <translation>las personas se cuentan una vez por grupo: quien asiste a dos de los grupos cuenta en cada uno</translation>
    </message>
</context>
<context>
    <name>definitions</name>
    <message>
        <source>Anonymous walk-ins counted at meetings (people who stayed anonymous).</source>
        <translation>Visitas anónimas contadas en las reuniones (personas que prefirieron no dar su nombre).</translation>
    </message>
    <message>
        <source>Attendances (members present plus walk-ins) at closed meetings dated in that calendar month. The months add up to the attendances figure.</source>
        <translation>Asistencias (participantes presentes más visitas anónimas) en reuniones cerradas con fecha de ese mes natural. Los meses suman la cifra de asistencias.</translation>
    </message>
    <message>
        <source>Attendances by members present that were not their first attendance ever at the reported group(s).</source>
        <translation>Asistencias de participantes presentes que no eran su primera asistencia en el grupo o grupos del informe.</translation>
    </message>
    <message>
        <source>Attendances divided by meetings held (members present plus walk-ins per meeting).</source>
        <translation>Asistencias divididas entre reuniones celebradas (participantes presentes más visitas anónimas por reunión).</translation>
    </message>
    <message>
        <source>Attendances that were a person&apos;s first attendance ever at the reported group(s) (one per new member).</source>
        <translation>Asistencias que fueron la primera de una persona en el grupo o grupos del informe (una por participante nuevo).</translation>
    </message>
    <message>
        <source>Change since first measure: for each person, their latest response in the period minus their first response ever; the mean over people (n).</source>
        <translation>Cambio desde la primera medición: para cada persona, su última respuesta del periodo menos su primera respuesta; la media entre personas (n).</translation>
    </message>
    <message>
        <source>Closing mood check per calendar month: the mean of that month&apos;s meeting means, per scale (1-5 or 0-10). A check-in, not a validated outcome.</source>
        <translation>Ánimo al cierre por mes natural: la media de las medias de las reuniones de ese mes, por escala (1-5 o 0-10). Una forma de tomar el pulso, no una medida validada.</translation>
    </message>
    <message>
        <source>Coping skills shared, per category; categories added by groups are counted together.</source>
        <translation>Estrategias compartidas, por categoría; las categorías añadidas por los grupos se cuentan juntas.</translation>
    </message>
    <message>
        <source>Goals reviewed at meetings within the period with this outcome.</source>
        <translation>Metas revisadas en reuniones del periodo con este resultado.</translation>
    </message>
    <message>
        <source>Goals reviewed at meetings within the period, by outcome: done, partly, not yet, dropped.</source>
        <translation>Metas revisadas en reuniones del periodo, por resultado: hecha, en parte, todavía no, dejada.</translation>
    </message>
    <message>
        <source>Goals set at meetings within the period.</source>
        <translation>Metas fijadas en reuniones del periodo.</translation>
    </message>
    <message>
        <source>Mean number of meetings attended per member present in the period.</source>
        <translation>Número medio de reuniones a las que asistió cada participante presente en el periodo.</translation>
    </message>
    <message>
        <source>Mean of (closing score - opening score) over each person&apos;s meetings where both were given on the same scale; n is the number of people.</source>
        <translation>Media de (puntuación al cierre - puntuación al inicio) en las reuniones de cada persona en que dio ambas en la misma escala; n es el número de personas.</translation>
    </message>
    <message>
        <source>Mean of the periodic wellbeing measure over responses within the period (WHO-5 percentage score 0-100; each ONS4 question 0-10 separately).</source>
        <translation>Media del cuestionario periódico de bienestar en las respuestas del periodo (WHO-5 en porcentaje 0-100; cada pregunta ONS4 de 0 a 10 por separado).</translation>
    </message>
    <message>
        <source>Median number of meetings attended per member present in the period.</source>
        <translation>Mediana del número de reuniones a las que asistió cada participante presente en el periodo.</translation>
    </message>
    <message>
        <source>Median of (members present + walk-ins) over meetings held.</source>
        <translation>Mediana de (participantes presentes + visitas anónimas) en las reuniones celebradas.</translation>
    </message>
    <message>
        <source>Members present at a meeting plus anonymous walk-ins, summed over all meetings. Equals first-time attendances + returning attendances + walk-ins. Only closed meetings dated within the period count.</source>
        <translation>Participantes presentes en una reunión más visitas anónimas, sumados en todas las reuniones. Es igual a asistencias por primera vez + asistencias de quienes repiten + visitas anónimas. Solo cuentan las reuniones cerradas con fecha dentro del periodo.</translation>
    </message>
    <message>
        <source>Members present in the period by number of meetings attended: 1, 2-3, 4-7, 8 or more.</source>
        <translation>Participantes presentes en el periodo según el número de reuniones a las que asistieron: 1, 2-3, 4-7, 8 o más.</translation>
    </message>
    <message>
        <source>Members present in the period who had attended before it.</source>
        <translation>Participantes presentes en el periodo que ya habían asistido antes.</translation>
    </message>
    <message>
        <source>Members whose first attendance ever at the reported group(s) falls within the period.</source>
        <translation>Participantes cuya primera asistencia al grupo o grupos del informe cae dentro del periodo.</translation>
    </message>
    <message>
        <source>Most shared coping skills (starter library names only in exports).</source>
        <translation>Estrategias más compartidas (en las exportaciones, solo nombres de la biblioteca inicial).</translation>
    </message>
    <message>
        <source>Number of closed meetings dated within the period.</source>
        <translation>Número de reuniones cerradas con fecha dentro del periodo.</translation>
    </message>
    <message>
        <source>Number of coping skills recorded as shared.</source>
        <translation>Número de estrategias anotadas como compartidas.</translation>
    </message>
    <message>
        <source>Number of different members present at least once in the period (walk-ins are anonymous and cannot be counted as people).</source>
        <translation>Número de participantes distintos presentes al menos una vez en el periodo (las visitas anónimas no se pueden contar como personas).</translation>
    </message>
    <message>
        <source>Number of times someone passed in a mood round (opening or closing).</source>
        <translation>Número de veces que alguien pasó en una ronda de ánimo (de inicio o de cierre).</translation>
    </message>
    <message>
        <source>Opening mood check per calendar month: the mean of that month&apos;s meeting means, per scale.</source>
        <translation>Ánimo al inicio por mes natural: la media de las medias de las reuniones de ese mes, por escala.</translation>
    </message>
    <message>
        <source>Opening mood check: the mean score of each meeting, averaged over meetings (each meeting counts once). Separate per scale (1-5 or 0-10). A check-in, not a validated outcome.</source>
        <translation>Ánimo al inicio: la puntuación media de cada reunión, promediada entre reuniones (cada reunión cuenta una vez). Por separado para cada escala (1-5 o 0-10). Una forma de tomar el pulso, no una medida validada.</translation>
    </message>
    <message>
        <source>Percentage of new members who attended again within 4, 8 or 12 weeks (28, 56 or 84 days) after their first meeting. Only new members whose whole window ended by the end of the period (or today, if earlier) are counted; n is that number.</source>
        <translation>Porcentaje de participantes nuevos que volvieron en las 4, 8 o 12 semanas (28, 56 u 84 días) siguientes a su primera reunión. Solo cuentan quienes tienen ese plazo completo antes del final del periodo (o de hoy, si es antes); n es ese número.</translation>
    </message>
    <message>
        <source>Safety concerns counted by facilitators at meetings (the notes themselves are private and never exported).</source>
        <translation>Preocupaciones de seguridad anotadas por quien facilita en las reuniones (las notas son privadas y nunca se exportan).</translation>
    </message>
    <message>
        <source>Trend of the monthly opening mood means: least-squares slope in score points per month (months with no scores are skipped; needs two months).</source>
        <translation>Tendencia de las medias mensuales del ánimo al inicio: pendiente por mínimos cuadrados en puntos por mes (se omiten los meses sin puntuaciones; hacen falta dos meses).</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>&amp;Agreements</source>
        <translation>&amp;Acuerdos</translation>
    </message>
    <message>
        <source>&amp;Crisis resources</source>
        <translation>&amp;Recursos de crisis</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lugar</translation>
    </message>
    <message>
        <source>Check-in / work / check-out</source>
        <translation>Ronda de inicio / trabajo / cierre</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <source>Group &amp;name</source>
        <translation>&amp;Nombre del grupo</translation>
    </message>
    <message>
        <source>Group agreements</source>
        <translation>Acuerdos del grupo</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <source>Local crisis line, nearest emergency department, the centre&apos;s on-call contact. You can fill this in later; GroupKeeper will remind you.</source>
        <translation>Línea de crisis de tu zona, urgencias más cercanas, contacto de guardia del centro. Puedes completarlo más tarde; GroupKeeper te lo recordará.</translation>
    </message>
    <message>
        <source>Local crisis resources</source>
        <translation>Recursos de crisis de tu zona</translation>
    </message>
    <message>
        <source>Meeting p&amp;lan</source>
        <translation>P&amp;lan de la reunión</translation>
    </message>
    <message>
        <source>Meeting plan</source>
        <translation>Plan de la reunión</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>Open drop-in circle (check-in, open sharing, closing)</source>
        <translation>Círculo abierto (ronda de inicio, compartir libre, cierre)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>&amp;Hora de inicio</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <source>Usual &amp;day</source>
        <translation>&amp;Día habitual</translation>
    </message>
    <message>
        <source>Usual meeting day</source>
        <translation>Día habitual de reunión</translation>
    </message>
    <message>
        <source>Usual start time</source>
        <translation>Hora habitual de inicio</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <source>Weekly check-in (mood check, skills, goals)</source>
        <translation>Encuentro semanal (ánimo, estrategias, metas)</translation>
    </message>
    <message>
        <source>What is said here stays here. We share what we learned, not who said it.
We listen with respect and without judging. We give advice only when asked.
Everyone has the right to pass. Nobody has to speak.
One voice at a time, so everyone can be heard.
Phones on silent and put away. If you need to take a call, just step out.</source>
        <translation>Lo que se dice aquí, se queda aquí. Compartimos lo que aprendimos, no quién lo dijo.
Escuchamos con respeto y sin juzgar. Solo damos consejos si nos los piden.
Cada persona tiene derecho a pasar. Nadie está obligado a hablar.
Una voz cada vez, para que todo el mundo pueda ser escuchado.
Móviles en silencio y guardados. Si necesitas atender una llamada, sal un momento.</translation>
    </message>
    <message>
        <source>e.g. Community centre, room 2</source>
        <translation>p. ej. Centro cívico, sala 2</translation>
    </message>
    <message>
        <source>e.g. Tuesday Circle</source>
        <translation>p. ej. Círculo de los martes</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Another task (an import, a sync or a new key) is still saving to the vault, so this was not saved. Try again in a moment.</source>
        <translation>Otra tarea (una importación, una sincronización o una clave nueva) todavía está guardando en la caja fuerte, así que esto no se guardó. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>GroupKeeper</source>
        <translation>GroupKeeper</translation>
    </message>
    <message>
        <source>GroupKeeper cannot save to the vault folder (it is read-only). Your last change was not saved. Check the disk or USB stick.</source>
        <translation>GroupKeeper no puede guardar en la carpeta de la caja fuerte (es de solo lectura). Tu último cambio no se guardó. Revisa el disco o la memoria USB.</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir escribiendo</translation>
    </message>
    <message>
        <source>No vault was found in this folder. Check the folder or create a vault.</source>
        <translation>No hay ninguna caja fuerte en esta carpeta. Revisa la carpeta o crea una caja fuerte.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing saved before is lost.</source>
        <translation>Algo ha fallado. No se ha perdido nada de lo guardado.</translation>
    </message>
    <message>
        <source>That file or folder cannot be used: it is missing, it is a folder, or you may not write there. Choose another one; nothing was changed.</source>
        <translation>No se puede usar ese archivo o carpeta: no existe, es una carpeta o no tienes permiso para escribir ahí. Elige otro; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>That passphrase or recovery key is not right. Check Caps Lock and try again.</source>
        <translation>Esa frase de acceso o clave de recuperación no es correcta. Revisa Bloq Mayús y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>That value cannot be used here. Please check it.</source>
        <translation>Ese valor no se puede usar aquí. Revísalo, por favor.</translation>
    </message>
    <message>
        <source>The disk is full, so your last change was not saved. Free some space; everything saved before is safe.</source>
        <translation>El disco está lleno, así que tu último cambio no se guardó. Libera algo de espacio; todo lo guardado antes está a salvo.</translation>
    </message>
    <message>
        <source>The file could not be imported. Nothing was changed.</source>
        <translation>No se pudo importar el archivo. No se cambió nada.</translation>
    </message>
    <message>
        <source>The vault file is damaged or incomplete. It has been left untouched. You can restore your latest backup into a new folder.</source>
        <translation>El archivo de la caja fuerte está dañado o incompleto. No se ha tocado. Puedes restaurar tu última copia en una carpeta nueva.</translation>
    </message>
    <message>
        <source>The vault folder cannot be reached. Was the USB stick removed? Put it back and try again; nothing saved before is lost.</source>
        <translation>No se encuentra la carpeta de la caja fuerte. ¿Se ha quitado la memoria USB? Vuelve a conectarla e inténtalo de nuevo; no se ha perdido nada de lo guardado.</translation>
    </message>
    <message>
        <source>The vault is locked. Unlock it to continue.</source>
        <translation>La caja fuerte está cerrada. Ábrela para continuar.</translation>
    </message>
    <message>
        <source>There is already a vault in this folder. It was not changed.</source>
        <translation>Ya hay una caja fuerte en esta carpeta. No se ha cambiado.</translation>
    </message>
    <message>
        <source>This file is not a GroupKeeper backup, or it is damaged.</source>
        <translation>Este archivo no es una copia de GroupKeeper, o está dañado.</translation>
    </message>
    <message>
        <source>This vault was saved by a newer version of GroupKeeper. Please install the newer version; the vault was not changed.</source>
        <translation>Esta caja fuerte se guardó con una versión más reciente de GroupKeeper. Instala esa versión, por favor; la caja fuerte no se ha cambiado.</translation>
    </message>
    <message>
        <source>This vault&apos;s security settings are weaker than GroupKeeper allows, so it was not opened. The file may have been tampered with.</source>
        <translation>Los ajustes de seguridad de esta caja fuerte son más débiles de lo que GroupKeeper permite, así que no se ha abierto. Puede que alguien haya manipulado el archivo.</translation>
    </message>
</context>
<context>
    <name>paper</name>
    <message>
        <source>A newer recovery key, if one is made later, replaces this one: then destroy this sheet.</source>
        <translation>Si más adelante se crea una clave de recuperación nueva, sustituye a esta: entonces destruye esta hoja.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Closing round: tally</source>
        <translation>Ronda de cierre: conteo</translation>
    </message>
    <message>
        <source>Closing score</source>
        <translation>Puntuación de cierre</translation>
    </message>
    <message>
        <source>Coping skills shared</source>
        <translation>Estrategias compartidas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador/a</translation>
    </message>
    <message>
        <source>Feeling word</source>
        <translation>Palabra para el sentimiento</translation>
    </message>
    <message>
        <source>First time here</source>
        <translation>Primera vez</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Goal for this week</source>
        <translation>Meta para esta semana</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>GroupKeeper recovery key</source>
        <translation>Clave de recuperación de GroupKeeper</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Last week&apos;s goal: done / partly / not yet / dropped</source>
        <translation>Meta de la semana pasada: hecha / en parte / todavía no / la deja</translation>
    </message>
    <message>
        <source>Made at the request of the person named above.</source>
        <translation>Hecho a petición de la persona nombrada arriba.</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Meetings attended: %1</source>
        <translation>Reuniones a las que asistió: %1</translation>
    </message>
    <message>
        <source>Mood check</source>
        <translation>Estado de ánimo</translation>
    </message>
    <message>
        <source>Mood check (tally, no names)</source>
        <translation>Estado de ánimo (conteo, sin nombres)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Name (first name or nickname)</source>
        <translation>Nombre (de pila o apodo)</translation>
    </message>
    <message>
        <source>No meetings attended in this period.</source>
        <translation>Ninguna reunión en este periodo.</translation>
    </message>
    <message>
        <source>One copy per person, filled in by that person. Type the answers in afterwards in the wellbeing check of Enter a past meeting (the statements are numbered like its columns); then shred the forms.</source>
        <translation>Una copia por persona, que rellena esa misma persona. Después, pase las respuestas en el control de bienestar de «Anotar una reunión pasada» (las frases van numeradas como sus columnas) y destruya los formularios.</translation>
    </message>
    <message>
        <source>Opening round: tally</source>
        <translation>Ronda de apertura: conteo</translation>
    </message>
    <message>
        <source>Opening score</source>
        <translation>Puntuación de apertura</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Pasó</translation>
    </message>
    <message>
        <source>Proof of attendance</source>
        <translation>Justificante de asistencia</translation>
    </message>
    <message>
        <source>Safety concerns counted</source>
        <translation>Preocupaciones de seguridad anotadas</translation>
    </message>
    <message>
        <source>Save on this laptop?</source>
        <translation>¿Guardar en este portátil?</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Scores from %1; write P for a pass.</source>
        <translation>Puntuaciones de %1; escribe P si la persona pasa.</translation>
    </message>
    <message>
        <source>Sent apologies</source>
        <translation>Avisó que no venía</translation>
    </message>
    <message>
        <source>Shared by (optional)</source>
        <translation>Compartida por (opcional)</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Hoja de llegadas</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>The PDF could not be saved there. Try a USB stick.</source>
        <translation>No se pudo guardar el PDF ahí. Prueba en una memoria USB.</translation>
    </message>
    <message>
        <source>This is to confirm that %1 attended the meetings listed below between %2 and %3.</source>
        <translation>Por la presente se confirma que %1 asistió a las reuniones indicadas abajo entre el %2 y el %3.</translation>
    </message>
    <message>
        <source>This key opens your GroupKeeper vault if the passphrase is forgotten. Keep it somewhere safe, away from the laptop. Anyone who has it and the vault can read the group&apos;s records.</source>
        <translation>Esta clave abre tu caja fuerte de GroupKeeper si se olvida la frase de acceso. Guárdala en un lugar seguro, lejos del portátil. Quien tenga la clave y la caja fuerte puede leer los registros del grupo.</translation>
    </message>
    <message>
        <source>This place is on this laptop. Anyone who takes the laptop could then open the vault. Paper or a USB stick kept elsewhere is much safer.

Save here anyway?</source>
        <translation>Este lugar está en este portátil. Quien se lleve el portátil podría abrir la caja fuerte. El papel o una memoria USB guardados en otro sitio son mucho más seguros.

¿Guardar aquí de todos modos?</translation>
    </message>
    <message>
        <source>This questionnaire is printed in its published English wording.</source>
        <translation>Este cuestionario se imprime con su redacción publicada en inglés.</translation>
    </message>
    <message>
        <source>Tick one box per person. Type it in afterwards with Enter a past meeting; then shred this sheet.</source>
        <translation>Marca una casilla por persona. Pásalo después con «Anotar una reunión pasada» y destruye esta hoja.</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Caja fuerte</translation>
    </message>
    <message>
        <source>Walk-ins who stayed anonymous (count only)</source>
        <translation>Visitas anónimas (solo el número)</translation>
    </message>
    <message>
        <source>Wellbeing questionnaire</source>
        <translation>Cuestionario de bienestar</translation>
    </message>
    <message>
        <source>Write no private notes on paper: add them in the app afterwards.</source>
        <translation>No escribas notas privadas en papel: añádelas después en la aplicación.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>%1 %2</source>
        <comment>a month and its year</comment>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 %2–%3 %4</source>
        <comment>month year–month year</comment>
        <translation>%1 de %2–%3 de %4</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="vanished">de %1 a %2</translation>
    </message>
    <message>
        <source>%1–%2 %3</source>
        <comment>first month–last month year</comment>
        <translation>%1–%2 de %3</translation>
    </message>
    <message numerus="yes">
        <source>A sum with a &quot;fewer than&quot; part is shown as the range its parts allow, each such part counting as 1 to %1 (%n figure(s)).</source>
        <translation>
            <numerusform>Una suma con una parte «menos de» se muestra como el intervalo que permiten sus partes, contando cada una de esas partes como de 1 a %1 (%n cifra).</numerusform>
            <numerusform>Una suma con una parte «menos de» se muestra como el intervalo que permiten sus partes, contando cada una de esas partes como de 1 a %1 (%n cifras).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A sum with a hidden part is hidden (%n figure(s)); nothing hidden was guessed.</source>
        <translation>
            <numerusform>Una suma con una parte oculta se oculta (%n cifra); no se ha estimado nada oculto.</numerusform>
            <numerusform>Una suma con una parte oculta se oculta (%n cifras); no se ha estimado nada oculto.</numerusform>
        </translation>
    </message>
    <message>
        <source>About the mood check</source>
        <translation>Sobre el estado de ánimo</translation>
    </message>
    <message>
        <source>All figures</source>
        <translation>Todas las cifras</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>Asistencias</translation>
    </message>
    <message>
        <source>Attendances (members present plus walk-ins)</source>
        <translation>Asistencias (participantes presentes más visitas anónimas)</translation>
    </message>
    <message>
        <source>Attendances in %1</source>
        <translation>Asistencias en %1</translation>
    </message>
    <message>
        <source>Attendances per month</source>
        <translation>Asistencias por mes</translation>
    </message>
    <message>
        <source>Average attendance per meeting</source>
        <translation>Asistencia media por reunión</translation>
    </message>
    <message>
        <source>Average meetings per person</source>
        <translation>Media de reuniones por persona</translation>
    </message>
    <message>
        <source>Average per meeting</source>
        <translation>Media por reunión</translation>
    </message>
    <message>
        <source>Averages, medians, percentages and trends based on fewer than %1 people, or that would reveal a hidden count, are withheld (%2 figures).</source>
        <translation type="vanished">Se retienen las medias, medianas, porcentajes y tendencias basados en menos de %1 personas, o que revelarían una cifra oculta (%2 cifras).</translation>
    </message>
    <message numerus="yes">
        <source>Averages, medians, percentages and trends based on fewer than %1 people, or that would reveal a hidden count, are withheld (%n figure(s)).</source>
        <translation>
            <numerusform>Las medias, medianas, porcentajes y tendencias basados en menos de %1 personas, o que revelarían un recuento oculto, se retienen (%n cifra).</numerusform>
            <numerusform>Las medias, medianas, porcentajes y tendencias basados en menos de %1 personas, o que revelarían un recuento oculto, se retienen (%n cifras).</numerusform>
        </translation>
    </message>
    <message>
        <source>Closing mood %1</source>
        <translation>Ánimo al cierre %1</translation>
    </message>
    <message>
        <source>Closing mood per month</source>
        <translation>Ánimo al cierre por mes</translation>
    </message>
    <message>
        <source>Closing mood, %2 (%1 scale)</source>
        <translation>Ánimo al cierre, %2 (escala %1)</translation>
    </message>
    <message>
        <source>Complementary suppression: %1 further figures are hidden so that a small count cannot be worked out by subtracting the shown figures from a total.</source>
        <translation type="vanished">Ocultación complementaria: se ocultan %1 cifras más para que no se pueda deducir una cifra pequeña restando las cifras visibles de un total.</translation>
    </message>
    <message numerus="yes">
        <source>Complementary suppression: %n further figure(s) hidden, after a check with an integer-programming solver of every way the shown figures, and those of earlier exports from this vault, could be combined: no hidden count can be worked out exactly, and no &quot;fewer than&quot; figure narrowed.</source>
        <translation>
            <numerusform>Supresión complementaria: %n cifra más oculta, tras comprobar con un solucionador de programación entera todas las formas de combinar las cifras mostradas y las de exportaciones anteriores de esta caja fuerte: ningún recuento oculto se puede deducir con exactitud ni se puede acotar ninguna cifra &quot;menos de&quot;.</numerusform>
            <numerusform>Supresión complementaria: %n cifras más ocultas, tras comprobar con un solucionador de programación entera todas las formas de combinar las cifras mostradas y las de exportaciones anteriores de esta caja fuerte: ningún recuento oculto se puede deducir con exactitud ni se puede acotar ninguna cifra &quot;menos de&quot;.</numerusform>
        </translation>
    </message>
    <message>
        <source>Coping skills</source>
        <translation>Estrategias</translation>
    </message>
    <message>
        <source>Coping skills shared</source>
        <translation>Estrategias compartidas</translation>
    </message>
    <message>
        <source>Coping skills that groups added themselves are counted only by category. The report covers one whole calendar month, quarter or year that has ended.</source>
        <translation>Las habilidades de afrontamiento que los grupos añadieron se cuentan solo por categoría. El informe cubre un mes, un trimestre o un año naturales completos y ya terminados.</translation>
    </message>
    <message>
        <source>Coping skills that groups added themselves are counted only by category. The report covers whole calendar months.</source>
        <translation type="vanished">Las estrategias que añadieron los propios grupos solo se cuentan por categoría. El informe abarca meses naturales completos.</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definiciones</translation>
    </message>
    <message>
        <source>Different people</source>
        <translation>Personas distintas</translation>
    </message>
    <message>
        <source>Different people attending</source>
        <translation>Personas distintas que asistieron</translation>
    </message>
    <message>
        <source>Each count is the sum of the published counts, which were slightly adjusted to protect privacy, so a sum may differ from the exact count by up to 2 for each export added, and totals may not add exactly.</source>
        <translation>Cada recuento es la suma de los recuentos publicados, que se ajustaron ligeramente para proteger la privacidad, así que una suma puede diferir del recuento exacto hasta en 2 por cada exportación sumada, y los totales pueden no cuadrar exactamente.</translation>
    </message>
    <message>
        <source>Figures are slightly adjusted to protect privacy; totals may not add exactly. Each count of %1 or more may differ from the exact count by up to 2, the same way every time for the same people, so comparing exports does not reveal a small count. Averages are worked out from the adjusted counts.</source>
        <translation>Las cifras se ajustan ligeramente para proteger la privacidad; los totales pueden no sumar exactamente. Cada recuento de %1 o más puede diferir del recuento exacto en hasta 2, siempre igual para las mismas personas, de modo que comparar exportaciones no revela un recuento pequeño. Las medias se calculan a partir de los recuentos ajustados.</translation>
    </message>
    <message>
        <source>Figures hidden in this report:</source>
        <translation>Cifras ocultas en este informe:</translation>
    </message>
    <message>
        <source>First-time attendances</source>
        <translation>Asistencias por primera vez</translation>
    </message>
    <message>
        <source>Goal outcomes</source>
        <translation>Resultados de las metas</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Goals reviewed</source>
        <translation>Metas revisadas</translation>
    </message>
    <message>
        <source>Goals reviewed: done</source>
        <translation>Metas revisadas: hechas</translation>
    </message>
    <message>
        <source>Goals reviewed: dropped</source>
        <translation>Metas revisadas: dejadas</translation>
    </message>
    <message>
        <source>Goals reviewed: not yet</source>
        <translation>Metas revisadas: todavía no</translation>
    </message>
    <message>
        <source>Goals reviewed: partly</source>
        <translation>Metas revisadas: en parte</translation>
    </message>
    <message>
        <source>Goals set</source>
        <translation>Metas fijadas</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Cifras clave</translation>
    </message>
    <message>
        <source>Made with GroupKeeper on %1. Figures are suppressed for sharing: counts below %2 are shown as &quot;fewer than %2&quot;.</source>
        <translation>Hecho con GroupKeeper el %1. Las cifras están protegidas para compartir: los recuentos por debajo de %2 aparecen como «menos de %2».</translation>
    </message>
    <message>
        <source>Median attendance per meeting</source>
        <translation>Mediana de asistencia por reunión</translation>
    </message>
    <message>
        <source>Median meetings per person</source>
        <translation>Mediana de reuniones por persona</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Reuniones</translation>
    </message>
    <message>
        <source>Meetings held</source>
        <extracomment>The figures shown large at the top of the screen and the PDF. Series shown in the monthly table and charts rather than the list of figures.</extracomment>
        <translation>Reuniones celebradas</translation>
    </message>
    <message>
        <source>Meetings per person</source>
        <translation>Reuniones por persona</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>Mes a mes</translation>
    </message>
    <message>
        <source>Mood and coping skills</source>
        <translation>Ánimo y estrategias</translation>
    </message>
    <message>
        <source>Mood change from opening to closing</source>
        <translation>Cambio de ánimo del inicio al cierre</translation>
    </message>
    <message>
        <source>Mood change from opening to closing (%1 scale)</source>
        <translation>Cambio de ánimo del inicio al cierre (escala %1)</translation>
    </message>
    <message>
        <source>Mood check (a check-in, not a validated outcome)</source>
        <translation>Estado de ánimo (una forma de tomar el pulso, no una medida validada)</translation>
    </message>
    <message>
        <source>Most shared skill: %1</source>
        <translation>Estrategia más compartida: %1</translation>
    </message>
    <message>
        <source>Most shared skills</source>
        <translation>Estrategias más compartidas</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>Participantes nuevos</translation>
    </message>
    <message>
        <source>New members who came again within %1 weeks</source>
        <translation>Participantes nuevos que volvieron en %1 semanas</translation>
    </message>
    <message>
        <source>No figure had to be hidden.</source>
        <translation>No hizo falta ocultar ninguna cifra.</translation>
    </message>
    <message>
        <source>No figures to show for this period.</source>
        <translation>No hay cifras que mostrar para este periodo.</translation>
    </message>
    <message>
        <source>ONS4 anxiety yesterday (0-10, lower is better)</source>
        <translation>ONS4 ansiedad ayer (0-10, menos es mejor)</translation>
    </message>
    <message>
        <source>ONS4 happiness yesterday (0-10)</source>
        <translation>ONS4 felicidad ayer (0-10)</translation>
    </message>
    <message>
        <source>ONS4 life satisfaction (0-10)</source>
        <translation>ONS4 satisfacción con la vida (0-10)</translation>
    </message>
    <message>
        <source>ONS4 things done are worthwhile (0-10)</source>
        <translation>ONS4 lo que haces merece la pena (0-10)</translation>
    </message>
    <message>
        <source>Only closed meetings dated within the period count. Present excludes members who sent apologies.</source>
        <translation>Solo cuentan las reuniones cerradas con fecha dentro del periodo. «Presentes» no incluye a quienes avisaron que no venían.</translation>
    </message>
    <message>
        <source>Opening mood %1</source>
        <translation>Ánimo al inicio %1</translation>
    </message>
    <message>
        <source>Opening mood per month</source>
        <translation>Ánimo al inicio por mes</translation>
    </message>
    <message>
        <source>Opening mood trend</source>
        <translation>Tendencia del ánimo al inicio</translation>
    </message>
    <message>
        <source>Opening mood trend, points per month (%1 scale)</source>
        <translation>Tendencia del ánimo al inicio, puntos por mes (escala %1)</translation>
    </message>
    <message>
        <source>Opening mood, %2 (%1 scale)</source>
        <translation>Ánimo al inicio, %2 (escala %1)</translation>
    </message>
    <message>
        <source>Opening mood, average</source>
        <translation>Ánimo al inicio, media</translation>
    </message>
    <message>
        <source>Opening mood, average (%1 scale)</source>
        <translation>Ánimo al inicio, media (escala %1)</translation>
    </message>
    <message>
        <source>Passes in mood rounds</source>
        <translation>Veces que alguien pasó en las rondas de ánimo</translation>
    </message>
    <message>
        <source>Peer support group report</source>
        <extracomment>Page margins, as ``QTextDocument.print_`` has them (2 cm). A heading keeps at least this share of a page&apos;s text area (or all of what follows it, if shorter) on its own page; otherwise it starts the next page.</extracomment>
        <translation>Informe del grupo de apoyo mutuo</translation>
    </message>
    <message>
        <source>People who came to 1 meeting</source>
        <translation>Personas que vinieron a 1 reunión</translation>
    </message>
    <message>
        <source>People who came to 2-3 meetings</source>
        <translation>Personas que vinieron a 2-3 reuniones</translation>
    </message>
    <message>
        <source>People who came to 4-7 meetings</source>
        <translation>Personas que vinieron a 4-7 reuniones</translation>
    </message>
    <message>
        <source>People who came to 8 or more meetings</source>
        <translation>Personas que vinieron a 8 reuniones o más</translation>
    </message>
    <message>
        <source>Privacy: what was suppressed</source>
        <translation>Privacidad: qué se ocultó</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Continuidad</translation>
    </message>
    <message>
        <source>Returning attendances</source>
        <translation>Asistencias de quienes repiten</translation>
    </message>
    <message>
        <source>Returning members</source>
        <translation>Participantes que repiten</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Safety concerns counted</source>
        <translation>Preocupaciones de seguridad anotadas</translation>
    </message>
    <message>
        <source>Skills by category</source>
        <translation>Estrategias por categoría</translation>
    </message>
    <message>
        <source>Skills shared: %1</source>
        <translation>Estrategias compartidas: %1</translation>
    </message>
    <message numerus="yes">
        <source>Small counts: a sum from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figure(s)).</source>
        <translation>
            <numerusform>Recuentos pequeños: una suma de 1 a %1 se muestra como «menos de %2» (%n cifra).</numerusform>
            <numerusform>Recuentos pequeños: una suma de 1 a %1 se muestra como «menos de %2» (%n cifras).</numerusform>
        </translation>
    </message>
    <message>
        <source>Small counts: every count from 1 to %1 is shown as &quot;fewer than %2&quot; (%3 figures in this report).</source>
        <translation type="vanished">Cifras pequeñas: todo recuento de 1 a %1 aparece como «menos de %2» (%3 cifras en este informe).</translation>
    </message>
    <message numerus="yes">
        <source>Small counts: every count from 1 to %1 is shown as &quot;fewer than %2&quot; (%n figure(s) in this report).</source>
        <translation>
            <numerusform>Recuentos pequeños: cada recuento de 1 a %1 se muestra como &quot;menos de %2&quot; (%n cifra en este informe).</numerusform>
            <numerusform>Recuentos pequeños: cada recuento de 1 a %1 se muestra como &quot;menos de %2&quot; (%n cifras en este informe).</numerusform>
        </translation>
    </message>
    <message>
        <source>The average attendance per meeting is worked out from the summed counts, and only when at least %1 people are behind it. People are counted once per group: someone who attends two of the groups counts in each. Medians, percentages, mood and wellbeing averages, trends and skill ranks cannot be worked out from exports and are left out.</source>
        <translation>La asistencia media por reunión se calcula a partir de los recuentos sumados, y solo cuando hay al menos %1 personas detrás. Las personas se cuentan una vez por grupo: quien asiste a dos de los grupos cuenta en cada uno. Las medianas, los porcentajes, las medias de estado de ánimo y de bienestar, las tendencias y los puestos de las habilidades no se pueden calcular a partir de exportaciones y se omiten.</translation>
    </message>
    <message>
        <source>The weekly mood rating (1-5 or 0-10) is a check-in, not a validated outcome measure. The periodic wellbeing measure, where used, is reported separately.</source>
        <translation>La puntuación semanal de ánimo (1-5 o 0-10) es una forma de tomar el pulso, no una medida de resultados validada. El cuestionario periódico de bienestar, donde se usa, se presenta aparte.</translation>
    </message>
    <message numerus="yes">
        <source>This report adds up %n exports. It was worked out from the exported figures alone, without any vault: it holds aggregate figures only and tells nothing that the exports did not already tell.</source>
        <translation>
            <numerusform>Este informe suma %n exportación. Se calculó solo a partir de las cifras exportadas, sin abrir ninguna caja fuerte: contiene únicamente cifras agregadas y no revela nada que las exportaciones no revelaran ya.</numerusform>
            <numerusform>Este informe suma %n exportaciones. Se calculó solo a partir de las cifras exportadas, sin abrir ninguna caja fuerte: contiene únicamente cifras agregadas y no revela nada que las exportaciones no revelaran ya.</numerusform>
        </translation>
    </message>
    <message>
        <source>This report holds aggregate figures only: no names, contact details, notes, goals or safety notes ever leave GroupKeeper. The suppression threshold is %1 (a vault setting, never below 5).</source>
        <translation>Este informe solo contiene cifras agregadas: ningún nombre, dato de contacto, nota, meta ni nota de seguridad sale nunca de GroupKeeper. El umbral de ocultación es %1 (un ajuste de la caja fuerte, nunca menor que 5).</translation>
    </message>
    <message>
        <source>Too few people in each month to show an average.</source>
        <translation>Hay muy pocas personas cada mes para mostrar una media.</translation>
    </message>
    <message>
        <source>WHO-5 wellbeing index (0-100)</source>
        <translation>Índice de bienestar WHO-5 (0-100)</translation>
    </message>
    <message>
        <source>Walk-ins (anonymous)</source>
        <translation>Visitas anónimas</translation>
    </message>
    <message>
        <source>Wellbeing measure</source>
        <translation>Cuestionario de bienestar</translation>
    </message>
    <message>
        <source>Wellbeing measures used</source>
        <translation>Cuestionarios de bienestar usados</translation>
    </message>
    <message>
        <source>Wellbeing, average</source>
        <translation>Bienestar, media</translation>
    </message>
    <message>
        <source>Wellbeing, average: %1</source>
        <translation>Bienestar, media: %1</translation>
    </message>
    <message>
        <source>Wellbeing, change since first measure</source>
        <translation>Bienestar, cambio desde la primera medición</translation>
    </message>
    <message>
        <source>Wellbeing, change since first measure: %1</source>
        <translation>Bienestar, cambio desde la primera medición: %1</translation>
    </message>
    <message>
        <source>between %1 and %2</source>
        <translation>entre %1 y %2</translation>
    </message>
    <message>
        <source>fewer than %1</source>
        <translation>menos de %1</translation>
    </message>
    <message>
        <source>hidden (see privacy)</source>
        <translation>oculta (ver privacidad)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>rank %1</source>
        <translation>puesto %1</translation>
    </message>
    <message>
        <source>withheld (too few people)</source>
        <translation>retenida (muy pocas personas)</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Column choices of earlier CSV imports</source>
        <translation>Columnas elegidas en importaciones CSV anteriores</translation>
    </message>
    <message>
        <source>During a meeting, lock after (minutes)</source>
        <translation>Durante una reunión, bloquear tras (minutos)</translation>
    </message>
    <message>
        <source>Hide counts below this in exports</source>
        <translation>Ocultar en las exportaciones las cifras menores que esta</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Última copia de seguridad</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear tras estos minutos sin uso</translation>
    </message>
    <message>
        <source>Offer to forget members inactive for (months)</source>
        <translation>Proponer olvidar a quien lleva sin venir (meses)</translation>
    </message>
    <message>
        <source>Remind me to back up after (days)</source>
        <translation>Recordarme hacer copia después de (días)</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>The tour was shown</source>
        <translation>La visita guiada ya se mostró</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>Carpeta de la caja fuerte</translation>
    </message>
</context>
<context>
    <name>sharing</name>
    <message>
        <source>That code does not open this invitation. Check the digits with the other facilitator and type it again. Nothing was changed.</source>
        <translation>Ese código no abre esta invitación. Revisa las cifras con la persona que te invitó y vuelve a escribirlo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>That file is not a GroupKeeper invitation. Choose the file the other facilitator wrote. Nothing was changed.</source>
        <translation>Ese archivo no es una invitación de GroupKeeper. Elige el archivo que creó la persona que te invitó. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>That laptop cannot be removed now: it was removed already, or another laptop of the group has not synced since it was updated. Sync on every laptop, then try again. Nothing was changed.</source>
        <translation>Ese portátil no se puede quitar ahora: ya se quitó, o algún otro portátil del grupo no ha sincronizado desde que se actualizó. Sincroniza en todos los portátiles y vuelve a intentarlo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>That shared folder cannot be used: it is missing or GroupKeeper may not write there. Choose another one; nothing was changed.</source>
        <translation type="vanished">Esa carpeta compartida no se puede usar: no está o GroupKeeper no puede escribir en ella. Elige otra; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The invitation file cannot be read. Is the USB stick still plugged in? Nothing was changed.</source>
        <translation>No se puede leer el archivo de invitación. ¿Sigue conectada la memoria USB? No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The shared folder cannot be used: it is missing (is the USB stick plugged in?) or GroupKeeper may not write there. Plug it in or choose another folder, then try again. Nothing was changed.</source>
        <translation>No se puede usar la carpeta compartida: no se encuentra (¿está conectada la memoria USB?) o GroupKeeper no tiene permiso para escribir en ella. Conéctala o elige otra carpeta y vuelve a intentarlo. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>This group is not shared any more. Nothing was changed.</source>
        <translation>Este grupo ya no está compartido. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>This group is shared already: this laptop shared it or joined it before. Nothing was changed.</source>
        <translation>Este grupo ya está compartido: este portátil ya lo compartió o ya se unió a él. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>This invitation has been used already, so it opens nothing now. Ask the other facilitator to share the group again for a new invitation and code. Nothing was changed.</source>
        <translation>Esta invitación ya se usó, así que ahora no abre nada. Pide a la otra persona que vuelva a compartir el grupo para tener una invitación y un código nuevos. No se ha cambiado nada.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>A member</source>
        <translation>Una persona participante</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Llegó el</translation>
    </message>
    <message>
        <source>Laptop %1</source>
        <translation>Portátil %1</translation>
    </message>
    <message>
        <source>May be contacted</source>
        <translation>Acepta que la contacten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronombres</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Seudónimo</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Este portátil</translation>
    </message>
    <message>
        <source>in use now</source>
        <translation type="vanished">el que vale ahora</translation>
    </message>
    <message>
        <source>it comes from a laptop that joined with an invitation used before</source>
        <translation>viene de un portátil que se unió con una invitación ya usada</translation>
    </message>
    <message>
        <source>it comes from a laptop that was removed from the group</source>
        <translation>viene de un portátil que se quitó del grupo</translation>
    </message>
    <message>
        <source>it could not be read</source>
        <translation>no se pudo leer</translation>
    </message>
    <message>
        <source>it is damaged</source>
        <translation>está dañado</translation>
    </message>
    <message>
        <source>it is far too large</source>
        <translation>es demasiado grande</translation>
    </message>
    <message>
        <source>it is incomplete (perhaps still being copied)</source>
        <translation>está incompleto (quizá aún se está copiando)</translation>
    </message>
    <message>
        <source>it is not genuine</source>
        <translation>no es auténtico</translation>
    </message>
    <message>
        <source>it was moved from where its laptop wrote it</source>
        <translation>se movió de donde lo escribió su portátil</translation>
    </message>
    <message>
        <source>it was not locked with this group&apos;s key</source>
        <translation>no está cerrado con la clave de este grupo</translation>
    </message>
    <message>
        <source>it was not signed by a laptop of this group</source>
        <translation>no lo firmó ningún portátil de este grupo</translation>
    </message>
    <message>
        <source>its signature does not match: it was changed after it was written</source>
        <translation>su firma no coincide: se cambió después de escribirlo</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>not ticked</source>
        <translation>sin marcar</translation>
    </message>
    <message>
        <source>the other edit</source>
        <translation type="vanished">el otro cambio</translation>
    </message>
    <message>
        <source>ticked</source>
        <translation>marcado</translation>
    </message>
</context>
</TS>
