; Perisai Outreach for Windows: an Inno Setup 6 installer around the one-folder build.
;
;   bash packaging/build.sh                                   (Git Bash: dist\perisai-outreach)
;   iscc /DAppVersion=<version> packaging\windows\perisai_outreach.iss
;
; The version is not written here: it comes from outreach_app/__init__.py, passed by the
; command above (packaging/README.md shows how to read it), so the installer, the app and the
; server always say the same. The installer goes to dist\installer\.
;
; It installs for all users (Program Files) or, when the user chooses so or is not an
; administrator, for that user alone; adds a Start menu entry, a desktop icon if wanted, and an
; uninstaller. Uninstalling removes the program, never the data: the database, its backups and
; the reference tables stay in %LOCALAPPDATA%\PerisaiOutreach.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=X.Y.Z (see packaging/README.md)
#endif
#define AppName "Perisai Outreach"
#define AppExe "perisai-outreach.exe"
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{B6D3D43C-73AE-4EA4-94F6-00396CB7B1F3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Perisai Outreach developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Perisai Outreach
DefaultGroupName=Perisai Outreach
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Root}\resources\icons\perisai-outreach.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#Root}\dist\installer
OutputBaseFilename=perisai-outreach-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Inno Setup ships no Indonesian translation of its own pages; the app itself is Indonesian.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\dist\perisai-outreach\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
