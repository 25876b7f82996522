# Valid PowerShell that writes without a single writing Verb-Noun a regular expression could see.
# The syntax-tree review must refuse each line below; the runtime AllowList lets all of them through.
$identity = 'uccx'
gps | Out-Null
iex ('Rem' + 'ove-Mailbox -Identity ' + $identity)
& ('Disable' + '-Mailbox') $identity
$ExecutionContext.InvokeCommand.InvokeScript('Res' + 'tart-Service MSExchangeIMAP4')
[System.IO.File]::Delete('C:\Program Files\Microsoft\Exchange Server\V14\Bin\Microsoft.Exchange.Imap4.exe.config')
$name = 'Kill'
(Get-Process -Name Microsoft.Exchange.Imap4).$name()
$web = New-Object System.Net.WebClient
$shell = New-Object -ComObject WScript.Shell
