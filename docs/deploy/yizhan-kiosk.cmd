@echo off
rem C:\ProgramData\Yizhan\yizhan-kiosk.cmd: starts the kiosk at the kiosk account's log on, and again 5 s after it
rem ends, as systemd does on Linux (Task Scheduler's "restart on failure" does not see a program that ended).
rem docs/deployment.md, "Installing on a hall PC", Windows.
:start
"C:\Program Files\Yizhan\yizhan.exe" --config "C:\ProgramData\Yizhan\kiosk.properties"
timeout /t 5 /nobreak >nul
goto start
