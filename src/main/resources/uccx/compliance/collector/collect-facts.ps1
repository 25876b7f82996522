# collect-facts.ps1: the one script the suite runs on Exchange 2010, once per run.
#
# Read-only by construction: every command in it is on the runner's allow-list (Get-*,
# Select-Object, New-Object, ...), and the runner refuses to send anything else.
# PowerShell 2.0 only (Exchange 2010): no JSON cmdlets, no ordered hashtables, no method-style loops.
# Property names for Select-Object are quoted: the same to PowerShell, and the build's grammar
# check (tree-sitter) rejects a comma-separated list of bare words as a command argument.
# Output is CliXml (powershell.exe -OutputFormat XML), one flat object per record:
#   UccxRecord = 'fact'    one object of a fact, with UccxFact and UccxTarget
#   UccxRecord = 'status'  how collecting one fact for one target went: Status 'collected' or
#                          'failed', the Hop that was tried, and the error's id and message
#   UccxRecord = 'end'     the script reached its end (output that lacks it was cut short)
# Each fact is collected on its own: a failing fact does not stop the others.
#
# The runner puts a '#region parameters' section before this text, setting
# $UccxClientAccessServers, $UccxMailboxServers, $UccxReceiveConnectors, $UccxMailbox,
# $UccxAccount and $UccxEventLookbackHours.

#region setup
$ErrorActionPreference = 'Stop'
if (-not (Get-Command Get-ExchangeServer -ErrorAction SilentlyContinue)) {
    # The supported way to load the Exchange cmdlets outside the Exchange Management Shell.
    . ($env:ExchangeInstallPath + 'bin\RemoteExchange.ps1') | Out-Null
    Connect-ExchangeServer -auto | Out-Null
}

function Get-UccxStatus([string]$Fact, [string]$Target, [string]$Hop, $Failure) {
    $status = 'collected'
    $errorId = ''
    $message = ''
    if ($Failure -ne $null) {
        $status = 'failed'
        $errorId = [string]$Failure.FullyQualifiedErrorId
        $message = [string]$Failure.Exception.Message
    }
    New-Object PSObject -Property @{
        UccxRecord = 'status'; UccxFact = $Fact; UccxTarget = $Target
        Hop = $Hop; Status = $status; ErrorId = $errorId; Message = $message
    }
}
#endregion

#region fact:exchangeServers
$hop = 'Get-ExchangeServer'
try {
    Get-ExchangeServer | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'exchangeServers'}},
        @{Name='UccxTarget'; Expression={[string]$_.Name}}, 'Name', 'AdminDisplayVersion', 'ServerRole',
        'IsClientAccessServer', 'IsMailboxServer', 'IsHubTransportServer'
    Get-UccxStatus 'exchangeServers' '' $hop $null
} catch {
    Get-UccxStatus 'exchangeServers' '' $hop $_
}
#endregion

#region fact:imapSettings
foreach ($server in $UccxClientAccessServers) {
    $hop = "Get-ImapSettings -Server $server"
    try {
        Get-ImapSettings -Server $server | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'imapSettings'}},
            @{Name='UccxTarget'; Expression={$server}}, 'MaxCommandSize', 'MaxConnectionFromSingleIP', 'MaxConnections',
            'MaxConnectionsPerUser', 'LoginType'
        Get-UccxStatus 'imapSettings' $server $hop $null
    } catch {
        Get-UccxStatus 'imapSettings' $server $hop $_
    }
}
#endregion

#region fact:registry
# The store's per-user service-session limit (KB 980049). The checklist spells the key
# MSEExchangeIS; the real key is MSExchangeIS.
$storeKey = 'SYSTEM\CurrentControlSet\Services\MSExchangeIS\ParametersSystem'
$storeValue = 'Maximum Allowed Service Sessions Per User'
foreach ($server in $UccxMailboxServers) {
    $hop = "remote registry on $server"
    try {
        $hive = [Microsoft.Win32.RegistryKey]::OpenRemoteBaseKey('LocalMachine', $server)
        $value = $null
        $kind = 'KeyMissing'
        try {
            $key = $hive.OpenSubKey($storeKey)
            if ($key -ne $null) {
                $kind = 'ValueMissing'
                $value = $key.GetValue($storeValue)
                if ($value -ne $null) {
                    $kind = [string]$key.GetValueKind($storeValue)
                }
                $key.Close()
            }
        } finally {
            $hive.Close()
        }
        New-Object PSObject -Property @{
            UccxRecord = 'fact'; UccxFact = 'registry'; UccxTarget = $server
            Key = 'HKLM\' + $storeKey; ValueName = $storeValue; Value = $value; ValueKind = $kind
        }
        Get-UccxStatus 'registry' $server $hop $null
    } catch {
        Get-UccxStatus 'registry' $server $hop $_
    }
}
#endregion

#region fact:storeEvents
# Event 9646 names the mailbox only by its LegacyExchangeDN, in its first data field; the
# message text is localised, so the data fields are what the controls read.
$since = (Get-Date).AddHours(-$UccxEventLookbackHours)
foreach ($server in $UccxMailboxServers) {
    $hop = "Application event log on $server"
    try {
        Get-WinEvent -ComputerName $server -FilterHashtable @{
            LogName = 'Application'; ProviderName = 'MSExchangeIS'; Id = 9646; StartTime = $since
        } | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'storeEvents'}},
            @{Name='UccxTarget'; Expression={$server}}, 'Id', 'ProviderName', 'TimeCreated',
            @{Name='MailboxDn'; Expression={[string]$_.Properties[0].Value}},
            @{Name='Limit'; Expression={[string]$_.Properties[1].Value}},
            @{Name='ObjectType'; Expression={[string]$_.Properties[2].Value}}, 'Message'
        Get-UccxStatus 'storeEvents' $server $hop $null
    } catch {
        # On PowerShell 2.0 no matching event is an error, NoMatchingEventsFound: the
        # collector reads it as zero events, not as a failure.
        Get-UccxStatus 'storeEvents' $server $hop $_
    }
}
#endregion

#region fact:organizationPermissions
# ExtendedRights goes out as strings (ms-Exch-Store-Visible, ...); the leading comma keeps a
# one-right list a list, which PowerShell would otherwise unroll into a single string.
$hop = "Get-ADPermission -User $UccxAccount on the organization"
try {
    Get-OrganizationConfig | Get-ADPermission -User $UccxAccount | Select-Object @{Name='UccxRecord'; Expression={'fact'}},
        @{Name='UccxFact'; Expression={'organizationPermissions'}}, @{Name='UccxTarget'; Expression={$UccxAccount}}, 'User',
        @{Name='ExtendedRights'; Expression={ $rights = @(); foreach ($right in $_.ExtendedRights) { $rights += [string]$right }; ,$rights }},
        @{Name='AccessRights'; Expression={[string]$_.AccessRights}}, 'Deny', 'IsInherited'
    Get-UccxStatus 'organizationPermissions' $UccxAccount $hop $null
} catch {
    Get-UccxStatus 'organizationPermissions' $UccxAccount $hop $_
}
#endregion

#region fact:receiveConnectors
foreach ($connector in $UccxReceiveConnectors) {
    $hop = "Get-ReceiveConnector -Identity '$connector'"
    try {
        Get-ReceiveConnector -Identity $connector | Select-Object @{Name='UccxRecord'; Expression={'fact'}},
            @{Name='UccxFact'; Expression={'receiveConnectors'}}, @{Name='UccxTarget'; Expression={$connector}}, 'Identity',
            'MaxInboundConnection', 'MessageRateLimit', 'MaxInboundConnectionPercentagePerSource',
            'MaxInboundConnectionPerSource'
        Get-UccxStatus 'receiveConnectors' $connector $hop $null
    } catch {
        Get-UccxStatus 'receiveConnectors' $connector $hop $_
    }
}
#endregion

#region fact:mailbox
$hop = "Get-Mailbox -Identity $UccxMailbox"
try {
    Get-Mailbox -Identity $UccxMailbox | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'mailbox'}},
        @{Name='UccxTarget'; Expression={$UccxMailbox}}, 'PrimarySmtpAddress', 'SamAccountName', 'LegacyExchangeDN',
        'ThrottlingPolicy', 'ServerName'
    Get-UccxStatus 'mailbox' $UccxMailbox $hop $null
} catch {
    Get-UccxStatus 'mailbox' $UccxMailbox $hop $_
}
#endregion

#region fact:throttlingPolicies
# Every property, so that a budget this version lacks (CPA* on RTM) is absent rather than $null.
$hop = 'Get-ThrottlingPolicy'
try {
    Get-ThrottlingPolicy | Select-Object -Property @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'throttlingPolicies'}},
        @{Name='UccxTarget'; Expression={[string]$_.Name}}, '*'
    Get-UccxStatus 'throttlingPolicies' '' $hop $null
} catch {
    Get-UccxStatus 'throttlingPolicies' '' $hop $_
}
#endregion

#region end
# When and where it ran: a replayed snapshot says so in the report.
New-Object PSObject -Property @{
    UccxRecord = 'end'
    PSVersion = [string]$PSVersionTable.PSVersion
    CollectedAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    ComputerName = [string]$env:COMPUTERNAME
}
#endregion
