# Build Hearth for Windows: the PyInstaller folder dist\kitchen-ui\ and the Inno Setup installer
# dist\kitchen-ui-<version>-setup.exe. For a Windows CI runner (e.g. GitHub Actions windows-latest)
# with Python 3.11+ and Inno Setup 6 (choco install innosetup). NOT RUN on the Linux machine the
# project is developed on; see packaging\README.md.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Python py] [-SkipInstaller]
param(
    [string]$Python = "python",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

Write-Host "== installing Hearth with its packaging tools"
Invoke-Checked $Python @("-m", "pip", "install", "--quiet", "-e", ".[package]")

Write-Host "== PyInstaller"
Invoke-Checked $Python @("packaging\build.py", "--no-deb")
$Version = (& $Python -c "import sys; sys.path.insert(0, 'packaging'); from bundle_filter import app_version; from pathlib import Path; print(app_version(Path('.')))").Trim()
$App = Join-Path $Root "dist\kitchen-ui"

Write-Host "== smoke test of the bundle"
$env:QT_QPA_PLATFORM = "offscreen"
$Tmp = Join-Path $env:TEMP "hearth-smoke-$PID"
New-Item -ItemType Directory -Force -Path $Tmp | Out-Null
Invoke-Checked "$App\kitchen-ui-cli.exe" @("--version")
Invoke-Checked "$App\kitchen-ui-cli.exe" @("recipes", "list", "--db", "$Tmp\kitchen.sqlite3")
Invoke-Checked "$App\kitchen-ui-cli.exe" @("--screenshot", "$Tmp\shot.png", "--run-for", "0.5")
if (-not (Test-Path "$Tmp\shot.png")) { throw "the bundle did not write its screenshot" }
Remove-Item Env:\QT_QPA_PLATFORM

if ($SkipInstaller) { exit 0 }
Write-Host "== Inno Setup"
$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $Iscc)) { throw "Inno Setup 6 (ISCC.exe) is not installed: choco install innosetup" }
Invoke-Checked $Iscc @("/Qp", "/DAppVersion=$Version", "/DSourceDir=$App", "/DOutputDir=$Root\dist",
                       "$Root\packaging\windows\kitchen-ui.iss")
Write-Host "built dist\kitchen-ui-$Version-setup.exe"
