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
#                          'failed', the Hop that was tried, the first error's id and message,
#                          and ErrorCount, the error records that came back
#   UccxRecord = 'end'     the script reached its end (output that lacks it was cut short)
# Each fact is collected on its own: a failing fact does not stop the others.
#
# Errors. The Exchange cmdlets that Connect-ExchangeServer loads are proxy functions of an
# implicit-remoting module: the caller's $ErrorActionPreference does not reach them, and a remote
# error may come back non-terminating even with -ErrorAction Stop (MicrosoftDocs/PowerShell-Docs
# issue 1583), so `catch` alone would never run and a failed call would look like "no object".
# Every Exchange cmdlet call therefore carries -ErrorAction Stop AND -ErrorVariable, and a fact is
# 'failed' whenever an error record came back, thrown or not.
#
# The runner puts a '#region parameters' section before this text, setting
# $UccxClientAccessServers, $UccxMailboxServers, $UccxReceiveConnectors, $UccxMailbox,
# $UccxAccount and $UccxEventLookbackHours.

#region setup
$ErrorActionPreference = 'Stop'
# $Failures: the error caught, or the -ErrorVariable lists of the calls (empty when they wrote no
# error). The first error record decides; ErrorCount says how many came back.
function Get-UccxStatus([string]$Fact, [string]$Target, [string]$Hop, $Failures) {
    $status = 'collected'
    $errorId = ''
    $message = ''
    $count = 0
    foreach ($failure in @($Failures)) {
        if ($failure -eq $null) { continue }
        $count++
        if ($count -eq 1) {
            $status = 'failed'
            $errorId = [string]$failure.FullyQualifiedErrorId
            $message = [string]$failure.Exception.Message
        }
    }
    New-Object PSObject -Property @{
        UccxRecord = 'status'; UccxFact = $Fact; UccxTarget = $Target
        Hop = $Hop; Status = $status; ErrorId = $errorId; Message = $message; ErrorCount = $count
    }
}

# Whether a permission entry can grant or deny "View Information Store status" as Windows checks
# it: the right itself (by name or GUID), GenericAll, or ExtendedRight with no specific right
# (MS-ADTS 5.1.3.2.1: an ACE without an object type controls every control access right).
function Get-UccxDecidesStoreVisible($Entry) {
    $access = [string]$Entry.AccessRights
    if ($access -match '\bGenericAll\b') { return $true }
    $rights = @()
    foreach ($right in @($Entry.ExtendedRights)) {
        if ($right -ne $null) { $rights += [string]$right }
    }
    if ($rights.Count -eq 0) { return ($access -match '\bExtendedRight\b') }
    foreach ($right in $rights) {
        if ($right -eq 'ms-Exch-Store-Visible' -or $right -eq 'd74a875e-22b9-11d3-aa62-00c04f8eedd8') { return $true }
    }
    return $false
}

# The Exchange session. Its cmdlets run behind http://<fqdn>/PowerShell, reached from this server
# with Kerberos: a second hop, which Windows allows only if a credential of the audit account is
# here. With delegation, Connect-ExchangeServer uses the forwarded ticket; with the suite's
# explicit credential ($UccxSecondHopCredential, set by the bootstrap, never written anywhere)
# the session is opened with it on this server's own PowerShell virtual directory. Either way
# its outcome is a status of its own: the Exchange facts that follow then say why they failed
# rather than "cmdlet not recognized". Connect-ExchangeServer may fail without throwing (it
# writes errors and asks for a server name), so the test that matters is whether the cmdlets exist.
$hop = 'Connect-ExchangeServer -auto'
try {
    if ($UccxSecondHopCredential -ne $null) {
        $uccxExchangeUri = 'http://' + [System.Net.Dns]::GetHostEntry($env:COMPUTERNAME).HostName + '/PowerShell/'
        $hop = "New-PSSession $uccxExchangeUri with the audit account's credential"
        $uccxSession = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri $uccxExchangeUri -Credential $UccxSecondHopCredential -Authentication Kerberos -ErrorAction Stop
        Import-PSSession $uccxSession -DisableNameChecking -ErrorAction Stop | Out-Null
    } elseif (-not (Get-Command Get-ExchangeServer -ErrorAction SilentlyContinue)) {
        # The supported way to load the Exchange cmdlets outside the Exchange Management Shell.
        . ($env:ExchangeInstallPath + 'bin\RemoteExchange.ps1') | Out-Null
        Connect-ExchangeServer -auto | Out-Null
    }
    if (-not (Get-Command Get-ExchangeServer -ErrorAction SilentlyContinue)) {
        throw "$hop loaded no Exchange cmdlet"
    }
    Get-UccxStatus 'exchangeSession' '' $hop $null
} catch {
    Get-UccxStatus 'exchangeSession' '' $hop $_
}
#endregion

#region fact:exchangeServers
$hop = 'Get-ExchangeServer'
$uccxErrors = $null
try {
    Get-ExchangeServer -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'exchangeServers'}},
        @{Name='UccxTarget'; Expression={[string]$_.Name}}, 'Name', 'AdminDisplayVersion', 'ServerRole',
        'IsClientAccessServer', 'IsMailboxServer', 'IsHubTransportServer'
    Get-UccxStatus 'exchangeServers' '' $hop $uccxErrors
} catch {
    Get-UccxStatus 'exchangeServers' '' $hop $_
}
#endregion

#region fact:imapSettings
foreach ($server in $UccxClientAccessServers) {
    $hop = "Get-ImapSettings -Server $server"
    $uccxErrors = $null
    try {
        Get-ImapSettings -Server $server -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'imapSettings'}},
            @{Name='UccxTarget'; Expression={$server}}, 'MaxCommandSize', 'MaxConnectionFromSingleIP', 'MaxConnections',
            'MaxConnectionsPerUser', 'LoginType'
        Get-UccxStatus 'imapSettings' $server $hop $uccxErrors
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
    $uccxErrors = $null
    try {
        Get-WinEvent -ComputerName $server -ErrorAction Stop -ErrorVariable uccxErrors -FilterHashtable @{
            LogName = 'Application'; ProviderName = 'MSExchangeIS'; Id = 9646; StartTime = $since
        } | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'storeEvents'}},
            @{Name='UccxTarget'; Expression={$server}}, 'Id', 'ProviderName', 'TimeCreated',
            @{Name='MailboxDn'; Expression={[string]$_.Properties[0].Value}},
            @{Name='Limit'; Expression={[string]$_.Properties[1].Value}},
            @{Name='ObjectType'; Expression={[string]$_.Properties[2].Value}}, 'Message'
        Get-UccxStatus 'storeEvents' $server $hop $uccxErrors
    } catch {
        # On PowerShell 2.0 no matching event is an error, NoMatchingEventsFound: the
        # collector reads it as zero events, not as a failure.
        Get-UccxStatus 'storeEvents' $server $hop $_
    }
}
#endregion

#region fact:organizationPermissions
# Every entry on the organization object that can grant or deny ms-Exch-Store-Visible, whoever it
# names: rights granted to a group the account belongs to count too, and the controls weigh the
# entries as Windows does (explicit Deny, explicit Allow, inherited Deny, inherited Allow).
# ExtendedRights goes out as strings (ms-Exch-Store-Visible, ...); the leading comma keeps a
# one-right list a list, which PowerShell would otherwise unroll into a single string.
$hop = 'Get-OrganizationConfig | Get-ADPermission on the organization'
$uccxConfigErrors = $null
$uccxErrors = $null
try {
    Get-OrganizationConfig -ErrorAction Stop -ErrorVariable uccxConfigErrors | Get-ADPermission -ErrorAction Stop -ErrorVariable uccxErrors |
        Where-Object { Get-UccxDecidesStoreVisible $_ } | Select-Object @{Name='UccxRecord'; Expression={'fact'}},
        @{Name='UccxFact'; Expression={'organizationPermissions'}}, @{Name='UccxTarget'; Expression={$UccxAccount}}, 'User',
        @{Name='ExtendedRights'; Expression={ $rights = @(); foreach ($right in $_.ExtendedRights) { $rights += [string]$right }; ,$rights }},
        @{Name='AccessRights'; Expression={[string]$_.AccessRights}}, 'Deny', 'IsInherited'
    Get-UccxStatus 'organizationPermissions' $UccxAccount $hop (@($uccxConfigErrors) + @($uccxErrors))
} catch {
    Get-UccxStatus 'organizationPermissions' $UccxAccount $hop $_
}
#endregion

#region fact:accountGroups
# Who the UCCX account is to an access check: its own SID and every group SID of a logon token
# Windows builds for it (nested and universal groups, Everyone, Authenticated Users). The token
# comes from the WindowsIdentity(UPN) constructor, a Kerberos S4U logon that needs none of its credentials
# (documented for .NET 2.0 and later: it reads the account's token-groups-global-and-universal
# attribute). A SID without a name is kept with an empty Name.
$hop = "Get-User -Identity $UccxAccount, then its Windows logon token"
$uccxErrors = $null
try {
    $uccxUser = Get-User -Identity $UccxAccount -ErrorAction Stop -ErrorVariable uccxErrors
    # @($null).Count is 1 on PowerShell 2.0: count the error records themselves.
    $userErrors = @($uccxErrors | Where-Object { $_ -ne $null }).Count
    if ($userErrors -eq 0 -and $uccxUser -ne $null) {
        $upn = [string]$uccxUser.UserPrincipalName
        if ($upn -eq '') { throw "$UccxAccount has no UserPrincipalName, which Windows needs to build its token" }
        $token = New-Object System.Security.Principal.WindowsIdentity($upn)
        $sids = @($token.User) + @($token.Groups)
        foreach ($sid in $sids) {
            $kind = 'group'
            if ($sid -eq $token.User) { $kind = 'account' }
            $name = ''
            try { $name = $sid.Translate([System.Security.Principal.NTAccount]).Value } catch { $name = '' }
            New-Object PSObject -Property @{
                UccxRecord = 'fact'; UccxFact = 'accountGroups'; UccxTarget = $UccxAccount
                Kind = $kind; Sid = [string]$sid.Value; Name = $name
            }
        }
    }
    Get-UccxStatus 'accountGroups' $UccxAccount $hop $uccxErrors
} catch {
    Get-UccxStatus 'accountGroups' $UccxAccount $hop $_
}
#endregion

#region fact:receiveConnectors
foreach ($connector in $UccxReceiveConnectors) {
    $hop = "Get-ReceiveConnector -Identity '$connector'"
    $uccxErrors = $null
    try {
        Get-ReceiveConnector -Identity $connector -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}},
            @{Name='UccxFact'; Expression={'receiveConnectors'}}, @{Name='UccxTarget'; Expression={$connector}}, 'Identity',
            'MaxInboundConnection', 'MessageRateLimit', 'MaxInboundConnectionPercentagePerSource',
            'MaxInboundConnectionPerSource'
        Get-UccxStatus 'receiveConnectors' $connector $hop $uccxErrors
    } catch {
        Get-UccxStatus 'receiveConnectors' $connector $hop $_
    }
}
#endregion

#region fact:mailbox
$hop = "Get-Mailbox -Identity $UccxMailbox"
$uccxErrors = $null
try {
    Get-Mailbox -Identity $UccxMailbox -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'mailbox'}},
        @{Name='UccxTarget'; Expression={$UccxMailbox}}, 'PrimarySmtpAddress', 'SamAccountName', 'LegacyExchangeDN',
        'ThrottlingPolicy', 'ServerName'
    Get-UccxStatus 'mailbox' $UccxMailbox $hop $uccxErrors
} catch {
    Get-UccxStatus 'mailbox' $UccxMailbox $hop $_
}
#endregion

#region fact:throttlingPolicies
# Every property, so that a budget this version lacks (CPA* on RTM) is absent rather than $null.
$hop = 'Get-ThrottlingPolicy'
$uccxErrors = $null
try {
    Get-ThrottlingPolicy -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object -Property @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'throttlingPolicies'}},
        @{Name='UccxTarget'; Expression={[string]$_.Name}}, '*'
    Get-UccxStatus 'throttlingPolicies' '' $hop $uccxErrors
} catch {
    Get-UccxStatus 'throttlingPolicies' '' $hop $_
}
#endregion

#region end
# When and where it ran: a replayed snapshot says so in the report. CollectedAt stays a DateTime,
# which CliXml writes in one invariant form: formatted as text, the ':' of a format string would
# be the culture's time separator, which Regional settings may change.
New-Object PSObject -Property @{
    UccxRecord = 'end'
    PSVersion = [string]$PSVersionTable.PSVersion
    CollectedAt = (Get-Date).ToUniversalTime()
    ComputerName = [string]$env:COMPUTERNAME
}
#endregion
