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
#   UccxRecord = 'progress' the script is still waiting for servers' own Windows facts; no fact
#                          (written at least every few seconds while it waits, see windowsFacts)
#   UccxRecord = 'end'     the script reached its end (output that lacks it was cut short)
# Each fact is collected on its own: a failing fact does not stop the others.
#
# Time. The Exchange cmdlets read Active Directory and answer for the organisation; the remote
# registry and the Application event log are RPC to each Mailbox server itself, and RPC to a server
# that does not answer blocks for 20 to 60 s or more. So the per-server Windows facts (registry,
# storeEvents) run on a RunspacePool, $UccxParallelTargets at a time, queued before the Exchange
# cmdlets so that they overlap them; each is given $UccxTargetSeconds from its start. Overthere
# fails a command that writes nothing for WinRM's OperationTimeout (at most 60 s), so while the
# script waits for them it writes a progress record every few seconds.
#
# Errors. The Exchange cmdlets that Connect-ExchangeServer loads are proxy functions of an
# implicit-remoting module: the caller's $ErrorActionPreference does not reach them, and a remote
# error may come back non-terminating even with -ErrorAction Stop (MicrosoftDocs/PowerShell-Docs
# issue 1583), so `catch` alone would never run and a failed call would look like "no object".
# Every Exchange cmdlet call therefore carries -ErrorAction Stop AND -ErrorVariable, and a fact is
# 'failed' whenever an error record came back, thrown or not.
#
# The runner puts a '#region parameters' section before this text, setting
# $UccxClientAccessServers, $UccxMailboxServers, $UccxMailbox, $UccxAccount,
# $UccxEventLookbackHours, $UccxTargetSeconds and $UccxParallelTargets.

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

# Where a Mailbox server's own facts are read from, for the status record: this server is read
# locally, any other one over the network (a second hop).
function Get-UccxWhere([string]$What, [string]$Server) {
    if ($Server -eq $env:COMPUTERNAME) { return "$What of $Server, read locally" }
    return "remote $What on $Server"
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

# The runspaces that read the Mailbox servers' own Windows facts (PowerShell 2.0's
# System.Management.Automation.Runspaces.RunspacePool): at most $UccxParallelTargets at once.
# $uccxStarted says when each read began, written by the read itself on its runspace's thread: a
# read queued behind others is bounded from its own start, not from the moment it was queued.
# RunspacePool, SetMaxRunspaces and the [RunspaceFactory] and [PowerShell] accelerators are
# PowerShell 2.0's own (MSDN, RunspacePool Class: "introduced in Windows PowerShell 2.0"; Oisin
# Grehan, nivot.org, 2009: the accelerators in 2.0 CTP3).
$uccxPool = [RunspaceFactory]::CreateRunspacePool(1, $UccxParallelTargets)
$uccxPool.Open()
$uccxStarted = [hashtable]::Synchronized(@{})
$uccxQueued = @()
$uccxQueuedAt = [DateTime]::UtcNow

# Queues one per-server read on the pool and returns what the windowsFacts section needs to wait
# for it. Every read takes the same arguments: the server, its key in $uccxStarted, $uccxStarted, the
# events' start time, and the second-hop credential ($null unless the suite brought one: then the
# read uses it for another server instead of this logon, which may have none to give).
function Get-UccxQueued([string]$Fact, [string]$Target, [string]$Hop, $Read, $Since) {
    $key = $Fact + ' ' + $Target
    $shell = [PowerShell]::Create()
    $shell.RunspacePool = $uccxPool
    [void]$shell.AddScript($Read.ToString())
    [void]$shell.AddArgument($Target)
    [void]$shell.AddArgument($key)
    [void]$shell.AddArgument($uccxStarted)
    [void]$shell.AddArgument($Since)
    [void]$shell.AddArgument($UccxSecondHopCredential)
    $handle = $shell.BeginInvoke()
    New-Object PSObject -Property @{
        Fact = $Fact; Target = $Target; Hop = $Hop; Key = $key; Shell = $shell; Handle = $handle
    }
}
#endregion

#region fact:registry
# The store's per-user service-session limit (KB 980049). The checklist spells the key
# MSEExchangeIS; the real key is MSExchangeIS. Read on the pool (see setup); the read hands its
# error, if any, to the windowsFacts section, which writes the status record.
$uccxRegistryRead = {
    param($Server, $Key, $Started, $Since, $Credential)
    $Started[$Key] = [DateTime]::UtcNow
    $ErrorActionPreference = 'Stop'
    $storeKey = 'SYSTEM\CurrentControlSet\Services\MSExchangeIS\ParametersSystem'
    $storeValue = 'Maximum Allowed Service Sessions Per User'
    # This server's own registry needs no hop. Another server's is a second hop (README, "The second
    # hop"): with the suite's credential it is read through WMI's StdRegProv, which takes one (the
    # remote registry API does not); without, through the Remote Registry service with this logon.
    $local = ($Server -eq $env:COMPUTERNAME)
    try {
        $value = $null
        $kind = 'KeyMissing'
        if ($Credential -ne $null -and -not $local) {
            $registry = Get-WmiObject -List -Namespace 'root\default' -ComputerName $Server -Credential $Credential -ErrorAction Stop |
                Where-Object { $_.Name -eq 'StdRegProv' }
            # 2147483650 is HKEY_LOCAL_MACHINE; EnumValues answers 2 (not found) for a missing key and
            # gives each value's type: 4 REG_DWORD, 11 REG_QWORD, 1 REG_SZ, 2 REG_EXPAND_SZ, 7 REG_MULTI_SZ.
            $listed = $registry.EnumValues(2147483650, $storeKey)
            if ($listed.ReturnValue -eq 0) {
                $kind = 'ValueMissing'
                $names = @($listed.sNames)
                $types = @($listed.Types)
                for ($i = 0; $i -lt $names.Count; $i++) {
                    if ($names[$i] -ne $storeValue) { continue }
                    if ($types[$i] -eq 4) {
                        # As the registry API gives a DWORD: a signed Int32.
                        $kind = 'DWord'
                        $dword = [uint32]$registry.GetDWORDValue(2147483650, $storeKey, $storeValue).uValue
                        $value = [BitConverter]::ToInt32([BitConverter]::GetBytes($dword), 0)
                    } elseif ($types[$i] -eq 11) {
                        $kind = 'QWord'
                        $value = $registry.GetQWORDValue(2147483650, $storeKey, $storeValue).uValue
                    } elseif ($types[$i] -eq 1) {
                        $kind = 'String'
                        $value = $registry.GetStringValue(2147483650, $storeKey, $storeValue).sValue
                    } elseif ($types[$i] -eq 2) {
                        $kind = 'ExpandString'
                        $value = $registry.GetExpandedStringValue(2147483650, $storeKey, $storeValue).sValue
                    } elseif ($types[$i] -eq 7) {
                        $kind = 'MultiString'
                        $value = $registry.GetMultiStringValue(2147483650, $storeKey, $storeValue).sValue
                    } else {
                        $kind = 'Binary'
                        $value = $registry.GetBinaryValue(2147483650, $storeKey, $storeValue).uValue
                    }
                }
            }
        } else {
            if ($local) {
                $hive = [Microsoft.Win32.Registry]::LocalMachine
            } else {
                $hive = [Microsoft.Win32.RegistryKey]::OpenRemoteBaseKey('LocalMachine', $Server)
            }
            try {
                $subKey = $hive.OpenSubKey($storeKey)
                if ($subKey -ne $null) {
                    $kind = 'ValueMissing'
                    $value = $subKey.GetValue($storeValue)
                    if ($value -ne $null) {
                        $kind = [string]$subKey.GetValueKind($storeValue)
                    }
                    $subKey.Close()
                }
            } finally {
                # Registry.LocalMachine is the process's own handle: closing it is a no-op at best.
                if (-not $local) { $hive.Close() }
            }
        }
        New-Object PSObject -Property @{
            UccxRecord = 'fact'; UccxFact = 'registry'; UccxTarget = $Server
            Key = 'HKLM\' + $storeKey; ValueName = $storeValue; Value = $value; ValueKind = $kind
        }
    } catch {
        $_
    }
}
foreach ($server in $UccxMailboxServers) {
    $uccxQueued += Get-UccxQueued 'registry' $server (Get-UccxWhere 'registry' $server) $uccxRegistryRead $null
}
#endregion

#region fact:storeEvents
# Event 9646 names the mailbox only by its LegacyExchangeDN, in its first data field; the
# message text is localised, so the data fields are what the controls read. Read on the pool (see
# setup). On PowerShell 2.0 no matching event is an error, NoMatchingEventsFound: the collector
# reads it as zero events, not as a failure.
$uccxEventsRead = {
    param($Server, $Key, $Started, $Since, $Credential)
    $Started[$Key] = [DateTime]::UtcNow
    $ErrorActionPreference = 'Stop'
    $uccxErrors = $null
    # This server's own log needs no hop; another server's is a second hop, taken with the suite's
    # credential when it brought one (Get-WinEvent -Credential), else with this logon.
    $where = @{ FilterHashtable = @{ LogName = 'Application'; ProviderName = 'MSExchangeIS'; Id = 9646; StartTime = $Since } }
    if ($Server -ne $env:COMPUTERNAME) {
        $where['ComputerName'] = $Server
        if ($Credential -ne $null) { $where['Credential'] = $Credential }
    }
    try {
        Get-WinEvent @where -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'storeEvents'}},
            @{Name='UccxTarget'; Expression={$Server}}, 'Id', 'ProviderName', 'TimeCreated',
            @{Name='MailboxDn'; Expression={[string]$_.Properties[0].Value}},
            @{Name='Limit'; Expression={[string]$_.Properties[1].Value}},
            @{Name='ObjectType'; Expression={[string]$_.Properties[2].Value}}, 'Message'
        $uccxErrors
    } catch {
        $_
    }
}
$since = (Get-Date).AddHours(-$UccxEventLookbackHours)
foreach ($server in $UccxMailboxServers) {
    $uccxQueued += Get-UccxQueued 'storeEvents' $server (Get-UccxWhere 'Application event log' $server) $uccxEventsRead $since
}
#endregion

#region fact:services
# The Exchange services that read their settings only at start: MSExchangeIMAP4 on each Client
# Access server (its Get-ImapSettings values) and MSExchangeIS on each Mailbox server (its
# registry value); one read per server in either list, on the pool (see setup). Win32_Service gives
# StartMode ('Auto', 'Manual', 'Disabled'), State and ProcessId (0 when stopped); the running
# process's Win32_Process CreationDate is when the service started, kept as WMI's CIM_DATETIME text
# (yyyymmddHHMMSS.mmmmmm+UUU, UUU the offset in minutes) and read by the suite. This server's own
# WMI needs no hop (and WMI refuses a credential for a local connection); another server's is a
# second hop, taken with the suite's credential when it brought one.
$uccxServicesRead = {
    param($Server, $Key, $Started, $Since, $Credential)
    $Started[$Key] = [DateTime]::UtcNow
    $ErrorActionPreference = 'Stop'
    $uccxErrors = $null
    $where = @{ Class = 'Win32_Service'; Filter = "Name='MSExchangeIMAP4' OR Name='MSExchangeIS'" }
    if ($Server -ne $env:COMPUTERNAME) {
        $where['ComputerName'] = $Server
        if ($Credential -ne $null) { $where['Credential'] = $Credential }
    }
    try {
        foreach ($service in @(Get-WmiObject @where -ErrorAction Stop -ErrorVariable uccxErrors)) {
            $startedAt = ''
            if ($service.ProcessId -gt 0) {
                $processWhere = @{ Class = 'Win32_Process'; Filter = 'ProcessId=' + [string]$service.ProcessId }
                if ($Server -ne $env:COMPUTERNAME) {
                    $processWhere['ComputerName'] = $Server
                    if ($Credential -ne $null) { $processWhere['Credential'] = $Credential }
                }
                foreach ($process in @(Get-WmiObject @processWhere -ErrorAction Stop -ErrorVariable +uccxErrors)) {
                    $startedAt = [string]$process.CreationDate
                }
            }
            New-Object PSObject -Property @{
                UccxRecord = 'fact'; UccxFact = 'services'; UccxTarget = $Server
                Name = [string]$service.Name; StartMode = [string]$service.StartMode; State = [string]$service.State
                ProcessId = [int]$service.ProcessId; StartedAt = $startedAt
            }
        }
        $uccxErrors
    } catch {
        $_
    }
}
$uccxServiceServers = @()
foreach ($server in @($UccxClientAccessServers) + @($UccxMailboxServers)) {
    if ($uccxServiceServers -notcontains $server) { $uccxServiceServers += $server }
}
foreach ($server in $uccxServiceServers) {
    $uccxQueued += Get-UccxQueued 'services' $server (Get-UccxWhere 'WMI' $server) $uccxServicesRead $null
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
            'MaxConnectionsPerUser', 'LoginType', 'WhenChanged', 'WhenChangedUTC'
        Get-UccxStatus 'imapSettings' $server $hop $uccxErrors
    } catch {
        Get-UccxStatus 'imapSettings' $server $hop $_
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
# Every receive connector of the organisation in one call: without -Identity or -Server,
# Get-ReceiveConnector lists them all from Active Directory (Exchange 2007 and 2010 documentation of
# Get-ReceiveConnector: leave out Identity to get every receive connector; -Server limits the list to
# one server). The runner keeps the connectors in its scope; one in scope that Exchange does not list
# is could-not-verify there. One call instead of one per connector: each costs a round trip to AD.
# Every connector's Server, Enabled, Bindings and RemoteIPRanges go out too, in scope or not: SMTP-02
# works out which connector of a server Exchange selects for the UCCX server, and that may be one
# nobody listed. Bindings and RemoteIPRanges go out as strings (0.0.0.0:25, 10.1.2.0/24, ...); the
# leading comma keeps a one-entry list a list.
$hop = 'Get-ReceiveConnector'
$uccxErrors = $null
try {
    Get-ReceiveConnector -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}},
        @{Name='UccxFact'; Expression={'receiveConnectors'}}, @{Name='UccxTarget'; Expression={[string]$_.Identity}}, 'Identity',
        'MaxInboundConnection', 'MessageRateLimit', 'MaxInboundConnectionPercentagePerSource',
        'MaxInboundConnectionPerSource', @{Name='Server'; Expression={[string]$_.Server}}, @{Name='Enabled'; Expression={[string]$_.Enabled}},
        @{Name='Bindings'; Expression={ $items = @(); foreach ($item in $_.Bindings) { $items += [string]$item }; ,$items }},
        @{Name='RemoteIPRanges'; Expression={ $items = @(); foreach ($item in $_.RemoteIPRanges) { $items += [string]$item }; ,$items }}
    Get-UccxStatus 'receiveConnectors' '' $hop $uccxErrors
} catch {
    Get-UccxStatus 'receiveConnectors' '' $hop $_
}
#endregion

#region fact:mailboxDatabases
# Every mailbox database and the servers holding a copy of it (Servers: in a DAG, every member with a
# copy), so EXC-02 can tell whether the UCCX mailbox's database can be mounted on a server out of
# scope. One read of Active Directory without -Status. Servers goes out as names; the leading comma
# keeps a one-server list a list.
$hop = 'Get-MailboxDatabase'
$uccxErrors = $null
try {
    Get-MailboxDatabase -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}},
        @{Name='UccxFact'; Expression={'mailboxDatabases'}}, @{Name='UccxTarget'; Expression={[string]$_.Name}}, 'Name',
        @{Name='Servers'; Expression={ $items = @(); foreach ($item in $_.Servers) { $items += [string]$item }; ,$items }},
        @{Name='MountedOnServer'; Expression={[string]$_.MountedOnServer}}
    Get-UccxStatus 'mailboxDatabases' '' $hop $uccxErrors
} catch {
    Get-UccxStatus 'mailboxDatabases' '' $hop $_
}
#endregion

#region fact:mailbox
$hop = "Get-Mailbox -Identity $UccxMailbox"
$uccxErrors = $null
try {
    Get-Mailbox -Identity $UccxMailbox -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}}, @{Name='UccxFact'; Expression={'mailbox'}},
        @{Name='UccxTarget'; Expression={$UccxMailbox}}, 'PrimarySmtpAddress', 'SamAccountName', 'LegacyExchangeDN',
        'ThrottlingPolicy', 'ServerName', @{Name='Database'; Expression={[string]$_.Database}}
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

#region fact:casMailbox
# Whether IMAP4 clients may open the UCCX mailbox at all (Get-CASMailbox, ImapEnabled; View-Only
# Recipients may run it). An IMAP-disabled mailbox refuses every UCCX login.
$hop = "Get-CASMailbox -Identity $UccxMailbox"
$uccxErrors = $null
try {
    Get-CASMailbox -Identity $UccxMailbox -ErrorAction Stop -ErrorVariable uccxErrors | Select-Object @{Name='UccxRecord'; Expression={'fact'}},
        @{Name='UccxFact'; Expression={'casMailbox'}}, @{Name='UccxTarget'; Expression={$UccxMailbox}}, 'Identity', 'ImapEnabled'
    Get-UccxStatus 'casMailbox' $UccxMailbox $hop $uccxErrors
} catch {
    Get-UccxStatus 'casMailbox' $UccxMailbox $hop $_
}
#endregion

#region fact:account
# The UCCX account's own Active Directory object: enabled, locked out, and when its credential
# expires. Get-User gives its DistinguishedName; the object is then read with a base-scope LDAP
# search (System.DirectoryServices.DirectorySearcher, which gives large integers as Int64), since
# the constructed attributes msDS-User-Account-Control-Computed and
# msDS-UserPasswordExpiryTimeComputed are returned only to a base-scope search (MS-ADTS 3.1.1.4.5).
# The second is constructed by Windows Server 2008 and later domain controllers and already weighs
# fine-grained policies; where it is absent the runner falls back on pwdLastSet and the domain's
# maxPwdAge, read from the domain object above the account. Reading these needs only what
# Authenticated Users may read by default. An attribute the directory does not give is left out.
$hop = "Get-User -Identity $UccxAccount, then its directory object"
$uccxErrors = $null
try {
    $uccxUser = Get-User -Identity $UccxAccount -ErrorAction Stop -ErrorVariable uccxErrors
    $userErrors = @($uccxErrors | Where-Object { $_ -ne $null }).Count
    if ($userErrors -eq 0 -and $uccxUser -ne $null) {
        $dn = [string]$uccxUser.DistinguishedName
        $record = @{ UccxRecord = 'fact'; UccxFact = 'account'; UccxTarget = $UccxAccount; DistinguishedName = $dn }
        $wanted = @('userAccountControl', 'msDS-User-Account-Control-Computed', 'pwdLastSet', 'lockoutTime',
            'msDS-UserPasswordExpiryTimeComputed')
        $names = @('UserAccountControl', 'ComputedFlags', 'PwdLastSet', 'LockoutTime', 'PwdExpiresComputed')
        $entry = New-Object System.DirectoryServices.DirectoryEntry -ArgumentList ('LDAP://' + $dn)
        $searcher = New-Object System.DirectoryServices.DirectorySearcher -ArgumentList $entry, '(objectClass=*)', ([string[]]$wanted), 'Base'
        $found = $searcher.FindOne()
        if ($found -eq $null) { throw "the directory returned no object at $dn" }
        for ($i = 0; $i -lt $wanted.Count; $i++) {
            # The result's property names are lower case.
            $values = $found.Properties[$wanted[$i].ToLower()]
            if ($values -ne $null -and $values.Count -gt 0) { $record[$names[$i]] = [string]$values[0] }
        }
        $searcher.Dispose()
        $entry.Dispose()
        # The domain's maxPwdAge, from the domain object that holds the account (the DN's DC= part).
        $domainDn = $dn -replace '^.*?(?=DC=)', ''
        $domainEntry = New-Object System.DirectoryServices.DirectoryEntry -ArgumentList ('LDAP://' + $domainDn)
        $domainSearcher = New-Object System.DirectoryServices.DirectorySearcher -ArgumentList $domainEntry, '(objectClass=*)', ([string[]]@('maxPwdAge')), 'Base'
        $domain = $domainSearcher.FindOne()
        if ($domain -ne $null) {
            $values = $domain.Properties['maxpwdage']
            if ($values -ne $null -and $values.Count -gt 0) { $record['MaxPwdAge'] = [string]$values[0] }
        }
        $domainSearcher.Dispose()
        $domainEntry.Dispose()
        New-Object PSObject -Property $record
    }
    Get-UccxStatus 'account' $UccxAccount $hop $uccxErrors
} catch {
    Get-UccxStatus 'account' $UccxAccount $hop $_
}
#endregion

#region windowsFacts
# The per-server reads queued in the registry, storeEvents and services sections: each one's records and
# status as it ends, or a failed status once it has run $UccxTargetSeconds from its own start. While
# any is pending a progress record goes out every $uccxProgressSeconds, far below WinRM's
# OperationTimeout, so that the command is never ended for writing nothing.
#
# A read past its bound is abandoned, never stopped: PowerShell.Stop() and Dispose() (which stops)
# wait until the pipeline stops, and a pipeline blocked inside an RPC call (RegConnectRegistry, an
# event-log query) stops only when that call returns, which is the very wait the bound is there to
# cut short. Its runspace stays busy until then, so the pool is given one runspace more for each
# read abandoned; powershell.exe ends at the script's end, and with it the abandoned threads.
# A read that never started (every runspace held by abandoned reads, should the pool not grow) is
# given up too once every wave of reads could have used its whole bound.
$uccxProgressSeconds = 5
$uccxLastWritten = [DateTime]::UtcNow
$uccxAbandoned = 0
$uccxWaves = [Math]::Ceiling($uccxQueued.Count / $UccxParallelTargets) + 1
$uccxPending = @($uccxQueued)
while ($uccxPending.Count -gt 0) {
    $uccxStill = @()
    foreach ($job in $uccxPending) {
        $began = $uccxStarted[$job.Key]
        $now = [DateTime]::UtcNow
        $late = $false
        if ($began -ne $null) {
            $late = ($now - $began).TotalSeconds -ge $UccxTargetSeconds
        } else {
            $late = ($now - $uccxQueuedAt).TotalSeconds -ge $uccxWaves * $UccxTargetSeconds
        }
        if ($job.Handle.IsCompleted) {
            $failures = @()
            try {
                foreach ($record in $job.Shell.EndInvoke($job.Handle)) {
                    if ($record -is [System.Management.Automation.ErrorRecord]) { $failures += $record } else { $record }
                }
                $failures += @($job.Shell.Streams.Error)
                $job.Shell.Dispose()
            } catch {
                $failures += $_
            }
            Get-UccxStatus $job.Fact $job.Target $job.Hop $failures
            $uccxLastWritten = [DateTime]::UtcNow
        } elseif ($late) {
            $why = "$($job.Target) did not answer within $UccxTargetSeconds s"
            if ($began -eq $null) { $why = "$($job.Target) was not asked: every runspace was held by servers that did not answer" }
            $timeout = New-Object System.TimeoutException -ArgumentList $why
            $timeoutRecord = New-Object System.Management.Automation.ErrorRecord -ArgumentList $timeout, 'UccxTargetTimeout', 'OperationTimeout', $job.Target
            Get-UccxStatus $job.Fact $job.Target $job.Hop $timeoutRecord
            $uccxAbandoned++
            [void]$uccxPool.SetMaxRunspaces($UccxParallelTargets + $uccxAbandoned)
            $uccxLastWritten = [DateTime]::UtcNow
        } else {
            $uccxStill += $job
        }
    }
    $uccxPending = $uccxStill
    if ($uccxPending.Count -gt 0) {
        [void]$uccxPending[0].Handle.AsyncWaitHandle.WaitOne(250)
        if (([DateTime]::UtcNow - $uccxLastWritten).TotalSeconds -ge $uccxProgressSeconds) {
            New-Object PSObject -Property @{
                UccxRecord = 'progress'; Waiting = $uccxPending.Count
            }
            $uccxLastWritten = [DateTime]::UtcNow
        }
    }
}
if ($uccxAbandoned -eq 0) {
    $uccxPool.Close()
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
