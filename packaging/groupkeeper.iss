; Inno Setup 6 script: a per-user Windows installer for the one-folder bundle.
;
; Build (on Windows, after `pyinstaller build.spec --noconfirm`), from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\groupkeeper.iss
; Output: dist\GroupKeeper-<version>-setup.exe
;
; Per-user install (no administrator rights needed: volunteers on centre laptops often
; have none). The vault lives in the user's data folder and is NOT removed on uninstall:
; it holds the group's records. Signing is a release step: `signtool sign` the two
; executables before running iscc, and the setup.exe after (see README).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "GroupKeeper"
#define SourceDir "..\dist\groupkeeper"

[Setup]
AppId={{6B1E4F0C-3C7A-4E52-9A51-0B7C1E7D2A91}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=GroupKeeper contributors
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\resources\icons\groupkeeper.ico
UninstallDisplayIcon={app}\groupkeeper.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; The app works offline and never phones home; nothing else to configure.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\groupkeeper.exe"
Name: "{group}\{#AppName} (demo)"; Filename: "{app}\groupkeeper.exe"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\groupkeeper.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\groupkeeper.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the data folder on purpose: uninstalling must never delete a vault.
