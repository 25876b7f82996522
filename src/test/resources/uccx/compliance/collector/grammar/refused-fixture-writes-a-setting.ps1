# Valid PowerShell that would change the target: the grammar check must surface each
# writing command, however it is spelled, and nothing that only looks like one.
Get-ImapSettings -Server EXCH01 | Select-Object 'MaxConnectionsPerUser'
Set-ImapSettings -Server EXCH01 -MaxConnectionsPerUser 1
& 'Restart-Service' MSExchangeIMAP4
# Remove-Mailbox -Identity uccx: a comment, not a command
Write-Output 'Set-Mailbox is data here, not a command'
