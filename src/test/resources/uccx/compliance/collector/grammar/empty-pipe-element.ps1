# Not valid PowerShell: the pipeline on line 5 ends in '|' with nothing after it
# ("An empty pipe element is not allowed"). The grammar check must report line 5.
$hop = 'Get-ImapSettings'
foreach ($server in $UccxClientAccessServers) {
    Get-ImapSettings -Server $server |
}
