; Inno Setup 6 script for Hearth (kitchen-ui) on Windows: installs the PyInstaller app folder
; dist\kitchen-ui\ into Program Files with a Start menu entry (and an optional desktop icon).
; Built by packaging\windows\build.ps1, which passes the version and folders:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=...\dist\kitchen-ui /DOutputDir=...\dist kitchen-ui.iss
; NOT RUN on the Linux machine the project is developed on; see packaging\README.md.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\kitchen-ui"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; a fixed AppId lets a newer installer upgrade an older installation in place
AppId={{6C7E3B0E-2F4B-4C1D-9D55-4E6F8A1B2C3D}
AppName=Hearth
AppVersion={#AppVersion}
AppVerName=Hearth {#AppVersion}
AppPublisher=The Hearth developers
DefaultDirName={autopf}\Hearth
DefaultGroupName=Hearth
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\kitchen-ui.exe
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\kitchen-ui.ico
OutputDir={#OutputDir}
OutputBaseFilename=kitchen-ui-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; per-user install without admin rights when the user chooses so
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Hearth"; Filename: "{app}\kitchen-ui.exe"; Comment: "Kitchen stove dashboard"
Name: "{group}\Hearth (kiosk)"; Filename: "{app}\kitchen-ui.exe"; Parameters: "--kiosk"; Comment: "Full screen for a kitchen touchscreen"
Name: "{autodesktop}\Hearth"; Filename: "{app}\kitchen-ui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\kitchen-ui.exe"; Description: "{cm:LaunchProgram,Hearth}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; PyInstaller leaves no caches in {app}; the user's kitchen database in %LOCALAPPDATA%\Hearth stays
Type: dirifempty; Name: "{app}"
