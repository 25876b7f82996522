package uccx.compliance.collector;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The collector's script, read by a real PowerShell grammar (tree-sitter) rather than by the
 * allow-list's regular expression: it parses, everything it runs (commands by name, no alias, no
 * computed name but one, .NET calls, New-Object types) is reviewed as reading ({@link ReadOnlyReview}),
 * and it has one region per fact the controls need.
 *
 * <p>PowerShell 3+ constructs ({@code [ordered]}, {@code ConvertTo-Json}, {@code .ForEach()})
 * parse here, because the grammar follows current PowerShell; keeping the script to 2.0 is not
 * this test's job, and the before-stop hook greps the script for them.
 *
 * <p>Needs Node and {@code npm ci} in {@code src/test/powershell-grammar}: skipped without them,
 * except in the {@code self-test} profile, which installs them and fails when they are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectorScriptGrammarTest {

    private static final String COLLECTOR_SCRIPT = "/uccx/compliance/collector/collect-facts.ps1";

    private static final List<String> CHECKLIST_CMDLETS = List.of("Get-ExchangeServer", "Get-ImapSettings",
            "Get-WinEvent", "Get-OrganizationConfig", "Get-ADPermission", "Get-ReceiveConnector", "Get-Mailbox",
            "Get-ThrottlingPolicy");

    private static final List<String> FACTS = List.of("exchangeServers", "imapSettings", "registry", "storeEvents", "services",
            "accountGroups", "organizationPermissions", "receiveConnectors", "mailboxDatabases", "mailbox", "throttlingPolicies", "casMailbox",
            "account");

    private final PowerShellGrammar grammar = PowerShellGrammar.inProject();
    private List<String> missing;
    private ScriptSyntax collector;

    @BeforeAll
    void parseTheCollectorScript() throws IOException {
        missing = grammar.whatIsMissing();
        if (missing.isEmpty()) {
            collector = grammar.parse(resource(COLLECTOR_SCRIPT));
        } else if (Boolean.getBoolean(PowerShellGrammar.REQUIRED_PROPERTY)) {
            fail(whyNot());
        }
    }

    // Aborting each test, not the class, makes surefire count them as skipped instead of
    // reporting a class that ran no test.
    @BeforeEach
    void skipWithoutTheGrammar() {
        if (!missing.isEmpty()) {
            abort(whyNot());
        }
    }

    @Test
    void theCollectorScriptHasNoSyntaxError() {
        assertThat(collector.errors()).as("syntax errors in collect-facts.ps1").isEmpty();
    }

    @Test
    void theCollectorScriptOnlyReadsAsItsSyntaxTreeShows() {
        assertThat(collector.commands()).as("commands in collect-facts.ps1's syntax tree").isNotEmpty();
        assertThat(collector.methodCalls()).as(".NET calls in collect-facts.ps1's syntax tree").isNotEmpty();
        assertThat(collector.newObjects()).as("New-Object in collect-facts.ps1's syntax tree").isNotEmpty();

        assertThat(ReadOnlyReview.findingsIn(collector)).as("what collect-facts.ps1 does that is not reviewed as reading").isEmpty();
    }

    @Test
    void aWriteHiddenFromAVerbRegexIsFoundInTheTreeWhileTheRuntimeGuardMissesIt() throws IOException {
        Path fixture = resource("/uccx/compliance/collector/grammar/refused-fixture-hides-a-write.ps1");
        ScriptSyntax syntax = grammar.parse(fixture);

        assertThat(syntax.errors()).isEmpty();
        assertThat(ReadOnlyReview.findingsIn(syntax)).containsExactly(
                "gps is an alias of Get-Process: name the command itself",
                "iex is an alias of Invoke-Expression: name the command itself",
                "line 6: & ('Disable' + '-Mailbox') runs a computed command name, which no review can judge",
                "line 7: .InvokeScript() is not a reviewed read-only method",
                "line 8: [System.IO.File]::Delete() is not a reviewed read-only call",
                "line 10: (Get-Process -Name Microsoft.Exchange.Imap4).$name() calls a computed method name, which no review can judge",
                "line 11: New-Object System.Net.WebClient is not a reviewed type",
                "line 12: New-Object COM:WScript.Shell is not a reviewed type");
        // Why the README calls the runtime AllowList a guard against our own mistakes, not a boundary.
        assertThat(AllowList.refusedCommandsIn(Files.readString(fixture))).isEmpty();
    }

    @Test
    void theCollectorInvokesEveryCmdletTheChecklistNeeds() {
        assertThat(collector.commands()).containsAll(CHECKLIST_CMDLETS);
    }

    @Test
    void theOnlyComputedInvocationLoadsTheExchangeCmdlets() {
        // The allow-list cannot judge a computed name; this one dot-sources Exchange's own
        // RemoteExchange.ps1, the supported way to get its cmdlets outside the Management Shell.
        assertThat(collector.dynamicCommands()).singleElement().satisfies(invocation -> {
            assertThat(invocation.operator()).isEqualTo(".");
            assertThat(invocation.text()).isEqualTo("($env:ExchangeInstallPath + 'bin\\RemoteExchange.ps1')");
        });
    }

    @Test
    void theCollectorHasSetupThenOneRegionPerFactThenTheWaitForWindowsFactsThenEnd() {
        List<String> regions = collector.regions();
        assertThat(regions).as("regions of collect-facts.ps1").isNotEmpty()
                .allSatisfy(region -> assertThat(region).matches("setup|windowsFacts|end|fact:\\w+"));
        assertThat(regions.get(regions.size() - 2)).as("waits for the per-server reads last").isEqualTo("windowsFacts");
        assertThat(regions.get(0)).isEqualTo("setup");
        assertThat(regions.get(regions.size() - 1)).isEqualTo("end");
        assertThat(regions).filteredOn(region -> region.startsWith("fact:"))
                .extracting(region -> region.substring("fact:".length()))
                .containsExactlyInAnyOrderElementsOf(FACTS);
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLine() throws IOException {
        ScriptSyntax syntax = grammar.parse(resource("/uccx/compliance/collector/grammar/empty-pipe-element.ps1"));

        assertThat(syntax.errors()).extracting(ScriptSyntax.SyntaxError::line).containsExactly(5);
    }

    @Test
    void aWritingCommandIsFoundHoweverItIsSpelledAndRefused() throws IOException {
        ScriptSyntax syntax = grammar.parse(resource("/uccx/compliance/collector/grammar/refused-fixture-writes-a-setting.ps1"));

        assertThat(syntax.errors()).isEmpty();
        assertThat(syntax.commands()).filteredOn(command -> !AllowList.allows(command))
                .containsExactly("Set-ImapSettings", "Restart-Service");
        assertThat(syntax.commands()).as("names in a comment or a string are not commands")
                .doesNotContain("Remove-Mailbox", "Set-Mailbox");
    }

    private String whyNot() {
        return "the PowerShell grammar check cannot run; missing: " + String.join("; ", missing);
    }

    private static Path resource(String name) {
        URL url = Objects.requireNonNull(CollectorScriptGrammarTest.class.getResource(name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
